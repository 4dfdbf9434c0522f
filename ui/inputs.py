"""Input widgets built from the field catalogue: label, help, unit, range and default all from content/.

Rates are stored as fractions in the scenario and shown as percentages in the form; the widget's
min/max are the field's allowed range, so the browser itself refuses impossible values.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from calculators.error_text import format_in_unit
from calculators.fields import FieldSpec, field_spec
from calculators.i18n import Lang, has_text, text
from calculators.sources import sources

__all__ = [
    "PERCENT_UNITS",
    "choice_field",
    "from_widget",
    "help_text",
    "number_field",
    "seed",
    "to_widget",
    "toggle_field",
    "widget_key",
]

PERCENT_UNITS = frozenset({"fraction", "fraction_of_annual_salary", "fraction_points"})
_FORMATS = {
    "eur_per_month": "%.2f",
    "eur_per_hour": "%.2f",
    "eur": "%.0f",
    "eur_per_year": "%.0f",
    "ratio": "%.2f",
    "hours": "%.0f",
    "hours_per_week": "%.1f",
    "years": "%.1f",
}
_STEPS = {
    "eur_per_month": 50.0,
    "eur_per_hour": 1.0,
    "eur": 50.0,
    "eur_per_year": 100.0,
    "ratio": 0.05,
    "hours": 1.0,
    "hours_per_week": 1.0,
    "years": 1.0,
}


def widget_key(path: str) -> str:
    """The session-state key of a field's widget (also its CSS class ``st-key-<key>``).

    >>> widget_key("employee.gross_monthly_salary_eur")
    'in__employee__gross_monthly_salary_eur'
    """
    return "in__" + path.replace(".", "__")


def to_widget(spec: FieldSpec, value: Any) -> Any:
    """A model value as the form shows it (percent for rates)."""
    if spec.unit in PERCENT_UNITS:
        return round(float(value) * 100.0, 6)
    if spec.type == "int":
        return int(value)
    if spec.type == "float":
        return float(value)
    return value


def from_widget(spec: FieldSpec, value: Any) -> Any:
    """A form value as the model takes it (fraction for rates)."""
    if spec.unit in PERCENT_UNITS and isinstance(value, int | float):
        return float(value) / 100.0
    return value


def help_text(spec: FieldSpec, lang: Lang) -> str:
    """Plain-language help, the allowed range, the default and why, and its sources."""
    parts = [text(lang, f"fields.{spec.path}.help")]
    if spec.minimum is not None and spec.maximum is not None:
        parts.append(
            text(
                lang,
                "inputs.allowed",
                min=format_in_unit(spec.minimum, spec.unit, lang),
                max=format_in_unit(spec.maximum, spec.unit, lang),
            )
        )
    if spec.type in {"int", "float"}:
        default = format_in_unit(spec.default, spec.unit, lang)
        parts.append(text(lang, "inputs.default", value=default, basis=spec.basis(lang)))
    else:
        parts.append(spec.basis(lang))
    cited = [sources()[sid].citation() for sid in spec.sources if sid in sources()]
    if cited:
        parts.append(text(lang, "inputs.sources", sources="; ".join(cited)))
    return "\n\n".join(parts)


def _label(spec: FieldSpec, lang: Lang) -> str:
    label = text(lang, f"fields.{spec.path}.label")
    suffix_key = f"inputs.unit_suffix.{spec.unit}"
    return f"{label} ({text(lang, suffix_key)})" if has_text(lang, suffix_key) else label


def seed(state: MutableMapping[Any, Any], path: str, model_value: Any) -> None:
    """Put a field's starting value in the session once (never over the user's own value)."""
    key = widget_key(path)
    if key not in state:
        state[key] = to_widget(field_spec(path), model_value)


def number_field(path: str, lang: Lang, *, disabled: bool = False) -> None:
    """A bounded number input for one scenario field."""
    spec = field_spec(path)
    assert spec.minimum is not None and spec.maximum is not None
    if spec.type == "int":
        low: float | int = int(spec.minimum)
        high: float | int = int(spec.maximum)
        step: float | int = 1
        fmt = "%d"
    else:
        scale = 100.0 if spec.unit in PERCENT_UNITS else 1.0
        low, high = float(spec.minimum) * scale, float(spec.maximum) * scale
        step = 0.5 if spec.unit in PERCENT_UNITS else _STEPS.get(spec.unit, 1.0)
        fmt = "%.1f" if spec.unit in PERCENT_UNITS else _FORMATS.get(spec.unit, "%.2f")
    st.number_input(
        _label(spec, lang),
        min_value=low,
        max_value=high,
        step=step,
        format=fmt,
        key=widget_key(path),
        help=help_text(spec, lang),
        disabled=disabled,
        persist_state="session",
    )


def choice_field(path: str, lang: Lang) -> None:
    """A select box over a field's allowed values, labelled in the user's language."""
    spec = field_spec(path)
    st.selectbox(
        _label(spec, lang),
        options=list(spec.values),
        format_func=lambda value: text(lang, f"choices.{path}.{value}"),
        key=widget_key(path),
        help=help_text(spec, lang),
        persist_state="session",
    )


def toggle_field(path: str, lang: Lang, *, disabled: bool = False) -> None:
    """An on/off switch for a yes/no field."""
    spec = field_spec(path)
    st.toggle(
        _label(spec, lang),
        key=widget_key(path),
        help=help_text(spec, lang),
        disabled=disabled,
        persist_state="session",
    )
