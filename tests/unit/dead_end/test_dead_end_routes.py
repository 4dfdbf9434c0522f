"""How each dead-end option's contract ends, and on what legal ground — hand-computed.

Covers calculators/dead_end/contract_end.py and the routes in calculators/dead_end/compare.py
(docs/dead-end-model.md, /work/shared/domain/dutch-rules.md §0, content/rules/2026.yaml). Every
expected number below is worked out by hand from the rules; none was obtained by running the code.

Tractable setting (unless a test says otherwise), as in tests/unit/dead_end/test_dead_end_cases.py:
    discount rate 0 → d(m) = 1;  sickness probability 0;  output ratio 1;  rules year 2026;
    gross 3000, holiday allowance 0.08, on-cost 0.30, 38 h/week, productivity gap 10 % that does not grow:
        Wm = 3000 × 1.08 × 1.30 = 4212;  old-role output 4212 × 0.90 = 3790.80 a month (before month R);
        Wm − output = 421.20 a month while the role exists, 4212 a month after it lapsed;
    transition payment (TV): M = 3000 × 1.08 = 3240;  M / 3 = 1080 per year of service
        (cap max(102 000, 12 × 3240) = 102 000 is never reached here);
    service at month m = years of service + (m − 1) / 12;
    statutory notice 1/2/3/4 months for < 5 / 5–10 / 10–15 / 15+ years, by service when notice is given;
    after UWV's permission: notice served = max(1, statutory − procedure months) (art. 7:672 lid 4 BW);
    UWV may be asked 26 weeks ahead of the lapse: 26 × 12 / 52 = 6 months;
    UWV procedure 2 months costing 3000; a settlement's own costs 1500; failure probability q = 0;
    training: external job, fees 1000, 24 h in working time in month 1:
        hourly wage w = 4212 / (38 × 52 / 12) = 4212 / 164.6667 = 25.578947;  24 h × w = 613.894737;
        training line 1000 + 613.894737 = 1613.894737.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.dead_end.contract_end import (
    Route,
    aow_month,
    lead_months,
    notice_months,
    notice_served_months,
    permit_ending,
    settlement_ending,
    sick_pay_months_after_aow,
)
from calculators.dead_end.options import job_to_job_payment
from calculators.dead_end.results import DeadEndComparison, Option, OptionResult
from calculators.money.retention import monthly_hazard
from calculators.rules import rules_for
from calculators.scenario.model import Scenario
from tests.unit.strategies import valid_scenarios

RULES = rules_for(2026)
WM = 4212.0  # 3000 × 1.08 × 1.30
OLD = 3790.80  # 4212 × 0.90
PER_YEAR = 1080.0  # 3000 × 1.08 / 3
HOURS_COST = 24 * 4212 / (38 * 52 / 12)  # 613.894737
TRAINING = 1000 + HOURS_COST  # 1613.894737


def _scenario(
    *,
    horizon: int = 36,
    years: float = 18.0,
    age: int = 40,
    training: dict[str, Any] | None = None,
    benefits: dict[str, Any] | None = None,
    **dead_end: Any,
) -> Scenario:
    return scenario_from_dict(
        {
            "horizon_months": horizon,
            "company": {"discount_rate_annual": 0.0, "employee_count": 10, "rules_year": 2026},
            "employee": {
                "gross_monthly_salary_eur": 3000,
                "holiday_allowance_rate": 0.08,
                "employer_oncost_rate": 0.30,
                "hours_per_week": 38,
                "years_of_service": years,
                "age": age,
                "output_value_ratio": 1.0,
                "role_outlook": "dead_end",
            },
            "training": {
                "kind": "external_job",
                "course_fees_eur": 1000,
                "hours": 24,
                "share_in_working_time": 1.0,
                "start_month": 1,
                "duration_months": 1,
                **(training or {}),
            },
            "benefits": {"ramp_up_months": 3, **(benefits or {})},
            "dead_end": {
                "role_end_month": 24,
                "productivity_gap": 0.10,
                "productivity_gap_growth": 0.0,
                "sickness_annual_probability": 0.0,
                "dismissal_failure_probability": 0.0,
                "dismissal_procedure_months": 2,
                "dismissal_procedure_cost_eur": 3000,
                "exit_month": 9,
                "mutual_procedure_cost_eur": 1500,
                "written_consent": True,
                "internal_role_available": False,
                **dead_end,
            },
        }
    )


def _compare(scenario: Scenario) -> DeadEndComparison:
    return compare_options(scenario, with_sensitivity=False)


def _option(scenario: Scenario, which: Option) -> OptionResult:
    return _compare(scenario).option(which)


# --------------------------------------------------------------------------- 1. keep: UWV's permission


class TestKeepWithPermit:
    """Keep: the role lapses in month R = 24 of a 36-month horizon; 18 years of service."""

    def test_ending(self) -> None:
        """Earliest start R − 6 = 18. Start 18: notice given at 18 + 2 = 20, service 18 + 19/12 = 19.58
        → 4 months statutory, served max(1, 4 − 2) = 2, exit 18 + 2 + 2 = 22 < 24: too early.
        Start 19 → exit 23, still early. Start 20 → exit 20 + 2 + 2 = 24 = R: the first that fits."""
        keep = _option(_scenario(), Option.KEEP)
        assert keep.route is Route.UWV_PERMIT
        assert keep.procedure_months == 2
        assert keep.notice_months == 4
        assert keep.notice_served_months == 2
        assert keep.exit_month == 24
        ending = permit_ending(
            RULES, lambda m: 18 + (m - 1) / 12, earliest_start=24 - 6, role_end_month=24, procedure_months=2
        )
        assert (ending.start_month, ending.exit_month) == (20, 24)

    def test_net_cost(self) -> None:
        """Employed months 1–23 (exit 24), all in the role (months < 24):
        wages 23 × 4212 = 96 876;  output −23 × 3790.80 = −87 188.40;  procedure 3000 in month 20;
        TV at month 24: service 18 + 23/12 = 19.916667 years × 1080 = 21 510.
        Net 96 876 − 87 188.40 + 3000 + 21 510 = 34 197.60."""
        keep = _option(_scenario(), Option.KEEP)
        assert keep.components["wages"] == pytest.approx(96876.0)
        assert keep.components["output"] == pytest.approx(-87188.40)
        assert keep.components["procedure"] == pytest.approx(3000.0)
        assert keep.transition_payment_eur == pytest.approx(21510.0)
        assert keep.components["transition_payment"] == pytest.approx(21510.0)
        assert keep.components["settlement"] == 0.0
        assert keep.settlement_eur is None
        assert keep.deduction_eur == 0.0
        assert keep.net_cost_eur == pytest.approx(34197.60)

    def test_net_cost_with_failure_risk(self) -> None:
        """q = 0.5. Success 34 197.60 (above). Failure: the employee stays all 36 months, the role's output
        only in months 1–23: 36 × 4212 − 87 188.40 + 3000 = 151 632 − 87 188.40 + 3000 = 67 443.60.
        Mixed 0.5 × 34 197.60 + 0.5 × 67 443.60 = 50 820.60."""
        keep = _option(_scenario(dismissal_failure_probability=0.5), Option.KEEP)
        assert keep.net_cost_eur == pytest.approx(50820.60)
        assert keep.components["procedure"] == pytest.approx(3000.0)  # paid in both branches

    def test_role_beyond_the_horizon_has_no_ending(self) -> None:
        """R = 37 > 36: no route; employed all 36 months in the role: 36 × 421.20 = 15 163.20."""
        keep = _option(_scenario(role_end_month=37), Option.KEEP)
        assert keep.route is Route.NONE
        assert keep.exit_month is None
        assert keep.notice_months is None
        assert keep.notice_served_months is None
        assert keep.net_cost_eur == pytest.approx(15163.20)


# --------------------------------------------------------------------------- 2. the shortened notice


class TestNoticeShortening:
    """art. 7:672 lid 4 BW: the notice after a permit is shortened by the procedure, leaving at least 1."""

    def test_direct(self) -> None:
        """statutory 4: procedure 0 → 4;  2 → 2;  3 → 1;  4 → max(1, 0) = 1;  6 → max(1, −2) = 1.
        Statutory 1 with procedure 2: max(1, −1) = 1. Court the same; settlement keeps 4; none 0."""
        served = [notice_served_months(RULES, Route.UWV_PERMIT, 4, p) for p in (0, 2, 3, 4, 6)]
        assert served == [4, 2, 1, 1, 1]
        assert notice_served_months(RULES, Route.UWV_PERMIT, 1, 2) == 1
        assert notice_served_months(RULES, Route.COURT, 4, 6) == 1
        assert notice_served_months(RULES, Route.COURT, 3, 0) == 3
        assert notice_served_months(RULES, Route.SETTLEMENT, 4, 6) == 4
        assert notice_served_months(RULES, Route.NONE, 4, 2) == 0

    def test_statutory_notice_and_lead(self) -> None:
        """4.99 → 1, 5 → 2, 9.99 → 2, 10 → 3, 14.99 → 3, 15 → 4, 40 → 4; lead 26 × 12 / 52 = 6."""
        years = (0, 4.99, 5, 9.99, 10, 14.99, 15, 40)
        assert [notice_months(RULES, y) for y in years] == [1, 1, 2, 2, 3, 3, 4, 4]
        assert lead_months(RULES) == 6

    def test_procedure_zero_keeps_the_full_notice(self) -> None:
        """Procedure 0: start 18 → notice at 18 (19.42 years → 4), served 4, exit 22; start 19 → 23;
        start 20 → 24. Employed 1–23 as in test 1: net 96 876 − 87 188.40 + 3000 + 21 510 = 34 197.60."""
        keep = _option(_scenario(dismissal_procedure_months=0), Option.KEEP)
        assert (keep.procedure_months, keep.notice_months, keep.notice_served_months) == (0, 4, 4)
        assert keep.exit_month == 24
        assert keep.net_cost_eur == pytest.approx(34197.60)

    def test_procedure_longer_than_the_notice_leaves_one_month(self) -> None:
        """Procedure 5 ≥ 4: start 18, notice at 23 (19.83 years → 4), served max(1, 4 − 5) = 1,
        exit 18 + 5 + 1 = 24 = R. Same employed months, same net 34 197.60."""
        keep = _option(_scenario(dismissal_procedure_months=5), Option.KEEP)
        assert (keep.procedure_months, keep.notice_months, keep.notice_served_months) == (5, 4, 1)
        assert keep.exit_month == 24
        assert keep.net_cost_eur == pytest.approx(34197.60)

    def test_procedure_too_long_for_the_lead_ends_after_the_lapse(self) -> None:
        """Procedure 6: the earliest start (18) gives exit 18 + 6 + 1 = 25, a month after the lapse.
        Employed 1–24: wages 24 × 4212 = 101 088; output months 1–23: −87 188.40; procedure 3000;
        TV at 25: service 18 + 24/12 = 20 years × 1080 = 21 600. Net 38 499.60."""
        keep = _option(_scenario(dismissal_procedure_months=6), Option.KEEP)
        assert (keep.notice_months, keep.notice_served_months, keep.exit_month) == (4, 1, 25)
        assert keep.transition_payment_eur == pytest.approx(21600.0)
        assert keep.net_cost_eur == pytest.approx(38499.60)

    def test_short_service(self) -> None:
        """3 years of service: statutory 1 month (3 + 19/12 = 4.58 < 5); procedure 2: served max(1, −1) = 1.
        Start 18 → exit 18 + 2 + 1 = 21; … start 21 → exit 24."""
        keep = _option(_scenario(years=3.0), Option.KEEP)
        assert (keep.notice_months, keep.notice_served_months, keep.exit_month) == (1, 1, 24)


# --------------------------------------------------------------------------- 3. dismiss: a settlement


class TestDismissAsSettlement:
    """R = 24, 23 months away (> 6): no ground for UWV yet, so a settlement agreed in month 1."""

    def test_ending_and_default_amount(self) -> None:
        """Notice by service at month 1: 18 years → 4 months, respected in full: exit 1 + 4 = 5.
        Employed 1–4: wages 4 × 4212 = 16 848; output −4 × 3790.80 = −15 163.20; own costs 1500 (month 1);
        settlement = TV at month 5: 18 + 4/12 = 18.333333 years × 1080 = 19 800.
        Net 16 848 − 15 163.20 + 1500 + 19 800 = 22 984.80."""
        dismiss = _option(_scenario(), Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert (dismiss.procedure_months, dismiss.notice_months, dismiss.notice_served_months) == (0, 4, 4)
        assert dismiss.exit_month == 5
        assert dismiss.transition_payment_eur == pytest.approx(19800.0)
        assert dismiss.settlement_eur == pytest.approx(19800.0)
        assert dismiss.components["settlement"] == pytest.approx(19800.0)
        assert dismiss.components["transition_payment"] == 0.0
        assert dismiss.components["procedure"] == pytest.approx(1500.0)
        assert dismiss.deduction_eur == 0.0
        assert dismiss.net_cost_eur == pytest.approx(22984.80)

    def test_agreed_amount(self) -> None:
        """Settlement 30 000 agreed: 16 848 − 15 163.20 + 1500 + 30 000 = 33 184.80; the statutory TV
        (19 800) is still shown, the agreed amount is what is paid."""
        dismiss = _option(_scenario(settlement_amount_eur=30000), Option.DISMISS)
        assert dismiss.settlement_eur == pytest.approx(30000.0)
        assert dismiss.components["settlement"] == pytest.approx(30000.0)
        assert dismiss.transition_payment_eur == pytest.approx(19800.0)
        assert dismiss.net_cost_eur == pytest.approx(33184.80)

    def test_failure_probability_does_not_apply(self) -> None:
        """q = 0.9 leaves the settlement at 22 984.80; keep does move: 0.1 × 34 197.60 + 0.9 × 67 443.60
        = 3419.76 + 60 699.24 = 64 119.00."""
        result = _compare(_scenario(dismissal_failure_probability=0.9))
        assert result.option(Option.DISMISS).net_cost_eur == pytest.approx(22984.80)
        assert result.option(Option.KEEP).net_cost_eur == pytest.approx(64119.00)

    def test_settlement_ending_direct(self) -> None:
        """Agreed in month 3 at 9.9 + 2/12 = 10.07 years: 3 months, exit 6; an agreed exit 10: 7 months."""
        ending = settlement_ending(RULES, lambda m: 9.9 + (m - 1) / 12, agreed_month=3)
        assert (ending.route, ending.notice_months, ending.notice_served_months, ending.exit_month) == (
            Route.SETTLEMENT,
            3,
            3,
            6,
        )
        agreed = settlement_ending(RULES, lambda m: 9.9 + (m - 1) / 12, agreed_month=3, exit_month=10)
        assert (agreed.notice_served_months, agreed.exit_month) == (7, 10)


# --------------------------------------------------------------------------- 4. dismiss: role lapses soon


class TestDismissWithPermit:
    """When the role lapses within UWV's lead time, dismiss asks the permit now, like keep."""

    def test_role_lapsing_in_month_7(self) -> None:
        """R = 7: R − 1 = 6 ≤ 6. Start 1: notice at 3 (18.17 years → 4), served 2, exit 5; start 2 → 6;
        start 3 → 7. Employed 1–6 in the role (months < 7): wages 6 × 4212 = 25 272,
        output −6 × 3790.80 = −22 744.80; procedure 3000 in month 3;
        TV at 7: 18 + 6/12 = 18.5 × 1080 = 19 980. Net 25 272 − 22 744.80 + 3000 + 19 980 = 25 507.20.
        Keep's earliest start is max(1, 7 − 6) = 1: the same ending and cost."""
        result = _compare(_scenario(role_end_month=7))
        for which in (Option.DISMISS, Option.KEEP):
            item = result.option(which)
            assert item.route is Route.UWV_PERMIT, which
            assert (item.notice_months, item.notice_served_months, item.exit_month) == (4, 2, 7), which
            assert item.transition_payment_eur == pytest.approx(19980.0), which
            assert item.net_cost_eur == pytest.approx(25507.20), which
            assert item.settlement_eur is None

    def test_role_lapsing_in_month_8_is_a_settlement_again(self) -> None:
        """R = 8: R − 1 = 7 > 6 → dismiss is the settlement of test 3 (exit 5, 22 984.80: the role still
        exists in months 1–4). Keep: earliest 2, start 2 → 6, 3 → 7, 4 → exit 8."""
        result = _compare(_scenario(role_end_month=8))
        dismiss = result.option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert dismiss.exit_month == 5
        assert dismiss.net_cost_eur == pytest.approx(22984.80)
        keep = result.option(Option.KEEP)
        assert keep.route is Route.UWV_PERMIT
        assert keep.exit_month == 8

    def test_failure_probability_applies_to_the_permit(self) -> None:
        """R = 7, q = 0.5. Failure: stays 36 months, output only months 1–6:
        36 × 4212 − 22 744.80 + 3000 = 151 632 − 22 744.80 + 3000 = 131 887.20.
        Mixed 0.5 × 25 507.20 + 0.5 × 131 887.20 = 78 697.20."""
        dismiss = _option(_scenario(role_end_month=7, dismissal_failure_probability=0.5), Option.DISMISS)
        assert dismiss.net_cost_eur == pytest.approx(78697.20)


