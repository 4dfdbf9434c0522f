"""Open a saved case: a scenario file is checked in full before it changes anything.

A file that is malformed, too large, of another kind (a picture, a spreadsheet), of another schema
version or out of range is refused with a message in the user's language naming what is wrong, and the
current inputs stay exactly as they were. A valid one is added beside the current work, never over it.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from calculators.comparison import ComparisonError, NamedScenario, load_case_json
from calculators.error_text import render_error
from calculators.errors import ScenarioError
from calculators.formatting import number
from calculators.i18n import Lang, text
from calculators.scenario.io import MAX_FILE_BYTES
from ui import session
from ui.compare.open import open_cases
from ui.form.navigation import go_to_results
from ui.safe_text import escape_markdown
from ui.session import UPLOAD_KEY, Refusal
from ui.upload_limits import hide_streamlit_limit

__all__ = ["upload_widget"]


def _on_upload() -> None:
    """Runs before the script: parse the file, and only when it is valid, add it beside the current
    work (ui.compare.open.open_cases): nothing typed is replaced without a trace. A comparison file
    lands on the comparison."""
    state = st.session_state
    uploaded = session.value(state, UPLOAD_KEY)
    if uploaded is None:
        session.set_upload_message(state, None)
        return
    raw = uploaded.getvalue()
    try:
        case = load_case_json(raw)  # one scenario, or a comparison of named scenarios
    except (ScenarioError, ComparisonError) as error:
        # both languages, so a language switch afterwards still shows the message
        message = partial(render_error, error) if isinstance(error, ScenarioError) else error.message
        session.set_upload_message(state, Refusal(nl=message("nl", path=False), en=message("en", path=False)))
        return
    session.set_upload_message(state, None)
    lang = session.current_lang(state)
    if isinstance(case, tuple):
        if open_cases(state, case, lang, source="comparison"):
            go_to_results()
        return
    open_cases(state, (NamedScenario("", case),), lang, source="file")


def upload_widget(lang: Lang) -> None:
    """The file picker and the outcome of the last upload."""
    hide_streamlit_limit(UPLOAD_KEY)
    st.file_uploader(
        text(lang, "upload.label", limit=number(MAX_FILE_BYTES / 1000, lang, 0)),
        key=UPLOAD_KEY,
        on_change=_on_upload,
        max_upload_size=1,  # MB: the widget's own ceiling; the real limit (200 kB) is checked and said here
        help=text(lang, "upload.help"),
    )
    message = session.upload_message(st.session_state)
    if message is not None:
        st.error(f"{text(lang, 'upload.refused')} {escape_markdown(message.in_lang(lang))}")
        st.caption(text(lang, "upload.kept"))
