"""Writing spreadsheets for team mode (the template and the exports): CSV in the language's dialect
and Excel workbooks, every text cell formula-safe.

CSV is written as Dutch Excel reads it (``;`` and a decimal comma) or as English software does
(``,`` and a point), in UTF-8 with a byte order mark. A text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab, a carriage return or a null character gets an apostrophe in front, so a
spreadsheet shows it as text instead of running it as a formula (OWASP ASVS 5.0 requirement 1.2.10,
CSV and formula injection; sources.yaml: owasp_asvs_formula_injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from calculators.i18n import Lang, text

__all__ = [
    "bold_header",
    "csv_bytes",
    "csv_dialect",
    "fit_columns",
    "safe_cell",
    "xlsx_bytes",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell(value: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula (OWASP ASVS 1.2.10).

    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("Monteur"), safe_cell("-1+2")
    ('\\'=HYPERLINK("http://x")', 'Monteur', "'-1+2")
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_dialect(lang: Lang) -> tuple[str, str]:
    """Delimiter and decimal separator: Dutch Excel reads ``;`` and a comma, English ``,`` and a point."""
    return (";", ",") if lang is Lang.NL else (",", ".")


def _csv_number(value: float, lang: Lang, decimals: int = 2) -> str:
    formatted = f"{value:.{decimals}f}" if decimals else str(round(value))
    return formatted.replace(".", csv_dialect(lang)[1])


def csv_bytes(rows: Sequence[Sequence[object]], lang: Lang) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=csv_dialect(lang)[0], lineterminator="\r\n")
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


def xlsx_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fit_columns(sheet: Any, widths: Sequence[int]) -> None:

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def bold_header(sheet: Any) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