# --------------------------------------------------------------------------- 5. state pension age


class TestPensionAge:
    """No TV at or after the AOW age (67 to 2027, 67 y 3 m from 2028); 6 weeks' sick pay after it."""

    def test_aow_month(self) -> None:
        """Age 67 in January 2026: month 1. Age 66: 66 × 12 + (m − 1) ≥ 804 at m = 13 (2027: 67).
        Age 65: 67 years at month 25 (January 2028), but 2028's age is 67 y 3 m = 807 months:
        780 + (m − 1) ≥ 807 at m = 28. Sick pay after AOW: 6 weeks × 12 / 52 = 1.38 → 1 month."""
        assert aow_month(RULES, 67, 36) == 1
        assert aow_month(RULES, 66, 36) == 13
        assert aow_month(RULES, 65, 36) == 28
        assert aow_month(RULES, 65, 27) is None
        assert sick_pay_months_after_aow(RULES) == 1

    def test_at_aow_age_no_transition_payment(self) -> None:
        """Age 67. Keep: exit 24 as in test 1, no TV: 96 876 − 87 188.40 + 3000 = 12 687.60.
        Dismiss (settlement, exit 5): default amount = TV = 0: 16 848 − 15 163.20 + 1500 = 3184.80.
        Job to job (exit 9, paid at month 10): no TV, so nothing to deduct either:
        9 × 421.20 + 1613.894737 + 1500 = 3790.80 + 1613.894737 + 1500 = 6904.694737."""
        result = _compare(_scenario(age=67))
        keep, dismiss, job = (result.option(o) for o in (Option.KEEP, Option.DISMISS, Option.JOB_TO_JOB))
        assert keep.exit_month == 24
        assert keep.transition_payment_eur == 0.0
        assert keep.components["transition_payment"] == 0.0
        assert "no_tv_at_pension_age" in keep.notes
        assert keep.net_cost_eur == pytest.approx(12687.60)
        assert dismiss.transition_payment_eur == 0.0
        assert dismiss.settlement_eur == 0.0
        assert "no_tv_at_pension_age" in dismiss.notes
        assert dismiss.net_cost_eur == pytest.approx(3184.80)
        payment = job_to_job_payment(_scenario(age=67))
        assert payment.pension_age_reached
        assert (payment.amount_eur, payment.before_deduction_eur, payment.deduction_eur) == (0.0, 0.0, 0.0)
        assert job.transition_payment_eur == 0.0
        assert job.deduction_eur == 0.0
        assert job.settlement_eur == 0.0
        assert "no_tv_at_pension_age" in job.notes
        assert job.net_cost_eur == pytest.approx(6904.694737)

    def test_reaching_aow_age_within_the_horizon(self) -> None:
        """Age 66: AOW age reached in month 13. Keep ends at 24 ≥ 13: no TV (net 12 687.60 as above).
        Dismiss ends at 5 < 13: TV 18 + 4/12 → 19 800 (net 22 984.80). Job to job paid at 10 < 13:
        18 + 9/12 = 18.75 × 1080 = 20 250, less the 1000 fees (consent given) = 19 250."""
        result = _compare(_scenario(age=66))
        keep = result.option(Option.KEEP)
        assert keep.transition_payment_eur == 0.0
        assert keep.net_cost_eur == pytest.approx(12687.60)
        dismiss = result.option(Option.DISMISS)
        assert dismiss.transition_payment_eur == pytest.approx(19800.0)
        assert dismiss.net_cost_eur == pytest.approx(22984.80)
        payment = job_to_job_payment(_scenario(age=66))
        assert not payment.pension_age_reached
        assert payment.before_deduction_eur == pytest.approx(20250.0)
        assert payment.amount_eur == pytest.approx(19250.0)

    def test_aow_age_of_2028_is_67_and_3_months(self) -> None:
        """Age 65, AOW in month 28. Keep with R = 27: earliest 21; start 21 → exit 25, 22 → 26,
        23 → 27: TV at 27 = (18 + 26/12) × 1080 = 20.166667 × 1080 = 21 780 (67 y 2 m: still owed).
        R = 28: start 24 → exit 28, at the AOW age: no TV."""
        owed = _option(_scenario(age=65, role_end_month=27), Option.KEEP)
        assert owed.exit_month == 27
        assert owed.transition_payment_eur == pytest.approx(21780.0)
        none = _option(_scenario(age=65, role_end_month=28), Option.KEEP)
        assert none.exit_month == 28
        assert none.transition_payment_eur == 0.0

    @staticmethod
    def _sick(horizon: int, age: int) -> Scenario:
        """p = 0.5 a year; an ill month costs exactly Wm (sick pay 100 % both years, no cover,
        no re-integration); the role outlasts the horizon (keep has no ending)."""
        return _scenario(
            horizon=horizon,
            age=age,
            years=10.0,
            role_end_month=horizon + 1,
            sickness_annual_probability=0.5,
            sick_pay_year1=1.0,
            sick_pay_year2=1.0,
            sickness_replacement_share=0.0,
            reintegration_cost_per_month_eur=0.0,
        )

    def test_sick_pay_after_aow_runs_one_month(self) -> None:
        """Horizon 12, r = 1 − h = 0.5^(1/12); illness starts in month s with chance P(s) = r^(s−1)(1 − r).
        Age 67: every illness is after the AOW age and runs 1 month (its month k = 0):
            sickness = 4212 × Σ_{s=1..12} P(s) = 4212 × (1 − r^12) = 4212 × 0.5 = 2106.
        Age 40: every illness runs on (24 months > horizon): month m has 1 − r^m ill,
            sickness = 4212 × Σ_{m=1..12} (1 − r^m) = 4212 × (12 − S), S = Σ r^m = r (1 − 0.5) / (1 − r)."""
        r = 0.5 ** (1 / 12)
        assert 1 - monthly_hazard(0.5) == pytest.approx(r)
        s_sum = r * 0.5 / (1 - r)
        old = _option(self._sick(12, 67), Option.KEEP)
        assert old.components["sickness"] == pytest.approx(2106.0)
        assert old.net_cost_without_compensation_eur == pytest.approx(old.net_cost_eur)
        young = _option(self._sick(12, 40), Option.KEEP)
        assert young.components["sickness"] == pytest.approx(4212 * (12 - s_sum))

    def test_illness_before_and_after_aow_in_one_horizon(self) -> None:
        """Age 66, horizon 24, AOW in month 13. Illnesses starting in 1–12 run on to the horizon
        (ending at s + 24 > 24, so no TV); those starting in 13–24 run 1 month. Ill in month m:
            m ≤ 12: 1 − r^m;  m ≥ 13: (1 − r^12) + P(m) = 0.5 + P(m).
        Σ = (12 − S) + 12 × 0.5 + Σ_{s=13..24} P(s) = 18 − S + (r^12 − r^24) = 18.25 − S.
        sickness = 4212 × (18.25 − S)."""
        r = 0.5 ** (1 / 12)
        s_sum = r * 0.5 / (1 - r)
        keep = _option(self._sick(24, 66), Option.KEEP)
        assert keep.components["sickness"] == pytest.approx(4212 * (18.25 - s_sum))


