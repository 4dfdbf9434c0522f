"""Many draws of the uncertain inputs at once: the chance that the training pays, and its range.

Notes
-----
The batch model is the money model of docs/money-model.md written over arrays: every uncertain
input is a column of N draws, every month a row position, so one pass of numpy evaluates all draws
(no Python loop per draw). With every draw equal to the scenario's own value it gives exactly the
deterministic NPV (tested). Uncertain inputs and their default ranges: the productivity gain, the
annual quit probability and the training's effect on it, the yearly decay, the replacement cost of
a leaver (their plausible ranges in content/defaults.yaml, from the sources there) and a cost
overrun on the direct costs (0 to +30 %, a judgment: course prices quoted are rarely exceeded by
more). Each is drawn from a triangular distribution with the scenario's value as its mode — a
common choice when only a range and a most likely value are known (Forrester TEI's risk-adjustment
convention; sources.yaml: forrester_tei).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from calculators.cashflows import monthly_cash_flows
from calculators.fields import field_spec
from calculators.scenario import ClauseCost, Scenario
from calculators.study_cost_clause import share_owed
from calculators.wages import annual_salary, loaded_monthly_wage

__all__ = [
    "UNCERTAIN",
    "Distribution",
    "Simulation",
    "TornadoBar",
    "batch_npv",
    "default_ranges",
    "draw",
    "simulate",
    "tornado",
]

FloatArray = npt.NDArray[np.float64]
UNCERTAIN = (
    "benefits.productivity_gain",
    "retention.annual_quit_probability",
    "retention.quit_probability_change",
    "benefits.annual_decay",
    "retention.replacement_cost_share",
    "cost_overrun",
)
_OVERRUN_HIGH = 0.30


@dataclass(frozen=True, slots=True)
class Distribution:
    """A triangular distribution: lowest, most likely and highest value."""

    low: float
    mode: float
    high: float


def _current(s: Scenario, name: str) -> float:
    if name == "cost_overrun":
        return 0.0
    section, field = name.split(".")
    return float(getattr(getattr(s, section), field))


def default_ranges(s: Scenario) -> dict[str, Distribution]:
    """Each uncertain input's plausible range around the scenario's own value (its mode)."""
    ranges = {}
    for name in UNCERTAIN:
        mode = _current(s, name)
        if name == "cost_overrun":
            low, high = 0.0, _OVERRUN_HIGH
        else:
            spec = field_spec(name)
            low, high = spec.plausible or (mode, mode)
        ranges[name] = Distribution(min(low, mode), mode, max(high, mode))
    # the quit probability once trained, q + change, must stay within 0 … 0.95 for every pair of
    # draws: narrow the change's range first, and the quit probability's only where that is not enough
    q, c = ranges["retention.annual_quit_probability"], ranges["retention.quit_probability_change"]
    q_low, q_high, c_low, c_high = q.low, q.high, c.low, c.high
    if q_low + c_low < 0:
        c_low = min(c.mode, -q_low)
        q_low = max(q_low, -c_low)
    if q_high + c_high > 0.95:
        c_high = max(c.mode, 0.95 - q_high)
        q_high = min(q_high, 0.95 - c_high)
    ranges["retention.annual_quit_probability"] = Distribution(q_low, q.mode, q_high)
    ranges["retention.quit_probability_change"] = Distribution(c_low, c.mode, c_high)
    return ranges


def draw(ranges: Mapping[str, Distribution], count: int, seed: int = 2026) -> dict[str, FloatArray]:
    """``count`` seeded draws per input (the same seed gives the same draws)."""
    rng = np.random.default_rng(seed)
    draws = {}
    for name in UNCERTAIN:
        d = ranges[name]
        if d.high - d.low <= 0:
            draws[name] = np.full(count, d.mode)
        else:
            draws[name] = rng.triangular(d.low, d.mode, d.high, count)
    return draws


def _hazard(probability: FloatArray) -> FloatArray:
    return np.asarray(1.0 - (1.0 - probability) ** (1.0 / 12.0), dtype=np.float64)


def _survival(hazard: FloatArray) -> FloatArray:
    ones = np.ones((hazard.shape[0], 1))
    return np.concatenate((ones, np.cumprod(1.0 - hazard[:, :-1], axis=1)), axis=1)


_CHUNK = 10_000  # draws per pass: memory stays flat (about 50 MB) however many draws there are


def batch_npv(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """NPV for every draw (docs/money-model.md §3–§8 over arrays: draws × months)."""
    count = len(draws[UNCERTAIN[0]])
    if count > _CHUNK:
        parts = [
            _batch_npv(s, {name: values[start : start + _CHUNK] for name, values in draws.items()})
            for start in range(0, count, _CHUNK)
        ]
        return np.concatenate(parts)
    return _batch_npv(s, draws)


def _batch_npv(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    base = monthly_cash_flows(s)  # the parts that no draw changes
    months = base.months
    t, b, r = s.training, s.benefits, s.retention
    end = t.end_month
    since_end = (months - end).astype(np.float64)
    after = since_end >= 1

    gain = draws["benefits.productivity_gain"][:, None]
    q0 = draws["retention.annual_quit_probability"][:, None]
    change = draws["retention.quit_probability_change"][:, None]
    decay_rate = draws["benefits.annual_decay"][:, None]
    replacement_share = draws["retention.replacement_cost_share"][:, None]
    overrun = 1.0 + draws["cost_overrun"][:, None]

    h0, h1 = _hazard(q0), _hazard(q0 + change)
    hazard_without = np.broadcast_to(h0, (h0.shape[0], months.size))
    hazard_with = np.where(months <= end, h0, h1)
    survival_without, survival_with = _survival(hazard_without), _survival(hazard_with)
    leaving_without, leaving_with = survival_without * hazard_without, survival_with * hazard_with

    ramp = np.ones_like(since_end) if b.ramp_up_months == 0 else np.minimum(1.0, since_end / b.ramp_up_months)
    decay = (1.0 - decay_rate) ** (np.maximum(since_end - 1.0, 0.0) / 12.0)
    output_value = loaded_monthly_wage(s.employee) * s.employee.output_value_ratio
    productivity = gain * output_value * b.employer_share * ramp * decay
    certain = np.where(after, productivity + b.other_yearly_benefits_eur / 12.0, 0.0)
    other = np.where(after, b.other_yearly_benefits_eur / 12.0, 0.0)
    productivity_line = (certain - other) * survival_with
    vacancy = np.zeros_like(survival_with)
    if b.vacancy.filled_internally:
        column = b.vacancy.month - 1
        vacancy[:, column] = b.vacancy.avoided_hiring_cost_eur * survival_with[:, column]

    replacement_change = replacement_share * annual_salary(s.employee) * (leaving_with - leaving_without)
    clause = r.study_cost_clause
    covered = 0.0
    if clause.enabled:
        amounts = {
            ClauseCost.COURSE_FEES: t.course_fees_eur,
            ClauseCost.MATERIALS_EXAM: t.materials_exam_eur,
            ClauseCost.TRAVEL: t.travel_eur,
        }
        covered = float(sum(amounts[item] for item in clause.covers))
    owed = share_owed(clause, months - end)
    recovery = np.where(months >= t.start_month, leaving_with * owed, 0.0) * (covered * overrun)

    training_costs = base.direct_cost * overrun + base.wage_cost + base.lost_output - base.subsidy
    costs = training_costs + np.maximum(replacement_change, 0.0)
    saving = np.maximum(-replacement_change, 0.0)
    benefits = productivity_line + other * survival_with + vacancy + saving + recovery
    return np.asarray(np.sum(base.discount_factor * (benefits - costs), axis=1), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Simulation:
    """What the draws say about the NPV."""

    draws: int
    chance_it_pays: float
    p10_eur: float
    p50_eur: float
    p90_eur: float


def simulate(s: Scenario, count: int = 10_000, seed: int = 2026) -> Simulation:
    """Monte Carlo over the default ranges: the chance that NPV > 0 and its 10/50/90th percentiles."""
    npv = batch_npv(s, draw(default_ranges(s), count, seed))
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    return Simulation(count, float(np.mean(npv > 0)), float(p10), float(p50), float(p90))


@dataclass(frozen=True, slots=True)
class TornadoBar:
    """One input at the ends of its range, everything else at the scenario's value."""

    name: str
    low: float
    high: float
    npv_at_low_eur: float
    npv_at_high_eur: float

    @property
    def swing_eur(self) -> float:
        """How far the NPV moves over this input's range."""
        return abs(self.npv_at_high_eur - self.npv_at_low_eur)


def tornado(s: Scenario, ranges: Mapping[str, Distribution] | None = None) -> tuple[TornadoBar, ...]:
    """A one-at-a-time sensitivity: each uncertain input at its low and high value, sorted by swing."""
    ranges = ranges or default_ranges(s)
    names = list(UNCERTAIN)
    rows = 2 * len(names)
    draws = {name: np.full(rows, ranges[name].mode) for name in names}
    for index, name in enumerate(names):
        draws[name][2 * index] = ranges[name].low
        draws[name][2 * index + 1] = ranges[name].high
    npv = batch_npv(s, draws)
    bars = [
        TornadoBar(name, ranges[name].low, ranges[name].high, float(npv[2 * i]), float(npv[2 * i + 1]))
        for i, name in enumerate(names)
    ]
    return tuple(sorted(bars, key=lambda bar: (-bar.swing_eur, bar.name)))
