"""The study-cost clause reclaims only what the employer bore itself (issue 15 item 6).

docs/dutch-rules.md §0 ("Study-cost clause"): a clause can only reclaim costs the employer actually
bore, not a subsidy or a fund's contribution. docs/money-model.md §7 spreads the subsidies S pro rata
over all the training's costs T (direct costs + time costs of §3):

    employer share e = max(0, 1 - S / T),   reclaimable C_cl = covered lines × e

Every expected number is worked out by hand below from the base scenario of
tests/unit/money/test_hand_computed.py (gross 3000, holiday 0.08, on-costs 0.30, 40 h/week, output ratio 1.0):

    Wm = 3000 × 1.08 × 1.30 = 4212.00;  Hm = 40 × 52 / 12 = 173.333…;  w = 4212 / 173.333… = 24.30
    lost output = 0 (ratio 1.0, no cover), so the time costs of h training hours are h × 24.30.

The fund case (FUND): course fees 2450, a fund pays 750 in month 1, 48 training hours over 2 months
(S = 1, E = 2), horizon 12, discount rate 0, clause on all direct costs, linear over 12 months:

    time costs = 48 × 24.30 = 1166.40;  T = 2450 + 1166.40 = 3616.40
    e = 1 - 750 / 3616.40 = 2866.40 / 3616.40 = 0.7926114
    C_cl = 2450 × 2866.40 / 3616.40 = 1941.898   (the old model reclaimed all 2450)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings

from calculators import Scenario, TrainingKind, evaluate, scenario_from_dict
from calculators.money.cashflows import monthly_cash_flows, stay_values
from calculators.money.monte_carlo import UNCERTAIN, Distribution, batch_break_even_stay, batch_npv, simulate
from calculators.money.study_cost_clause import (
    covered_costs,
    employer_share,
    reclaimable_costs,
    reclaimable_costs_scaled,
    share_owed,
)
from calculators.scenario.model import ClauseCost, Subsidy
from calculators.scenario.training_costs import time_costs
from calculators.team.figures import evaluate_team
from tests.unit.money.test_hand_computed import G12, H12, eur, exact, make
from tests.unit.strategies import valid_scenario_objects

CLAUSE_ALL = {
    "enabled": True,
    "repayment_months": 12,
    "scale": "linear",
    "covers": ["course_fees", "materials_exam", "travel"],
}
FUND: dict[str, Any] = {
    "training.course_fees_eur": 2450,
    "training.hours": 48,
    "training.duration_months": 2,
    "training.subsidies": [{"name": "fonds", "amount_eur": 750, "month": 1}],
    "retention.study_cost_clause": CLAUSE_ALL,
}
C_FUND = 2450 * 2866.40 / 3616.40  # = 1941.898: fees × (1 - 750 / (2450 + 48 × 24.30))
NET_COST = 2450 + 1166.40 - 750  # = 2866.40: what the training costs the employer after the fund


def scenario(overrides: dict[str, Any]) -> Scenario:
    """The hand-computed base with the given dotted-path overrides."""
    return scenario_from_dict(make(overrides))


def reclaimable(s: Scenario) -> float:
    """reclaimable_costs of the scenario's own clause."""
    return reclaimable_costs(s.retention.study_cost_clause, s.training, s.employee)


