"""The team page in AppTest: good files, files with bad rows, malformed and too-large files, every
corpus file, both languages, opening one employee in the wizard (added beside the work there, or
refused when the comparison is full), and the results surviving a round trip to the wizard — never an
exception.

Expected texts are the catalogue's own sentences filled in by hand (row numbers, columns, counts),
and each refusal's message comes from the reader (tests/unit/team/test_team_formats.py pins those).
"""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from calculators import evaluate
from calculators.comparison import NamedScenario
from calculators.i18n import plural, text
from calculators.team.errors import TeamFileError
from calculators.team.read import MAX_FILE_BYTES, read_team_file
from calculators.team.template import template_csv, template_xlsx
from tests.app.helpers import goto, open_results_tab, set_number
from tests.unit.team.team_files import CORPUS
from tests.unit.team.test_team_formats import CORPUS_OUTCOMES
from ui.form.navigation import WIZARD_PAGE
from ui.session import COMPARE_KEY, OPENED_KEY, widget_key
from ui.session import TEAM_CONFIRM_KEY as CONFIRM_KEY
from ui.session import TEAM_FILE_KEY as FILE_KEY
from ui.session import TEAM_OPEN_ROW_KEY as OPEN_SELECT_KEY
from ui.session import TEAM_SORT_DESCENDING_KEY as SORT_DESCENDING_KEY
from ui.session import TEAM_SORT_KEY as SORT_KEY
from ui.session import TEAM_UPLOAD_KEY as UPLOAD_KEY
from ui.team.open import OPEN_BUTTON_KEY
from ui.team.upload import OTHER_FILE_KEY, OTHER_FILE_NO_KEY, OTHER_FILE_YES_KEY

TEAM_PAGE = "ui/pages/team_page.py"
SALARY = widget_key("employee.gross_monthly_salary_eur")


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


def choose_other_file(at: AppTest) -> AppTest:
    """ "Other file", confirmed: the kept file and its results go, the uploader comes back."""
    at.button(key=OTHER_FILE_KEY).click().run()
    at.button(key=OTHER_FILE_YES_KEY).click().run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    if FILE_KEY in at.session_state:  # a file is kept: the uploader only returns after "Other file"
        choose_other_file(at)
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
        assert (
            team.file_uploader(key=UPLOAD_KEY).label
            == {
                "nl": "Teambestand (CSV of Excel .xlsx, hoogstens 5 MB en 5.000 medewerkers)",
                "en": "Team file (CSV or Excel .xlsx, at most 5 MB and 5,000 employees)",
            }[lang]
        )
        assert not team.error and not team.dataframe

    def test_the_uploader_states_only_the_apps_limit(self, team: AppTest) -> None:
        """Pins Streamlit's own "Limit 6MB per file" line hidden (static CSS for this widget), the
        widget's ceiling above 5 MB (so the app refuses a larger file itself) and no type filter (so a
        picture reaches the app's own message instead of Streamlit's English one)."""
        styles = [str(element.proto.body) for element in team.get("html")]
        assert any(
            ".st-key-team_upload [data-testid='stFileUploaderDropzoneInstructions']" in s for s in styles
        )
        uploader = team.file_uploader(key=UPLOAD_KEY)
        assert uploader.proto.max_upload_size_mb > MAX_FILE_BYTES / 1024 / 1024
        assert list(uploader.proto.type) == []


class TestGoodFile:
    """The template, uploaded as it is: three employees, every part of the page."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("kind", ["csv", "xlsx"])
    def test_results_totals_chart_and_exports(self, team: AppTest, lang: str, kind: str) -> None:
        """Pins the count message, the table's labels and flags, totals, the chart and the exports."""
        in_lang(team, lang)
        upload(team, f"team.{kind}", template_csv(lang) if kind == "csv" else template_xlsx(lang))
        assert [box.value for box in team.success] == [plural(lang, "team.computed", 3)]
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
        assert [box.value for box in team.success] == [plural("en", "team.computed", 3)]
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
        assert [box.value for box in team.warning] == [plural(lang, "team.skipped", 2)]
        assert [box.value for box in team.success] == [plural(lang, "team.computed", 2)]
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
                if rows:
                    assert set(errors_table(team, lang)[text(lang, "team.error_columns.row")]) == rows, name
                else:
                    reason = text(lang, "team.error_columns.reason")
                    assert not [frame for frame in tables(team) if reason in frame.columns], name
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


