"""Start from an example on the welcome step: the shipped cases, named as an owner recognises them.

Opening one goes the way of an opened file (ui/compare/open.py): into the form, and when the user had
already typed something, that work is kept beside it in the comparison, never overwritten.
"""

from __future__ import annotations

import streamlit as st

from calculators.i18n import Lang, text
from calculators.scenario.examples import example_ids, load_example
from ui import session
from ui.compare.open import open_cases
from ui.comparison import NamedScenario
from ui.form.navigation import go_to

__all__ = ["example_picker"]


def _open_example(example_id: str) -> None:
    state = st.session_state
    lang = session.current_lang(state)
    name = text(lang, f"examples.cases.{example_id}.name")
    if open_cases(state, (NamedScenario(name, load_example(example_id)),), lang, source="example"):
        go_to(1)  # the first question, filled in: the owner walks through and changes what differs


def example_picker(lang: Lang) -> None:
    """One card per example: its name, what it is about and a button that opens it."""
    st.markdown(f"**{text(lang, 'examples.title')}**")
    st.caption(text(lang, "examples.intro"))
    with st.container(horizontal=True, key="examples"):
        for example_id in example_ids():
            with st.container(border=True, width=300, key=f"example_{example_id}"):
                st.markdown(f"**{text(lang, f'examples.cases.{example_id}.name')}**")
                st.caption(text(lang, f"examples.cases.{example_id}.about"))
                st.button(
                    text(lang, "examples.open"),
                    key=f"example_open_{example_id}",
                    on_click=_open_example,
                    args=(example_id,),
                    icon=":material/content_copy:",
                )
