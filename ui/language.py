"""The language the user reads, kept in the session; Dutch first."""

from __future__ import annotations

import streamlit as st

from calculators.i18n import Lang, text
from ui import session
from ui.session import LANG_KEY

__all__ = ["current_lang", "language_selector", "t"]


def current_lang() -> Lang:
    """The session's language (Dutch until the user picks English)."""
    return session.current_lang(st.session_state)


def t(key: str, **values: object) -> str:
    """Text in the session's language."""
    return text(current_lang(), key, **values)


def language_selector() -> Lang:
    """A two-button switch; changing it keeps every input (widgets are keyed, not labelled)."""
    st.segmented_control(
        f"{text(Lang.NL, 'language.label')} · {text(Lang.EN, 'language.label')}",
        options=[lang.value for lang in Lang],
        format_func=_language_name,
        default=Lang.NL.value,
        required=True,
        key=LANG_KEY,
        persist_state="session",
        label_visibility="collapsed",
    )
    return current_lang()


def _language_name(code: str) -> str:
    return text(code, f"language.{code}")
