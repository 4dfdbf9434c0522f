"""Wage arithmetic: what an hour and a month of this employee cost and yield.

Notes
-----
Loaded monthly wage cost ``Wm = gross × (1 + holiday allowance) × (1 + employer on-cost)``;
contract hours per month ``Hm = hours per week × 52 / 12``; loaded hourly wage ``w = Wm / Hm``
(docs/money-model.md §2). The on-cost default (30 %) is a practitioner rule of thumb
(sources.yaml: practitioner_oncost); holiday allowance 8 % (ontslagvergoeding_108).
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import numpy.typing as npt

from calculators.scenario.model import Employee

__all__ = [
    "annual_salary",
    "annual_salary_of",
    "contract_hours_per_month",
    "hourly_wage_of",
    "loaded_hourly_wage",
    "loaded_monthly_wage",
    "monthly_wage_of",
]

# a float for one employee, an array for many (the money kernel's columns): the same formula
Amount = TypeVar("Amount", float, npt.NDArray[np.float64])

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12


def monthly_wage_of(gross: Amount, holiday: Amount, oncost: Amount) -> Amount:
    """``Wm = gross × (1 + holiday allowance) × (1 + employer on-cost)`` (scalars or arrays).

    >>> round(monthly_wage_of(2800.0, 0.08, 0.30), 2)
    3931.2
    """
    return gross * (1 + holiday) * (1 + oncost)


def hourly_wage_of(monthly_wage: Amount, hours_per_week: Amount) -> Amount:
    """``w = Wm / (hours per week × 52 / 12)`` (scalars or arrays).

    >>> round(hourly_wage_of(3931.2, 38.0), 4)
    23.8737
    """
    return monthly_wage / (hours_per_week * WEEKS_PER_YEAR / MONTHS_PER_YEAR)


def annual_salary_of(gross: Amount, holiday: Amount) -> Amount:
    """``A = 12 × gross × (1 + holiday allowance)`` (scalars or arrays).

    >>> round(annual_salary_of(2800.0, 0.08), 2)
    36288.0
    """
    return MONTHS_PER_YEAR * gross * (1 + holiday)


def loaded_monthly_wage(employee: Employee) -> float:
    """Gross monthly salary with holiday allowance and employer charges.

    >>> from calculators.scenario.io import default_scenario
    >>> round(loaded_monthly_wage(default_scenario().employee), 2)  # 2800 × 1.08 × 1.30
    3931.2
    """
    return monthly_wage_of(
        employee.gross_monthly_salary_eur, employee.holiday_allowance_rate, employee.employer_oncost_rate
    )


def contract_hours_per_month(employee: Employee) -> float:
    """Average contract hours in a month: hours per week × 52 / 12.

    >>> from calculators.scenario.io import default_scenario
    >>> round(contract_hours_per_month(default_scenario().employee), 4)  # 38 × 52 / 12
    164.6667
    """
    return employee.hours_per_week * WEEKS_PER_YEAR / MONTHS_PER_YEAR


def loaded_hourly_wage(employee: Employee) -> float:
    """Loaded monthly wage ÷ contract hours per month.

    >>> from calculators.scenario.io import default_scenario
    >>> round(loaded_hourly_wage(default_scenario().employee), 4)  # 3931.2 / 164.6667
    23.8737
    """
    return hourly_wage_of(loaded_monthly_wage(employee), employee.hours_per_week)


def annual_salary(employee: Employee) -> float:
    """Annual gross salary including holiday allowance: 12 × gross × (1 + holiday allowance).

    This is the base for the replacement cost of a leaver (Boushey & Glynn express it as a share
    of annual salary; sources.yaml: boushey_glynn_2012).

    >>> from calculators.scenario.io import default_scenario
    >>> round(annual_salary(default_scenario().employee), 2)  # 12 × 2800 × 1.08
    36288.0
    """
    return annual_salary_of(employee.gross_monthly_salary_eur, employee.holiday_allowance_rate)