class TestWhatTheReaderDid:
    """Every bad cell of a row listed; names shortened and numbers read by the file's notation, said."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_several_bad_cells_in_one_row(self, team: AppTest, lang: str) -> None:
        """Pins row 2 of several_bad_cells.csv listed five times (one line per bad cell, with its column)
        and the other row computed."""
        in_lang(team, lang)
        upload(team, "several_bad_cells.csv", (CORPUS / "several_bad_cells.csv").read_bytes())
        assert [box.value for box in team.warning] == [plural(lang, "team.skipped", 1)]
        errors = errors_table(team, lang)
        assert list(errors[text(lang, "team.error_columns.row")]) == [2] * 5
        assert list(errors[text(lang, "team.error_columns.column")]) == [
            "Bruto maandsalaris (€)",
            "Uren per week",
            "Leeftijd",
            "Toekomst functie",
            "Cursuskosten (€)",
        ]
        reasons = [plain(reason) for reason in errors[text(lang, "team.error_columns.reason")]]
        assert (
            reasons[2]
            == {
                "nl": "Leeftijd: 34,50 jaar is geen heel getal; "
                "vul een heel getal in van 15 jaar tot en met 75 jaar.",
                "en": "Age: 34.50 years is not a whole number; "
                "enter a whole number from 15 years to 75 years.",
            }[lang]
        )
        assert not any("employee." in reason or "training." in reason for reason in reasons)
        assert list(results_table(team, lang)[text(lang, "team.table.row")]) == [3]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_a_long_name_is_shortened_with_a_note(self, team: AppTest, lang: str) -> None:
        """Pins the 60-character name computed under its first 39 characters and "…", and the note."""
        in_lang(team, lang)
        upload(team, "long_name.csv", (CORPUS / "long_name.csv").read_bytes())
        assert [box.value for box in team.success] == [plural(lang, "team.computed", 2)]
        assert not team.warning and not team.error
        labels = list(results_table(team, lang)[text(lang, "team.table.label")])
        assert labels == ["Medewerker met een heel lange naam die…", "Monteur"]
        assert [box.value for box in team.info] == [plural(lang, "team.notes_count", 1)]
        (notes,) = [frame for frame in tables(team) if text(lang, "team.note_column") in frame.columns]
        assert list(notes[text(lang, "team.error_columns.row")]) == [2]
        assert list(notes[text(lang, "team.note_column")]) == [
            text(lang, "team.notes.label_shortened", length=60, max=40)
        ]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_numbers_read_by_the_files_notation_are_said(self, team: AppTest, lang: str) -> None:
        """Pins a semicolon file with course fees 1.800: computed as € 1800, and the page says why."""
        header = ";".join(template_csv("nl").decode("utf-8-sig").splitlines()[0].split(";")[:9])
        raw = f"{header}\nMonteur;3100;38;6;34;stabiel;huidige functie;1.800;40\n".encode()
        in_lang(team, lang)
        upload(team, "team.csv", raw)
        assert team.session_state[FILE_KEY]["name"] == "team.csv"
        (info,) = [plain(box.value) for box in team.info]
        assert (
            info
            == {
                "nl": "'1.800' in rij 2 is op twee manieren te lezen en is gelezen als 1800, omdat het "
                "bestand getallen op zijn Nederlands schrijft (puntkomma's tussen de kolommen, zoals "
                "Nederlandse Excel ze schrijft).",
                "en": "'1.800' in row 2 can be read two ways and was read as 1800, because the file writes "
                "numbers the Dutch way (semicolons between the columns, as Dutch Excel writes them).",
            }[lang]
        )
        assert list(results_table(team, lang)[text(lang, "team.table.cost")]) == [
            evaluate(read_team_file("team.csv", raw).rows[0].scenario).total_cost_eur
        ]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize(
        ("name", "data"), [("photo.png", b"\x89PNG\r\n\x1a\n"), ("scan.pdf", b"%PDF-1.7\n")]
    )
    def test_a_picture_or_pdf_gets_the_apps_message(
        self, team: AppTest, lang: str, name: str, data: bytes
    ) -> None:
        """Pins a PNG or PDF under its own name: refused by the app in the user's language (the uploader
        has no type filter, so Streamlit's English "files are not allowed" never shows)."""
        in_lang(team, lang)
        upload(team, name, data + bytes(64))
        (error,) = [plain(box.value) for box in team.error]
        suffix = name[name.rindex(".") :]
        assert error == plain(
            f"{text(lang, 'team.refused')} {text(lang, 'team.file_errors.unknown_format', suffix=suffix)}"
        )
        assert "not allowed" not in error
        assert FILE_KEY not in team.session_state  # a refused file is not kept


