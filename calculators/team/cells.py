"""Team mode's cells: one spreadsheet cell read as what its column needs, or why it cannot be.

A number is read by :mod:`calculators.team.numbers`; a choice by the words of
``content/team_columns.yaml``; a number outside its field's range, or with decimals where a whole
number belongs, is refused with the same error (and message) as
:func:`calculators.scenario.io.validation_errors` gives. A spreadsheet cell without a usable value
(an error value, a formula without its saved result) arrives as :class:`BadCell`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from calculators.error_text import format_in_unit
from calculators.errors import Allowed, ScenarioError
from calculators.i18n import Lang, text
from calculators.scenario.fields import field_specs, spec_path
from calculators.team.columns import TeamColumn, column_for_field, fold_words, is_money, value_field
from calculators.team.numbers import (
    CellRefused,
    Notation,
    NotationEvidence,
    NumberNotation,
    ParsedNumber,
    parse_number,
)

__all__ = [
    "UNSHOWABLE_CHARACTER",
    "BadCell",
    "Cell",
    "CellProblem",
    "ColumnReader",
    "is_empty",
    "range_error",
    "shown_value",
    "text_value",
]

_SHOWN_VALUE_LENGTH = 40
# What a name never holds, as calculators.scenario.io refuses it: the Unicode categories Cc (controls),
# Cs (surrogates), Zl and Zp (line and paragraph separators), as one search instead of a lookup per
# character (tests/unit/team/test_team_cells.py checks the set against unicodedata, code point by code point).
UNSHOWABLE_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NUMBER_KINDS = frozenset({"number", "percent", "subsidy"})


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
    """A cell as text: a whole number without ".0", text without the spaces around it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_empty(value: object) -> bool:
    """Whether a cell holds nothing (no value, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def range_error(field: str, value: float, path: str | None = None) -> ScenarioError | None:
    """A number outside its field's range, or with decimals where a whole number belongs: the same
    error, with the same message, as :func:`calculators.scenario.io.validation_errors` gives.
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
    """A cell as a message quotes it: its text, shortened to 40 characters."""
    shown = text_value(value) if not isinstance(value, BadCell) else value.value
    return shown if len(shown) <= _SHOWN_VALUE_LENGTH else shown[: _SHOWN_VALUE_LENGTH - 1] + "…"


class Cell(NamedTuple):  # a tuple, not a dataclass: made once per distinct cell of a file, so cheaply
    """One cell as read: the value for the scenario (None: empty, the field keeps its default) or the
    problem that refuses it. ``read_as`` is what a number that could be read both ways was read as
    by the file's notation (before a percentage is divided by 100), ``shown`` its text for the
    message; ``shortened`` holds a shortened name's length in the file and the length kept."""

    value: object = None
    problem: CellProblem | ScenarioError | None = None
    read_as: float | None = None
    shown: str = ""
    shortened: tuple[int, int] | None = None

    @property
    def remarkable(self) -> bool:
        """Whether the row has to hear of this cell: a problem, a reading by notation, a shortening."""
        return self.problem is not None or self.read_as is not None or self.shortened is not None


_EMPTY = Cell()


