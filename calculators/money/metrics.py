"""Decision figures from monthly flows: IRR, payback and the break-even rule (plain arrays).

The values ``V(n)`` themselves come from the one money model (:func:`calculators.money.kernel.stay_values`).

Notes
-----
- IRR: the monthly rate ``x`` with ``Σ net(m) (1 + x)^−(m−1) = 0`` (numpy-financial ``irr``),
  annualised as ``(1 + x)^12 − 1``. numpy-financial returns nan when no real solution exists;
  that becomes ``None``, as does a series whose first non-zero flow is positive (money in before
  money out: a rate of return has no meaning there).
- Payback month: the first month from the training's start at which the cumulative discounted
  net flow is ≥ 0 (Phillips' payback period, discounted; sources.yaml: phillips_principles).
- Break-even stay (docs/money-model.md §8): if the employee stays exactly ``n`` months after the
  training ends and then leaves, the training is worth
  ``V(n) = Σ_{k=1..n} d(E+k) b(k) + vacancy(if M_v ≤ E+n) + d(E+n) owed(n) C_cl − PV(training costs)``
  with ``b(k)`` the certain monthly benefit and ``C_cl`` what the clause can reclaim: its covered
  lines × the employer's own share after subsidies
  (:func:`calculators.money.study_cost_clause.reclaimable_costs`); the break-even stay is the smallest
  ``n`` with ``V(n) ≥ 0`` and the worst case is ``V(0)``. This answers "how long must they stay?" (the
  dissolution-risk view of BIBB; sources.yaml: bibb_cost_benefit).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import numpy_financial as npf

__all__ = ["break_even_stay", "irr_annual", "payback_month", "pays_from"]

FloatArray = npt.NDArray[np.float64]


def irr_annual(net: FloatArray) -> float | None:
    """Annualised internal rate of return of monthly flows, or None when there is none.

    >>> round(irr_annual(np.array([-1000.0] + [0.0] * 11 + [1100.0])) or 0, 9)  # 10 % back after a year
    0.1
    >>> irr_annual(np.array([-100.0, -50.0])) is None
    True
    >>> irr_annual(np.array([0.0, 500.0, -600.0, 200.0])) is None  # subsidy before the course
    True
    """
    net = np.where(np.abs(net) < 1e-9, 0.0, net)  # below a billionth of a cent is rounding noise
    if not (np.any(net > 0) and np.any(net < 0)):
        return None  # without both signs no rate can make the sum zero
    if net[np.flatnonzero(net)[0]] > 0:
        return None
    try:
        monthly = float(npf.irr(net))
    except (np.linalg.LinAlgError, FloatingPointError, ValueError):
        return None  # numpy-financial's polynomial solver gave up: no usable rate
    if math.isnan(monthly) or monthly <= -1.0:
        return None
    annual = (1.0 + monthly) ** 12 - 1.0
    return annual if math.isfinite(annual) else None


def payback_month(cumulative_discounted: FloatArray, start_month: int) -> int | None:
    """First month from ``start_month`` with a cumulative discounted result ≥ 0.

    >>> payback_month(np.array([0.0, -500.0, -200.0, 50.0]), 2)
    4
    >>> payback_month(np.array([-5.0, -1.0]), 1) is None
    True
    """
    later = cumulative_discounted[start_month - 1 :]
    hits = np.flatnonzero(later >= -1e-9)
    return int(hits[0]) + start_month if hits.size else None


def pays_from(values: FloatArray, valid: npt.NDArray[np.bool_] | None = None) -> npt.NDArray[np.bool_]:
    """Along the last axis: True at ``n`` when every stay of ``n`` months or longer pays, ``V(m) ≥ 0``
    for all valid ``m ≥ n`` (columns that are not ``valid`` do not count). So "if the employee stays
    at least n months, it pays" holds for every later month too, also when V dips again (a clause
    refund sliding down faster than the training earns).

    >>> pays_from(np.array([10.0, -5.0, 3.0, 8.0])).tolist()
    [False, False, True, True]
    """
    ok = values >= -1e-9
    if valid is not None:
        ok = ok | ~valid
    from_here = np.flip(np.logical_and.accumulate(np.flip(ok, axis=-1), axis=-1), axis=-1)
    return from_here if valid is None else from_here & valid


def break_even_stay(values: FloatArray) -> int | None:
    """Smallest ``n`` from which every stay pays (:func:`pays_from`), or None when there is none.

    >>> break_even_stay(np.array([-300.0, -100.0, 20.0, 90.0]))
    2
    >>> break_even_stay(np.array([50.0, -10.0, 5.0]))  # leaving at once pays, staying one month not
    2
    """
    hits = np.flatnonzero(pays_from(values))
    return int(hits[0]) if hits.size else None
