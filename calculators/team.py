"""A whole team at once: every employee's decision figures in one vectorised pass, flags and totals.

Notes
-----
The batch model is the money model of docs/money-model.md (§2 wages, §3 training costs, §4 who
stays, §5 benefits, §6 replacement, §7 clause, §8 figures) written over arrays of shape
employees × months, so numpy evaluates a whole team without a Python loop per employee. Every line
is computed with the same operations in the same order as :func:`calculators.evaluate.evaluate`
(the approach of :mod:`calculators.monte_carlo`), so the two agree to the cent — in practice to the
last bit (tested with hypothesis against a loop over ``evaluate``). Per employee, with ``d(m)`` the
discount factor, ``net(m)`` the expected net flow and ``E`` the training's last month:

- NPV ``= Σ_m d(m) net(m)``;
- payback month: the first month from the training's start with ``Σ_{j≤m} d(j) net(j) ≥ 0``
  (Phillips' discounted payback period; sources.yaml: phillips_principles);
- break-even stay: the smallest ``n`` with ``V(n) ≥ 0``, where ``V(n)`` is the training's value if
  the employee leaves ``n`` months after it ends (docs/money-model.md §8; BIBB's dissolution-risk
  view, sources.yaml: bibb_cost_benefit); the worst case is ``V(0)``: they leave right after it.

Flags: *dead-end candidate* — the role outlook is a dead-end track ("doodlopend spoor",
docs/dead-end-model.md); *clause not allowed* — a study-cost clause (studiekostenbeding) would be
void because the law or the cao requires the training (art. 7:611a lid 4 BW since 1 August 2022;
sources.yaml: thuispartners_611a, nysingh_wtva; the rule :func:`calculators.scenario_io.validate`
enforces); *pays off soonest* — among the employees whose training pays (NPV > 0), the one(s)
with the smallest payback month.

>>> from calculators.scenario_io import scenario_from_dict
>>> team = evaluate_team([scenario_from_dict({}), scenario_from_dict({"training": {"kind": "mandatory"}})])
>>> team.totals.employees, [m.clause_not_allowed for m in team.members]
(2, [False, True])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from calculators.discounting import discount_factors
from calculators.metrics import pays_from
from calculators.scenario import RepaymentScale, RoleOutlook, Scenario, TrainingKind
from calculators.study_cost_clause import reclaimable_costs

__all__ = ["TeamArrays", "TeamMember", "TeamResult", "TeamTotals", "evaluate_team", "team_arrays"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_TOLERANCE = 1e-9  # the same "≥ 0" tolerance as calculators.metrics (rounding noise, not money)
_CHUNK = 2_000  # employees per pass: memory stays flat (some 60 MB at a 120-month horizon)
NONE = -1  # "no such month" in the integer arrays (payback never reached, never breaks even)


@dataclass(frozen=True, slots=True)
class TeamArrays:
    """The vectorised figures, one entry per employee in input order (``NONE`` = no such month)."""

    npv_eur: FloatArray
    total_cost_eur: FloatArray
    expected_benefit_eur: FloatArray
    worst_case_eur: FloatArray
    payback_month: IntArray
    break_even_stay_months: IntArray
    dead_end_candidate: BoolArray
    clause_not_allowed: BoolArray


@dataclass(frozen=True, slots=True)
class TeamMember:
    """One employee's figures and flags."""

    npv_eur: float
    total_cost_eur: float
    expected_benefit_eur: float
    worst_case_eur: float
    payback_month: int | None
    break_even_stay_months: int | None
    dead_end_candidate: bool
    clause_not_allowed: bool
    pays_off_soonest: bool

    @property
    def pays_off(self) -> bool:
        """Whether the expected result over the horizon is positive."""
        return self.npv_eur > 0


@dataclass(frozen=True, slots=True)
class TeamTotals:
    """The team added up (present values in euros)."""

    employees: int
    paying: int
    npv_eur: float
    total_cost_eur: float
    expected_benefit_eur: float
    worst_case_eur: float
    dead_end_candidates: int
    clause_not_allowed: int
    soonest_payback_month: int | None


@dataclass(frozen=True, slots=True)
class TeamResult:
    """Every employee (input order) and the totals."""

    members: tuple[TeamMember, ...]
    totals: TeamTotals


def _column(group: Sequence[Scenario], get: Callable[[Scenario], float]) -> FloatArray:
    """One input over the employees, as a column vector (employees × 1) for broadcasting."""
    return np.fromiter((get(s) for s in group), dtype=np.float64, count=len(group))[:, None]


