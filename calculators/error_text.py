"""Turns a :class:`ScenarioError` into a sentence in the user's language.

Values are shown in the field's own unit (percentages for rates, euros for money), so the
message reads like the form the user filled in.
"""

from __future__ import annotations

import math
import re

from calculators.errors import ScenarioError
from calculators.fields import field_specs, spec_path
from calculators.formatting import money, number, percent
from calculators.i18n import has_text, text

__all__ = ["format_in_unit", "render_error"]

_PERCENT_UNITS = {"fraction", "fraction_of_annual_salary"}
_MONEY_UNITS = {"eur", "eur_per_month", "eur_per_year", "eur_per_hour"}


def format_in_unit(value: object, unit: str, lang: str) -> str:
    """A value as the user would type it in this unit.

    >>> format_in_unit(0.95, "fraction", "nl")
    '95\\xa0%'
    >>> format_in_unit(-0.03, "fraction_points", "en")
    '-3 percentage points'
    >>> format_in_unit("abc", "eur", "en")
    '"abc"'
    >>> [format_in_unit(value, unit, "en") for value, unit in ((2026, "year"), (1, "months"), (2, "months"))]
    ['2026', '1 month', '2 months']
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = repr(value) if not isinstance(value, str) else f'"{value}"'
        return shown if len(shown) <= 40 else shown[:37] + "..."
    if not math.isfinite(value):
        return str(value)
    if unit in _PERCENT_UNITS:
        return percent(value, lang, 1 if abs(value * 100 - round(value * 100)) > 1e-9 else 0)
    if unit == "fraction_points":
        return text(
            lang, "units.fraction_points", value=number(value * 100, lang, 1).rstrip("0").rstrip(",.")
        )
    if unit in _MONEY_UNITS:
        return money(value, lang, cents=abs(value - round(value)) > 1e-9)
    if unit == "year":
        return str(int(value))  # 2026, never "2.026"
    shown = number(value, lang, 0 if float(value).is_integer() else 2)
    key = f"units.{unit}_one" if value == 1 and has_text(lang, f"units.{unit}_one") else f"units.{unit}"
    return text(lang, key, value=shown) if has_text(lang, key) else shown


def _label(field: str, lang: str) -> str:
    path = spec_path(field)
    key = f"fields.{path}.label"
    label = text(lang, key) if has_text(lang, key) else path
    match = re.search(r"\[(\d+)\]", field)
    if match:
        label = text(lang, "errors.item", label=label, number=int(match.group(1)) + 1)
    return label


def render_error(error: ScenarioError, lang: str) -> str:
    """The whole message: which field, what was wrong, what is allowed."""
    spec = field_specs().get(spec_path(error.field))
    unit = spec.unit if spec else ""
    allowed = error.allowed

    def shown(value: object) -> str:
        return format_in_unit(value, unit, lang)

    values = {
        "value": shown(error.value)
        if error.code not in {"too_large", "subsidies_exceed_costs"}
        else error.value,
        "min": shown(allowed.minimum) if allowed.minimum is not None else "",
        "max": shown(allowed.maximum) if allowed.maximum is not None else "",
        "values": ", ".join(allowed.values),
        "max_length": allowed.max_length or "",
        "max_items": allowed.max_items or "",
        "length": len(error.value) if isinstance(error.value, str) else "",
        "count": len(error.value) if isinstance(error.value, list | tuple) else "",
    }
    if error.code == "subsidies_exceed_costs" and allowed.maximum is not None:
        values["value"] = money(float(error.value), lang) if isinstance(error.value, int | float) else "?"
        values["max"] = money(allowed.maximum, lang)
    problem = text(lang, f"errors.{error.code}", **values)
    return text(lang, "errors.line", label=_label(error.field, lang), field=error.field, problem=problem)