# --------------------------------------------------------------------------- 6. deducting training costs


class TestJobToJobDeduction:
    """Horizon 12, 10 years of service, exit month 9 (paid at month 10).
    Direct costs: fees 1000 + materials 200 + travel 100 = 1300; a fund paid 300 (month 1):
    the employer bore 1000. TV at month 10: 10 + 9/12 = 10.75 years × 1080 = 11 610.
    Training line: 1300 + 613.894737 − 300 = 1613.894737 (same as with fees 1000 and no fund).
    Net without the payment: wages 9 × 4212 = 37 908, output −9 × 3790.80 = −34 117.20, training
    1613.894737, own costs 1500: 6904.694737."""

    @staticmethod
    def _job(kind: str = "external_job", **dead_end: Any) -> Scenario:
        training = {
            "kind": kind,
            "materials_exam_eur": 200,
            "travel_eur": 100,
            "subsidies": [{"name": "fund", "amount_eur": 300, "month": 1}],
        }
        return _scenario(horizon=12, years=10.0, training=training, **dead_end)

    def test_with_consent(self) -> None:
        """Deducted: 1300 − 300 = 1000; paid 11 610 − 1000 = 10 610. Net 6904.694737 + 10 610 = 17 514.694737.
        Ending: notice at exit (10 + 8/12 → 3 months) so agreed at 10 − 3 = 7; served 3."""
        job = _option(self._job(), Option.JOB_TO_JOB)
        assert job.route is Route.SETTLEMENT
        assert job.deduction_eur == pytest.approx(1000.0)
        assert job.transition_payment_eur == pytest.approx(11610.0)
        assert job.settlement_eur == pytest.approx(10610.0)
        assert job.components["settlement"] == pytest.approx(10610.0)
        assert job.components["training"] == pytest.approx(1300 + HOURS_COST - 300)
        assert (job.notice_months, job.notice_served_months, job.exit_month) == (3, 3, 10)
        assert "job_to_job_deduction" in job.notes
        assert job.net_cost_eur == pytest.approx(17514.694737)

    def test_without_consent(self) -> None:
        """No written consent beforehand: nothing deducted, 11 610 paid; net 1000 higher: 18 514.694737."""
        job = _option(self._job(written_consent=False), Option.JOB_TO_JOB)
        assert job.deduction_eur == 0.0
        assert job.settlement_eur == pytest.approx(11610.0)
        assert "job_to_job_no_deduction" in job.notes
        assert job.net_cost_eur == pytest.approx(18514.694737)
        verdict = job_to_job_payment(self._job(written_consent=False)).verdict
        assert "consent_in_writing" in verdict.failed
        assert verdict.deductible_eur == 0.0

    @pytest.mark.parametrize(
        ("kind", "condition"),
        [
            ("internal_broadening", "not_reintegration_or_redeployment"),
            ("current_job", "not_for_current_job"),
            ("mandatory", "not_for_current_job"),
        ],
    )
    def test_never_for_redeployment_or_the_current_job(self, kind: str, condition: str) -> None:
        """Even with consent: redeployment and current-job training are never deducted; 11 610 paid."""
        job = _option(self._job(kind), Option.JOB_TO_JOB)
        assert job.deduction_eur == 0.0
        assert job.settlement_eur == pytest.approx(11610.0)
        assert condition in job_to_job_payment(self._job(kind)).verdict.failed

    def test_fund_paid_everything(self) -> None:
        """A fund paid all 1300: the employer bore nothing, so nothing is deducted."""
        scenario = _scenario(
            horizon=12,
            years=10.0,
            training={
                "materials_exam_eur": 200,
                "travel_eur": 100,
                "subsidies": [{"name": "fund", "amount_eur": 1300, "month": 1}],
            },
        )
        assert _option(scenario, Option.JOB_TO_JOB).deduction_eur == 0.0
        assert "paid_by_employer" in job_to_job_payment(scenario).verdict.failed

    def test_agreed_amount_replaces_the_default(self) -> None:
        """settlement 30 000: paid as agreed; the opening position (1000 deducted) still reported."""
        job = _option(self._job(settlement_amount_eur=30000), Option.JOB_TO_JOB)
        assert job.settlement_eur == pytest.approx(30000.0)
        assert job.components["settlement"] == pytest.approx(30000.0)
        assert job.net_cost_eur == pytest.approx(6904.694737 + 30000)

    def test_retraining_is_never_deducted(self) -> None:
        """Retraining for another role here is redeployment: no deduction whatever the consent."""
        for consent in (True, False):
            result = _compare(self._job(written_consent=consent, internal_role_available=True))
            assert result.option(Option.RETRAIN_INTERNAL).deduction_eur == 0.0