def _hazard(probability: FloatArray) -> FloatArray:
    """``h = 1 − (1 − q)^(1/12)`` with numpy's power, as calculators.retention.monthly_hazard."""
    return np.asarray(1.0 - np.power(1.0 - probability, 1.0 / 12.0), dtype=np.float64)


def _survival(hazard: FloatArray) -> FloatArray:
    """``S(1) = 1``, ``S(m+1) = S(m)(1 − h(m))`` per employee (calculators.retention.survival)."""
    ones = np.ones((hazard.shape[0], 1))
    return np.concatenate((ones, np.cumprod(1.0 - hazard[:, :-1], axis=1)), axis=1)


def _share_owed(enabled_n: FloatArray, yearly: BoolArray, k: FloatArray) -> FloatArray:
    """calculators.study_cost_clause.share_owed over employees: 1 for k ≤ 0, then sliding to 0."""
    linear = 1.0 - k / enabled_n
    steps = 1.0 - np.floor((k - 1.0) / 12.0) / (enabled_n / 12.0)
    owed = np.where(yearly, steps, linear)
    return np.asarray(np.where(k <= 0, 1.0, np.clip(owed, 0.0, 1.0)), dtype=np.float64)


def _first(hits: BoolArray, offset: int = 0) -> IntArray:
    """Index (+ offset) of the first True per row, or NONE."""
    found = hits.any(axis=1)
    return np.where(found, np.argmax(hits, axis=1) + offset, NONE).astype(np.int64)


