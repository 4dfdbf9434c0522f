"""One stated limit per upload: the app's own, in the user's language.

Streamlit's file picker prints its own ceiling ("Limit 1MB per file") in English, and refuses a file
over it in English too. So each picker gets a ceiling above the app's real limit (the app then
refuses a larger file itself, in the user's language) and that English line is hidden: the label says
the real limit. The style is static text, never built from data.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["hide_streamlit_limit"]

_CSS = (
    "<style>.st-key-{key} [data-testid='stFileUploaderDropzoneInstructions'] small {{display: none;}}</style>"
)


def hide_streamlit_limit(key: str) -> None:
    """Hide the picker's own limit line for the uploader with widget key ``key`` (letters, digits, _)."""
    if not key.replace("_", "").isalnum():
        raise ValueError(f"not a widget key: {key!r}")
    st.html(_CSS.format(key=key))
