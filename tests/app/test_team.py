"""The team page in AppTest: good files, files with bad rows, malformed and too-large files, every
corpus file, both languages, and opening one employee in the wizard — never an exception.

Expected texts are the catalogue's own sentences filled in by hand (row numbers, columns, counts),
and each refusal's message comes from the reader (tests/unit/test_team_file.py pins those).
"""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from calculators.i18n import text
from calculators.team_file import MAX_FILE_BYTES, TeamFileError, read_team_file, template_csv, template_xlsx
from tests.unit.test_team_file import CORPUS, CORPUS_OUTCOMES
from ui.inputs import widget_key
from ui.team_page import OPEN_BUTTON_KEY, OPEN_SELECT_KEY, UPLOAD_KEY

TEAM_PAGE = "ui/pages/team_page.py"


@pytest.fixture
def team(app: AppTest) -> AppTest:
    """The app on the team page."""
    app.switch_page(TEAM_PAGE).run()
    assert not app.exception, app.exception
    return app


def in_lang(at: AppTest, lang: str) -> AppTest:
    at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key=UPLOAD_KEY).set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, at.exception
    return at


def plain(value: str) -> str:
    """Shown text without Markdown escapes and with ordinary spaces."""
    return value.replace("\\", "").replace("\xa0", " ")


def tables(at: AppTest) -> list[pd.DataFrame]:
    return [element.value for element in at.dataframe]


def results_table(at: AppTest, lang: str) -> pd.DataFrame:
    label = text(lang, "team.table.label")
    (frame,) = [frame for frame in tables(at) if label in frame.columns]
    return frame


def errors_table(at: AppTest, lang: str) -> pd.DataFrame:
    reason = text(lang, "team.error_columns.reason")
    (frame,) = [frame for frame in tables(at) if reason in frame.columns]
    return frame


class TestEmptyPage:
    """Before any upload: the template, the guide and the uploader."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_templates_and_uploader(self, team: AppTest, lang: str) -> None:
        """Pins the title, both template buttons and the uploader, in each language."""
        in_lang(team, lang)
        assert team.header[0].value == text(lang, "team.title")
        labels = [button.proto.label for button in team.get("download_button")]
        assert labels == [text(lang, "team.template_csv"), text(lang, "team.template_xlsx")]
        assert team.file_uploader(key=UPLOAD_KEY).label == text(lang, "team.upload_label")
        assert not team.error and not team.dataframe


class TestGoodFile:
    """The template, uploaded as it is: three employees, every part of the page."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("kind", ["csv", "xlsx"])
    def test_results_totals_chart_and_exports(self, team: AppTest, lang: str, kind: str) -> None:
        """Pins the count message, the table's labels and flags, totals, the chart and the exports."""
        in_lang(team, lang)
        upload(team, f"team.{kind}", template_csv(lang) if kind == "csv" else template_xlsx(lang))
        assert [box.value for box in team.success] == [text(lang, "team.computed", count=3)]
        assert not team.error and not team.warning
        frame = results_table(team, lang)
        labels = {
            "nl": ["Monteur", "Verzorgende", "Orderpicker"],
            "en": ["Mechanic", "Care worker", "Order picker"],
        }
        assert list(frame[text(lang, "team.table.label")]) == labels[lang]
        assert list(frame[text(lang, "team.table.row")]) == [2, 3, 4]
        assert list(frame[text(lang, "team.table.dead_end")]) == [False, False, True]  # the order picker
        assert list(frame[text(lang, "team.table.clause")]) == [False, True, False]  # mandatory course
        metrics = {metric.label: metric.value for metric in team.metric}
        assert metrics[text(lang, "team.totals.employees")] == "3"
        assert metrics[text(lang, "team.totals.dead_end")] == "1"
        assert [chart.key for chart in team.get("plotly_chart")] == ["team_chart"]
        labels_shown = [button.proto.label for button in team.get("download_button")]
        assert (
            text(lang, "team.export_csv") in labels_shown and text(lang, "team.export_xlsx") in labels_shown
        )

    def test_language_switch_keeps_the_results(self, team: AppTest) -> None:
        """Pins that switching to English after the upload shows the same team in English."""
        upload(team, "team.csv", template_csv("nl"))
        in_lang(team, "en")
        assert [box.value for box in team.success] == [text("en", "team.computed", count=3)]
        assert list(results_table(team, "en")[text("en", "team.table.label")]) == [
            "Monteur",
            "Verzorgende",
            "Orderpicker",
        ]


