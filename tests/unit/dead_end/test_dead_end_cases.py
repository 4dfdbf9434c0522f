"""The four dead-end options, hand-computed from the model in calculators/dead_end/compare.py and
calculators/dead_end/contract_end.py (their docstrings are the specification; the law:
/work/shared/domain/dutch-rules.md §0).

Tractable settings: discount rate 0 (every d(m) = 1), no long-term sickness, a 12-month horizon,
output ratio 1, age 40 (the default, far below the state pension age), and a productivity gap of
10 % that does not grow. Then, by hand:
  Wm = 3000 × 1.08 × 1.30 = 4212;  old-role output = 4212 × (1 − 0.10) = 3790.80 a month;
  M (transition payment) = 3000 × 1.08 = 3240, one year of service = 3240 / 3 = 1080, a month 90;
  hourly wage w = 4212 / (38 × 52 / 12) = 4212 / 164.6667 = 25.578947; 24 training hours = 613.894737.
Years of service at month 1: 10, so the statutory notice is 3 months.
Retraining is possible: an internal role is available (dead_end.internal_role_available) and the
employee fills a vacancy in month E + 1 = 2 (benefits.vacancy), avoiding a hiring cost of 4494.

How the contract ends (contract_end.py): while the role exists for more than UWV's lead time of
26 weeks = 6 months there is no ground, so dismissing now is a settlement agreed in month 1 with the
full statutory notice, mutual agreement cost 1500 in month 1 and by default the transition payment at
exit as the settlement. When the role lapses in month R within the horizon, keep asks UWV's permission
ahead of the lapse (earliest start R − 6, at least month 1; dismiss does the same from month 1 when
R − 1 ≤ 6): procedure 2 months (cost 3000 in its first month), then the statutory notice (by service
when given) shortened to max(1, statutory − 2); the start is the first month from the earliest whose
exit (start + 2 + served) ≥ R; employed to exit − 1; the statutory transition payment at exit.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from calculators import scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.dead_end.contract_end import Route
from calculators.dead_end.results import Option
from calculators.scenario.model import Scenario

TRAINING_HOURS_COST = 24 * 4212 / (38 * 52 / 12)  # 613.894737


def _scenario(**dead_end: Any) -> Scenario:
    return scenario_from_dict(
        {
            "horizon_months": 12,
            "company": {"discount_rate_annual": 0.0, "employee_count": 10, "rules_year": 2026},
            "employee": {
                "gross_monthly_salary_eur": 3000,
                "hours_per_week": 38,
                "years_of_service": 10,
                "role_outlook": "dead_end",
            },
            "training": {"kind": "external_job", "course_fees_eur": 1000, "hours": 24, "duration_months": 1},
            "benefits": {
                "ramp_up_months": 3,
                # retraining fills a vacancy in month E + 1 = 2: the hiring cost avoided counts
                "vacancy": {"filled_internally": True, "avoided_hiring_cost_eur": 4494, "month": 2},
            },
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
                "internal_role_available": True,  # retraining is possible: there is another role in the firm
                **dead_end,
            },
        }
    )


def _net(scenario: Scenario) -> dict[Option, float]:
    return {
        item.option: item.net_cost_eur for item in compare_options(scenario, with_sensitivity=False).options
    }


class TestOptionsByHand:
    """Each option's net cost and its parts, computed by hand."""

    def test_keep_without_the_role_ending(self) -> None:
        """Role ends in month 24, after the 12-month horizon: 12 × (4212 − 3790.80) = 5054.40."""
        keep = compare_options(_scenario(), with_sensitivity=False).option(Option.KEEP)
        assert keep.components["wages"] == pytest.approx(12 * 4212)
        assert keep.components["output"] == pytest.approx(-12 * 3790.80)
        assert keep.net_cost_eur == pytest.approx(5054.40)
        assert keep.exit_month is None

    def test_dismiss_now(self) -> None:
        """The role exists until month 24 (more than 6 months ahead): no ground, so a settlement agreed in
        month 1 with the full statutory notice of 3 months: employed months 1–3, the contract ends in month 4.

        wages 3 × 4212 = 12 636; output −3 × 3790.80 = −11 372.40; mutual agreement 1500 in month 1;
        settlement = the transition payment at month 4: service 10 + 3/12 years → 10 800 + 3 × 90 = 11 070;
        net 12 636 − 11 372.40 + 1500 + 11 070 = 13 833.60.
        """
        dismiss = compare_options(_scenario(), with_sensitivity=False).option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert dismiss.exit_month == 4
        assert dismiss.notice_served_months == 3
        assert dismiss.transition_payment_eur == pytest.approx(11070.0)
        assert dismiss.settlement_eur == pytest.approx(11070.0)
        assert dismiss.components["settlement"] == pytest.approx(11070.0)
        assert dismiss.components["transition_payment"] == 0.0
        assert dismiss.components["procedure"] == pytest.approx(1500.0)
        assert dismiss.net_cost_eur == pytest.approx(13833.60)

    def test_retrain_internally(self) -> None:
        """Training in month 1 (E = 1): 1000 fees + 613.89 for the hours = 1613.89.

        Output: month 1 in the old role 3790.80; then the new role ramps up over 3 months:
        month 2: 4212 × 1/3 = 1404; month 3: 4212 × 2/3 = 2808; months 4–12: 9 × 4212 = 37 908.
        Total output 45 910.80; wages 12 × 4212 = 50 544; hiring avoided in month 2 (the vacancy): 4494.
        Net 50 544 − 45 910.80 + 1613.89 − 4494 = 1753.09.
        """
        retrain = compare_options(_scenario(), with_sensitivity=False).option(Option.RETRAIN_INTERNAL)
        assert retrain.available
        assert retrain.components["output"] == pytest.approx(-45910.80)
        assert retrain.components["training"] == pytest.approx(1000 + TRAINING_HOURS_COST)
        assert retrain.components["hiring_avoided"] == pytest.approx(-4494.0)
        assert retrain.net_cost_eur == pytest.approx(50544 - 45910.80 + 1000 + TRAINING_HOURS_COST - 4494)

    def test_job_to_job_with_written_consent(self) -> None:
        """Employed months 1–9: wages 9 × 4212 = 37 908, output −9 × 3790.80 = −34 117.20;
        training 1613.89; mutual agreement 1500 in month 9; statutory payment at month 10:
        service 10 + 9/12 = 10.75 years → 1080 × 10.75 = 11 610; the settlement is that less the course
        fees 1000 = 10 610. Net 37 908 − 34 117.20 + 1613.89 + 1500 + 10 610 = 17 514.69.
        """
        job = compare_options(_scenario(), with_sensitivity=False).option(Option.JOB_TO_JOB)
        assert job.route is Route.SETTLEMENT
        assert job.exit_month == 10
        assert job.transition_payment_eur == pytest.approx(11610.0)
        assert job.deduction_eur == pytest.approx(1000.0)
        assert job.settlement_eur == pytest.approx(10610.0)
        assert job.components["settlement"] == pytest.approx(10610.0)
        assert job.net_cost_eur == pytest.approx(37908 - 34117.20 + 1000 + TRAINING_HOURS_COST + 1500 + 10610)

    def test_job_to_job_without_written_consent(self) -> None:
        """Without written consent beforehand nothing is deducted: 11 610 is paid, net 1000 higher."""
        job = compare_options(_scenario(written_consent=False), with_sensitivity=False).option(
            Option.JOB_TO_JOB
        )
        assert job.transition_payment_eur == pytest.approx(11610.0)
        assert job.settlement_eur == pytest.approx(11610.0)
        assert job.deduction_eur == 0.0
        assert job.net_cost_eur == pytest.approx(37908 - 34117.20 + 1000 + TRAINING_HOURS_COST + 1500 + 11610)

    def test_cheapest_and_margin(self) -> None:
        """Retraining (1753.09) is cheapest; the runner-up is keeping (5054.40; dismiss 13 833.60, job to job
        17 514.69): margin 3301.31."""
        result = compare_options(_scenario(), with_sensitivity=False)
        assert result.cheapest is Option.RETRAIN_INTERNAL
        assert result.runner_up is Option.KEEP
        assert result.margin_eur == pytest.approx(
            5054.40 - (50544 - 45910.80 + 1000 + TRAINING_HOURS_COST - 4494)
        )

    def test_keep_with_the_role_ending_in_the_horizon(self) -> None:
        """Role ends in month 6: UWV is asked ahead of the lapse, at the earliest month max(1, 6 − 6) = 1.
        Notice when given (start + 2): 10 + (start + 1)/12 years → statutory 3 months, shortened by the
        2-month procedure to 1. Exit = start + 3 ≥ 6 first holds for start 3: procedure months 3–4,
        notice month 5, the contract ends in month 6. Employed months 1–5: wages 5 × 4212 = 21 060;
        output −5 × 3790.80 = −18 954; procedure 3000 in month 3;
        transition payment at month 6: 1080 × (10 + 5/12) = 10 800 + 450 = 11 250.
        Net 21 060 − 18 954 + 3000 + 11 250 = 16 356.
        """
        keep = compare_options(_scenario(role_end_month=6), with_sensitivity=False).option(Option.KEEP)
        assert keep.route is Route.UWV_PERMIT
        assert (keep.procedure_months, keep.notice_months, keep.notice_served_months) == (2, 3, 1)
        assert keep.exit_month == 6
        assert keep.transition_payment_eur == pytest.approx(11250.0)
        assert keep.net_cost_eur == pytest.approx(16356.0)


