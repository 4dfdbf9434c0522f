"""Who stays: monthly hazards, survival and leaving probabilities.

Notes
-----
An annual quit probability ``q`` becomes a constant monthly hazard ``h = 1 − (1 − q)^(1/12)``.
``S(1) = 1`` and ``S(m+1) = S(m)(1 − h(m))`` is the chance the employee is still there in month
``m``; ``L(m) = S(m) h(m)`` the chance they leave at the end of month ``m``
(docs/money-model.md §4). Baseline 11 % a year for staff with two or more years of service
(sources.yaml: cbs_2022_job_changers); training binds staff on average (dietz_zwick_2022).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["hazard", "leaving_probabilities", "monthly_hazard", "survival"]

FloatArray = npt.NDArray[np.float64]


def hazard(annual_probability: FloatArray | float) -> FloatArray:
    """``h = 1 − (1 − q)^(1/12)`` for a scalar or any array of annual probabilities.

    >>> hazard(np.array([[0.0], [1 - 0.5**12]])).round(12).tolist()
    [[0.0], [0.5]]
    """
    return np.asarray(1.0 - np.power(1.0 - np.asarray(annual_probability, dtype=np.float64), 1.0 / 12.0))


def monthly_hazard(annual_probability: float) -> float:
    """Monthly hazard with the same chance of leaving over a year.

    >>> round(monthly_hazard(1 - 0.5**12), 12)  # a year of monthly halvings
    0.5
    >>> round(1 - (1 - monthly_hazard(0.19)) ** 12, 12)
    0.19
    """
    return float(hazard(annual_probability))


def survival(hazards: FloatArray) -> FloatArray:
    """Chance of still being employed in each month, given the monthly hazards (along the last axis,
    so one row of months or rows × months alike).

    >>> survival(np.array([0.5, 0.5, 0.5])).tolist()
    [1.0, 0.5, 0.25]
    >>> survival(np.array([[0.5, 0.5], [0.0, 0.0]])).tolist()
    [[1.0, 0.5], [1.0, 1.0]]
    """
    ones = np.ones((*hazards.shape[:-1], 1))
    staying = np.concatenate((ones, np.cumprod(1.0 - hazards[..., :-1], axis=-1)), axis=-1)
    return np.asarray(staying, dtype=np.float64)


def leaving_probabilities(hazards: FloatArray) -> FloatArray:
    """Chance of leaving at the end of each month: ``S(m) h(m)``.

    >>> leaving_probabilities(np.array([0.5, 0.5, 0.5])).tolist()
    [0.5, 0.25, 0.125]
    """
    return survival(hazards) * hazards
