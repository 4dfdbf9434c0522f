"""Session values ↔ scenario. Pure: takes any mapping, so it is tested without Streamlit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

from calculators.fields import field_spec
from calculators.scenario import Scenario, TrainingKind
from calculators.scenario_io import default_scenario, scenario_from_dict, scenario_to_dict
from ui.inputs import from_widget, seed, widget_key

__all__ = ["model_value", "scenario_from_state", "seed_fields"]


def model_value(scenario: Scenario, path: str) -> Any:
    """A field's value in a scenario, by dotted path (JSON form)."""
    node: Any = scenario_to_dict(scenario)
    for part in path.split("."):
        node = node[part]
    return node


def seed_fields(
    state: MutableMapping[Any, Any], paths: Iterable[str], scenario: Scenario | None = None
) -> None:
    """Give every field its starting value (the default scenario's) unless the user set one."""
    base = scenario or default_scenario()
    for path in paths:
        seed(state, path, model_value(base, path))


def scenario_from_state(state: Mapping[Any, Any], paths: Iterable[str]) -> Scenario:
    """The scenario the form describes; raises ScenarioError naming the field when it is invalid.

    Fields without a widget keep their defaults. A study-cost clause is switched off for
    training required by law or cao (the form explains that it would be void).
    """
    data = scenario_to_dict(default_scenario())
    for path in paths:
        key = widget_key(path)
        if key not in state:
            continue
        node = data
        *parents, name = path.split(".")
        for part in parents:
            node = node[part]
        node[name] = from_widget(field_spec(path), state[key])
    if data["training"]["kind"] == TrainingKind.MANDATORY.value:
        data["retention"]["study_cost_clause"]["enabled"] = False
    return scenario_from_dict(data)