class TestFailureRisk:
    """A dismissal with UWV's permission may fail: (1 − q) × success + q × failure, component by component."""

    def test_dismissal_with_even_odds(self) -> None:
        """q = 0.5, role ends in month 6 (6 − 1 = 5 ≤ 6: UWV may be asked now, so dismissing is the same
        permit as keeping). Success as in test_keep_with_the_role_ending_in_the_horizon: 16 356.
        Failure: the procedure (3000) is lost and the employee stays all 12 months, the role yielding
        output only in months 1–5: 12 × 4212 − 5 × 3790.80 + 3000 = 50 544 − 18 954 + 3000 = 34 590.
        Mixed: 0.5 × 16 356 + 0.5 × 34 590 = 8178 + 17 295 = 25 473.
        """
        result = compare_options(
            _scenario(role_end_month=6, dismissal_failure_probability=0.5), with_sensitivity=False
        )
        for option in (result.option(Option.DISMISS), result.option(Option.KEEP)):
            assert option.route is Route.UWV_PERMIT
            assert option.net_cost_eur == pytest.approx(25473.0)
            assert option.components["procedure"] == pytest.approx(3000.0)  # paid in both branches
            assert option.components["transition_payment"] == pytest.approx(0.5 * 11250.0)

    def test_settlement_carries_no_failure_risk(self) -> None:
        """Role ends in month 24: dismissing is an agreed settlement; q = 0.5 changes nothing: 13 833.60."""
        dismiss = compare_options(
            _scenario(dismissal_failure_probability=0.5), with_sensitivity=False
        ).option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert dismiss.net_cost_eur == pytest.approx(13833.60)


