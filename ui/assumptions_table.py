"""The assumptions behind a result, as a table: every field, its value, its default and its source."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from calculators.error_text import format_in_unit
from calculators.i18n import Lang, text
from calculators.scenario.fields import FieldSpec, field_spec
from calculators.scenario.model import Scenario
from calculators.sources import sources
from ui.form.state import model_value

__all__ = ["assumptions_frame"]


def _shown(spec: FieldSpec, value: object, lang: Lang) -> str:
    if spec.type == "bool":
        return text(lang, "assumptions.yes") if value else text(lang, "assumptions.no")
    if spec.type == "choice":
        return text(lang, f"choices.{spec.path}.{value}")
    if spec.type == "choice_list":
        items = value if isinstance(value, list | tuple) else []
        return ", ".join(text(lang, f"choices.{spec.path}.{item}") for item in items) or "–"
    if spec.type == "text":
        return str(value) or "–"
    if value is None:  # a number left empty on purpose: its documented rule applies
        return text(lang, f"fields.{spec.path}.empty")
    return format_in_unit(value, spec.unit, lang)


def _same(value: object) -> object:
    """A list and a tuple with the same items are the same choice (the form keeps lists, defaults tuples)."""
    return tuple(value) if isinstance(value, list | tuple) else value


def assumptions_frame(scenario: Scenario, paths: Iterable[str], lang: Lang) -> pd.DataFrame:
    """One row per field: label, value, default, whether it was changed, and the default's source."""
    rows = []
    for path in paths:
        spec = field_spec(path)
        if spec.type == "text":
            continue  # the employee's label is no assumption
        value = model_value(scenario, path)
        cited = "; ".join(sources()[sid].citation() for sid in spec.sources if sid in sources())
        rows.append(
            {
                text(lang, "assumptions.field"): text(lang, f"fields.{path}.label"),
                text(lang, "assumptions.value"): _shown(spec, value, lang),
                text(lang, "assumptions.default"): _shown(spec, spec.default, lang),
                text(lang, "assumptions.changed"): (
                    text(lang, "assumptions.yes")
                    if _same(value) != _same(spec.default)
                    else text(lang, "assumptions.no")
                ),
                text(lang, "assumptions.source"): cited or text(lang, "assumptions.judgment"),
            }
        )
    return pd.DataFrame(rows)
