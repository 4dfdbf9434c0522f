"""Team mode's rows into scenarios: the values a team file gives each employee, on top of the
defaults of ``content/defaults.yaml``, as a checked :class:`~calculators.scenario.model.Scenario` — or the
errors that refuse it.

Two paths give the same answer. The general one builds each row's JSON form and hands it to
:func:`calculators.scenario.io.scenario_from_dict` and
:func:`calculators.scenario.io.validation_errors`, the same checks (and messages) as a scenario file
and the wizard get. The fast one builds every row at once: the team's values as columns, the rules
that tie fields together checked on whole columns with numpy, and each scenario assembled from the
default scenario's parts. A row the fast path cannot clear — a broken rule, or a value within a
hair of a limit — goes the general way, so every refusal and its message still come from
``scenario_io``. tests/unit/team/test_team_rows.py checks with generated rows that both paths agree.

The values arrive as a team file's cells give them (:mod:`calculators.team.cells`): per field path,
the number, word or flag of each row, None for an empty cell (the field keeps its default), and for
``training.subsidies`` one amount (0: none) received in the training's first month.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from itertools import repeat
from typing import Any, get_type_hints

import numpy as np
import numpy.typing as npt

from calculators.errors import ScenarioError
from calculators.scenario.fields import field_spec, field_specs
from calculators.scenario.io import MAX_TRAINING_HOURS_PER_MONTH, scenario_from_dict, validation_errors
from calculators.scenario.model import RepaymentScale, RoleOutlook, Scenario, Subsidy, TrainingKind
from calculators.scenario.wages import MONTHS_PER_YEAR, WEEKS_PER_YEAR

__all__ = ["fast_scenarios", "general_scenario", "row_data", "row_scenarios"]

_SUBSIDIES = "training.subsidies"
# Slack for sums the fast path computes in its own order: a row this close to a limit goes the
# general way, which decides it exactly.
_HOURS_SLACK = 1e-6
_EUR_SLACK = 1e-6

Column = Sequence[Any]
Outcome = Scenario | list[ScenarioError]
_Array = npt.NDArray[Any]


def _subsidy_month() -> int:
    """A team file's subsidy arrives in the training's first month (the start month's default)."""
    return int(field_spec("training.start_month").default)


def row_data(values: Mapping[str, Any]) -> dict[str, Any]:
    """One row's values in the scenario's JSON form (nested sections; an empty cell left out)."""
    data: dict[str, Any] = {}
    for path, value in values.items():
        if value is None or (path == _SUBSIDIES and value == 0):
            continue
        if path == _SUBSIDIES:
            value = [{"name": "", "amount_eur": value, "month": _subsidy_month()}]
        *parents, name = path.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[name] = value
    return data


def general_scenario(values: Mapping[str, Any]) -> Outcome:
    """One row through :func:`~calculators.scenario.io.scenario_from_dict` and
    :func:`~calculators.scenario.io.validation_errors`: its scenario, or every error found."""
    try:
        scenario = scenario_from_dict(row_data(values), check=False)
    except ScenarioError as error:  # not expected after the cell checks; reported all the same
        return [error]
    return validation_errors(scenario) or scenario


def row_scenarios(columns: Mapping[str, Column], count: int) -> list[Outcome]:
    """Each of ``count`` rows' scenario, or its errors: the fast path where it clears a row, the
    general one for the rest."""
    fast = fast_scenarios(columns, count)
    return [
        scenario if scenario is not None else general_scenario({p: c[i] for p, c in columns.items()})
        for i, scenario in enumerate(fast)
    ]


# --------------------------------------------------------------------------- the fast path


def _converter(path: str, default: Any, owner: type) -> Callable[[Column], list[Any]] | None:
    """How a column of cell values becomes the values of the scenario's field, as
    :func:`~calculators.scenario.io.scenario_from_dict` types them (None: a field the fast path
    leaves to the general one)."""
    spec = field_specs()[path]
    if path == _SUBSIDIES:
        month = _subsidy_month()
        item = field_spec("training.subsidies.month")
        one_allowed = spec.max_items is None or spec.max_items >= 1
        if not one_allowed or item.minimum is None or item.maximum is None:
            return None
        if not item.minimum <= month <= item.maximum:
            return None
        return lambda column: [
            default if value is None or value == 0 else (Subsidy("", float(value), month),)
            for value in column
        ]
    if spec.nullable or spec.type not in {"int", "float", "bool", "text", "choice"}:
        return None
    if spec.type == "int":
        return lambda column: [default if value is None else int(value) for value in column]
    if spec.type == "float":
        return lambda column: [default if value is None else float(value) for value in column]
    hint = get_type_hints(owner)[path.rsplit(".", 1)[-1]]
    if spec.type == "choice" and isinstance(hint, type) and issubclass(hint, Enum):
        members = {value: hint(value) for value in spec.values}
        return lambda column: [default if value is None else members[value] for value in column]
    return lambda column: [default if value is None else value for value in column]


def _owner(path: str, base: Scenario) -> tuple[type, Any]:
    """The section class holding the field at ``path``, and the field's default value."""
    node: Any = base
    *parents, name = path.split(".")
    for part in parents:
        node = getattr(node, part)
    return type(node), getattr(node, name)


def _assemble(node: Any, path: str, values: Mapping[str, list[Any]], count: int) -> list[Any] | None:
    """Each row's copy of the section ``node`` (at ``path``) with the row's values; None when no
    column touches it, so the default object serves every row."""
    parts: list[Any] = []
    touched = False
    for item in fields(node):
        child_path = f"{path}.{item.name}" if path else item.name
        default = getattr(node, item.name)
        child = values.get(child_path)
        if child is None and is_dataclass(default):
            child = _assemble(default, child_path, values, count)
        touched = touched or child is not None
        parts.append(repeat(default, count) if child is None else child)
    if not touched:
        return None
    cls = type(node)
    return [cls(*args) for args in zip(*parts, strict=True)]


def fast_scenarios(columns: Mapping[str, Column], count: int) -> list[Scenario | None]:
    """Each row's scenario where the fast path clears it, else None (the row goes the general way).

    A cleared row has every field in range (its cells were checked by
    :mod:`calculators.team.cells`; the defaults pass :func:`scenario_from_dict`'s own check) and
    passes every cross-field rule (:func:`_clear`).
    """
    try:
        base = scenario_from_dict({})  # built and checked now: content may have changed since import
    except ScenarioError:
        return [None] * count
    values: dict[str, list[Any]] = {}
    for path, column in columns.items():
        owner, default = _owner(path, base)
        convert = _converter(path, default, owner)
        if convert is None:
            return [None] * count
        values[path] = convert(column)
    scenarios = _assemble(base, "", values, count) or [base] * count
    clear = _clear(values, columns, base, count)
    return [scenario if ok else None for scenario, ok in zip(scenarios, clear.tolist(), strict=True)]


def _clear(
    values: Mapping[str, list[Any]], columns: Mapping[str, Column], base: Scenario, count: int
) -> _Array:
    """Which rows pass every rule that ties fields together, on whole columns.

    The rules, their order of operations and their limits are those of
    ``calculators.scenario.io._cross_field_errors`` (docs/money-model.md §1, §3, §4, §7); the
    training's time cost is :func:`calculators.scenario.training_costs.time_costs` (§3) and the contract hours
    :func:`calculators.scenario.wages.contract_hours_per_month` (§2). A rule added there must be added here;
    tests/unit/team/test_team_rows.py fails for a generated row the two judge differently.
    """

    def number(path: str) -> Any:
        column = values.get(path)
        return _owner(path, base)[1] if column is None else np.array(column, dtype=float)

    def member(path: str, wanted: Enum | bool) -> Any:
        column = values.get(path)
        if column is None:
            return np.bool_(_owner(path, base)[1] is wanted)
        return np.fromiter((value is wanted for value in column), dtype=bool, count=count)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        horizon, start = number("horizon_months"), number("training.start_month")
        duration = number("training.duration_months")
        end = start + duration - 1
        ok = (start <= horizon - 1) & (end <= horizon - 1)
        share, hours = number("training.share_in_working_time"), number("training.hours")
        contract = number("employee.hours_per_week") * WEEKS_PER_YEAR / MONTHS_PER_YEAR
        per_month = np.where(share > 0, contract / np.where(share > 0, share, 1.0), math.inf)
        per_month = np.minimum(MAX_TRAINING_HOURS_PER_MONTH, per_month)
        max_hours = np.minimum(float(field_spec("training.hours").maximum or 0), per_month * duration)
        ok &= hours + _HOURS_SLACK <= max_hours + 1e-9
        ok &= _subsidies_clear(columns, base, horizon, number, member)
        filled = member("benefits.vacancy.filled_internally", True)
        vacancy = number("benefits.vacancy.month")
        ok &= ~filled | ((end + 1 <= vacancy) & (vacancy <= horizon))
        q1 = number("retention.annual_quit_probability") + number("retention.quit_probability_change")
        ok &= (q1 >= 0.0) & (q1 <= 0.95 + 1e-12)
        exit_month = number("dead_end.exit_month")
        dead_end = member("employee.role_outlook", RoleOutlook.DEAD_END)
        ok &= ~dead_end | ((end + 1 <= exit_month) & (exit_month <= horizon - 1))
        mandatory = member("training.kind", TrainingKind.MANDATORY)
        ok &= ~(member("retention.study_cost_clause.enabled", True) & mandatory)
        yearly = member("retention.study_cost_clause.scale", RepaymentScale.YEARLY_STEPS)
        ok &= ~(yearly & (number("retention.study_cost_clause.repayment_months") % 12 != 0))
    return np.broadcast_to(ok, (count,))


def _subsidies_clear(
    amounts: Mapping[str, Column],
    base: Scenario,
    horizon: Any,
    number: Callable[[str], Any],
    member: Callable[[str, Enum | bool], Any],
) -> Any:
    """Subsidies paid within the horizon and at most the training's costs (direct costs plus the
    time cost of docs/money-model.md §3, as :func:`calculators.scenario.training_costs.time_costs`)."""
    default_total = base.training.subsidies_eur
    default_last = max((item.month for item in base.training.subsidies), default=0)
    subsidies: Any = default_total
    last: Any = default_last
    column = amounts.get(_SUBSIDIES)
    if column is not None:  # one amount per row (0 or empty: the default), as _converter builds it
        amount = np.array([0.0 if value is None else value for value in column], dtype=float)
        subsidies = np.where(amount == 0, default_total, amount)  # a sum of one item is the item
        last = np.where(amount == 0, default_last, _subsidy_month())
    employee_wage = (
        number("employee.gross_monthly_salary_eur")
        * (1 + number("employee.holiday_allowance_rate"))
        * (1 + number("employee.employer_oncost_rate"))
    )
    wage = employee_wage / (number("employee.hours_per_week") * WEEKS_PER_YEAR / MONTHS_PER_YEAR)
    hours = number("training.hours")
    inside = hours * number("training.share_in_working_time")
    paid_outside = np.where(member("training.kind", TrainingKind.MANDATORY), hours - inside, 0.0)
    backfill = number("training.backfill_hourly_cost_eur")
    lost = np.where(
        backfill > 0, inside * (backfill - wage), inside * wage * (number("employee.output_value_ratio") - 1)
    )
    direct = (
        number("training.course_fees_eur")
        + number("training.materials_exam_eur")
        + number("training.travel_eur")
    )
    costs = direct + ((inside + paid_outside) * wage + lost)
    return (last <= horizon) & (subsidies + _EUR_SLACK <= costs + 0.005)
