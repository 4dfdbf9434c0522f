"""How a scenario field's value is kept in the session (under ``ui.session.widget_key``): the form's
units (percent for rates) against the model's (fractions). Pure: no Streamlit, so the session model
(ui/form/state.py) and everything built on it stay importable without it.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from calculators.scenario.fields import FieldSpec, field_spec
from ui.session import widget_key

__all__ = ["PERCENT_UNITS", "from_widget", "seed", "to_widget"]

PERCENT_UNITS = frozenset({"fraction", "fraction_of_annual_salary", "fraction_points"})


def to_widget(spec: FieldSpec, value: Any) -> Any:
    """A model value as the form shows it (percent for rates; an empty number stays empty)."""
    if value is None and spec.nullable:
        return None
    if spec.unit in PERCENT_UNITS:
        return round(float(value) * 100.0, 6)
    if spec.type == "int":
        return int(value)
    if spec.type == "float":
        return float(value)
    if spec.type == "choice_list":
        return list(value)
    return value


def from_widget(spec: FieldSpec, value: Any) -> Any:
    """A form value as the model takes it (fraction for rates)."""
    if spec.unit in PERCENT_UNITS and isinstance(value, int | float):
        return float(value) / 100.0
    return value


def seed(state: MutableMapping[Any, Any], path: str, model_value: Any, *, overwrite: bool = False) -> None:
    """Put a field's value in the session (by default only when the user has not set one)."""
    key = widget_key(path)
    if overwrite or key not in state:
        state[key] = to_widget(field_spec(path), model_value)
