"""Tabs and expanders whose hidden content is not drawn at all (Streamlit 1.67 state tracking).

Every element a rerun draws costs server time and browser time, and a chart costs the most (the
browser lays out each plotly figure again). Tabs that track their state (``on_change="rerun"``)
run only the open panel; switching tabs is a rerun that draws the other one. The open tab stays open
across wizard steps and language switches. Expanders work the same way: closed, their content is
not drawn (inputs in it keep their values, as every input persists for the session).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from calculators.i18n import Lang
from ui import session
from ui.session import kept_tab_key, tabs_key

# tabs_key stays importable from here: the benchmarks (benchmarks/rerun.py) open a tab through it
__all__ = ["Panel", "lazy_expander", "lazy_tabs", "tabs_key"]


Panel = tuple[str, str, Callable[[], None]]  # (id, label, draw)


def lazy_tabs(name: str, lang: Lang, panels: Sequence[Panel]) -> None:
    """One tab per (id, label, draw); only the open tab's ``draw`` runs (the first one at the start).

    Streamlit keeps a tab widget's state only while a run draws it, and the label it keeps is one
    language's. So the open tab's id is also kept under a key of its own: a user who goes to another
    step to change one number, or switches language, comes back to the tab they were reading.
    """
    key, state = tabs_key(name, lang), st.session_state
    labels = {panel_id: label for panel_id, label, _ in panels}
    kept = session.kept_tab(state, name)
    if session.value(state, key) is None and kept in labels:
        session.set_value(state, key, labels[kept])
    tabs = st.tabs(list(labels.values()), key=key, on_change="rerun")
    for tab, (panel_id, _, draw) in zip(tabs, panels, strict=True):
        if tab.open is not False:  # None would mean "not tracked": then every panel is drawn
            session.set_value(state, kept_tab_key(name), panel_id)
            with tab:
                draw()


def lazy_expander(
    label: str, key: str, *, expanded: bool = False, open_now: bool = False
) -> DeltaGenerator | None:
    """An expander (its state in ``st.session_state[key]``); the container to draw into while it is
    open, None while it is closed. ``open_now`` opens it, e.g. when one of its fields has a problem."""
    if open_now:
        session.set_flag(st.session_state, key, True)
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return box if box.open else None
