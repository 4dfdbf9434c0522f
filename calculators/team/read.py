"""Team mode's reader: an advisor's CSV or Excel file of employees, one scenario per row. Pure Python
(no Streamlit); the file is read from memory only.

The bytes become rows of cells in :mod:`calculators.team.formats`; the header row is matched to the
columns of :mod:`calculators.team.columns`; the file's number notation is settled once
(:mod:`calculators.team.numbers`); every cell is read by :mod:`calculators.team.cells`, and each
good row becomes a scenario through :mod:`calculators.team.rows`, which accepts exactly what
:func:`calculators.scenario.io.scenario_from_dict` and :func:`calculators.scenario.io.validation_errors`
accept, so a team file accepts exactly the ranges a scenario file and the wizard accept, with the
same messages.

A whole file is refused with :class:`calculators.team.errors.TeamFileError` when it is empty, over
5 MB, of an unknown or disguised format (:mod:`calculators.team.formats`), without a header row with
the required columns, without employees, or with more than 5,000 employee rows.

A bad row does not stop the file: **every** bad cell of it is reported with its row number as the
spreadsheet shows it (the header is row 1), the column and the reason (a cell that cannot be read,
a whole number written with decimals, a value outside its range), and the other rows are still
computed. The rules that tie fields together (no clause with mandatory training, subsidies at most
the costs, hours within the contract) are checked once every cell of the row is right, because they
need the row's own values. A name or label longer than 40 characters does not cost the row: it is
shortened (to 39 characters and "…") with a note (:class:`calculators.team.errors.RowNote`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from itertools import zip_longest
from pathlib import PurePosixPath

from calculators.errors import ScenarioError
from calculators.scenario.model import Scenario
from calculators.team.cells import (
    Cell,
    CellProblem,
    ColumnReader,
    is_empty,
    shown_value,
    text_value,
)
from calculators.team.columns import (
    TeamColumn,
    column_for_field,
    header_key,
    team_columns,
)
from calculators.team.errors import Headers, Megabytes, Named, RowError, RowNote, TeamFileError
from calculators.team.formats import csv_rows, xlsx_rows
from calculators.team.numbers import NotationEvidence, NumberNotation
from calculators.team.rows import row_scenarios

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


def _blank(cells: Sequence[object]) -> bool:
    """Whether a row holds nothing (stops at its first filled cell)."""
    return not any(cell is not None and (not isinstance(cell, str) or cell.strip()) for cell in cells)


def _columns(grid: Sequence[Sequence[object]], layout: _Layout) -> list[Sequence[object]]:
    """The file's rows as columns: per mapped column, its cell in every row (None past a row's end).
    Rows are cut at the header's width first, so a row of a million commas costs no more."""
    by_position = list(zip_longest(*(cells[: layout.width] for cells in grid)))
    empty = (None,) * len(grid)
    return [by_position[index] if index < len(by_position) else empty for index, _, _ in layout.positions]


def _notation(
    numbers: Sequence[int],
    columns: Sequence[Sequence[object]],
    readers: Sequence[ColumnReader],
    semicolons: bool,
) -> NumberNotation:
    """The file's number notation, from its delimiter and the cells that can only be read one way
    (text cells of the number columns; a spreadsheet's number cells show none). The evidence is the
    first such cell, by row and then by column."""
    first: dict[str, tuple[int, int, object]] = {}
    for order, (reader, values) in enumerate(zip(readers, columns, strict=True)):
        if not reader.numbers:
            continue
        texts = [value for value in set(values) if isinstance(value, str) and ("." in value or "," in value)]
        shows = {value: reader.shows(value) for value in texts}
        for notation in ("nl", "en"):
            showing = {value for value, shown in shows.items() if shown == notation}
            if showing:
                position = next(i for i, value in enumerate(values) if value in showing)
                if notation not in first or position < first[notation][0]:  # ties: the earlier column
                    first[notation] = (position, order, values[position])
    dutch = NotationEvidence(0) if semicolons else None
    english: NotationEvidence | None = None
    if dutch is None and "nl" in first:
        dutch = NotationEvidence(numbers[first["nl"][0]], shown_value(first["nl"][2]))
    if "en" in first:
        english = NotationEvidence(numbers[first["en"][0]], shown_value(first["en"][2]))
    if dutch is not None and english is not None:
        return NumberNotation(None, dutch, english)
    if dutch is not None:
        return NumberNotation("nl", dutch=dutch)
    if english is not None:
        return NumberNotation("en", english=english)
    return NumberNotation()


def _row_error(number: int, error: ScenarioError, headers: Mapping[str, str]) -> RowError:
    column = column_for_field(error.field)
    return RowError(number, headers.get(column.id, "") if column else "", error)


@dataclass
class _Cells:
    """What the columns of a file gave, row by row (mutable while the columns are read)."""

    values: dict[str, list[Cell]]  # per field, every row's cell
    labels: Sequence[Cell] = ()  # every row's name cell
    problems: dict[int, list[RowError]] = dataclass_field(default_factory=dict)  # by row position
    notes: dict[int, list[RowNote]] = dataclass_field(default_factory=dict)


