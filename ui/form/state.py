"""Session values ↔ scenario. Pure: takes any mapping, so it is tested without Streamlit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from functools import lru_cache
from typing import Any

from calculators.errors import Allowed, ScenarioError
from calculators.scenario.fields import field_spec
from calculators.scenario.io import default_scenario, scenario_from_dict, scenario_to_dict, validation_errors
from calculators.scenario.model import Scenario, TrainingKind
from ui.form.steps import ALL_FIELDS
from ui.form.widget_values import from_widget, seed
from ui.session import SUBSIDY_COUNT_KEY, doubt_key, subsidy_key, widget_key

__all__ = [
    "form_key",
    "form_scenario",
    "form_values",
    "load_into_state",
    "model_value",
    "scenario_errors",
    "scenario_from_state",
    "seed_fields",
]

_SUBSIDY_PARTS = ("name", "amount_eur", "month")


def _seed_doubts(state: MutableMapping[Any, Any], scenario: Scenario, overwrite: bool) -> None:
    for doubt in field_spec("doubts").values:
        key = doubt_key(doubt)
        if overwrite or key not in state:
            state[key] = doubt in scenario.doubts


def model_value(scenario: Scenario, path: str) -> Any:
    """A field's value in a scenario, by dotted path (JSON form)."""
    return _value_at(scenario_to_dict(scenario), path)


def _seed_subsidies(state: MutableMapping[Any, Any], scenario: Scenario, overwrite: bool) -> None:
    if overwrite or SUBSIDY_COUNT_KEY not in state:
        state[SUBSIDY_COUNT_KEY] = len(scenario.training.subsidies)
    spec = field_spec("training.subsidies")
    for index in range(spec.max_items or 0):
        item = scenario.training.subsidies[index] if index < len(scenario.training.subsidies) else None
        for part in _SUBSIDY_PARTS:
            key = subsidy_key(index, part)
            if overwrite or key not in state:
                part_spec = field_spec(f"training.subsidies.{part}")
                value = getattr(item, part) if item else part_spec.default
                state[key] = float(value) if part == "amount_eur" else value


def _value_at(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node[part]
    return node


def seed_fields(
    state: MutableMapping[Any, Any], paths: Iterable[str], scenario: Scenario | None = None
) -> None:
    """Give every field its starting value (the default scenario's) unless the user set one."""
    base = scenario or default_scenario()
    data = scenario_to_dict(base)
    for path in paths:
        if path != "doubts":
            seed(state, path, _value_at(data, path))
    _seed_subsidies(state, base, overwrite=False)
    _seed_doubts(state, base, overwrite=False)


def load_into_state(state: MutableMapping[Any, Any], paths: Iterable[str], scenario: Scenario) -> None:
    """Replace every field's value with an opened scenario's (the upload)."""
    data = scenario_to_dict(scenario)
    for path in paths:
        if path != "doubts":
            seed(state, path, _value_at(data, path), overwrite=True)
    _seed_subsidies(state, scenario, overwrite=True)
    _seed_doubts(state, scenario, overwrite=True)


def _data_from_state(state: Mapping[Any, Any], paths: Iterable[str]) -> dict[str, Any]:
    data = scenario_to_dict(default_scenario())
    for path in paths:
        key = widget_key(path)
        if key not in state or path == "doubts":
            continue
        node = data
        *parents, name = path.split(".")
        for part in parents:
            node = node[part]
        node[name] = from_widget(field_spec(path), state[key])
    count = state.get(SUBSIDY_COUNT_KEY)
    if isinstance(count, int):
        most = field_spec("training.subsidies").max_items or 0
        if not 0 <= count <= most:  # typed as such: refused by name, never swapped for another count
            raise ScenarioError("training.subsidies", count, "out_of_range", Allowed(0, most))
        data["training"]["subsidies"] = [
            {part: state.get(subsidy_key(index, part)) for part in _SUBSIDY_PARTS} for index in range(count)
        ]
    data["doubts"] = [doubt for doubt in field_spec("doubts").values if state.get(doubt_key(doubt))]
    if data["training"]["kind"] == TrainingKind.MANDATORY.value:
        data["retention"]["study_cost_clause"]["enabled"] = False  # void by law; the form says why
    return data


def scenario_from_state(state: Mapping[Any, Any], paths: Iterable[str]) -> Scenario:
    """The scenario the form describes; raises ScenarioError naming the field when it is invalid.

    Fields without a widget keep their defaults. A study-cost clause is switched off for
    training required by law or cao (the form explains that it would be void).
    """
    return scenario_from_dict(_data_from_state(state, paths))


def scenario_errors(state: Mapping[Any, Any], paths: Iterable[str]) -> list[ScenarioError]:
    """Every problem with the form's scenario (empty when it is valid)."""
    return form_scenario(state, tuple(paths))[1]


def form_scenario(
    state: Mapping[Any, Any], paths: tuple[str, ...]
) -> tuple[Scenario | None, list[ScenarioError]]:
    """The form's scenario (None when invalid) and every problem with it, in one pass."""
    try:
        scenario = scenario_from_dict(_data_from_state(state, paths), check=False)
    except ScenarioError as error:  # a wrong type: only a tampered session could do this
        return None, [error]
    errors = validation_errors(scenario)
    return (None if errors else scenario), errors


_MISSING = object()  # a key not in the state (never equal to any value a user can enter)


@lru_cache(maxsize=1)
def _form_keys() -> tuple[str, ...]:
    """Every session key form_scenario(state, ALL_FIELDS) reads (see _data_from_state)."""
    fields = tuple(widget_key(path) for path in ALL_FIELDS if path != "doubts")
    lines = tuple(
        subsidy_key(index, part)
        for index in range(field_spec("training.subsidies").max_items or 0)
        for part in _SUBSIDY_PARTS
    )
    doubts = tuple(doubt_key(doubt) for doubt in field_spec("doubts").values)
    return (*fields, SUBSIDY_COUNT_KEY, *lines, *doubts)


def form_values(state: Mapping[Any, Any]) -> dict[str, Any]:
    """Every value form_scenario(state, ALL_FIELDS) reads, each read once, in a plain dict.

    Streamlit's session state is slow to read (a lock and a lookup per key, about 4 µs); the form
    reads each key up to three times. Built from this dict, the form's scenario is the same.
    """
    values = {}
    for key in _form_keys():
        value = state.get(key, _MISSING)
        if value is not _MISSING:
            values[key] = value
    return values


def form_key(state: Mapping[Any, Any]) -> tuple[Any, ...]:
    """Everything form_scenario(state, ALL_FIELDS) reads, as a hashable key (lists become tuples).

    Only those keys are read: copying the whole session state (Streamlit's items()) took about
    0.6 ms per rerun, a tenth of a wizard step's time.
    """
    values = (state.get(key, _MISSING) for key in _form_keys())
    return tuple(tuple(value) if isinstance(value, list) else value for value in values)