class TestReclaimableAmount:
    """C_cl = covered lines × max(0, 1 - S / T)."""

    def test_fund_share_is_spread_over_all_costs(self) -> None:
        """Pins e = 1 - 750 / 3616.40 = 0.7926114 and C_cl = 2450 × e = 1941.90 (not 2450)."""
        s = scenario(FUND)
        assert time_costs(s.training, s.employee).total_eur == eur(1166.40)  # 48 × 24.30
        assert float(employer_share(750.0, 2450.0, 1166.40)) == exact(2866.40 / 3616.40)  # 0.7926114
        assert reclaimable(s) == eur(C_FUND)  # 1941.90
        assert covered_costs(s.retention.study_cost_clause, s.training) == 2450.0  # the gross lines
        # the same amount through covered_costs with the employee (what calculators/arguments.py calls)

    def test_clause_on_fees_only_when_materials_exist(self) -> None:
        """Pins a fees-only clause: the fund is spread over fees, materials and hours alike.

        T = 2450 + 350 + 1166.40 = 3966.40; e = 1 - 750 / 3966.40 = 3216.40 / 3966.40;
        C_cl = 2450 × 3216.40 / 3966.40 = 1986.73 (materials 350 are not covered).
        """
        s = scenario(
            {
                **FUND,
                "training.materials_exam_eur": 350,
                "retention.study_cost_clause": {**CLAUSE_ALL, "covers": ["course_fees"]},
            }
        )
        assert reclaimable(s) == eur(2450 * 3216.40 / 3966.40)  # 1986.73

    def test_subsidies_that_cover_all_costs_leave_nothing_to_reclaim(self) -> None:
        """Pins e = 0 when S = T: fees 1000, no hours, fund 1000 → C_cl = 1000 × (1 - 1000/1000) = 0."""
        s = scenario(
            {
                "training.hours": 0,
                "training.subsidies": [{"name": "fonds", "amount_eur": 1000, "month": 1}],
                "retention.study_cost_clause": CLAUSE_ALL,
            }
        )
        assert reclaimable(s) == 0.0
        # S above T (the form refuses it, the simulation can reach it with a cheaper draw): still 0, not < 0
        assert float(employer_share(4000.0, 2450.0, 1166.40)) == 0.0  # 1 - 4000 / 3616.40 < 0 → 0
        above = replace(s, training=replace(s.training, subsidies=(Subsidy("fonds", 5000.0, 1),)))
        assert reclaimable(above) == 0.0
        assert float(employer_share(10.0, 100.0, -100.0)) == 0.0  # T ≤ 0 with a subsidy: nothing

    def test_no_subsidy_leaves_the_clause_unchanged(self) -> None:
        """Pins e = 1 without subsidies: C_cl = 2450 exactly, as before the fix."""
        s = scenario({**FUND, "training.subsidies": []})
        assert float(employer_share(0.0, 2450.0, 1166.40)) == 1.0
        assert reclaimable(s) == 2450.0
        assert reclaimable(s) == covered_costs(s.retention.study_cost_clause, s.training)

    def test_without_time_costs_the_clause_returns_the_net_cost_not_a_profit(self) -> None:
        """Pins the issue's example with no hours: the old model reclaimed 2450 of a 1700 net cost.

        T = 2450; e = 1 - 750 / 2450 = 1700 / 2450; C_cl = 2450 × 1700 / 2450 = 1700 = the net cost,
        so a leaver in the training's last month leaves V(0) = 1700 - (2450 - 750) = 0 (it was +750).
        """
        s = scenario({**FUND, "training.hours": 0})
        assert reclaimable(s) == eur(1700.0)
        assert evaluate(s).worst_case_eur == eur(0.0)

    def test_overrun_scales_the_lines_and_the_share(self) -> None:
        """Pins the simulation's per-draw amount: +20 % on the direct costs.

        covered = 2450 × 1.2 = 2940; T = 2940 + 1166.40 = 4106.40; C_cl = 2940 × (1 - 750 / 4106.40)
        = 2940 × 3356.40 / 4106.40 = 2403.03. At +0 % it is the single case's 1941.90.
        """
        s = scenario(FUND)
        got = reclaimable_costs_scaled(
            s.retention.study_cost_clause, s.training, s.employee, np.array([1.0, 1.2])
        )
        assert got[0] == reclaimable(s)
        assert got[1] == eur(2940 * 3356.40 / 4106.40)  # 2403.03


LEAVER: dict[str, Any] = {**FUND, "retention.annual_quit_probability": 0.12}


class TestSingleCase:
    """The month rows and V(n) use C_cl, not the gross covered lines."""

    def test_leaver_during_the_training_repays_the_reclaimable_amount(self) -> None:
        """Pins recovery(m) = L_with(m) × owed(m) × C_cl with q = 0.12 (h = 1 - 0.88^(1/12), g = 1 - h).

        month 1 (in the training, owed 1): h × 1941.898 = 0.0105962 × 1941.898 = 20.5768 (old: 25.9608)
        month 2 (k = 0, owed 1): g h × 1941.898 = 20.3588
        month 3 (k = 1, owed 11/12): g² h × 11/12 × 1941.898 = 18.4645
        """
        r = evaluate(scenario(LEAVER))
        assert r.months[0].clause_recovery == eur(H12 * C_FUND)  # 20.5768
        assert r.months[0].clause_recovery != eur(H12 * 2450)  # 25.9608, the old amount
        assert r.months[1].clause_recovery == eur(G12 * H12 * C_FUND)  # 20.3588
        assert r.months[2].clause_recovery == eur(G12**2 * H12 * 11 / 12 * C_FUND)  # 18.4645

    def test_stay_values_use_the_reclaimable_amount(self) -> None:
        """Pins V(n) = 421.20 n + C_cl (1 - n/12) - 2866.40 (d = 1, productivity 0.10 × 4212 = 421.20).

        V(0) = 1941.898 - 2866.40 = -2866.40 × 1166.40 / 3616.40 = -924.50 (old: 2450 - 2866.40 = -416.40);
        V(n) = (421.20 - 1941.898 / 12) n - 924.50 = 259.375 n - 924.50: V(3) = -146.38, V(4) = 113.00 → 4
        (the old model said 2: 217.033 n - 416.40 ≥ 0 at n = 2).
        """
        s = scenario(LEAVER)
        values = stay_values(s)
        assert values[0] == eur(-2866.40 * 1166.40 / 3616.40)  # -924.50
        assert values[0] == eur(C_FUND - NET_COST)
        assert values[3] == eur(3 * 421.20 + C_FUND * (1 - 3 / 12) - NET_COST)  # -146.38
        assert values[4] == eur(4 * 421.20 + C_FUND * (1 - 4 / 12) - NET_COST)  # 113.00
        r = evaluate(s)
        assert r.worst_case_eur == eur(-924.50)
        assert r.break_even_stay_months == 4


