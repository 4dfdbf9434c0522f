"""Team mode's spreadsheet: read an advisor's CSV or Excel file of employees, write the template
and the team's results. Pure Python (no Streamlit); the file is read from memory only.

Columns
-------
The columns, their header texts in Dutch and English, the words accepted in choice columns and
the template's example rows live in ``content/team_columns.yaml``. Each row becomes one scenario:
the row's values on top of the defaults of ``content/defaults.yaml``, built and checked by
:func:`calculators.scenario_io.scenario_from_dict` and
:func:`calculators.scenario_io.validation_errors`, so a team file accepts exactly the ranges a
scenario file and the wizard accept, with the same messages (field, value, allowed range; nl/en).

Numbers
-------
Spreadsheet number cells are taken as they are. Text is read like this (euro signs around money
and a ``%`` after a percentage are allowed; a leading ``-`` or ``+`` is the sign):

- ``3250``, ``3250,5`` and ``3250.50`` — one separator that is not followed by exactly three digits
  is the decimal separator (Dutch comma or English point);
- ``3.250,50`` and ``3,250.50`` — with both separators, the last one is the decimal separator and
  the other must group thousands (``1.234.567,8``);
- ``1.250.000`` and ``1,250,000`` — the same separator twice or more groups thousands;
- ``1.800`` and ``1,800`` — one separator before exactly three digits (after one to three digits,
  not ``0``) can be read both ways. These are read by **the file's notation**, settled once per
  file: a semicolon-separated CSV is what Dutch Excel writes (Dutch), and every cell that can only
  be read one way shows its notation (``3.250,50``, ``3250,5`` and ``1.250.000`` are Dutch;
  ``3,250.50``, ``3250.5`` and ``1,250,000`` are English). In a Dutch file ``1.800`` is 1800 and
  ``1,800`` is 1.8; in an English file the other way round. A comma between the columns settles
  nothing (Google Sheets and LibreOffice write commas whatever the decimal mark). When the file
  gives no evidence, or evidence both ways, ``1.800`` is **refused as ambiguous** (a factor of a
  thousand on course fees is too costly a guess), and the message says which of the two it is and
  asks for ``1800`` or ``1,8``.

Refusals
--------
A whole file is refused with :class:`TeamFileError` (Dutch and English text) when it is empty,
over 5 MB, of an unknown format, not what its name says (checked by its first bytes: an ``.xlsx``
must be a ZIP with ``[Content_Types].xml`` and ``xl/workbook.xml``; a ``.csv`` must be text in
UTF-8, with or without BOM, or Windows-1252), binary, a ZIP whose members unpack to more than
100 MB or more than 200 times their packed size (a zip bomb; checked before openpyxl opens it),
without a header row with the required columns, without employees, or with more than 5,000
employee rows. Excel files are opened with ``read_only=True, data_only=True``: formulas are never
evaluated; a formula cell is read through the value Excel saved with it, and a formula without
a saved value is a bad cell. Columns are separated by ``;`` or ``,`` (whichever the header row
uses).

A bad row does not stop the file: **every** bad cell of it is reported with its row number as the
spreadsheet shows it (the header is row 1), the column and the reason (a cell that cannot be read,
a whole number written with decimals, a value outside its range), and the other rows are still
computed. The rules that tie fields together (no clause with mandatory training, subsidies at most
the costs, hours within the contract) are checked once every cell of the row is right, because they
need the row's own values. A name or label longer than 40 characters does not cost the row: it is
shortened (to 39 characters and "…") with a note (:class:`RowNote`).

Export
------
Results are written as CSV (Dutch: ``;`` and a decimal comma; English: ``,`` and a point) and
.xlsx. Both list every employee row of the file in its order: a computed row with its figures, a
skipped row with empty figures and, in the last column (*Opmerking* / *Note*), why it was skipped;
the same column carries a shortened name's note. The workbook adds a sheet with one line per bad
cell of the skipped rows, and the totals. A text cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab, a carriage return or a null character gets an apostrophe in front, so a spreadsheet shows
it as text instead of running it as a formula (OWASP ASVS 5.0 requirement 1.2.10, CSV and formula
injection; sources.yaml: owasp_asvs_formula_injection).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, Literal

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from calculators.content import ContentError, load_yaml
from calculators.error_text import format_in_unit
from calculators.errors import Allowed, ScenarioError
from calculators.fields import field_spec, field_specs, spec_path
from calculators.formatting import number as format_number
from calculators.i18n import Lang, has_text, text
from calculators.scenario import Scenario
from calculators.scenario_io import scenario_from_dict, validation_errors
from calculators.team import TeamMember, TeamResult

__all__ = [
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "CellProblem",
    "GuideRow",
    "Notation",
    "NotationEvidence",
    "NumberNotation",
    "RowError",
    "RowNote",
    "SkippedRow",
    "TeamColumn",
    "TeamFile",
    "TeamFileError",
    "TeamRow",
    "column_guide",
    "export_csv",
    "export_xlsx",
    "number_notation",
    "parse_decimal",
    "read_team_file",
    "safe_cell",
    "team_columns",
    "template_csv",
    "template_xlsx",
]

MAX_FILE_BYTES = 5 * 1024 * 1024  # 5 MB: a team of 5,000 is well under 1 MB as CSV
MAX_ROWS = 5_000  # employee rows (blank rows do not count)
MAX_COLUMNS = 100  # header cells; the template has 16
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all members of an .xlsx together, unpacked
MAX_COMPRESSION_RATIO = 200  # unpacked / packed per member; spreadsheets stay far below, zip bombs far above
_MAX_ZIP_MEMBERS = 1_000
_RATIO_FLOOR_BYTES = 1024 * 1024  # a member this small cannot hurt, whatever its ratio
_KINDS = {"number", "percent", "text", "choice", "yes_no", "subsidy"}
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_SHOWN_VALUE_LENGTH = 40


# --------------------------------------------------------------------------- errors


class TeamFileError(ValueError):
    """The whole file is refused; ``message(lang)`` says why in Dutch or English."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: Lang | str) -> str:
        """The reason, in ``lang``."""
        values = {name: _shown(value, lang) for name, value in self.values.items()}
        return text(lang, f"team.file_errors.{self.code}", **values)


