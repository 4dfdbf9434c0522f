"""What would have to be true: the value of one input at which the training just pays (NPV = 0).

Notes
-----
For one input ``x`` with the others held fixed, find ``x*`` with ``NPV(x*) = 0`` by a bracketing
root finder on the model itself (``calculators.money.evaluate.npv``), inside the input's allowed range.
NPV is monotone in each input solved for here: rising in the productivity gain and in an extra
subsidy, falling in the course fees; in the quit probability it falls whenever there is a benefit
to lose (the search checks the sign at both ends and reports no answer when there is no change of
sign).
Each answer carries its direction: ``at_least`` when values above ``x*`` pay (NPV rises through
zero), ``at_most`` when values below it do — read from the sign of NPV at the top of the searched
range, so a lever that works against intuition (a higher quit probability paying, because a clause
refunds more than the training yields) is still worded the right way round.
Used to answer "it does not pay — what would have to change?" honestly, with the user's numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from calculators.money.evaluate import npv
from calculators.scenario.fields import field_spec
from calculators.scenario.io import validate
from calculators.scenario.model import Scenario, Subsidy
from calculators.scenario.training_costs import time_costs

__all__ = ["Direction", "Lever", "Threshold", "threshold", "thresholds"]

_TOLERANCE_EUR = 0.005
_MAX_STEPS = 80


class Lever(StrEnum):
    """An input the user can ask "what would it have to be?" about."""

    PRODUCTIVITY_GAIN = "benefits.productivity_gain"
    COURSE_FEES = "training.course_fees_eur"
    QUIT_PROBABILITY = "retention.annual_quit_probability"
    EXTRA_SUBSIDY = "training.subsidies.amount_eur"


class Direction(StrEnum):
    """Which side of the break-even value pays."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True, slots=True)
class Threshold:
    """The break-even value of one lever: ``needed`` is None when no allowed value makes it pay.

    ``direction`` says which side pays (None together with ``needed``)."""

    lever: Lever
    current: float
    needed: float | None
    direction: Direction | None = None

    @property
    def already_met(self) -> bool:
        """True when the current value already lies on the paying side (nothing would have to change).

        >>> Threshold(Lever.QUIT_PROBABILITY, 0.11, 0.482, Direction.AT_LEAST).already_met
        False
        >>> Threshold(Lever.QUIT_PROBABILITY, 0.11, 0.482, Direction.AT_MOST).already_met
        True
        """
        if self.needed is None or self.direction is None:
            return False
        if self.direction is Direction.AT_LEAST:
            return self.current >= self.needed
        return self.current <= self.needed


def _with_gain(s: Scenario, x: float) -> Scenario:
    return replace(s, benefits=replace(s.benefits, productivity_gain=x))


def _with_fees(s: Scenario, x: float) -> Scenario:
    return replace(s, training=replace(s.training, course_fees_eur=x))


def _with_quit(s: Scenario, x: float) -> Scenario:
    return replace(s, retention=replace(s.retention, annual_quit_probability=x))


def _with_subsidy(s: Scenario, x: float) -> Scenario:
    extra = Subsidy(name="", amount_eur=x, month=s.training.start_month)
    return replace(s, training=replace(s.training, subsidies=(*s.training.subsidies, extra)))


def _search(
    value: Callable[[float], float], low: float, high: float
) -> tuple[float | None, Direction | None]:
    """The root of ``value`` on [low, high] and the side that pays (NPV > 0 at ``high``: at least);
    nothing when no end pays (NPV flat at zero, or negative throughout)."""
    root = _bisect(value, low, high)
    if root is None:
        return None, None
    if value(high) > _TOLERANCE_EUR:
        return root, Direction.AT_LEAST
    if value(low) > _TOLERANCE_EUR:
        return root, Direction.AT_MOST
    return None, None


