"""Small helpers for driving the wizard in AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui.steps import STEPS


def goto(at: AppTest, step_id: str) -> AppTest:
    """Click Next (or Back) until the wizard shows ``step_id``."""
    target = next(index for index, step in enumerate(STEPS) if step.id == step_id)
    for _ in range(len(STEPS)):
        current = int(at.session_state["wizard_step"])
        if current == target:
            break
        at.button(key="nav_next" if current < target else "nav_back").click().run()
        assert not at.exception, at.exception
    assert int(at.session_state["wizard_step"]) == target
    return at


def set_number(at: AppTest, key: str, value: float) -> AppTest:
    """Type a number into a field on the current step and rerun."""
    at.number_input(key=key).set_value(value).run()
    assert not at.exception, at.exception
    return at