class TestSickness:
    """Properties of the sickness risk that follow from the model without a full hand computation."""

    def test_more_sickness_costs_more_when_cover_is_expensive(self) -> None:
        """Cover at 2 × the wage makes an ill month dearer than a healthy one: every option's cost rises."""
        low = _scenario(sickness_annual_probability=0.02, sickness_replacement_share=2.0)
        high = replace(low, dead_end=replace(low.dead_end, sickness_annual_probability=0.20))
        for option, cost in _net(low).items():
            assert _net(high)[option] > cost, option

    def test_no_sickness_means_no_sickness_cost(self) -> None:
        """With a zero probability the sickness component is exactly 0 in every option."""
        for item in compare_options(_scenario(), with_sensitivity=False).options:
            assert item.components["sickness"] == 0.0


class TestHowSure:
    """The sensitivity of the order, checked by hand and just either side of the reported bound."""

    def test_failure_probability_bound(self) -> None:
        """Role ends in month 9; the employee asks 16 000 to settle now (no ground yet); course fees 40 000.

        Keep: earliest start 9 − 6 = 3; notice 3 months shortened to 1; exit = start + 3 ≥ 9 → start 6,
        exit 9. Success: wages 8 × 4212 = 33 696, output −8 × 3790.80 = −30 326.40, procedure 3000,
        payment at month 9: 1080 × (10 + 8/12) = 11 520 → 17 889.60. Failure: wages 12 × 4212 = 50 544,
        output −30 326.40 (nothing from month 9), procedure 3000 → 23 217.60. Mixed: 17 889.60 + 5328 q.
        Dismiss (9 − 1 = 8 > 6: a settlement, exit month 4): 12 636 − 11 372.40 + 1500 + 16 000 = 18 763.60.
        Retraining (≥ 40 000 of training) and job to job (≥ 40 000 plus the 16 000) cost far more. So
        keeping is cheapest until 17 889.60 + 5328 q = 18 763.60, at q = 874 / 5328 = 0.16404.
        """
        s = _scenario(role_end_month=9, settlement_amount_eur=16000.0)
        s = replace(s, training=replace(s.training, course_fees_eur=40000.0))
        result = compare_options(s)
        assert result.cheapest is Option.KEEP
        assert result.runner_up is Option.DISMISS
        assert result.margin_eur == pytest.approx(18763.60 - 17889.60)
        bound = next(
            item for item in result.sensitivities if item.field == "dead_end.dismissal_failure_probability"
        )
        assert bound.lower is None
        assert bound.upper is not None
        assert bound.upper == pytest.approx(874 / 5328, abs=1e-4)

        def cheapest_at(q: float) -> Option:
            changed = replace(s, dead_end=replace(s.dead_end, dismissal_failure_probability=q))
            return compare_options(changed, with_sensitivity=False).cheapest

        assert cheapest_at(bound.upper - 0.01) is Option.KEEP
        assert cheapest_at(bound.upper + 0.01) is Option.DISMISS


