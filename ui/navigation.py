"""Where the user is in the wizard: the one place that moves between steps, so pages, uploads and
buttons never import each other to do it."""

from __future__ import annotations

import streamlit as st

from ui.steps import STEPS

__all__ = ["LAST_STEP", "STEP_KEY", "current_step", "go_to", "go_to_results"]

STEP_KEY = "wizard_step"
LAST_STEP = len(STEPS) - 1


def go_to(index: int) -> None:
    """Move to step ``index`` (a callback: runs before the page is drawn)."""
    st.session_state[STEP_KEY] = max(0, min(LAST_STEP, index))


def go_to_results() -> None:
    """Move to the results step."""
    go_to(LAST_STEP)


def current_step() -> int:
    """The step shown now (the first one before any move)."""
    return int(st.session_state.get(STEP_KEY, 0))
