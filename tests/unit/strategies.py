"""Hypothesis strategies for scenarios: every valid input the product accepts, in its JSON form.

Ranges come from the field catalogue (``calculators.fields.field_specs()``, i.e. content/defaults.yaml),
never from numbers written here, so the strategies follow the product when a range changes. On top
of the per-field ranges, :func:`valid_scenarios` respects every rule that ties fields together
(calculators/scenario_io.py ``_cross_field_errors``, docs/money-model.md §1, §3, §4, §7):

- the training ends by month H − 1 (at least one month follows it);
- training hours fit in the contract hours per month (divided by the share in working time) and
  in 300 hours per month, over the training's months;
- subsidies together never exceed the training's own costs (each item is drawn within what is left);
- a subsidy arrives within the horizon; a vacancy filled internally arises in E + 1 … H;
- the quit probability once trained, q0 + change, stays within q0's own range [0, 0.95];
- no study-cost clause with mandatory training; ``yearly_steps`` needs whole years;
- a dead-end "job to job" exit lies in E + 1 … H − 1.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

from calculators import SCHEMA_VERSION, Scenario, scenario_from_dict
from calculators.fields import field_spec, field_specs
from calculators.scenario_io import MAX_TRAINING_HOURS_PER_MONTH
from calculators.training_costs import time_costs
from calculators.wages import WEEKS_PER_YEAR

__all__ = ["field_values", "numbers_in", "training_hours_cap", "valid_scenario_objects", "valid_scenarios"]


# Fields whose allowed values depend on other fields: drawn after the rest, in dependency order.
_DEPENDENT = frozenset(
    {
        "training.kind",
        "training.hours",
        "training.start_month",
        "training.duration_months",
        "benefits.vacancy.month",
        "retention.quit_probability_change",
        "retention.study_cost_clause.enabled",
        "retention.study_cost_clause.repayment_months",
        "employee.role_outlook",
        "dead_end.exit_month",
    }
)


def numbers_in(path: str, low: float = -math.inf, high: float = math.inf) -> st.SearchStrategy[Any]:
    """Numbers allowed for a numeric field, optionally narrowed to [low, high]."""
    spec = field_spec(path)
    assert spec.minimum is not None and spec.maximum is not None, path
    lo, hi = max(spec.minimum, low), min(spec.maximum, high)
    if spec.type == "int":
        return st.integers(math.ceil(lo), math.floor(hi))
    return st.floats(float(lo), float(hi), allow_nan=False, allow_infinity=False)


def field_values(path: str) -> st.SearchStrategy[Any]:
    """Any value the field's own spec allows (its JSON form), ignoring the cross-field rules."""
    spec = field_spec(path)
    if spec.type in {"int", "float"}:
        return numbers_in(path)
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "text":
        return st.text(max_size=spec.max_length or 0)
    if spec.type == "choice":
        return st.sampled_from(spec.values)
    if spec.type == "choice_list":
        return st.lists(st.sampled_from(spec.values), unique=True)
    raise AssertionError(f"{path}: type {spec.type} needs its own strategy")


def training_hours_cap(hours_per_week: float, share_in_working_time: float, duration_months: int) -> float:
    """Most training hours allowed: contract hours per month / share (at most 300 h a month) × D.

    Written with the same operations as the validator so the cap itself is accepted exactly.
    """
    contract = hours_per_week * WEEKS_PER_YEAR / 12
    per_month = min(
        MAX_TRAINING_HOURS_PER_MONTH,
        contract / share_in_working_time if share_in_working_time > 0 else math.inf,
    )
    return min(float(field_spec("training.hours").maximum or 0), per_month * duration_months)


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[name] = value


@st.composite
def valid_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A complete scenario dict (JSON form) that ``scenario_from_dict`` accepts."""
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for path in field_specs():
        if path not in _DEPENDENT and not path.startswith("training.subsidies"):
            _put(data, path, draw(field_values(path)))
    horizon: int = data["horizon_months"]
    employee, training = data["employee"], data["training"]
    benefits, retention, dead_end = data["benefits"], data["retention"], data["dead_end"]
    clause = retention["study_cost_clause"]

    # §1: the training ends by month H − 1.
    start = draw(numbers_in("training.start_month", high=horizon - 1))
    duration = draw(numbers_in("training.duration_months", high=horizon - start))
    end = start + duration - 1
    training["start_month"], training["duration_months"] = start, duration

    # §3: hours per month within contract hours / share and 300 h.
    cap = training_hours_cap(employee["hours_per_week"], training["share_in_working_time"], duration)
    training["hours"] = draw(numbers_in("training.hours", high=cap))

    # §7: a clause is void for mandatory training; yearly steps need whole years.
    training["kind"] = draw(field_values("training.kind"))
    clause["enabled"] = training["kind"] != "mandatory" and draw(st.booleans())
    if clause["scale"] == "yearly_steps":
        spec = field_spec("retention.study_cost_clause.repayment_months")
        assert spec.minimum is not None and spec.maximum is not None
        years = range(math.ceil(spec.minimum / 12), math.floor(spec.maximum / 12) + 1)
        clause["repayment_months"] = 12 * draw(st.sampled_from(years))
    else:
        clause["repayment_months"] = draw(field_values("retention.study_cost_clause.repayment_months"))

    # §5: a vacancy filled internally arises after the training, within the horizon.
    vacancy = benefits["vacancy"]
    if vacancy["filled_internally"]:
        vacancy["month"] = draw(numbers_in("benefits.vacancy.month", end + 1, horizon))
    else:
        vacancy["month"] = draw(field_values("benefits.vacancy.month"))

    # §4: 0 ≤ q0 + change ≤ 0.95 (q1 keeps q0's own range).
    q0: float = retention["annual_quit_probability"]
    q_max = float(field_spec("retention.annual_quit_probability").maximum or 0)
    retention["quit_probability_change"] = draw(
        numbers_in("retention.quit_probability_change", -q0, q_max - q0)
    )

    # dead-end track: leaving "job to job" after the training and before the horizon's end.
    outlooks = field_spec("employee.role_outlook").values
    if end + 1 > horizon - 1:
        outlooks = tuple(value for value in outlooks if value != "dead_end")
    employee["role_outlook"] = draw(st.sampled_from(outlooks))
    if employee["role_outlook"] == "dead_end":
        dead_end["exit_month"] = draw(numbers_in("dead_end.exit_month", end + 1, horizon - 1))
    else:
        dead_end["exit_month"] = draw(field_values("dead_end.exit_month"))

    # §3: subsidies within the horizon, together at most the training's own costs.
    training["subsidies"] = []
    built = scenario_from_dict(data)
    left = built.training.direct_costs_eur + time_costs(built.training, built.employee).total_eur
    count = draw(st.integers(0, field_spec("training.subsidies").max_items or 0))
    for _ in range(count):
        amount = draw(numbers_in("training.subsidies.amount_eur", high=max(0.0, left)))
        left -= amount
        training["subsidies"].append(
            {
                "name": draw(field_values("training.subsidies.name")),
                "amount_eur": amount,
                "month": draw(numbers_in("training.subsidies.month", high=horizon)),
            }
        )
    return data


def valid_scenario_objects() -> st.SearchStrategy[Scenario]:
    """Valid scenarios as :class:`Scenario` objects."""
    return valid_scenarios().map(scenario_from_dict)
