"""Many draws of the uncertain inputs at once: the chance that the training pays, and its range.

Notes
-----
The simulation is the one money model (:mod:`calculators.money.kernel`, docs/money-model.md) with
every uncertain input replaced by a column of N draws (:func:`calculators.money.model_inputs.with_draws`),
so one pass of numpy evaluates all draws (no Python loop per draw). With every draw equal to the
scenario's own value it gives exactly the deterministic NPV (tested).

Uncertain inputs and their default ranges: the productivity gain, the annual quit probability and
the training's effect on it, the yearly decay, the replacement cost of a leaver (their plausible
ranges in content/defaults.yaml, from the sources there) and a cost overrun on the direct costs
(0 to +30 %, a judgment: course prices quoted are rarely exceeded by more). Each is drawn from a
triangular distribution with the scenario's value as its mode — a common choice when only a range
and a most likely value are known (Forrester TEI's risk-adjustment convention; sources.yaml:
forrester_tei).

Besides the NPV, each draw gives its break-even stay (the shortest stay after the training for which
the training's value ``V(n)`` of docs/money-model.md §8 is at least zero, over the same arrays) and its
cumulative discounted cash flow per month, summarised as a fan of percentiles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from calculators.money import inputs as model_inputs
from calculators.money import kernel
from calculators.scenario.fields import field_spec
from calculators.scenario.io import validate
from calculators.scenario.model import Scenario

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


_CHUNK = 10_000  # draws per pass: memory stays flat (about 50 MB) however many draws there are


def _chunks(draws: Mapping[str, FloatArray]) -> list[dict[str, FloatArray]]:
    count = len(draws[UNCERTAIN[0]])
    return [
        {name: values[start : start + _CHUNK] for name, values in draws.items()}
        for start in range(0, count, _CHUNK)
    ]


def _figures(base: model_inputs.ModelInputs, draws: Mapping[str, FloatArray]) -> kernel.Figures:
    """The one money model (:mod:`calculators.money.kernel`) with the drawn columns put in."""
    return kernel.figures(model_inputs.with_draws(base, draws))


def batch_npv(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """NPV for every draw (docs/money-model.md §3–§8 over arrays: draws × months)."""
    base = model_inputs.inputs_for([s])
    parts = []
    for chunk in _chunks(draws):
        inputs = model_inputs.with_draws(base, chunk)
        parts.append(np.sum(inputs.discount * kernel.flows(inputs).net, axis=1))
    return np.asarray(np.concatenate(parts), dtype=np.float64)


def batch_break_even_stay(s: Scenario, draws: Mapping[str, FloatArray]) -> FloatArray:
    """Each draw's break-even stay in months after the training; NaN where it never pays.

    Notes
    -----
    The training's value if the employee leaves n months after it ends (month E), the one model's
    :func:`calculators.money.kernel.stay_values` over the draws (docs/money-model.md §8):

        V(n) = Σ_{k=1..n} d(E+k) × benefit(k) + [E + n ≥ Mv] × d(Mv) × avoided hiring cost
               + d(E+n) × share owed(n) × reclaimable costs − PV(training costs)

    with the drawn productivity gain and decay in ``benefit(k)`` and the drawn cost overrun on the
    direct costs (quit probabilities and replacement costs do not enter a stay of known length). The
    reclaimable costs are the covered lines × (1 + overrun) × the employer's own share
    ``max(0, 1 − S / T)`` with that draw's ``T`` (:func:`calculators.money.study_cost_clause.employer_share`).
    The break-even stay is the smallest n from which every stay pays
    (:func:`calculators.money.metrics.pays_from`).
    """
    base = model_inputs.inputs_for([s])
    parts = [_stays(_figures(base, chunk)) for chunk in _chunks(draws)]
    return np.asarray(np.concatenate(parts), dtype=np.float64)


def _stays(figures: kernel.Figures) -> FloatArray:
    stays = figures.break_even_stay
    return np.where(stays >= 0, stays.astype(np.float64), np.nan)


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
    base = model_inputs.inputs_for([s])
    npv_parts, fan_parts, stay_parts = [], [], []
    for chunk in _chunks(drawn):
        figures = _figures(base, chunk)  # one pass of the one model per chunk of draws
        npv_parts.append(figures.npv)
        fan_parts.append(figures.cumulative)
        stay_parts.append(_stays(figures))
    npv = np.concatenate(npv_parts)
    cumulative = np.concatenate(fan_parts)
    fan = np.percentile(cumulative, FAN_PERCENTILES, axis=0)
    stays = np.concatenate(stay_parts)
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
    npv_eur: float  # every input at the scenario's own value: where each bar starts

    @property
    def swing_eur(self) -> float:
        """How far the NPV moves over this input's range."""
        return abs(self.npv_at_high_eur - self.npv_at_low_eur)

    @property
    def change_at_low_eur(self) -> float:
        """The NPV at the low end minus the NPV at the scenario's values (a bar's length)."""
        return self.npv_at_low_eur - self.npv_eur

    @property
    def change_at_high_eur(self) -> float:
        """The NPV at the high end minus the NPV at the scenario's values."""
        return self.npv_at_high_eur - self.npv_eur


def tornado(s: Scenario, ranges: Mapping[str, Distribution] | None = None) -> tuple[TornadoBar, ...]:
    """A one-at-a-time sensitivity: each uncertain input at its low and high value, sorted by swing.

    An invalid scenario raises :class:`~calculators.errors.ScenarioError`.
    """
    validate(s)
    ranges = ranges or default_ranges(s)
    names = list(UNCERTAIN)
    rows = 2 * len(names) + 1  # the last row: every input at its own value (the mode)
    draws = {name: np.full(rows, ranges[name].mode) for name in names}
    for index, name in enumerate(names):
        draws[name][2 * index] = ranges[name].low
        draws[name][2 * index + 1] = ranges[name].high
    npv = batch_npv(s, draws)
    own = float(npv[-1])
    bars = [
        TornadoBar(name, ranges[name].low, ranges[name].high, float(npv[2 * i]), float(npv[2 * i + 1]), own)
        for i, name in enumerate(names)
    ]
    return tuple(sorted(bars, key=lambda bar: (-bar.swing_eur, bar.name)))
