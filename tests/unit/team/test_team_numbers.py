"""Numbers in team files: Dutch and English notation, the ambiguous ones refused, and the file's
notation settled once (1.800 read by it).
"""

from __future__ import annotations

import pytest

from calculators.team.numbers import NotationEvidence, number_notation, parse_decimal
from tests.unit.team.team_files import (
    GOOD,
    GOOD_CELLS,
    GOOD_EN,
    SEMICOLONS_EN,
    SEMICOLONS_NL,
    code,
    dutch_csv,
    english_csv,
    read,
    workbook_bytes,
)


class TestParseDecimal:
    """Dutch and English numbers, and the ambiguous ones refused."""

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("3250", 3250.0),
            ("3250,5", 3250.5),  # decimal comma
            ("3250.50", 3250.5),  # decimal point
            ("3.250,50", 3250.5),  # Dutch thousands dot + decimal comma
            ("3,250.50", 3250.5),  # English thousands comma + decimal point
            ("1.250.000", 1_250_000.0),  # the same separator twice: thousands
            ("1,250,000", 1_250_000.0),
            ("1.234.567,8", 1_234_567.8),
            ("0,250", 0.25),  # a leading zero is never a thousands group
            ("1234.567", 1234.567),  # four digits before the point: no thousands group
            ("-12,5", -12.5),
            ("\u22123", -3.0),  # the typographic minus
            ("+7", 7.0),
            (",5", 0.5),
            ("  42  ", 42.0),
        ],
    )
    def test_accepted(self, typed: str, expected: float) -> None:
        """Pins each accepted way of writing a number."""
        assert parse_decimal(typed) == expected

    def test_money_and_percent_signs(self) -> None:
        """Pins € before or after an amount (money columns only) and % after a percentage."""
        assert parse_decimal("€ 1.650,00", money=True) == 1650.0
        assert parse_decimal("1650 €", money=True) == 1650.0
        assert parse_decimal("€ -500", money=True) == -500.0
        assert parse_decimal("2,5%", percent=True) == 2.5
        assert parse_decimal("2,5 %", percent=True) == 2.5

    @pytest.mark.parametrize("typed", ["3.250", "3,250", "1.500", "999,000"])
    def test_ambiguous_refused(self, typed: str) -> None:
        """Pins that one separator before exactly three digits (after 1–3 digits) is refused."""
        with pytest.raises(Exception, match="ambiguous"):
            parse_decimal(typed)

    @pytest.mark.parametrize(
        "typed",
        [
            "",
            "abc",
            "veel",
            "1e5",
            "--5",
            "5-",
            "1.2.3",
            "12,34,56",
            "1.234,5.6",
            "1,2.345",
            "3.",
            "€ 5",
            "5%",
            "0x10",
        ],
    )
    def test_not_a_number(self, typed: str) -> None:
        """Pins what is not a number (€ and % only where the column allows them)."""
        with pytest.raises(Exception, match="not_a_number"):
            parse_decimal(typed)