# --------------------------------------------------------------------------- 7. is there an internal role?


class TestInternalRole:
    """Horizon 12, 10 years of service, R = 24 (beyond). By hand:
    keep: 12 × 421.20 = 5054.40 (no ending);
    retrain (training month 1, ramp 3): output 3790.80 + 4212 × 1/3 + 4212 × 2/3 + 9 × 4212
        = 3790.80 + 1404 + 2808 + 37 908 = 45 910.80; wages 12 × 4212 = 50 544; training 1613.894737:
        without hiring avoided 50 544 − 45 910.80 + 1613.894737 = 6247.094737;
        with a vacancy filled internally in month 2 (4494 avoided): 1753.094737;
    job to job (fees 1000, consent): 6904.694737 + (11 610 − 1000) = 17 514.694737;
    dismiss (settlement, 10 years → 3 months, exit 4): 3 × 421.20 + 1500 + TV(4) where
        TV(4) = (10 + 3/12) × 1080 = 11 070: 1263.60 + 1500 + 11 070 = 13 833.60."""

    @staticmethod
    def _case(*, role: bool, filled: bool) -> Scenario:
        vacancy = {"filled_internally": filled, "avoided_hiring_cost_eur": 4494, "month": 2}
        return _scenario(horizon=12, years=10.0, internal_role_available=role, benefits={"vacancy": vacancy})

    def test_unavailable_is_never_cheapest(self) -> None:
        """No internal role: retrain (1753.09) would be lowest but is unavailable; cheapest keep 5054.40,
        runner-up dismiss 13 833.60, margin 8779.20."""
        result = _compare(self._case(role=False, filled=True))
        retrain = result.option(Option.RETRAIN_INTERNAL)
        assert not retrain.available
        assert retrain.unavailable_reason == "no_internal_role"
        assert retrain.route is Route.NONE
        assert retrain.net_cost_eur == pytest.approx(1753.094737)
        assert result.option(Option.DISMISS).net_cost_eur == pytest.approx(13833.60)
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == pytest.approx(17514.694737)
        assert result.cheapest is Option.KEEP
        assert result.runner_up is Option.DISMISS
        assert result.margin_eur == pytest.approx(13833.60 - 5054.40)
        assert result.cheapest_without_compensation is Option.KEEP

    def test_available_can_be_cheapest(self) -> None:
        """With the role: retrain 1753.094737 cheapest, keep 5054.40 runner-up, margin 3301.305263."""
        result = _compare(self._case(role=True, filled=True))
        retrain = result.option(Option.RETRAIN_INTERNAL)
        assert retrain.available
        assert retrain.unavailable_reason is None
        assert retrain.components["hiring_avoided"] == pytest.approx(-4494.0)
        assert result.cheapest is Option.RETRAIN_INTERNAL
        assert result.runner_up is Option.KEEP
        assert result.margin_eur == pytest.approx(5054.40 - 1753.094737)

    def test_hiring_cost_only_for_a_vacancy_filled_internally(self) -> None:
        """No vacancy filled: hiring avoided 0, retrain 6247.094737 > keep 5054.40: keep cheapest,
        retrain runner-up, margin 1192.694737."""
        result = _compare(self._case(role=True, filled=False))
        retrain = result.option(Option.RETRAIN_INTERNAL)
        assert retrain.components["hiring_avoided"] == 0.0
        assert "retrain_no_vacancy" in retrain.notes
        assert retrain.net_cost_eur == pytest.approx(6247.094737)
        assert result.cheapest is Option.KEEP
        assert result.runner_up is Option.RETRAIN_INTERNAL
        assert result.margin_eur == pytest.approx(6247.094737 - 5054.40)


