"""New work the training makes possible (benefits.extra_margin_per_month_eur), computed by hand in the
single case, the simulation and team mode (docs/money-model.md §5).

The case: a one-month course in month 1 costing 600 (fees only, no training hours), no productivity
gain and no other benefits, no discounting (rate 0); from the month after the training the firm
earns a margin of 500 a month on new work, ramping up over 2 months: k = 1 → 500 × 1/2 = 250,
k ≥ 2 → 500. Horizon 12 months, so months 2 … 12 are k = 1 … 11.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from calculators import evaluate, scenario_from_dict
from calculators.money.monte_carlo import UNCERTAIN, batch_npv
from calculators.team.figures import evaluate_team

Q_TEN_PERCENT_A_MONTH = 1 - 0.9**12  # a monthly hazard of 10 %: q0 = 1 − 0.9^12


def _case(quit: float = 0.0, *, decays: bool = False) -> dict[str, Any]:
    return {
        "horizon_months": 12,
        "company": {"discount_rate_annual": 0.0},
        "employee": {
            "gross_monthly_salary_eur": 3000,
            "holiday_allowance_rate": 0,
            "employer_oncost_rate": 0,
        },
        "training": {
            "course_fees_eur": 600,
            "materials_exam_eur": 0,
            "travel_eur": 0,
            "hours": 0,
            "start_month": 1,
            "duration_months": 1,
        },
        "benefits": {
            "productivity_gain": 0,
            "other_yearly_benefits_eur": 0,
            "ramp_up_months": 2,
            "annual_decay": 0.2,
            "extra_margin_per_month_eur": 500,
            "extra_margin_decays": decays,
        },
        "retention": {"annual_quit_probability": quit, "quit_probability_change": 0},
    }


# nobody leaves: 250 + 10 × 500 = 5,250 of margin; minus the 600 fees
NPV_STAYS = 5250 - 600
# a 10 % monthly hazard: S(m) = 0.9^(m−1); month 2: 250 × 0.9 = 225; months 3 … 12: 500 × 0.9^(m−1),
# Σ_{m=3..12} 0.9^(m−1) = 0.81 × (1 − 0.9^10) / 0.1 = 5.275704635 → 2,637.8523; NPV = 225 + 2,637.8523 − 600
NPV_LEAVES = 225 + 500 * 0.81 * (1 - 0.9**10) / 0.1 - 600


class TestSingleCase:
    def test_ramp_up_and_the_months(self) -> None:
        """Pins month 1: nothing; month 2: half the margin (ramp 1/2); month 3 on: the whole margin."""
        r = evaluate(scenario_from_dict(_case()))
        assert [row.new_work for row in r.months[:4]] == pytest.approx([0, 250, 500, 500])
        assert r.breakdown.new_work == pytest.approx(5250)
        assert r.npv_eur == pytest.approx(NPV_STAYS)

    def test_weighted_by_the_chance_the_employee_is_there(self) -> None:
        """Pins the survival weight: 225 in month 2, 405 in month 3, and the NPV of the module docstring."""
        r = evaluate(scenario_from_dict(_case(Q_TEN_PERCENT_A_MONTH)))
        assert r.months[1].new_work == pytest.approx(225)
        assert r.months[2].new_work == pytest.approx(405)
        assert r.npv_eur == pytest.approx(NPV_LEAVES)  # 2,262.8523

    def test_no_decay_unless_set(self) -> None:
        """Pins decay only on request: k = 2 … 11 at 500 × 0.8^((k − 1)/12), summed term by term."""
        fades = evaluate(scenario_from_dict(_case(decays=True)))
        by_hand = 250 + math.fsum(500 * 0.8 ** ((k - 1) / 12) for k in range(2, 12))
        assert fades.breakdown.new_work == pytest.approx(by_hand)
        assert fades.breakdown.new_work < 5250

    def test_break_even_stay(self) -> None:
        """Pins V(1) = −600 + 250 = −350 and V(2) = −600 + 250 + 500 = 150: at least 2 months' stay."""
        r = evaluate(scenario_from_dict(_case()))
        assert r.stay_values_eur[:3] == pytest.approx((-600, -350, 150))
        assert r.break_even_stay_months == 2


def test_simulation_draws_the_quit_chance_around_the_margin() -> None:
    """Pins the simulation's model: one draw where nobody leaves, one at a 10 % monthly hazard."""
    s = scenario_from_dict(_case())
    draws = {name: np.zeros(2) for name in UNCERTAIN}
    draws["benefits.annual_decay"] = np.full(2, 0.2)
    draws["retention.annual_quit_probability"] = np.array([0.0, Q_TEN_PERCENT_A_MONTH])
    assert batch_npv(s, draws).tolist() == pytest.approx([NPV_STAYS, NPV_LEAVES])


def test_team_mode_counts_the_margin_per_employee() -> None:
    """Pins two employees side by side, and the team's total 4,650 + 2,262.85."""
    team = evaluate_team([scenario_from_dict(_case()), scenario_from_dict(_case(Q_TEN_PERCENT_A_MONTH))])
    assert [m.npv_eur for m in team.members] == pytest.approx([NPV_STAYS, NPV_LEAVES])
    assert team.totals.npv_eur == pytest.approx(NPV_STAYS + NPV_LEAVES)


def test_team_file_column_fills_the_margin() -> None:
    """Pins the team column "Nieuw werk: marge per maand (€)": the template's mechanic has 250 a month,
    read back into his scenario; an employee without the cell gets the default 0."""
    from calculators.team.read import read_team_file
    from calculators.team.template import template_csv

    team = read_team_file("team.csv", template_csv("nl"))
    margins = [row.scenario.benefits.extra_margin_per_month_eur for row in team.rows]
    assert margins[:2] == [250, 0]
