"""The Dutch rules per year (content/rules/<year>.yaml) and the loader that checks them.

Expected values are read off the year files and docs/dead-end-model.md by hand. A broken file is
tested by writing a changed copy of a year file into a temporary content folder and pointing the
loader at it; every refusal must be a RulesError naming the file and the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import calculators.content as content
import calculators.fields as fields
from calculators.rules import RULE_UNITS, RulesError, available_years, rules_for
from tests.unit.conftest import clear_content_caches

CONTENT = Path(__file__).resolve().parents[2] / "content"
YEARS = (2024, 2025, 2026)
D = dt.date


def _edit(copy: Path, year: int, change: Callable[[dict[str, Any]], None]) -> None:
    """Load the copy's year file, change the data, write it back."""
    path = copy / "rules" / f"{year}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


class TestShippedFiles:
    """The three shipped years load, with every rule in its unit and the values of the files."""

    def test_available_years(self) -> None:
        """content/rules holds 2024, 2025 and 2026."""
        assert available_years() == YEARS

    @pytest.mark.parametrize("year", YEARS)
    def test_every_rule_present_with_its_unit(self, year: int) -> None:
        """Each required rule is there, in its unit, with at least one source and both notes."""
        year_rules = rules_for(year)
        assert year_rules.year == year
        assert set(year_rules.rules) == set(RULE_UNITS)
        for key, unit in RULE_UNITS.items():
            rule = year_rules[key]
            assert rule.unit == unit, key
            assert rule.values, key
            assert all(value.sources for value in rule.values), key
            assert rule.note("nl") and rule.note("en"), key
            assert all(value.applies_from.year <= year for value in rule.values), key

    @pytest.mark.parametrize(("year", "cap"), [(2024, 94000), (2025, 98000), (2026, 102000)])
    def test_caps(self, year: int, cap: int) -> None:
        """The transition payment caps: 94 000 / 98 000 / 102 000; divisor 3 and the annual-salary flag."""
        year_rules = rules_for(year)
        assert year_rules.value("transition_payment_cap_eur") == cap
        assert year_rules.value("transition_payment_divisor") == 3
        assert year_rules.value("transition_payment_cap_or_annual_salary") is True

    @pytest.mark.parametrize(("year", "cap_to_verify"), [(2024, False), (2025, False), (2026, True)])
    def test_cap_to_verify(self, year: int, cap_to_verify: bool) -> None:
        """2024 and 2025 caps are verified; the 2026 cap rests on secondary sources only."""
        rule = rules_for(year)["transition_payment_cap_eur"]
        assert rule.to_verify is cap_to_verify
        assert rule.first.confidence == ("secondary" if cap_to_verify else "verified")

    @pytest.mark.parametrize("year", YEARS)
    def test_pro_rata_always_to_verify(self, year: int) -> None:
        """The months/12, days/365 split is secondary in every year."""
        rule = rules_for(year)["transition_payment_pro_rata"]
        assert rule.first.value == "months_12_days_365"
        assert rule.to_verify

    @pytest.mark.parametrize(
        ("year", "january", "july", "to_verify"),
        [
            (2024, 13.27, 13.68, True),  # both values secondary
            (2025, 14.06, 14.40, True),  # January verified, July secondary
            (2026, 14.71, 14.71, False),  # no change in the file, verified
        ],
    )
    def test_minimum_wage_and_its_july_change(
        self, year: int, january: float, july: float, to_verify: bool
    ) -> None:
        """Rule.on(date): the first value until 30 June, the later one from 1 July."""
        rule = rules_for(year)["minimum_wage_hourly_eur"]
        assert rule.unit == "eur_per_hour"
        assert rule.on(D(year, 1, 1)).value == january
        assert rule.on(D(year, 6, 30)).value == january
        assert rule.on(D(year, 7, 1)).value == july
        assert rule.on(D(year, 12, 31)).value == july
        assert rule.first.value == january
        assert rules_for(year).value("minimum_wage_hourly_eur", D(year, 7, 1)) == july
        assert rule.to_verify is to_verify

    def test_minimum_wage_2025_confidence_by_date(self) -> None:
        """2025: the January value is verified, the July value secondary."""
        rule = rules_for(2025)["minimum_wage_hourly_eur"]
        assert rule.on(D(2025, 1, 1)).to_verify is False
        assert rule.on(D(2025, 7, 1)).to_verify is True

    def test_maximum_daily_wage_2024_july_change(self) -> None:
        """2024: 274.44 a day from 1 January, 282.95 from 1 July."""
        rule = rules_for(2024)["maximum_daily_wage_eur"]
        assert rule.on(D(2024, 6, 30)).value == 274.44
        assert rule.on(D(2024, 7, 1)).value == 282.95

    def test_uwv_compensation_2026_scope_changes_in_july(self) -> None:
        """2026: all employers until 30 June; from 1 July 2026 small employers only (secondary)."""
        rule = rules_for(2026)["uwv_compensation_after_illness"]
        assert rule.on(D(2026, 6, 30)).value == "all_employers"
        assert rule.on(D(2026, 7, 1)).value == "small_employers"
        assert rule.on(D(2026, 7, 1)).to_verify
        assert rule.to_verify
        for year in (2024, 2025):
            assert rules_for(year).value("uwv_compensation_after_illness", D(year, 12, 31)) == "all_employers"

    @pytest.mark.parametrize("year", YEARS)
    def test_notice_periods(self, year: int) -> None:
        """Statutory notice: 1 month under 5 years, 2 from 5, 3 from 10, 4 from 15."""
        steps = rules_for(year).value("notice_period_months")
        assert [(step["from_years"], step["months"]) for step in steps] == [(0, 1), (5, 2), (10, 3), (15, 4)]

    def test_unknown_year_is_refused(self) -> None:
        """A year without a file is a RulesError naming the year."""
        with pytest.raises(RulesError, match="2023"):
            rules_for(2023)


