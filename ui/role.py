"""Who is using the app: an owner (few inputs, the rest at defaults) or an advisor (everything open)."""

from __future__ import annotations

from enum import StrEnum

import streamlit as st

from calculators.i18n import Lang, text

__all__ = ["ROLE_KEY", "Role", "current_role", "role_selector"]

ROLE_KEY = "role"


class Role(StrEnum):
    """The two kinds of user (shared/context/users.md)."""

    OWNER = "owner"
    ADVISOR = "advisor"


def current_role() -> Role:
    """The session's role (owner until the user picks advisor)."""
    value = st.session_state.get(ROLE_KEY, Role.OWNER.value)
    return Role(value) if value in {role.value for role in Role} else Role.OWNER


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