def _shown(value: object, lang: Lang | str) -> str:
    """A value for a message: counts with the language's separators, formats named by key."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, tuple):
        return ", ".join(_shown(item, lang) for item in value)
    if isinstance(value, _Named):
        return text(lang, value.key)
    if isinstance(value, _Megabytes):
        return f"{format_number(value.size / 1024 / 1024, lang, 1)} MB"
    if isinstance(value, _Headers):
        return ", ".join(column.header(lang) for column in team_columns() if column.id in value.ids)
    return str(value)


@dataclass(frozen=True, slots=True)
class _Named:
    """A value whose words depend on the language (a text key)."""

    key: str


@dataclass(frozen=True, slots=True)
class _Megabytes:
    """A file size, shown in MB with the language's decimal mark."""

    size: int


@dataclass(frozen=True, slots=True)
class _Headers:
    """Columns named by their template header in the message's language."""

    ids: tuple[str, ...]


Notation = Literal["nl", "en"]  # Dutch 1.234,56 or English 1,234.56


@dataclass(frozen=True, slots=True)
class NotationEvidence:
    """What shows a file's number notation: a cell that can only be read one way (its row and its
    text), or, with ``row`` 0, the semicolons between the columns of a CSV (Dutch Excel's)."""

    row: int
    value: str = ""

    def describe(self, lang: Lang | str) -> str:
        """Where the evidence is, in ``lang``: "'3.250,50' in rij 2" or the semicolons."""
        if self.row == 0:
            return text(lang, "team.notation.semicolons")
        return text(lang, "team.notation.cell", value=self.value, row=self.row)


@dataclass(frozen=True, slots=True)
class NumberNotation:
    """How a file writes its numbers, settled once per file (see the module notes).

    ``notation`` is None when the file shows no notation, or both (``dutch`` and ``english`` then
    say where). ``read`` counts the cells that could be read both ways and were read by
    ``notation``; ``example`` is the first of them.
    """

    notation: Notation | None = None
    dutch: NotationEvidence | None = None
    english: NotationEvidence | None = None
    read: int = 0
    example: NotationEvidence | None = None
    example_number: float = 0.0  # what the example was read as

    @property
    def mixed(self) -> bool:
        """Whether the file shows both notations."""
        return self.dutch is not None and self.english is not None

    def message(self, lang: Lang | str) -> str | None:
        """What the page says when numbers were read by the file's notation (else None).

        >>> note = NumberNotation("nl", NotationEvidence(0), read=1, example=NotationEvidence(3, "1.800"),
        ...                       example_number=1800.0)
        >>> print(note.message("en"))
        '1.800' in row 3 can be read two ways and was read as 1800, because the file writes numbers the ...
        """
        if self.notation is None or self.example is None or not self.read:
            return None
        evidence = self.dutch if self.notation == "nl" else self.english
        assert evidence is not None
        number = self.example_number
        reading = str(int(number)) if number.is_integer() else repr(number)
        if Lang(lang) is Lang.NL:
            reading = reading.replace(".", ",")
        return text(
            lang,
            "team.notation.read_one" if self.read == 1 else "team.notation.read",
            count=format_number(self.read, lang),
            example=self.example.value,
            row=self.example.row,
            reading=reading,
            notation=text(lang, f"team.notation.{self.notation}"),
            reason=evidence.describe(lang),
        )


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
        column = _column_for_field(self.field)
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
class RowError:
    """One problem in one row: the row number as the spreadsheet shows it, the column, the reason."""

    row: int
    column: str  # the header as written in the file; "" when the problem lies in no single column
    problem: ScenarioError | CellProblem

    def column_name(self, lang: Lang | str) -> str:
        """The column as the user knows it: their header, else the field's name."""
        if self.column:
            return self.column
        key = f"fields.{spec_path(self.problem.field)}.label"
        return text(lang, key) if has_text(lang, key) else "–"

    def reason(self, lang: Lang | str) -> str:
        """What is wrong and what is allowed, in ``lang`` (never the field's internal path)."""
        if isinstance(self.problem, ScenarioError):
            return self.problem.message(str(lang), path=False)
        return self.problem.message(lang)


@dataclass(frozen=True, slots=True)
class RowNote:
    """Something the reader changed in a row that was still computed: a name shortened to fit.

    ``code``: label_shortened (``length`` characters in the file, ``max_length`` kept).
    """

    row: int
    column: str  # the header as written in the file
    code: str
    length: int = 0
    max_length: int = 0

    def message(self, lang: Lang | str) -> str:
        """What was changed and why, in ``lang``."""
        return text(lang, f"team.notes.{self.code}", length=self.length, max=self.max_length)


# --------------------------------------------------------------------------- columns


def _words(value: str) -> str:
    """Text folded for matching: case, accents' forms, punctuation and spacing do not count.

    >>> _words("  Dead-End_track ")
    'dead end track'
    """
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(re.findall(r"[^\W_]+", folded))


