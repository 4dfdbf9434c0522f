"""The four dead-end options, hand-computed (docs/dead-end-model.md §2).

Tractable settings: discount rate 0 (every d(m) = 1), no long-term sickness, a 12-month horizon,
output ratio 1, and a productivity gap of 10 % that does not grow. Then, by hand:
  Wm = 3000 × 1.08 × 1.30 = 4212;  old-role output = 4212 × (1 − 0.10) = 3790.80 a month;
  M (transition payment) = 3000 × 1.08 = 3240, one year of service = 3240 / 3 = 1080;
  hourly wage w = 4212 / (38 × 52 / 12) = 4212 / 164.6667 = 25.578947; 24 training hours = 613.894737.
Years of service at month 1: 10, so the statutory notice is 3 months.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from calculators import scenario_from_dict
from calculators.dead_end import Option, compare_options
from calculators.scenario import Scenario

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
            "benefits": {"ramp_up_months": 3, "vacancy": {"avoided_hiring_cost_eur": 4494}},
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
        """Procedure 2 months + notice 3 months: employed months 1–5, contract ends at month 6.

        wages 5 × 4212 = 21 060; output −5 × 3790.80 = −18 954; procedure 3000;
        transition payment at month 6: service 10 + 5/12 years → 1080 × 10.416667 = 11 250;
        net 21 060 − 18 954 + 3000 + 11 250 = 16 356.
        """
        dismiss = compare_options(_scenario(), with_sensitivity=False).option(Option.DISMISS)
        assert dismiss.exit_month == 6
        assert dismiss.transition_payment_eur == pytest.approx(11250.0)
        assert dismiss.components["procedure"] == pytest.approx(3000.0)
        assert dismiss.net_cost_eur == pytest.approx(16356.0)

    def test_retrain_internally(self) -> None:
        """Training in month 1 (E = 1): 1000 fees + 613.89 for the hours = 1613.89.

        Output: month 1 in the old role 3790.80; then the new role ramps up over 3 months:
        month 2: 4212 × 1/3 = 1404; month 3: 4212 × 2/3 = 2808; months 4–12: 9 × 4212 = 37 908.
        Total output 45 910.80; wages 12 × 4212 = 50 544; hiring avoided in month 2: 4494.
        Net 50 544 − 45 910.80 + 1613.89 − 4494 = 1753.09.
        """
        retrain = compare_options(_scenario(), with_sensitivity=False).option(Option.RETRAIN_INTERNAL)
        assert retrain.components["output"] == pytest.approx(-45910.80)
        assert retrain.components["training"] == pytest.approx(1000 + TRAINING_HOURS_COST)
        assert retrain.components["hiring_avoided"] == pytest.approx(-4494.0)
        assert retrain.net_cost_eur == pytest.approx(50544 - 45910.80 + 1000 + TRAINING_HOURS_COST - 4494)

    def test_job_to_job_with_written_consent(self) -> None:
        """Employed months 1–9: wages 9 × 4212 = 37 908, output −9 × 3790.80 = −34 117.20;
        training 1613.89; settlement costs 1500 in month 9; transition payment at month 10:
        service 10 + 9/12 = 10.75 years → 1080 × 10.75 = 11 610, less the course fees 1000 = 10 610.
        Net 37 908 − 34 117.20 + 1613.89 + 1500 + 10 610 = 17 514.69.
        """
        job = compare_options(_scenario(), with_sensitivity=False).option(Option.JOB_TO_JOB)
        assert job.exit_month == 10
        assert job.transition_payment_eur == pytest.approx(10610.0)
        assert job.deduction_eur == pytest.approx(1000.0)
        assert job.net_cost_eur == pytest.approx(37908 - 34117.20 + 1000 + TRAINING_HOURS_COST + 1500 + 10610)

    def test_job_to_job_without_written_consent(self) -> None:
        """Without written consent beforehand nothing is deducted: 11 610 is paid, net 1000 higher."""
        job = compare_options(_scenario(written_consent=False), with_sensitivity=False).option(
            Option.JOB_TO_JOB
        )
        assert job.transition_payment_eur == pytest.approx(11610.0)
        assert job.deduction_eur == 0.0
        assert job.net_cost_eur == pytest.approx(37908 - 34117.20 + 1000 + TRAINING_HOURS_COST + 1500 + 11610)

    def test_cheapest_and_margin(self) -> None:
        """Retraining (1753.09) is cheapest; the runner-up is keeping (5054.40): margin 3301.31."""
        result = compare_options(_scenario(), with_sensitivity=False)
        assert result.cheapest is Option.RETRAIN_INTERNAL
        assert result.margin_eur == pytest.approx(
            5054.40 - (50544 - 45910.80 + 1000 + TRAINING_HOURS_COST - 4494)
        )

    def test_keep_with_the_role_ending_in_the_horizon(self) -> None:
        """Role ends in month 6: dismissal starts then; service at 6 is 10 5/12 years → notice 3 months;
        the contract ends at month 6 + 2 + 3 = 11. Employed months 1–10: wages 10 × 4212 = 42 120;
        output only in months 1–5: −5 × 3790.80 = −18 954; procedure 3000 in month 6;
        transition payment at month 11: 1080 × (10 + 10/12) = 11 700.
        Net 42 120 − 18 954 + 3000 + 11 700 = 37 866.
        """
        keep = compare_options(_scenario(role_end_month=6), with_sensitivity=False).option(Option.KEEP)
        assert keep.exit_month == 11
        assert keep.net_cost_eur == pytest.approx(37866.0)


class TestFailureRisk:
    """A dismissal that may fail: (1 − q) × success + q × failure, component by component."""

    def test_dismissal_with_even_odds(self) -> None:
        """q = 0.5. Success as above: 16 356. Failure: the procedure (3000) is lost and the employee stays all
        12 months in the declining role: 3000 + 5054.40 = 8054.40.
        Mixed: 0.5 × 16 356 + 0.5 × 8054.40 = 12 205.20.
        """
        dismiss = compare_options(
            _scenario(dismissal_failure_probability=0.5), with_sensitivity=False
        ).option(Option.DISMISS)
        assert dismiss.net_cost_eur == pytest.approx(12205.20)
        assert dismiss.components["procedure"] == pytest.approx(3000.0)  # paid in both branches
        assert dismiss.components["transition_payment"] == pytest.approx(0.5 * 11250.0)


class TestSickness:
    """Properties of the sickness risk that follow from the spec without a full hand computation."""

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
        """Gap 50 %: old-role output 2106. Keep: 12 × (4212 − 2106) = 25 272. Dismiss, success: 5 × 2106
        + 3000 + 11 250 = 24 780; failure: 3000 + 25 272 = 28 272; mixed: 24 780 + 3492 q. Retraining and
        job-to-job cost far more with 40 000 course fees. So dismissing is cheapest until
        24 780 + 3492 q = 25 272, at q = 492 / 3492 = 0.14089.
        """
        s = _scenario(productivity_gap=0.5, exit_month=11)
        s = replace(s, training=replace(s.training, course_fees_eur=40000.0))
        result = compare_options(s)
        assert result.cheapest is Option.DISMISS
        bound = next(
            item for item in result.sensitivities if item.field == "dead_end.dismissal_failure_probability"
        )
        assert bound.lower is None
        assert bound.upper is not None
        assert bound.upper == pytest.approx(492 / 3492, abs=1e-4)

        def cheapest_at(q: float) -> Option:
            changed = replace(s, dead_end=replace(s.dead_end, dismissal_failure_probability=q))
            return compare_options(changed, with_sensitivity=False).cheapest

        assert cheapest_at(bound.upper - 0.01) is Option.DISMISS
        assert cheapest_at(bound.upper + 0.01) is Option.KEEP


class TestNoticeAndSicknessWeights:
    """Two rules pinned after review: when notice is measured, and that sickness weights add up to one."""

    def test_notice_follows_service_on_the_day_it_is_given(self) -> None:
        """4.9 years at the start, 2 procedure months: notice is given at month 3, at 4.9 + 2/12 = 5.07
        years, which is 2 months' notice (BW 7:672: 2 months from 5 years), not the 1 month that 4.9
        years would give. Employed months 1–4 (procedure 1–2, notice 3–4): the contract ends at month 5.
        """
        scenario = replace(_scenario(), employee=replace(_scenario().employee, years_of_service=4.9))
        dismiss = compare_options(scenario, with_sensitivity=False).option(Option.DISMISS)
        assert dismiss.exit_month == 1 + 2 + 2

    def test_healthy_and_ill_weights_add_up_to_one(self) -> None:
        """p = 10 % a year: h = 1 − 0.9^(1/12). Healthy through month m: 0.9^(m/12); illness started in
        months 1 … m: 1 − 0.9^(m/12). Month 12: healthy 0.9 exactly, ill 0.1."""
        from calculators.dead_end import _setting
        from calculators.rules import rules_for

        scenario = _scenario(sickness_annual_probability=0.10)
        setting = _setting(scenario, rules_for(2026))
        for month in range(1, 13):
            healthy = setting.healthy[month - 1]
            assert healthy == pytest.approx(0.9 ** (month / 12))
            assert healthy + setting.illness_start[:month].sum() == pytest.approx(1.0, abs=1e-12)
        assert setting.healthy[11] == pytest.approx(0.9)
