"""The team page's file: the upload, the file that was read (kept for the session) and "other file".

A file that was read is kept in the session (ui/session.py ``TEAM_FILE_KEY``: its name, its bytes
and the upload's id, plain data), not only in the upload widget, whose state Streamlit drops as soon
as the page is left. So going to the wizard and back shows the same results; the page says which
file they are from, and "Other file" (after a confirmation) clears it. Nothing is kept beyond the
session. What was read and computed is remembered per upload (ui/cache.session_memo).
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from calculators.formatting import number as format_number
from calculators.i18n import Lang, text
from calculators.team.errors import TeamFileError
from calculators.team.figures import TeamResult, evaluate_team
from calculators.team.read import MAX_FILE_BYTES, MAX_ROWS, TeamFile, read_team_file
from ui import session
from ui.cache import session_memo
from ui.safe_text import escape_markdown
from ui.session import TEAM_CONFIRM_KEY, TEAM_UPLOAD_KEY, KeptFile
from ui.upload_limits import hide_streamlit_limit

__all__ = [
    "OTHER_FILE_KEY",
    "OTHER_FILE_NO_KEY",
    "OTHER_FILE_YES_KEY",
    "Outcome",
    "kept_outcome",
    "show_kept",
    "uploader",
]

OTHER_FILE_KEY = "team_other_file"
OTHER_FILE_YES_KEY = "team_other_file_yes"
OTHER_FILE_NO_KEY = "team_other_file_no"
# The widget lets a little more than the limit through, so a file just over 5 MB gets our own
# message (in the user's language) instead of the browser's; beyond that the browser refuses it.
_UPLOAD_LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024) + 1
_LOG = logging.getLogger(__name__)

Outcome = tuple[TeamFile, TeamResult] | TeamFileError


def _read(name: str, raw: bytes) -> Outcome:
    try:
        team = read_team_file(name, raw)
    except TeamFileError as error:
        return error
    return team, evaluate_team([row.scenario for row in team.rows])


def _outcome(name: str, raw: bytes, upload_id: str) -> Outcome:
    return session_memo("team_read", upload_id, lambda: _read(name, raw))


def _keep(uploaded: Any) -> Outcome:
    """Read an upload; a file that could be read is kept (its name, bytes and upload id), in this
    session only."""
    upload_id = str(uploaded.file_id)
    raw = uploaded.getvalue()
    outcome = _outcome(uploaded.name, raw, upload_id)
    kept = session.kept_team_file(st.session_state)
    if not isinstance(outcome, TeamFileError) and (kept is None or kept.upload_id != upload_id):
        session.keep_team_file(st.session_state, KeptFile(uploaded.name, raw, upload_id))
    return outcome


def _on_upload() -> None:
    """Runs before the script: a file that was read is kept, so this very run shows it as kept."""
    uploaded = session.value(st.session_state, TEAM_UPLOAD_KEY)
    if uploaded is None:
        return
    try:
        _keep(uploaded)
    except Exception:  # the page reads it again and says so in the user's language
        _LOG.exception("team upload failed")


def _ask_other_file(on: bool) -> None:
    session.set_flag(st.session_state, TEAM_CONFIRM_KEY, on)


def _clear_file() -> None:
    session.forget_team_file(st.session_state)


def show_kept(kept: KeptFile, lang: Lang) -> None:
    """Which file the results are from, and a way to read another one (after a confirmation)."""
    name = escape_markdown(kept.name)
    confirming = session.flag(st.session_state, TEAM_CONFIRM_KEY)
    with st.container(border=True, key="team_kept_file"):
        left, right = st.columns([7, 3], vertical_alignment="center")
        with left:
            st.markdown(f":material/description: {text(lang, 'team.file_current', name=name)}")
            st.caption(text(lang, "team.file_kept"))
        with right:
            st.button(
                text(lang, "team.other_file"),
                key=OTHER_FILE_KEY,
                on_click=_ask_other_file,
                args=(True,),
                icon=":material/upload_file:",
                disabled=confirming,
            )
        if confirming:
            st.warning(text(lang, "team.other_file_confirm", name=name), icon=":material/help:")
            yes, no, _ = st.columns([3, 3, 4])
            with yes:
                st.button(
                    text(lang, "team.other_file_yes"),
                    key=OTHER_FILE_YES_KEY,
                    on_click=_clear_file,
                    type="primary",
                )
            with no:
                st.button(text(lang, "team.other_file_no"), key=OTHER_FILE_NO_KEY, on_click=_ask_other_file,
                          args=(False,))  # fmt: skip


def uploader(lang: Lang) -> tuple[str, Outcome] | None:
    """The upload widget (only while no file is kept) and what it holds."""
    hide_streamlit_limit(TEAM_UPLOAD_KEY)  # its own English "Limit 6MB per file": the label says the real one
    uploaded = st.file_uploader(
        text(
            lang,
            "team.upload_label",
            mb=format_number(MAX_FILE_BYTES / 1024 / 1024, lang),
            rows=format_number(MAX_ROWS, lang),
        ),
        key=TEAM_UPLOAD_KEY,
        help=text(lang, "team.upload_help"),
        max_upload_size=_UPLOAD_LIMIT_MB,
        on_change=_on_upload,
    )
    if uploaded is None:
        return None
    return str(uploaded.file_id), _keep(uploaded)  # kept already by the callback, normally


def kept_outcome(kept: KeptFile) -> Outcome:
    """What the kept file held (read once per upload, remembered in the session)."""
    return _outcome(kept.name, kept.data, kept.upload_id)
