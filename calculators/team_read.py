"""Team mode's reader: an advisor's CSV or Excel file of employees, one scenario per row. Pure Python
(no Streamlit); the file is read from memory only.

The bytes become rows of cells in :mod:`calculators.team_formats`; the header row is matched to the
columns of :mod:`calculators.team_columns`; the file's number notation is settled once
(:mod:`calculators.team_numbers`); every cell is read by :mod:`calculators.team_cells`, and each
good row becomes a scenario through :func:`calculators.scenario_io.scenario_from_dict` and
:func:`calculators.scenario_io.validation_errors`, so a team file accepts exactly the ranges a
scenario file and the wizard accept, with the same messages.

A whole file is refused with :class:`calculators.team_errors.TeamFileError` when it is empty, over
5 MB, of an unknown or disguised format (:mod:`calculators.team_formats`), without a header row with
the required columns, without employees, or with more than 5,000 employee rows.

A bad row does not stop the file: **every** bad cell of it is reported with its row number as the
spreadsheet shows it (the header is row 1), the column and the reason (a cell that cannot be read,
a whole number written with decimals, a value outside its range), and the other rows are still
computed. The rules that tie fields together (no clause with mandatory training, subsidies at most
the costs, hours within the contract) are checked once every cell of the row is right, because they
need the row's own values. A name or label longer than 40 characters does not cost the row: it is
shortened (to 39 characters and "…") with a note (:class:`calculators.team_errors.RowNote`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import PurePosixPath
from typing import Any

from calculators.errors import Allowed, ScenarioError
from calculators.fields import field_spec, field_specs
from calculators.scenario import Scenario
from calculators.scenario_io import scenario_from_dict, validation_errors
from calculators.team_cells import (
    CellProblem,
    Reading,
    cell_value,
    is_empty,
    range_error,
    shown_value,
    text_value,
)
from calculators.team_columns import (
    TeamColumn,
    column_for_field,
    header_key,
    is_money,
    team_columns,
    value_field,
)
from calculators.team_errors import Headers, Megabytes, Named, RowError, RowNote, TeamFileError
from calculators.team_formats import csv_rows, xlsx_rows
from calculators.team_numbers import CellRefused, NotationEvidence, NumberNotation, number_notation

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "SkippedRow",
    "TeamFile",
    "TeamRow",
    "read_team_file",
]

MAX_FILE_BYTES = 5 * 1024 * 1024  # 5 MB: a team of 5,000 is well under 1 MB as CSV
MAX_ROWS = 5_000  # employee rows (blank rows do not count)
MAX_COLUMNS = 100  # header cells; the template has 16
_UNSHOWABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})  # as calculators.scenario_io: never in a name


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[name] = value


def _label(value: str, field: str, row: int, header: str) -> tuple[str, RowNote | None]:
    """A name as it is kept: shortened, with a note, when it is longer than its field allows."""
    limit = field_specs()[field].max_length
    if limit is None or len(value) <= limit:
        return value, None
    return value[: limit - 1].rstrip() + "…", RowNote(row, header, "label_shortened", len(value), limit)


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
    notation: NumberNotation = dataclass_field(default_factory=NumberNotation)

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
    cells = [text_value(cell) if not is_empty(cell) else "" for cell in header]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise TeamFileError("too_many_columns", count=len(cells), max=MAX_COLUMNS)
    by_name = {name: column for column in team_columns() for name in column.names}
    positions: list[tuple[int, TeamColumn, str]] = []
    ignored: list[str] = []
    found: dict[str, str] = {}
    for index, cell in enumerate(cells):
        column = by_name.get(header_key(cell)) if cell else None
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
        raise TeamFileError("missing_columns", columns=Headers(tuple(column.id for column in missing)))
    return _Layout(tuple(positions), len(cells), tuple(ignored))


def _row(number: int, cells: Sequence[object], layout: _Layout, reading: Reading) -> TeamRow | SkippedRow:
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
        if is_empty(value):
            if column.required and column.kind != "text":
                problems.append(RowError(number, header, CellProblem("empty", value_field(column))))
            continue
        try:
            model_value = cell_value(column, value, reading, number)
        except CellRefused as refused:
            mixed = reading.mixed if refused.code == "ambiguous_mixed" else None
            problem = CellProblem(refused.code, value_field(column), shown_value(value), refused.parts, mixed)
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
                error = range_error(
                    "training.subsidies[0].amount_eur", model_value, "training.subsidies.amount_eur"
                )
        elif isinstance(model_value, float):
            error = range_error(column.field, model_value)
        if error is not None:
            problems.append(RowError(number, header, error))
            continue
        if column.kind == "subsidy":
            if model_value != 0:
                month = field_spec("training.start_month").default  # the training's first month
                _put(data, column.field, [{"name": "", "amount_eur": model_value, "month": month}])
        else:
            _put(data, column.field, model_value)
    extra = [cell for cell in cells[layout.width :] if not is_empty(cell)]
    if extra:
        problems.append(RowError(number, "", CellProblem("extra_cells", "", shown_value(extra[0]))))
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
    column = column_for_field(error.field)
    return RowError(number, headers.get(column.id, "") if column else "", error)


def _notation(
    rows: Sequence[tuple[int, Sequence[object]]], layout: _Layout, semicolons: bool
) -> NumberNotation:
    """The file's number notation, from its delimiter and the cells that can only be read one way
    (text cells of the number columns; a spreadsheet's number cells show none)."""
    dutch = NotationEvidence(0) if semicolons else None
    english: NotationEvidence | None = None
    numbers = [
        (index, is_money(column), column.kind == "percent")
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
                dutch = NotationEvidence(number, shown_value(cell))
            elif shows == "en" and english is None:
                english = NotationEvidence(number, shown_value(cell))
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
        if not all(is_empty(cell) for cell in header):
            break
    else:
        raise TeamFileError("empty")
    layout = _layout(header)
    employees: list[tuple[int, Sequence[object]]] = []
    for number, cells in rows:
        if all(is_empty(cell) for cell in cells):
            continue
        if len(employees) == MAX_ROWS:
            raise TeamFileError("too_many_rows", max=MAX_ROWS)
        employees.append((number, cells))
    if not employees:
        raise TeamFileError("header_only")
    reading = Reading(_notation(employees, layout, semicolons))
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


def read_team_file(name: str, raw: bytes) -> TeamFile:
    """Read an uploaded team file (by its name's extension, checked against its content).

    Raises :class:`TeamFileError` when the whole file is refused; bad rows are listed in
    :attr:`TeamFile.errors` and the good rows are still returned.

    >>> from calculators.team_template import template_csv
    >>> team = read_team_file("team.csv", template_csv("nl"))
    >>> [row.label for row in team.rows], team.skipped
    (['Monteur', 'Verzorgende', 'Orderpicker'], 0)
    """
    suffix = PurePosixPath(name.strip().lower()).suffix
    if suffix not in {".csv", ".xlsx"}:
        raise TeamFileError("unknown_format", suffix=suffix or Named("team.formats.no_suffix"))
    if len(raw) > MAX_FILE_BYTES:
        raise TeamFileError("too_large", size=Megabytes(len(raw)), max=Megabytes(MAX_FILE_BYTES))
    if not raw.strip():
        raise TeamFileError("empty")
    if suffix == ".xlsx":
        return _read_rows(xlsx_rows(raw), "xlsx")
    rows, delimiter = csv_rows(raw)
    return _read_rows(rows, "csv", semicolons=delimiter == ";")
