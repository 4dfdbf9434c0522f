"""Tabs and expanders whose hidden content is not drawn at all (Streamlit 1.67 state tracking).

Every element a rerun draws costs server time and browser time, and a chart costs the most (the
browser lays out each plotly figure again). Tabs that track their state (``on_change="rerun"``)
run only the open panel; switching tabs is a rerun that draws the other one. The open tab is kept
per language in the session (the label is the state, and labels differ per language). Expanders
work the same way: closed, their content is not drawn (inputs in it keep their values, as every
input persists for the session).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from calculators.i18n import Lang

__all__ = ["lazy_expander", "lazy_tabs", "tabs_key"]


def tabs_key(name: str, lang: Lang) -> str:
    """The session-state key that holds the open tab's label (``name`` in ``lang``)."""
    return f"{name}_{lang.value}"


def lazy_tabs(name: str, lang: Lang, panels: Sequence[tuple[str, Callable[[], None]]]) -> None:
    """One tab per (label, draw) pair; only the open tab's ``draw`` runs (the first one at the start)."""
    tabs = st.tabs([label for label, _ in panels], key=tabs_key(name, lang), on_change="rerun")
    for tab, (_, draw) in zip(tabs, panels, strict=True):
        if tab.open is not False:  # None would mean "not tracked": then every panel is drawn
            with tab:
                draw()


def lazy_expander(
    label: str, key: str, *, expanded: bool = False, open_now: bool = False
) -> DeltaGenerator | None:
    """An expander (its state in ``st.session_state[key]``); the container to draw into while it is
    open, None while it is closed. ``open_now`` opens it, e.g. when one of its fields has a problem."""
    if open_now:
        st.session_state[key] = True
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return box if box.open else None
