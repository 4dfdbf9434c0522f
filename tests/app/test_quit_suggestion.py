"""The suggested chance of leaving beside the field (AppTest): shown for the employee's service and
age, used only when the user presses the button."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from calculators.formatting import percent
from calculators.i18n import text
from ui.form.steps import STEPS
from ui.session import STEP_KEY, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
QUIT = widget_key("retention.annual_quit_probability")


def _yields(age: int, years: float) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    at.session_state[widget_key("employee.age")] = age
    at.session_state[widget_key("employee.years_of_service")] = years
    at.session_state[STEP_KEY] = next(i for i, s in enumerate(STEPS) if s.id == "yields")
    at.run()
    assert not at.exception
    return at


def test_a_52_year_old_with_18_years_gets_6_percent_on_a_click() -> None:
    """Pins the band for 45 and over (6 %, CBS 2017 via a summary, flagged to verify): the field keeps
    the default 11 % until the button is pressed, then holds 6."""
    at = _yields(52, 18)
    captions = " ".join(c.value for c in at.caption)
    assert "52" in captions and "18" in captions and percent(0.06, "nl", 0) in captions
    assert text("nl", "quit_bands.to_verify") in captions
    assert at.number_input(key=QUIT).value == 11
    at.button(key="quit_use_suggestion").click().run()
    assert at.number_input(key=QUIT).value == 6
    assert not [b for b in at.button if b.key == "quit_use_suggestion"]  # nothing left to suggest


def test_new_staff_get_30_percent_suggested() -> None:
    """Pins the band for under two years' service: 30 % suggested, the field untouched."""
    at = _yields(30, 1)
    assert at.button(key="quit_use_suggestion").label == text(
        "nl", "quit_bands.use", value=percent(0.3, "nl", 0)
    )
    assert at.number_input(key=QUIT).value == 11


def test_settled_staff_under_45_match_the_default() -> None:
    """Pins the band for everyone else: 11 %, the default, so no button."""
    at = _yields(35, 6)
    assert not [b for b in at.button if b.key == "quit_use_suggestion"]
