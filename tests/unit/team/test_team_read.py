"""Reading team files: headers in both languages, cell values and defaults, row-by-row errors
(every bad cell of a row), and names too long for their column.
"""

from __future__ import annotations

import pytest

from calculators import default_scenario
from calculators.errors import ScenarioError
from calculators.team.template import template_csv
from tests.unit.team.team_files import (
    COLUMNS_YAML,
    EN,
    GOOD,
    LONG_NAME,
    NL,
    REQUIRED_NL,
    code,
    dutch_csv,
    plain,
    read,
    refusal,
)


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
            "Course fees: \u2212\u2060€5 is outside the allowed range of €0 to €100,000.",
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


class TestCycleCollectorPause:
    """Reading pauses Python's cycle collector and always leaves it as it found it."""

    def test_left_as_found(self) -> None:
        """Pins: on before → on after (also after a refused file); off before → still off after."""
        import gc

        from calculators.team.errors import TeamFileError
        from calculators.team.read import read_team_file
        from calculators.team.template import template_csv

        assert gc.isenabled()
        read_team_file("team.csv", template_csv("nl"))
        assert gc.isenabled()
        with pytest.raises(TeamFileError):
            read_team_file("team.csv", b"   ")
        assert gc.isenabled()
        gc.disable()
        try:
            read_team_file("team.csv", template_csv("nl"))
            assert not gc.isenabled()
        finally:
            gc.enable()