def _header_key(value: str) -> str:
    """A header folded for matching; units in brackets do not count.

    >>> _header_key("Bruto maandsalaris (€)")
    'bruto maandsalaris'
    """
    return _words(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", value))


@dataclass(frozen=True, slots=True)
class TeamColumn:
    """One column of the team file (content/team_columns.yaml)."""

    id: str
    field: str
    kind: str
    required: bool
    header_nl: str
    header_en: str
    names: frozenset[str]
    words: Mapping[str, str]  # folded word -> stored value
    template_words: Mapping[str, tuple[str, str]]  # stored value -> (Dutch word, English word)

    def header(self, lang: Lang | str) -> str:
        """The template's header text in ``lang``."""
        return self.header_nl if Lang(lang) is Lang.NL else self.header_en

    def word(self, value: str, lang: Lang | str) -> str:
        """The template's word for a stored choice value."""
        nl, en = self.template_words[value]
        return nl if Lang(lang) is Lang.NL else en


def _column(column_id: str, raw: Mapping[str, Any]) -> TeamColumn:
    where = f"team_columns.yaml: {column_id}"
    kind, field = raw.get("kind"), str(raw.get("field", ""))
    if kind not in _KINDS:
        raise ContentError(f"{where}: unknown kind {kind!r}")
    if field not in field_specs():
        raise ContentError(f"{where}: unknown field {field!r}")
    header = raw.get("header") or {}
    if not header.get("nl") or not header.get("en"):
        raise ContentError(f"{where}: needs a header in nl and en")
    names = {_header_key(header["nl"]), _header_key(header["en"])}
    names.update(_header_key(str(alias)) for alias in raw.get("aliases", ()))
    words: dict[str, str] = {}
    template_words: dict[str, tuple[str, str]] = {}
    if kind in {"choice", "yes_no"}:
        allowed = field_spec(field).values if kind == "choice" else ("yes", "no")
        values = raw.get("values") or {}
        if set(values) != set(allowed):
            raise ContentError(f"{where}: values must be exactly {list(allowed)}")
        for value in allowed:
            per_lang = values[value]
            if not per_lang.get("nl") or not per_lang.get("en"):
                raise ContentError(f"{where}: value {value!r} needs nl and en words")
            template_words[value] = (str(per_lang["nl"][0]), str(per_lang["en"][0]))
            for word in [value, *per_lang["nl"], *per_lang["en"]]:
                key = _words(str(word))
                if words.setdefault(key, value) != value:
                    raise ContentError(f"{where}: the word {word!r} stands for two values")
    return TeamColumn(
        id=column_id,
        field=field,
        kind=str(kind),
        required=bool(raw.get("required", False)),
        header_nl=str(header["nl"]),
        header_en=str(header["en"]),
        names=frozenset(names),
        words=words,
        template_words=template_words,
    )


@lru_cache(maxsize=1)
def team_columns() -> tuple[TeamColumn, ...]:
    """Every column of the team file, in template order.

    >>> [column.id for column in team_columns()][:3]
    ['label', 'salary', 'hours_per_week']
    """
    raw = load_yaml("team_columns.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("columns"), Mapping):
        raise ContentError("team_columns.yaml must have a 'columns' mapping")
    columns = tuple(_column(str(column_id), spec) for column_id, spec in raw["columns"].items())
    seen: dict[str, str] = {}
    for column in columns:
        for name in column.names:
            if seen.setdefault(name, column.id) != column.id:
                raise ContentError(f"team_columns.yaml: header {name!r} names {seen[name]} and {column.id}")
    return columns


def _column_for_field(field: str) -> TeamColumn | None:
    path = spec_path(field)
    for column in team_columns():
        if column.field == path or (column.kind == "subsidy" and path.startswith(column.field)):
            return column
    return None


@lru_cache(maxsize=1)
def _examples() -> tuple[Mapping[str, Any], ...]:
    raw = load_yaml("team_columns.yaml")
    examples = raw.get("examples") or []
    ids = {column.id for column in team_columns()}
    for example in examples:
        unknown = set(example) - ids
        if unknown:
            raise ContentError(f"team_columns.yaml: example with unknown columns {sorted(unknown)}")
    return tuple(examples)


# --------------------------------------------------------------------------- cell values


class _Refused(Exception):  # noqa: N818 — internal signal, never leaves this module
    """A cell could not be read."""

    def __init__(self, code: str, parts: tuple[str, str] = ("", "")) -> None:
        super().__init__(code)
        self.code = code
        self.parts = parts


@dataclass(frozen=True, slots=True)
class _BadCell:
    """A spreadsheet cell that has no usable value (an error value, a formula without its result)."""

    code: str
    value: str = ""


_SIGNS = {"-": -1.0, "\u2212": -1.0, "+": 1.0}
_CURRENCY = re.compile(r"^(?:€|eur\b)\s*|\s*(?:€|eur)$", re.IGNORECASE)
_UNSHOWABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})  # as calculators.scenario_io: never in a name