def _group_arrays(group: Sequence[Scenario]) -> TeamArrays:
    """The figures of employees who share one horizon (docs/money-model.md §1–§8 over arrays)."""
    horizon = group[0].horizon_months
    months = np.arange(1, horizon + 1, dtype=np.int64)
    count = len(group)

    # §1 discounting: the exact factors of calculators.discounting, once per distinct rate
    rates = [s.company.discount_rate_annual for s in group]
    factors = {rate: discount_factors(rate, horizon) for rate in set(rates)}
    d = np.stack([factors[rate] for rate in rates])

    # §2 wages: Wm = gross (1 + holiday)(1 + on-cost), Hm = hours a week × 52 / 12, w = Wm / Hm
    gross = _column(group, lambda s: s.employee.gross_monthly_salary_eur)
    holiday = _column(group, lambda s: s.employee.holiday_allowance_rate)
    oncost = _column(group, lambda s: s.employee.employer_oncost_rate)
    ratio = _column(group, lambda s: s.employee.output_value_ratio)
    monthly_wage = gross * (1 + holiday) * (1 + oncost)
    hourly_wage = monthly_wage / (_column(group, lambda s: s.employee.hours_per_week) * 52 / 12)

    # §3 training costs: direct costs in the start month; wage and lost output (or backfill) spread
    t_start = _column(group, lambda s: s.training.start_month).astype(np.int64)
    duration = _column(group, lambda s: s.training.duration_months)
    end = t_start + duration.astype(np.int64) - 1
    in_training = (months >= t_start) & (months <= end)
    direct_costs = _column(group, lambda s: s.training.direct_costs_eur)
    direct = np.where(months == t_start, direct_costs, 0.0)
    hours = _column(group, lambda s: s.training.hours)
    inside = hours * _column(group, lambda s: s.training.share_in_working_time)
    mandatory = np.array([s.training.kind is TrainingKind.MANDATORY for s in group])[:, None]
    paid_outside = np.where(mandatory, hours - inside, 0.0)  # 7:611a BW: required training is paid
    backfill = _column(group, lambda s: s.training.backfill_hourly_cost_eur)
    lost_total = np.where(backfill > 0, inside * (backfill - hourly_wage), inside * hourly_wage * (ratio - 1))
    wage_total = (inside + paid_outside) * hourly_wage
    wage = np.where(in_training, wage_total / duration, 0.0)
    lost = np.where(in_training, lost_total / duration, 0.0)
    subsidy = np.zeros((count, horizon))
    cells = [
        (row, item.month - 1, item.amount_eur) for row, s in enumerate(group) for item in s.training.subsidies
    ]
    if cells:
        rows, columns, amounts = zip(*cells, strict=True)
        np.add.at(subsidy, (np.array(rows), np.array(columns)), np.array(amounts))  # in item order

    # §4 who stays: annual quit probabilities become monthly hazards; the trained rate after the end
    q0 = _column(group, lambda s: s.retention.annual_quit_probability)
    h0 = _hazard(q0)
    h1 = _hazard(_column(group, lambda s: s.retention.quit_probability_with_training))
    hazard_without = np.broadcast_to(h0, (count, horizon))
    hazard_with = np.where(months <= end, h0, h1)
    survival_without, survival_with = _survival(hazard_without), _survival(hazard_with)
    leaving_without, leaving_with = survival_without * hazard_without, survival_with * hazard_with

    # §5 benefits: gain × Vm × share × ramp(k) × decay(k) + Y/12 for k ≥ 1 months after the training
    gain = _column(group, lambda s: s.benefits.productivity_gain)
    employer_share = _column(group, lambda s: s.benefits.employer_share)
    ramp_months = _column(group, lambda s: s.benefits.ramp_up_months)
    decay_rate = _column(group, lambda s: s.benefits.annual_decay)
    other_monthly = _column(group, lambda s: s.benefits.other_yearly_benefits_eur) / 12.0
    output_value = monthly_wage * ratio

    def certain(k: FloatArray) -> FloatArray:
        """calculators.cashflows.certain_monthly_benefit for every employee at once."""
        ramp = np.where(
            ramp_months == 0, 1.0, np.minimum(1.0, k / np.where(ramp_months == 0, 1.0, ramp_months))
        )
        decay = (1.0 - decay_rate) ** (np.maximum(k - 1.0, 0.0) / 12.0)
        productivity = gain * output_value * employer_share * ramp * decay
        return np.asarray(np.where(k >= 1, productivity + other_monthly, 0.0), dtype=np.float64)

    since_end = (months - end).astype(np.float64)
    other = np.where(since_end >= 1, other_monthly, 0.0)
    productivity = (certain(since_end) - other) * survival_with
    filled = np.array([s.benefits.vacancy.filled_internally for s in group])
    vacancy_month = np.array([s.benefits.vacancy.month for s in group], dtype=np.int64)
    avoided = np.array([s.benefits.vacancy.avoided_hiring_cost_eur for s in group])
    vacancy = np.zeros((count, horizon))
    rows_filled = np.flatnonzero(filled)
    columns_filled = vacancy_month[rows_filled] - 1
    vacancy[rows_filled, columns_filled] = avoided[rows_filled] * survival_with[rows_filled, columns_filled]

    # §6 replacement: share × annual salary × (L_with − L_without), annual salary = 12 × gross × (1 + holiday)
    replacement_cost = _column(group, lambda s: s.retention.replacement_cost_share) * (
        12 * gross * (1 + holiday)
    )
    replacement_change = replacement_cost * (leaving_with - leaving_without)

    # §7 clause: a leaver owes the sliding share of what the clause can reclaim (from the start month
    # on): the covered direct costs × the employer's own share after subsidies, per employee
    reclaimable = _column(
        group, lambda s: reclaimable_costs(s.retention.study_cost_clause, s.training, s.employee)
    )
    repayment = _column(group, lambda s: s.retention.study_cost_clause.repayment_months)
    yearly = np.array([s.retention.study_cost_clause.scale is RepaymentScale.YEARLY_STEPS for s in group])[
        :, None
    ]
    owed = _share_owed(repayment, yearly, since_end)
    recovery = np.where(months >= t_start, leaving_with * owed, 0.0) * reclaimable

    # §8 figures
    training_costs = direct + wage + lost - subsidy
    costs = training_costs + np.maximum(replacement_change, 0.0)
    saving = np.maximum(-replacement_change, 0.0)
    benefits = productivity + other * survival_with + vacancy + saving + recovery
    discounted = d * (benefits - costs)
    cumulative = np.cumsum(discounted, axis=1)
    payback = _first((cumulative >= -_TOLERANCE) & (months >= t_start), offset=1)

    # V(n), n = 0 … H − E: benefits of the first n months after the training, the vacancy once
    # reached, what a leaver then still owes, minus the training's own costs
    step = np.arange(horizon, dtype=np.int64)  # k − 1 for k = 1 … H, and n for n = 0 … H − 1
    after = end + step  # index of month E + k
    d_after = np.where(after < horizon, np.take_along_axis(d, np.minimum(after, horizon - 1), axis=1), 0.0)
    benefit_pv = np.concatenate(
        (np.zeros((count, 1)), np.cumsum(d_after * certain((step + 1).astype(np.float64)), axis=1)), axis=1
    )
    n = np.arange(horizon + 1, dtype=np.int64)
    reached = filled[:, None] & (end + n >= vacancy_month[:, None])
    d_vacancy = d[np.arange(count), np.clip(vacancy_month - 1, 0, horizon - 1)][:, None]
    benefit_pv = benefit_pv + np.where(reached, avoided[:, None] * d_vacancy, 0.0)
    d_leave = np.take_along_axis(d, np.minimum(end - 1 + n, horizon - 1), axis=1)
    refund = d_leave * _share_owed(repayment, yearly, n.astype(np.float64)) * reclaimable
    values = benefit_pv + refund - np.sum(d * training_costs, axis=1)[:, None]
    valid = n <= horizon - end
    return TeamArrays(
        npv_eur=np.sum(discounted, axis=1),
        total_cost_eur=np.sum(d * costs, axis=1),
        expected_benefit_eur=np.sum(d * benefits, axis=1),
        worst_case_eur=values[:, 0],
        payback_month=payback,
        break_even_stay_months=_first(pays_from(values, valid)),  # every longer stay pays too
        dead_end_candidate=np.array([s.employee.role_outlook is RoleOutlook.DEAD_END for s in group]),
        clause_not_allowed=mandatory[:, 0].copy(),
    )


