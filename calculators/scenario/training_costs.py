"""What the training itself costs: direct costs and the time spent on it.

Notes
-----
docs/money-model.md §3. Hours are spread evenly over the training months. For hours inside
working time the employer pays the wage ``w`` and gets no work: the wage line is ``Tin × w``.
On top of that, either the output above the wage is lost, ``Tin × w × (ratio − 1)``, or — when
cover is hired at ``b`` per hour — the work gets done and the extra cost is ``Tin × (b − w)``;
so the two lines together are the real cost of an hour away (Phillips, "fully load all costs";
sources.yaml: phillips_principles). Training required by law or cao counts as working time even
outside normal hours (art. 7:611a BW since 1 Aug 2022; sources.yaml: finami_611a), so those hours
are paid too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from calculators.scenario.model import Employee, Training, TrainingKind
from calculators.scenario.wages import loaded_hourly_wage

__all__ = ["TimeCosts", "hour_costs", "time_costs"]

Amount = TypeVar("Amount", float, npt.NDArray[np.float64])


@dataclass(frozen=True, slots=True)
class TimeCosts:
    """Costs of the training hours over the whole training (not per month)."""

    hours_in_working_time: float
    paid_hours_outside_working_time: float
    wage_cost_eur: float
    lost_output_eur: float

    @property
    def total_eur(self) -> float:
        """Wage cost plus lost output (or backfill)."""
        return self.wage_cost_eur + self.lost_output_eur


def hour_costs(
    hours: Amount,
    share_inside: Amount,
    mandatory: bool | npt.NDArray[np.bool_],
    backfill: Amount,
    hourly_wage: Amount,
    output_ratio: Amount,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The wage cost and the lost output (or cover) of all training hours, for scalars or arrays.

    ``Tin = T × share``; required training pays the hours outside working time too (7:611a lid 3 BW);
    wage ``(Tin + Tout_paid) × w``; lost output ``Tin × w × (ratio − 1)``, or with cover at ``b`` an hour
    ``Tin × (b − w)`` (docs/money-model.md §3).

    >>> [round(float(x), 2) for x in hour_costs(24.0, 1.0, False, 0.0, 23.8737, 1.0)]  # 24 h × w, no loss
    [572.97, 0.0]
    >>> [round(float(x), 2) for x in hour_costs(10.0, 0.5, True, 30.0, 20.0, 1.2)]  # 10 h × 20; 5 × (30 − 20)
    [200.0, 50.0]
    """
    inside = hours * share_inside
    paid_outside = np.where(mandatory, hours - inside, 0.0)
    lost = np.where(
        np.asarray(backfill) > 0, inside * (backfill - hourly_wage), inside * hourly_wage * (output_ratio - 1)
    )
    return np.asarray((inside + paid_outside) * hourly_wage, dtype=np.float64), np.asarray(
        lost, dtype=np.float64
    )


def time_costs(training: Training, employee: Employee) -> TimeCosts:
    """Wage cost and lost output (or backfill) of all training hours.

    >>> from calculators.scenario.io import default_scenario
    >>> s = default_scenario()
    >>> round(time_costs(s.training, s.employee).wage_cost_eur, 2)  # 24 h × 23.8737
    572.97
    """
    mandatory = training.kind is TrainingKind.MANDATORY
    inside = training.hours * training.share_in_working_time
    wage, lost = hour_costs(
        training.hours,
        training.share_in_working_time,
        mandatory,
        training.backfill_hourly_cost_eur,
        loaded_hourly_wage(employee),
        employee.output_value_ratio,
    )
    return TimeCosts(
        hours_in_working_time=inside,
        paid_hours_outside_working_time=training.hours - inside if mandatory else 0.0,
        wage_cost_eur=float(wage),
        lost_output_eur=float(lost),
    )
