"""Is a scenario valid? Every field within its range (a walk over the dataclass tree,
:mod:`calculators.scenario.walk`, each field checked against its spec in ``content/defaults.yaml``),
then the rules that tie fields together (docs/money-model.md §1, §3, §4, §7).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from calculators.errors import Allowed, ScenarioError
from calculators.scenario.fields import FieldSpec, field_spec
from calculators.scenario.model import RepaymentScale, RoleOutlook, Scenario, TrainingKind
from calculators.scenario.training_costs import time_costs
from calculators.scenario.wages import contract_hours_per_month
from calculators.scenario.walk import Kind, Node, join, scenario_tree
from calculators.scenario.write import write_object

__all__ = [
    "MAX_TRAINING_HOURS_PER_MONTH",
    "cross_field_errors",
    "range_errors",
    "validate",
    "validation_errors",
]

MAX_TRAINING_HOURS_PER_MONTH = 300.0  # ten hours a day, every day: beyond it no one is learning
# Characters a name never holds: control characters (tab, line feed, escape, ...), line and paragraph
# separators, and lone surrogates. They would break a terminal, a report line or (surrogates) every
# UTF-8 encoder. Other invisible characters (no-break space, the joiner inside emoji) stay allowed.
_UNSHOWABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


def range_errors(node: Node, data: Mapping[str, Any], prefix: str = "") -> Iterator[ScenarioError]:
    """Every value of a section's JSON form checked against its field's allowed range, length and
    count, in field order; the items of its lists after all of its own fields."""
    lists: list[tuple[Node, list[Any], str]] = []
    yield from _own_fields(node, data, prefix, lists)
    for leaf, items, place in lists:
        assert leaf.item is not None
        for index, item in enumerate(items):
            yield from range_errors(leaf.item, item, f"{place}[{index}]")


def _own_fields(
    node: Node, data: Mapping[str, Any], prefix: str, lists: list[tuple[Node, list[Any], str]]
) -> Iterator[ScenarioError]:
    """The fields of a section and its sections, depth first; its lists are noted in ``lists``."""
    for child in node.children:
        place, value = join(prefix, child.name), data[child.name]
        if child.kind is Kind.SECTION:
            yield from _own_fields(child, value, place, lists)
        elif child.kind is not Kind.VERSION:
            assert child.spec is not None
            yield from _check(place, value, child.spec)
            if child.kind is Kind.ITEMS:
                lists.append((child, value, place))


def _check(field: str, value: Any, spec: FieldSpec) -> Iterator[ScenarioError]:
    if value is None and spec.nullable:
        return
    if spec.type in {"int", "float"}:
        assert spec.minimum is not None and spec.maximum is not None
        if isinstance(value, float) and not math.isfinite(value):  # an int is finite, however large
            yield ScenarioError(field, value, "not_finite", Allowed(spec.minimum, spec.maximum))
        elif not spec.minimum <= value <= spec.maximum:
            yield ScenarioError(field, value, "out_of_range", Allowed(spec.minimum, spec.maximum))
    elif spec.type == "text" and spec.max_length is not None and len(value) > spec.max_length:
        yield ScenarioError(field, value, "too_long", Allowed(max_length=spec.max_length))
    elif spec.type == "text" and any(unicodedata.category(char) in _UNSHOWABLE for char in value):
        yield ScenarioError(field, value, "invalid_characters", Allowed(max_length=spec.max_length))
    elif spec.type == "list" and spec.max_items is not None and len(value) > spec.max_items:
        yield ScenarioError(field, value, "too_many", Allowed(max_items=spec.max_items))


def cross_field_errors(s: Scenario) -> Iterator[ScenarioError]:
    """Rules that tie fields together (docs/money-model.md §1, §3, §4, §7)."""
    horizon = s.horizon_months
    t = s.training
    if t.start_month > horizon - 1:
        yield ScenarioError("training.start_month", t.start_month, "out_of_range", Allowed(1, horizon - 1))
    elif t.end_month > horizon - 1:
        # at least one month must follow the training, or it can never yield anything
        yield ScenarioError(
            "training.duration_months", t.duration_months, "out_of_range", Allowed(1, horizon - t.start_month)
        )
    hours_per_month = min(
        MAX_TRAINING_HOURS_PER_MONTH,
        contract_hours_per_month(s.employee) / t.share_in_working_time
        if t.share_in_working_time > 0
        else math.inf,
    )
    max_hours = min(float(field_spec("training.hours").maximum or 0), hours_per_month * t.duration_months)
    if t.hours > max_hours + 1e-9:
        yield ScenarioError("training.hours", t.hours, "out_of_range", Allowed(0, math.floor(max_hours)))
    for index, item in enumerate(t.subsidies):
        if item.month > horizon:
            yield ScenarioError(
                f"training.subsidies[{index}].month", item.month, "out_of_range", Allowed(1, horizon)
            )
    costs = t.direct_costs_eur + time_costs(t, s.employee).total_eur
    if t.subsidies_eur > costs + 0.005:
        yield ScenarioError(
            "training.subsidies", t.subsidies_eur, "subsidies_exceed_costs", Allowed(0, costs)
        )
    vacancy = s.benefits.vacancy
    if vacancy.filled_internally and not t.end_month + 1 <= vacancy.month <= horizon:
        yield ScenarioError(
            "benefits.vacancy.month", vacancy.month, "out_of_range", Allowed(t.end_month + 1, horizon)
        )
    r = s.retention
    q1 = r.quit_probability_with_training
    if not 0.0 <= q1 <= 0.95 + 1e-12:
        yield ScenarioError(
            "retention.quit_probability_change",
            r.quit_probability_change,
            "out_of_range",
            Allowed(-r.annual_quit_probability, 0.95 - r.annual_quit_probability),
        )
    exit_month = s.dead_end.exit_month
    if s.employee.role_outlook is RoleOutlook.DEAD_END and not t.end_month + 1 <= exit_month <= horizon - 1:
        # leaving "job to job" comes after the training and before the horizon's end
        yield ScenarioError(
            "dead_end.exit_month", exit_month, "out_of_range", Allowed(t.end_month + 1, horizon - 1)
        )
    clause = r.study_cost_clause
    if clause.enabled and t.kind is TrainingKind.MANDATORY:
        yield ScenarioError("retention.study_cost_clause.enabled", True, "clause_void")
    if clause.scale is RepaymentScale.YEARLY_STEPS and clause.repayment_months % 12:
        yield ScenarioError(
            "retention.study_cost_clause.repayment_months",
            clause.repayment_months,
            "multiple_of",
            Allowed(12, 60, multiple_of=12),
        )


def validation_errors(scenario: Scenario) -> list[ScenarioError]:
    """Every problem with a scenario, in field order (empty when it is valid)."""
    tree = scenario_tree(type(scenario))
    errors = list(range_errors(tree, write_object(tree, scenario)))
    if errors:
        return errors  # cross-field rules assume each field is in range
    return list(cross_field_errors(scenario))


def validate(scenario: Scenario) -> Scenario:
    """Raise the first :class:`ScenarioError` of a scenario, or return it unchanged."""
    errors = validation_errors(scenario)
    if errors:
        raise errors[0]
    return scenario
