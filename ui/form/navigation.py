"""Where the user is: the one place that changes the wizard's step or the page, so pages, uploads and
buttons never import each other to do it.

The step lives in the session (ui/session.py ``STEP_KEY``); the pages are the files app.py routes.
"""

from __future__ import annotations

import streamlit as st

from ui import session
from ui.form.steps import STEPS

__all__ = [
    "LAST_STEP",
    "TEAM_PAGE",
    "WIZARD_PAGE",
    "current_step",
    "go_to",
    "go_to_results",
    "go_to_step",
    "move",
    "open_in_wizard",
    "step_index",
]

LAST_STEP = len(STEPS) - 1
WIZARD_PAGE = "ui/pages/wizard_page.py"
TEAM_PAGE = "ui/pages/team_page.py"


def step_index(step_id: str) -> int:
    """The position of the step called ``step_id`` (``start`` … ``results``)."""
    return next(index for index, step in enumerate(STEPS) if step.id == step_id)


def go_to(index: int) -> None:
    """Move to step ``index`` (a callback: runs before the page is drawn); kept within the steps."""
    session.set_step(st.session_state, max(0, min(LAST_STEP, index)))


def go_to_step(step_id: str) -> None:
    """Move to the step called ``step_id``."""
    go_to(step_index(step_id))


def go_to_results() -> None:
    """Move to the results step."""
    go_to(LAST_STEP)


def move(delta: int) -> None:
    """One step forward (``delta`` 1) or back (-1); the message of an opened case has been read."""
    session.set_opened(st.session_state, None)
    go_to(current_step() + delta)


def current_step() -> int:
    """The step shown now (the first one before any move)."""
    return session.step(st.session_state)


def open_in_wizard(step_id: str) -> None:
    """Leave the page for the wizard, on the step called ``step_id`` (not a callback: it ends the run)."""
    go_to_step(step_id)
    st.switch_page(WIZARD_PAGE)
