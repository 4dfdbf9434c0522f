"""The four options for an employee on a dead-end track, hand-computed from docs/dead-end-model.md §2.

Every expected number is derived from the spec (and docs/money-model.md §2–§3 for wages and the
training's costs), with the arithmetic in the comments; none was obtained by running the code.

Common, tractable settings (unless a test says otherwise):
    discount rate 0 → d(m) = 1;  sickness probability 0;  output ratio 1;  rules year 2026
    gross 3000, holiday allowance 0.08, on-cost 0.30, 40 h/week:
        Wm = 3000 × 1.08 × 1.30 = 4212 = Vm;   Hm = 40 × 52 / 12 = 173.333…;   w = 4212 / 173.333… = 24.30
    transition payment: M = 3000 × 1.08 = 3240;  M / 3 = 1080 per year of service, 90 per month
    statutory notice: 1 month under 5 years of service, 2 from 5, 3 from 10, 4 from 15
    dismissal procedure 2 months, cost 3000; mutual agreement cost 1500

Scenario A (horizon 18, years of service 2, role ends in month R = 8, gap 25 % that does not grow):
    old-role output 4212 × 0.75 = 3159 in months 1 … 7, nothing from month 8
    training: external job, fees 1200, 40 h all in working time, months 1–2 (E = 2):
        1200 + 40 × 24.30 = 1200 + 972 = 2172;  new role ramps up over 2 months;  hiring avoided 4000
    job to job: agreed exit month X = 6

Scenario B (horizon 12, years of service 12, role ends after the horizon (R = 13), gap 50 % growing 12
points a year):
    gap(m) = 0.50 + 0.12 × (m − 1) / 12 = 0.49 + 0.01 m;  old-role output 4212 × (0.51 − 0.01 m)
    Σ_{m=1..n} (0.51 − 0.01 m) = 0.51 n − 0.01 n (n + 1) / 2:  n = 3 → 1.47;  n = 5 → 2.40;  n = 12 → 5.34
    training: external job, fees 2400, 20 h in working time, month 1 (E = 1): 2400 + 20 × 24.30 = 2886
    new role ramps up over 12 months; no hiring avoided; job to job: X = 3
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import replace
from typing import Any

import pytest

from calculators import scenario_from_dict
from calculators.dead_end import COMPONENTS, DeadEndComparison, Option, compare_options, notice_months
from calculators.retention import monthly_hazard
from calculators.rules import rules_for
from calculators.scenario import Scenario

WM = 4212.0  # 3000 × 1.08 × 1.30
PER_YEAR = 1080.0  # 3000 × 1.08 / 3

SCENARIO_A: dict[str, Any] = {
    "schema_version": 1,
    "horizon_months": 18,
    "company": {"employee_count": 10, "sector": "logistics", "rules_year": 2026, "discount_rate_annual": 0.0},
    "employee": {
        "label": "",
        "gross_monthly_salary_eur": 3000,
        "holiday_allowance_rate": 0.08,
        "employer_oncost_rate": 0.30,
        "hours_per_week": 40,
        "years_of_service": 2,
        "age": 50,
        "role_outlook": "dead_end",
        "output_value_ratio": 1.0,
    },
    "training": {
        "kind": "external_job",
        "course_fees_eur": 1200,
        "materials_exam_eur": 0,
        "travel_eur": 0,
        "hours": 40,
        "share_in_working_time": 1.0,
        "start_month": 1,
        "duration_months": 2,
        "backfill_hourly_cost_eur": 0,
        "subsidies": [],
    },
    "benefits": {
        "productivity_gain": 0.0,
        "ramp_up_months": 2,
        "annual_decay": 0.0,
        "employer_share": 1.0,
        "other_yearly_benefits_eur": 0,
        "vacancy": {"filled_internally": False, "avoided_hiring_cost_eur": 4000, "month": 18},
    },
    "dead_end": {
        "fixed_year_end_eur": 0,
        "fixed_components_12m_eur": 0,
        "variable_components_3y_eur": 0,
        "role_end_month": 8,
        "productivity_gap": 0.25,
        "productivity_gap_growth": 0.0,
        "sickness_annual_probability": 0.0,
        "sick_pay_year1": 1.0,
        "sick_pay_year2": 0.7,
        "sickness_replacement_share": 1.25,
        "reintegration_cost_per_month_eur": 390,
        "dismissal_procedure_months": 2,
        "dismissal_procedure_cost_eur": 3000,
        "dismissal_failure_probability": 0.0,
        "exit_month": 6,
        "mutual_procedure_cost_eur": 1500,
        "written_consent": True,
    },
}

B_CHANGES: dict[str, Any] = {
    "horizon_months": 12,
    "employee.years_of_service": 12,
    "training.course_fees_eur": 2400,
    "training.hours": 20,
    "training.duration_months": 1,
    "benefits.ramp_up_months": 12,
    "benefits.vacancy.avoided_hiring_cost_eur": 0,
    "benefits.vacancy.month": 12,
    "dead_end.role_end_month": 13,
    "dead_end.productivity_gap": 0.50,
    "dead_end.productivity_gap_growth": 0.12,
    "dead_end.exit_month": 3,
}


def build(base: dict[str, Any], changes: dict[str, Any] | None = None) -> Scenario:
    """A scenario from ``base`` with dotted-path changes (e.g. {"dead_end.exit_month": 4})."""
    data = copy.deepcopy(base)
    for path, value in (changes or {}).items():
        node = data
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return scenario_from_dict(data)


def scenario_a(**changes: Any) -> Scenario:
    """Scenario A with changes given as dotted paths with "__" for "." (dead_end__exit_month=4)."""
    return build(SCENARIO_A, {key.replace("__", "."): value for key, value in changes.items()})


def scenario_b(**changes: Any) -> Scenario:
    """Scenario B (A with B_CHANGES), plus changes."""
    return build(
        SCENARIO_A, {**B_CHANGES, **{key.replace("__", "."): value for key, value in changes.items()}}
    )


def compare(s: Scenario) -> DeadEndComparison:
    """The comparison without the (slow) sensitivity scan."""
    return compare_options(s, with_sensitivity=False)


def eur(value: float) -> object:
    """Euro amounts: 1 cent tolerance."""
    return pytest.approx(value, abs=0.01)


def components(**values: float) -> dict[str, object]:
    """All seven components, zero unless given, each with a cent's tolerance."""
    return {name: eur(values.get(name, 0.0)) for name in COMPONENTS}