def _set(key: str, field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["rules"][key][field] = value

    return change


def _drop(key: str, field: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["rules"][key][field]

    return change


def _drop_rule(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["rules"][key]

    return change


def _add_rule(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["rules"][key] = dict(data["rules"]["sick_pay_weeks"])

    return change


def _drop_note(key: str, lang: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["rules"][key]["note"][lang]

    return change


def _set_later(key: str, field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["rules"][key]["later"][0][field] = value

    return change


class TestRefusals:
    """A broken year file is refused with a RulesError that names the file and the rule."""

    @pytest.mark.parametrize(
        ("change", "rule", "what"),
        [
            (_drop_rule("sick_pay_weeks"), "sick_pay_weeks", "missing rule"),
            (_add_rule("holiday_weeks"), "holiday_weeks", "unknown rule"),
            (_set("transition_payment_cap_eur", "unit", "usd"), "transition_payment_cap_eur", "unit must be"),
            (
                _drop("transition_payment_cap_eur", "sources"),
                "transition_payment_cap_eur",
                "missing 'sources'",
            ),
            (_set("transition_payment_cap_eur", "sources", []), "transition_payment_cap_eur", "no source"),
            (
                _set("transition_payment_cap_eur", "sources", ["no_such_source"]),
                "transition_payment_cap_eur",
                "unknown source",
            ),
            (_set("sick_pay_weeks", "confidence", "probably"), "sick_pay_weeks", "confidence"),
            (_drop_note("sick_pay_weeks", "en"), "sick_pay_weeks", "note"),
            (_drop_note("sick_pay_weeks", "nl"), "sick_pay_weeks", "note"),
            (_set("sick_pay_weeks", "applies_from", "first of July"), "sick_pay_weeks", "not a date"),
            (_set("sick_pay_weeks", "applies_from", "2026-13-01"), "sick_pay_weeks", "not a date"),
            (_set("sick_pay_weeks", "applies_from", D(2027, 1, 1)), "sick_pay_weeks", "after 2026"),
            (_drop("sick_pay_weeks", "value"), "sick_pay_weeks", "missing 'value'"),
            (
                _set_later("uwv_compensation_after_illness", "applies_from", D(2027, 7, 1)),
                "uwv_compensation_after_illness",
                "after 2026",
            ),
            (
                _set_later("uwv_compensation_after_illness", "sources", ["no_such_source"]),
                "uwv_compensation_after_illness",
                "unknown source",
            ),
        ],
    )
    def test_broken_2026_file(
        self, content_copy: Path, change: Callable[[dict[str, Any]], None], rule: str, what: str
    ) -> None:
        """Each defect: RulesError naming rules/2026.yaml, the rule and what is wrong."""
        _edit(content_copy, 2026, change)
        with pytest.raises(RulesError) as caught:
            rules_for(2026)
        message = str(caught.value)
        assert "rules/2026.yaml" in message
        assert rule in message
        assert what in message

    def test_other_years_still_load(self, content_copy: Path) -> None:
        """A broken 2026 file does not affect 2024 and 2025."""
        _edit(content_copy, 2026, _drop_rule("sick_pay_weeks"))
        assert rules_for(2024).value("transition_payment_cap_eur") == 94000
        assert rules_for(2025).value("transition_payment_cap_eur") == 98000

    def test_wrong_year_inside_the_file(self, content_copy: Path) -> None:
        """2025.yaml that says year: 2024 is refused, naming the file."""

        def change(data: dict[str, Any]) -> None:
            data["year"] = 2024

        _edit(content_copy, 2025, change)
        with pytest.raises(RulesError, match=re.escape("rules/2025.yaml")):
            rules_for(2025)

    def test_unquoted_impossible_date(self, content_copy: Path) -> None:
        """An unquoted impossible date (applies_from: 2026-13-01, as someone might type it) is a content
        error naming the file — not a bare ValueError from the YAML parser."""
        path = content_copy / "rules" / "2026.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("applies_from: 2004-01-01", "applies_from: 2026-13-01", 1)
        path.write_text(text, encoding="utf-8")
        with pytest.raises(content.ContentError, match=re.escape("rules/2026.yaml")):
            rules_for(2026)

    def test_caches_restored_after_the_fixture(self) -> None:
        """Runs after the broken copies: the real files are read again (cap 2026 = 102 000)."""
        assert rules_for(2026).value("transition_payment_cap_eur") == 102000
        assert available_years() == YEARS


class TestAddingAYear:
    """Adding a year means adding one file."""

    def test_2027_file_offers_2027(self, content_copy: Path) -> None:
        """A copy of 2026 with year: 2027 → available_years() includes 2027 and the rules year field's
        maximum (and default) becomes 2027."""
        source = content_copy / "rules" / "2026.yaml"
        text = source.read_text(encoding="utf-8").replace("year: 2026", "year: 2027", 1)
        (content_copy / "rules" / "2027.yaml").write_text(text, encoding="utf-8")
        clear_content_caches()
        assert available_years() == (2024, 2025, 2026, 2027)
        assert rules_for(2027).year == 2027
        assert rules_for(2027).value("transition_payment_cap_eur") == 102000
        spec = fields.field_spec("company.rules_year")
        assert spec.maximum == 2027
        assert spec.minimum == 2024
        assert spec.default == 2027

    def test_back_to_three_years(self) -> None:
        """Runs after the copy: without the 2027 file the maximum is 2026 again."""
        assert fields.field_spec("company.rules_year").maximum == 2026