class TestNotation:
    """The file's number notation, settled once per file; 1.800 read by it, refused without it."""

    @pytest.mark.parametrize(
        ("typed", "shows"),
        [
            ("3.250,50", "nl"),
            ("3250,5", "nl"),
            ("0,250", "nl"),  # a leading zero is never a thousands group: a decimal comma
            ("1.250.000", "nl"),  # a dot grouping thousands leaves the comma for decimals
            ("3,250.50", "en"),
            ("3250.5", "en"),
            ("1234.567", "en"),
            ("1,250,000", "en"),
            ("1.800", None),  # could be either: no evidence
            ("1,800", None),
            ("3250", None),
            ("veel", None),
        ],
    )
    def test_what_a_cell_shows(self, typed: str, shows: str | None) -> None:
        """Pins which cells settle the notation: only those that can be read one way."""
        assert number_notation(typed) == shows

    @pytest.mark.parametrize(
        ("typed", "notation", "expected"),
        [
            ("1.800", "nl", 1800.0),  # Dutch: the dot groups thousands
            ("1,800", "nl", 1.8),  # Dutch: the comma is the decimal mark
            ("1.800", "en", 1.8),
            ("1,800", "en", 1800.0),
            ("-1.500", "nl", -1500.0),
            ("3.250,50", "en", 3250.5),  # a number that can be read one way is read that way
        ],
    )
    def test_ambiguous_read_by_the_notation(self, typed: str, notation: str, expected: float) -> None:
        """Pins both readings of one separator before three digits."""
        assert parse_decimal(typed, notation=notation) == expected  # type: ignore[arg-type]

    def test_semicolon_file_reads_1800_as_eighteen_hundred(self) -> None:
        """Pins a Dutch Excel file: 3.250,50 → 3250.50, 1.800 → 1800 and 12,500 → 12.5 (hours)."""
        team = read(dutch_csv(["A", "3.250,50", *GOOD[2:7], "1.800", "12,500"]))
        (row,) = team.rows
        assert row.scenario.employee.gross_monthly_salary_eur == 3250.5
        assert row.scenario.training.course_fees_eur == 1800.0
        assert row.scenario.training.hours == 12.5
        notation = team.notation
        assert (notation.notation, notation.dutch, notation.english) == ("nl", NotationEvidence(0), None)
        assert (notation.read, notation.example) == (2, NotationEvidence(2, "1.800"))
        assert notation.message("nl") == (
            "2 getallen zijn op twee manieren te lezen, zoals '1.800' in rij 2. Ze zijn gelezen zoals het "
            f"bestand getallen schrijft, op zijn Nederlands ({SEMICOLONS_NL}): '1.800' is 1800."
        )

    def test_comma_file_settled_by_an_english_cell(self) -> None:
        """Pins a comma-separated file where "3,250.50" settles English: "1,800" → 1800."""
        team = read(english_csv(["Mechanic", "3,250.50", *GOOD_EN[2:7], "1,800", "40"]))
        (row,) = team.rows
        assert row.scenario.employee.gross_monthly_salary_eur == 3250.5
        assert row.scenario.training.course_fees_eur == 1800.0
        assert team.notation.notation == "en"
        assert team.notation.english == NotationEvidence(2, "3,250.50")
        assert team.notation.message("en") == (
            "'1,800' in row 2 can be read two ways and was read as 1800, because the file writes numbers "
            "the English way ('3,250.50' in row 2)."
        )

    def test_a_later_row_settles_an_earlier_one(self) -> None:
        """Pins that the notation is the whole file's: row 3's 3,250.50 reads row 2's 1,800 as 1800."""
        team = read(english_csv(["A", *GOOD_EN[1:7], "1,800", "40"], ["B", "3,250.50", *GOOD_EN[2:]]))
        assert [row.scenario.training.course_fees_eur for row in team.rows] == [1800.0, 1650.0]

    def test_conflicting_evidence_is_reported(self) -> None:
        """Pins semicolons (Dutch) against 3250.50 (English): 1.800 refused, naming both; 3250.50 itself
        is read as it can only be read."""
        team = read(dutch_csv(["A", "3250.50", *GOOD[2:7], "1.800", GOOD[8]], GOOD))
        assert [row.row for row in team.rows] == [3]
        (error,) = team.errors
        assert (error.row, error.column, code(error)) == (2, "Cursuskosten (€)", "ambiguous_mixed")
        assert error.reason("nl") == (
            "'1.800' is dubbelzinnig: bedoelt u 1800 of 1,8? Het bestand schrijft getallen op twee manieren: "
            f"op zijn Nederlands ({SEMICOLONS_NL}) en op zijn Engels ('3250.50' in rij 2). "
            "Schrijf het getal zonder punt of komma voor de duizendtallen."
        )
        assert error.reason("en") == (
            "'1.800' is ambiguous: do you mean 1800 or 1.8? The file writes numbers in two ways: "
            f"the Dutch way ({SEMICOLONS_EN}) and the English way ('3250.50' in row 2). "
            "Write the number without a point or comma for the thousands."
        )
        assert team.notation.notation is None and team.notation.message("nl") is None

    def test_conflicting_text_cells_in_a_workbook(self) -> None:
        """Pins text cells of an .xlsx: 3.250,50 in row 2 and 3,250.50 in row 3 conflict, so 1.800
        (row 4) is refused; rows 2 and 3 are read."""
        team = read(
            workbook_bytes(
                ["A", "3.250,50", *GOOD_CELLS[2:]],
                ["B", "3,250.50", *GOOD_CELLS[2:]],
                ["C", *GOOD_CELLS[1:7], "1.800", 40],
            ),
            "team.xlsx",
        )
        assert [row.scenario.employee.gross_monthly_salary_eur for row in team.rows] == [3250.5, 3250.5]
        assert (team.notation.dutch, team.notation.english) == (
            NotationEvidence(2, "3.250,50"),
            NotationEvidence(3, "3,250.50"),
        )
        assert [(e.row, code(e)) for e in team.errors] == [(4, "ambiguous_mixed")]
        assert "('3.250,50' in row 2)" in team.errors[0].reason("en")
        assert "('3,250.50' in row 3)" in team.errors[0].reason("en")

    def test_a_text_cell_in_a_workbook_follows_the_files_notation(self) -> None:
        """Pins an .xlsx whose text cell 3.250,50 settles Dutch, so the text cell 1.800 is 1800."""
        team = read(workbook_bytes(["A", "3.250,50", *GOOD_CELLS[2:7], "1.800", 40]), "team.xlsx")
        assert team.rows[0].scenario.training.course_fees_eur == 1800.0

    def test_no_evidence_keeps_the_refusal(self) -> None:
        """Pins a comma-separated file of whole numbers: 1.800 cannot be settled and is refused, and
        the message says so in each language."""
        team = read(english_csv(["Mechanic", *GOOD_EN[1:7], "1.800", "40"]))
        assert not team.rows and team.notation.notation is None
        (error,) = team.errors
        assert (error.row, error.column, code(error)) == (2, "Course fees (€)", "ambiguous")
        assert error.reason("nl") == (
            "'1.800' is dubbelzinnig: bedoelt u 1800 of 1,8? Nergens anders in het bestand staat een getal "
            "dat verraadt hoe het getallen schrijft (zoals 3.250,50 of 3,250.50). "
            "Schrijf het getal zonder punt of komma voor de duizendtallen."
        )
        assert error.reason("en") == (
            "'1.800' is ambiguous: do you mean 1800 or 1.8? Nothing else in the file shows how it writes "
            "numbers (such as 3.250,50 or 3,250.50). "
            "Write the number without a point or comma for the thousands."
        )

    def test_number_cells_of_a_workbook_show_no_notation(self) -> None:
        """Pins that Excel's number cells (3250.5 stored as a number) settle nothing: 1.500 is refused."""
        team = read(workbook_bytes(["A", 3250.5, *GOOD_CELLS[2:7], "1.500", 40]), "team.xlsx")
        assert [(e.row, code(e)) for e in team.errors] == [(2, "ambiguous")]
        assert "1500 or 1.5" in team.errors[0].reason("en")
