"""Team mode's file formats: the bytes of an uploaded CSV or Excel file as rows of cells.

A file is refused with :class:`calculators.team.errors.TeamFileError` (Dutch and English text)
when it is not what its name says (checked by its first bytes: an ``.xlsx`` must be a ZIP with
``[Content_Types].xml`` and ``xl/workbook.xml``; a ``.csv`` must be text in UTF-8, with or without
BOM, or Windows-1252), binary, or a ZIP whose members unpack to more than 100 MB or more than 200
times their packed size (a zip bomb; checked before openpyxl opens it). Excel files are opened with
``read_only=True, data_only=True``: formulas are never evaluated; a formula cell is read through the
value Excel saved with it, and a formula without a saved value is a bad cell
(:class:`calculators.team.cells.BadCell`). Columns of a CSV are separated by ``;`` or ``,``
(whichever the header row uses).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]

from calculators.team.cells import BadCell
from calculators.team.columns import header_key, team_columns
from calculators.team.errors import Named, TeamFileError

__all__ = [
    "CONTROL_CHARACTER",
    "MAX_COMPRESSION_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "csv_rows",
    "xlsx_rows",
]

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all members of an .xlsx together, unpacked
MAX_COMPRESSION_RATIO = 200  # unpacked / packed per member; spreadsheets stay far below, zip bombs far above
_MAX_ZIP_MEMBERS = 1_000
_RATIO_FLOOR_BYTES = 1024 * 1024  # a member this small cannot hurt, whatever its ratio
# Unicode's control characters (category Cc: U+0000–U+001F and U+007F–U+009F, a set Unicode never
# changes) other than tab, line feed and carriage return: one search instead of a lookup per character.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


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
        raise TeamFileError("not_what_name_says", suffix=".csv", actual=Named(f"team.formats.{kind}"))
    if b"\x00" in raw:
        raise TeamFileError("binary", suffix=".csv")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            decoded = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise TeamFileError("encoding") from None
    if CONTROL_CHARACTER.search(decoded):
        raise TeamFileError("binary", suffix=".csv")
    return decoded


def _delimiter(decoded: str) -> str:
    """``;`` or ``,``: the one under which the first non-blank row names the most known columns."""
    names = {name for column in team_columns() for name in column.names}
    first = next((line for line in decoded.splitlines() if line.strip()), "")
    scores = {}
    for delimiter in (";", ","):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        scores[delimiter] = sum(1 for cell in cells if header_key(cell) in names)
    best = max(scores, key=lambda delimiter: scores[delimiter])
    if scores[best] == 0:
        raise TeamFileError("no_columns")
    return best


def csv_rows(raw: bytes) -> tuple[Iterator[tuple[int, Sequence[object]]], str]:
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


def xlsx_rows(raw: bytes) -> Iterator[tuple[int, Sequence[object]]]:
    kind = _magic(raw)
    if kind == "ole":
        raise TeamFileError("xlsx_is_ole")
    if kind != "zip":
        actual = f"team.formats.{kind}" if kind else "team.formats.other"
        if kind is None and b"\x00" not in raw[:4096]:
            actual = "team.formats.text"
        raise TeamFileError("not_what_name_says", suffix=".xlsx", actual=Named(actual))
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
                    cells.append(BadCell("formula_without_value"))
                elif getattr(cell, "data_type", None) == "e":
                    cells.append(BadCell("spreadsheet_error", str(value)))
                else:
                    cells.append(value)
            yield number, cells
    except TeamFileError:
        raise
    except Exception:
        raise TeamFileError("broken_xlsx") from None
    finally:
        workbook.close()
