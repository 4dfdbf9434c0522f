"""A whole team at once: every employee's decision figures in one vectorised pass, flags and totals.

Notes
-----
Team mode is the one money model (:mod:`calculators.money.kernel`, docs/money-model.md §2–§8)
with one row per employee (:func:`calculators.money.model_inputs.inputs_for` stacks the scenarios), so
numpy evaluates a whole team without a Python loop per employee, with the very code that
:func:`calculators.money.evaluate.evaluate` runs for one row (tested with hypothesis against a loop over
``evaluate``). Per employee, with ``d(m)`` the
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
sources.yaml: thuispartners_611a, nysingh_wtva; the rule :func:`calculators.scenario.io.validate`
enforces); *pays off soonest* — among the employees whose training pays (NPV > 0), the one(s)
with the smallest payback month.

>>> from calculators.scenario.io import scenario_from_dict
>>> team = evaluate_team([scenario_from_dict({}), scenario_from_dict({"training": {"kind": "mandatory"}})])
>>> team.totals.employees, [m.clause_not_allowed for m in team.members]
(2, [False, True])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from calculators.money import inputs as model_inputs
from calculators.money import kernel
from calculators.scenario.model import RoleOutlook, Scenario, TrainingKind

__all__ = ["TeamArrays", "TeamMember", "TeamResult", "TeamTotals", "evaluate_team", "team_arrays"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

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


def _group_arrays(group: Sequence[Scenario]) -> TeamArrays:
    """The figures of employees who share one horizon: the one money model, one row per employee."""
    inputs = model_inputs.inputs_for(group)
    figures = kernel.figures(inputs)
    return TeamArrays(
        npv_eur=figures.npv,
        total_cost_eur=figures.cost_pv,
        expected_benefit_eur=figures.benefit_pv,
        worst_case_eur=figures.stay_values[:, 0].copy(),
        payback_month=figures.payback_month,
        break_even_stay_months=figures.break_even_stay,  # every longer stay pays too
        dead_end_candidate=np.array([s.employee.role_outlook is RoleOutlook.DEAD_END for s in group]),
        clause_not_allowed=np.array([s.training.kind is TrainingKind.MANDATORY for s in group]),
    )


def team_arrays(scenarios: Sequence[Scenario]) -> TeamArrays:
    """The figures of every employee, vectorised, in input order.

    Scenarios must be valid (built with :func:`calculators.scenario.io.scenario_from_dict`).
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
