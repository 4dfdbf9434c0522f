"""The batch (Monte Carlo) model: exactly the deterministic model at the scenario's own values, the
deterministic model at any drawn values, and a seeded, reproducible simulation."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings

from calculators import evaluate, scenario_from_dict, validation_errors
from calculators.money.monte_carlo import (
    FAN_PERCENTILES,
    UNCERTAIN,
    Distribution,
    allowed_limits,
    batch_break_even_stay,
    batch_npv,
    default_ranges,
    draw,
    ranges_for,
    simulate,
    tornado,
)
from calculators.scenario.model import Scenario
from tests.unit.strategies import valid_scenario_objects


def _own_values(s: Scenario, count: int) -> dict[str, np.ndarray]:
    values = {}
    for name in UNCERTAIN:
        if name == "cost_overrun":
            values[name] = np.zeros(count)
        else:
            section, field = name.split(".")
            values[name] = np.full(count, float(getattr(getattr(s, section), field)))
    return values


def _with(s: Scenario, drawn: dict[str, float]) -> Scenario:
    """The same scenario with one draw's values put in (the independent, deterministic route)."""
    factor = 1.0 + drawn["cost_overrun"]
    return replace(
        s,
        training=replace(
            s.training,
            course_fees_eur=s.training.course_fees_eur * factor,
            materials_exam_eur=s.training.materials_exam_eur * factor,
            travel_eur=s.training.travel_eur * factor,
        ),
        benefits=replace(
            s.benefits,
            productivity_gain=drawn["benefits.productivity_gain"],
            annual_decay=drawn["benefits.annual_decay"],
        ),
        retention=replace(
            s.retention,
            annual_quit_probability=drawn["retention.annual_quit_probability"],
            quit_probability_change=drawn["retention.quit_probability_change"],
            replacement_cost_share=drawn["retention.replacement_cost_share"],
        ),
    )


class TestAgreement:
    """The batch model is the money model."""

    @settings(max_examples=150, deadline=None)
    @given(valid_scenario_objects())
    def test_exactly_the_deterministic_npv_at_the_scenarios_own_values(self, s: Scenario) -> None:
        """Pins exact agreement (==, not approx) when every draw equals the scenario's value."""
        assert batch_npv(s, _own_values(s, 4)).tolist() == [evaluate(s).npv_eur] * 4

    @settings(max_examples=60, deadline=None)
    @given(valid_scenario_objects())
    def test_each_draw_equals_the_deterministic_model(self, s: Scenario) -> None:
        """Pins that every drawn row is the deterministic model run with that row's values."""
        drawn = draw(default_ranges(s), 5, seed=11)
        batch = batch_npv(s, drawn)
        for row in range(5):
            values = {name: float(drawn[name][row]) for name in UNCERTAIN}
            changed = _with(s, values)
            if validation_errors(changed):
                continue  # an overrun can push a cost past its form's maximum; the batch model still runs
            expected = evaluate(changed).npv_eur
            assert batch[row] == pytest.approx(expected, rel=1e-9, abs=1e-6)


