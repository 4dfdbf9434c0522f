"""The four options for an employee on a dead-end track, hand-computed from the model in
calculators/dead_end/compare.py and calculators/dead_end/contract_end.py (their docstrings are the
specification; the law: /work/shared/domain/dutch-rules.md §0).

Every expected number is derived by hand from those rules (and docs/money-model.md §2–§3 for wages
and the training's costs), with the arithmetic in the docstrings; none was obtained by running the code.

Common, tractable settings (unless a test says otherwise):
    discount rate 0 → d(m) = 1;  sickness probability 0;  output ratio 1;  rules year 2026;  age 50
    (far below the state pension age of 67, so a transition payment is always owed)
    gross 3000, holiday allowance 0.08, on-cost 0.30, 40 h/week:
        Wm = 3000 × 1.08 × 1.30 = 4212 = Vm;   Hm = 40 × 52 / 12 = 173.333…;   w = 4212 / 173.333… = 24.30
    transition payment: M = 3000 × 1.08 = 3240;  M / 3 = 1080 per year of service, 90 per month;
        service at month m = years_of_service + (m − 1)/12
    statutory notice: 1 month under 5 years of service, 2 from 5, 3 from 10, 4 from 15
    dismissal procedure (UWV) 2 months, cost 3000; mutual agreement (settlement) cost 1500

How a contract ends (contract_end.py):
    UWV permit (keep when the role lapses in month R ≤ H; dismiss when R − 1 ≤ 6): the procedure may
        start 26 weeks = 26 × 12 / 52 = 6 months ahead of the lapse (keep: at the earliest R − 6;
        dismiss: month 1); notice served = max(1, statutory − 2 procedure months), statutory by the
        service on the day notice is given (start + 2); exit = start + 2 + served, and the start is
        the first month from the earliest whose exit ≥ R. Employed months 1 … exit − 1, procedure
        cost in the start month, statutory transition payment at exit. With chance q UWV refuses: the
        procedure cost is lost and the employee stays to the horizon.
    settlement (dismiss when the role outlives the lead time; job to job): no shortening; the
        amount is dead_end.settlement_amount_eur, by default the transition payment at exit (job to
        job: less the deductible training costs); component "settlement"; no failure risk.
        Dismiss: agreed in month 1, exit = 1 + full statutory notice (service at month 1),
        mutual agreement cost in month 1.

Scenario A (horizon 18, years of service 2, role ends in month R = 8, gap 25 % that does not grow):
    old-role output 4212 × 0.75 = 3159 in months 1 … 7, nothing from month 8
    training: external job, fees 1200, 40 h all in working time, months 1–2 (E = 2):
        1200 + 40 × 24.30 = 1200 + 972 = 2172;  new role ramps up over 2 months
    retraining is possible: an internal role is available (dead_end.internal_role_available) and the
        employee fills a vacancy in month E + 1 = 3 (benefits.vacancy), avoiding a hiring cost of 4000
    job to job: agreed exit month X = 6;  written consent to deduct the fees given beforehand

Scenario B (horizon 12, years of service 12, role ends after the horizon (R = 13), gap 50 % growing 12
points a year):
    gap(m) = 0.50 + 0.12 × (m − 1) / 12 = 0.49 + 0.01 m;  old-role output 4212 × (0.51 − 0.01 m)
    Σ_{m=1..n} (0.51 − 0.01 m) = 0.51 n − 0.01 n (n + 1) / 2:  n = 3 → 1.47;  n = 5 → 2.40;  n = 12 → 5.34
    training: external job, fees 2400, 20 h in working time, month 1 (E = 1): 2400 + 20 × 24.30 = 2886
    new role ramps up over 12 months; an internal role is available but no vacancy is filled (no hiring
    avoided); job to job: X = 3
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import replace
from typing import Any

import pytest

from calculators import scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.dead_end.contract_end import Route, notice_months
from calculators.dead_end.results import COMPONENTS, DeadEndComparison, Option
from calculators.money.retention import monthly_hazard
from calculators.rules import rules_for
from calculators.scenario.model import Scenario

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
        # retraining fills a vacancy in month E + 1 = 3: the hiring cost avoided counts
        "vacancy": {"filled_internally": True, "avoided_hiring_cost_eur": 4000, "month": 3},
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
        "internal_role_available": True,  # retraining is possible: there is another role in the firm
    },
}

B_CHANGES: dict[str, Any] = {
    "horizon_months": 12,
    "employee.years_of_service": 12,
    "training.course_fees_eur": 2400,
    "training.hours": 20,
    "training.duration_months": 1,
    "benefits.ramp_up_months": 12,
    "benefits.vacancy.filled_internally": False,  # no vacancy filled: no hiring cost avoided
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
    """All eight components, zero unless given, each with a cent's tolerance."""
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
        """Option 1: the role lapses at R = 8, so UWV's permission is asked ahead of the lapse, at the
        earliest in month R − 6 = 2. Notice when given (start + 2, at most month 7): service under 5
        years → statutory 1 month, shortened by the 2-month procedure to max(1, 1 − 2) = 1.
        Exit = start + 2 + 1 ≥ 8 first holds for start 5: procedure months 5–6, notice month 7,
        the contract ends in month 8, the first month without the role.

        wages months 1–7: 7 × 4212 = 29 484; output −7 × 3159 = −22 113 (the role yields nothing
        from month 8); procedure 3000 in month 5; payment at month 8: service 2 + 7/12 →
        1080 × 2 + 90 × 7 = 2790.
        net = 29 484 − 22 113 + 3000 + 2790 = 13 161.
        """
        keep = compare(scenario_a()).option(Option.KEEP)
        assert keep.route is Route.UWV_PERMIT
        assert keep.available
        assert (keep.procedure_months, keep.notice_months, keep.notice_served_months) == (2, 1, 1)
        assert keep.exit_month == 8
        assert keep.components == components(
            wages=29484, output=-22113, procedure=3000, transition_payment=2790
        )
        assert keep.transition_payment_eur == eur(2790)
        assert keep.deduction_eur == 0.0
        assert keep.settlement_eur is None
        assert keep.net_cost_eur == eur(13161)

    def test_retrain(self) -> None:
        """Option 2 (an internal role is available): training months 1–2, then the new role; employed
        all 18 months, no dismissal.

        wages 18 × 4212 = 75 816; output: months 1–2 old role 2 × 3159 = 6318, month 3 half (k = 1 of a
        2-month ramp) 2106, months 4–18 full 15 × 4212 = 63 180 → −71 604;
        training 2172; hiring avoided −4000 in month 3 (the vacancy filled internally).
        net = 75 816 − 71 604 + 2172 − 4000 = 2384.
        """
        retrain = compare(scenario_a()).option(Option.RETRAIN_INTERNAL)
        assert retrain.available
        assert retrain.route is Route.NONE
        assert retrain.exit_month is None
        assert retrain.components == components(
            wages=75816, output=-71604, training=2172, hiring_avoided=-4000
        )
        assert retrain.net_cost_eur == eur(2384)

    def test_hiring_cost_counts_only_for_a_filled_vacancy(self) -> None:
        """Without a vacancy filled internally no hiring cost is avoided: 2384 + 4000 = 6384."""
        retrain = compare(scenario_a(benefits__vacancy__filled_internally=False)).option(
            Option.RETRAIN_INTERNAL
        )
        assert retrain.components["hiring_avoided"] == 0.0
        assert retrain.net_cost_eur == eur(6384)
        assert "retrain_no_vacancy" in retrain.notes

    def test_job_to_job_with_written_consent(self) -> None:
        """Option 3: a settlement; employed months 1–6 (X = 6), mutual agreement 1500 in month 6,
        the settlement in month 7 (the first month without contract).

        wages 6 × 4212 = 25 272; output −6 × 3159 = −18 954; training 2172; procedure 1500;
        statutory payment at month 7: service 2 + 6/12 = 2.5 → 1080 × 2.5 = 2700; the settlement by
        default is that less the deductible direct costs 1200 (the employer's own, consent in writing
        beforehand, training for a job elsewhere; never the 972 of wages) → 1500.
        Notice: service at month 6 is 2 + 5/12 → 1 month, so agreed in month 7 − 1 = 6; served 1.
        net = 25 272 − 18 954 + 2172 + 1500 + 1500 = 11 490.
        """
        job = compare(scenario_a()).option(Option.JOB_TO_JOB)
        assert job.route is Route.SETTLEMENT
        assert (job.procedure_months, job.notice_months, job.notice_served_months) == (0, 1, 1)
        assert job.exit_month == 7
        assert job.transition_payment_eur == eur(2700)
        assert job.deduction_eur == eur(1200)
        assert job.settlement_eur == eur(1500)
        assert job.components == components(
            wages=25272, output=-18954, training=2172, procedure=1500, settlement=1500
        )
        assert job.net_cost_eur == eur(11490)
        assert "job_to_job_deduction" in job.notes

    def test_job_to_job_without_written_consent(self) -> None:
        """Without written consent nothing is deducted: settlement 2700, net 11 490 + 1200 = 12 690."""
        job = compare(scenario_a(dead_end__written_consent=False)).option(Option.JOB_TO_JOB)
        assert job.transition_payment_eur == eur(2700)
        assert job.deduction_eur == 0.0
        assert job.settlement_eur == eur(2700)
        assert job.components["settlement"] == eur(2700)
        assert job.components["transition_payment"] == 0.0
        assert job.net_cost_eur == eur(12690)
        assert "job_to_job_no_deduction" in job.notes

    def test_job_to_job_never_deducts_internal_broadening(self) -> None:
        """Training for another internal role is redeployment (art. 7:669 lid 1 BW), never deductible
        (Stb. 2020, 188), even with written consent: the settlement is the full 2700."""
        job = compare(scenario_a(training__kind="internal_broadening")).option(Option.JOB_TO_JOB)
        assert job.deduction_eur == 0.0
        assert job.transition_payment_eur == eur(2700)
        assert job.settlement_eur == eur(2700)
        assert job.components["settlement"] == eur(2700)
        assert "job_to_job_no_deduction" in job.notes

    def test_dismiss(self) -> None:
        """Option 4: the role exists until month 8, more than 6 months ahead (R − 1 = 7 > 6): no
        ground for UWV yet, so a settlement agreed in month 1 with the full statutory notice (service 2
        years → 1 month): the contract ends in month 2.

        wages 1 × 4212 = 4212; output −1 × 3159 = −3159; mutual agreement 1500 in month 1;
        settlement = the payment at month 2: service 2 + 1/12 → 2160 + 90 = 2250.
        net = 4212 − 3159 + 1500 + 2250 = 4803.
        """
        dismiss = compare(scenario_a()).option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert (dismiss.procedure_months, dismiss.notice_months, dismiss.notice_served_months) == (0, 1, 1)
        assert dismiss.exit_month == 2
        assert dismiss.components == components(wages=4212, output=-3159, procedure=1500, settlement=2250)
        assert dismiss.transition_payment_eur == eur(2250)
        assert dismiss.settlement_eur == eur(2250)
        assert dismiss.net_cost_eur == eur(4803)

    def test_settlement_amount_replaces_the_default(self) -> None:
        """An agreed settlement of 5000 replaces the default in both settlements; keep (UWV permit)
        still pays the statutory 2790.

        dismiss 4212 − 3159 + 1500 + 5000 = 7553;  job to job 25 272 − 18 954 + 2172 + 1500 + 5000 = 14 990.
        """
        result = compare(scenario_a(dead_end__settlement_amount_eur=5000))
        dismiss, job = result.option(Option.DISMISS), result.option(Option.JOB_TO_JOB)
        assert dismiss.settlement_eur == eur(5000)
        assert dismiss.transition_payment_eur == eur(2250)  # statutory, for reference
        assert dismiss.components["settlement"] == eur(5000)
        assert dismiss.net_cost_eur == eur(7553)
        assert job.components["settlement"] == eur(5000)
        assert job.net_cost_eur == eur(14990)
        assert result.option(Option.KEEP).net_cost_eur == eur(13161)

    def test_dismiss_within_the_lead_time_is_keep(self) -> None:
        """R = 7: R − 1 = 6 ≤ 6, so UWV may be asked now; keep's earliest start is 7 − 6 = 1 too, so
        both are the same permit. Start s: notice at s + 2 (under 5 years) 1 month, served 1, exit
        s + 3 ≥ 7 → s = 4: procedure months 4–5, notice month 6, the contract ends in month 7.

        wages 6 × 4212 = 25 272; output −6 × 3159 = −18 954; procedure 3000 in month 4;
        payment at month 7: service 2 + 6/12 → 2700. net = 25 272 − 18 954 + 3000 + 2700 = 12 018.
        """
        result = compare(scenario_a(dead_end__role_end_month=7))
        keep, dismiss = result.option(Option.KEEP), result.option(Option.DISMISS)
        for option in (keep, dismiss):
            assert option.route is Route.UWV_PERMIT
            assert option.exit_month == 7
            assert option.components == components(
                wages=25272, output=-18954, procedure=3000, transition_payment=2700
            )
            assert option.net_cost_eur == eur(12018)

    def test_cheapest_and_margin(self) -> None:
        """2384 (retrain) < 4803 (dismiss) < 11 490 (job to job) < 13 161 (keep).

        Margin 4803 − 2384 = 2419."""
        result = compare(scenario_a())
        assert [item.option for item in result.options] == [
            Option.KEEP,
            Option.RETRAIN_INTERNAL,
            Option.JOB_TO_JOB,
            Option.DISMISS,
        ]
        assert result.cheapest is Option.RETRAIN_INTERNAL
        assert result.runner_up is Option.DISMISS
        assert result.margin_eur == eur(2419)
        assert (
            result.cheapest_without_compensation is Option.RETRAIN_INTERNAL
        )  # no sickness, nothing to compensate
        assert result.rules_year == 2026

    def test_retrain_unavailable_is_never_cheapest(self) -> None:
        """Without an internal role retraining is unavailable: its 2384 is lowest but it is not ranked.
        4803 (dismiss) < 11 490 (job to job) < 13 161 (keep): margin 11 490 − 4803 = 6687."""
        result = compare(scenario_a(dead_end__internal_role_available=False))
        retrain = result.option(Option.RETRAIN_INTERNAL)
        assert not retrain.available
        assert retrain.unavailable_reason == "no_internal_role"
        assert retrain.net_cost_eur == eur(2384)
        assert result.cheapest is Option.DISMISS
        assert result.runner_up is Option.JOB_TO_JOB
        assert result.margin_eur == eur(6687)

    @pytest.mark.parametrize(
        ("years", "exit_month", "payment"),
        [
            (2, 2, 2250.0),  # notice 1: exit 1 + 1 = 2; 1080 × (2 + 1/12) = 2160 + 90 = 2250
            (7, 3, 7740.0),  # notice 2: exit 3; 1080 × (7 + 2/12) = 7560 + 180 = 7740
            (12, 4, 13230.0),  # notice 3: exit 4; 1080 × (12 + 3/12) = 12 960 + 270 = 13 230
            (20, 5, 21960.0),  # notice 4: exit 5; 1080 × (20 + 4/12) = 21 600 + 360 = 21 960
        ],
    )
    def test_dismiss_settlement_exit_month_by_years_of_service(
        self, years: int, exit_month: int, payment: float
    ) -> None:
        """A settlement agreed in month 1 ends after the full statutory notice by the service at month 1:
        exit = 1 + notice; the default settlement is the payment at the exit month, with service
        years_of_service + (exit − 1)/12."""
        dismiss = compare(scenario_a(employee__years_of_service=years)).option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert dismiss.exit_month == exit_month
        assert dismiss.notice_served_months == exit_month - 1
        assert dismiss.transition_payment_eur == eur(payment)
        assert dismiss.components["settlement"] == eur(payment)
        assert dismiss.components["transition_payment"] == 0.0