def _grouped(number: str, separator: str) -> bool:
    groups = number.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A number read from text, the notation its writing shows (None: none), and for a number that
    could be read both ways, its two parts."""

    value: float
    shows: Notation | None = None
    ambiguous: tuple[str, str] | None = None


def _parse(raw: str, *, money: bool, percent: bool, notation: Notation | None) -> _Parsed:
    value = raw.strip()
    if percent:
        value = value.removesuffix("%").rstrip()
    sign = 1.0
    if value[:1] in _SIGNS:
        sign, value = _SIGNS[value[0]], value[1:].lstrip()
    if money:
        value = _CURRENCY.sub("", value, count=2).strip()
        if value[:1] in _SIGNS and sign == 1.0:  # "€ -500"
            sign, value = _SIGNS[value[0]], value[1:].lstrip()
    if value[:1] in {".", ","}:
        value = "0" + value  # ",5" is a half
    if not re.fullmatch(r"[0-9][0-9.,]*", value) or value[-1] in ".,":
        raise _Refused("not_a_number")
    dots, commas = value.count("."), value.count(",")
    shows: Notation | None
    ambiguous = None
    if dots and commas:
        decimal, group = (".", ",") if value.rfind(".") > value.rfind(",") else (",", ".")
        whole, _, fraction = value.rpartition(decimal)
        if decimal in whole or not _grouped(whole, group):
            raise _Refused("not_a_number")
        digits = f"{whole.replace(group, '')}.{fraction}"
        shows = "nl" if decimal == "," else "en"
    elif dots + commas == 0:
        digits, shows = value, None
    elif dots + commas > 1:
        separator = "." if dots else ","
        if not _grouped(value, separator):
            raise _Refused("not_a_number")
        digits = value.replace(separator, "")
        shows = "nl" if separator == "." else "en"  # a dot grouping thousands: the comma is decimal
    else:
        separator = "." if dots else ","
        whole, _, fraction = value.partition(separator)
        if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
            if notation is None:
                raise _Refused("ambiguous", (whole, fraction))
            grouping = (separator == ".") == (notation == "nl")
            digits = whole + fraction if grouping else f"{whole}.{fraction}"
            shows, ambiguous = None, (whole, fraction)
        else:
            digits = f"{whole}.{fraction}"
            shows = "nl" if separator == "," else "en"
    number = sign * float(digits)
    if not math.isfinite(number):
        raise _Refused("not_a_number")
    return _Parsed(number, shows, ambiguous)


def parse_decimal(
    raw: str, *, money: bool = False, percent: bool = False, notation: Notation | None = None
) -> float:
    """A number typed the Dutch or the English way (see the module notes); ``notation`` reads the
    numbers that could be read both ways (``1.800``), which are refused without it.

    >>> parse_decimal("3.250,50"), parse_decimal("3250,5"), parse_decimal("3250.50")
    (3250.5, 3250.5, 3250.5)
    >>> parse_decimal("1,250,000"), parse_decimal("-0,25"), parse_decimal("€ 1.650,00", money=True)
    (1250000.0, -0.25, 1650.0)
    >>> parse_decimal("2,5%", percent=True)
    2.5
    >>> parse_decimal("1.800", notation="nl"), parse_decimal("1.800", notation="en")
    (1800.0, 1.8)
    >>> parse_decimal("3.250")
    Traceback (most recent call last):
    ...
    calculators.team_read._Refused: ambiguous
    """
    return _parse(raw, money=money, percent=percent, notation=notation).value


def number_notation(raw: str, *, money: bool = False, percent: bool = False) -> Notation | None:
    """The notation a typed number shows: ``"nl"``, ``"en"``, or None when it shows none (no
    separator, one that could be read both ways, or not a number).

    >>> number_notation("3.250,50"), number_notation("3250.5"), number_notation("1.250.000")
    ('nl', 'en', 'nl')
    >>> number_notation("1.800"), number_notation("3250"), number_notation("veel")
    (None, None, None)
    """
    try:
        return _parse(raw, money=money, percent=percent, notation=None).shows
    except _Refused:
        return None


def _value_field(column: TeamColumn) -> str:
    """The field a number column's cell holds (a subsidy cell is one subsidy's amount)."""
    return "training.subsidies.amount_eur" if column.kind == "subsidy" else column.field


def _is_money(column: TeamColumn) -> bool:
    return field_specs()[_value_field(column)].unit.startswith("eur")


@dataclass
class _Reading:
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


def _number(value: object, column: TeamColumn, reading: _Reading, row: int) -> float:
    if isinstance(value, bool):
        raise _Refused("not_a_number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime | date | time | timedelta):
        raise _Refused("date")
    notation = reading.notation.notation
    try:
        parsed = _parse(
            str(value), money=_is_money(column), percent=column.kind == "percent", notation=notation
        )
    except _Refused as refused:
        if refused.code == "ambiguous" and reading.notation.mixed:
            raise _Refused("ambiguous_mixed", refused.parts) from None
        raise
    if parsed.ambiguous is not None:
        reading.read += 1
        if reading.example is None:
            reading.example = NotationEvidence(row, _shown_value(value))
            reading.example_number = parsed.value
    return parsed.value


def _choice(value: object, column: TeamColumn) -> str:
    if column.kind == "yes_no":
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int | float) and value in {0, 1}:
            return "yes" if value == 1 else "no"
        folded = {"1": "yes", "0": "no"}.get(str(value).strip()) or column.words.get(_words(str(value)))
        if folded is None:
            raise _Refused("not_yes_no")
        return folded
    stored = column.words.get(_words(str(value)))
    if stored is None:
        raise _Refused("not_a_choice")
    return stored


def _text_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[name] = value


def _cell_value(column: TeamColumn, value: object, reading: _Reading, row: int) -> object:
    """The model value of one filled cell (raises _Refused)."""
    if isinstance(value, _BadCell):
        raise _Refused(value.code)
    if column.kind == "text":
        return _text_value(value)
    if column.kind in {"choice", "yes_no"}:
        stored = _choice(value, column)
        return stored == "yes" if column.kind == "yes_no" else stored
    number = _number(value, column, reading, row)
    return number / 100.0 if column.kind == "percent" else number


def _range_error(field: str, value: float, path: str | None = None) -> ScenarioError | None:
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


def _label(value: str, field: str, row: int, header: str) -> tuple[str, RowNote | None]:
    """A name as it is kept: shortened, with a note, when it is longer than its field allows."""
    limit = field_specs()[field].max_length
    if limit is None or len(value) <= limit:
        return value, None
    return value[: limit - 1].rstrip() + "…", RowNote(row, header, "label_shortened", len(value), limit)


def _shown_value(value: object) -> str:
    shown = _text_value(value) if not isinstance(value, _BadCell) else value.value
    return shown if len(shown) <= _SHOWN_VALUE_LENGTH else shown[: _SHOWN_VALUE_LENGTH - 1] + "…"


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class TeamRow:
    """A good row: its number in the spreadsheet, the employee's scenario, and what the reader
    changed in it (a shortened name)."""

    row: int
    scenario: Scenario
    notes: tuple[RowNote, ...] = ()

    @property
    def label(self) -> str:
        """The employee's label as typed (may be empty; shortened when too long)."""
        return self.scenario.employee.label


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row that was not computed: its number, its name (as far as it could be read), every
    problem found in it, and its notes."""

    row: int
    label: str
    errors: tuple[RowError, ...]
    notes: tuple[RowNote, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamFile:
    """What a team file holds: the good rows, the skipped ones with their problems, what was
    ignored, and how its numbers were read."""

    kind: str  # "csv" or "xlsx"
    rows: tuple[TeamRow, ...]
    skipped_rows: tuple[SkippedRow, ...]
    ignored_columns: tuple[str, ...]
    notation: NumberNotation = NumberNotation()

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Every problem of every skipped row, in file order."""
        return tuple(error for row in self.skipped_rows for error in row.errors)

    @property
    def skipped(self) -> int:
        """How many employee rows were skipped."""
        return len(self.skipped_rows)

    @property
    def notes(self) -> tuple[RowNote, ...]:
        """Every note, of computed and skipped rows, in file order."""
        notes = [note for row in self.rows for note in row.notes]
        notes += [note for row in self.skipped_rows for note in row.notes]
        return tuple(sorted(notes, key=lambda note: note.row))

    @property
    def data_rows(self) -> int:
        """Employee rows in the file (good and skipped)."""
        return len(self.rows) + self.skipped


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which file column (by position) holds which team column, and its header as written."""

    positions: tuple[tuple[int, TeamColumn, str], ...]
    width: int
    ignored: tuple[str, ...]


def _layout(header: Sequence[object]) -> _Layout:
    cells = [_text_value(cell) if not _is_empty(cell) else "" for cell in header]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise TeamFileError("too_many_columns", count=len(cells), max=MAX_COLUMNS)
    by_name = {name: column for column in team_columns() for name in column.names}
    positions: list[tuple[int, TeamColumn, str]] = []
    ignored: list[str] = []
    found: dict[str, str] = {}
    for index, cell in enumerate(cells):
        column = by_name.get(_header_key(cell)) if cell else None
        if column is None:
            if cell:
                ignored.append(cell)
            continue
        if column.id in found:
            raise TeamFileError("duplicate_column", first=found[column.id], second=cell)
        found[column.id] = cell
        positions.append((index, column, cell))
    if not positions:
        raise TeamFileError("no_columns")
    missing = tuple(column for column in team_columns() if column.required and column.id not in found)
    if missing:
        raise TeamFileError("missing_columns", columns=_Headers(tuple(column.id for column in missing)))
    return _Layout(tuple(positions), len(cells), tuple(ignored))


def _row(number: int, cells: Sequence[object], layout: _Layout, reading: _Reading) -> TeamRow | SkippedRow:
    """One data row: its scenario, or every problem found in it (every bad cell, each with its
    column; the cross-field rules once every cell is right)."""
    data: dict[str, Any] = {}
    problems: list[RowError] = []
    notes: list[RowNote] = []
    headers: dict[str, str] = {}
    label = ""
    for index, column, header in layout.positions:
        headers[column.id] = header
        value = cells[index] if index < len(cells) else None
        if _is_empty(value):
            if column.required and column.kind != "text":
                problems.append(RowError(number, header, CellProblem("empty", _value_field(column))))
            continue
        try:
            model_value = _cell_value(column, value, reading, number)
        except _Refused as refused:
            mixed = reading.mixed if refused.code == "ambiguous_mixed" else None
            problem = CellProblem(
                refused.code, _value_field(column), _shown_value(value), refused.parts, mixed
            )
            problems.append(RowError(number, header, problem))
            continue
        error: ScenarioError | None = None
        if column.kind == "text":
            label, note = _label(str(model_value), column.field, number, header)
            notes.extend([note] if note else [])
            model_value = label
            if any(unicodedata.category(char) in _UNSHOWABLE for char in label):
                limit = field_specs()[column.field].max_length
                error = ScenarioError(column.field, label, "invalid_characters", Allowed(max_length=limit))
        elif isinstance(model_value, float) and column.kind == "subsidy":
            if model_value != 0:
                error = _range_error(
                    "training.subsidies[0].amount_eur", model_value, "training.subsidies.amount_eur"
                )
        elif isinstance(model_value, float):
            error = _range_error(column.field, model_value)
        if error is not None:
            problems.append(RowError(number, header, error))
            continue
        if column.kind == "subsidy":
            if model_value != 0:
                month = field_spec("training.start_month").default  # the training's first month
                _put(data, column.field, [{"name": "", "amount_eur": model_value, "month": month}])
        else:
            _put(data, column.field, model_value)
    extra = [cell for cell in cells[layout.width :] if not _is_empty(cell)]
    if extra:
        problems.append(RowError(number, "", CellProblem("extra_cells", "", _shown_value(extra[0]))))
    if not problems:
        try:
            scenario = scenario_from_dict(data, check=False)
        except ScenarioError as error:  # not expected after the checks above; reported all the same
            problems.append(_row_error(number, error, headers))
        else:
            problems.extend(_row_error(number, error, headers) for error in validation_errors(scenario))
            if not problems:
                return TeamRow(number, scenario, tuple(notes))
    return SkippedRow(number, label, tuple(problems), tuple(notes))


def _row_error(number: int, error: ScenarioError, headers: Mapping[str, str]) -> RowError:
    column = _column_for_field(error.field)
    return RowError(number, headers.get(column.id, "") if column else "", error)


def _notation(
    rows: Sequence[tuple[int, Sequence[object]]], layout: _Layout, semicolons: bool
) -> NumberNotation:
    """The file's number notation, from its delimiter and the cells that can only be read one way
    (text cells of the number columns; a spreadsheet's number cells show none)."""
    dutch = NotationEvidence(0) if semicolons else None
    english: NotationEvidence | None = None
    numbers = [
        (index, _is_money(column), column.kind == "percent")
        for index, column, _ in layout.positions
        if column.kind in {"number", "percent", "subsidy"}
    ]
    for number, cells in rows:
        for index, money, percent in numbers:
            cell = cells[index] if index < len(cells) else None
            if not isinstance(cell, str) or ("." not in cell and "," not in cell):
                continue
            shows = number_notation(cell, money=money, percent=percent)
            if shows == "nl" and dutch is None:
                dutch = NotationEvidence(number, _shown_value(cell))
            elif shows == "en" and english is None:
                english = NotationEvidence(number, _shown_value(cell))
        if dutch is not None and english is not None:
            break
    if dutch is not None and english is not None:
        return NumberNotation(None, dutch, english)
    if dutch is not None:
        return NumberNotation("nl", dutch=dutch)
    if english is not None:
        return NumberNotation("en", english=english)
    return NumberNotation()


def _read_rows(
    rows: Iterator[tuple[int, Sequence[object]]], kind: str, *, semicolons: bool = False
) -> TeamFile:
    """Header (the first non-blank row), then every non-blank row as an employee. The rows are
    read twice: once for the file's number notation, then each as an employee."""
    for _, header in rows:
        if not all(_is_empty(cell) for cell in header):
            break
    else:
        raise TeamFileError("empty")
    layout = _layout(header)
    employees: list[tuple[int, Sequence[object]]] = []
    for number, cells in rows:
        if all(_is_empty(cell) for cell in cells):
            continue
        if len(employees) == MAX_ROWS:
            raise TeamFileError("too_many_rows", max=MAX_ROWS)
        employees.append((number, cells))
    if not employees:
        raise TeamFileError("header_only")
    reading = _Reading(_notation(employees, layout, semicolons))
    good: list[TeamRow] = []
    skipped: list[SkippedRow] = []
    for number, cells in employees:
        outcome = _row(number, cells, layout, reading)
        if isinstance(outcome, TeamRow):
            good.append(outcome)
        else:
            skipped.append(outcome)
    notation = replace(
        reading.notation, read=reading.read, example=reading.example, example_number=reading.example_number
    )
    return TeamFile(kind, tuple(good), tuple(skipped), layout.ignored, notation)


# --------------------------------------------------------------------------- file formats

_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x1f\x8b", "gzip"),
    (b"\xff\xfe", "utf16"),
    (b"\xfe\xff", "utf16"),
)


