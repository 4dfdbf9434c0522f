"""Dutch legal rules per year, read from ``content/rules/<year>.yaml`` and checked at start-up.

Every rule carries its value, unit, the date it applies from, its sources (ids in
``content/sources.yaml``) and a confidence: ``verified`` (seen in a primary or official source,
✅ in shared/domain/dutch-rules.md) or ``secondary`` (a weaker source, 🟡: the product shows it
with a visible "to verify" flag). A value that changes during the year (the minimum wage on
1 July, say) lists the later values under ``later``. Adding a year means adding one file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from calculators.content import CONTENT_DIR, ContentError, load_yaml
from calculators.sources import sources

__all__ = [
    "RULE_UNITS",
    "Rule",
    "RuleValue",
    "RulesError",
    "YearRules",
    "available_years",
    "rules_for",
]

# What every year's file must define, and in which unit. A file with a key missing, an unknown
# key, or another unit is refused.
RULE_UNITS: Mapping[str, str] = {
    "transition_payment_divisor": "divisor",
    "transition_payment_pro_rata": "method",
    "transition_payment_cap_eur": "eur",
    "transition_payment_cap_or_annual_salary": "flag",
    "notice_period_months": "months_by_service_years",
    "sick_pay_weeks": "weeks",
    "sick_pay_minimum_share": "fraction",
    "sick_pay_year1_minimum_wage_floor": "flag",
    "sick_pay_typical_cao_shares": "fractions_by_year",
    "minimum_wage_hourly_eur": "eur_per_hour",
    "maximum_daily_wage_eur": "eur_per_day",
    "slim_rate_small": "fraction",
    "slim_rate_medium": "fraction",
    "slim_max_per_firm_eur": "eur",
    "slim_min_costs_eur": "eur",
    "slim_pays_course_fees": "flag",
    "slim_eligible_activities": "activities",
    "deduction_conditions": "conditions",
    "deduction_lookback_years": "years",
    "deduction_other_internal_role_allowed": "flag",
    "study_cost_clause_void_if_mandatory": "flag",
    "uwv_compensation_after_illness": "employer_scope",
    "uwv_compensation_bill_36869": "status",
    "whk_small_employer_wage_bill_factor": "factor",
    "aow_age_by_year": "age_by_year",
    "sick_pay_weeks_after_aow": "weeks",
    "uwv_ahead_of_lapse_weeks": "weeks",
    "notice_after_procedure_min_months": "months",
    "settlement_withdrawal_days": "days",
}
_CONFIDENCE = {"verified", "secondary"}
_FILE = re.compile(r"^(\d{4})\.yaml$")


class RulesError(ContentError):
    """A rules file is missing a field, has a wrong unit or an unknown source: a product defect."""


@dataclass(frozen=True, slots=True)
class RuleValue:
    """One value of a rule, in force from a date."""

    value: Any
    applies_from: dt.date
    sources: tuple[str, ...]
    confidence: str

    @property
    def to_verify(self) -> bool:
        """True when only a secondary source carries it: shown with a "to verify" flag."""
        return self.confidence != "verified"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of one year: its unit, its values through the year and a short note."""

    key: str
    unit: str
    values: tuple[RuleValue, ...]  # sorted by applies_from
    note_nl: str
    note_en: str

    def on(self, day: dt.date) -> RuleValue:
        """The value in force on ``day`` (the first one before the year's first change date)."""
        current = self.values[0]
        for candidate in self.values[1:]:
            if candidate.applies_from <= day:
                current = candidate
        return current

    @property
    def first(self) -> RuleValue:
        """The value at the start of the year."""
        return self.values[0]

    @property
    def to_verify(self) -> bool:
        """True when any of the year's values rests on a secondary source only."""
        return any(value.to_verify for value in self.values)

    def note(self, lang: str) -> str:
        """The note in the user's language."""
        return self.note_nl if lang == "nl" else self.note_en


