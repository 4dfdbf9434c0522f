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
import calculators.scenario.fields as fields
from calculators.rules import RULE_UNITS, RulesError, available_years, rules_for
from calculators.sources import source
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

    @pytest.mark.parametrize("year", YEARS)
    def test_uwv_compensation_is_law_for_all_employers(self, year: int) -> None:
        """Art. 7:673e BW: all employers the whole year, verified, no July change (bill 36 869 is not law)."""
        rule = rules_for(year)["uwv_compensation_after_illness"]
        assert len(rule.values) == 1
        for day in (D(year, 1, 1), D(year, 6, 30), D(year, 7, 1), D(year, 12, 31)):
            assert rule.on(day).value == "all_employers"
        assert rule.to_verify is False
        assert rule.first.confidence == "verified"
        assert "bw_7_673e" in rule.first.sources
        assert "7:673e" in rule.note("nl") and "7:673e" in rule.note("en")

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
    """Give the rule a later value (a copy of its own value, dated 1 July of the file's year), then
    break one field of it. No 2026 rule changes mid-year any more, so the test adds the change."""

    def change(data: dict[str, Any]) -> None:
        rule = data["rules"][key]
        later = {name: rule[name] for name in ("value", "sources", "confidence")}
        later["applies_from"] = D(data["year"], 7, 1)
        rule["later"] = [later]
        rule["later"][0][field] = value

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

    def test_added_later_value_loads(self, content_copy: Path) -> None:
        """The helper's later value is well formed: unbroken, it loads and applies from 1 July."""
        _edit(content_copy, 2026, _set_later("uwv_compensation_after_illness", "confidence", "secondary"))
        rule = rules_for(2026)["uwv_compensation_after_illness"]
        assert len(rule.values) == 2
        assert rule.on(D(2026, 6, 30)).to_verify is False
        assert rule.on(D(2026, 7, 1)).to_verify is True

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


def _aow_age(steps: list[dict[str, int]], year: int) -> tuple[int, int]:
    """(years, months) of the state pension age in ``year``: the last step that has begun."""
    current = [step for step in steps if step["from_year"] <= year]
    assert current, year
    last = max(current, key=lambda step: step["from_year"])
    return last["years"], last["months"]


