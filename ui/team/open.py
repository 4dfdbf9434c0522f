"""The team page's way into the wizard: one employee opened in the full calculation."""

from __future__ import annotations

import streamlit as st

from calculators.i18n import Lang, text
from calculators.team.read import TeamFile
from ui import session
from ui.compare.open import open_cases, opened_message
from ui.comparison import NamedScenario
from ui.form.navigation import open_in_wizard
from ui.session import TEAM_OPEN_ROW_KEY
from ui.team.table import row_name

__all__ = ["OPEN_BUTTON_KEY", "show_open"]

OPEN_BUTTON_KEY = "team_open"


@st.fragment
def show_open(team: TeamFile, lang: Lang) -> None:
    """Choose an employee and continue in the wizard with that employee's scenario, *added* to the
    work there (ui.compare.open.open_cases): a comparison keeps its scenarios, and a changed form
    becomes the first scenario of a new one. When the comparison is full, nothing changes and the
    page says so.

    A fragment: choosing an employee reruns only this part, not the table of a large team (drawing
    a styled table of 5,000 employees takes about a second). The choice is kept for the session.
    """
    st.subheader(text(lang, "team.open_title"))
    st.caption(text(lang, "team.open_intro"))
    by_row = {row.row: row for row in team.rows}
    state = st.session_state
    if session.value(state, TEAM_OPEN_ROW_KEY) not in by_row:  # a choice from another file: the first
        session.forget(state, TEAM_OPEN_ROW_KEY)
    choice, button = st.columns([6, 3], vertical_alignment="bottom")
    with choice:
        selected = st.selectbox(
            text(lang, "team.open_select"),
            options=list(by_row),
            format_func=lambda number: (
                f"{text(lang, 'team.row_label', row=number)} · {by_row[number].label or '–'}"
            ),
            key=TEAM_OPEN_ROW_KEY,
            persist_state="session",
        )
    with button:
        clicked = st.button(
            text(lang, "team.open_button"), key=OPEN_BUTTON_KEY, type="primary", icon=":material/open_in_new:"
        )
    if clicked and selected in by_row:
        row = by_row[selected]
        # the wizard's widgets are not on this page, so their values may be set here; the wizard
        # draws them from these values on the next run
        if open_cases(state, (NamedScenario(row_name(row, lang), row.scenario),), lang, source="team"):
            open_in_wizard("employee")
        shown = opened_message(state, lang)
        session.set_opened(state, None)  # said here; the wizard must not say it again later
        if shown is not None:
            st.error(shown[1], icon=":material/error:")
