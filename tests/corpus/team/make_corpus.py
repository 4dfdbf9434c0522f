"""Writes the bad team files in this folder (run from the repository root to regenerate them):

    .venv/bin/python -m tests.corpus.team.make_corpus

Each file is small on disk. What the reader must say about each one is pinned in
tests/unit/team/test_team_formats.py (``CORPUS_OUTCOMES``) and, through the page, in
tests/app/test_team.py. Files that are too large or too long are made inside the tests instead (no
5 MB file in git).
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]

from calculators.team.columns import team_columns
from calculators.team.template import template_csv, template_xlsx

HERE = Path(__file__).resolve().parent
NL_HEADER = [column.header_nl for column in team_columns()]
EN_HEADER = [column.header_en for column in team_columns()]
GOOD_ROW = ["Monteur", 3100, 38, 6, 34, "stabiel", "huidige functie", 1650, 40]


def _csv(*lines: str, delimiter: str = ";") -> bytes:
    header = delimiter.join(NL_HEADER if delimiter == ";" else EN_HEADER)
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def _row(*cells: object, delimiter: str = ";") -> str:
    return delimiter.join(str(cell) for cell in cells)


def _xlsx(rows: list[list[object]], patch: dict[bytes, bytes] | None = None) -> bytes:
    """A workbook with the Dutch header and ``rows``; ``patch`` rewrites bytes of the sheet's XML
    (to give a formula a saved result, which openpyxl itself never writes)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(NL_HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if not patch:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for old, new in patch.items():
                    assert old in data, old
                    data = data.replace(old, new)
            target.writestr(item, data)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    """A deflated ZIP holding ``members`` (also used by the tests for hostile archives)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """An .xlsx-looking ZIP whose sheet unpacks to 128 MiB of zeros from about 130 kB (ratio ~1000).

    Written by streaming the compressed member, so the 128 MiB never sit in memory at once.
    """
    size = 128 * 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def files() -> dict[str, bytes]:
    """Every corpus file by name."""
    rng = random.Random(2026)
    good = _row(*GOOD_ROW)
    return {
        "empty.csv": b"",
        "blank_lines_only.csv": b"\n \n\t\n",
        "header_only.csv": _csv(),
        "header_only.xlsx": _xlsx([]),
        "tab_separated.csv": template_csv("nl").replace(b";", b"\t"),
        "unknown_headers.csv": b"Voornaam;Achternaam;BSN\nJan;Jansen;123456789\n",
        "missing_columns.csv": b"Naam;Uren per week;Leeftijd\nMonteur;38;34\n",
        "duplicate_columns.csv": (
            ";".join([*NL_HEADER, "Salaris"]) + "\n" + good + ";" * 8 + "3000\n"
        ).encode(),
        "formula_cells.xlsx": _xlsx(
            [
                ["Monteur", "=3000+100", 38, 6, 34, "stabiel", "huidige functie", 1650, 40],
                ["Verkoper", "=2900+100", 38, 6, 34, "stabiel", "huidige functie", 900, 16],
            ],
            patch={b"<f>2900+100</f><v />": b"<f>2900+100</f><v>3000</v>"},
        ),
        "spreadsheet_errors.xlsx": _xlsx(
            [
                ["Monteur", "#DIV/0!", 38, 6, 34, "stabiel", "huidige functie", 1650, 40],
                ["Verkoper", 3000, 38, 6, 34, "stabiel", "huidige functie", "#N/A", 16],
                GOOD_ROW,
            ]
        ),
        "dates_in_numbers.xlsx": _xlsx([["Monteur", datetime(2026, 1, 31), *GOOD_ROW[2:]], GOOD_ROW]),
        "zip_bomb.xlsx": _zip_bomb(),
        "not_a_workbook.xlsx": zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
        "broken_zip.xlsx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(600)),
        "binary_junk.csv": bytes(rng.randrange(256) for _ in range(2048)),
        "png_renamed.csv": _png(),
        "xlsx_renamed.csv": template_xlsx("nl"),
        "csv_renamed.xlsx": template_csv("nl"),
        "old_excel.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "old_excel_renamed.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "utf16.csv": template_csv("nl").decode("utf-8-sig").encode("utf-16"),
        "undecodable.csv": _csv() + b"Monteur\x81\x8d;3100\n",  # 0x81, 0x8D: neither UTF-8 nor cp1252
        "unclosed_quote.csv": _csv('"Monteur;3100;38;6;34;stabiel;huidige functie;1650;40'),
        "negative_salary.csv": _csv(_row("Monteur", -3100, *GOOD_ROW[2:]), good),
        "text_in_numbers.csv": _csv(_row("Monteur", "veel", "n.v.t.", *GOOD_ROW[3:]), good),
        # commas between the columns and no other number with a separator: nothing settles 1.500
        "ambiguous_numbers.csv": _csv(
            _row("Mechanic", 3100, 38, 6, 34, "stable", "current job", "1.500", 40, delimiter=","),
            delimiter=",",
        ),
        # semicolons (Dutch) but 3250.50 (English): 1.500 cannot be settled; 3250.50 itself is read
        "mixed_notation.csv": _csv(
            _row("Monteur", "3250.50", 38, 6, 34, "stabiel", "huidige functie", "1.500", 40), good
        ),
        # five bad cells in one row, each reported: text, over 60 hours, a half year, a typo, below 0
        "several_bad_cells.csv": _csv(
            _row("Kok", "veel", 70, 6, "34,5", "stabil", "huidige functie", -5, 40), good
        ),
        # a name of 60 characters is shortened to 40 with a note; the row is still computed
        "long_name.csv": _csv(
            _row("Medewerker met een heel lange naam die niet in de kolom past", *GOOD_ROW[1:]), good
        ),
        "bad_choices.csv": _csv(
            _row("Monteur", 3100, 38, 6, 34, "stabil", "huidige functie", 1650, 40),
            _row(
                "Verzorgende", 2900, 28, 3, 27, "stabiel", "verplicht", 450, 16, "", "", "", "", "", "", "ja"
            ),
            _row(
                "Kok",
                2700,
                38,
                3,
                27,
                "stabiel",
                "huidige functie",
                450,
                16,
                "",
                "",
                "",
                "",
                "",
                "",
                "misschien",
            ),
            good,
        ),
        # all 16 columns, as Excel writes them; the unquoted 3250,50 pushes every cell one column on
        "comma_decimal_in_comma_csv.csv": _csv(
            _row(
                *("Mechanic", "3250,50", 38, 6, 34, "stable", "current job", 1650, 40),
                *(2, 0, 0, 0, 2, 11, "no"),
                delimiter=",",
            ),
            delimiter=",",
        ),
    }


def main() -> None:
    """Write every corpus file next to this script."""
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
