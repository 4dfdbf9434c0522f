"""Reading team files: numbers, headers in both languages, row-by-row errors, every refusal, the
corpus of bad files, formulas, the template and the formula-safe exports (read back)."""

from __future__ import annotations

import csv
import io
import struct
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from calculators import default_scenario
from calculators.content import ContentError
from calculators.errors import ScenarioError
from calculators.team import evaluate_team
from calculators.team_cells import CellProblem
from calculators.team_columns import team_columns
from calculators.team_errors import RowError, TeamFileError
from calculators.team_export import export_csv, export_xlsx
from calculators.team_numbers import NotationEvidence, number_notation, parse_decimal
from calculators.team_read import MAX_FILE_BYTES, MAX_ROWS, TeamFile, read_team_file
from calculators.team_template import column_guide, template_csv, template_xlsx
from calculators.team_write import safe_cell
from tests.corpus.team.make_corpus import zip_of
from tests.unit.conftest import clear_content_caches

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus" / "team"
COLUMNS_YAML = yaml.safe_load((REPO / "content" / "team_columns.yaml").read_text(encoding="utf-8"))
NL = [column["header"]["nl"] for column in COLUMNS_YAML["columns"].values()]
EN = [column["header"]["en"] for column in COLUMNS_YAML["columns"].values()]
REQUIRED_NL = NL[:9]  # label … training hours; the columns after them are optional
GOOD = ["Monteur", "3100", "38", "6", "34", "stabiel", "huidige functie", "1650", "40"]