@dataclass(frozen=True, slots=True)
class YearRules:
    """All rules of one calendar year."""

    year: int
    rules: Mapping[str, Rule]

    def __getitem__(self, key: str) -> Rule:
        return self.rules[key]

    def value(self, key: str, day: dt.date | None = None) -> Any:
        """The value of ``key`` on ``day`` (default: 1 January of the year)."""
        rule = self.rules[key]
        return (rule.on(day) if day else rule.first).value


def _date(raw: object, where: str) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise RulesError(f"{where}: applies_from {raw!r} is not a date (YYYY-MM-DD)") from None


def _value(raw: Mapping[str, Any], where: str, year: int) -> RuleValue:
    for name in ("value", "applies_from", "sources", "confidence"):
        if name not in raw:
            raise RulesError(f"{where}: missing '{name}'")
    cited = tuple(raw["sources"] or ())
    if not cited:
        raise RulesError(f"{where}: no source")
    unknown = [source_id for source_id in cited if source_id not in sources()]
    if unknown:
        raise RulesError(f"{where}: unknown source id(s) {unknown}")
    if raw["confidence"] not in _CONFIDENCE:
        raise RulesError(f"{where}: confidence must be one of {sorted(_CONFIDENCE)}")
    applies_from = _date(raw["applies_from"], where)
    if applies_from.year > year:
        raise RulesError(f"{where}: applies_from {applies_from} lies after {year}")
    return RuleValue(raw["value"], applies_from, cited, str(raw["confidence"]))


def _rule(key: str, raw: object, year: int) -> Rule:
    where = f"rules/{year}.yaml: {key}"
    if not isinstance(raw, Mapping):
        raise RulesError(f"{where}: must be a mapping")
    expected = RULE_UNITS[key]
    if raw.get("unit") != expected:
        raise RulesError(f"{where}: unit must be '{expected}', found {raw.get('unit')!r}")
    note = raw.get("note") or {}
    if not note.get("nl") or not note.get("en"):
        raise RulesError(f"{where}: needs a note in nl and en")
    values = [_value(raw, where, year)]
    for index, later in enumerate(raw.get("later") or ()):
        values.append(_value(later, f"{where} later[{index}]", year))
    values.sort(key=lambda item: item.applies_from)
    return Rule(key, expected, tuple(values), str(note["nl"]), str(note["en"]))


def load_year(year: int) -> YearRules:
    """Read and check one year's rules (raises :class:`RulesError` naming what is wrong)."""
    raw = load_yaml(f"rules/{year}.yaml")
    if not isinstance(raw, Mapping) or raw.get("year") != year or not isinstance(raw.get("rules"), Mapping):
        raise RulesError(f"rules/{year}.yaml: needs 'year: {year}' and a 'rules' mapping")
    given = raw["rules"]
    missing = sorted(set(RULE_UNITS) - set(given))
    unknown = sorted(set(given) - set(RULE_UNITS))
    if missing:
        raise RulesError(f"rules/{year}.yaml: missing rule(s) {missing}")
    if unknown:
        raise RulesError(f"rules/{year}.yaml: unknown rule(s) {unknown}")
    return YearRules(year, {key: _rule(key, given[key], year) for key in RULE_UNITS})


@lru_cache(maxsize=1)
def available_years() -> tuple[int, ...]:
    """The years that have a rules file, ascending."""
    folder = CONTENT_DIR / "rules"
    years = sorted(int(match.group(1)) for path in folder.glob("*.yaml") if (match := _FILE.match(path.name)))
    if not years:
        raise RulesError("content/rules/ holds no <year>.yaml file")
    return tuple(years)


@lru_cache(maxsize=16)
def rules_for(year: int) -> YearRules:
    """The checked rules of ``year``.

    >>> rules_for(2025).value("transition_payment_cap_eur")
    98000
    """
    if year not in available_years():
        raise RulesError(f"no rules for {year}; available: {list(available_years())}")
    return load_year(year)


def check_all() -> tuple[YearRules, ...]:
    """Load every year's file; the app calls this at start-up so a broken file fails loudly."""
    return tuple(rules_for(year) for year in available_years())