# --------------------------------------------------------------------------- 8. UWV's compensation


class TestCompensation:
    """UWV compensates the TV after 2 years of illness (art. 7:673e BW, all employers in 2026).

    Horizon 26, 10 years of service, R = 27 (keep has no ending), p = 0.12 a year: h = 1 − 0.88^(1/12).
    Only illnesses starting in month 1 or 2 end (after 24 months) within the horizon, at months 25 and 26:
        P(1) = h, TV(25) = (10 + 24/12) × 1080 = 12 960;  P(2) = (1 − h) h, TV(26) = (10 + 25/12) × 1080
        = 13 050.  Difference (discount 0) = 12 960 h + 13 050 (1 − h) h.
    Keep and retrain employ through the horizon: that difference. Job to job (exit 10) and dismiss
    (exit 4) end before month 25: no difference."""

    def test_difference_is_the_illness_transition_payment(self) -> None:
        h = 1 - 0.88 ** (1 / 12)
        expected = 12960 * h + 13050 * (1 - h) * h
        scenario = _scenario(horizon=26, years=10.0, role_end_month=27, sickness_annual_probability=0.12)
        result = _compare(scenario)
        for which in (Option.KEEP, Option.RETRAIN_INTERNAL):
            item = result.option(which)
            gap = item.net_cost_without_compensation_eur - item.net_cost_eur
            assert gap == pytest.approx(expected), which
            assert "compensation_uncertain" in item.notes
        for which in (Option.JOB_TO_JOB, Option.DISMISS):
            item = result.option(which)
            assert item.net_cost_without_compensation_eur == pytest.approx(item.net_cost_eur), which
            assert "compensation_uncertain" not in item.notes

    def test_no_sickness_no_difference(self) -> None:
        for item in _compare(_scenario(horizon=26, years=10.0, role_end_month=27)).options:
            assert item.net_cost_without_compensation_eur == item.net_cost_eur