class TestNoticeMonths:
    """Notice by years of service (rules: notice_period_months)."""

    @pytest.mark.parametrize(
        ("years", "months"), [(0, 1), (4.99, 1), (5, 2), (9.99, 2), (10, 3), (14.99, 3), (15, 4), (40, 4)]
    )
    def test_steps(self, years: float, months: int) -> None:
        """1 month under 5 years, 2 from 5, 3 from 10, 4 from 15."""
        assert notice_months(rules_for(2026), years) == months


class TestScenarioA:
    """Scenario A: the role ends inside the horizon; retraining wins."""

    def test_keep(self) -> None:
        """Option 1: declining role until month R = 8, then procedure (months 8–9), notice, payment.

        Notice at 2 + 7/12 years of service: 1 month (month 10). Exit month = 8 + 2 + 1 = 11.
        wages 10 × 4212 = 42 120; output −7 × 3159 = −22 113 (nothing from month 8);
        procedure 3000 in month 8; payment at month 11: service 2 + 10/12 → 1080 × 34/12 = 3060.
        net = 42 120 − 22 113 + 3000 + 3060 = 26 067.
        """
        keep = compare(scenario_a()).option(Option.KEEP)
        assert keep.exit_month == 11
        assert keep.components == components(
            wages=42120, output=-22113, procedure=3000, transition_payment=3060
        )
        assert keep.transition_payment_eur == eur(3060)
        assert keep.deduction_eur == 0.0
        assert keep.net_cost_eur == eur(26067)

    def test_retrain(self) -> None:
        """Option 2: training months 1–2, then the new role; employed all 18 months, no dismissal.

        wages 18 × 4212 = 75 816; output: months 1–2 old role 2 × 3159 = 6318, month 3 half (k = 1 of a
        2-month ramp) 2106, months 4–18 full 15 × 4212 = 63 180 → −71 604;
        training 2172; hiring avoided −4000 in month 3.
        net = 75 816 − 71 604 + 2172 − 4000 = 2384.
        """
        retrain = compare(scenario_a()).option(Option.RETRAIN_INTERNAL)
        assert retrain.exit_month is None
        assert retrain.components == components(
            wages=75816, output=-71604, training=2172, hiring_avoided=-4000
        )
        assert retrain.net_cost_eur == eur(2384)

    def test_job_to_job_with_written_consent(self) -> None:
        """Option 3: employed months 1–6 (X = 6), mutual agreement 1500 in month 6, payment in month 7.

        wages 6 × 4212 = 25 272; output −6 × 3159 = −18 954; training 2172; procedure 1500;
        payment at month 7: service 2 + 6/12 = 2.5 → 1080 × 2.5 = 2700, less the deductible direct
        costs 1200 (the employer's own, agreed in writing; never the 972 of wages) → 1500.
        net = 25 272 − 18 954 + 2172 + 1500 + 1500 = 11 490.
        """
        job = compare(scenario_a()).option(Option.JOB_TO_JOB)
        assert job.exit_month == 7
        assert job.transition_payment_eur == eur(1500)
        assert job.deduction_eur == eur(1200)
        assert job.components == components(
            wages=25272, output=-18954, training=2172, procedure=1500, transition_payment=1500
        )
        assert job.net_cost_eur == eur(11490)
        assert "job_to_job_deduction" in job.notes

    def test_job_to_job_without_written_consent(self) -> None:
        """Without written consent nothing is deducted: payment 2700, net 11 490 + 1200 = 12 690."""
        job = compare(scenario_a(dead_end__written_consent=False)).option(Option.JOB_TO_JOB)
        assert job.transition_payment_eur == eur(2700)
        assert job.deduction_eur == 0.0
        assert job.components["transition_payment"] == eur(2700)
        assert job.net_cost_eur == eur(12690)
        assert "job_to_job_no_deduction" in job.notes

    def test_dismiss(self) -> None:
        """Option 4: procedure from month 1 (months 1–2), notice 1 month (month 3), exit month 4.

        wages 3 × 4212 = 12 636; output −3 × 3159 = −9477; procedure 3000 in month 1;
        payment at month 4: service 2 + 3/12 = 2.25 → 1080 × 2.25 = 2430.
        net = 12 636 − 9477 + 3000 + 2430 = 8589.
        """
        dismiss = compare(scenario_a()).option(Option.DISMISS)
        assert dismiss.exit_month == 4
        assert dismiss.components == components(
            wages=12636, output=-9477, procedure=3000, transition_payment=2430
        )
        assert dismiss.transition_payment_eur == eur(2430)
        assert dismiss.net_cost_eur == eur(8589)

    def test_cheapest_and_margin(self) -> None:
        """2384 (retrain) < 8589 (dismiss) < 11 490 (job to job) < 26 067 (keep).

        Margin 8589 − 2384 = 6205."""
        result = compare(scenario_a())
        assert [item.option for item in result.options] == [
            Option.KEEP,
            Option.RETRAIN_INTERNAL,
            Option.JOB_TO_JOB,
            Option.DISMISS,
        ]
        assert result.cheapest is Option.RETRAIN_INTERNAL
        assert result.margin_eur == eur(6205)
        assert result.rules_year == 2026

    @pytest.mark.parametrize(
        ("years", "exit_month", "payment"),
        [
            (2, 4, 2430.0),  # notice 1: exit 1 + 2 + 1 = 4; 1080 × (2 + 3/12) = 2430
            (7, 5, 7920.0),  # notice 2: exit 5; 1080 × (7 + 4/12) = 7560 + 360 = 7920
            (12, 6, 13410.0),  # notice 3: exit 6; 1080 × (12 + 5/12) = 12 960 + 450 = 13 410
            (20, 7, 22140.0),  # notice 4: exit 7; 1080 × (20 + 6/12) = 21 600 + 540 = 22 140
        ],
    )
    def test_dismiss_exit_month_by_years_of_service(
        self, years: int, exit_month: int, payment: float
    ) -> None:
        """Exit month = 1 + procedure months + notice by years of service; the payment uses the service at
        the exit month, years_of_service + (exit − 1)/12."""
        dismiss = compare(scenario_a(employee__years_of_service=years)).option(Option.DISMISS)
        assert dismiss.exit_month == exit_month
        assert dismiss.transition_payment_eur == eur(payment)
        assert dismiss.components["transition_payment"] == eur(payment)


