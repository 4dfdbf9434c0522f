"""How a contract ends, and on what legal ground (docs/dead-end-model.md §2).

Notes
-----
A contract of indefinite duration ends on a lawful route only (sources.yaml ids in brackets):

- ``uwv_permit``: notice after UWV's permission on the economic ground, when positions lapse
  (art. 7:669 lid 3 sub a BW, [bw_7_669]). The permission may be asked ahead of the lapse
  (rules: ``uwv_ahead_of_lapse_weeks``, to verify). After permission the statutory notice is
  shortened by the procedure's length, leaving at least one month (art. 7:672 lid 4 BW, [bw_7_672])::

      notice served = max(minimum, statutory notice − procedure months)

- ``court``: dissolution by the cantonal court; the court shortens the notice the same way
  (art. 7:671b BW, [bw_7_671b]).
- ``settlement``: a mutual agreement (vaststellingsovereenkomst). No ground is needed, but also no
  amount is owed by law: it is negotiated, and the employee may withdraw within 14 days
  (art. 7:670b BW, [bw_7_670b]). To keep the employee's unemployment benefit the statutory notice
  is respected.
- ``none``: the contract continues.

Statutory notice by years of service on the day notice is given (art. 7:672 lid 2 BW; rules:
``notice_period_months``). State pension age (AOW-leeftijd) by calendar year (rules:
``aow_age_by_year``): no transition payment at or after it (art. 7:673 lid 7 BW, [bw_7_673_lid7]).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from calculators.rules import YearRules

__all__ = [
    "Ending",
    "Route",
    "aow_month",
    "lead_months",
    "notice_months",
    "notice_served_months",
    "permit_ending",
    "settlement_ending",
    "sick_pay_months_after_aow",
]

_WEEKS_PER_MONTH = 52 / 12


class Route(StrEnum):
    """The legal route by which a contract ends."""

    UWV_PERMIT = "uwv_permit"
    COURT = "court"
    SETTLEMENT = "settlement"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Ending:
    """When and how a contract ends: the procedure or agreement starts in ``start_month``."""

    route: Route
    start_month: int
    procedure_months: int
    notice_months: int  # statutory, by years of service when notice is given
    notice_served_months: int
    exit_month: int  # the first month without a contract


def notice_months(rules: YearRules, service_years: float) -> int:
    """Statutory notice for the employer by years of service (art. 7:672 lid 2 BW).

    >>> from calculators.rules import rules_for
    >>> [notice_months(rules_for(2026), years) for years in (4.9, 5, 12, 30)]
    [1, 2, 3, 4]
    """
    months = 0
    for step in rules.value("notice_period_months"):
        if service_years >= float(step["from_years"]):
            months = int(step["months"])
    return months


def notice_served_months(rules: YearRules, route: Route, statutory: int, procedure_months: int) -> int:
    """The notice actually served: shortened by the procedure after a permit or a court ruling.

    ``max(minimum, statutory − procedure)`` for ``uwv_permit`` and ``court`` (art. 7:672 lid 4,
    7:671b BW); a settlement respects the full statutory notice; ``none`` serves none.

    >>> from calculators.rules import rules_for
    >>> rules = rules_for(2026)
    >>> [notice_served_months(rules, Route.UWV_PERMIT, 4, p) for p in (0, 2, 3, 6)]
    [4, 2, 1, 1]
    >>> notice_served_months(rules, Route.SETTLEMENT, 4, 2), notice_served_months(rules, Route.NONE, 4, 2)
    (4, 0)
    """
    if route is Route.NONE:
        return 0
    if route is Route.SETTLEMENT:
        return statutory
    minimum = int(rules.value("notice_after_procedure_min_months"))
    return max(minimum, statutory - procedure_months)


def lead_months(rules: YearRules) -> int:
    """How many months ahead of a lapse UWV's permission may be asked (rules: weeks, rounded down).

    >>> from calculators.rules import rules_for
    >>> lead_months(rules_for(2026))  # 26 weeks × 12 / 52 = 6 months
    6
    """
    return math.floor(float(rules.value("uwv_ahead_of_lapse_weeks")) / _WEEKS_PER_MONTH + 1e-9)


def permit_ending(
    rules: YearRules,
    service_years_at: Callable[[int], float],
    *,
    earliest_start: int,
    role_end_month: int,
    procedure_months: int,
) -> Ending:
    """A dismissal with UWV's permission that ends the contract when the role lapses, or as soon after.

    The procedure starts no earlier than ``earliest_start`` (UWV's lead time, or month 1), and no
    earlier than needed: the first start month whose ending — procedure, then the shortened notice —
    falls in or after ``role_end_month``. Notice length follows the service on the day it is given.

    >>> from calculators.rules import rules_for
    >>> ending = permit_ending(rules_for(2026), lambda m: 18 + (m - 1) / 12,
    ...                        earliest_start=18, role_end_month=24, procedure_months=2)
    >>> ending.start_month, ending.notice_months, ending.notice_served_months, ending.exit_month
    (20, 4, 2, 24)
    """
    start = max(1, earliest_start)
    while True:
        statutory = notice_months(rules, service_years_at(start + procedure_months))
        served = notice_served_months(rules, Route.UWV_PERMIT, statutory, procedure_months)
        exit_month = start + procedure_months + served
        if exit_month >= role_end_month:
            return Ending(Route.UWV_PERMIT, start, procedure_months, statutory, served, exit_month)
        start += 1


def settlement_ending(
    rules: YearRules,
    service_years_at: Callable[[int], float],
    *,
    agreed_month: int,
    exit_month: int | None = None,
) -> Ending:
    """A settlement agreed in ``agreed_month``: it ends at ``exit_month`` when one is agreed, else
    after the full statutory notice (respected, so the employee keeps their unemployment benefit).

    >>> from calculators.rules import rules_for
    >>> settlement_ending(rules_for(2026), lambda m: 18.0, agreed_month=1).exit_month  # 4 months' notice
    5
    """
    statutory = notice_months(rules, service_years_at(agreed_month))
    end = agreed_month + statutory if exit_month is None else exit_month
    return Ending(Route.SETTLEMENT, agreed_month, 0, statutory, end - agreed_month, end)


def _aow_age_months(rules: YearRules, year: int) -> int:
    age = 0
    for step in rules.value("aow_age_by_year"):
        if year >= int(step["from_year"]):
            age = int(step["years"]) * 12 + int(step["months"])
    return age


def aow_month(rules: YearRules, age_years: int, horizon: int) -> int | None:
    """The first month (1 = January of the rules year) in which the employee has reached the state
    pension age, or None when that lies beyond the horizon. Age counts as whole years at month 1.

    >>> from calculators.rules import rules_for
    >>> aow_month(rules_for(2026), 66, 36)  # 66 in January 2026: 67 (the AOW age of 2027) in month 13
    13
    >>> aow_month(rules_for(2026), 65, 48)  # 67 in January 2028, but the AOW age of 2028 is 67 + 3 months
    28
    >>> aow_month(rules_for(2026), 40, 120) is None
    True
    """
    for month in range(1, horizon + 1):
        year = rules.year + (month - 1) // 12
        if age_years * 12 + (month - 1) >= _aow_age_months(rules, year):
            return month
    return None


def sick_pay_months_after_aow(rules: YearRules) -> int:
    """Sick pay after the state pension age: 6 weeks since 1 July 2023 (art. 7:629 lid 2 BW,
    Stb. 2023, 169; rules: sick_pay_weeks_after_aow), in whole months (at least one).

    >>> from calculators.rules import rules_for
    >>> sick_pay_months_after_aow(rules_for(2026))  # 6 weeks × 12 / 52 = 1.4 months
    1
    """
    return max(1, round(float(rules.value("sick_pay_weeks_after_aow")) / _WEEKS_PER_MONTH))
