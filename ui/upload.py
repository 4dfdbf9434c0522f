"""Open a saved case: a scenario file is checked in full before it replaces anything.

A file that is malformed, too large, of another schema version or out of range is refused with a
message naming what is wrong, and the current inputs stay exactly as they were.
"""

from __future__ import annotations

import streamlit as st

from calculators.comparison import ComparisonError, load_case_json
from calculators.errors import ScenarioError
from calculators.i18n import Lang, text
from ui.compare_view import open_comparison
from ui.language import LANG_KEY
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
        case = load_case_json(raw)  # one scenario, or a comparison of named scenarios
    except (ScenarioError, ComparisonError) as error:
        # both languages, so a language switch afterwards still shows the message
        st.session_state[_MESSAGE_KEY] = {
            "kind": "error",
            "nl": error.message("nl"),
            "en": error.message("en"),
        }
        return
    if isinstance(case, tuple):
        open_comparison(st.session_state, case, Lang(st.session_state.get(LANG_KEY, Lang.NL.value)))
        st.session_state[_MESSAGE_KEY] = {"kind": "comparison", "count": len(case), "name": case[0].name}
        return
    load_into_state(st.session_state, ALL_FIELDS, case)
    st.session_state[_MESSAGE_KEY] = {"kind": "success"}


def upload_widget(lang: Lang) -> None:
    """The file picker and the outcome of the last upload."""
    st.file_uploader(
        text(lang, "upload.label"),
        type=["json"],
        key=UPLOAD_KEY,
        on_change=_on_upload,
        max_upload_size=1,  # MB; a saved case is a few kB (the app refuses over 800 kB anyway)
        help=text(lang, "upload.help"),
    )
    message = st.session_state.get(_MESSAGE_KEY)
    if not message:
        return
    if message["kind"] == "success":
        st.success(text(lang, "upload.loaded"), icon=":material/task_alt:")
    elif message["kind"] == "comparison":
        name = escape_markdown(message["name"] or text(lang, "compare.default_name", number=1))
        st.success(
            text(lang, "compare.loaded", count=message["count"], name=name), icon=":material/task_alt:"
        )
    else:
        st.error(f"{text(lang, 'upload.refused')} {escape_markdown(message[lang.value])}")
        st.caption(text(lang, "upload.kept"))