def _magic(raw: bytes) -> str | None:
    return next((kind for prefix, kind in _MAGIC if raw.startswith(prefix)), None)


def _decode_csv(raw: bytes) -> str:
    kind = _magic(raw)
    if kind == "utf16":
        raise TeamFileError("utf16")
    if kind is not None:
        raise TeamFileError("not_what_name_says", suffix=".csv", actual=_Named(f"team.formats.{kind}"))
    if b"\x00" in raw:
        raise TeamFileError("binary", suffix=".csv")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            decoded = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise TeamFileError("encoding") from None
    if any(unicodedata.category(char) == "Cc" and char not in "\t\r\n" for char in decoded):
        raise TeamFileError("binary", suffix=".csv")
    return decoded


def _delimiter(decoded: str) -> str:
    """``;`` or ``,``: the one under which the first non-blank row names the most known columns."""
    names = {name for column in team_columns() for name in column.names}
    first = next((line for line in decoded.splitlines() if line.strip()), "")
    scores = {}
    for delimiter in (";", ","):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        scores[delimiter] = sum(1 for cell in cells if _header_key(cell) in names)
    best = max(scores, key=lambda delimiter: scores[delimiter])
    if scores[best] == 0:
        raise TeamFileError("no_columns")
    return best


def _csv_rows(raw: bytes) -> tuple[Iterator[tuple[int, Sequence[object]]], str]:
    """The rows of a CSV file and its delimiter."""
    decoded = _decode_csv(raw)
    if not decoded.strip():
        raise TeamFileError("empty")
    delimiter = _delimiter(decoded)
    reader = csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter, strict=True)

    def rows() -> Iterator[tuple[int, Sequence[object]]]:
        try:
            yield from enumerate(reader, start=1)
        except csv.Error:
            raise TeamFileError("csv_broken") from None

    return rows(), delimiter