def _npv_order(lang: str, *, descending: bool) -> list[str]:
    """The template's employees by net result, computed one by one with evaluate()."""
    rows = read_team_file("team.csv", template_csv(lang)).rows
    npv = {row.label: evaluate(row.scenario).npv_eur for row in rows}
    return sorted(npv, key=lambda label: npv[label], reverse=descending)


class TestKeptForTheSession:
    """A file that was read stays with its results, order and choice, until "Other file"."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_results_survive_a_round_trip_to_the_wizard(self, team: AppTest, lang: str) -> None:
        """Pins: upload, sort by net result (descending), choose row 4, go to the wizard and back — the
        same table in the same order, the same employee chosen, the file named, no new upload."""
        in_lang(team, lang)
        upload(team, "team.xlsx", template_xlsx(lang))
        team.selectbox(key=SORT_KEY).select("npv").run()
        team.toggle(key=SORT_DESCENDING_KEY).set_value(True).run()
        team.selectbox(key=OPEN_SELECT_KEY).select(4).run()
        before = results_table(team, lang)
        assert list(before[text(lang, "team.table.label")]) == _npv_order(lang, descending=True)

        team.switch_page(WIZARD_PAGE).run()
        assert not team.exception, team.exception
        assert team.header[0].value != text(lang, "team.title")  # really on the wizard
        team.switch_page(TEAM_PAGE).run()
        assert not team.exception, team.exception

        pd.testing.assert_frame_equal(results_table(team, lang), before)
        assert team.selectbox(key=SORT_KEY).value == "npv"
        assert team.toggle(key=SORT_DESCENDING_KEY).value is True
        assert team.selectbox(key=OPEN_SELECT_KEY).value == 4
        assert [box.value for box in team.success] == [plural(lang, "team.computed", 3)]
        assert not team.get("file_uploader")  # nothing to upload again
        shown = [plain(element.value) for element in team.markdown]
        assert any(text(lang, "team.file_current", name="team.xlsx") in value for value in shown)

    def test_results_survive_opening_an_employee_and_coming_back(self, team: AppTest) -> None:
        """Pins "Open in the full calculation" and back through the navigation: the same results."""
        upload(team, "team.csv", template_csv("nl"))
        before = results_table(team, "nl")
        team.selectbox(key=OPEN_SELECT_KEY).select(3).run()
        team.button(key=OPEN_BUTTON_KEY).click().run()
        assert team.header[0].value == text("nl", "wizard.steps.employee")
        team.switch_page(TEAM_PAGE).run()
        assert not team.exception, team.exception
        pd.testing.assert_frame_equal(results_table(team, "nl"), before)
        assert team.selectbox(key=OPEN_SELECT_KEY).value == 3

    def test_the_kept_file_is_plain_data(self, team: AppTest) -> None:
        """Pins what is kept: the file's name, its bytes and the upload's id, nothing else, and it
        pickles (session state stays plain)."""
        raw = template_csv("nl")
        upload(team, "team.csv", raw)
        kept = team.session_state[FILE_KEY]
        assert set(kept) == {"name", "data", "id"}
        assert (kept["name"], kept["data"]) == ("team.csv", raw)
        assert isinstance(kept["id"], str) and kept["id"]
        assert pickle.loads(pickle.dumps(kept)) == kept

    def test_other_file_asks_first(self, team: AppTest) -> None:
        """Pins "Other file": a question first (No keeps everything), then Yes clears the file, the
        results and the chosen employee, and the uploader returns."""
        upload(team, "team.csv", template_csv("nl"))
        team.button(key=OTHER_FILE_KEY).click().run()
        assert [plain(box.value) for box in team.warning] == [
            text("nl", "team.other_file_confirm", name="team.csv")
        ]
        assert len(results_table(team, "nl")) == 3  # nothing gone yet
        team.button(key=OTHER_FILE_NO_KEY).click().run()
        assert not team.warning and CONFIRM_KEY not in team.session_state
        assert len(results_table(team, "nl")) == 3
        choose_other_file(team)
        assert FILE_KEY not in team.session_state
        assert not team.dataframe and team.file_uploader(key=UPLOAD_KEY).value is None

    def test_a_new_file_starts_at_its_first_employee(self, team: AppTest) -> None:
        """Pins that a chosen row of the old file does not carry over to a file without it."""
        upload(team, "team.csv", template_csv("nl"))
        team.selectbox(key=OPEN_SELECT_KEY).select(4).run()
        header = ";".join(template_csv("nl").decode("utf-8-sig").splitlines()[0].split(";")[:9])
        upload(team, "een.csv", f"{header}\nKok;3100;38;6;34;stabiel;huidige functie;1650;40\n".encode())
        assert team.selectbox(key=OPEN_SELECT_KEY).value == 2


def _comparison(app: AppTest, size: int) -> list[NamedScenario]:
    """A comparison of ``size`` scenarios made in the wizard (start, then copies)."""
    app.switch_page(WIZARD_PAGE).run()
    goto(app, "results")
    open_results_tab(app, "save")
    app.button(key="compare_start").click().run()
    for _ in range(size - 2):
        app.button(key="compare_duplicate").click().run()
    items = list(app.session_state[COMPARE_KEY].items)
    assert len(items) == size
    return items


def _open_care_worker(app: AppTest) -> None:
    """On the team page: the template, then the care worker (row 3) opened."""
    app.switch_page(TEAM_PAGE).run()
    upload(app, "team.csv", template_csv("nl"))
    app.selectbox(key=OPEN_SELECT_KEY).select(3).run()
    app.button(key=OPEN_BUTTON_KEY).click().run()
    assert not app.exception, app.exception


class TestOpenBesideTheWork:
    """ "Open in the full calculation" adds the employee; it never overwrites the work in the wizard."""

    def test_an_open_comparison_keeps_its_scenarios(self, app: AppTest) -> None:
        """Pins a comparison of two, then the care worker opened: three scenarios, the first two
        unchanged, the care worker active in the form, and the wizard's message."""
        before = _comparison(app, 2)
        _open_care_worker(app)
        assert app.header[0].value == text("nl", "wizard.steps.employee")
        data = app.session_state[COMPARE_KEY]
        care_worker = read_team_file("team.csv", template_csv("nl")).rows[1]
        assert list(data.items[:2]) == before  # nothing overwritten
        assert data.items[2] == NamedScenario("Verzorgende", care_worker.scenario)
        assert data.active == 2
        assert app.number_input(key=SALARY).value == 2900.0  # the form shows the opened employee
        expected = text("nl", "compare.opened_team", name="Verzorgende")
        assert [box.value for box in app.success] == [
            f"{expected} {text('nl', 'compare.opened_added', compared=3)}"
        ]

    def test_changed_work_becomes_the_first_scenario(self, app: AppTest) -> None:
        """Pins a salary typed in the wizard (3100), then an employee opened: a comparison of the typed
        case and the employee."""
        app.switch_page(WIZARD_PAGE).run()
        goto(app, "employee")
        set_number(app, SALARY, 3100.0)
        _open_care_worker(app)
        items = app.session_state[COMPARE_KEY].items
        assert [item.scenario.employee.gross_monthly_salary_eur for item in items] == [3100.0, 2900.0]
        assert [item.name for item in items] == [text("nl", "compare.current_case"), "Verzorgende"]

    def test_a_full_comparison_refuses_on_the_team_page(self, app: AppTest) -> None:
        """Pins a comparison of four (the limit): the employee is not opened, the page stays, says why,
        and the comparison is unchanged; the wizard will not repeat the message later."""
        before = _comparison(app, 4)
        _open_care_worker(app)
        assert app.header[0].value == text("nl", "team.title")
        assert [box.value for box in app.error] == [text("nl", "compare.open_full", max=4, count=1)]
        assert list(app.session_state[COMPARE_KEY].items) == before
        assert OPENED_KEY not in app.session_state
        assert len(results_table(app, "nl")) == 3  # the results are still there
