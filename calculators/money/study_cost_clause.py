"""The study-cost clause (studiekostenbeding): what a leaver still owes.

Notes
-----
Allowed only for training that the law or the cao does not require; for required training the
clause is void (art. 7:611a lid 4 BW since 1 Aug 2022; sources.yaml: thuispartners_611a,
nysingh_wtva) — :func:`calculators.scenario.io.validate` refuses it. A valid clause is agreed in
writing beforehand and slides down to 0 % (rensen_glijdende_schaal; typical scales in
zelfrechtzaam_schaal and jurop_automonteurs). It covers direct costs, never wages.

With ``k = m − E`` months since the training ended (E its last month) and period ``N``:
leaving during the training (k ≤ 0) owes 100 % (leaving before it starts owes nothing: the cash-flow
model counts recoveries from the start month on); ``linear`` owes ``max(0, 1 − k/N)``;
``yearly_steps`` (Y = N/12 years) owes ``max(0, 1 − floor((k − 1)/12)/Y)``
(docs/money-model.md §7).

The clause can only reclaim costs the employer bore itself, not what a subsidy or a training fund
paid (docs/dutch-rules §0, "Study-cost clause"): :func:`reclaimable_costs` is the one place that
rule is written; every model (single case, simulation, team) uses it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from calculators.errors import Allowed, ScenarioError
from calculators.scenario.fields import field_spec
from calculators.scenario.model import ClauseCost, Employee, RepaymentScale, StudyCostClause, Training
from calculators.scenario.training_costs import time_costs

__all__ = [
    "covered_costs",
    "employer_share",
    "owed_share",
    "reclaimable_costs",
    "reclaimable_costs_scaled",
    "share_owed",
]

FloatArray = npt.NDArray[np.float64]


def share_owed(clause: StudyCostClause, months_since_end: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Share of the covered costs owed when leaving ``k`` months after the training ended.

    >>> from calculators.scenario.model import StudyCostClause, RepaymentScale
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
    return owed_share(
        months_since_end.astype(np.float64),
        np.float64(clause.repayment_months),
        np.bool_(clause.scale is RepaymentScale.YEARLY_STEPS),
    )


def owed_share(
    months_since_end: FloatArray,
    repayment_months: FloatArray | np.float64,
    yearly: npt.NDArray[np.bool_] | np.bool_,
) -> FloatArray:
    """The sliding scale for scalars or arrays (the money kernel's columns): 1 for k ≤ 0, then
    ``max(0, 1 − k/N)`` (linear) or ``max(0, 1 − floor((k − 1)/12)/(N/12))`` (yearly steps).

    >>> owed_share(np.array([[6.0, 13.0]]), np.array([[24.0]]), np.array([[True]])).round(4).tolist()
    [[1.0, 0.5]]
    """
    k = months_since_end
    n = np.where(repayment_months > 0, repayment_months, 1.0)  # a clause that is off has no period
    linear = 1.0 - k / n
    steps = 1.0 - np.floor((k - 1.0) / 12.0) / (n / 12.0)
    owed = np.where(yearly, steps, linear)
    return np.asarray(np.where(k <= 0, 1.0, np.clip(owed, 0.0, 1.0)), dtype=np.float64)


def covered_costs(clause: StudyCostClause, training: Training) -> float:
    """The direct cost lines the clause names, gross (0 when it is off); what it may reclaim is
    :func:`reclaimable_costs`.

    >>> from calculators.scenario.io import scenario_from_dict
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


def employer_share(
    subsidies_eur: float | FloatArray,
    direct_costs_eur: float | FloatArray,
    time_costs_eur: float | FloatArray,
) -> FloatArray:
    """The employer's own share of the training's costs, after subsidies and fund contributions.

    Parameters
    ----------
    subsidies_eur : float or array
        ``S``: all subsidies and fund contributions together (``Training.subsidies_eur``).
    direct_costs_eur : float or array
        Course fees + materials and exam + travel (in the simulation: scaled by the drawn overrun).
    time_costs_eur : float or array
        Wage cost and lost output (or backfill) of the training hours
        (:func:`calculators.scenario.training_costs.time_costs` ``.total_eur``).

    Returns
    -------
    ndarray
        ``max(0, 1 − S / T)`` with ``T`` = direct costs + time costs, elementwise; 1 without subsidies.

    Notes
    -----
    A study-cost clause can only reclaim costs the employer actually bore, not a subsidy or a fund's
    contribution (docs/dutch-rules §0, "Study-cost clause"; the clause itself rests on art. 7:611a BW,
    sources.yaml: thuispartners_611a, nysingh_wtva; the same rule for deducting training costs from the
    transition payment: declercq_oo_fonds). A contribution is rarely earmarked for one cost line, so it
    is spread pro rata over all the training's costs ``T`` — the same total the validation uses to
    refuse subsidies above the costs (docs/money-model.md §3, §7):

        share = max(0, 1 − S / T),    T = direct costs + time costs

    With ``S = 0`` the share is 1 (nothing changes); with ``S ≥ T``, or ``T ≤ 0`` while ``S > 0``
    (a simulated overrun can shrink ``T`` below ``S``), it is 0.

    Examples
    --------
    Fees 2450, a fund pays 750, 48 training hours at 24.30 an hour (1166.40):

    >>> round(float(employer_share(750.0, 2450.0, 1166.40)), 6)  # 1 − 750 / 3616.40
    0.792611
    >>> employer_share(0.0, 2450.0, 1166.40).tolist(), employer_share(4000.0, 2450.0, 1166.40).tolist()
    (1.0, 0.0)
    """
    subsidies = np.asarray(subsidies_eur, dtype=np.float64)
    total = np.asarray(direct_costs_eur, dtype=np.float64) + np.asarray(time_costs_eur, dtype=np.float64)
    positive = total > 0
    share = np.where(positive, 1.0 - subsidies / np.where(positive, total, 1.0), 0.0)
    return np.asarray(np.where(subsidies > 0, np.maximum(share, 0.0), 1.0), dtype=np.float64)


def reclaimable_costs_scaled(
    clause: StudyCostClause, training: Training, employee: Employee, direct_factor: FloatArray
) -> FloatArray:
    """:func:`reclaimable_costs` with the direct costs scaled by ``direct_factor`` (per draw).

    The simulation draws a cost overrun: ``direct_factor = 1 + overrun`` scales the covered lines and
    the direct costs in ``T`` alike (time costs are not drawn), so the employer's share is per draw.

    >>> from calculators.scenario.io import scenario_from_dict
    >>> s = scenario_from_dict({"employee": {"gross_monthly_salary_eur": 3000, "hours_per_week": 40},
    ...     "training": {"course_fees_eur": 2450, "hours": 48, "duration_months": 2,
    ...                  "subsidies": [{"name": "fonds", "amount_eur": 750, "month": 1}]},
    ...     "retention": {"study_cost_clause": {"enabled": True}}})
    >>> clause = s.retention.study_cost_clause
    >>> # +20 %: 2940 × (1 − 750 / (2940 + 1166.40)) = 2940 × 3356.40 / 4106.40
    >>> reclaimable_costs_scaled(clause, s.training, s.employee, np.array([1.0, 1.2])).round(2).tolist()
    [1941.9, 2403.03]
    """
    factor = np.asarray(direct_factor, dtype=np.float64)
    time = time_costs(training, employee).total_eur
    share = employer_share(training.subsidies_eur, training.direct_costs_eur * factor, time)
    return np.asarray(covered_costs(clause, training) * factor * share, dtype=np.float64)


def reclaimable_costs(clause: StudyCostClause, training: Training, employee: Employee) -> float:
    """What the clause can reclaim at 100 % owed: its covered lines × the employer's own share.

    Parameters
    ----------
    clause : StudyCostClause
        The clause (0 when it is off).
    training : Training
        Its cost lines and subsidies.
    employee : Employee
        For the time costs of the training hours.

    Returns
    -------
    float
        ``C_cl = covered lines × max(0, 1 − S / T)`` (:func:`employer_share`).

    Notes
    -----
    The clause can only reclaim costs the employer bore itself, never a subsidy or a fund's
    contribution (docs/dutch-rules §0; art. 7:611a BW, sources.yaml: thuispartners_611a,
    nysingh_wtva). With ``S`` all subsidies and fund contributions and ``T`` the training's costs
    (direct + time costs, docs/money-model.md §3), the contribution is spread pro rata:

        C_cl = (Σ covered lines) × max(0, 1 − S / T)

    What a leaver repays never includes money the employer did not spend itself.

    Examples
    --------
    Fees 2450 and a fund paying 750; 48 hours at w = 3000 × 1.08 × 1.30 / (40 × 52 / 12) = 24.30,
    so T = 2450 + 48 × 24.30 = 3616.40 and C_cl = 2450 × (1 − 750 / 3616.40) = 1941.90 (not 2450):

    >>> from calculators.scenario.io import scenario_from_dict
    >>> s = scenario_from_dict({"employee": {"gross_monthly_salary_eur": 3000, "hours_per_week": 40},
    ...     "training": {"course_fees_eur": 2450, "hours": 48, "duration_months": 2,
    ...                  "subsidies": [{"name": "fonds", "amount_eur": 750, "month": 1}]},
    ...     "retention": {"study_cost_clause": {"enabled": True}}})
    >>> round(reclaimable_costs(s.retention.study_cost_clause, s.training, s.employee), 2)
    1941.9
    """
    return float(reclaimable_costs_scaled(clause, training, employee, np.asarray(1.0))[()])
