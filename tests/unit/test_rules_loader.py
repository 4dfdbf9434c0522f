"""The rules files per year: every year loads, and a broken file is refused, naming file and rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import calculators.scenario.fields as fields
from calculators.rules import RULE_UNITS, RulesError, available_years, check_all, rules_for

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _edit(copy: Path, year: int, change: object) -> None:
    path = copy / "rules" / f"{year}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


class TestShippedFiles:
    """The three years in content/rules load with every rule in its unit."""

    def test_every_year_loads(self) -> None:
        """Pins 2024–2026 and that each has every rule with the expected unit."""
        assert available_years() == (2024, 2025, 2026)
        for year_rules in check_all():
            for key, unit in RULE_UNITS.items():
                assert year_rules[key].unit == unit

    @pytest.mark.parametrize(
        ("year", "cap", "to_verify"), [(2024, 94000, False), (2025, 98000, False), (2026, 102000, True)]
    )
    def test_caps_and_their_confidence(self, year: int, cap: int, to_verify: bool) -> None:
        """Pins the caps per year and that only 2026's is flagged "to verify" (secondary sources)."""
        rule = rules_for(year)["transition_payment_cap_eur"]
        assert (rule.first.value, rule.to_verify) == (cap, to_verify)

    def test_mid_year_change(self) -> None:
        """Pins Rule.on: the minimum wage 2025 is 14.06 until 30 June and 14.40 from 1 July."""
        wage = rules_for(2025)["minimum_wage_hourly_eur"]
        assert wage.on(dt.date(2025, 6, 30)).value == 14.06
        assert wage.on(dt.date(2025, 7, 1)).value == 14.40

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_uwv_compensation_has_no_july_change(self, year: int) -> None:
        """Pins art. 7:673e BW as the law: all employers all year, verified; bill 36 869 is a separate
        status rule (none in 2024, pending from 5 December 2025, pending and "to verify" in 2026)."""
        rule = rules_for(year)["uwv_compensation_after_illness"]
        assert len(rule.values) == 1
        later = rule.on(dt.date(year, 7, 1))
        assert (later.value, later.to_verify) == ("all_employers", False)
        bill = rules_for(year)["uwv_compensation_bill_36869"]
        expected = {2024: ("none", False), 2025: ("pending", False), 2026: ("pending", True)}[year]
        assert (bill.on(dt.date(year, 12, 31)).value, bill.to_verify) == expected

    @pytest.mark.parametrize(
        ("year", "values"),
        [
            (
                year,
                {
                    "sick_pay_weeks_after_aow": 6,
                    "uwv_ahead_of_lapse_weeks": 26,
                    "notice_after_procedure_min_months": 1,
                    "settlement_withdrawal_days": 14,
                    "whk_small_employer_wage_bill_factor": 25,
                },
            )
            for year in (2024, 2025, 2026)
        ],
    )
    def test_dismissal_rules_per_year(self, year: int, values: dict[str, int]) -> None:
        """Pins the new dismissal-law values in each year's file; the head-count rule is gone."""
        year_rules = rules_for(year)
        assert {key: year_rules.value(key) for key in values} == values
        assert "small_employer_max_employees" not in year_rules.rules


BROKEN = [
    ("missing rule", lambda d: d["rules"].pop("sick_pay_weeks"), "sick_pay_weeks"),
    ("unknown rule", lambda d: d["rules"].update(bonus_tax={}), "bonus_tax"),
    (
        "wrong unit",
        lambda d: d["rules"]["transition_payment_cap_eur"].update(unit="usd"),
        "transition_payment_cap_eur",
    ),
    ("missing source", lambda d: d["rules"]["slim_min_costs_eur"].update(sources=[]), "slim_min_costs_eur"),
    (
        "unknown source",
        lambda d: d["rules"]["slim_min_costs_eur"].update(sources=["nowhere_2026"]),
        "nowhere_2026",
    ),
    (
        "bad confidence",
        lambda d: d["rules"]["sick_pay_weeks"].update(confidence="probably"),
        "sick_pay_weeks",
    ),
    ("missing note", lambda d: d["rules"]["sick_pay_weeks"]["note"].pop("en"), "sick_pay_weeks"),
    ("bad date", lambda d: d["rules"]["sick_pay_weeks"].update(applies_from="soon"), "sick_pay_weeks"),
    (
        "date after the year",
        lambda d: d["rules"]["sick_pay_weeks"].update(applies_from="2027-01-01"),
        "sick_pay_weeks",
    ),
    ("missing value", lambda d: d["rules"]["sick_pay_weeks"].pop("value"), "sick_pay_weeks"),
]


class TestRefusals:
    """A broken file stops the app at start-up with a message naming the file and the rule."""

    @pytest.mark.parametrize(("name", "change", "named"), BROKEN, ids=[case[0] for case in BROKEN])
    def test_broken_file_is_refused(self, content_copy: Path, name: str, change: object, named: str) -> None:
        """Pins each refusal: RulesError mentioning rules/2026.yaml and what is wrong."""
        _edit(content_copy, 2026, change)
        with pytest.raises(RulesError) as refused:
            check_all()
        assert "rules/2026.yaml" in str(refused.value), name
        assert named in str(refused.value), name

    def test_adding_a_year_is_one_file(self, content_copy: Path) -> None:
        """Pins "adding 2027 means adding one file": the year appears in the loader and the form's range."""
        text = (content_copy / "rules" / "2026.yaml").read_text(encoding="utf-8")
        (content_copy / "rules" / "2027.yaml").write_text(
            text.replace("year: 2026", "year: 2027"), encoding="utf-8"
        )
        assert available_years()[-1] == 2027
        assert rules_for(2027).value("transition_payment_cap_eur") == 102000
        spec = fields.field_spec("company.rules_year")
        assert (spec.maximum, spec.default) == (2027, 2027)
