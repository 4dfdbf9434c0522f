"""Scenarios side by side in AppTest: copy, rename, change, switch, remove, the limit of four, and
save-then-open as one file; a bad comparison file is refused by scenario and changes nothing.

Expected table cells come from the calculators (evaluate, formatted with ui.results_text.key_figures),
so the page is checked against the model.
"""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from calculators import evaluate, scenario_from_dict
from calculators.comparison import NamedScenario, comparison_to_json
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from tests.app.helpers import goto, open_results_tab, set_number
from ui.form.steps import STEPS
from ui.session import STEP_KEY, UPLOAD_KEY, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
FEES = widget_key("training.course_fees_eur")
NPV_COLUMN = text(Lang.NL, "compare.table.npv")
NAME_COLUMN = text(Lang.NL, "compare.table.name")


def _app() -> AppTest:
    """The results page with its "save and compare" tab open (the tab stays open across steps)."""
    return open_results_tab(goto(AppTest.from_file(str(APP), default_timeout=60).run(), "results"), "save")


def _table(at: AppTest) -> list[dict[str, str]]:
    """The comparison table's cells, with the Markdown escapes taken out (st.table renders Markdown)."""
    frame = at.table[-1].value
    return [
        {column: str(cell).replace("\\", "") for column, cell in zip(frame.columns, row, strict=True)}
        for row in frame.itertuples(index=False)
    ]


def _npv(fees: float) -> str:
    return key_figures(evaluate(scenario_from_dict({"training": {"course_fees_eur": fees}})), Lang.NL).npv


def _copy_with_fees(at: AppTest, name: str, fees: float) -> None:
    at.text_input(key="compare_name").set_value(name).run()
    goto(at, "training")
    set_number(at, FEES, fees)
    goto(at, "results")


def test_copy_change_and_compare() -> None:
    """Pins two rows after a copy with lower fees: each row's NPV is the calculator's for its fees."""
    at = _app()
    at.button(key="compare_start").click().run()
    _copy_with_fees(at, "Cursus B", 500)
    rows = _table(at)
    marker = text(Lang.NL, "compare.current_marker")
    assert [row[NAME_COLUMN] for row in rows] == ["Scenario 1", f"Cursus B {marker}"]
    assert [row[NPV_COLUMN] for row in rows] == [_npv(1000), _npv(500)]
    assert not at.exception


def test_switching_puts_each_scenarios_values_in_the_form() -> None:
    """Pins that switching to scenario 1 shows fees € 1.000 and back to 'Cursus B' shows € 500."""
    at = _app()
    at.button(key="compare_start").click().run()
    _copy_with_fees(at, "Cursus B", 500)
    at.button(key="compare_open_0").click().run()
    assert at.session_state[FEES] == 1000
    assert at.text_input(key="compare_name").value == "Scenario 1"
    at.button(key="compare_open_1").click().run()
    assert at.session_state[FEES] == 500
    assert at.text_input(key="compare_name").value == "Cursus B"


def test_at_most_four_and_remove() -> None:
    """Pins the copy button disabled at four scenarios, and removal loading the previous one."""
    at = _app()
    at.button(key="compare_start").click().run()
    at.button(key="compare_duplicate").click().run()
    at.button(key="compare_duplicate").click().run()
    assert len(_table(at)) == 4
    assert at.button(key="compare_duplicate").disabled
    assert text(Lang.NL, "compare.full", max=4) in [c.value for c in at.caption]
    at.button(key="compare_remove").click().run()
    assert len(_table(at)) == 3
    assert not at.button(key="compare_duplicate").disabled


def test_saved_comparison_opens_in_a_new_session() -> None:
    """Pins the round trip: the downloaded file, uploaded in a fresh session, brings both scenarios back."""
    at = _app()
    at.button(key="compare_start").click().run()
    _copy_with_fees(at, "Cursus B", 500)
    saved = at.get("download_button")
    data = next(b for b in saved if b.proto.id.endswith("-download_comparison"))
    assert data is not None
    items = (
        NamedScenario("Scenario 1", scenario_from_dict({})),
        NamedScenario("Cursus B", scenario_from_dict({"training": {"course_fees_eur": 500}})),
    )
    fresh = AppTest.from_file(str(APP), default_timeout=60).run()
    fresh.file_uploader(key=UPLOAD_KEY).set_value(
        ("c.json", comparison_to_json(items).encode(), "application/json")
    )
    fresh.run()
    # a fresh session has nothing of its own to keep: the comparison is the file's two scenarios,
    # and it opens on the results, on the comparison's tab
    assert int(fresh.session_state[STEP_KEY]) == len(STEPS) - 1
    assert [box.value for box in fresh.success] == [
        text(Lang.NL, "compare.loaded", count=2, name="Scenario 1")
    ]
    assert fresh.session_state[FEES] == 1000
    assert [row[NPV_COLUMN] for row in _table(fresh)] == [_npv(1000), _npv(500)]


def test_bad_comparison_is_refused_by_scenario_and_keeps_the_inputs() -> None:
    """Scenario 2 with fees −1: refused naming 'Scenario 2', the form keeps the fees typed before."""
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    goto(at, "training")
    set_number(at, FEES, 750)
    goto(at, "start")
    bad = {
        "schema_version": 1,
        "kind": "leerwinst-comparison",
        "scenarios": [
            {"name": "A", "scenario": {}},
            {"name": "B", "scenario": {"training": {"course_fees_eur": -1}}},
        ],
    }
    at.file_uploader(key=UPLOAD_KEY).set_value(
        ("bad.json", json.dumps(bad).encode(), "application/json")
    ).run()
    errors = [error.value.replace("\\", "") for error in at.error]
    assert len(errors) == 1
    assert "Scenario 2 ('B'):" in errors[0]
    assert at.session_state[FEES] == 750
    assert "compare" not in at.session_state