class TestSimulation:
    """The numbers the app shows."""

    def test_collapsed_ranges_give_certainty_with_the_deterministic_sign(self) -> None:
        """Pins P(NPV > 0) ∈ {0, 1} matching the deterministic sign when every range is a point."""
        for gain in (0.0, 0.08):
            s = scenario_from_dict({"benefits": {"productivity_gain": gain}})
            point = {name: Distribution(d.mode, d.mode, d.mode) for name, d in default_ranges(s).items()}
            npv = batch_npv(s, draw(point, 200))
            assert float(np.mean(npv > 0)) == (1.0 if evaluate(s).npv_eur > 0 else 0.0)

    def test_seeded_and_reproducible(self) -> None:
        """Pins that the same seed gives the same simulation and another seed a different one."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.03}})
        assert simulate(s, 2000, seed=5) == simulate(s, 2000, seed=5)
        assert simulate(s, 2000, seed=5) != simulate(s, 2000, seed=6)

    def test_percentiles_are_ordered_and_the_chance_is_a_probability(self) -> None:
        """Pins P10 ≤ P50 ≤ P90 and 0 ≤ chance ≤ 1."""
        result = simulate(scenario_from_dict({}), 5000)
        assert result.p10_eur <= result.p50_eur <= result.p90_eur
        assert 0.0 <= result.chance_it_pays <= 1.0

    def test_ranges_keep_the_quit_probability_valid(self) -> None:
        """Pins that q0 + change stays within 0 … 0.95 for every combination of drawn values."""
        ranges = default_ranges(scenario_from_dict({}))
        q, c = ranges["retention.annual_quit_probability"], ranges["retention.quit_probability_change"]
        assert q.low + c.low >= 0 and q.high + c.high <= 0.95
        assert q.low <= q.mode <= q.high and c.low <= c.mode <= c.high

    @settings(max_examples=200, deadline=None)
    @given(valid_scenario_objects())
    def test_ranges_are_valid_for_every_scenario(self, s: Scenario) -> None:
        """Pins that every range holds its mode and keeps q0 + change within 0 … 0.95."""
        ranges = default_ranges(s)
        for d in ranges.values():
            assert d.low <= d.mode <= d.high
        q, c = ranges["retention.annual_quit_probability"], ranges["retention.quit_probability_change"]
        assert q.low + c.low >= -1e-12 and q.high + c.high <= 0.95 + 1e-12


class TestTornado:
    """One input at a time over its range."""

    def test_bars_are_sorted_by_swing_and_match_the_deterministic_model(self) -> None:
        """Pins the order (largest swing first) and that each end is the deterministic NPV there."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.03}})
        bars = tornado(s)
        swings = [bar.swing_eur for bar in bars]
        assert swings == sorted(swings, reverse=True)
        gain = next(bar for bar in bars if bar.name == "benefits.productivity_gain")
        at_high = replace(s, benefits=replace(s.benefits, productivity_gain=gain.high))
        assert gain.npv_at_high_eur == pytest.approx(evaluate(at_high).npv_eur, rel=1e-9)

    def test_zero_width_range_has_zero_swing(self) -> None:
        """Pins that an input whose range is a point moves nothing."""
        s = scenario_from_dict({})
        ranges = dict(default_ranges(s))
        decay = ranges["benefits.annual_decay"]
        ranges["benefits.annual_decay"] = Distribution(decay.mode, decay.mode, decay.mode)
        bar = next(bar for bar in tornado(s, ranges) if bar.name == "benefits.annual_decay")
        assert bar.swing_eur == 0.0


class TestBreakEvenStays:
    """Each draw's break-even stay is the deterministic model's, run with that draw's values."""

    @settings(max_examples=100, deadline=None)
    @given(valid_scenario_objects())
    def test_own_values_give_the_deterministic_break_even_stay(self, s: Scenario) -> None:
        """Pins agreement with evaluate() when every draw equals the scenario's value (None ↔ NaN)."""
        stays = batch_break_even_stay(s, _own_values(s, 3))
        expected = evaluate(s).break_even_stay_months
        if expected is None:
            assert np.isnan(stays).all()
        else:
            assert stays.tolist() == [float(expected)] * 3

    @settings(max_examples=40, deadline=None)
    @given(valid_scenario_objects())
    def test_each_draw_equals_the_deterministic_model(self, s: Scenario) -> None:
        """Pins every drawn row against evaluate() on the scenario with that row's values put in."""
        drawn = draw(default_ranges(s), 5, seed=3)
        stays = batch_break_even_stay(s, drawn)
        for row in range(5):
            changed = _with(s, {name: float(drawn[name][row]) for name in UNCERTAIN})
            if validation_errors(changed):
                continue
            expected = evaluate(changed).break_even_stay_months
            got = None if np.isnan(stays[row]) else int(stays[row])
            assert got == expected


