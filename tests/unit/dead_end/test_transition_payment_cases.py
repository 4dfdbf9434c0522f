"""The transition payment (transitievergoeding), hand-computed case by case (docs/dead-end-model.md §1).

Every expected number is worked out in the comments from the spec, not taken from the code.
Base salary 3000 with 8 % holiday allowance gives M = 3000 × 1.08 = 3240 and M / 3 = 1080 a year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.dead_end.transition_payment import (
    CostItem,
    CostPurpose,
    SalaryBase,
    service_period,
    transition_payment,
)
from calculators.rules import rules_for

D = dt.date
BASE = SalaryBase(3000.0, 0.08)  # M = 3240, one year of service = 1080


class TestServiceLength:
    """Whole years, then whole months, then days; the last day counts."""

    def test_whole_years(self) -> None:
        """1 Jan 2020 – 31 Dec 2025 inclusive is exactly 6 years."""
        tp = transition_payment(BASE, D(2020, 1, 1), D(2025, 12, 31), rules_for(2025))
        assert (tp.service.years, tp.service.months, tp.service.days) == (6, 0, 0)
        assert tp.amount_eur == pytest.approx(6480.00, abs=0.005)  # 1080 × 6

    def test_years_and_months(self) -> None:
        """1 Mar 2019 – 31 May 2026 is 7 years and 3 months: 1080 × (7 + 3/12) = 1080 × 7.25."""
        tp = transition_payment(BASE, D(2019, 3, 1), D(2026, 5, 31), rules_for(2026))
        assert (tp.service.years, tp.service.months, tp.service.days) == (7, 3, 0)
        assert tp.amount_eur == pytest.approx(7830.00, abs=0.005)

    def test_years_months_and_days(self) -> None:
        """15 Mar 2021 – 20 Jun 2026: 5 years to 15 Mar 2026, 3 months to 15 Jun, then 15–20 Jun = 6 days.

        1080 × 5 = 5400; 1080 × 3/12 = 270; 1080 × 6/365 = 17.7534; total 5687.7534.
        """
        tp = transition_payment(BASE, D(2021, 3, 15), D(2026, 6, 20), rules_for(2026))
        assert (tp.service.years, tp.service.months, tp.service.days) == (5, 3, 6)
        assert tp.amount_eur == pytest.approx(5400 + 270 + 1080 * 6 / 365, abs=0.005)

    def test_less_than_a_month(self) -> None:
        """1–20 March 2026 is 20 days: 1080 × 20/365 = 59.18 (owed from the first day since 2020)."""
        tp = transition_payment(BASE, D(2026, 3, 1), D(2026, 3, 20), rules_for(2026))
        assert (tp.service.years, tp.service.months, tp.service.days) == (0, 0, 20)
        assert tp.amount_eur == pytest.approx(1080 * 20 / 365, abs=0.005)

    def test_month_end_start(self) -> None:
        """A month from 31 Jan ends when 28 Feb begins (Feb has no 31st: the date is clipped to the month's
        end), so 31 Jan – 27 Feb inclusive is one whole month, and 31 Jan – 26 Feb is 27 days."""
        period = service_period(D(2025, 1, 31), D(2025, 2, 27))
        assert (period.years, period.months, period.days) == (0, 1, 0)
        period = service_period(D(2025, 1, 31), D(2025, 2, 26))
        assert (period.years, period.months, period.days) == (0, 0, 27)

    def test_leap_day(self) -> None:
        """From 29 Feb 2024 a year ends when 28 Feb 2025 begins, so 29 Feb 2024 – 28 Feb 2025 inclusive
        is one year and one day, and 29 Feb 2024 – 27 Feb 2025 exactly one year."""
        period = service_period(D(2024, 2, 29), D(2025, 2, 28))
        assert (period.years, period.months, period.days) == (1, 0, 1)
        period = service_period(D(2024, 2, 29), D(2025, 2, 27))
        assert (period.years, period.months, period.days) == (1, 0, 0)


class TestSalaryBase:
    """The monthly pay under the Besluit loonbegrip."""

    def test_all_components(self) -> None:
        """M = 3000 + 3000 × 0.08 + 1200/12 + 600/12 + 3600/36 = 3000 + 240 + 100 + 50 + 100 = 3490.

        10 whole years: 3490 / 3 × 10 = 11 633.33.
        """
        salary = SalaryBase(
            3000.0,
            0.08,
            fixed_year_end_eur=1200,
            fixed_components_12m_eur=600,
            variable_components_3y_eur=3600,
        )
        tp = transition_payment(salary, D(2016, 1, 1), D(2025, 12, 31), rules_for(2025))
        assert tp.monthly_salary_eur == pytest.approx(3490.00)
        assert tp.amount_eur == pytest.approx(3490 / 3 * 10, abs=0.005)


class TestCap:
    """The year's maximum, or one annual salary when that is higher."""

    def test_cap_binds(self) -> None:
        """M = 8000 (no holiday allowance), 40 years: 8000/3 × 40 = 106 666.67 > € 102.000 (2026).

        Annual salary 12 × 8000 = 96 000 is below the cap, so the cap is 102 000.
        """
        tp = transition_payment(SalaryBase(8000.0, 0.0), D(1986, 7, 1), D(2026, 6, 30), rules_for(2026))
        assert tp.before_cap_eur == pytest.approx(8000 / 3 * 40, abs=0.005)
        assert (tp.cap_eur, tp.capped, tp.amount_eur) == (102000.0, True, 102000.0)

    def test_annual_salary_above_the_cap(self) -> None:
        """M = 10 000 × 1.08 = 10 800; annual 129 600 > 102 000, so the cap is 129 600.

        40 years: 10 800/3 × 40 = 144 000 → capped at 129 600.
        """
        tp = transition_payment(SalaryBase(10000.0, 0.08), D(1986, 7, 1), D(2026, 6, 30), rules_for(2026))
        assert tp.cap_eur == pytest.approx(129600.0)
        assert tp.amount_eur == pytest.approx(129600.0)

    @pytest.mark.parametrize(("year", "expected"), [(2024, 96000.0), (2025, 98000.0), (2026, 102000.0)])
    def test_each_rules_year(self, year: int, expected: float) -> None:
        """M = 8000, annual 96 000, 40 years (106 666.67 before the cap).

        2024: max(94 000, 96 000) = 96 000; 2025: max(98 000, 96 000) = 98 000; 2026: 102 000.
        """
        tp = transition_payment(
            SalaryBase(8000.0, 0.0), D(year - 40, 1, 1), D(year - 1, 12, 31), rules_for(year)
        )
        assert tp.amount_eur == pytest.approx(expected)

    def test_2026_cap_is_flagged_to_verify(self) -> None:
        """Pins the 🟡 flag: the 2026 cap rests on secondary sources; 2025's does not."""
        in_2026 = transition_payment(BASE, D(2020, 1, 1), D(2026, 1, 1), rules_for(2026))
        in_2025 = transition_payment(BASE, D(2020, 1, 1), D(2025, 1, 1), rules_for(2025))
        assert "transition_payment_cap_eur" in in_2026.to_verify
        assert "transition_payment_cap_eur" not in in_2025.to_verify


