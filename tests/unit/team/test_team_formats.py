"""Team files refused whole or read through their format: the corpus of bad files, formulas,
zip bombs, encodings and sizes.
"""

from __future__ import annotations

import struct

import pytest

from calculators.team.read import MAX_FILE_BYTES, MAX_ROWS
from tests.corpus.team.make_corpus import zip_of
from tests.unit.team.team_files import (
    CORPUS,
    GOOD,
    REQUIRED_NL,
    code,
    dutch_csv,
    read,
    refusal,
)

CORPUS_OUTCOMES: dict[str, tuple[str, object, object]] = {
    "empty.csv": ("refused", "empty", None),
    "blank_lines_only.csv": ("refused", "empty", None),
    "header_only.csv": ("refused", "header_only", None),
    "header_only.xlsx": ("refused", "header_only", None),
    "tab_separated.csv": ("refused", "no_columns", None),
    "unknown_headers.csv": ("refused", "no_columns", None),
    "missing_columns.csv": ("refused", "missing_columns", None),
    "duplicate_columns.csv": ("refused", "duplicate_column", None),
    "zip_bomb.xlsx": ("refused", "zip_bomb", None),
    "not_a_workbook.xlsx": ("refused", "not_xlsx", None),
    "broken_zip.xlsx": ("refused", "broken_xlsx", None),
    "binary_junk.csv": ("refused", "binary", None),
    "png_renamed.csv": ("refused", "not_what_name_says", None),
    "xlsx_renamed.csv": ("refused", "not_what_name_says", None),
    "csv_renamed.xlsx": ("refused", "not_what_name_says", None),
    "old_excel.xls": ("refused", "unknown_format", None),
    "old_excel_renamed.xlsx": ("refused", "xlsx_is_ole", None),
    "utf16.csv": ("refused", "utf16", None),
    "undecodable.csv": ("refused", "encoding", None),
    "unclosed_quote.csv": ("refused", "csv_broken", None),
    "formula_cells.xlsx": ("rows", 1, {(2, "formula_without_value")}),
    "spreadsheet_errors.xlsx": ("rows", 1, {(2, "spreadsheet_error"), (3, "spreadsheet_error")}),
    "dates_in_numbers.xlsx": ("rows", 1, {(2, "date")}),
    "negative_salary.csv": ("rows", 1, {(2, "out_of_range")}),
    "text_in_numbers.csv": ("rows", 1, {(2, "not_a_number")}),
    "ambiguous_numbers.csv": ("rows", 0, {(2, "ambiguous")}),
    "mixed_notation.csv": ("rows", 1, {(2, "ambiguous_mixed")}),
    "several_bad_cells.csv": (
        "rows",
        1,
        {(2, "not_a_number"), (2, "out_of_range"), (2, "wrong_type_int"), (2, "not_a_choice")},
    ),
    "long_name.csv": ("rows", 2, set()),
    "bad_choices.csv": ("rows", 1, {(2, "not_a_choice"), (3, "clause_void"), (4, "not_yes_no")}),
    "comma_decimal_in_comma_csv.csv": (
        "rows",
        0,
        # the cells shifted one column on: an age of 6 and a 40-month course are out of range too
        {
            (2, "extra_cells"),
            (2, "not_a_choice"),
            (2, "not_a_number"),
            (2, "not_yes_no"),
            (2, "out_of_range"),
        },
    ),
}


class TestCorpus:
    """Every bad file in tests/corpus/team/ gives exactly its expected outcome, never an exception."""

    def test_every_corpus_file_has_an_expected_outcome(self) -> None:
        """Pins that the manifest and the folder agree, and that there are at least 15 bad files."""
        files = {path.name for path in CORPUS.iterdir() if path.is_file() and path.suffix != ".py"}
        assert files == set(CORPUS_OUTCOMES)
        assert len(files) >= 15

    @pytest.mark.parametrize("name", sorted(CORPUS_OUTCOMES))
    def test_outcome(self, name: str) -> None:
        """Pins the refusal code, or the good-row count and the (row, problem) pairs."""
        kind, expected, problems = CORPUS_OUTCOMES[name]
        raw = (CORPUS / name).read_bytes()
        if kind == "refused":
            error = refusal(raw, name)
            assert error.code == expected
            assert error.message("nl") and error.message("en") and error.message("nl") != error.message("en")
        else:
            team = read(raw, name)
            assert len(team.rows) == expected
            assert {(e.row, code(e)) for e in team.errors} == problems
            assert all(e.reason("nl") and e.reason("en") for e in team.errors)

    def test_formula_with_a_saved_result_is_read_through_it(self) -> None:
        """Pins that a formula's saved result (3000, written into the file) is used, never recalculated:
        the formula itself says 2900+100, which would also be 3000 — so the corpus file's saved value
        was set to 3000 and the other formula, without a saved value, is refused."""
        team = read((CORPUS / "formula_cells.xlsx").read_bytes(), "formula_cells.xlsx")
        assert [row.scenario.employee.gross_monthly_salary_eur for row in team.rows] == [3000.0]