def _read_cells(
    numbers: Sequence[int],
    grid: Sequence[Sequence[object]],
    layout: _Layout,
    notation: NumberNotation,
    readers: Sequence[ColumnReader],
    columns: Sequence[Sequence[object]],
) -> tuple[_Cells, NumberNotation]:
    """Every cell, column by column (each distinct cell once): the problems and notes of each row in
    column order, then cells beyond the header's width; and the notation with the cells read by it."""
    found = _Cells({})
    read, example = 0, None
    for order, (reader, values, (_, column, header)) in enumerate(
        zip(readers, columns, layout.positions, strict=True)
    ):
        cells, remarkable = reader.read(values, notation)
        found.values[column.field] = cells
        found.labels = cells if column.kind == "text" else found.labels
        if not remarkable:  # the usual column: nothing to tell any row
            continue
        for i, cell in enumerate(cells):
            if cell.problem is not None:
                found.problems.setdefault(i, []).append(RowError(numbers[i], header, cell.problem))
            if cell.shortened is not None:
                note = RowNote(numbers[i], header, "label_shortened", *cell.shortened)
                found.notes.setdefault(i, []).append(note)
            if cell.read_as is not None:
                read += 1
                if example is None or (i, order) < example[:2]:
                    example = (i, order, cell)
    for i, row in enumerate(grid):
        if len(row) > layout.width and not _blank(row[layout.width :]):
            extra = next(cell for cell in row[layout.width :] if not is_empty(cell))
            problem = CellProblem("extra_cells", "", shown_value(extra))
            found.problems.setdefault(i, []).append(RowError(numbers[i], "", problem))
    if example is not None:
        position, _, cell = example
        evidence = NotationEvidence(numbers[position], cell.shown)
        notation = replace(notation, read=read, example=evidence, example_number=cell.read_as or 0.0)
    return found, notation


def _rows(
    numbers: Sequence[int], grid: Sequence[Sequence[object]], layout: _Layout, semicolons: bool
) -> tuple[list[TeamRow], list[SkippedRow], NumberNotation]:
    """Every employee row: its scenario, or every problem found in it (every bad cell, each with its
    column; the cross-field rules once every cell is right), with its notes; and the file's notation
    with the cells read by it."""
    readers = [ColumnReader(column) for _, column, _ in layout.positions]
    columns = _columns(grid, layout)
    cells, notation = _read_cells(
        numbers, grid, layout, _notation(numbers, columns, readers, semicolons), readers, columns
    )
    candidates = [i for i in range(len(numbers)) if i not in cells.problems]
    if len(candidates) == len(numbers):
        values = {path: [cell.value for cell in column] for path, column in cells.values.items()}
    else:
        values = {path: [column[i].value for i in candidates] for path, column in cells.values.items()}
    outcomes = dict(zip(candidates, row_scenarios(values, len(candidates)), strict=True))
    headers = {column.id: header for _, column, header in layout.positions}
    good: list[TeamRow] = []
    skipped: list[SkippedRow] = []
    for i, number in enumerate(numbers):
        outcome = outcomes.get(i)
        notes = tuple(cells.notes.get(i, ()))
        if isinstance(outcome, Scenario):
            good.append(TeamRow(number, outcome, notes))
            continue
        errors = cells.problems.get(i) or [_row_error(number, error, headers) for error in outcome or ()]
        label = cells.labels[i].value if cells.labels else None
        skipped.append(SkippedRow(number, label if isinstance(label, str) else "", tuple(errors), notes))
    return good, skipped, notation


def _read_rows(
    rows: Iterator[tuple[int, Sequence[object]]], kind: str, *, semicolons: bool = False
) -> TeamFile:
    """Header (the first non-blank row), then every non-blank row as an employee."""
    for _, header in rows:
        if not _blank(header):
            break
    else:
        raise TeamFileError("empty")
    layout = _layout(header)
    numbers: list[int] = []
    grid: list[Sequence[object]] = []
    for number, cells in rows:
        if _blank(cells):
            continue
        if len(numbers) == MAX_ROWS:
            raise TeamFileError("too_many_rows", max=MAX_ROWS)
        numbers.append(number)
        grid.append(cells)
    if not numbers:
        raise TeamFileError("header_only")
    good, skipped, notation = _rows(numbers, grid, layout, semicolons)
    return TeamFile(kind, tuple(good), tuple(skipped), layout.ignored, notation)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a file becomes rows.

    Reading 5,000 rows builds some 100,000 small objects (cells, dataclasses), none of them in a
    reference cycle, so the collector finds nothing to free; yet its passes, triggered by the
    allocations and scanning every live object of the process, took about a third of the read time.
    Reference counting still frees everything as usual. Only the thread that paused it switches it
    back on, and only when it was on before, so two reads at once leave it as they found it.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_team_file(name: str, raw: bytes) -> TeamFile:
    """Read an uploaded team file (by its name's extension, checked against its content).

    Raises :class:`TeamFileError` when the whole file is refused; bad rows are listed in
    :attr:`TeamFile.errors` and the good rows are still returned.

    >>> from calculators.team.template import template_csv
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
    with _no_cycle_collection():
        if suffix == ".xlsx":
            return _read_rows(xlsx_rows(raw), "xlsx")
        rows, delimiter = csv_rows(raw)
        return _read_rows(rows, "csv", semicolons=delimiter == ";")
