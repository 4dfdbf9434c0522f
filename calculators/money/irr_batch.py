"""The internal rate of return of many cash-flow series at once (for Monte Carlo and team runs).

Notes
-----
The IRR ``r`` of flows ``f_0 … f_{T−1}`` solves ``Σ f_t (1 + r)^−t = 0``; with ``x = 1/(1 + r)`` it is a
positive root of the polynomial ``p(x) = Σ f_t x^t`` (numpy-financial ``irr``, Gitman 2003). By
Descartes' rule of signs a series whose non-zero flows change sign exactly once has exactly one
positive root, so its IRR is unique; that is the case for a training: costs first, returns later.
Those series are solved together, as arrays: the root is bracketed between a point below it and a
point above it (sign of the first and of the last non-zero flow), then refined by Newton steps on
``p`` evaluated with Horner's rule, falling back to bisection whenever a step leaves the bracket
(a safeguarded Newton method, as in Numerical Recipes' ``rtsafe``). A series that never changes sign
has no IRR (NaN). A series with several sign changes may have several rates; for those (rare) the
function defers to ``numpy_financial.irr``, which picks the root closest to zero, so the answers
agree everywhere.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import numpy_financial as npf

__all__ = ["irr_batch"]

FloatArray = npt.NDArray[np.float64]
_STEPS = 60


def _sign_changes(flows: FloatArray) -> npt.NDArray[np.int64]:
    signs = np.sign(flows)
    changes = np.zeros(flows.shape[0], dtype=np.int64)
    last = np.zeros(flows.shape[0])
    for t in range(flows.shape[1]):
        current = signs[:, t]
        changes += (current != 0) & (last != 0) & (current != last)
        last = np.where(current != 0, current, last)
    return changes


def _horner(flows: FloatArray, x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """p(x) and p'(x) for every row at once."""
    value = np.zeros(flows.shape[0])
    slope = np.zeros(flows.shape[0])
    for t in range(flows.shape[1] - 1, -1, -1):
        slope = slope * x + value
        value = value * x + flows[:, t]
    return value, slope


def _without_leading_zeros(flows: FloatArray) -> FloatArray:
    """Each row moved left so that its first non-zero flow comes first (zeros fill the end).

    Leading zeros make ``x = 0`` a multiple root of ``p(x) = x^k q(x)``, which does not change the
    positive root but slows Newton's method near it to a crawl; ``q`` has the same positive root.
    """
    lead = (flows != 0).argmax(axis=1)
    if not lead.any():
        return flows
    width = flows.shape[1]
    columns = np.arange(width)[None, :] + lead[:, None]
    shifted = np.take_along_axis(flows, np.minimum(columns, width - 1), axis=1)
    return np.where(columns < width, shifted, 0.0)


def irr_batch(flows: npt.ArrayLike) -> FloatArray:
    """Monthly IRR per row of ``flows`` (N × T); NaN where there is none.

    >>> round(float(irr_batch([[-1000.0] + [0.0] * 11 + [1100.0]])[0]), 9)  # 1.1 ** (1 / 12) - 1
    0.00797414
    >>> bool(np.isnan(irr_batch([[-5.0, -5.0, 0.0]])[0]))
    True

    Raises ValueError unless ``flows`` is one series or a table of series of finite numbers.
    """
    data = np.atleast_2d(np.asarray(flows, dtype=np.float64))
    if data.ndim != 2 or not np.all(np.isfinite(data)):
        raise ValueError("cash flows must be a table (series × months) of finite numbers")
    result = np.full(data.shape[0], np.nan)
    changes = _sign_changes(data)
    for row in np.flatnonzero(changes > 1):  # several possible rates: numpy-financial's choice
        try:  # floating-point trouble on extreme flows ends in a rate that is not finite: no rate
            with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
                rate = float(npf.irr(data[row]))
        except np.linalg.LinAlgError:  # its polynomial solver overflowed (flows near 1e-300): no rate
            rate = math.nan
        result[row] = rate if math.isfinite(rate) else np.nan
    single = np.flatnonzero(changes == 1)
    if single.size == 0:
        return result
    f = _without_leading_zeros(data[single])
    first = f[:, 0]
    # p(x) has the sign of the first non-zero flow near x = 0 (x = 1e-9 is a monthly rate of 10^9,
    # beyond any meaningful return) …
    low = np.full(f.shape[0], 1e-9)
    high = np.full(f.shape[0], 1.0)  # … and of the last one for large x: widen until it does
    for _ in range(200):
        value, _slope = _horner(f, high)
        open_ = np.sign(value) == np.sign(first)
        if not open_.any():
            break
        high = np.where(open_, high * 2.0, high)
    x = (low + high) / 2
    for _ in range(_STEPS):
        value, slope = _horner(f, x)
        below = np.sign(value) == np.sign(first)  # the root lies above x
        low = np.where(below, x, low)
        high = np.where(below, high, x)
        # a flat or huge slope gives an infinite or undefined step: not finite, so bisection instead
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton = x - value / slope
        inside = np.isfinite(newton) & (newton > low) & (newton < high)
        x_next = np.where(inside, newton, (low + high) / 2)
        if np.all(np.abs(x_next - x) <= 1e-15 * np.maximum(1.0, x)):
            x = x_next
            break
        x = x_next
    result[single] = 1.0 / x - 1.0
    return result