def _check_zip(raw: bytes) -> zipfile.ZipFile:
    """The ZIP container of an .xlsx, checked for size, packing and the workbook's parts."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise TeamFileError("broken_xlsx") from None
    if len(members) > _MAX_ZIP_MEMBERS:
        raise TeamFileError("zip_bomb")
    total = 0
    for member in members:
        total += member.file_size
        packed = max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR_BYTES and member.file_size / packed > MAX_COMPRESSION_RATIO:
            raise TeamFileError("zip_bomb")
        if member.flag_bits & 0x1:
            raise TeamFileError("encrypted")
        if member.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
            raise TeamFileError("broken_xlsx")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise TeamFileError("zip_bomb")
    names = {member.filename for member in members}
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
        raise TeamFileError("not_xlsx")
    return archive


def _has_formulas(archive: zipfile.ZipFile) -> bool:
    """Whether any worksheet holds a formula (only then are formula cells looked up)."""
    for member in archive.infolist():
        if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
            with archive.open(member) as handle:
                if _FORMULA_TAG.search(handle.read()):
                    return True
    return False


def _open_workbook(raw: bytes, *, data_only: bool) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)


def _first_sheet_rows(workbook: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    if not workbook.worksheets:
        raise TeamFileError("not_xlsx")
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()  # do not trust the stated size: read what is there
    yield from enumerate(sheet.iter_rows(min_row=1), start=1)


def _formula_cells(raw: bytes) -> set[tuple[int, int]]:
    """(row, column) of every formula cell on the first sheet — read as text, never evaluated."""
    workbook = _open_workbook(raw, data_only=False)
    try:
        return {
            (number, index)
            for number, row in _first_sheet_rows(workbook)
            for index, cell in enumerate(row, start=1)
            if getattr(cell, "data_type", None) == "f"
        }
    finally:
        workbook.close()


def _xlsx_rows(raw: bytes) -> Iterator[tuple[int, Sequence[object]]]:
    kind = _magic(raw)
    if kind == "ole":
        raise TeamFileError("xlsx_is_ole")
    if kind != "zip":
        actual = f"team.formats.{kind}" if kind else "team.formats.other"
        if kind is None and b"\x00" not in raw[:4096]:
            actual = "team.formats.text"
        raise TeamFileError("not_what_name_says", suffix=".xlsx", actual=_Named(actual))
    archive = _check_zip(raw)
    try:
        formulas = _formula_cells(raw) if _has_formulas(archive) else set()
        workbook = _open_workbook(raw, data_only=True)
    except TeamFileError:
        raise
    except Exception:  # openpyxl on a damaged or hostile file can fail in many ways; none may escape
        raise TeamFileError("broken_xlsx") from None
    finally:
        archive.close()
    try:
        for number, row in _first_sheet_rows(workbook):
            cells: list[object] = []
            for index, cell in enumerate(row, start=1):
                value = getattr(cell, "value", None)
                if (number, index) in formulas and value is None:
                    cells.append(_BadCell("formula_without_value"))
                elif getattr(cell, "data_type", None) == "e":
                    cells.append(_BadCell("spreadsheet_error", str(value)))
                else:
                    cells.append(value)
            yield number, cells
    except TeamFileError:
        raise
    except Exception:
        raise TeamFileError("broken_xlsx") from None
    finally:
        workbook.close()


def read_team_file(name: str, raw: bytes) -> TeamFile:
    """Read an uploaded team file (by its name's extension, checked against its content).

    Raises :class:`TeamFileError` when the whole file is refused; bad rows are listed in
    :attr:`TeamFile.errors` and the good rows are still returned.

    >>> team = read_team_file("team.csv", template_csv("nl"))
    >>> [row.label for row in team.rows], team.skipped
    (['Monteur', 'Verzorgende', 'Orderpicker'], 0)
    """
    suffix = PurePosixPath(name.strip().lower()).suffix
    if suffix not in {".csv", ".xlsx"}:
        raise TeamFileError("unknown_format", suffix=suffix or _Named("team.formats.no_suffix"))
    if len(raw) > MAX_FILE_BYTES:
        raise TeamFileError("too_large", size=_Megabytes(len(raw)), max=_Megabytes(MAX_FILE_BYTES))
    if not raw.strip():
        raise TeamFileError("empty")
    if suffix == ".xlsx":
        return _read_rows(_xlsx_rows(raw), "xlsx")
    rows, delimiter = _csv_rows(raw)
    return _read_rows(rows, "csv", semicolons=delimiter == ";")


# --------------------------------------------------------------------------- the template


@dataclass(frozen=True, slots=True)
class GuideRow:
    """One line of the column guide (template sheet and page): what to fill in where."""

    header: str
    required: bool
    meaning: str
    allowed: str
    if_empty: str


def _allowed(column: TeamColumn, lang: Lang) -> str:
    spec = field_spec(column.field if column.kind != "subsidy" else "training.subsidies.amount_eur")
    if column.kind in {"choice", "yes_no"}:
        return ", ".join(column.word(value, lang) for value in column.template_words)
    if column.kind == "text":
        return text(lang, "team.guide.text_allowed", max_length=spec.max_length or 0)
    assert spec.minimum is not None and spec.maximum is not None
    low = format_in_unit(spec.minimum, spec.unit, lang.value)
    high = format_in_unit(spec.maximum, spec.unit, lang.value)
    return text(lang, "inputs.allowed", min=low, max=high)


def _if_empty(column: TeamColumn, lang: Lang) -> str:
    if column.kind == "text":
        return text(lang, "team.guide.label_empty")
    if column.required:
        return text(lang, "team.guide.required_value")
    if column.kind == "subsidy":
        return text(lang, "team.guide.no_subsidy")
    spec = field_spec(column.field)
    if column.kind == "yes_no":
        return column.word("yes" if spec.default else "no", lang)
    return format_in_unit(spec.default, spec.unit, lang.value)


def column_guide(lang: Lang | str) -> tuple[GuideRow, ...]:
    """What each column means, what it accepts and what an empty cell counts as."""
    language = Lang(lang)
    rows = []
    for column in team_columns():
        key = f"team.guide.meaning.{column.id}"
        meaning = (
            text(language, key) if has_text(language, key) else text(language, f"fields.{column.field}.help")
        )
        rows.append(
            GuideRow(
                header=column.header(language),
                required=column.required,
                meaning=meaning,
                allowed=_allowed(column, language),
                if_empty=_if_empty(column, language),
            )
        )
    return tuple(rows)


def _example_cell(column: TeamColumn, example: Mapping[str, Any], lang: Lang) -> object:
    value = example.get(column.id)
    if isinstance(value, Mapping):
        value = value[lang.value]
    if value is None:
        return None
    if column.kind in {"choice", "yes_no"}:
        return column.word(str(value), lang)
    return value


def _example_rows(lang: Lang) -> list[list[object]]:
    return [[_example_cell(column, example, lang) for column in team_columns()] for example in _examples()]


def _csv_dialect(lang: Lang) -> tuple[str, str]:
    """Delimiter and decimal separator: Dutch Excel reads ``;`` and a comma, English ``,`` and a point."""
    return (";", ",") if lang is Lang.NL else (",", ".")


def _csv_number(value: float, lang: Lang, decimals: int = 2) -> str:
    formatted = f"{value:.{decimals}f}" if decimals else str(round(value))
    return formatted.replace(".", _csv_dialect(lang)[1])


def _csv_bytes(rows: Sequence[Sequence[object]], lang: Lang) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=_csv_dialect(lang)[0], lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                "" if cell is None else safe_cell(cell) if isinstance(cell, str) else _csv_cell(cell, lang)
                for cell in row
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM tells Excel it is UTF-8 (€, é)


def _csv_cell(value: object, lang: Lang) -> str:
    if isinstance(value, bool):
        return text(lang, "team.export.yes" if value else "team.export.no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _csv_number(value, lang, 0 if value.is_integer() else 2)
    return safe_cell(str(value))


def template_csv(lang: Lang | str) -> bytes:
    """The template as CSV: the header in ``lang`` and the example rows (UTF-8 with BOM)."""
    language = Lang(lang)
    header: list[object] = [column.header(language) for column in team_columns()]
    return _csv_bytes([header, *_example_rows(language)], language)


def _xlsx_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fit_columns(sheet: Any, widths: Sequence[int]) -> None:

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def template_xlsx(lang: Lang | str) -> bytes:
    """The template as an Excel workbook: an employee sheet with the examples, drop-down lists for
    the choice columns, and a sheet that explains every column."""

    language = Lang(lang)
    columns = team_columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text(language, "team.template.sheet")
    sheet.append([safe_cell(column.header(language)) for column in columns])
    for row in _example_rows(language):
        sheet.append([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    _fit_columns(sheet, [max(12, min(30, len(column.header(language)) + 2)) for column in columns])
    for index, column in enumerate(columns, start=1):
        if column.kind in {"choice", "yes_no"}:
            words = ",".join(column.word(value, language) for value in column.template_words)
            validation = DataValidation(type="list", formula1=f'"{words}"', allow_blank=not column.required)
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(validation)
    guide = workbook.create_sheet(text(language, "team.template.guide_sheet"))
    guide.append([text(language, f"team.guide.columns.{name}") for name in GuideRow.__slots__])
    for line in column_guide(language):
        required = text(language, "team.export.yes" if line.required else "team.export.no")
        guide.append([safe_cell(line.header), required, line.meaning, line.allowed, line.if_empty])
    guide.append([])
    for key in ("numbers", "limits", "privacy"):
        guide.append([text(language, f"team.template.note_{key}")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _fit_columns(guide, [28, 10, 60, 36, 24])
    return _xlsx_bytes(workbook)


# --------------------------------------------------------------------------- export

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell(value: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula (OWASP ASVS 1.2.10).

    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("Monteur"), safe_cell("-1+2")
    ('\\'=HYPERLINK("http://x")', 'Monteur', "'-1+2")
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


_EXPORT_COLUMNS = (
    "row",
    "label",
    "npv",
    "break_even",
    "payback",
    "worst_case",
    "cost",
    "benefit",
    "dead_end",
    "soonest",
    "clause",
    "note",
)
_PROBLEM_COLUMNS = ("row", "label", "column", "reason")


def _note_text(notes: Sequence[RowNote], lang: Lang) -> list[str]:
    return [f"{note.column}: {note.message(lang)}" for note in notes]


def _problem_text(error: RowError, lang: Lang) -> str:
    """ "column: reason" (the column once, when the reason already starts with it)."""
    column, reason = error.column_name(lang), error.reason(lang)
    return reason if reason.startswith(f"{column}:") else f"{column}: {reason}"


def _skipped_text(row: SkippedRow, lang: Lang) -> str:
    """Why a row was skipped, every problem as "column: reason", then its notes."""
    reasons = " | ".join(_problem_text(error, lang) for error in row.errors)
    return " | ".join([text(lang, "team.export.skipped", reasons=reasons), *_note_text(row.notes, lang)])


def _export_rows(
    rows: Sequence[TeamRow], result: TeamResult, skipped: Sequence[SkippedRow], lang: Lang
) -> list[list[object]]:
    """One line per employee row of the file, in file order: computed rows with their figures,
    skipped rows with empty figures and why they were skipped."""

    def line(row: TeamRow, member: TeamMember) -> list[object]:
        return [
            row.row,
            row.label,
            round(member.npv_eur, 2),
            member.break_even_stay_months,
            member.payback_month,
            round(member.worst_case_eur, 2),
            round(member.total_cost_eur, 2),
            round(member.expected_benefit_eur, 2),
            member.dead_end_candidate,
            member.pays_off_soonest,
            member.clause_not_allowed,
            " | ".join(_note_text(row.notes, lang)) or None,
        ]

    lines = [(row.row, line(row, member)) for row, member in zip(rows, result.members, strict=True)]
    empty: list[object] = [None] * (len(_EXPORT_COLUMNS) - 3)
    lines += [(row.row, [row.row, row.label, *empty, _skipped_text(row, lang)]) for row in skipped]
    return [cells for _, cells in sorted(lines, key=lambda pair: pair[0])]


def _export_header(lang: Lang) -> list[object]:
    return [text(lang, f"team.columns.{name}") for name in _EXPORT_COLUMNS]


def export_csv(
    rows: Sequence[TeamRow], result: TeamResult, lang: Lang | str, *, skipped: Sequence[SkippedRow] = ()
) -> bytes:
    """The team's results as CSV: one line per employee row of the file, in its order (money
    rounded to cents, no thousands separators; an empty cell where a month does not exist; flags as
    yes/no). A skipped row has empty figures and, in the last column, every reason it was skipped;
    the same column holds a shortened name's note."""
    language = Lang(lang)
    return _csv_bytes([_export_header(language), *_export_rows(rows, result, skipped, language)], language)