class TestScenarioB:
    """Scenario B: a growing gap, the role outlives the horizon; job to job wins."""

    def test_keep_without_the_role_ending(self) -> None:
        """R = 13 > H = 12: employed all 12 months, no dismissal.

        wages 12 × 4212 = 50 544; output −4212 × 5.34 = −22 492.08; net 28 051.92.
        """
        keep = compare(scenario_b()).option(Option.KEEP)
        assert keep.exit_month is None
        assert keep.components == components(wages=50544, output=-22492.08)
        assert keep.net_cost_eur == eur(28051.92)
        assert keep.notes == ("keep_no_end",)

    def test_dismiss(self) -> None:
        """Notice 3 months (12 years): exit 1 + 2 + 3 = 6; employed months 1–5.

        wages 5 × 4212 = 21 060; output −4212 × 2.40 = −10 108.80; procedure 3000;
        payment at month 6: 1080 × (12 + 5/12) = 13 410. net = 21 060 − 10 108.80 + 3000 + 13 410 = 27 361.20.
        """
        dismiss = compare(scenario_b()).option(Option.DISMISS)
        assert dismiss.exit_month == 6
        assert dismiss.components == components(
            wages=21060, output=-10108.80, procedure=3000, transition_payment=13410
        )
        assert dismiss.net_cost_eur == eur(27361.20)

    def test_job_to_job(self) -> None:
        """Employed months 1–3; payment at month 4: 1080 × (12 + 3/12) = 13 230, less 2400 → 10 830.

        wages 3 × 4212 = 12 636; output −4212 × 1.47 = −6191.64; training 2886; procedure 1500.
        net = 12 636 − 6191.64 + 2886 + 1500 + 10 830 = 21 660.36.
        """
        job = compare(scenario_b()).option(Option.JOB_TO_JOB)
        assert job.exit_month == 4
        assert job.deduction_eur == eur(2400)
        assert job.transition_payment_eur == eur(10830)
        assert job.components == components(
            wages=12636, output=-6191.64, training=2886, procedure=1500, transition_payment=10830
        )
        assert job.net_cost_eur == eur(21660.36)

    def test_retrain(self) -> None:
        """Month 1 old role 4212 × 0.50 = 2106; months 2–12 ramp k/12, k = 1 … 11: 4212 × 66/12 = 23 166.

        wages 50 544; output −25 272; training 2886; no hiring avoided. net = 50 544 − 25 272 + 2886 = 28 158.
        """
        retrain = compare(scenario_b()).option(Option.RETRAIN_INTERNAL)
        assert retrain.components == components(wages=50544, output=-25272, training=2886)
        assert retrain.net_cost_eur == eur(28158)

    def test_cheapest_and_margin(self) -> None:
        """21 660.36 (job to job) < 27 361.20 (dismiss) < 28 051.92 (keep) < 28 158 (retrain).

        Margin 27 361.20 − 21 660.36 = 5700.84.
        """
        result = compare(scenario_b())
        assert result.cheapest is Option.JOB_TO_JOB
        assert result.margin_eur == eur(5700.84)

    def test_without_written_consent(self) -> None:
        """No deduction: payment 13 230, net 21 660.36 + 2400 = 24 060.36; still cheapest, margin
        27 361.20 − 24 060.36 = 3300.84."""
        result = compare(scenario_b(dead_end__written_consent=False))
        job = result.option(Option.JOB_TO_JOB)
        assert job.deduction_eur == 0.0
        assert job.transition_payment_eur == eur(13230)
        assert job.net_cost_eur == eur(24060.36)
        assert result.cheapest is Option.JOB_TO_JOB
        assert result.margin_eur == eur(3300.84)

    def test_deducted_fees_cost_nothing_net(self) -> None:
        """With written consent and fees below the payment, every euro of fees comes back off the payment.

        Fees 9000: training 9486, payment 13 230 − 9000 = 4230 → net 6444.36 + 9486 + 1500 + 4230 = 21 660.36,
        the same as with fees 2400.
        """
        job = compare(scenario_b(training__course_fees_eur=9000)).option(Option.JOB_TO_JOB)
        assert job.deduction_eur == eur(9000)
        assert job.net_cost_eur == eur(21660.36)


