"""Open a saved case: a scenario file is checked in full before it replaces anything.

A file that is malformed, too large, of another schema version or out of range is refused with a
message naming what is wrong, and the current inputs stay exactly as they were.
"""

from __future__ import annotations

import streamlit as st

from calculators.errors import ScenarioError
from calculators.i18n import Lang, text
from calculators.scenario_io import MAX_FILE_BYTES, load_scenario_json
from ui.safe_text import escape_markdown
from ui.state import load_into_state
from ui.steps import ALL_FIELDS

__all__ = ["UPLOAD_KEY", "upload_widget"]

UPLOAD_KEY = "upload_scenario"
_MESSAGE_KEY = "upload_message"


def _on_upload() -> None:
    """Runs before the script: parse the file, and only when it is valid, load it into the form."""
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        st.session_state.pop(_MESSAGE_KEY, None)
        return
    raw = uploaded.getvalue()
    try:
        scenario = load_scenario_json(raw, max_bytes=MAX_FILE_BYTES)
    except ScenarioError as error:
        # both languages, so a language switch afterwards still shows the message
        st.session_state[_MESSAGE_KEY] = {
            "kind": "error",
            "nl": error.message("nl"),
            "en": error.message("en"),
        }
        return
    load_into_state(st.session_state, ALL_FIELDS, scenario)
    st.session_state[_MESSAGE_KEY] = {"kind": "success"}


def upload_widget(lang: Lang) -> None:
    """The file picker and the outcome of the last upload."""
    st.file_uploader(
        text(lang, "upload.label"),
        type=["json"],
        key=UPLOAD_KEY,
        on_change=_on_upload,
        help=text(lang, "upload.help"),
    )
    message = st.session_state.get(_MESSAGE_KEY)
    if not message:
        return
    if message["kind"] == "success":
        st.success(text(lang, "upload.loaded"), icon=":material/task_alt:")
    else:
        st.error(f"{text(lang, 'upload.refused')} {escape_markdown(message[lang.value])}")
        st.caption(text(lang, "upload.kept"))