class ColumnReader:
    """The cells of one column of one file. Each distinct cell is read once (a team repeats its hours,
    ages and choices), and a number's text is parsed once for both the file's notation and its value.
    Nothing is kept beyond the file: a reader lives as long as one :func:`read_team_file` call."""

    def __init__(self, column: TeamColumn) -> None:
        self.column = column
        self.numbers = column.kind in _NUMBER_KINDS
        self._money = self.numbers and is_money(column)
        self._field = value_field(column)
        self._parsed: dict[str, ParsedNumber | CellRefused] = {}

    def _parse(self, raw: str) -> ParsedNumber | CellRefused:
        """``raw`` read without a notation (one that could be read both ways is refused as ambiguous)."""
        parsed = self._parsed.get(raw)
        if parsed is None:
            try:
                parsed = parse_number(
                    raw, money=self._money, percent=self.column.kind == "percent", notation=None
                )
            except CellRefused as refused:
                parsed = refused
            self._parsed[raw] = parsed
        return parsed

    def shows(self, raw: str) -> Notation | None:
        """The notation a text cell of this number column shows (as :func:`number_notation`)."""
        parsed = self._parse(raw)
        return parsed.shows if isinstance(parsed, ParsedNumber) else None

    def read(self, values: Sequence[object], notation: NumberNotation) -> tuple[list[Cell], bool]:
        """Every cell of the column as read by the file's ``notation``, and whether any of them is
        remarkable (:attr:`Cell.remarkable`)."""
        distinct = dict.fromkeys(values)
        if all(type(value) is str or value is None for value in distinct):  # a CSV: text never equals
            table = {value: self._cell(value, notation) for value in distinct}  # a value of another type
            cells = list(map(table.__getitem__, values))
        else:  # a workbook: by type and exact repr, as True == 1 == 1.0 and -0.0 == 0.0 would merge
            keys = [value if type(value) is str else (type(value), repr(value)) for value in values]
            table = {
                key: self._cell(value, notation)
                for key, value in dict(zip(keys, values, strict=True)).items()
            }
            cells = list(map(table.__getitem__, keys))
        return cells, any(cell.remarkable for cell in table.values())

    def _cell(self, value: object, notation: NumberNotation) -> Cell:
        column = self.column
        if is_empty(value):
            if column.required and column.kind != "text":
                return Cell(problem=CellProblem("empty", self._field))
            return _EMPTY
        read_as: float | None = None
        try:
            if isinstance(value, BadCell):
                raise CellRefused(value.code)
            if column.kind == "text":
                return self._label(text_value(value))
            if not self.numbers:
                stored = _choice(value, column)
                return Cell(stored == "yes" if column.kind == "yes_no" else stored)
            number, read_as = self._number(value, notation)
        except CellRefused as refused:
            dutch, english = notation.dutch, notation.english
            mixed = (dutch, english) if refused.code == "ambiguous_mixed" and dutch and english else None
            problem = CellProblem(refused.code, self._field, shown_value(value), refused.parts, mixed)
            return Cell(problem=problem)
        shown = shown_value(value) if read_as is not None else ""
        number = number / 100.0 if column.kind == "percent" else number
        error: ScenarioError | None
        if column.kind == "subsidy":  # 0 is no subsidy, whatever the range
            error = (
                range_error("training.subsidies[0].amount_eur", number, "training.subsidies.amount_eur")
                if number != 0
                else None
            )
        else:
            error = range_error(column.field, number)
        return Cell(None if error else number, error, read_as, shown)

    def _number(self, value: object, notation: NumberNotation) -> tuple[float, float | None]:
        """A number cell's value, and what it was read as when only the file's notation decided."""
        if type(value) is str:  # a CSV's every cell: the checks below would all fail
            raw = value
        elif isinstance(value, bool):
            raise CellRefused("not_a_number")
        elif isinstance(value, int | float):
            return float(value), None
        elif isinstance(value, datetime | date | time | timedelta):
            raise CellRefused("date")
        else:
            raw = str(value)
        parsed = self._parse(raw)
        if isinstance(parsed, ParsedNumber):
            return parsed.value, None
        if parsed.code == "ambiguous" and notation.notation is not None:
            percent = self.column.kind == "percent"
            number = parse_number(raw, money=self._money, percent=percent, notation=notation.notation).value
            return number, number
        if parsed.code == "ambiguous" and notation.mixed:
            raise CellRefused("ambiguous_mixed", parsed.parts)
        raise CellRefused(parsed.code, parsed.parts)

    def _label(self, label: str) -> Cell:
        """A name as it is kept: shortened, with a note, when it is longer than its field allows."""
        limit = field_specs()[self.column.field].max_length
        shortened = None
        if limit is not None and len(label) > limit:
            label, shortened = label[: limit - 1].rstrip() + "…", (len(label), limit)
        error = None
        if UNSHOWABLE_CHARACTER.search(label):
            error = ScenarioError(self.column.field, label, "invalid_characters", Allowed(max_length=limit))
        return Cell(label, error, shortened=shortened)