class TestDismissalRules:
    """The dismissal-law rules of the dead-end track (shared/domain/dutch-rules.md §0), per year."""

    def test_head_count_rule_is_gone(self) -> None:
        """small_employer_max_employees (head count) is not a rule any more: in no file, not in RULE_UNITS."""
        assert "small_employer_max_employees" not in RULE_UNITS
        for year in YEARS:
            assert "small_employer_max_employees" not in rules_for(year).rules

    def test_new_rule_units(self) -> None:
        """Pins the units of the new rules."""
        assert {
            key: RULE_UNITS[key]
            for key in (
                "aow_age_by_year",
                "sick_pay_weeks_after_aow",
                "uwv_ahead_of_lapse_weeks",
                "notice_after_procedure_min_months",
                "settlement_withdrawal_days",
                "uwv_compensation_bill_36869",
                "whk_small_employer_wage_bill_factor",
            )
        } == {
            "aow_age_by_year": "age_by_year",
            "sick_pay_weeks_after_aow": "weeks",
            "uwv_ahead_of_lapse_weeks": "weeks",
            "notice_after_procedure_min_months": "months",
            "settlement_withdrawal_days": "days",
            "uwv_compensation_bill_36869": "status",
            "whk_small_employer_wage_bill_factor": "factor",
        }

    @pytest.mark.parametrize(
        ("key", "value", "confidence"),
        [
            ("sick_pay_weeks_after_aow", 6, "verified"),
            ("uwv_ahead_of_lapse_weeks", 26, "secondary"),
            ("notice_after_procedure_min_months", 1, "verified"),
            ("settlement_withdrawal_days", 14, "verified"),
            ("whk_small_employer_wage_bill_factor", 25, "verified"),
        ],
    )
    @pytest.mark.parametrize("year", YEARS)
    def test_fixed_values(self, year: int, key: str, value: int, confidence: str) -> None:
        """The same value all year in every file, with its confidence (26 weeks is "to verify")."""
        rule = rules_for(year)[key]
        assert len(rule.values) == 1, key
        assert rule.first.value == value, key
        assert rule.first.confidence == confidence, key
        assert rule.to_verify is (confidence == "secondary"), key

    @pytest.mark.parametrize("year", YEARS)
    def test_sources_of_the_new_rules(self, year: int) -> None:
        """Each new rule cites the statute (or decree) it rests on."""
        year_rules = rules_for(year)
        assert set(year_rules["sick_pay_weeks_after_aow"].first.sources) >= {"bw_7_629", "stb_2023_169"}
        assert "bw_7_669" in year_rules["uwv_ahead_of_lapse_weeks"].first.sources
        assert set(year_rules["notice_after_procedure_min_months"].first.sources) == {"bw_7_672", "bw_7_671b"}
        assert year_rules["settlement_withdrawal_days"].first.sources == ("bw_7_670b",)
        assert "rijksoverheid_aow_leeftijd" in year_rules["aow_age_by_year"].first.sources

    @pytest.mark.parametrize("year", YEARS)
    def test_sick_pay_after_aow_is_six_weeks_since_july_2023(self, year: int) -> None:
        """Stb. 2023, 169: six weeks for illness from 1 July 2023 (thirteen only for those already ill)."""
        rule = rules_for(year)["sick_pay_weeks_after_aow"]
        assert rule.first.applies_from == D(2023, 7, 1)
        assert rule.first.value == 6
        assert "dertien" in rule.note("nl") and "thirteen" in rule.note("en")

    @pytest.mark.parametrize("year", YEARS)
    def test_aow_schedule(self, year: int) -> None:
        """Every file: 67 years up to 2027, 67 years and 3 months from 2028 (to 2031), verified."""
        rule = rules_for(year)["aow_age_by_year"]
        steps = rule.first.value
        assert all(set(step) == {"from_year", "years", "months"} for step in steps)
        assert [(s["from_year"], s["years"], s["months"]) for s in steps] == [(2024, 67, 0), (2028, 67, 3)]
        for calendar_year in (2024, 2025, 2026, 2027):
            assert _aow_age(steps, calendar_year) == (67, 0), calendar_year
        for calendar_year in (2028, 2029, 2030, 2031):
            assert _aow_age(steps, calendar_year) == (67, 3), calendar_year
        assert rule.first.confidence == "verified"
        assert "7:673 lid 7" in rule.note("nl") and "673(7)" in rule.note("en")

    def test_aow_2026_file_2027_and_2028(self) -> None:
        """The 2026 file: 67 y 0 m in 2027, 67 y 3 m in 2028."""
        steps = rules_for(2026).value("aow_age_by_year")
        assert _aow_age(steps, 2027) == (67, 0)
        assert _aow_age(steps, 2028) == (67, 3)

    def test_bill_36869_2024_no_bill(self) -> None:
        """2024: there was no bill yet (value none, verified)."""
        rule = rules_for(2024)["uwv_compensation_bill_36869"]
        assert [value.value for value in rule.values] == ["none"]
        assert rule.to_verify is False

    def test_bill_36869_2025_pending_from_5_december(self) -> None:
        """2025: none until 4 December; pending from 5 December 2025, when it went to the House."""
        rule = rules_for(2025)["uwv_compensation_bill_36869"]
        assert rule.on(D(2025, 1, 1)).value == "none"
        assert rule.on(D(2025, 12, 4)).value == "none"
        assert rule.on(D(2025, 12, 5)).value == "pending"
        assert rule.on(D(2025, 12, 31)).value == "pending"
        assert rule.to_verify is False

    def test_bill_36869_2026_pending_and_to_verify(self) -> None:
        """2026: pending all year, secondary (enactment not confirmed); "small" is the Whk category."""
        rule = rules_for(2026)["uwv_compensation_bill_36869"]
        assert len(rule.values) == 1
        assert rule.on(D(2026, 12, 31)).value == "pending"
        assert rule.first.applies_from <= D(2026, 1, 1)
        assert rule.to_verify is True
        assert "25" in rule.note("nl") and "Whk" in rule.note("en")
        assert set(rule.first.sources) >= {
            "rijksoverheid_2025_36869",
            "accountancyvanmorgen_2026_compensatie",
        }

    @pytest.mark.parametrize("year", (2025, 2026))
    def test_maximum_daily_wage_july_value_missing_is_flagged(self, year: int) -> None:
        """No July value found for 2025/2026: none invented; the note says so, the rule is "to verify"."""
        rule = rules_for(year)["maximum_daily_wage_eur"]
        assert len(rule.values) == 1
        assert rule.to_verify is True
        assert f"1 juli {year}" in rule.note("nl")
        assert f"1 July {year}" in rule.note("en")

    @pytest.mark.parametrize(("year", "january"), [(2024, 274.44), (2025, 290.67), (2026, 304.25)])
    def test_maximum_daily_wage_january(self, year: int, january: float) -> None:
        """The 1 January amounts stay as they were."""
        assert rules_for(year).value("maximum_daily_wage_eur") == january

    @pytest.mark.parametrize("year", YEARS)
    def test_deduction_lookback_is_to_verify(self, year: int) -> None:
        """The five-year look-back appears only on law-firm pages: secondary, note says so."""
        rule = rules_for(year)["deduction_lookback_years"]
        assert rule.first.value == 5
        assert rule.first.confidence == "secondary"
        assert rule.to_verify is True
        assert "nog te bevestigen" in rule.note("nl")
        assert "still to be confirmed" in rule.note("en")