class TestDismissalMayFail:
    """§2.2: with probability q the dismissal fails; every component is (1 − q) × success + q × failure."""

    def test_dismiss_mix_in_scenario_b(self) -> None:
        """q = 0.25. Success (above): wages 21 060, output −10 108.80, procedure 3000, payment 13 410.

        Failure: procedure lost, employed to the end: wages 50 544, output −22 492.08, procedure 3000,
        no payment.
        wages 0.75 × 21 060 + 0.25 × 50 544 = 15 795 + 12 636 = 28 431
        output 0.75 × −10 108.80 + 0.25 × −22 492.08 = −7581.60 − 5623.02 = −13 204.62
        procedure 3000; payment 0.75 × 13 410 = 10 057.50
        net 28 431 − 13 204.62 + 3000 + 10 057.50 = 28 283.88 (= 0.75 × 27 361.20 + 0.25 × 31 051.92)
        """
        q = 0.25
        success = {"wages": 21060.0, "output": -10108.80, "procedure": 3000.0, "transition_payment": 13410.0}
        failure = {"wages": 50544.0, "output": -22492.08, "procedure": 3000.0, "transition_payment": 0.0}
        mixed = {name: (1 - q) * success[name] + q * failure[name] for name in success}
        dismiss = compare(scenario_b(dead_end__dismissal_failure_probability=q)).option(Option.DISMISS)
        assert dismiss.components == components(**mixed)
        assert dismiss.components == components(
            wages=28431, output=-13204.62, procedure=3000, transition_payment=10057.50
        )
        assert dismiss.net_cost_eur == eur(28283.88)
        assert dismiss.exit_month == 6  # the success branch's exit

    def test_keep_unaffected_when_no_dismissal(self) -> None:
        """In B the role outlives the horizon: no dismissal, so q changes nothing (28 051.92)."""
        keep = compare(scenario_b(dead_end__dismissal_failure_probability=0.9)).option(Option.KEEP)
        assert keep.net_cost_eur == eur(28051.92)

    def test_keep_and_dismiss_mix_in_scenario_a(self) -> None:
        """q = 0.5 in scenario A; after a failure the employee stays to month 18, the role yielding nothing
        from month 8.

        Keep: success wages 42 120, output −22 113, procedure 3000, payment 3060 (net 26 067);
              failure wages 18 × 4212 = 75 816, output −22 113, procedure 3000 (net 56 703);
              mix: wages 58 968, output −22 113, procedure 3000, payment 1530; net 41 385.
        Dismiss: success wages 12 636, output −9477, procedure 3000, payment 2430 (net 8589);
              failure wages 75 816, output −22 113, procedure 3000 (net 56 703);
              mix: wages 44 226, output −15 795, procedure 3000, payment 1215; net 32 646.
        """
        result = compare(scenario_a(dead_end__dismissal_failure_probability=0.5))
        keep, dismiss = result.option(Option.KEEP), result.option(Option.DISMISS)
        assert keep.components == components(
            wages=58968, output=-22113, procedure=3000, transition_payment=1530
        )
        assert keep.net_cost_eur == eur(41385)
        assert dismiss.components == components(
            wages=44226, output=-15795, procedure=3000, transition_payment=1215
        )
        assert dismiss.net_cost_eur == eur(32646)
        # training options carry no such risk: unchanged
        assert result.option(Option.RETRAIN_INTERNAL).net_cost_eur == eur(2384)
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == eur(11490)


