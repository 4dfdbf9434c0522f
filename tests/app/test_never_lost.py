"""The advisor's work is never lost, and every input is honoured or refused out loud (issue 16).

An open comparison keeps its scenarios when a scenario file is opened; a typed out-of-range salary
is kept, named with its allowed range in the user's language and holds the step; a picture is refused
in the user's language; "start over" asks first and then clears the whole case.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from calculators import scenario_from_dict, scenario_to_json
from calculators.error_text import field_label
from calculators.i18n import text
from tests.app.helpers import goto, open_results_tab, set_number
from ui.session import COMPARE_KEY, STEP_KEY, UPLOAD_KEY, widget_key

SALARY = widget_key("employee.gross_monthly_salary_eur")
FEES = widget_key("training.course_fees_eur")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _open_file(at: AppTest, name: str, data: bytes, mime: str = "application/json") -> None:
    goto(at, "start")
    at.file_uploader(key=UPLOAD_KEY).set_value((name, data, mime)).run()
    assert not at.exception, at.exception


def test_opening_a_file_keeps_an_open_comparison(app: AppTest) -> None:
    """Two scenarios compared ("met beding" and a copy), then a client's file opened: it is added as a
    third scenario and becomes the form's case; the first two are still there, unchanged."""
    goto(app, "employee")
    set_number(app, SALARY, 3100.0)
    goto(app, "results")
    open_results_tab(app, "save")
    app.button(key="compare_start").click().run()
    before = [item.scenario for item in app.session_state[COMPARE_KEY].items]
    assert len(before) == 2
    other = scenario_from_dict({"employee": {"label": "Client B", "gross_monthly_salary_eur": 4200}})
    _open_file(app, "b.json", scenario_to_json(other).encode())
    items = app.session_state[COMPARE_KEY].items
    assert len(items) == 3
    assert [item.scenario for item in items[:2]] == before  # nothing overwritten
    assert items[2].name == "Client B"
    assert app.session_state[SALARY] == 4200.0  # the form shows the opened case
    success = [box.value for box in app.success]
    assert success == [text("nl", "upload.loaded") + " " + text("nl", "compare.opened_added", compared=3)]


def test_opening_a_file_over_typed_work_starts_a_comparison(app: AppTest) -> None:
    """No comparison yet, but the owner typed a salary: the typed case becomes scenario 1 and stays."""
    goto(app, "employee")
    set_number(app, SALARY, 3100.0)
    other = scenario_from_dict({"employee": {"gross_monthly_salary_eur": 4200}})
    _open_file(app, "b.json", scenario_to_json(other).encode())
    items = app.session_state[COMPARE_KEY].items
    assert [item.scenario.employee.gross_monthly_salary_eur for item in items] == [3100.0, 4200.0]
    assert items[0].name == text("nl", "compare.current_case")


def test_a_full_comparison_refuses_and_changes_nothing(app: AppTest) -> None:
    """A comparison of four (the limit) plus a file: refused by name, nothing changed."""
    goto(app, "results")
    open_results_tab(app, "save")
    app.button(key="compare_start").click().run()
    app.button(key="compare_duplicate").click().run()
    app.button(key="compare_duplicate").click().run()
    before = list(app.session_state[COMPARE_KEY].items)
    assert len(before) == 4
    _open_file(app, "b.json", scenario_to_json(scenario_from_dict({})).encode())
    assert list(app.session_state[COMPARE_KEY].items) == before
    assert [error.value for error in app.error] == [text("nl", "compare.open_full", max=4, count=1)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("typed", [0.0, 1e12, -500.0])
def test_an_impossible_salary_is_named_and_holds_the_step(app: AppTest, lang: str, typed: float) -> None:
    """Salary 0, 1e12 or −500: kept as typed, a message in the user's language names the salary and its
    range (€ 100 to € 30.000), "Volgende" is held; the old value was not slipped back in."""
    app.segmented_control(key="lang").set_value(lang).run()
    goto(app, "employee")
    set_number(app, SALARY, 2800.0)
    set_number(app, SALARY, typed)
    assert app.number_input(key=SALARY).value == typed
    (error,) = [str(box.value).replace("\\", "") for box in app.error]  # Markdown escapes off
    assert error.startswith(field_label("employee.gross_monthly_salary_eur", lang) + ": ")
    assert ("€\xa0100" if lang == "nl" else "€100") in error
    assert ("€\xa030.000" if lang == "nl" else "€30,000") in error
    assert app.button(key="nav_next").disabled
    set_number(app, SALARY, 2800.0)
    assert not app.error and not app.button(key="nav_next").disabled


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_picture_is_refused_in_the_users_language(app: AppTest, lang: str) -> None:
    """A PNG as a scenario file: refused by the app in the user's language (the picker takes any file)."""
    app.segmented_control(key="lang").set_value(lang).run()
    _open_file(app, "photo.png", PNG, "image/png")
    (error,) = [str(box.value) for box in app.error]
    assert error.startswith(text(lang, "upload.refused"))
    assert "image/png" not in error and "not allowed" not in error


def test_start_over_asks_first_then_clears_everything(app: AppTest) -> None:
    """ "Opnieuw beginnen": first a question (No keeps everything), then Yes clears every input and the
    comparison and returns to the start."""
    goto(app, "training")
    set_number(app, FEES, 2450.0)
    goto(app, "results")
    open_results_tab(app, "save")
    app.button(key="compare_start").click().run()
    app.button(key="nav_start_over").click().run()
    assert app.get_by_key("start_over_confirm") is not None
    app.button(key="start_over_no").click().run()
    assert app.session_state[FEES] == 2450.0 and COMPARE_KEY in app.session_state
    app.button(key="nav_start_over").click().run()
    app.button(key="start_over_yes").click().run()
    assert not app.exception, app.exception
    assert int(app.session_state[STEP_KEY]) == 0
    assert COMPARE_KEY not in app.session_state
    assert app.session_state[FEES] == float(scenario_from_dict({}).training.course_fees_eur)


def test_a_comparison_file_opens_on_the_comparison(app: AppTest) -> None:
    """A saved comparison opens on the results, on the comparison's tab (not on the welcome step)."""
    data = {
        "kind": "leerwinst-comparison",
        "schema_version": 1,
        "scenarios": [
            {"name": "Met beding", "scenario": json.loads(scenario_to_json(scenario_from_dict({})))},
            {"name": "Zonder", "scenario": json.loads(scenario_to_json(scenario_from_dict({})))},
        ],
    }
    _open_file(app, "c.json", json.dumps(data).encode())
    assert not app.error, [error.value for error in app.error]
    assert int(app.session_state[STEP_KEY]) == 6
    assert app.get_by_key("compare_tabs") is not None