NEW_SOURCES = (
    "bw_7_669",
    "bw_7_611a",
    "bw_7_670",
    "bw_7_670b",
    "bw_7_671b",
    "bw_7_672",
    "bw_7_673_lid7",
    "bw_7_673b",
    "bw_7_673e",
    "bw_7_629",
    "ontslagregeling_afspiegeling",
    "uwv_kennisverslag_2024_3",
    "stb_2023_169",
    "rijksoverheid_aow_leeftijd",
    "spin_aow_2028",
    "inhetnieuws_aow_2030",
    "uwv_ontslag_bedrijfseconomisch",
    "pellicaan_26_weken",
    "vengroot_werkgeverscategorie",
)


class TestNewSources:
    """The sources added for the dismissal-law rules resolve and read well."""

    @pytest.mark.parametrize("source_id", NEW_SOURCES)
    def test_resolves(self, source_id: str) -> None:
        """Every new id is in content/sources.yaml with a web address."""
        entry = source(source_id)
        assert entry.url.startswith("https://"), source_id
        assert entry.shows("nl") and entry.shows("en"), source_id

    @pytest.mark.parametrize("source_id", [s for s in NEW_SOURCES if s.startswith("bw_7_")])
    def test_statute_articles(self, source_id: str) -> None:
        """Civil Code articles: wetten.overheid.nl, verified, article number in the title, citation
        "Overheid.nl (wetten.overheid.nl) (2026)"."""
        entry = source(source_id)
        article = source_id.removeprefix("bw_7_").split("_")[0]
        assert f"artikel {article}" in entry.title, source_id
        assert entry.url == "https://wetten.overheid.nl/BWBR0005290/"
        assert entry.confidence == "verified"
        assert entry.citation() == "Overheid.nl (wetten.overheid.nl) (2026)"

    def test_ontslagregeling(self) -> None:
        """The Ontslagregeling (afspiegelingsbeginsel) is BWBR0036594, verified."""
        entry = source("ontslagregeling_afspiegeling")
        assert entry.url == "https://wetten.overheid.nl/BWBR0036594"
        assert entry.confidence == "verified"

    def test_kennisverslag_is_secondary(self) -> None:
        """The report itself was not found at its own address: secondary."""
        assert source("uwv_kennisverslag_2024_3").confidence == "secondary"

    def test_decree_citations(self) -> None:
        """Stb. 2014, 538 names the wage-concept decree; Stb. 2015, 171 and Stb. 2020, 188 unchanged."""
        loonbegrip = source("besluit_loonbegrip_bwbr0035998")
        assert "Stb. 2014, 538" in loonbegrip.title
        assert "BWBR0035998" in loonbegrip.title
        assert loonbegrip.year == 2014
        assert "Stb. 2015, 171" in source("stb_2015_171").title
        assert source("stb_2015_171").year == 2015
        assert "Stb. 2020, 188" in source("stb_2020_188").title
        assert source("stb_2020_188").year == 2020
        assert "Stb. 2023, 169" in source("stb_2023_169").title