def _course(**changes: object) -> CostItem:
    base: dict[str, object] = {
        "description": "course for a job elsewhere",
        "amount_eur": 1200.0,
        "incurred_on": D(2025, 3, 1),
        "purpose": CostPurpose.OUTSIDE_EMPLOYER,
    }
    base.update(changes)
    return CostItem(**base)  # type: ignore[arg-type]


class TestDeduction:
    """Costs deducted item by item under the Besluit (Stb. 2015, 171; Stb. 2020, 188)."""

    FIRST, LAST = D(2020, 7, 1), D(2026, 6, 30)  # exactly 6 years: 6480 before deduction

    def _amount(self, *items: CostItem) -> tuple[float, list[tuple[str, ...]]]:
        tp = transition_payment(BASE, self.FIRST, self.LAST, rules_for(2026), costs=items)
        return tp.amount_eur, [verdict.failed for verdict in tp.verdicts]

    def test_deductible_cost(self) -> None:
        """6480 − 1200 = 5280 for a course for a job elsewhere, specified and agreed in writing."""
        amount, failed = self._amount(_course())
        assert amount == pytest.approx(5280.0)
        assert failed == [()]

    @pytest.mark.parametrize(
        ("changes", "failed"),
        [
            ({"specified_in_writing": False}, ("specified_in_writing",)),
            ({"consent_in_writing": False}, ("consent_in_writing",)),
            ({"paid_by_third_party_eur": 1200.0}, ("paid_by_employer",)),
            ({"is_wages": True}, ("not_wages",)),
            ({"reasonable": False}, ("reasonable",)),
            ({"incurred_on": D(2021, 6, 29)}, ("within_lookback",)),  # more than 5 years before 30 Jun 2026
            ({"incurred_on": D(2026, 7, 1)}, ("within_lookback",)),  # after the end
            ({"purpose": CostPurpose.CURRENT_JOB}, ("not_for_current_job",)),
            ({"purpose": CostPurpose.REINTEGRATION}, ("not_reintegration_or_redeployment",)),
            ({"purpose": CostPurpose.REDEPLOYMENT}, ("not_reintegration_or_redeployment",)),
            (  # more than 5 years back as well: both conditions fail and both are named
                {"purpose": CostPurpose.OTHER_INTERNAL_ROLE, "incurred_on": D(2020, 6, 30)},
                ("within_lookback", "deduction_other_internal_role_allowed"),
            ),
        ],
    )
    def test_each_failing_condition_is_named(
        self, changes: dict[str, object], failed: tuple[str, ...]
    ) -> None:
        """Pins that a cost failing one condition is not deducted (6480 stays) and the condition is named."""
        amount, named = self._amount(_course(**changes))
        assert amount == pytest.approx(6480.0)
        assert named == [failed]

    def test_consent_by_cao_instead_of_in_writing(self) -> None:
        """A cao or works-council agreement replaces the written consent: 6480 − 1200 = 5280."""
        item = _course(consent_in_writing=False, consent_by_cao_or_works_council=True)
        assert self._amount(item)[0] == pytest.approx(5280.0)

    def test_internal_role_before_july_2020(self) -> None:
        """Training for another internal role made on 30 Jun 2020, contract ending 30 Jun 2025 (within the
        5 years): only the July 2020 rule fails, so nothing is deducted from 1080 × 5 = 5400."""
        item = _course(purpose=CostPurpose.OTHER_INTERNAL_ROLE, incurred_on=D(2020, 6, 30))
        tp = transition_payment(BASE, D(2020, 7, 1), D(2025, 6, 30), rules_for(2025), costs=(item,))
        assert tp.amount_eur == pytest.approx(5400.0)
        assert tp.verdicts[0].failed == ("deduction_other_internal_role_allowed",)

    def test_internal_role_after_july_2020(self) -> None:
        """Training for another internal role counts since 1 July 2020: 6480 − 1200 = 5280."""
        item = _course(purpose=CostPurpose.OTHER_INTERNAL_ROLE, incurred_on=D(2024, 1, 1))
        assert self._amount(item)[0] == pytest.approx(5280.0)

    def test_only_the_employers_own_part(self) -> None:
        """A fund paid 500 of 1200: only 700 is deducted: 6480 − 700 = 5780."""
        assert self._amount(_course(paid_by_third_party_eur=500.0))[0] == pytest.approx(5780.0)

    def test_never_below_zero(self) -> None:
        """Costs of 9000 against a payment of 6480: the payment is 0, the deduction 6480."""
        tp = transition_payment(
            BASE, self.FIRST, self.LAST, rules_for(2026), costs=(_course(amount_eur=9000.0),)
        )
        assert tp.amount_eur == 0.0
        assert tp.deduction_eur == pytest.approx(6480.0)