class TestNoticeAndSicknessWeights:
    """Two rules pinned after review: when notice is measured, and that sickness weights add up to one."""

    def test_notice_follows_service_on_the_day_it_is_given(self) -> None:
        """4.9 years at the start, 2 procedure months, role ends in month 4 (UWV may be asked now): the
        procedure starts in month 1 and notice is given at month 3, at 4.9 + 2/12 = 5.07 years, which is
        2 months' statutory notice (BW 7:672: 2 months from 5 years), not the 1 month that 4.9 years
        would give. After permission it is shortened to max(1, 2 − 2) = 1: the contract ends at month
        1 + 2 + 1 = 4.
        """
        base = _scenario(role_end_month=4)
        scenario = replace(base, employee=replace(base.employee, years_of_service=4.9))
        dismiss = compare_options(scenario, with_sensitivity=False).option(Option.DISMISS)
        assert dismiss.route is Route.UWV_PERMIT
        assert dismiss.notice_months == 2
        assert dismiss.notice_served_months == 1
        assert dismiss.exit_month == 1 + 2 + 1

    def test_notice_measured_when_given_can_delay_the_exit(self) -> None:
        """9.95 years, a 1-month procedure, role ends in month 3: started in month 1, notice is given at
        month 2 at 9.95 + 1/12 = 10.03 years → 3 months, shortened to max(1, 3 − 1) = 2, so the contract
        ends at month 1 + 1 + 2 = 4 (measured at month 1, 9.95 years would give 2 months, shortened to 1,
        and an exit at month 3)."""
        base = _scenario(role_end_month=3, dismissal_procedure_months=1)
        scenario = replace(base, employee=replace(base.employee, years_of_service=9.95))
        dismiss = compare_options(scenario, with_sensitivity=False).option(Option.DISMISS)
        assert (dismiss.procedure_months, dismiss.notice_months, dismiss.notice_served_months) == (1, 3, 2)
        assert dismiss.exit_month == 4

    def test_healthy_and_ill_weights_add_up_to_one(self) -> None:
        """p = 10 % a year: h = 1 − 0.9^(1/12). Healthy through month m: 0.9^(m/12); illness started in
        months 1 … m: 1 − 0.9^(m/12). Month 12: healthy 0.9 exactly, ill 0.1. At age 40 no illness starts
        at or after the state pension age."""
        from calculators.dead_end.setting import make_setting as _setting
        from calculators.rules import rules_for

        scenario = _scenario(sickness_annual_probability=0.10)
        setting = _setting(scenario, rules_for(2026))
        illness_start = setting.illness_before_aow + setting.illness_after_aow
        assert not setting.illness_after_aow.any()
        for month in range(1, 13):
            healthy = setting.healthy[month - 1]
            assert healthy == pytest.approx(0.9 ** (month / 12))
            assert healthy + illness_start[:month].sum() == pytest.approx(1.0, abs=1e-12)
        assert setting.healthy[11] == pytest.approx(0.9)