def _own_values(s: Scenario, count: int) -> dict[str, np.ndarray]:
    """Draws that all equal the scenario's own values (no overrun)."""
    values = {}
    for name in UNCERTAIN:
        if name == "cost_overrun":
            values[name] = np.zeros(count)
        else:
            section, field = name.split(".")
            values[name] = np.full(count, float(getattr(getattr(s, section), field)))
    return values


def _point_ranges(s: Scenario) -> dict[str, Distribution]:
    """Every uncertain input fixed at the scenario's own value (overrun 0): no uncertainty."""
    own = _own_values(s, 1)
    return {name: Distribution(*[float(own[name][0])] * 3) for name in UNCERTAIN}


class TestModelsAgree:
    """Simulation and team give the single case's numbers for the fund case."""

    def test_simulation_without_uncertainty_is_the_single_case(self) -> None:
        """Pins batch NPV and break-even stay (overrun 0) bit for bit against evaluate()."""
        s = scenario(LEAVER)
        r = evaluate(s)
        assert batch_npv(s, _own_values(s, 3)).tolist() == [r.npv_eur] * 3
        assert batch_break_even_stay(s, _own_values(s, 3)).tolist() == [4.0] * 3
        sim = simulate(s, 50, ranges=_point_ranges(s))
        assert sim.p50_eur == r.npv_eur
        assert sim.break_even_p50 == 4.0

    def test_a_drawn_overrun_is_the_single_case_with_dearer_direct_costs(self) -> None:
        """Pins a +20 % draw against evaluate() on fees 2940: the share is per draw (T = 4106.40)."""
        s = scenario(LEAVER)
        drawn = _own_values(s, 1)
        drawn["cost_overrun"] = np.array([0.2])
        dearer = scenario({**LEAVER, "training.course_fees_eur": 2450 * 1.2})
        assert batch_npv(s, drawn)[0] == pytest.approx(evaluate(dearer).npv_eur, rel=1e-12, abs=1e-9)
        # V(0) of that draw: 2403.03 - (2940 + 1166.40 - 750) = -953.37
        assert evaluate(dearer).worst_case_eur == eur(2940 * 3356.40 / 4106.40 - 3356.40)

    def test_team_is_the_single_case(self) -> None:
        """Pins the team pass against evaluate(): worst case V(0) = -924.50, NPV, break-even stay 4."""
        s = scenario(LEAVER)
        r = evaluate(s)
        member = evaluate_team([s, scenario({**LEAVER, "training.subsidies": []})]).members[0]
        assert member.worst_case_eur == r.worst_case_eur
        assert member.worst_case_eur == eur(-924.50)
        assert member.npv_eur == pytest.approx(r.npv_eur, abs=1e-9)
        assert member.break_even_stay_months == 4


class TestNeverMoreThanTheEmployerBore:
    """Property: the clause never recovers more than the employer's own share of the covered costs."""

    @settings(max_examples=150, deadline=None)
    @given(valid_scenario_objects())
    def test_recovery_within_the_employer_share(self, s: Scenario) -> None:
        """Pins C_cl ≤ covered × (1 - S/T) ≤ direct × (1 - S/T), and every recovery within it.

        T and the bound are computed here from the lines, independently of study_cost_clause: expected
        recoveries Σ_m L(m) owed(m) C_cl ≤ C_cl (Σ L ≤ 1, owed ≤ 1); the refund in V(0) is d(E) × C_cl.
        """
        assume(s.training.kind is not TrainingKind.MANDATORY)
        clause = replace(s.retention.study_cost_clause, enabled=True)
        s = replace(s, retention=replace(s.retention, study_cost_clause=clause))
        t = s.training
        lines = {
            ClauseCost.COURSE_FEES: t.course_fees_eur,
            ClauseCost.MATERIALS_EXAM: t.materials_exam_eur,
            ClauseCost.TRAVEL: t.travel_eur,
        }
        covered = sum(lines[item] for item in clause.covers)
        direct = t.course_fees_eur + t.materials_exam_eur + t.travel_eur
        total = direct + time_costs(t, s.employee).total_eur
        subsidies = sum(item.amount_eur for item in t.subsidies)
        own = 1.0 if subsidies <= 0 else (max(0.0, 1.0 - subsidies / total) if total > 0 else 0.0)
        tol = 1e-9 * max(1.0, direct + abs(total))

        got = reclaimable(s)
        assert 0.0 <= got <= covered * own + tol
        assert got == pytest.approx(covered * own, abs=tol)
        assert got <= direct * own + tol  # never more than the employer's own share of the direct costs
        if total >= direct:  # time costs ≥ 0: never more than the employer's own outlay T - S either
            assert got <= max(0.0, total - subsidies) + tol

        flows = monthly_cash_flows(s)
        assert float(np.sum(flows.clause_recovery)) <= covered * own + tol
        d = flows.discount_factor
        values = stay_values(s)
        refund_at_end = values[0] + float(np.sum(d * flows.training_costs))  # V(0) + PV(training costs)
        end = t.end_month
        assert refund_at_end == pytest.approx(
            d[end - 1] * float(share_owed(clause, np.array([0]))[0]) * got, abs=tol
        )
        assert refund_at_end <= d[end - 1] * covered * own + tol
