"""Who is using the app: an owner (few inputs, the rest at defaults) or an advisor (everything open)."""

from __future__ import annotations

import streamlit as st

from calculators.i18n import Lang, text
from ui import session
from ui.session import ROLE_KEY, Role

__all__ = ["Role", "current_role", "role_selector"]


def current_role() -> Role:
    """The session's role (owner until the user picks advisor)."""
    return session.current_role(st.session_state)


def role_selector(lang: Lang) -> Role:
    """A two-button switch; switching keeps every input."""
    st.segmented_control(
        text(lang, "role.label"),
        options=[role.value for role in Role],
        format_func=lambda value: text(lang, f"role.{value}"),
        default=Role.OWNER.value,
        required=True,
        key=ROLE_KEY,
        persist_state="session",
        label_visibility="collapsed",
    )
    return current_role()