class TestBadRows:
    """Bad rows are listed (row, column, reason); the good ones are still computed."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_bad_rows_listed_and_good_rows_computed(self, team: AppTest, lang: str) -> None:
        """Pins a file with two bad rows out of four: "2 rows skipped", the list, two results."""
        header = ";".join(
            column for column in template_csv("nl").decode("utf-8-sig").splitlines()[0].split(";")[:9]
        )
        good = "Monteur;3100;38;6;34;stabiel;huidige functie;1650;40"
        raw = "\n".join(
            [
                header,
                good,
                "Kok;-500;38;6;34;stabiel;huidige functie;900;16",
                "Bakker;veel;38;6;34;stabiel;verplicht;500;8",
                good,
            ]
        ).encode()
        in_lang(team, lang)
        upload(team, "team.csv", raw)
        assert [box.value for box in team.warning] == [text(lang, "team.skipped", count=2)]
        assert [box.value for box in team.success] == [text(lang, "team.computed", count=2)]
        errors = errors_table(team, lang)
        row, column = text(lang, "team.error_columns.row"), text(lang, "team.error_columns.column")
        assert list(errors[row]) == [3, 4]
        assert list(errors[column]) == ["Bruto maandsalaris (€)", "Bruto maandsalaris (€)"]
        reasons = [plain(reason) for reason in errors[text(lang, "team.error_columns.reason")]]
        assert reasons[1] == plain(
            text(
                lang,
                "team.cell_errors.not_a_number",
                value="veel",
                min="€\xa0100" if lang == "nl" else "€100",
                max="€\xa030.000" if lang == "nl" else "€30,000",
            )
        )
        assert list(results_table(team, lang)[text(lang, "team.table.row")]) == [2, 5]

    def test_no_good_rows_at_all(self, team: AppTest) -> None:
        """Pins the message when every row is bad: no results, only the errors."""
        upload(team, "ambiguous_numbers.csv", (CORPUS / "ambiguous_numbers.csv").read_bytes())
        assert [box.value for box in team.error] == [text("nl", "team.none_computed")]
        assert len(tables(team)) == 1 and not team.get("plotly_chart")


class TestRefusedFiles:
    """Malformed and too-large files: one clear message in the user's language, nothing else."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_too_large(self, team: AppTest, lang: str) -> None:
        """Pins the 5 MB refusal through the page (the test bypasses the browser's own limit)."""
        in_lang(team, lang)
        upload(team, "team.csv", template_csv(lang) + b" " * MAX_FILE_BYTES)
        (error,) = team.error
        assert plain(error.value).startswith(text(lang, "team.refused"))
        assert ("5,0 MB" if lang == "nl" else "5.0 MB") in plain(error.value)
        assert not team.dataframe

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_malformed(self, team: AppTest, lang: str) -> None:
        """Pins a PNG named .csv: refused, saying what the file really is."""
        in_lang(team, lang)
        upload(team, "team.csv", (CORPUS / "png_renamed.csv").read_bytes())
        (error,) = team.error
        assert text(lang, "team.formats.png") in plain(error.value)

    def test_a_new_file_replaces_a_refused_one(self, team: AppTest) -> None:
        """Pins recovery: after a refusal, a good file is read as if nothing happened."""
        upload(team, "x.xls", b"\xd0\xcf\x11\xe0")
        assert team.error
        upload(team, "team.xlsx", template_xlsx("nl"))
        assert not team.error and len(results_table(team, "nl")) == 3


class TestCorpus:
    """Every bad file of tests/corpus/team/ through the page, in both languages."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_every_corpus_file(self, team: AppTest, lang: str) -> None:
        """Pins, per file: the reader's refusal message shown as an error, or its row errors listed."""
        in_lang(team, lang)
        for name in sorted(CORPUS_OUTCOMES):
            raw = (CORPUS / name).read_bytes()
            upload(team, name, raw)
            kind, expected, problems = CORPUS_OUTCOMES[name]
            if kind == "refused":
                with pytest.raises(TeamFileError) as refused:
                    read_team_file(name, raw)
                assert [plain(e.value) for e in team.error] == [
                    plain(f"{text(lang, 'team.refused')} {refused.value.message(lang)}")
                ], name
                assert not team.dataframe, name
            else:
                rows = {row for row, _ in problems}  # type: ignore[attr-defined]
                assert set(errors_table(team, lang)[text(lang, "team.error_columns.row")]) == rows, name
                if expected:
                    assert len(results_table(team, lang)) == expected, name


class TestOpenInWizard:
    """One employee from the team, continued in the full flow."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_opens_the_employee_on_the_wizard_employee_step(self, team: AppTest, lang: str) -> None:
        """Pins the care worker (row 3: € 2,900, 28 hours, mandatory course) landing in the wizard."""
        in_lang(team, lang)
        upload(team, "team.xlsx", template_xlsx(lang))
        team.selectbox(key=OPEN_SELECT_KEY).select(3).run()
        team.button(key=OPEN_BUTTON_KEY).click().run()
        assert not team.exception, team.exception
        assert team.header[0].value == text(lang, "wizard.steps.employee")
        assert team.number_input(key=widget_key("employee.gross_monthly_salary_eur")).value == 2900.0
        assert team.number_input(key=widget_key("employee.hours_per_week")).value == 28.0
        assert team.session_state[widget_key("training.kind")] == "mandatory"
        assert team.session_state[widget_key("retention.study_cost_clause.enabled")] is False
