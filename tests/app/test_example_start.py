"""Start from an example (AppTest): the form takes the example, and work already typed is kept."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from calculators.i18n import Lang, text
from ui.form.steps import STEPS
from ui.safe_text import escape_markdown
from ui.session import COMPARE_KEY, STEP_KEY, example_choice_key, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
SALARY = widget_key("employee.gross_monthly_salary_eur")


def _start() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    return at


def test_an_example_fills_the_form_and_opens_the_first_question() -> None:
    """Pins the garage example: salary 3100 and label "Monteur" in the form, the first question shown,
    the success message naming it, no comparison (nothing was typed to keep)."""
    at = _start()
    at.selectbox(key=example_choice_key(Lang.NL)).select("garage_ev_course").run()
    at.button(key="example_open").click().run()
    assert not at.exception
    assert at.session_state[STEP_KEY] == 1
    assert at.session_state[SALARY] == 3100
    assert at.session_state[widget_key("employee.label")] == "Monteur"
    assert COMPARE_KEY not in at.session_state or at.session_state[COMPARE_KEY] is None
    name = escape_markdown(text("nl", "examples.cases.garage_ev_course.name"))
    assert [s.value for s in at.success] == [text("nl", "compare.opened_example", name=name)]


def test_typed_work_is_kept_beside_the_example() -> None:
    """Pins that a salary typed before choosing an example is not lost: both are in the comparison."""
    at = _start()
    at.session_state[STEP_KEY] = next(i for i, s in enumerate(STEPS) if s.id == "employee")
    at.run()
    at.number_input(key=SALARY).set_value(4321.0).run()
    at.session_state[STEP_KEY] = 0
    at.run()
    at.selectbox(key=example_choice_key(Lang.NL)).select("care_certified_course").run()
    at.button(key="example_open").click().run()
    assert not at.exception
    comparison = at.session_state[COMPARE_KEY]
    salaries = [item.scenario.employee.gross_monthly_salary_eur for item in comparison.items]
    assert salaries == [4321.0, 2900]
    assert at.session_state[SALARY] == 2900
