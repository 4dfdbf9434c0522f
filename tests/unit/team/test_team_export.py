"""The team's exports: every row of the file in its order, skipped rows with their reasons, and
formula-safe text in CSV and Excel (read back).
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from calculators.team.export import export_csv, export_xlsx
from calculators.team.figures import evaluate_team
from calculators.team.read import TeamFile
from calculators.team.template import template_csv
from calculators.team.write import safe_cell
from tests.unit.team.team_files import GOOD, LONG_NAME, REQUIRED_NL, dutch_csv, plain, read


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