class TestSimulationSummaries:
    """The fan and the break-even summary."""

    def test_point_ranges_give_a_fan_of_the_deterministic_cumulative_flow(self) -> None:
        """Pins that with every range a point, each fan percentile is the deterministic cumulative
        discounted cash flow of evaluate(), month by month."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.05}})
        point = {name: Distribution(d.mode, d.mode, d.mode) for name, d in default_ranges(s).items()}
        result = simulate(s, 50, ranges=point)
        expected = [row.cumulative_discounted_net for row in evaluate(s).months]
        assert len(result.fan) == len(FAN_PERCENTILES)
        for row in result.fan:
            assert row == pytest.approx(expected, rel=1e-12, abs=1e-9)
        stay = evaluate(s).break_even_stay_months
        assert result.break_even_p10 == result.break_even_p50 == result.break_even_p90 == stay
        assert result.never_breaks_even == (1.0 if stay is None else 0.0)

    def test_never_counts_as_longer_than_any_stay(self) -> None:
        """No gain at all: no draw ever pays back at any stay, so every percentile is None."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.0, "other_yearly_benefits_eur": 0}})
        ranges = dict(default_ranges(s))
        ranges["benefits.productivity_gain"] = Distribution(0.0, 0.0, 0.0)
        result = simulate(s, 500, ranges=ranges)
        assert result.never_breaks_even == 1.0
        assert (result.break_even_p10, result.break_even_p50, result.break_even_p90) == (None, None, None)

    def test_fan_is_ordered(self) -> None:
        """Pins P10 ≤ P25 ≤ P50 ≤ P75 ≤ P90 in every month, and a spread once benefits start."""
        result = simulate(scenario_from_dict({}), 2000)
        rows = np.array(result.fan)
        assert (np.diff(rows, axis=0) >= -1e-9).all()
        assert rows[-1, -1] > rows[0, -1]


class TestChosenRanges:
    """The advisor's ranges: respected, widened to include the scenario's value, kept allowed."""

    def test_a_chosen_range_is_used(self) -> None:
        """Gain 5 %, advisor range 2 … 9 %: the distribution is (0.02, 0.05, 0.09)."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.05}})
        ranges = ranges_for(s, {"benefits.productivity_gain": (0.02, 0.09)})
        assert ranges["benefits.productivity_gain"] == Distribution(0.02, 0.05, 0.09)

    def test_a_range_that_misses_the_value_is_widened_to_it(self) -> None:
        """Gain 5 %, advisor range 6 … 9 % (reversed on input): low becomes the mode, 5 %."""
        s = scenario_from_dict({"benefits": {"productivity_gain": 0.05}})
        ranges = ranges_for(s, {"benefits.productivity_gain": (0.09, 0.06)})
        assert ranges["benefits.productivity_gain"] == Distribution(0.05, 0.05, 0.09)

    def test_ends_stay_within_the_allowed_range(self) -> None:
        """An overrun of −90 … +500 % is cut to the allowed −50 … +100 %."""
        ranges = ranges_for(scenario_from_dict({}), {"cost_overrun": (-0.9, 5.0)})
        assert (ranges["cost_overrun"].low, ranges["cost_overrun"].high) == allowed_limits("cost_overrun")
        assert allowed_limits("cost_overrun") == (-0.5, 1.0)

    def test_quit_probability_once_trained_stays_at_most_95_percent(self) -> None:
        """q up to 0.9 and change up to +0.3 would reach 1.2: the change's high end is cut first, to
        max(mode 0, 0.95 − 0.9) = 0.05."""
        s = scenario_from_dict({"retention": {"annual_quit_probability": 0.1, "quit_probability_change": 0}})
        ranges = ranges_for(
            s,
            {
                "retention.annual_quit_probability": (0.05, 0.9),
                "retention.quit_probability_change": (-0.05, 0.3),
            },
        )
        assert ranges["retention.quit_probability_change"].high == pytest.approx(0.05)
        assert ranges["retention.annual_quit_probability"].high == pytest.approx(0.9)
        npv = simulate(s, 1000, ranges=ranges).npv_eur
        assert np.isfinite(npv).all()
