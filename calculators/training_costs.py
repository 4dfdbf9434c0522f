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

from calculators.scenario import Employee, Training, TrainingKind
from calculators.wages import loaded_hourly_wage

__all__ = ["TimeCosts", "time_costs"]


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


def time_costs(training: Training, employee: Employee) -> TimeCosts:
    """Wage cost and lost output (or backfill) of all training hours.

    >>> from calculators.scenario_io import default_scenario
    >>> s = default_scenario()
    >>> round(time_costs(s.training, s.employee).wage_cost_eur, 2)  # 24 h × 23.8737
    572.97
    """
    wage = loaded_hourly_wage(employee)
    inside = training.hours * training.share_in_working_time
    outside = training.hours - inside
    paid_outside = outside if training.kind is TrainingKind.MANDATORY else 0.0
    if training.backfill_hourly_cost_eur > 0:
        lost = inside * (training.backfill_hourly_cost_eur - wage)
    else:
        lost = inside * wage * (employee.output_value_ratio - 1)
    return TimeCosts(
        hours_in_working_time=inside,
        paid_hours_outside_working_time=paid_outside,
        wage_cost_eur=(inside + paid_outside) * wage,
        lost_output_eur=lost,
    )
