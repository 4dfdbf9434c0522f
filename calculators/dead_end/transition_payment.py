"""The statutory transition payment (transitievergoeding, art. 7:673 BW) and what may be deducted.

Notes
-----
docs/dead-end-model.md §1. Monthly base ``M`` per the Besluit loonbegrip (sources.yaml:
besluit_loonbegrip_bwbr0035998): salary + holiday allowance + fixed year-end/12 + fixed components
of 12 months/12 + variable components of 3 calendar years/36. Amount ``M/3 × (y + mo/12 + d/365)``
(bw_7_673_boelszanders; pro rata per lawandmore_2025_tv and vangelderen_hoogte_tv — the split for
days is to verify), capped at the year's maximum or 12 × M if higher (omnyacc_2024_cap). Costs are
deducted under the Besluit voorwaarden in mindering brengen kosten (stb_2015_171, stb_2020_188),
item by item, never below zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from calculators.rules import YearRules

__all__ = [
    "CostItem",
    "CostPurpose",
    "CostVerdict",
    "SalaryBase",
    "ServicePeriod",
    "TransitionPayment",
    "judge_cost",
    "service_period",
    "transition_payment",
    "transition_payment_for_years",
]


@dataclass(frozen=True, slots=True)
class SalaryBase:
    """The pay components that make up the monthly salary for the transition payment."""

    gross_monthly_eur: float
    holiday_allowance_rate: float = 0.08
    fixed_year_end_eur: float = 0.0  # per year: a fixed 13th month and the like
    fixed_components_12m_eur: float = 0.0  # overtime and shift pay over the last 12 months, in total
    variable_components_3y_eur: float = 0.0  # bonuses etc. over the 3 calendar years before, in total

    @property
    def monthly_eur(self) -> float:
        """The monthly salary base M.

        >>> SalaryBase(3000, 0.08, 1200, 600, 3600).monthly_eur  # 3000 + 240 + 100 + 50 + 100
        3490.0
        """
        return (
            self.gross_monthly_eur * (1 + self.holiday_allowance_rate)
            + self.fixed_year_end_eur / 12
            + self.fixed_components_12m_eur / 12
            + self.variable_components_3y_eur / 36
        )


@dataclass(frozen=True, slots=True)
class ServicePeriod:
    """Length of service in whole years, then whole months, then days."""

    years: int
    months: int
    days: int

    @property
    def in_years(self) -> float:
        """``years + months/12 + days/365``."""
        return self.years + self.months / 12 + self.days / 365


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on; the day of month is clipped to the month's end."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def service_period(start: dt.date, last_day: dt.date) -> ServicePeriod:
    """Service from the first day up to and including the last day of the contract.

    >>> service_period(dt.date(2020, 1, 1), dt.date(2025, 12, 31))
    ServicePeriod(years=6, months=0, days=0)
    >>> service_period(dt.date(2021, 3, 15), dt.date(2026, 6, 20))
    ServicePeriod(years=5, months=3, days=6)

    Raises ValueError when the last day lies before the first, or on the calendar's last day.
    """
    if last_day < start:
        raise ValueError("the last day lies before the first day")
    if last_day >= dt.date.max:  # the period closes the day after: beyond the calendar
        raise ValueError("the last day must lie before 9999-12-31")
    end = last_day + dt.timedelta(days=1)  # the day after the last day closes the period
    years = end.year - start.year
    while years > 0 and _add_months(start, 12 * years) > end:
        years -= 1
    anchor = _add_months(start, 12 * years)
    months = (end.year - anchor.year) * 12 + end.month - anchor.month
    while months > 0 and _add_months(anchor, months) > end:
        months -= 1
    anchor = _add_months(anchor, months)
    return ServicePeriod(years, months, (end - anchor).days)


class CostPurpose(StrEnum):
    """What a cost item was for; decides whether it may be deducted."""

    OUTSIDE_EMPLOYER = "outside_employer"  # employability elsewhere, or transition costs (outplacement)
    OTHER_INTERNAL_ROLE = "other_internal_role"
    CURRENT_JOB = "current_job"
    REINTEGRATION = "reintegration"
    REDEPLOYMENT = "redeployment"


@dataclass(frozen=True, slots=True)
class CostItem:
    """A cost the employer wants to deduct from the transition payment."""

    description: str
    amount_eur: float
    incurred_on: dt.date
    purpose: CostPurpose = CostPurpose.OUTSIDE_EMPLOYER
    paid_by_third_party_eur: float = 0.0  # by a training fund or subsidy
    is_wages: bool = False
    specified_in_writing: bool = True
    consent_in_writing: bool = True
    consent_by_cao_or_works_council: bool = False
    reasonable: bool = True


@dataclass(frozen=True, slots=True)
class CostVerdict:
    """Whether one cost item is deductible, how much, and which conditions fail."""

    item: CostItem
    deductible_eur: float
    failed: tuple[str, ...]

    @property
    def deductible(self) -> bool:
        """True when every condition holds."""
        return not self.failed


def judge_cost(item: CostItem, last_day: dt.date, rules: YearRules) -> CostVerdict:
    """Check one cost item against the conditions of the Besluit (docs/dead-end-model.md §1.4).

    >>> from calculators.rules import rules_for
    >>> item = CostItem("forklift course", 1200, dt.date(2025, 3, 1), consent_in_writing=False)
    >>> judge_cost(item, dt.date(2026, 6, 30), rules_for(2026)).failed
    ('consent_in_writing',)
    """
    failed: list[str] = []
    if not item.specified_in_writing:
        failed.append("specified_in_writing")
    if not (item.consent_in_writing or item.consent_by_cao_or_works_council):
        failed.append("consent_in_writing")
    own_part = max(0.0, item.amount_eur - item.paid_by_third_party_eur)
    if own_part <= 0:
        failed.append("paid_by_employer")
    if item.is_wages:
        failed.append("not_wages")
    if not item.reasonable:
        failed.append("reasonable")
    lookback = int(rules.value("deduction_lookback_years"))
    if item.incurred_on > last_day or item.incurred_on < _add_months(last_day, -12 * lookback):
        failed.append("within_lookback")
    if item.purpose is CostPurpose.CURRENT_JOB:
        failed.append("not_for_current_job")
    if item.purpose in {CostPurpose.REINTEGRATION, CostPurpose.REDEPLOYMENT}:
        failed.append("not_reintegration_or_redeployment")
    internal_rule = rules["deduction_other_internal_role_allowed"].first
    if item.purpose is CostPurpose.OTHER_INTERNAL_ROLE and (
        not internal_rule.value or item.incurred_on < internal_rule.applies_from
    ):
        failed.append("deduction_other_internal_role_allowed")
    return CostVerdict(item, 0.0 if failed else own_part, tuple(failed))


@dataclass(frozen=True, slots=True)
class TransitionPayment:
    """The transition payment, step by step."""

    rules_year: int
    monthly_salary_eur: float
    service: ServicePeriod
    before_cap_eur: float
    cap_eur: float
    capped: bool
    before_deduction_eur: float
    deduction_eur: float
    amount_eur: float
    verdicts: tuple[CostVerdict, ...]
    to_verify: tuple[str, ...]  # rule keys resting on secondary sources only


# Far beyond any salary or service, yet small enough that no sum or product here overflows.
_MAX_INPUT = 1e12


def _amount(value: float) -> bool:
    """A number from 0 to 10^12 (NaN and infinity are not)."""
    return isinstance(value, int | float) and 0 <= value <= _MAX_INPUT


def transition_payment_for_years(
    monthly_salary_eur: float, service_years: float, rules: YearRules, deductible_eur: float = 0.0
) -> tuple[float, float, float, bool]:
    """``(amount, before deduction, cap, capped)`` for a service length in (fractional) years.

    Used month by month in the options comparison, where service is counted in months.

    >>> from calculators.rules import rules_for
    >>> transition_payment_for_years(3000, 6, rules_for(2026))  # 3000/3 × 6
    (6000.0, 6000.0, 102000.0, False)

    Raises ValueError for a salary, service length or deduction that is negative (the deduction may
    be), not a number or above 10^12.
    """
    if not (_amount(monthly_salary_eur) and _amount(service_years) and _amount(abs(deductible_eur))):
        raise ValueError("salary and service years must be numbers from 0 to 10^12")
    divisor = float(rules.value("transition_payment_divisor"))
    before_cap = monthly_salary_eur / divisor * service_years
    cap = float(rules.value("transition_payment_cap_eur"))
    if rules.value("transition_payment_cap_or_annual_salary"):
        cap = max(cap, 12 * monthly_salary_eur)
    before_deduction = min(before_cap, cap)
    deduction = min(before_deduction, max(0.0, deductible_eur))
    return before_deduction - deduction, before_deduction, cap, before_cap > cap


def transition_payment(
    salary: SalaryBase,
    first_day: dt.date,
    last_day: dt.date,
    rules: YearRules,
    costs: tuple[CostItem, ...] = (),
    extra_deductible_eur: float = 0.0,
) -> TransitionPayment:
    """The transition payment for a contract from ``first_day`` to ``last_day`` (inclusive).

    ``extra_deductible_eur`` is an amount the caller already knows to be deductible (the command
    line's ``--deductible-costs``); ``costs`` are judged item by item.

    >>> from calculators.rules import rules_for
    >>> tp = transition_payment(SalaryBase(3000), dt.date(2020, 1, 1), dt.date(2025, 12, 31), rules_for(2025))
    >>> round(tp.amount_eur, 2)  # 3000 × 1.08 / 3 × 6
    6480.0

    Raises ValueError for a salary part or deductible amount that is negative, not a number or above
    10^12, and for dates as :func:`service_period` does.
    """
    parts = (
        salary.gross_monthly_eur,
        salary.holiday_allowance_rate,
        salary.fixed_year_end_eur,
        salary.fixed_components_12m_eur,
        salary.variable_components_3y_eur,
        extra_deductible_eur,
    )
    if not all(_amount(part) for part in parts):
        raise ValueError("salary parts and deductible costs must be numbers from 0 to 10^12")
    monthly = salary.monthly_eur
    service = service_period(first_day, last_day)
    verdicts = tuple(judge_cost(item, last_day, rules) for item in costs)
    deductible = extra_deductible_eur + sum(verdict.deductible_eur for verdict in verdicts)
    amount, before_deduction, cap, capped = transition_payment_for_years(
        monthly, service.in_years, rules, deductible
    )
    divisor = float(rules.value("transition_payment_divisor"))
    keys = (
        "transition_payment_divisor",
        "transition_payment_pro_rata",
        "transition_payment_cap_eur",
        "transition_payment_cap_or_annual_salary",
        "deduction_conditions",
    )
    return TransitionPayment(
        rules_year=rules.year,
        monthly_salary_eur=monthly,
        service=service,
        before_cap_eur=monthly / divisor * service.in_years,
        cap_eur=cap,
        capped=capped,
        before_deduction_eur=before_deduction,
        deduction_eur=before_deduction - amount,
        amount_eur=amount,
        verdicts=verdicts,
        to_verify=tuple(key for key in keys if rules[key].to_verify),
    )
