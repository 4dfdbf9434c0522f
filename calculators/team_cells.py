"""Team mode's cells: one spreadsheet cell read as what its column needs, or why it cannot be.

A number is read by :mod:`calculators.team_numbers`; a choice by the words of
``content/team_columns.yaml``; a number outside its field's range, or with decimals where a whole
number belongs, is refused with the same error (and message) as
:func:`calculators.scenario_io.validation_errors` gives. A spreadsheet cell without a usable value
(an error value, a formula without its saved result) arrives as :class:`BadCell`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from calculators.error_text import format_in_unit
from calculators.errors import Allowed, ScenarioError
from calculators.fields import field_specs, spec_path
from calculators.i18n import Lang, text
from calculators.team_columns import TeamColumn, column_for_field, fold_words, is_money
from calculators.team_numbers import CellRefused, NotationEvidence, NumberNotation, parse_number

__all__ = [
    "BadCell",
    "CellProblem",
    "Reading",
    "cell_value",
    "is_empty",
    "range_error",
    "shown_value",
    "text_value",
]

_SHOWN_VALUE_LENGTH = 40


def _readings(parts: tuple[str, str], lang: Lang | str) -> tuple[str, str]:
    """The two readings of an ambiguous number: thousands (1800) and decimal (1,8 or 1.8)."""
    whole, fraction = parts
    point = "," if Lang(lang) is Lang.NL else "."
    decimal = fraction.rstrip("0")
    return whole + fraction, f"{whole}{point}{decimal}" if decimal else whole


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A cell that cannot be read as what its column needs.

    ``code``: empty, not_a_number, ambiguous (no evidence of the file's notation), ambiguous_mixed
    (evidence both ways: ``mixed`` holds one of each), not_a_choice, not_yes_no, date,
    formula_without_value, spreadsheet_error, extra_cells. ``parts`` holds the two readings of an
    ambiguous number.
    """

    code: str
    field: str
    value: str = ""
    parts: tuple[str, str] = ("", "")
    mixed: tuple[NotationEvidence, NotationEvidence] | None = None

    def message(self, lang: Lang | str) -> str:
        """Why the cell was refused, in ``lang``, with what is allowed."""
        values: dict[str, object] = {"value": self.value}
        spec = field_specs().get(spec_path(self.field)) if self.field else None
        if spec is not None and spec.minimum is not None and spec.maximum is not None:
            values["min"] = format_in_unit(spec.minimum, spec.unit, str(lang))
            values["max"] = format_in_unit(spec.maximum, spec.unit, str(lang))
        column = column_for_field(self.field)
        if column is not None and column.kind in {"choice", "yes_no"}:
            values["values"] = ", ".join(column.word(value, lang) for value in column.template_words)
        if self.code in {"ambiguous", "ambiguous_mixed"}:
            values["whole"], values["decimal"] = _readings(self.parts, lang)
        if self.mixed is not None:
            values["dutch"], values["english"] = (evidence.describe(lang) for evidence in self.mixed)
        key = f"team.cell_errors.{self.code}"
        if self.code == "empty" and column is not None and column.kind in {"choice", "yes_no"}:
            key = "team.cell_errors.empty_choice"
        return text(lang, key, **values)


@dataclass(frozen=True, slots=True)
class BadCell:
    """A spreadsheet cell that has no usable value (an error value, a formula without its result)."""

    code: str
    value: str = ""


@dataclass
class Reading:
    """The file's notation while its rows are read, and the cells read by it (mutable: one file)."""

    notation: NumberNotation
    read: int = 0
    example: NotationEvidence | None = None
    example_number: float = 0.0

    @property
    def mixed(self) -> tuple[NotationEvidence, NotationEvidence] | None:
        """Where the file shows each notation, when it shows both."""
        dutch, english = self.notation.dutch, self.notation.english
        return (dutch, english) if dutch is not None and english is not None else None


def _number(value: object, column: TeamColumn, reading: Reading, row: int) -> float:
    if isinstance(value, bool):
        raise CellRefused("not_a_number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime | date | time | timedelta):
        raise CellRefused("date")
    notation = reading.notation.notation
    try:
        parsed = parse_number(
            str(value), money=is_money(column), percent=column.kind == "percent", notation=notation
        )
    except CellRefused as refused:
        if refused.code == "ambiguous" and reading.notation.mixed:
            raise CellRefused("ambiguous_mixed", refused.parts) from None
        raise
    if parsed.ambiguous is not None:
        reading.read += 1
        if reading.example is None:
            reading.example = NotationEvidence(row, shown_value(value))
            reading.example_number = parsed.value
    return parsed.value


def _choice(value: object, column: TeamColumn) -> str:
    if column.kind == "yes_no":
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int | float) and value in {0, 1}:
            return "yes" if value == 1 else "no"
        folded = {"1": "yes", "0": "no"}.get(str(value).strip()) or column.words.get(fold_words(str(value)))
        if folded is None:
            raise CellRefused("not_yes_no")
        return folded
    stored = column.words.get(fold_words(str(value)))
    if stored is None:
        raise CellRefused("not_a_choice")
    return stored


def text_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_value(column: TeamColumn, value: object, reading: Reading, row: int) -> object:
    """The model value of one filled cell (raises CellRefused)."""
    if isinstance(value, BadCell):
        raise CellRefused(value.code)
    if column.kind == "text":
        return text_value(value)
    if column.kind in {"choice", "yes_no"}:
        stored = _choice(value, column)
        return stored == "yes" if column.kind == "yes_no" else stored
    number = _number(value, column, reading, row)
    return number / 100.0 if column.kind == "percent" else number


def range_error(field: str, value: float, path: str | None = None) -> ScenarioError | None:
    """A number outside its field's range, or with decimals where a whole number belongs: the same
    error, with the same message, as :func:`calculators.scenario_io.validation_errors` gives.
    ``path`` is the field's spec path when ``field`` holds a list index."""
    spec = field_specs()[path or field]
    assert spec.minimum is not None and spec.maximum is not None
    if not math.isfinite(value):
        code = "not_finite"
    elif spec.type == "int" and not value.is_integer():
        code = "wrong_type_int"
    elif not spec.minimum <= value <= spec.maximum:
        code = "out_of_range"
    else:
        return None
    return ScenarioError(field, value, code, Allowed(spec.minimum, spec.maximum))


def shown_value(value: object) -> str:
    shown = text_value(value) if not isinstance(value, BadCell) else value.value
    return shown if len(shown) <= _SHOWN_VALUE_LENGTH else shown[: _SHOWN_VALUE_LENGTH - 1] + "…"