class TestScenarioB:
    """Scenario B: a growing gap, the role outlives the horizon; the settlement without training
    (dismiss) narrowly beats job to job."""

    def test_keep_without_the_role_ending(self) -> None:
        """R = 13 > H = 12: employed all 12 months, no dismissal.

        wages 12 × 4212 = 50 544; output −4212 × 5.34 = −22 492.08; net 28 051.92.
        """
        keep = compare(scenario_b()).option(Option.KEEP)
        assert keep.exit_month is None
        assert keep.route is Route.NONE
        assert keep.components == components(wages=50544, output=-22492.08)
        assert keep.net_cost_eur == eur(28051.92)
        assert keep.notes == ("keep_no_end",)

    def test_dismiss(self) -> None:
        """The role outlives the horizon: a settlement agreed in month 1; notice 3 months (12 years),
        not shortened: exit 1 + 3 = 4; employed months 1–3.

        wages 3 × 4212 = 12 636; output −4212 × 1.47 = −6191.64; mutual agreement 1500 in month 1;
        settlement = payment at month 4: 1080 × (12 + 3/12) = 13 230.
        net = 12 636 − 6191.64 + 1500 + 13 230 = 21 174.36.
        """
        dismiss = compare(scenario_b()).option(Option.DISMISS)
        assert dismiss.route is Route.SETTLEMENT
        assert dismiss.exit_month == 4
        assert dismiss.components == components(
            wages=12636, output=-6191.64, procedure=1500, settlement=13230
        )
        assert dismiss.net_cost_eur == eur(21174.36)

    def test_job_to_job(self) -> None:
        """Employed months 1–3; statutory payment at month 4: 1080 × (12 + 3/12) = 13 230; the
        settlement is that less the fees 2400 → 10 830.

        wages 3 × 4212 = 12 636; output −4212 × 1.47 = −6191.64; training 2886; procedure 1500.
        Notice by service at month 3 (12 + 2/12) 3 months: agreed in month 4 − 3 = 1, served 3.
        net = 12 636 − 6191.64 + 2886 + 1500 + 10 830 = 21 660.36.
        """
        job = compare(scenario_b()).option(Option.JOB_TO_JOB)
        assert job.exit_month == 4
        assert (job.notice_months, job.notice_served_months) == (3, 3)
        assert job.deduction_eur == eur(2400)
        assert job.transition_payment_eur == eur(13230)
        assert job.settlement_eur == eur(10830)
        assert job.components == components(
            wages=12636, output=-6191.64, training=2886, procedure=1500, settlement=10830
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
        """21 174.36 (dismiss) < 21 660.36 (job to job) < 28 051.92 (keep) < 28 158 (retrain).

        Margin 21 660.36 − 21 174.36 = 486: job to job leaves at the same month with the same payment
        less the 2400 fees, but the training cost 2886 — the 486 of wages for the 20 hours remains.
        """
        result = compare(scenario_b())
        assert result.cheapest is Option.DISMISS
        assert result.runner_up is Option.JOB_TO_JOB
        assert result.margin_eur == eur(486)

    def test_without_written_consent(self) -> None:
        """No deduction: settlement 13 230, job to job 21 660.36 + 2400 = 24 060.36; dismiss stays
        cheapest, job to job runner-up (< keep 28 051.92), margin 24 060.36 − 21 174.36 = 2886."""
        result = compare(scenario_b(dead_end__written_consent=False))
        job = result.option(Option.JOB_TO_JOB)
        assert job.deduction_eur == 0.0
        assert job.transition_payment_eur == eur(13230)
        assert job.settlement_eur == eur(13230)
        assert job.net_cost_eur == eur(24060.36)
        assert result.cheapest is Option.DISMISS
        assert result.runner_up is Option.JOB_TO_JOB
        assert result.margin_eur == eur(2886)

    def test_deducted_fees_cost_nothing_net(self) -> None:
        """With written consent and fees below the payment, every euro of fees comes back off the settlement.

        Fees 9000: training 9486, settlement 13 230 − 9000 = 4230 → net 6444.36 + 9486 + 1500 + 4230 =
        21 660.36, the same as with fees 2400.
        """
        job = compare(scenario_b(training__course_fees_eur=9000)).option(Option.JOB_TO_JOB)
        assert job.deduction_eur == eur(9000)
        assert job.net_cost_eur == eur(21660.36)


class TestDismissalMayFail:
    """A dismissal with UWV's permission fails with probability q: every component is
    (1 − q) × success + q × failure. A settlement is agreed, so it carries no such risk."""

    def test_settlement_carries_no_failure_risk_in_scenario_b(self) -> None:
        """q = 0.25. In B dismissing is a settlement (the role outlives the horizon), so nothing mixes:
        wages 12 636, output −6191.64, mutual agreement 1500, settlement 13 230; net 21 174.36."""
        dismiss = compare(scenario_b(dead_end__dismissal_failure_probability=0.25)).option(Option.DISMISS)
        assert dismiss.components == components(
            wages=12636, output=-6191.64, procedure=1500, settlement=13230
        )
        assert dismiss.net_cost_eur == eur(21174.36)
        assert dismiss.exit_month == 4

    def test_dismiss_mix_when_the_role_lapses_within_the_lead_time(self) -> None:
        """A with R = 7 (UWV may be asked now; dismiss = keep), q = 0.25.

        Success (above): wages 25 272, output −18 954, procedure 3000, payment 2700 (net 12 018).
        Failure: the procedure is lost, employed to month 18: wages 18 × 4212 = 75 816, output −18 954
        (nothing from month 7), procedure 3000, no payment (net 59 862).
        wages 0.75 × 25 272 + 0.25 × 75 816 = 18 954 + 18 954 = 37 908
        output −18 954; procedure 3000; payment 0.75 × 2700 = 2025
        net 37 908 − 18 954 + 3000 + 2025 = 23 979 (= 0.75 × 12 018 + 0.25 × 59 862 = 9013.50 + 14 965.50)
        """
        q = 0.25
        success = {"wages": 25272.0, "output": -18954.0, "procedure": 3000.0, "transition_payment": 2700.0}
        failure = {"wages": 75816.0, "output": -18954.0, "procedure": 3000.0, "transition_payment": 0.0}
        mixed = {name: (1 - q) * success[name] + q * failure[name] for name in success}
        result = compare(scenario_a(dead_end__role_end_month=7, dead_end__dismissal_failure_probability=q))
        for option in (result.option(Option.DISMISS), result.option(Option.KEEP)):
            assert option.components == components(**mixed)
            assert option.components == components(
                wages=37908, output=-18954, procedure=3000, transition_payment=2025
            )
            assert option.net_cost_eur == eur(23979)
            assert option.exit_month == 7  # the success branch's exit

    def test_keep_unaffected_when_no_dismissal(self) -> None:
        """In B the role outlives the horizon: no dismissal, so q changes nothing (28 051.92)."""
        keep = compare(scenario_b(dead_end__dismissal_failure_probability=0.9)).option(Option.KEEP)
        assert keep.net_cost_eur == eur(28051.92)

    def test_keep_mixes_and_the_settlement_does_not_in_scenario_a(self) -> None:
        """q = 0.5 in scenario A; after a failure the employee stays to month 18, the role yielding nothing
        from month 8.

        Keep: success wages 29 484, output −22 113, procedure 3000, payment 2790 (net 13 161);
              failure wages 18 × 4212 = 75 816, output −22 113, procedure 3000 (net 56 703);
              mix: wages (29 484 + 75 816) / 2 = 52 650, output −22 113, procedure 3000, payment 1395;
              net 52 650 − 22 113 + 3000 + 1395 = 34 932 (= (13 161 + 56 703) / 2).
        Dismiss is a settlement here: unchanged, 4803.
        """
        result = compare(scenario_a(dead_end__dismissal_failure_probability=0.5))
        keep, dismiss = result.option(Option.KEEP), result.option(Option.DISMISS)
        assert keep.components == components(
            wages=52650, output=-22113, procedure=3000, transition_payment=1395
        )
        assert keep.net_cost_eur == eur(34932)
        assert dismiss.components == components(wages=4212, output=-3159, procedure=1500, settlement=2250)
        assert dismiss.net_cost_eur == eur(4803)
        # training options carry no such risk: unchanged
        assert result.option(Option.RETRAIN_INTERNAL).net_cost_eur == eur(2384)
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == eur(11490)


# Scenario C = A without an internal role, and a settlement of 15 000 (while the role still exists there
# is no ground, so the employee asks more than the transition payment). Then, by hand:
#   keep (UWV permit, statutory payment) 13 161;  dismiss 4212 − 3159 + 1500 + 15 000 = 17 553;
#   job to job 25 272 − 18 954 + 2172 + 1500 + 15 000 = 24 990;  retrain unavailable
#   → keep is cheapest, margin 17 553 − 13 161 = 4392.
# Keep(q) = 13 161 + q × (56 703 − 13 161) = 13 161 + 43 542 q; it passes dismiss at
#   q* = 4392 / 43 542 = 0.100868…
C_CHANGES = {"dead_end__settlement_amount_eur": 15000, "dead_end__internal_role_available": False}
Q_STAR = 4392 / 43542


class TestSensitivity:
    """The value of an assumption at which the cheapest option changes."""

    def test_scenario_c_by_hand(self) -> None:
        """Keep cheapest at q = 0, margin 4392 over dismiss."""
        result = compare(scenario_a(**C_CHANGES))
        assert result.option(Option.KEEP).net_cost_eur == eur(13161)
        assert result.option(Option.DISMISS).net_cost_eur == eur(17553)
        assert result.option(Option.JOB_TO_JOB).net_cost_eur == eur(24990)
        assert not result.option(Option.RETRAIN_INTERNAL).available
        assert result.cheapest is Option.KEEP
        assert result.runner_up is Option.DISMISS
        assert result.margin_eur == eur(4392)

    def test_failure_probability_flips_the_order(self) -> None:
        """Sensitivity.upper for the failure probability lies at q* = 0.100868; just beyond it dismiss is
        cheapest, just inside it keep still is. There is nothing below q = 0."""
        s = scenario_a(**C_CHANGES)
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

        assert cheapest_at(sensitivity.upper + 1e-4) is Option.DISMISS
        assert cheapest_at(sensitivity.upper - 1e-4) is Option.KEEP
        assert cheapest_at(Q_STAR + 1e-4) is Option.DISMISS
        assert cheapest_at(Q_STAR - 1e-4) is Option.KEEP


class TestSickness:
    """Long-term sickness: properties that follow from the model."""

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

    def test_uwv_compensation_keeps_the_payment_after_illness_out_of_net_cost(self) -> None:
        """Keep over 36 months, p = 0.10, 10 years of service. An illness starting in month s ≤ 12 ends the
        contract in month s + 24 with a payment TV(s + 24) = 1080 × (10 + (s + 23)/12).

        UWV compensates that payment for all employers (art. 7:673e BW, as the law stands; bill 36 869 is
        not in force): it is not in the net cost, but it is in the net cost without compensation, which
        is higher by exactly Σ_{s=1..12} P(s) × TV(s + 24), P(s) = (1 − h)^(s − 1) × h. There is no head
        count rule (10 or 30 employees: the same), and 2025 has the same law (and no cap is reached).
        """
        changes: dict[str, Any] = {
            "horizon_months": 36,
            "employee__years_of_service": 10,
            "dead_end__role_end_month": 37,
            "dead_end__sickness_annual_probability": 0.10,
        }
        keep = compare(scenario_b(**changes)).option(Option.KEEP)
        big = compare(scenario_b(**changes, company__employee_count=30)).option(Option.KEEP)
        in_2025 = compare(scenario_b(**changes, company__rules_year=2025)).option(Option.KEEP)
        h = 1 - 0.9 ** (1 / 12)
        payments = sum((1 - h) ** (s - 1) * h * PER_YEAR * (10 + (s + 23) / 12) for s in range(1, 13))
        # Σ P(s) = 0.10 and TV runs from 12 960 to 13 950: the sum lies between 1296 and 1395
        assert 1296 < payments < 1395
        assert keep.net_cost_without_compensation_eur - keep.net_cost_eur == eur(payments)
        assert keep.net_cost_eur == eur(sum(keep.components.values()))
        assert "compensation_uncertain" in keep.notes
        for other in (big, in_2025):
            assert other.components == {name: eur(value) for name, value in keep.components.items()}
            assert other.net_cost_eur == eur(keep.net_cost_eur)
            assert other.net_cost_without_compensation_eur == eur(keep.net_cost_without_compensation_eur)
