"""The transition payment (transitievergoeding), hand-computed from docs/dead-end-model.md §1.

Every expected number is worked out in the comments from the spec and the rules files
(content/rules/<year>.yaml: divisor 3; caps 94 000 / 98 000 / 102 000; "or one annual salary if
higher"; deductions per the Besluit of Stb. 2015, 171 as amended by Stb. 2020, 188), not taken from
the code.

Base salary used unless said otherwise: gross 3000 a month with 8 % holiday allowance, so
    M = 3000 + 3000 × 0.08 = 3240;  M / 3 = 1080 per year of service;
    1080 / 12 = 90 per month;  1080 / 365 = 2.958904… per day.

Calendar convention of §1.2: the end point is the day after the last day; whole years are added to
the start date while they fit, then whole months, then the rest is counted in days. Where a start
on the 29th–31st has no counterpart in the target month, the date is taken as that month's last
day (31 Jan + 1 month = 28 Feb or 29 Feb) — the usual "clip to month end" reading.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from calculators.dead_end.transition_payment import (
    CostItem,
    CostPurpose,
    SalaryBase,
    ServicePeriod,
    judge_cost,
    service_period,
    transition_payment,
)
from calculators.rules import rules_for

D = dt.date
BASE = SalaryBase(3000.0, 0.08)  # M = 3240; 1080 per year of service
PER_YEAR = 1080.0


def eur(value: float) -> object:
    """Euro amounts: half a cent tolerance."""
    return pytest.approx(value, abs=0.005)


class TestServicePeriod:
    """§1.2: whole years, then whole months, then days; the last day counts."""

    def test_whole_years(self) -> None:
        """1 Jan 2020 – 31 Dec 2025: end point 1 Jan 2026 = start + 6 years exactly → 6 y 0 m 0 d."""
        assert service_period(D(2020, 1, 1), D(2025, 12, 31)) == ServicePeriod(6, 0, 0)

    def test_years_and_months(self) -> None:
        """1 Feb 2018 – 30 Sep 2025: end point 1 Oct 2025.

        +7 y = 1 Feb 2025 ≤ 1 Oct 2025 (+8 y = 1 Feb 2026 does not fit); +8 m = 1 Oct 2025 → 7 y 8 m 0 d.
        """
        assert service_period(D(2018, 2, 1), D(2025, 9, 30)) == ServicePeriod(7, 8, 0)

    def test_years_months_and_days(self) -> None:
        """15 Mar 2021 – 20 Jun 2026: end point 21 Jun 2026.

        +5 y = 15 Mar 2026; +3 m = 15 Jun 2026 (+4 m = 15 Jul does not fit); 15 → 21 Jun = 6 days.
        """
        assert service_period(D(2021, 3, 15), D(2026, 6, 20)) == ServicePeriod(5, 3, 6)

    def test_less_than_a_month(self) -> None:
        """10 Jun 2026 – 24 Jun 2026: end point 25 Jun; 10 Jul does not fit → 0 y 0 m, 25 − 10 = 15 days."""
        assert service_period(D(2026, 6, 10), D(2026, 6, 24)) == ServicePeriod(0, 0, 15)

    def test_a_single_day(self) -> None:
        """First day = last day: end point is the next day → 1 day."""
        assert service_period(D(2026, 3, 3), D(2026, 3, 3)) == ServicePeriod(0, 0, 1)

    def test_last_day_before_first_day_is_refused(self) -> None:
        """A contract cannot end before it starts."""
        with pytest.raises(ValueError, match="before"):
            service_period(D(2026, 3, 3), D(2026, 3, 2))

    def test_start_on_31_january_no_clipping_needed(self) -> None:
        """31 Jan 2024 – 30 Mar 2024: end point 31 Mar; 31 Jan + 2 m = 31 Mar fits exactly → 0 y 2 m 0 d."""
        assert service_period(D(2024, 1, 31), D(2024, 3, 30)) == ServicePeriod(0, 2, 0)

    def test_start_on_31_january_clipped_to_end_of_february(self) -> None:
        """31 Jan 2025 – 27 Feb 2025: end point 28 Feb; 31 Jan + 1 m = 28 Feb (clipped) fits → 0 y 1 m 0 d."""
        assert service_period(D(2025, 1, 31), D(2025, 2, 27)) == ServicePeriod(0, 1, 0)

    def test_start_on_31_january_months_and_days(self) -> None:
        """31 Jan 2023 – 15 May 2024: end point 16 May 2024.

        +1 y = 31 Jan 2024; +3 m = 30 Apr 2024 (31 Apr does not exist: clipped); +4 m = 31 May does not fit;
        30 Apr → 16 May = 16 days → 1 y 3 m 16 d.
        """
        assert service_period(D(2023, 1, 31), D(2024, 5, 15)) == ServicePeriod(1, 3, 16)

    def test_year_containing_a_leap_day(self) -> None:
        """1 Mar 2023 – 29 Feb 2024 (366 days): end point 1 Mar 2024 = start + 1 y → 1 y 0 m 0 d.

        The leap day adds no extra day."""
        assert service_period(D(2023, 3, 1), D(2024, 2, 29)) == ServicePeriod(1, 0, 0)

    def test_leap_february_is_one_month(self) -> None:
        """1 Feb 2024 – 29 Feb 2024: end point 1 Mar 2024 = start + 1 m → 0 y 1 m 0 d."""
        assert service_period(D(2024, 2, 1), D(2024, 2, 29)) == ServicePeriod(0, 1, 0)

    def test_days_across_a_leap_day(self) -> None:
        """20 Feb 2024 – 10 Mar 2024: end point 11 Mar; 20 Mar does not fit → days: 20–29 Feb (10) + 1–10 Mar
        (10) = 20 days."""
        assert service_period(D(2024, 2, 20), D(2024, 3, 10)) == ServicePeriod(0, 0, 20)

    def test_start_on_leap_day(self) -> None:
        """29 Feb 2024 – 28 Feb 2025: end point 1 Mar 2025.

        29 Feb 2024 + 1 y = 28 Feb 2025 (clipped) ≤ 1 Mar 2025 → 1 y;
        28 Feb → 1 Mar 2025 = 1 day → 1 y 0 m 1 d.
        (Pins the clip convention; see the module docstring.)
        """
        assert service_period(D(2024, 2, 29), D(2025, 2, 28)) == ServicePeriod(1, 0, 1)

    def test_in_years(self) -> None:
        """Service in years for display: y + mo/12 + d/365 = 5 + 3/12 + 6/365 = 5.266438…"""
        assert ServicePeriod(5, 3, 6).in_years == pytest.approx(5 + 0.25 + 6 / 365)


class TestAmount:
    """§1.3 amount = M / 3 × (y + mo/12 + d/365), before cap and deductions."""

    def test_whole_years(self) -> None:
        """6 y: 1080 × 6 = 6480; not capped (cap 2025 = max(98 000, 12 × 3240 = 38 880) = 98 000)."""
        tp = transition_payment(BASE, D(2020, 1, 1), D(2025, 12, 31), rules_for(2025))
        assert tp.monthly_salary_eur == eur(3240.0)
        assert tp.before_cap_eur == eur(6480.0)
        assert tp.cap_eur == eur(98000.0)
        assert tp.capped is False
        assert tp.before_deduction_eur == eur(6480.0)
        assert tp.deduction_eur == eur(0.0)
        assert tp.amount_eur == eur(6480.0)
        assert tp.rules_year == 2025

    def test_years_and_months(self) -> None:
        """7 y 8 m: 1080 × 7 = 7560; 90 × 8 = 720; total 8280."""
        tp = transition_payment(BASE, D(2018, 2, 1), D(2025, 9, 30), rules_for(2025))
        assert tp.amount_eur == eur(8280.0)

    def test_years_months_and_days(self) -> None:
        """5 y 3 m 6 d: 1080 × 5 = 5400; 90 × 3 = 270; 1080 × 6 / 365 = 17.753425.

        Total 5400 + 270 + 17.753425 = 5687.753425."""
        tp = transition_payment(BASE, D(2021, 3, 15), D(2026, 6, 20), rules_for(2026))
        assert tp.amount_eur == eur(5687.753425)

    def test_less_than_a_month(self) -> None:
        """15 days: 1080 × 15 / 365 = 16200 / 365 = 44.383562 — owed from the first day."""
        tp = transition_payment(BASE, D(2026, 6, 10), D(2026, 6, 24), rules_for(2026))
        assert tp.amount_eur == eur(44.383562)

    def test_salary_base_components(self) -> None:
        """Besluit loonbegrip art. 3: M = salary + holiday allowance + fixed year-end/12 + fixed 12-month/12
        + variable 3-year/36.

        3000 + 3000 × 0.08 (240) + 3000 / 12 (250) + 1800 / 12 (150) + 7200 / 36 (200) = 3840.
        6 whole years: 3840 / 3 × 6 = 1280 × 6 = 7680.
        """
        salary = SalaryBase(
            3000.0,
            0.08,
            fixed_year_end_eur=3000.0,
            fixed_components_12m_eur=1800.0,
            variable_components_3y_eur=7200.0,
        )
        assert salary.monthly_eur == eur(3840.0)
        tp = transition_payment(salary, D(2020, 1, 1), D(2025, 12, 31), rules_for(2025))
        assert tp.monthly_salary_eur == eur(3840.0)
        assert tp.amount_eur == eur(7680.0)

    @pytest.mark.parametrize(
        ("component", "value", "monthly"),
        [
            ("holiday_allowance_rate", 0.0, 3000.0),  # no holiday allowance: just the salary
            ("fixed_year_end_eur", 1200.0, 3340.0),  # 3240 + 1200 / 12 = 3240 + 100
            ("fixed_components_12m_eur", 600.0, 3290.0),  # 3240 + 600 / 12 = 3240 + 50
            ("variable_components_3y_eur", 3600.0, 3340.0),  # 3240 + 3600 / 36 = 3240 + 100
        ],
    )
    def test_each_salary_component_alone(self, component: str, value: float, monthly: float) -> None:
        """Each part of M counts with its own divisor: /12 for fixed yearly and 12-month parts, /36 for
        variable parts over three calendar years."""
        salary = replace(BASE, **{component: value})
        assert salary.monthly_eur == eur(monthly)


class TestCap:
    """§1.3 cap = max(cap of the year, 12 × M); before deduction = min(before cap, cap)."""

    # Gross 7000, holiday 8 %: M = 7560; 12 × M = 90 720 < every year's cap; M / 3 = 2520 a year.
    # 40 years (1 Jan 1985 – 31 Dec 2024): 2520 × 40 = 100 800 before the cap.
    HIGH = SalaryBase(7000.0, 0.08)

    @pytest.mark.parametrize(
        ("year", "cap", "capped", "before_deduction"),
        [
            (2024, 94000.0, True, 94000.0),  # 100 800 > 94 000 → 94 000
            (2025, 98000.0, True, 98000.0),  # 100 800 > 98 000 → 98 000
            (2026, 102000.0, False, 100800.0),  # 100 800 ≤ 102 000 → not capped
        ],
    )
    def test_cap_binds_by_year(self, year: int, cap: float, capped: bool, before_deduction: float) -> None:
        """Same inputs, three rules years: the yearly cap (annual salary 90 720 is below it) decides."""
        tp = transition_payment(self.HIGH, D(1985, 1, 1), D(2024, 12, 31), rules_for(year))
        assert tp.service == ServicePeriod(40, 0, 0)
        assert tp.monthly_salary_eur == eur(7560.0)
        assert tp.before_cap_eur == eur(100800.0)
        assert tp.cap_eur == eur(cap)
        assert tp.capped is capped
        assert tp.before_deduction_eur == eur(before_deduction)
        assert tp.amount_eur == eur(before_deduction)
        assert tp.rules_year == year

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_annual_salary_above_the_cap(self, year: int) -> None:
        """Gross 9000, holiday 8 %: M = 9720, 12 × M = 116 640 > every cap → cap = 116 640.

        40 years: 9720 / 3 × 40 = 3240 × 40 = 129 600 > 116 640 → capped at 116 640 in every year.
        """
        tp = transition_payment(SalaryBase(9000.0, 0.08), D(1985, 1, 1), D(2024, 12, 31), rules_for(year))
        assert tp.cap_eur == eur(116640.0)
        assert tp.before_cap_eur == eur(129600.0)
        assert tp.capped is True
        assert tp.amount_eur == eur(116640.0)

    def test_annual_salary_above_the_cap_not_binding(self) -> None:
        """Same salary, 10 years: 3240 × 10 = 32 400 < 116 640 → not capped."""
        tp = transition_payment(SalaryBase(9000.0, 0.08), D(2016, 1, 1), D(2025, 12, 31), rules_for(2025))
        assert tp.cap_eur == eur(116640.0)
        assert tp.capped is False
        assert tp.amount_eur == eur(32400.0)


# Deductions. Contract 1 Jan 2020 – 31 Dec 2025, rules 2025: before deduction 1080 × 6 = 6480.
# The cost item: 1500 of course fees on 1 Mar 2024, for a job elsewhere, specified and agreed in writing.
LAST = D(2025, 12, 31)
GOOD = CostItem("course for a job elsewhere", 1500.0, D(2024, 3, 1))


def _with(**changes: object) -> CostItem:
    return replace(GOOD, **changes)  # type: ignore[arg-type]


class TestDeductions:
    """§1.4: each cost item is judged on its own; only the employer's own part of a deductible item counts."""

    def test_deductible_item(self) -> None:
        """Every condition holds: 6480 − 1500 = 4980."""
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), costs=(GOOD,))
        assert tp.before_deduction_eur == eur(6480.0)
        assert tp.deduction_eur == eur(1500.0)
        assert tp.amount_eur == eur(4980.0)
        assert tp.verdicts[0].deductible
        assert tp.verdicts[0].failed == ()
        assert tp.verdicts[0].deductible_eur == eur(1500.0)

    @pytest.mark.parametrize(
        ("changes", "condition"),
        [
            ({"specified_in_writing": False}, "specified_in_writing"),
            ({"consent_in_writing": False}, "consent_in_writing"),
            ({"paid_by_third_party_eur": 1500.0}, "paid_by_employer"),  # a fund paid all of it
            ({"paid_by_third_party_eur": 2000.0}, "paid_by_employer"),  # a fund paid more than all of it
            ({"is_wages": True}, "not_wages"),
            ({"reasonable": False}, "reasonable"),
            ({"incurred_on": D(2020, 6, 1)}, "within_lookback"),  # 5 y 7 m before the end: too old
            ({"incurred_on": D(2026, 1, 15)}, "within_lookback"),  # after the last day
            ({"purpose": CostPurpose.CURRENT_JOB}, "not_for_current_job"),
            ({"purpose": CostPurpose.REINTEGRATION}, "not_reintegration_or_redeployment"),
            ({"purpose": CostPurpose.REDEPLOYMENT}, "not_reintegration_or_redeployment"),
        ],
    )
    def test_each_failing_condition(self, changes: dict[str, object], condition: str) -> None:
        """One failing condition: named, nothing deducted, the payment stays 6480."""
        item = _with(**changes)
        verdict = judge_cost(item, LAST, rules_for(2025))
        assert verdict.failed == (condition,)
        assert not verdict.deductible
        assert verdict.deductible_eur == 0.0
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), costs=(item,))
        assert tp.deduction_eur == eur(0.0)
        assert tp.amount_eur == eur(6480.0)

    def test_consent_by_cao_or_works_council_instead(self) -> None:
        """No written consent of the employee, but a cao or works-council agreement: deductible → 4980."""
        item = _with(consent_in_writing=False, consent_by_cao_or_works_council=True)
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), costs=(item,))
        assert tp.verdicts[0].failed == ()
        assert tp.amount_eur == eur(4980.0)

    def test_partly_paid_by_a_fund(self) -> None:
        """A fund paid 600 of 1500: only the own part 900 comes off → 6480 − 900 = 5580."""
        item = _with(paid_by_third_party_eur=600.0)
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), costs=(item,))
        assert tp.verdicts[0].deductible_eur == eur(900.0)
        assert tp.deduction_eur == eur(900.0)
        assert tp.amount_eur == eur(5580.0)

    def test_several_failing_conditions_are_all_named(self) -> None:
        """Not specified, no consent, and wages: three conditions named, in the order of the table."""
        item = _with(specified_in_writing=False, consent_in_writing=False, is_wages=True)
        verdict = judge_cost(item, LAST, rules_for(2025))
        assert verdict.failed == ("specified_in_writing", "consent_in_writing", "not_wages")

    def test_within_lookback_recent_item(self) -> None:
        """Made 2 Jan 2021, less than 5 years before 31 Dec 2025: within the look-back."""
        verdict = judge_cost(_with(incurred_on=D(2021, 1, 2)), LAST, rules_for(2025))
        assert verdict.failed == ()

    def test_other_internal_role_before_1_july_2020(self) -> None:
        """Training for another internal role counts only since 1 July 2020 (Stb. 2020, 188).

        Contract ends 31 Mar 2025, so 15 May 2020 is within 5 years but before 1 July 2020 → not deductible.
        """
        item = _with(purpose=CostPurpose.OTHER_INTERNAL_ROLE, incurred_on=D(2020, 5, 15))
        verdict = judge_cost(item, D(2025, 3, 31), rules_for(2025))
        assert verdict.failed == ("deduction_other_internal_role_allowed",)
        # 1 Apr 2019 – 31 Mar 2025 = 6 y: 6480, nothing deducted
        tp = transition_payment(BASE, D(2019, 4, 1), D(2025, 3, 31), rules_for(2025), costs=(item,))
        assert tp.amount_eur == eur(6480.0)

    def test_other_internal_role_after_1_july_2020(self) -> None:
        """The same training on 1 July 2020 or later is deductible: 6480 − 1500 = 4980."""
        item = _with(purpose=CostPurpose.OTHER_INTERNAL_ROLE, incurred_on=D(2020, 7, 1))
        tp = transition_payment(BASE, D(2019, 4, 1), D(2025, 3, 31), rules_for(2025), costs=(item,))
        assert tp.verdicts[0].failed == ()
        assert tp.amount_eur == eur(4980.0)

    def test_items_judged_separately(self) -> None:
        """One good item (1500) and one of wages (800): only 1500 comes off → 4980."""
        wages = _with(description="wages during the course", amount_eur=800.0, is_wages=True)
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), costs=(GOOD, wages))
        assert [v.deductible for v in tp.verdicts] == [True, False]
        assert tp.amount_eur == eur(4980.0)

    def test_deduction_larger_than_the_payment(self) -> None:
        """15 days of service: 44.383562 before deduction; 1500 deductible → amount 0, deduction 44.38, never
        negative."""
        item = _with(incurred_on=D(2025, 12, 20))
        tp = transition_payment(BASE, D(2025, 12, 17), LAST, rules_for(2025), costs=(item,))
        assert tp.service == ServicePeriod(0, 0, 15)
        assert tp.before_deduction_eur == eur(44.383562)
        assert tp.deduction_eur == eur(44.383562)
        assert tp.amount_eur == 0.0

    def test_extra_deductible_larger_than_the_payment(self) -> None:
        """An already-judged deductible amount of 10 000 against 6480: amount 0, deduction 6480."""
        tp = transition_payment(BASE, D(2020, 1, 1), LAST, rules_for(2025), extra_deductible_eur=10000.0)
        assert tp.deduction_eur == eur(6480.0)
        assert tp.amount_eur == 0.0


class TestToVerify:
    """The pro-rata split is always "to verify"; the cap only where its source is secondary (2026)."""

    @pytest.mark.parametrize(
        ("year", "expected"),
        [
            (2024, {"transition_payment_pro_rata"}),
            (2025, {"transition_payment_pro_rata"}),
            (2026, {"transition_payment_pro_rata", "transition_payment_cap_eur"}),
        ],
    )
    def test_to_verify(self, year: int, expected: set[str]) -> None:
        """Pins the flags shown next to the amount."""
        tp = transition_payment(BASE, D(2020, 1, 1), D(2023, 12, 31), rules_for(year))
        assert set(tp.to_verify) == expected
        assert len(tp.to_verify) == len(expected)
