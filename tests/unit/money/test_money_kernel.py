"""The one money model (calculators/money/kernel.py): one row, many draws and a team are one code path.

Three properties over generated scenarios (tests/unit/strategies.py):

- the kernel's NPV and every ``V(n)`` agree with the independent leaving-path enumeration of
  tests/unit/money/test_cross_check.py (which does not follow the spec's survival-weighted formulas);
- putting drawn columns into one scenario's inputs (the simulation's way) gives, row by row, what
  evaluating a scenario *built* with those values gives (the single case's way);
- stacking scenarios (team mode's way) gives each row what that scenario alone gives, in any order.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import evaluate, scenario_from_dict
from calculators.money import inputs as model_inputs
from calculators.money import kernel as money_kernel
from calculators.money.monte_carlo import UNCERTAIN
from calculators.scenario.fields import field_spec
from tests.unit.money.test_cross_check import params_from_dict, reference_npv, scale_of, stay_value
from tests.unit.strategies import numbers_in, valid_scenarios

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(valid_scenarios(max_horizon=36))
def test_kernel_agrees_with_the_leaving_path_enumeration(data: dict[str, Any]) -> None:
    """Pins NPV and V(n), n = 0 … H − E, against the brute-force reference of test_cross_check."""
    s = scenario_from_dict(data)
    p = params_from_dict(data)
    inputs = model_inputs.inputs_for([s])
    figures = money_kernel.figures(inputs)
    tolerance = 1e-6 * scale_of(p)
    assert figures.npv[0] == pytest.approx(reference_npv(p), abs=tolerance)
    stays = s.horizon_months - s.training.end_month
    expected = [stay_value(p, n) for n in range(stays + 1)]
    assert figures.stay_values[0, : stays + 1].tolist() == pytest.approx(expected, abs=tolerance)
    assert figures.valid_stays[0].tolist() == [n <= stays for n in range(s.horizon_months + 1)]


def _with_values(data: dict[str, Any], values: dict[str, float]) -> dict[str, Any]:
    """The scenario dict with the uncertain inputs set; the overrun scales the three direct cost lines."""
    changed = copy.deepcopy(data)
    for name, value in values.items():
        if name == "cost_overrun":
            for line in ("course_fees_eur", "materials_exam_eur", "travel_eur"):
                changed["training"][line] = data["training"][line] * (1.0 + value)
        else:
            section, field = name.split(".")
            changed[section][field] = value
    return changed


@SETTINGS
@given(valid_scenarios(max_horizon=48), st.data())
def test_drawn_columns_equal_scenarios_built_with_those_values(
    data: dict[str, Any], more: st.DataObject
) -> None:
    """Pins the simulation's column substitution against evaluate() of a scenario carrying the values."""
    s = scenario_from_dict(data)
    q0 = s.retention.annual_quit_probability
    # a dearer course must stay a valid scenario: no line above its allowed maximum, no subsidy cap to recheck
    lines = ("course_fees_eur", "materials_exam_eur", "travel_eur")
    room = min(
        float(field_spec(f"training.{line}").maximum or 0) / max(data["training"][line], 1.0)
        for line in lines
    )
    # less a margin far above float rounding: at fees of 99,999.99999999999 the room is 1 + 2.2e-16, and an
    # overrun of 1.2e-16 times those fees rounds to 100,000.00000000001, above the allowed maximum
    overrun = st.just(0.0) if s.training.subsidies else st.floats(0.0, min(0.3, max(room - 1.0 - 1e-9, 0.0)))
    rows = []
    for _ in range(3):
        quit = more.draw(numbers_in("retention.annual_quit_probability"))
        rows.append(
            {
                "benefits.productivity_gain": more.draw(numbers_in("benefits.productivity_gain")),
                "retention.annual_quit_probability": quit,
                "retention.quit_probability_change": more.draw(
                    numbers_in("retention.quit_probability_change", -quit, 0.95 - quit)
                ),
                "benefits.annual_decay": more.draw(numbers_in("benefits.annual_decay")),
                "retention.replacement_cost_share": more.draw(numbers_in("retention.replacement_cost_share")),
                # the overrun's own effect on the clause share is pinned in test_clause_employer_share.py
                "cost_overrun": more.draw(overrun),
            }
        )
    draws = {name: np.array([row[name] for row in rows]) for name in UNCERTAIN}
    batch = money_kernel.figures(model_inputs.with_draws(model_inputs.inputs_for([s]), draws))
    assert q0 == s.retention.annual_quit_probability  # the base scenario itself is untouched
    for index, row in enumerate(rows):
        alone = evaluate(scenario_from_dict(_with_values(data, row)))
        scale = max(1.0, alone.total_cost_eur + alone.expected_benefit_eur)
        assert batch.npv[index] == pytest.approx(alone.npv_eur, rel=1e-9, abs=1e-9 * scale)
        assert batch.stay_values[index, 0] == pytest.approx(alone.worst_case_eur, rel=1e-9, abs=1e-9 * scale)


@SETTINGS
@given(st.lists(valid_scenarios(max_horizon=24), min_size=2, max_size=4), st.randoms())
def test_stacked_rows_equal_each_scenario_alone(datas: list[dict[str, Any]], rng: Any) -> None:
    """Pins team mode's stacking: each row is what that scenario gives alone, whatever the order."""
    horizon = datas[0]["horizon_months"]
    scenarios = [s for s in map(scenario_from_dict, datas) if s.horizon_months == horizon]
    rng.shuffle(scenarios)
    stacked = money_kernel.figures(model_inputs.inputs_for(scenarios))
    for index, s in enumerate(scenarios):
        alone = money_kernel.figures(model_inputs.inputs_for([s]))
        assert stacked.npv[index] == alone.npv[0]
        assert stacked.payback_month[index] == alone.payback_month[0]
        assert stacked.break_even_stay[index] == alone.break_even_stay[0]
        assert stacked.stay_values[index].tolist() == alone.stay_values[0].tolist()


def test_one_pass_needs_one_horizon() -> None:
    """Pins the refusal of an empty list and of mixed horizons (team mode groups by horizon)."""
    with pytest.raises(ValueError, match="at least one"):
        model_inputs.inputs_for([])
    short, long = scenario_from_dict({"horizon_months": 24}), scenario_from_dict({"horizon_months": 36})
    with pytest.raises(ValueError, match="same horizon"):
        model_inputs.inputs_for([short, long])