def _patch_central_directory(raw: bytes, name: bytes, offset: int, value: bytes) -> bytes:
    """Overwrite a field of one member's central-directory record (APPNOTE 4.3.12)."""
    start = raw.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack("<H", raw[start + 28 : start + 30])[0]
        if raw[start + 46 : start + 46 + name_length] == name:
            return raw[: start + offset] + value + raw[start + offset + len(value) :]
        start = raw.index(b"PK\x01\x02", start + 4)


WORKBOOK_PARTS = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


class TestRefusals:
    """File-level refusals made inside the tests (too large, too long, hostile ZIPs)."""

    def test_too_large(self) -> None:
        """Pins the 5 MB limit: one byte over is refused before anything is parsed."""
        raw = dutch_csv(GOOD) + b" " * (MAX_FILE_BYTES + 1)
        error = refusal(raw)
        assert error.code == "too_large"
        assert "5.0 MB" in error.message("en") and "5,0 MB" in error.message("nl")

    def test_just_under_the_size_limit_is_read(self) -> None:
        """Pins that padding up to the limit (blank lines) is allowed."""
        raw = dutch_csv(GOOD)
        assert len(read(raw + b"\n" * (MAX_FILE_BYTES - len(raw))).rows) == 1

    def test_too_many_rows(self) -> None:
        """Pins 5,000 employees read and 5,001 refused (blank rows do not count)."""
        line = ";".join(GOOD)
        header = ";".join(REQUIRED_NL)
        allowed = "\n".join([header, *([line] * MAX_ROWS), "", ""]).encode()
        assert len(read(allowed).rows) == MAX_ROWS
        error = refusal("\n".join([header, *([line] * (MAX_ROWS + 1))]).encode())
        assert error.code == "too_many_rows"
        assert "5.000" in error.message("nl") and "5,000" in error.message("en")

    @pytest.mark.parametrize("name", ["team.ods", "team.xls", "team.txt", "team.json", "team", "team.xlsm"])
    def test_unknown_formats(self, name: str) -> None:
        """Pins refusal by extension, with the extension named."""
        error = refusal(dutch_csv(GOOD), name)
        assert error.code == "unknown_format"

    def test_zip_declaring_a_huge_member(self) -> None:
        """Pins a member whose stated size is 4 GB (a lie or a bomb): refused from the directory alone."""
        raw = zip_of({**WORKBOOK_PARTS, "xl/worksheets/sheet1.xml": b"<worksheet/>"})
        raw = _patch_central_directory(raw, b"xl/worksheets/sheet1.xml", 24, struct.pack("<I", 0xFFFF_FFF0))
        assert refusal(raw, "team.xlsx").code == "zip_bomb"

    def test_zip_with_too_many_members(self) -> None:
        """Pins the member count limit (1,000)."""
        members = {**WORKBOOK_PARTS, **{f"xl/media/{i}.bin": b"x" for i in range(1001)}}
        assert refusal(zip_of(members), "team.xlsx").code == "zip_bomb"

    def test_encrypted_member(self) -> None:
        """Pins a ZIP member marked as encrypted (general-purpose flag bit 0)."""
        raw = zip_of({**WORKBOOK_PARTS, "xl/worksheets/sheet1.xml": b"<worksheet/>"})
        raw = _patch_central_directory(raw, b"xl/worksheets/sheet1.xml", 8, struct.pack("<H", 0x1))
        assert refusal(raw, "team.xlsx").code == "encrypted"

    def test_windows_1252_text_is_read(self) -> None:
        """Pins a CSV saved by an older Excel in Windows-1252 (é as 0xE9)."""
        raw = dutch_csv(["José", *GOOD[1:]]).decode().encode("cp1252")
        assert read(raw).rows[0].label == "José"

    def test_control_characters_make_a_csv_binary(self) -> None:
        """Pins that text with control characters (not tab or line breaks) is not taken as a table."""
        assert refusal(dutch_csv(["A\x07", *GOOD[1:]])).code == "binary"