def team_arrays(scenarios: Sequence[Scenario]) -> TeamArrays:
    """The figures of every employee, vectorised, in input order.

    Scenarios must be valid (built with :func:`calculators.scenario_io.scenario_from_dict`).
    Employees with different horizons are evaluated per horizon; large teams in chunks, so memory
    stays flat.
    """
    if not scenarios:
        empty_f, empty_i = np.zeros(0), np.zeros(0, dtype=np.int64)
        empty_b = np.zeros(0, dtype=np.bool_)
        return TeamArrays(empty_f, empty_f, empty_f, empty_f, empty_i, empty_i, empty_b, empty_b)
    order: dict[int, list[int]] = {}
    for index, s in enumerate(scenarios):
        order.setdefault(s.horizon_months, []).append(index)
    parts: list[tuple[list[int], TeamArrays]] = []
    for indices in order.values():
        for begin in range(0, len(indices), _CHUNK):
            chunk = indices[begin : begin + _CHUNK]
            parts.append((chunk, _group_arrays([scenarios[i] for i in chunk])))
    if len(parts) == 1:
        return parts[0][1]
    positions = np.concatenate([np.array(indices) for indices, _ in parts])
    inverse = np.empty_like(positions)
    inverse[positions] = np.arange(positions.size)

    def joined(name: str) -> Any:
        return np.concatenate([getattr(arrays, name) for _, arrays in parts])[inverse]

    return TeamArrays(*(joined(name) for name in TeamArrays.__slots__))


def _month(value: np.int64) -> int | None:
    return None if value == NONE else int(value)


def evaluate_team(scenarios: Sequence[Scenario]) -> TeamResult:
    """Every employee's figures and flags, and the team's totals.

    *Pays off soonest* marks, among employees with NPV > 0 and a payback month, those whose
    payback month is the smallest (ties share the flag).
    """
    arrays = team_arrays(scenarios)
    pays = (arrays.npv_eur > 0) & (arrays.payback_month != NONE)
    soonest = int(arrays.payback_month[pays].min()) if pays.any() else None
    members = tuple(
        TeamMember(
            npv_eur=float(arrays.npv_eur[i]),
            total_cost_eur=float(arrays.total_cost_eur[i]),
            expected_benefit_eur=float(arrays.expected_benefit_eur[i]),
            worst_case_eur=float(arrays.worst_case_eur[i]),
            payback_month=_month(arrays.payback_month[i]),
            break_even_stay_months=_month(arrays.break_even_stay_months[i]),
            dead_end_candidate=bool(arrays.dead_end_candidate[i]),
            clause_not_allowed=bool(arrays.clause_not_allowed[i]),
            pays_off_soonest=bool(pays[i]) and int(arrays.payback_month[i]) == soonest,
        )
        for i in range(len(scenarios))
    )
    totals = TeamTotals(
        employees=len(scenarios),
        paying=int(np.count_nonzero(arrays.npv_eur > 0)),
        npv_eur=float(np.sum(arrays.npv_eur)),
        total_cost_eur=float(np.sum(arrays.total_cost_eur)),
        expected_benefit_eur=float(np.sum(arrays.expected_benefit_eur)),
        worst_case_eur=float(np.sum(arrays.worst_case_eur)),
        dead_end_candidates=int(np.count_nonzero(arrays.dead_end_candidate)),
        clause_not_allowed=int(np.count_nonzero(arrays.clause_not_allowed)),
        soonest_payback_month=soonest,
    )
    return TeamResult(members=members, totals=totals)
