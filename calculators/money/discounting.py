"""Discounting monthly cash flows.

Notes
-----
Monthly rate from an annual rate ``r``: ``r_m = (1 + r)^(1/12) − 1``, the rate that compounds to
``r`` over twelve months. Month ``m`` (1-based) is discounted by ``d(m) = (1 + r_m)^−(m−1)``:
month 1 is "now", as in ``numpy_financial.npv`` (docs/money-model.md §1). The default annual rate
of 6 % sits between the Dutch public standard rate (2.25 % real; sources.yaml:
werkgroep_discontovoet_2020) and a small firm's cost of capital.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["discount_factors", "monthly_rate"]


def monthly_rate(annual_rate: float) -> float:
    """The monthly rate equivalent to an annual rate.

    >>> round(monthly_rate(0.12), 8)
    0.00948879
    """
    return float((1.0 + annual_rate) ** (1.0 / 12.0) - 1.0)


def discount_factors(annual_rate: float, horizon_months: int) -> npt.NDArray[np.float64]:
    """``d(m)`` for m = 1 … horizon.

    >>> discount_factors(0.21, 13)[[0, 12]].round(6).tolist()  # month 13 is one year after month 1
    [1.0, 0.826446]
    """
    months = np.arange(horizon_months, dtype=np.float64)
    return np.asarray((1.0 + monthly_rate(annual_rate)) ** -months, dtype=np.float64)