# Scenario C = B with fees 9000 and no written consent, so the training options are dear:
#   job to job 6444.36 + 9486 + 1500 + 13 230 = 30 660.36;  retrain 25 272 + 9486 = 34 758;
#   keep 28 051.92;  dismiss 27 361.20 → dismiss is cheapest, margin 690.72.
# Dismiss(q) = 27 361.20 + q × (31 051.92 − 27 361.20) = 27 361.20 + 3690.72 q; it passes keep at
#   q* = 690.72 / 3690.72 = 0.187150…
C_CHANGES = {"training__course_fees_eur": 9000, "dead_end__written_consent": False}
Q_STAR = 690.72 / 3690.72


class TestSensitivity:
    """§2.3: the value of an assumption at which the cheapest option changes."""

    def test_scenario_c_by_hand(self) -> None:
        """Dismiss cheapest at q = 0, margin 690.72 over keep."""
        result = compare(scenario_b(**C_CHANGES))
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == eur(30660.36)
        assert result.option(Option.RETRAIN_INTERNAL).net_cost_eur == eur(34758)
        assert result.cheapest is Option.DISMISS
        assert result.margin_eur == eur(690.72)

    def test_failure_probability_flips_the_order(self) -> None:
        """Sensitivity.upper for the failure probability lies at q* = 0.18715; just beyond it keep is
        cheapest, just inside it dismiss still is. There is nothing below q = 0."""
        s = scenario_b(**C_CHANGES)
        result = compare_options(s)
        sensitivity = next(
            item for item in result.sensitivities if item.field == "dead_end.dismissal_failure_probability"
        )
        assert sensitivity.current == 0.0
        assert sensitivity.lower is None
        assert sensitivity.upper is not None
        assert sensitivity.upper == pytest.approx(Q_STAR, abs=1e-4)
        assert not result.robust

        def cheapest_at(q: float) -> Option:
            return compare(replace(s, dead_end=replace(s.dead_end, dismissal_failure_probability=q))).cheapest

        assert cheapest_at(sensitivity.upper + 1e-4) is Option.KEEP
        assert cheapest_at(sensitivity.upper - 1e-4) is Option.DISMISS
        assert cheapest_at(Q_STAR + 1e-4) is Option.KEEP
        assert cheapest_at(Q_STAR - 1e-4) is Option.DISMISS