def dutch_csv(*rows: list[str], header: list[str] | None = None) -> bytes:
    lines = [";".join(header or REQUIRED_NL), *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def read(raw: bytes, name: str = "team.csv") -> TeamFile:
    return read_team_file(name, raw)


def refusal(raw: bytes, name: str = "team.csv") -> TeamFileError:
    with pytest.raises(TeamFileError) as caught:
        read_team_file(name, raw)
    return caught.value


def plain(message: str) -> str:
    """Messages use no-break spaces inside amounts (€ 100); compare with ordinary spaces."""
    return message.replace("\xa0", " ")


def code(error: RowError) -> str:
    return error.problem.code


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


class TestHeaders:
    """Dutch and English headers, aliases, and what the header row must hold."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_template_in_either_language_gives_the_examples(self, lang: str) -> None:
        """Pins both templates against the examples in content/team_columns.yaml (read here directly)."""
        examples = COLUMNS_YAML["examples"]
        rows = read(template_csv(lang)).rows
        assert len(rows) == len(examples)
        for row, example in zip(rows, examples, strict=True):
            s = row.scenario
            assert s.employee.label == example["label"][lang]
            assert s.employee.gross_monthly_salary_eur == example["salary"]
            assert s.employee.role_outlook.value == example["role_outlook"]
            assert s.training.kind.value == example["training_kind"]
            assert s.training.course_fees_eur == example["course_fees"]
            assert s.training.hours == example["training_hours"]
            assert s.training.duration_months == example.get("duration_months", 1)
            assert s.retention.study_cost_clause.enabled is (example.get("study_cost_clause") == "yes")
            assert sum(item.amount_eur for item in s.training.subsidies) == example.get("subsidy", 0)
        assert rows[2].scenario.benefits.productivity_gain == pytest.approx(0.03)  # 3 (%) in the file

    def test_dutch_and_english_headers_give_the_same_employees(self) -> None:
        """Pins that the same numbers under English headers make the same scenarios."""
        english = dutch_csv(GOOD, header=EN[:9]).replace(
            b";stabiel;huidige functie;", b";stable;current job;"
        )
        assert read(english).rows[0].scenario == read(dutch_csv(GOOD)).rows[0].scenario

    def test_header_spelling_case_brackets_and_aliases(self) -> None:
        """Pins that case, units in brackets, hyphens and listed aliases do not matter."""
        header = [
            "NAAM",
            "bruto-maandsalaris",
            "Contracturen (per week)",
            "diensttijd",
            "Age",
            "Toekomst van de functie",
            "training type",
            "Kosten opleiding (EUR)",
            "studie-uren",
        ]
        rows = read(dutch_csv(GOOD, header=header)).rows
        assert rows[0].scenario.employee.gross_monthly_salary_eur == 3100.0
        assert rows[0].scenario.training.hours == 40.0

    def test_missing_required_columns_are_named_in_each_language(self) -> None:
        """Pins the refusal naming the missing columns as the template writes them."""
        error = refusal(dutch_csv(GOOD[:8], header=REQUIRED_NL[:8]))
        assert error.code == "missing_columns"
        assert "Opleidingsuren" in error.message("nl")
        assert "Training hours" in error.message("en")

    def test_two_headers_for_one_column_are_refused(self) -> None:
        """Pins the duplicate-column refusal with both headers named."""
        error = refusal(dutch_csv([*GOOD, "3000"], header=[*REQUIRED_NL, "Salaris"]))
        assert error.code == "duplicate_column"
        assert "'Salaris'" in error.message("en")

    def test_unknown_columns_are_listed_and_ignored(self) -> None:
        """Pins that an extra column (notes) is skipped and reported, the rows still computed."""
        team = read(dutch_csv([*GOOD, "opmerking"], header=[*REQUIRED_NL, "Notities"]))
        assert team.ignored_columns == ("Notities",)
        assert len(team.rows) == 1

    def test_too_many_columns(self) -> None:
        """Pins the refusal of a header row of more than 100 cells."""
        header = [*REQUIRED_NL, *(f"extra {i}" for i in range(100))]
        assert refusal(dutch_csv(GOOD, header=header)).code == "too_many_columns"

    def test_comma_separated_file(self) -> None:
        """Pins that a comma-separated file is read (the delimiter is sniffed from the header)."""
        raw = template_csv("en")
        assert b"," in raw.splitlines()[0] and b";" not in raw.splitlines()[0]
        assert len(read(raw).rows) == 3


class TestValues:
    """Cells become model values: numbers, percentages, choices, yes/no, subsidy, defaults."""

    def test_dutch_and_plain_decimals_in_cells(self) -> None:
        """Pins 3.250,50 / 3250,5 / 3250.50 as the same salary € 3,250.50 (and € 3,250.5)."""
        rows = read(
            dutch_csv(
                ["A", "3.250,50", *GOOD[2:]],
                ["B", "3250,5", *GOOD[2:]],
                ["C", "3250.50", *GOOD[2:]],
                ["D", "€ 3.250,50", *GOOD[2:]],
            )
        ).rows
        assert [row.scenario.employee.gross_monthly_salary_eur for row in rows] == [3250.5] * 4

    def test_optional_columns_and_their_defaults(self) -> None:
        """Pins percent columns (2,5 → 0.025), the clause words, the subsidy line, and defaults."""
        header = [
            *NL[:9],
            "Productiviteitswinst (%)",
            "Vertrekkans per jaar (%)",
            "Studiekostenbeding (ja/nee)",
        ]
        header += ["Subsidie of fondsbijdrage (€)"]
        team = read(
            dutch_csv(
                [*GOOD, "2,5", "8%", "Ja", "600"],
                [*GOOD, "", "", "1", "0"],
                [*GOOD, "", "", "", ""],
                header=header,
            )
        )
        first, second, third = (row.scenario for row in team.rows)
        assert first.benefits.productivity_gain == pytest.approx(0.025)
        assert first.retention.annual_quit_probability == pytest.approx(0.08)
        assert first.retention.study_cost_clause.enabled is True
        assert [(item.amount_eur, item.month) for item in first.training.subsidies] == [(600.0, 1)]
        assert second.retention.study_cost_clause.enabled is True  # "1" is yes
        assert second.training.subsidies == ()  # 0 is no subsidy
        defaults = default_scenario()
        assert third.benefits.productivity_gain == defaults.benefits.productivity_gain
        assert third.retention.annual_quit_probability == defaults.retention.annual_quit_probability
        assert third.retention.study_cost_clause.enabled is defaults.retention.study_cost_clause.enabled
        assert third.training.duration_months == defaults.training.duration_months

    @pytest.mark.parametrize(
        ("word", "stored"),
        [("Doodlopend spoor", "dead_end"), ("dead-end", "dead_end"), ("dead_end", "dead_end")],
    )
    def test_choice_words(self, word: str, stored: str) -> None:
        """Pins Dutch words, English words and the stored value itself."""
        row = read(dutch_csv([*GOOD[:5], word, *GOOD[6:]])).rows[0]
        assert row.scenario.employee.role_outlook.value == stored

    def test_label_may_be_empty_and_is_kept_as_typed(self) -> None:
        """Pins an empty label (allowed) and a label that looks like a formula (kept as text)."""
        rows = read(dutch_csv(["", *GOOD[1:]], ['"=HYPERLINK(""http://x"")"', *GOOD[1:]])).rows
        assert [row.label for row in rows] == ["", '=HYPERLINK("http://x")']


class TestRowErrors:
    """A bad row is reported with its row number, column and reason; the good rows still count."""

    def test_row_numbers_columns_and_skipped_count(self) -> None:
        """Pins row numbers as the spreadsheet shows them: header row 1, a blank row 3 still counted."""
        raw = dutch_csv(GOOD, [], ["Kok", "-500", *GOOD[2:]], ["Bakker", "veel", "n.v.t.", *GOOD[3:]], GOOD)
        team = read(raw)
        assert [row.row for row in team.rows] == [2, 6]
        assert team.skipped == 2 and team.data_rows == 4
        assert [(e.row, e.column, code(e)) for e in team.errors] == [
            (4, "Bruto maandsalaris (€)", "out_of_range"),
            (5, "Bruto maandsalaris (€)", "not_a_number"),
            (5, "Uren per week", "not_a_number"),
        ]

    def test_reasons_name_the_field_and_range_in_both_languages(self) -> None:
        """Pins the scenario's own range message (€ 100 to € 30.000) and the cell messages, nl and en."""
        team = read(dutch_csv(["Kok", "-500", *GOOD[2:]], ["Bakker", "veel", *GOOD[2:]]))
        negative, text_cell = team.errors
        assert isinstance(negative.problem, ScenarioError)
        assert plain(negative.reason("nl")) == plain(negative.problem.message("nl", path=False))
        assert plain(negative.reason("nl")) == (
            "Bruto maandsalaris: € -500 valt buiten het toegestane bereik van € 100 tot en met € 30.000."
        )
        for lang in ("nl", "en"):  # the field's label, never its internal path
            assert "employee.gross_monthly_salary_eur" not in negative.reason(lang)
        assert "€ 100" in plain(negative.reason("nl")) and "€ 30.000" in plain(negative.reason("nl"))
        assert "€100" in plain(negative.reason("en")) and "€30,000" in plain(negative.reason("en"))
        assert (
            plain(text_cell.reason("nl"))
            == "'veel' is geen getal; vul een getal in van € 100 tot en met € 30.000."
        )
        assert plain(text_cell.reason("en")) == "'veel' is not a number; enter a number from €100 to €30,000."

    def test_cell_problems(self) -> None:
        """Pins empty required cells, bad choices, bad yes/no, whole numbers; and 1.500 in a file with
        semicolons between its columns (Dutch Excel's) read as fifteen hundred, not refused."""
        header = [*REQUIRED_NL, "Studiekostenbeding (ja/nee)"]
        team = read(
            dutch_csv(
                ["A", "", *GOOD[2:], "ja"],
                ["B", *GOOD[1:5], "stabil", *GOOD[6:], "nee"],
                ["C", *GOOD[1:], "misschien"],
                ["D", *GOOD[1:7], "1.500", GOOD[8], ""],
                ["E", *GOOD[1:4], "34,5", *GOOD[5:], ""],
                header=header,
            )
        )
        assert [(e.row, code(e)) for e in team.errors] == [
            (2, "empty"),
            (3, "not_a_choice"),
            (4, "not_yes_no"),
            (6, "wrong_type_int"),
        ]
        assert [(row.row, row.scenario.training.course_fees_eur) for row in team.rows] == [(5, 1500.0)]
        assert (
            team.errors[1].reason("en")
            == "'stabil' is not an allowed choice; choose from: stable, uncertain, dead end."
        )

    def test_cross_field_rules_name_their_column(self) -> None:
        """Pins a clause on mandatory training (void) and subsidies above the costs, each in its column."""
        header = [*REQUIRED_NL, "Studiekostenbeding (ja/nee)", "Subsidie (€)"]
        team = read(
            dutch_csv(
                [*GOOD[:6], "verplicht", *GOOD[7:], "ja", ""],
                [*GOOD, "nee", "99000"],
                header=header,
            )
        )
        assert [(e.row, e.column, code(e)) for e in team.errors] == [
            (2, "Studiekostenbeding (ja/nee)", "clause_void"),
            (3, "Subsidie (€)", "subsidies_exceed_costs"),
        ]

    def test_a_rule_on_a_field_without_a_column_names_the_field(self) -> None:
        """Pins a dead-end track whose default exit month (9) falls inside a 9-month training."""
        header = [*REQUIRED_NL, "Duur opleiding (maanden)"]
        team = read(dutch_csv([*GOOD[:5], "doodlopend", *GOOD[6:], "9"], header=header))
        (error,) = team.errors
        assert (error.column, code(error)) == ("", "out_of_range")
        assert error.column_name("nl") == "Maand van vertrek (van werk naar werk)"
        assert error.column_name("en") == "Month of leaving (job to job)"

    def test_too_many_cells_in_a_row(self) -> None:
        """Pins a row with more cells than the header (a decimal comma in a comma-separated file)."""
        header = ",".join(EN[:9])
        raw = f"{header}\nMechanic,3250,50,38,6,34,stable,current job,1650,40\n".encode()
        (error,) = [e for e in read(raw).errors if code(e) == "extra_cells"]
        assert error.column == "" and "'40'" in error.reason("en")


def english_csv(*rows: list[str]) -> bytes:
    """A comma-separated file with the English header; cells with a comma are quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([EN[:9], *rows])
    return buffer.getvalue().encode("utf-8")


def workbook_bytes(*rows: list[object]) -> bytes:
    """An .xlsx with the Dutch header; strings stay text cells, numbers number cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(REQUIRED_NL)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_EN = ["Mechanic", "3100", "38", "6", "34", "stable", "current job", "1650", "40"]
GOOD_CELLS: list[object] = ["Monteur", 3100, 38, 6, 34, "stabiel", "huidige functie", 1650, 40]
SEMICOLONS_NL = "puntkomma's tussen de kolommen, zoals Nederlandse Excel ze schrijft"
SEMICOLONS_EN = "semicolons between the columns, as Dutch Excel writes them"


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


class TestEveryBadCell:
    """A row with several bad cells reports every one of them, each with its column and reason."""

    def test_five_bad_cells_in_one_row(self) -> None:
        """Pins text for a salary, 70 hours (max 60), age 34,5 (whole years), a misspelt outlook and
        course fees of -5 (min 0): five errors on row 2, nl and en; row 3 is computed."""
        team = read(
            dutch_csv(["Kok", "veel", "70", "6", "34,5", "stabil", "huidige functie", "-5", "40"], GOOD)
        )
        assert [row.row for row in team.rows] == [3] and team.skipped == 1
        assert [(e.row, e.column, code(e)) for e in team.errors] == [
            (2, "Bruto maandsalaris (€)", "not_a_number"),
            (2, "Uren per week", "out_of_range"),
            (2, "Leeftijd", "wrong_type_int"),
            (2, "Toekomst functie", "not_a_choice"),
            (2, "Cursuskosten (€)", "out_of_range"),
        ]
        assert [plain(e.reason("nl")) for e in team.errors] == [
            "'veel' is geen getal; vul een getal in van € 100 tot en met € 30.000.",
            "Contracturen per week: 70 uur per week valt buiten het toegestane bereik van 1 uur per week "
            "tot en met 60 uur per week.",
            "Leeftijd: 34,50 jaar is geen heel getal; vul een heel getal in van 15 jaar tot en met 75 jaar.",
            "'stabil' is geen toegestane keuze; kies uit: stabiel, onzeker, doodlopend.",
            "Cursusgeld: € -5 valt buiten het toegestane bereik van € 0 tot en met € 100.000.",
        ]
        assert [plain(e.reason("en")) for e in team.errors] == [
            "'veel' is not a number; enter a number from €100 to €30,000.",
            "Contract hours per week: 70 hours a week is outside the allowed range of 1 hours a week "
            "to 60 hours a week.",
            "Age: 34.50 years is not a whole number; enter a whole number from 15 years to 75 years.",
            "'stabil' is not an allowed choice; choose from: stable, uncertain, dead end.",
            "Course fees: -€5 is outside the allowed range of €0 to €100,000.",
        ]
        (skipped,) = team.skipped_rows
        assert (skipped.row, skipped.label, skipped.errors) == (2, "Kok", team.errors)

    def test_cross_field_rules_wait_for_the_cells(self) -> None:
        """Pins that a clause on mandatory training is judged once the row's cells are right: with a
        bad salary only the salary is reported; with a good one, the clause."""
        header = [*REQUIRED_NL, "Studiekostenbeding (ja/nee)"]
        bad = read(dutch_csv(["A", "veel", *GOOD[2:6], "verplicht", *GOOD[7:], "ja"], header=header))
        assert [code(e) for e in bad.errors] == ["not_a_number"]
        good = read(dutch_csv(["A", *GOOD[1:6], "verplicht", *GOOD[7:], "ja"], header=header))
        assert [code(e) for e in good.errors] == ["clause_void"]

    def test_a_bad_subsidy_cell_names_its_range(self) -> None:
        """Pins a subsidy cell that is not a number (its message gives the amount's range, € 0 to
        € 100.000) and a subsidy written with a euro sign (read)."""
        header = [*REQUIRED_NL, "Subsidie of fondsbijdrage (€)"]
        team = read(dutch_csv([*GOOD, "veel"], [*GOOD, "€ 600"], header=header))
        (error,) = team.errors
        assert (error.row, code(error)) == (2, "not_a_number")
        assert (
            plain(error.reason("nl"))
            == "'veel' is geen getal; vul een getal in van € 0 tot en met € 100.000."
        )
        assert [item.amount_eur for item in team.rows[0].scenario.training.subsidies] == [600.0]


LONG_NAME = "Medewerker met een heel lange naam die niet in de kolom past"  # 60 characters


class TestLongNames:
    """A name over 40 characters is shortened with a note; the row is computed."""

    def test_shortened_with_a_note(self) -> None:
        """Pins 60 characters → the first 39 without the trailing space, and "…"; the note in nl, en."""
        assert len(LONG_NAME) == 60
        team = read(dutch_csv([LONG_NAME, *GOOD[1:]]))
        (row,) = team.rows
        assert row.label == "Medewerker met een heel lange naam die…"
        assert team.skipped == 0
        (note,) = team.notes
        assert (note.row, note.column, note.code, note.length, note.max_length) == (
            2,
            "Naam of label",
            "label_shortened",
            60,
            40,
        )
        assert note.message("nl") == "de naam had 60 tekens; hoogstens 40 passen, dus hij is ingekort."
        assert note.message("en") == "the name had 60 characters; at most 40 fit, so it was shortened."

    def test_the_limit_itself(self) -> None:
        """Pins 40 characters kept as typed, 41 shortened to 39 + "…" (40 in all)."""
        team = read(dutch_csv(["x" * 40, *GOOD[1:]], ["y" * 41, *GOOD[1:]]))
        assert [row.label for row in team.rows] == ["x" * 40, "y" * 39 + "…"]
        assert [note.row for note in team.notes] == [3]

    def test_a_long_name_on_a_skipped_row(self) -> None:
        """Pins that a skipped row keeps its shortened name and its note beside its errors."""
        team = read(dutch_csv([LONG_NAME, "veel", *GOOD[2:]]))
        (skipped,) = team.skipped_rows
        assert skipped.label == "Medewerker met een heel lange naam die…"
        assert [note.code for note in skipped.notes] == ["label_shortened"]


class TestSkippedInExports:
    """Skipped rows stay in both exports: in the table in file order, and (Excel) on their own sheet."""

    def _team(self) -> tuple[TeamFile, object]:
        team = read(
            dutch_csv(
                GOOD,
                ["Kok", "veel", "70", "6", "34,5", "stabil", "huidige functie", "-5", "40"],
                [LONG_NAME, *GOOD[1:]],
            )
        )
        return team, evaluate_team([row.scenario for row in team.rows])

    def test_csv_lists_every_row_in_file_order(self) -> None:
        """Pins rows 2, 3, 4: row 3 skipped with empty figures and its five reasons, row 4's note."""
        team, result = self._team()
        raw = export_csv(team.rows, result, "nl", skipped=team.skipped_rows)  # type: ignore[arg-type]
        lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert [line[0] for line in lines[1:]] == ["2", "3", "4"]
        skipped = lines[2]
        assert skipped[1] == "Kok" and skipped[2:11] == [""] * 9
        assert plain(skipped[11]) == (
            "Overgeslagen, niet doorgerekend: "
            "Bruto maandsalaris (€): 'veel' is geen getal; vul een getal in van € 100 tot en met € 30.000. | "
            "Uren per week: Contracturen per week: 70 uur per week valt buiten het toegestane bereik van "
            "1 uur per week tot en met 60 uur per week. | "
            "Leeftijd: 34,50 jaar is geen heel getal; "
            "vul een heel getal in van 15 jaar tot en met 75 jaar. | "
            "Toekomst functie: 'stabil' is geen toegestane keuze; kies uit: stabiel, onzeker, doodlopend. | "
            "Cursuskosten (€): Cursusgeld: € -5 valt buiten het toegestane bereik van "
            "€ 0 tot en met € 100.000."
        )
        assert lines[3][1] == "Medewerker met een heel lange naam die…"
        assert (
            lines[3][11] == "Naam of label: de naam had 60 tekens; hoogstens 40 passen, dus hij is ingekort."
        )
        assert lines[1][11] == "" and lines[1][2] != ""

    def test_csv_without_the_skipped_rows_given(self) -> None:
        """Pins the old call (no ``skipped``): only the computed rows."""
        team, result = self._team()
        raw = export_csv(team.rows, result, "en")  # type: ignore[arg-type]
        assert len(raw.decode("utf-8-sig").splitlines()) == 1 + 2

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_xlsx_has_a_sheet_of_skipped_rows(self, lang: str) -> None:
        """Pins the workbook: every row on the first sheet, the totals with the skipped count, and one
        line per bad cell on the skipped-rows sheet (row, name, column, reason)."""
        team, result = self._team()
        raw = export_xlsx(team.rows, result, lang, skipped=team.skipped_rows)  # type: ignore[arg-type]
        workbook = load_workbook(io.BytesIO(raw))
        names = {"nl": ["Team", "Totalen", "Overgeslagen rijen"], "en": ["Team", "Totals", "Skipped rows"]}
        assert workbook.sheetnames == names[lang]
        sheet, totals, problems = workbook.worksheets
        assert [sheet.cell(row=r, column=1).value for r in range(2, 5)] == [2, 3, 4]
        assert sheet.cell(row=3, column=3).value is None  # no figures for the skipped row
        assert str(sheet.cell(row=3, column=12).value).startswith(
            "Overgeslagen, niet doorgerekend: " if lang == "nl" else "Skipped, not computed: "
        )
        assert list(totals.iter_rows(values_only=True))[-1] == (
            "Rijen overgeslagen" if lang == "nl" else "Rows skipped",
            1,
        )
        lines = list(problems.iter_rows(values_only=True))
        assert lines[0] == (
            ("Rij", "Naam of label", "Kolom", "Reden")
            if lang == "nl"
            else ("Row", "Name or label", "Column", "Reason")
        )
        assert [line[:3] for line in lines[1:]] == [
            (3, "Kok", column)
            for column in (
                "Bruto maandsalaris (€)",
                "Uren per week",
                "Leeftijd",
                "Toekomst functie",
                "Cursuskosten (€)",
            )
        ]
        assert [line[3] for line in lines[1:]] == [error.reason(lang) for error in team.errors]

    def test_no_skipped_sheet_when_nothing_was_skipped(self) -> None:
        """Pins the workbook of a clean file: the team and the totals only."""
        team = read(template_csv("nl"))
        result = evaluate_team([row.scenario for row in team.rows])
        workbook = load_workbook(io.BytesIO(export_xlsx(team.rows, result, "nl", skipped=team.skipped_rows)))
        assert workbook.sheetnames == ["Team", "Totalen"]


# What each corpus file must give: ("refused", code) or ("rows", good rows, {(row, problem code)}).
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
        files = {path.name for path in CORPUS.iterdir() if path.suffix != ".py"}
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


class TestTemplate:
    """The downloadable template: both forms, both languages, the guide."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_csv_header_is_the_content_header(self, lang: str) -> None:
        """Pins the header row against content/team_columns.yaml, and the BOM Excel needs."""
        raw = template_csv(lang)
        assert raw.startswith(b"\xef\xbb\xbf")
        delimiter = ";" if lang == "nl" else ","
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
        assert header == (NL if lang == "nl" else EN)

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_xlsx_has_the_examples_a_guide_and_drop_downs(self, lang: str) -> None:
        """Pins the workbook: header + 3 examples, one guide line per column, lists for choices."""
        workbook = load_workbook(io.BytesIO(template_xlsx(lang)))
        sheet, guide = workbook.worksheets
        assert [cell.value for cell in sheet[1]] == (NL if lang == "nl" else EN)
        assert sheet.max_row == 1 + len(COLUMNS_YAML["examples"])
        assert [row[0] for row in guide.iter_rows(min_row=2, max_row=1 + len(NL), values_only=True)] == (
            NL if lang == "nl" else EN
        )
        choice_columns = sum(1 for c in COLUMNS_YAML["columns"].values() if c["kind"] in {"choice", "yes_no"})
        assert len(sheet.data_validations.dataValidation) == choice_columns

    def test_guide_states_ranges_from_the_field_catalogue(self) -> None:
        """Pins the salary line: required, € 100 to € 30.000 (content/defaults.yaml)."""
        line = next(g for g in column_guide("nl") if g.header == "Bruto maandsalaris (€)")
        assert line.required
        assert plain(line.allowed) == "Toegestaan: € 100 tot en met € 30.000."
        optional = next(g for g in column_guide("en") if g.header == "Productivity gain (%)")
        assert (optional.required, plain(optional.if_empty)) == (False, "2%")


LABELS = ('=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "Anna")


class TestExport:
    """Exports read back: the right numbers, and text that can never run as a formula."""

    def _team(self) -> tuple[TeamFile, object]:
        rows = [['"' + label.replace('"', '""') + '"', *GOOD[1:]] for label in LABELS]
        team = read(dutch_csv(*rows))
        assert [row.label for row in team.rows] == list(LABELS)
        return team, evaluate_team([row.scenario for row in team.rows])

    @pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\0x"])
    def test_safe_cell(self, value: str) -> None:
        """Pins the apostrophe before each dangerous first character (OWASP ASVS 1.2.10)."""
        assert safe_cell(value) == "'" + value
        assert safe_cell("x" + value) == "x" + value

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_csv_read_back(self, lang: str) -> None:
        """Pins the CSV: labels made safe, money to the cent in the language's decimal mark, flags."""
        team, result = self._team()
        raw = export_csv(team.rows, result, lang)  # type: ignore[arg-type]
        delimiter, point = (";", ",") if lang == "nl" else (",", ".")
        lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
        assert len(lines) == 1 + len(LABELS)
        for line, label, member in zip(lines[1:], LABELS, result.members, strict=True):  # type: ignore[attr-defined]
            assert line[1] == (label if label == "Anna" else "'" + label)
            assert float(line[2].replace(point, ".")) == pytest.approx(member.npv_eur, abs=0.005)
            yes, no = ("ja", "nee") if lang == "nl" else ("yes", "no")
            assert line[8:11] == [yes if flag else no for flag in (False, member.pays_off_soonest, False)]
            assert line[11] == ""  # no note: nothing was changed or skipped
        assert lines[0][11] == ("Opmerking" if lang == "nl" else "Note")
        text_cells = [cell for line in lines for cell in (line[1], *line[8:])]
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in text_cells)

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_xlsx_read_back(self, lang: str) -> None:
        """Pins the workbook: no formula cell anywhere, labels as text with an apostrophe, numbers as such."""
        team, result = self._team()
        workbook = load_workbook(io.BytesIO(export_xlsx(team.rows, result, lang)))  # type: ignore[arg-type]
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", cell.coordinate
        sheet = workbook.worksheets[0]
        labels = [sheet.cell(row=r, column=2).value for r in range(2, 2 + len(LABELS))]
        assert labels == [label if label == "Anna" else "'" + label for label in LABELS]
        npv = [sheet.cell(row=r, column=3).value for r in range(2, 2 + len(LABELS))]
        assert npv == [round(m.npv_eur, 2) for m in result.members]  # type: ignore[attr-defined]
        totals = workbook.worksheets[1]
        assert totals.cell(row=1, column=2).value == len(LABELS)

    def test_a_hostile_label_in_an_xlsx_upload_stays_text(self) -> None:
        """Pins the whole round trip: a text cell "=1+1" in an uploaded workbook comes back out as text."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(REQUIRED_NL)
        sheet.append([None, *[float(v) if v[0].isdigit() else v for v in GOOD[1:]]])
        sheet["A2"].value = "=1+1"
        sheet["A2"].data_type = "s"  # a text cell, as Excel stores '=1+1 (openpyxl would make it a formula)
        buffer = io.BytesIO()
        workbook.save(buffer)
        team = read(buffer.getvalue(), "team.xlsx")
        assert team.rows[0].label == "=1+1"
        out = load_workbook(io.BytesIO(export_xlsx(team.rows, evaluate_team([team.rows[0].scenario]), "nl")))
        assert (out.worksheets[0]["B2"].data_type, out.worksheets[0]["B2"].value) == ("s", "'=1+1")


class TestColumnsContent:
    """content/team_columns.yaml is checked when it is loaded."""

    def test_every_column_fills_a_known_field(self) -> None:
        """Pins 16 columns, 9 required, each header distinct in both languages."""
        columns = team_columns()
        assert len(columns) == 16 and sum(c.required for c in columns) == 9
        assert len({c.header_nl for c in columns}) == len({c.header_en for c in columns}) == 16

    def test_an_alias_naming_two_columns_is_a_content_error(self, content_copy: Path) -> None:
        """Pins that a header alias used by two columns stops the app (a defect, not user input)."""
        path = content_copy / "team_columns.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("[naam, label,", "[naam, salaris,"), encoding="utf-8"
        )
        clear_content_caches()
        team_columns.cache_clear()
        try:
            with pytest.raises(ContentError, match="salaris"):
                team_columns()
        finally:
            team_columns.cache_clear()


def test_cell_problem_without_column_renders() -> None:
    """Pins that a problem outside any column still has a message in both languages."""
    problem = CellProblem("extra_cells", "", "x")
    assert "'x'" in problem.message("nl") and "'x'" in problem.message("en")
