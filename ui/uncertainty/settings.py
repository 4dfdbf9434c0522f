"""The uncertainty settings in the session: the number of runs and each uncertain input's range.

Pure (no Streamlit): every function takes the session state, and the keys are the session model's
(``ui.session.DRAWS_KEY``, ``ui.session.range_key``). The ranges are kept in percent, as the advisor
types them, and read back as fractions; the page is ui/uncertainty/view.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.money.monte_carlo import UNCERTAIN, allowed_limits, plausible_range
from ui.session import DRAWS_KEY, State, range_key

__all__ = [
    "DEFAULT_DRAWS",
    "DRAW_CHOICES",
    "changed_by_advisor",
    "chosen_draws",
    "chosen_ranges",
    "reset_settings",
    "seed_settings",
    "typed_range",
    "within",
]

DRAW_CHOICES = (1_000, 5_000, 10_000, 25_000, 50_000)
DEFAULT_DRAWS = 10_000


def _percent_value(fraction: float) -> float:
    return round(fraction * 100.0, 6)


def seed_settings(state: State) -> None:
    """Put the default ranges and run count in the session once (the widgets read them from there)."""
    state.setdefault(DRAWS_KEY, DEFAULT_DRAWS)
    for name in UNCERTAIN:
        low, high = plausible_range(name)
        state.setdefault(range_key(name, "low"), _percent_value(low))
        state.setdefault(range_key(name, "high"), _percent_value(high))


def reset_settings(state: State) -> None:
    """Every range and the run count back to the defaults."""
    state[DRAWS_KEY] = DEFAULT_DRAWS
    for name in UNCERTAIN:
        low, high = plausible_range(name)
        state[range_key(name, "low")] = _percent_value(low)
        state[range_key(name, "high")] = _percent_value(high)


def within(name: str, fraction: float) -> bool:
    """Whether ``fraction`` lies in the uncertain input's allowed range."""
    lowest, highest = allowed_limits(name)
    return lowest - 1e-12 <= fraction <= highest + 1e-12


def chosen_draws(state: Mapping[Any, Any]) -> int:
    """The number of runs in the session (the default when unset or not one of the choices)."""
    draws = state.get(DRAWS_KEY, DEFAULT_DRAWS)
    return int(draws) if draws in DRAW_CHOICES else DEFAULT_DRAWS


def typed_range(state: Mapping[Any, Any], name: str) -> list[Any]:
    """The (low, high) the advisor typed for ``name``, in percent, as the widgets hold them."""
    return [state.get(range_key(name, end)) for end in ("low", "high")]


def chosen_ranges(state: Mapping[Any, Any]) -> dict[str, tuple[float, float]]:
    """The ranges in the session, as fractions (those not set are left to the defaults). A range with
    an end outside its input's allowed range is not used: the settings say so by name (never a value
    quietly swapped for another)."""
    chosen = {}
    for name in UNCERTAIN:
        low, high = typed_range(state, name)
        if isinstance(low, int | float) and isinstance(high, int | float):
            pair = (float(low) / 100.0, float(high) / 100.0)
            if all(within(name, fraction) for fraction in pair):
                chosen[name] = pair
    return chosen


def changed_by_advisor(state: Mapping[Any, Any]) -> bool:
    """Whether any range in the session differs from its plausible default."""
    chosen = chosen_ranges(state)
    return any(
        abs(chosen[name][0] - low) > 1e-9 or abs(chosen[name][1] - high) > 1e-9
        for name, (low, high) in ((name, plausible_range(name)) for name in UNCERTAIN)
        if name in chosen
    )