class TestSickness:
    """§2.1 long-term sickness: properties that follow from the spec."""

    def test_sickness_line_in_the_first_year(self) -> None:
        """H = 12 (B, keep, no dismissal): every illness is in its first year, so each running month costs
        c = sick share 1.0 × 4212 + re-integration 390 + replacement 0.5 × 4212 = 6708, and nothing ends.

        With 1 − h = 0.99 (p = 1 − 0.99^12) the chance an illness runs in month m is Σ_{s ≤ m} P(s) =
        1 − 0.99^m, so sickness = 6708 × Σ_{m=1..12} (1 − 0.99^m) = 6708 × (12 − 0.99 × (1 − 0.99^12) / 0.01)
        = 6708 × 0.752102 = 5045.10.
        """
        p = 1 - 0.99**12
        assert monthly_hazard(p) == pytest.approx(0.01, abs=1e-12)
        keep = compare(
            scenario_b(dead_end__sickness_annual_probability=p, dead_end__sickness_replacement_share=0.5)
        ).option(Option.KEEP)
        expected = 6708 * (12 - 0.99 * (1 - 0.99**12) / 0.01)
        assert keep.components["sickness"] == eur(expected)
        assert expected == pytest.approx(5045.10, abs=0.01)

    def test_cost_rises_with_probability_when_cover_is_dear(self) -> None:
        """Replacement share 3: a sick month costs (1 + 3) × Wm + 390, far more than a healthy month's
        shortfall, so both the sickness line and the net cost of keeping rise with the probability."""
        changes: dict[str, Any] = {
            "horizon_months": 36,
            "dead_end__role_end_month": 37,
            "dead_end__sickness_replacement_share": 3.0,
        }
        sickness: list[float] = []
        net: list[float] = []
        for p in (0.0, 0.02, 0.05, 0.10, 0.20, 0.40):
            keep = compare(scenario_b(**changes, dead_end__sickness_annual_probability=p)).option(Option.KEEP)
            sickness.append(keep.components["sickness"])
            net.append(keep.net_cost_eur)
        assert sickness[0] == 0.0
        assert all(a < b for a, b in itertools.pairwise(sickness))
        assert all(a < b for a, b in itertools.pairwise(net))

    def test_uwv_compensation_drops_the_payment_after_illness(self) -> None:
        """Keep over 36 months, p = 0.10, 10 years of service. An illness starting in month s ≤ 12 ends the
        contract in month s + 24 with a payment TV(s + 24) = 1080 × (10 + (s + 23)/12).

        2026 from 1 July: UWV compensates small employers only (< 25 employees). So the sickness line of a
        30-person firm exceeds that of a 10-person firm by exactly Σ_{s=1..12} P(s) × TV(s + 24),
        P(s) = (1 − h)^(s − 1) × h. In 2025 UWV compensates all employers: the 30-person firm's line equals
        the compensated one.
        """
        changes: dict[str, Any] = {
            "horizon_months": 36,
            "employee__years_of_service": 10,
            "dead_end__role_end_month": 37,
            "dead_end__sickness_annual_probability": 0.10,
        }
        big_2026 = compare(scenario_b(**changes, company__employee_count=30)).option(Option.KEEP)
        small_2026 = compare(scenario_b(**changes, company__employee_count=10)).option(Option.KEEP)
        big_2025 = compare(
            scenario_b(**changes, company__employee_count=30, company__rules_year=2025)
        ).option(Option.KEEP)
        h = 1 - 0.9 ** (1 / 12)
        payments = sum((1 - h) ** (s - 1) * h * PER_YEAR * (10 + (s + 23) / 12) for s in range(1, 13))
        # Σ P(s) = 0.10 and TV runs from 12 960 to 13 950: the sum lies between 1296 and 1395
        assert 1296 < payments < 1395
        assert big_2026.components["sickness"] - small_2026.components["sickness"] == eur(payments)
        assert big_2025.components["sickness"] == eur(small_2026.components["sickness"])
        assert big_2026.net_cost_eur - small_2026.net_cost_eur == eur(payments)
