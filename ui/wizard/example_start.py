"""Start from an example on the welcome step: the shipped cases, named as an owner recognises them.

Opening one goes the way of an opened file (ui/compare/open.py): into the form, and when the user had
already typed something, that work is kept beside it in the comparison, never overwritten. One
select box and one button, so the welcome step stays as quick as the others.
"""

from __future__ import annotations

import streamlit as st

from calculators.i18n import Lang, text
from calculators.scenario.examples import example_ids, load_example
from ui import session
from ui.compare.open import open_cases
from ui.comparison import NamedScenario
from ui.form.navigation import go_to
from ui.session import example_choice_key

__all__ = ["example_picker"]


def _open_example() -> None:
    state = st.session_state
    lang = session.current_lang(state)
    example_id = session.value(state, example_choice_key(lang)) or example_ids()[0]
    name = text(lang, f"examples.cases.{example_id}.name")
    if open_cases(state, (NamedScenario(name, load_example(example_id)),), lang, source="example"):
        go_to(1)  # the first question, filled in: the owner walks through and changes what differs


def example_picker(lang: Lang) -> None:
    """The examples by name, what the chosen one is about, and a button that opens it."""
    with st.container(border=True, key="examples"):
        st.markdown(f"**{text(lang, 'examples.title')}**")
        chosen = st.selectbox(
            text(lang, "examples.choose"),
            example_ids(),
            format_func=lambda example_id: text(lang, f"examples.cases.{example_id}.name"),
            key=example_choice_key(lang),
        )
        st.caption(text(lang, f"examples.cases.{chosen}.about") + " " + text(lang, "examples.intro"))
        st.button(
            text(lang, "examples.open"),
            key="example_open",
            on_click=_open_example,
            icon=":material/content_copy:",
        )