# --------------------------------------------------------------------------- properties


@st.composite
def _dead_end_scenarios(draw: st.DrawFn) -> Scenario:
    """Any valid dead-end scenario (horizon ≤ 60), its settlement amount sometimes left to the default."""
    data = draw(valid_scenarios(max_horizon=60, only_dead_end=True))
    if draw(st.booleans()):
        data["dead_end"]["settlement_amount_eur"] = None
    return scenario_from_dict(data)


_PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestProperties:
    @_PROPERTY
    @given(_dead_end_scenarios())
    def test_permit_routes(self, scenario: Scenario) -> None:
        """A permit serves at least one month: max(1, statutory − procedure), and ends at or after R."""
        for item in _compare(scenario).options:
            if item.route is Route.UWV_PERMIT:
                assert item.notice_months is not None and item.notice_served_months is not None
                assert item.exit_month is not None
                assert item.notice_served_months >= 1
                assert item.notice_served_months == max(1, item.notice_months - item.procedure_months)
                assert item.procedure_months == scenario.dead_end.dismissal_procedure_months
                assert item.exit_month >= scenario.dead_end.role_end_month

    @_PROPERTY
    @given(_dead_end_scenarios())
    def test_settlement_routes(self, scenario: Scenario) -> None:
        """A settlement serves no procedure and at least the statutory notice, unless it had to be agreed
        in month 1 already (an early job-to-job exit leaves less time than the notice)."""
        for item in _compare(scenario).options:
            if item.route is Route.SETTLEMENT:
                assert item.notice_months is not None and item.notice_served_months is not None
                assert item.exit_month is not None
                assert item.procedure_months == 0
                agreed = item.exit_month - item.notice_served_months
                assert agreed >= 1
                assert item.notice_served_months >= item.notice_months or agreed == 1
            if item.option is Option.DISMISS and item.route is Route.SETTLEMENT:
                assert agreed == 1
                assert item.notice_served_months == item.notice_months
                rules = rules_for(scenario.company.rules_year)
                assert item.notice_months == notice_months(rules, scenario.employee.years_of_service)
            if item.option is Option.JOB_TO_JOB:
                assert item.exit_month == scenario.dead_end.exit_month + 1

    @_PROPERTY
    @given(_dead_end_scenarios())
    def test_deductions(self, scenario: Scenario) -> None:
        """Nothing deducted without consent, nor in retraining, keep or dismiss; job to job deducts only for
        a job elsewhere, at most the employer's own direct costs."""
        result = _compare(scenario)
        for which in (Option.KEEP, Option.RETRAIN_INTERNAL, Option.DISMISS):
            assert result.option(which).deduction_eur == 0.0
        job = result.option(Option.JOB_TO_JOB)
        if not scenario.dead_end.written_consent or scenario.training.kind.value != "external_job":
            assert job.deduction_eur == 0.0
        own = max(0.0, scenario.training.direct_costs_eur - scenario.training.subsidies_eur)
        assert job.deduction_eur <= own + 1e-6

    @_PROPERTY
    @given(_dead_end_scenarios())
    def test_ranking(self, scenario: Scenario) -> None:
        """The cheapest and runner-up are available, the lowest two net costs among available options."""
        result = _compare(scenario)
        available = sorted((o.net_cost_eur, o.option) for o in result.options if o.available)
        assert result.cheapest is not result.runner_up
        assert result.option(result.cheapest).available
        assert result.option(result.runner_up).available
        assert result.option(result.cheapest).net_cost_eur == pytest.approx(available[0][0])
        assert result.option(result.runner_up).net_cost_eur == pytest.approx(available[1][0])
        assert result.margin_eur == pytest.approx(available[1][0] - available[0][0])
        assert result.margin_eur >= 0.0
        retrain = result.option(Option.RETRAIN_INTERNAL)
        assert retrain.available is scenario.dead_end.internal_role_available
        assert retrain.deduction_eur == 0.0

    @_PROPERTY
    @given(_dead_end_scenarios())
    def test_compensation_never_lowers_the_cost(self, scenario: Scenario) -> None:
        """Without UWV's compensation an option costs at least as much; the same when nobody falls ill."""
        for item in _compare(scenario).options:
            assert item.net_cost_without_compensation_eur >= item.net_cost_eur - 1e-6
            assert math.isfinite(item.net_cost_eur)
            if scenario.dead_end.sickness_annual_probability == 0:
                assert item.net_cost_without_compensation_eur == item.net_cost_eur

    @_PROPERTY
    @given(_dead_end_scenarios(), st.floats(0.0, 1.0))
    def test_settlement_ignores_the_failure_probability(self, scenario: Scenario, q: float) -> None:
        """Dismiss as a settlement carries no failure risk; when the role lapses within the lead time,
        dismiss and keep take the same permit and cost the same."""
        before = _compare(scenario).option(Option.DISMISS)
        changed = replace(scenario, dead_end=replace(scenario.dead_end, dismissal_failure_probability=q))
        result = _compare(changed)
        if before.route is Route.SETTLEMENT:
            assert result.option(Option.DISMISS).net_cost_eur == pytest.approx(before.net_cost_eur)
        else:
            assert before.route is Route.UWV_PERMIT
            keep, dismiss = result.option(Option.KEEP), result.option(Option.DISMISS)
            assert dismiss.exit_month == keep.exit_month
            assert dismiss.net_cost_eur == pytest.approx(keep.net_cost_eur)