def _bisect(value: Callable[[float], float], low: float, high: float) -> float | None:
    """The root of a monotone ``value`` (an NPV) on [low, high], or None when it has the same sign at
    both ends.

    Regula falsi with the Illinois modification (Dowell & Jarratt, BIT 11, 1971): as safe as
    bisection — the root stays bracketed — but exact in one step when NPV is linear in the input
    (the gain, the fees, a subsidy) and fast when it is smooth (the quit probability).
    """
    f_low, f_high = value(low), value(high)
    if abs(f_low) <= _TOLERANCE_EUR:
        return low
    if abs(f_high) <= _TOLERANCE_EUR:
        return high
    if (f_low > 0) == (f_high > 0):
        return None
    side = 0
    for _ in range(_MAX_STEPS):
        guess = (low * f_high - high * f_low) / (f_high - f_low)
        if not low < guess < high:  # rounding at the ends: fall back to halving
            guess = (low + high) / 2
        f_guess = value(guess)
        if abs(f_guess) <= _TOLERANCE_EUR or high - low < 1e-12:
            return guess
        if (f_guess > 0) == (f_high > 0):
            high, f_high = guess, f_guess
            if side == -1:
                f_low /= 2
            side = -1
        else:
            low, f_low = guess, f_guess
            if side == 1:
                f_high /= 2
            side = 1
    return (low + high) / 2


def threshold(scenario: Scenario, lever: Lever) -> Threshold:
    """The value of ``lever`` at which NPV = 0, within the lever's allowed range.

    >>> from calculators.money.evaluate import evaluate
    >>> from calculators.scenario.io import scenario_from_dict
    >>> s = scenario_from_dict({"retention": {"quit_probability_change": 0}})
    >>> t = threshold(s, Lever.PRODUCTIVITY_GAIN)
    >>> abs(evaluate(_with_gain(s, t.needed)).npv_eur) < 0.01
    True

    An invalid scenario raises :class:`~calculators.errors.ScenarioError` (even when the invalid field
    is the lever itself, which the search would otherwise overwrite).
    """
    s = validate(scenario)
    if lever is Lever.PRODUCTIVITY_GAIN:
        spec = field_spec(lever.value)
        low, high = float(spec.minimum or 0), float(spec.maximum or 0)
        needed, direction = _search(lambda x: npv(_with_gain(s, x)), low, high)
        return Threshold(lever, s.benefits.productivity_gain, needed, direction)
    if lever is Lever.COURSE_FEES:
        spec = field_spec(lever.value)
        low, high = float(spec.minimum or 0), float(spec.maximum or 0)
        # fees can't fall below what subsidies already cover: the model refuses subsidies above costs
        floor = max(
            low,
            s.training.subsidies_eur
            - s.training.materials_exam_eur
            - s.training.travel_eur
            - time_costs(s.training, s.employee).total_eur,
        )
        needed, direction = _search(lambda x: npv(_with_fees(s, x)), floor, high)
        return Threshold(lever, s.training.course_fees_eur, needed, direction)
    if lever is Lever.QUIT_PROBABILITY:
        change = s.retention.quit_probability_change
        low = max(0.0, -change)
        high = min(0.95, 0.95 - change)
        needed, direction = _search(lambda x: npv(_with_quit(s, x)), low, high)
        return Threshold(lever, s.retention.annual_quit_probability, needed, direction)
    room = (
        s.training.direct_costs_eur + time_costs(s.training, s.employee).total_eur - s.training.subsidies_eur
    )
    room = min(room, float(field_spec("training.subsidies.amount_eur").maximum or 0))  # one item's maximum
    if len(s.training.subsidies) >= (field_spec("training.subsidies").max_items or 0) or room <= 0:
        return Threshold(lever, 0.0, None)
    needed, direction = _search(lambda x: npv(_with_subsidy(s, x)), 0.0, room)
    return Threshold(lever, 0.0, needed, direction)


def thresholds(scenario: Scenario, levers: tuple[Lever, ...] = tuple(Lever)) -> tuple[Threshold, ...]:
    """:func:`threshold` for several levers."""
    return tuple(threshold(scenario, lever) for lever in levers)
