"""Reading a team file's cells fast without reading them differently: the character classes checked
by one regex against unicodedata, the shortcut for plain numbers against the full parse, and a
column's distinct cells read once without confusing cells that compare equal (True, 1 and 1.0)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.team.cells import UNSHOWABLE_CHARACTER, CellProblem, ColumnReader
from calculators.team.columns import team_columns
from calculators.team.formats import CONTROL_CHARACTER
from calculators.team.numbers import CellRefused, NumberNotation, ParsedNumber, parse_number

EVERY_CHARACTER = range(0x110000)


def test_unshowable_character_is_exactly_the_four_categories() -> None:
    """Pins the regex to scenario_io's rule (categories Cc, Cs, Zl, Zp), code point by code point."""
    regex = {code for code in EVERY_CHARACTER if UNSHOWABLE_CHARACTER.fullmatch(chr(code))}
    categories = {
        code for code in EVERY_CHARACTER if unicodedata.category(chr(code)) in {"Cc", "Cs", "Zl", "Zp"}
    }
    assert regex == categories


def test_control_character_is_cc_without_tab_and_line_ends() -> None:
    """Pins the CSV's binary check: category Cc except tab, line feed and carriage return."""
    regex = {code for code in EVERY_CHARACTER if CONTROL_CHARACTER.fullmatch(chr(code))}
    controls = {code for code in EVERY_CHARACTER if unicodedata.category(chr(code)) == "Cc"}
    assert regex == controls - {ord("\t"), ord("\n"), ord("\r")}


def _parsed(raw: str, **options: bool) -> ParsedNumber | tuple[str, tuple[str, str]]:
    try:
        return parse_number(raw, money=options["money"], percent=options["percent"], notation=None)
    except CellRefused as refused:
        return refused.code, refused.parts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789.,", min_size=1, max_size=12), st.booleans(), st.booleans())
def test_plain_numbers_read_as_the_full_parse_reads_them(raw: str, money: bool, percent: bool) -> None:
    """Pins the shortcut for plain cells ("3250", "3250,45") to the full parse: a leading space sends
    the same text the long way (which strips it), and both must give the same number or refusal."""
    assert _parsed(raw, money=money, percent=percent) == _parsed(" " + raw, money=money, percent=percent)


def _reader(column_id: str) -> ColumnReader:
    return ColumnReader(next(column for column in team_columns() if column.id == column_id))


class TestColumnReader:
    """Each distinct cell is read once; cells that only compare equal are still read apart."""

    def test_true_one_and_one_point_zero_are_different_cells(self) -> None:
        """Pins that True is not a number although True == 1 == 1.0 (one lookup table must not merge
        them): in a number column 1 and 1.0 are 1, True is refused."""
        cells, remarkable = _reader("age").read([1, True, 1.0, "1"], NumberNotation())
        assert [cell.value for cell in cells] == [None, None, None, None]  # 1 year old: out of range
        assert [cell.problem.code for cell in cells if cell.problem] == [
            "out_of_range",
            "not_a_number",
            "out_of_range",
            "out_of_range",
        ]
        assert remarkable

    def test_minus_zero_stays_minus_zero(self) -> None:
        """Pins that -0.0 and 0.0 (equal, same hash) are read apart: each keeps its own sign."""
        cells, _ = _reader("years_of_service").read([0.0, -0.0, "-0"], NumberNotation())
        signs = [str(cell.value) for cell in cells]
        assert signs == ["0.0", "-0.0", "-0.0"]

    def test_a_repeated_cell_is_read_once(self) -> None:
        """Pins one reading per distinct text: a team of 1,000 with three salaries parses three."""
        reader = _reader("salary")
        cells, remarkable = reader.read(["3100", "2800,50", "3100", "4200"] * 250, NumberNotation())
        assert [cell.value for cell in cells[:4]] == [3100.0, 2800.5, 3100.0, 4200.0]
        assert len(reader._parsed) == 3
        assert not remarkable

    def test_an_ambiguous_cell_is_read_by_the_notation_and_remembered_as_such(self) -> None:
        """Pins '1.800' in a Dutch file: 1800, marked as read by the notation (the page says so)."""
        cells, remarkable = _reader("course_fees").read(["1.800", "1800"], NumberNotation("nl"))
        assert [(cell.value, cell.read_as, cell.shown) for cell in cells] == [
            (1800.0, 1800.0, "1.800"),
            (1800.0, None, ""),
        ]
        assert remarkable

    @pytest.mark.parametrize("empty", [None, "", "   "])
    def test_an_empty_required_cell(self, empty: object) -> None:
        """Pins an empty required cell as the 'empty' problem, an empty optional one as the default."""
        (cell,), _ = _reader("salary").read([empty], NumberNotation())
        assert cell.problem == CellProblem("empty", "employee.gross_monthly_salary_eur")
        (optional,), remarkable = _reader("travel").read([empty], NumberNotation())
        assert optional.value is None and optional.problem is None and not remarkable


def test_cell_problem_without_column_renders() -> None:
    """Pins that a problem outside any column still has a message in both languages."""
    problem = CellProblem("extra_cells", "", "x")
    assert "'x'" in problem.message("nl") and "'x'" in problem.message("en")