def _totals(result: TeamResult, skipped: int, lang: Lang) -> list[tuple[str, object]]:
    t = result.totals
    return [
        (text(lang, "team.totals.employees"), t.employees),
        (text(lang, "team.totals.paying"), t.paying),
        (text(lang, "team.totals.npv"), round(t.npv_eur, 2)),
        (text(lang, "team.totals.cost"), round(t.total_cost_eur, 2)),
        (text(lang, "team.totals.benefit"), round(t.expected_benefit_eur, 2)),
        (text(lang, "team.totals.worst_case"), round(t.worst_case_eur, 2)),
        (text(lang, "team.totals.dead_end"), t.dead_end_candidates),
        (text(lang, "team.totals.clause"), t.clause_not_allowed),
        (text(lang, "team.totals.soonest"), t.soonest_payback_month),
        (text(lang, "team.totals.skipped"), skipped),
    ]


def _bold_header(sheet: Any) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def export_xlsx(
    rows: Sequence[TeamRow], result: TeamResult, lang: Lang | str, *, skipped: Sequence[SkippedRow] = ()
) -> bytes:
    """The team's results as an Excel workbook: the employees (every row of the file, as in the
    CSV), the totals, and the skipped rows' problems on a sheet of their own (one line per bad cell;
    only when rows were skipped).

    Money cells are numbers with a euro format, so they can be summed and sorted in Excel.
    """

    language = Lang(lang)
    money_format = '"€" #,##0.00;"€" -#,##0.00'
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text(language, "team.export.sheet")
    sheet.append([safe_cell(str(cell)) for cell in _export_header(language)])
    yes, no = text(language, "team.export.yes"), text(language, "team.export.no")
    money_columns = {_EXPORT_COLUMNS.index(name) for name in ("npv", "worst_case", "cost", "benefit")}
    for line in _export_rows(rows, result, skipped, language):
        cells = [
            (yes if cell else no)
            if isinstance(cell, bool)
            else safe_cell(cell)
            if isinstance(cell, str)
            else cell
            for cell in line
        ]
        sheet.append(cells)
        for index in money_columns:
            sheet.cell(row=sheet.max_row, column=index + 1).number_format = money_format
    _bold_header(sheet)
    sheet.freeze_panes = "C2"
    _fit_columns(sheet, [8, 24, 16, 14, 14, 16, 16, 16, 12, 12, 12, 60])
    totals = workbook.create_sheet(text(language, "team.export.totals_sheet"))
    for label, value in _totals(result, len(skipped), language):
        totals.append([safe_cell(label), value])
        if isinstance(value, float):
            totals.cell(row=totals.max_row, column=2).number_format = money_format
    _fit_columns(totals, [44, 18])
    if skipped:
        problems = workbook.create_sheet(text(language, "team.export.skipped_sheet"))
        problems.append([text(language, f"team.export.problem_columns.{name}") for name in _PROBLEM_COLUMNS])
        for row in skipped:
            for error in row.errors:
                line = [row.row, row.label, error.column_name(language), error.reason(language)]
                problems.append([safe_cell(cell) if isinstance(cell, str) else cell for cell in line])
        _bold_header(problems)
        problems.freeze_panes = "A2"
        _fit_columns(problems, [8, 24, 28, 90])
    return _xlsx_bytes(workbook)
