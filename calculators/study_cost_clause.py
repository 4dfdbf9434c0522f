"""The study-cost clause (studiekostenbeding): what a leaver still owes.

Notes
-----
Allowed only for training that the law or the cao does not require; for required training the
clause is void (art. 7:611a lid 4 BW since 1 Aug 2022; sources.yaml: thuispartners_611a,
nysingh_wtva) — :func:`calculators.scenario_io.validate` refuses it. A valid clause is agreed in
writing beforehand and slides down to 0 % (rensen_glijdende_schaal; typical scales in
zelfrechtzaam_schaal and jurop_automonteurs). It covers direct costs, never wages.

With ``k = m − E`` months since the training ended (E its last month) and period ``N``:
leaving during the training (k ≤ 0) owes 100 % (leaving before it starts owes nothing: the cash-flow
model counts recoveries from the start month on); ``linear`` owes ``max(0, 1 − k/N)``;
``yearly_steps`` (Y = N/12 years) owes ``max(0, 1 − floor((k − 1)/12)/Y)``
(docs/money-model.md §7).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from calculators.errors import Allowed, ScenarioError
from calculators.fields import field_spec
from calculators.scenario import ClauseCost, RepaymentScale, StudyCostClause, Training

__all__ = ["covered_costs", "share_owed"]


def share_owed(clause: StudyCostClause, months_since_end: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Share of the covered costs owed when leaving ``k`` months after the training ended.

    >>> from calculators.scenario import StudyCostClause, RepaymentScale
    >>> linear = StudyCostClause(True, 24, RepaymentScale.LINEAR, ())
    >>> share_owed(linear, np.array([-1, 0, 6, 24, 30])).tolist()
    [1.0, 1.0, 0.75, 0.0, 0.0]
    >>> steps = StudyCostClause(True, 36, RepaymentScale.YEARLY_STEPS, ())
    >>> share_owed(steps, np.array([1, 12, 13, 25, 36, 37])).round(4).tolist()
    [1.0, 1.0, 0.6667, 0.3333, 0.3333, 0.0]

    A repayment period outside its allowed range raises :class:`~calculators.errors.ScenarioError`.
    """
    spec = field_spec("retention.study_cost_clause.repayment_months")
    if not (spec.minimum or 0) <= clause.repayment_months <= (spec.maximum or 0):
        raise ScenarioError(
            "retention.study_cost_clause.repayment_months",
            clause.repayment_months,
            "out_of_range",
            Allowed(spec.minimum, spec.maximum),
        )
    k = months_since_end.astype(np.float64)
    n = float(clause.repayment_months)
    if clause.scale is RepaymentScale.LINEAR:
        owed = 1.0 - k / n
    else:
        owed = 1.0 - np.floor((k - 1.0) / 12.0) / (n / 12.0)
    return np.asarray(np.where(k <= 0, 1.0, np.clip(owed, 0.0, 1.0)), dtype=np.float64)


def covered_costs(clause: StudyCostClause, training: Training) -> float:
    """The direct costs the clause lets the employer reclaim in full (0 when it is off).

    >>> from calculators.scenario_io import scenario_from_dict
    >>> s = scenario_from_dict({"training": {"course_fees_eur": 900, "travel_eur": 50},
    ...     "retention": {"study_cost_clause": {"enabled": True, "covers": ["course_fees"]}}})
    >>> covered_costs(s.retention.study_cost_clause, s.training)
    900.0
    """
    if not clause.enabled:
        return 0.0
    amounts = {
        ClauseCost.COURSE_FEES: training.course_fees_eur,
        ClauseCost.MATERIALS_EXAM: training.materials_exam_eur,
        ClauseCost.TRAVEL: training.travel_eur,
    }
    return float(sum(amounts[item] for item in clause.covers))