class TestSettlementLimit:
    """When the cheapest option is a settlement, the amount at which it stops being the cheapest."""

    def test_leave_now_is_cheapest_until_the_limit(self) -> None:
        """Default setting: dismiss (settlement) 22 984.80 is cheapest (TestDismissAsSettlement).
        Job to job, exit after month 9, paid in month 10: wages 9 × 4212 = 37 908; output
        −9 × 3790.80 = −34 117.20; training 1613.894737; own costs 1500; TV at 18.75 years × 1080 =
        20 250, less the 1000 of fees consented to → 19 250. Net 26 154.694737 (runner-up; keep 34 197.60).
        No discounting and nobody falls ill, so a euro more settlement is a euro more cost (weight 1):
        limit = 19 800 + (26 154.694737 − 22 984.80) / 1 = 22 969.894737."""
        result = _compare(_scenario())
        assert (result.cheapest, result.runner_up) == (Option.DISMISS, Option.JOB_TO_JOB)
        job = result.option(Option.JOB_TO_JOB)
        assert job.net_cost_eur == pytest.approx(26154.694737)
        assert job.settlement_eur == pytest.approx(19250.0)
        dismiss = result.option(Option.DISMISS)
        assert dismiss.settlement_weight == pytest.approx(1.0)
        assert dismiss.settlement_assumed
        assert result.settlement_limit_eur == pytest.approx(22969.894737)

    def test_entered_amount_is_not_assumed_and_no_limit_when_not_a_settlement(self) -> None:
        """An amount the user enters is theirs, not an assumption; with 40 000, keep (34 197.60) beats
        dismiss (16 848 − 15 163.20 + 1500 + 40 000 = 43 184.80) and job to job (37 908 − 34 117.20 +
        1613.894737 + 1500 + 40 000 = 46 904.694737): keep is no settlement, so there is no limit."""
        result = _compare(_scenario(settlement_amount_eur=40000))
        assert result.cheapest is Option.KEEP
        assert result.settlement_limit_eur is None
        assert not result.option(Option.DISMISS).settlement_assumed
        assert result.option(Option.DISMISS).net_cost_eur == pytest.approx(43184.80)
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == pytest.approx(46904.694737)
