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

Besides the NPV, each draw gives its break-even stay (the shortest stay after the training for which
the training's value ``V(n)`` of docs/money-model.md §8 is at least zero, over the same arrays) and its
cumulative discounted cash flow per month, summarised as a fan of percentiles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from calculators.cashflows import monthly_cash_flows
from calculators.fields import field_spec
from calculators.metrics import pays_from
from calculators.scenario import Scenario
from calculators.scenario_io import validate
from calculators.study_cost_clause import reclaimable_costs_scaled, share_owed
from calculators.wages import annual_salary, loaded_monthly_wage

__all__ = [
    "FAN_PERCENTILES",
    "OVERRUN_LIMITS",
    "UNCERTAIN",
    "Distribution",
    "Simulation",
    "TornadoBar",
    "allowed_limits",
    "batch_break_even_stay",
    "batch_npv",
    "default_ranges",
    "draw",
    "plausible_range",
    "ranges_for",
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
# What an advisor may set as the cost overrun's range: from 50 % cheaper to twice the quoted price.
OVERRUN_LIMITS = (-0.5, 1.0)
_MAX_QUIT = 0.95  # the scenario's own ceiling for the quit probability once trained


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
    return ranges_for(s)


def allowed_limits(name: str) -> tuple[float, float]:
    """The widest range an advisor may give an uncertain input: the field's allowed range."""
    if name == "cost_overrun":
        return OVERRUN_LIMITS
    spec = field_spec(name)
    if spec.minimum is None or spec.maximum is None:
        raise ValueError(f"{name} needs an allowed range in content/defaults.yaml to be uncertain")
    return float(spec.minimum), float(spec.maximum)


def plausible_range(name: str) -> tuple[float, float]:
    """An uncertain input's plausible range from content/defaults.yaml (the overrun's: 0 … +30 %)."""
    if name == "cost_overrun":
        return 0.0, _OVERRUN_HIGH
    spec = field_spec(name)
    if spec.plausible is None:
        raise ValueError(f"{name} needs a plausible range in content/defaults.yaml to be uncertain")
    return float(spec.plausible[0]), float(spec.plausible[1])


def ranges_for(
    s: Scenario, chosen: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, Distribution]:
    """Each uncertain input's range: the advisor's ``(low, high)`` where given, else the plausible range.

    The scenario's own value is always the mode, so a range is widened to include it; every end is
    kept within the input's allowed range. Then the quit probability once trained, ``q + change``,
    is kept within 0 … 0.95 for every pair of draws (the scenario's own rule).
    """
    chosen = chosen or {}
    ranges = {}
    for name in UNCERTAIN:
        mode = _current(s, name)
        low, high = sorted(chosen[name]) if name in chosen else plausible_range(name)
        lowest, highest = allowed_limits(name)
        low, high = max(low, lowest), min(high, highest)
        ranges[name] = Distribution(min(low, mode), mode, max(high, mode))
    # the quit probability once trained, q + change, must stay within 0 … 0.95 for every pair of
    # draws: narrow the change's range first, and the quit probability's only where that is not enough
    q, c = ranges["retention.annual_quit_probability"], ranges["retention.quit_probability_change"]
    q_low, q_high, c_low, c_high = q.low, q.high, c.low, c.high
    if q_low + c_low < 0:
        c_low = min(c.mode, -q_low)
        q_low = max(q_low, -c_low)
    if q_high + c_high > _MAX_QUIT:
        c_high = max(c.mode, _MAX_QUIT - q_high)
        q_high = min(q_high, _MAX_QUIT - c_high)
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


def _chunks(draws: Mapping[str, FloatArray]) -> list[dict[str, FloatArray]]:
    count = len(draws[UNCERTAIN[0]])
    return [
        {name: values[start : start + _CHUNK] for name, values in draws.items()}
        for start in range(0, count, _CHUNK)
    ]


def batch_npv(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """NPV for every draw (docs/money-model.md §3–§8 over arrays: draws × months)."""
    parts = [np.sum(_discounted_flows(s, chunk), axis=1) for chunk in _chunks(draws)]
    return np.asarray(np.concatenate(parts), dtype=np.float64)


def batch_break_even_stay(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """Each draw's break-even stay in months after the training; NaN where it never pays.

    Notes
    -----
    The training's value if the employee leaves n months after it ends (month E), as
    :func:`calculators.metrics.stay_values` computes it for one scenario (docs/money-model.md §8):

        V(n) = Σ_{k=1..n} d(E+k) × benefit(k) + [E + n ≥ Mv] × d(Mv) × avoided hiring cost
               + d(E+n) × share owed(n) × reclaimable costs − PV(training costs)

    with the drawn productivity gain and decay in ``benefit(k)`` and the drawn cost overrun on the
    direct costs (quit probabilities and replacement costs do not enter a stay of known length). The
    reclaimable costs are the covered lines × (1 + overrun) × the employer's own share
    ``max(0, 1 − S / T)`` with that draw's ``T`` (:func:`calculators.study_cost_clause.employer_share`).
    The break-even stay is the smallest n with ``V(n) ≥ 0``.
    """
    parts = [_break_even(s, chunk) for chunk in _chunks(draws)]
    return np.asarray(np.concatenate(parts), dtype=np.float64)


def _break_even(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    base = monthly_cash_flows(s)
    t, b = s.training, s.benefits
    end, horizon = t.end_month, s.horizon_months
    d = base.discount_factor
    overrun = 1.0 + draws["cost_overrun"][:, None]
    cost_pv = (
        np.sum(d * base.direct_cost * overrun, axis=1)
        + float(np.sum(d * (base.wage_cost + base.lost_output - base.subsidy)))
    )[:, None]
    k = np.arange(1, horizon - end + 1, dtype=np.float64)
    gain = draws["benefits.productivity_gain"][:, None]
    decay_rate = draws["benefits.annual_decay"][:, None]
    ramp = np.ones_like(k) if b.ramp_up_months == 0 else np.minimum(1.0, k / b.ramp_up_months)
    decay = (1.0 - decay_rate) ** (np.maximum(k - 1.0, 0.0) / 12.0)
    output_value = loaded_monthly_wage(s.employee) * s.employee.output_value_ratio
    monthly = gain * output_value * b.employer_share * ramp * decay + b.other_yearly_benefits_eur / 12.0
    count = monthly.shape[0]
    benefit_pv = np.concatenate((np.zeros((count, 1)), np.cumsum(d[end:] * monthly, axis=1)), axis=1)
    n = np.arange(0, horizon - end + 1, dtype=np.int64)
    if b.vacancy.filled_internally:
        benefit_pv = benefit_pv + np.where(
            end + n >= b.vacancy.month, b.vacancy.avoided_hiring_cost_eur * d[b.vacancy.month - 1], 0.0
        )
    clause = s.retention.study_cost_clause
    reclaimable = reclaimable_costs_scaled(clause, t, s.employee, overrun)  # per draw: overrun and share
    refund = (d[end - 1 + n] * share_owed(clause, n))[None, :] * reclaimable
    values = benefit_pv + refund - cost_pv
    reached = pays_from(values)  # every longer stay pays too (calculators.metrics)
    first = np.argmax(reached, axis=1).astype(np.float64)
    return np.where(reached.any(axis=1), first, np.nan)


def _discounted_flows(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """Discounted net cash flow per draw and month (rows: draws; columns: months 1 … H)."""
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
    # the covered lines scaled by the drawn overrun, times the employer's own share of that draw's
    # costs (docs/money-model.md §7): a subsidy or fund contribution is never reclaimed
    reclaimable = reclaimable_costs_scaled(clause, t, s.employee, overrun)
    owed = share_owed(clause, months - end)
    recovery = np.where(months >= t.start_month, leaving_with * owed, 0.0) * reclaimable

    training_costs = base.direct_cost * overrun + base.wage_cost + base.lost_output - base.subsidy
    costs = training_costs + np.maximum(replacement_change, 0.0)
    saving = np.maximum(-replacement_change, 0.0)
    benefits = productivity_line + other * survival_with + vacancy + saving + recovery
    return np.asarray(base.discount_factor * (benefits - costs), dtype=np.float64)


FAN_PERCENTILES = (10, 25, 50, 75, 90)


@dataclass(frozen=True, slots=True)
class Simulation:
    """What the draws say: the chance that the training pays, the NPV's range, the break-even stays
    and a fan of the cumulative discounted cash flow (percentiles per month, FAN_PERCENTILES)."""

    draws: int
    chance_it_pays: float
    p10_eur: float
    p50_eur: float
    p90_eur: float
    never_breaks_even: float = 0.0  # share of draws that do not pay within the horizon at any stay
    break_even_p10: float | None = None  # months after the training; None when that share never pays
    break_even_p50: float | None = None
    break_even_p90: float | None = None
    fan: tuple[tuple[float, ...], ...] = ()  # one row per FAN_PERCENTILES entry, one value per month
    npv_eur: FloatArray = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)
    break_even_stays: FloatArray = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)


def _stay_percentile(stays: FloatArray, q: float) -> float | None:
    """The q-th percentile of the break-even stays, counting "never" as longer than any stay."""
    value = float(np.percentile(np.where(np.isnan(stays), np.inf, stays), q, method="higher"))
    return None if np.isinf(value) else value


def simulate(
    s: Scenario,
    count: int = 10_000,
    seed: int = 2026,
    ranges: Mapping[str, Distribution] | None = None,
) -> Simulation:
    """Monte Carlo over the given ranges (default: :func:`default_ranges`).

    The chance that NPV > 0, the NPV's 10/50/90th percentiles, the distribution of the break-even
    stay and the fan of the cumulative discounted cash flow. Chunked, so memory stays flat.
    An invalid scenario raises :class:`~calculators.errors.ScenarioError`; fewer than one draw, ValueError.
    """
    validate(s)
    if count < 1:
        raise ValueError(f"at least one draw is needed, not {count}")
    drawn = draw(ranges or default_ranges(s), count, seed)
    npv_parts, fan_parts = [], []
    for chunk in _chunks(drawn):
        flows = _discounted_flows(s, chunk)
        npv_parts.append(np.sum(flows, axis=1))
        fan_parts.append(np.cumsum(flows, axis=1))
    npv = np.concatenate(npv_parts)
    cumulative = np.concatenate(fan_parts)
    fan = np.percentile(cumulative, FAN_PERCENTILES, axis=0)
    stays = batch_break_even_stay(s, drawn)
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    return Simulation(
        draws=count,
        chance_it_pays=float(np.mean(npv > 0)),
        p10_eur=float(p10),
        p50_eur=float(p50),
        p90_eur=float(p90),
        never_breaks_even=float(np.mean(np.isnan(stays))),
        break_even_p10=_stay_percentile(stays, 10),
        break_even_p50=_stay_percentile(stays, 50),
        break_even_p90=_stay_percentile(stays, 90),
        fan=tuple(tuple(float(v) for v in row) for row in fan),
        npv_eur=npv,
        break_even_stays=stays,
    )


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
    """A one-at-a-time sensitivity: each uncertain input at its low and high value, sorted by swing.

    An invalid scenario raises :class:`~calculators.errors.ScenarioError`.
    """
    validate(s)
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
