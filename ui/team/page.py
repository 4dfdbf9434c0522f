"""Team mode for advisors: a whole team from a spreadsheet, one vectorised pass, one employee in full.

The page only calls the calculators: :mod:`calculators.team.read` reads the upload (from memory;
nothing is written anywhere), :mod:`calculators.team.template` and :mod:`calculators.team.export`
write the template and the exports, :mod:`calculators.team.figures` computes every employee at once. What
was read and computed is kept in this session only (:func:`ui.cache.session_memo`), keyed by the
upload, so a rerun recomputes nothing.

The parts: the file and "other file" (ui/team/upload.py), the results table (ui/team/table.py,
pure, and ui/team/results.py), one employee opened in the wizard (ui/team/open.py). The file, the
order and the chosen employee are kept for the session, so a trip to the wizard and back shows the
same results.

User text (labels, headers, the file's name) is only ever shown in tables, select boxes and
escaped messages, never as Markdown.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from calculators.i18n import Lang, plural, text
from calculators.team.errors import TeamFileError
from calculators.team.read import TeamFile
from calculators.team.template import column_guide, template_csv, template_xlsx
from ui import session
from ui.cache import session_memo
from ui.language import current_lang
from ui.safe_text import escape_markdown
from ui.team.results import download, show_results
from ui.team.upload import kept_outcome, show_kept, uploader

__all__ = ["render"]

# rows taller than 4 rem let the grid wrap a cell's text: three lines hold the longest reason
_ERROR_ROW_HEIGHT = 72
_ERRORS_SHOWN = 500  # a table of more would not be read; the count says how many there are
_LOG = logging.getLogger(__name__)


def _template(lang: Lang) -> None:
    st.subheader(text(lang, "team.template_title"))
    left, right, _ = st.columns([3, 3, 4])
    with left:
        download(
            text(lang, "team.template_csv"),
            lambda: template_csv(lang),
            "leerwinst-team.csv",
            "team_template_csv",
            "text/csv",
        )
    with right:
        download(
            text(lang, "team.template_xlsx"),
            lambda: template_xlsx(lang),
            "leerwinst-team.xlsx",
            "team_template_xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    with st.expander(text(lang, "team.guide_title")):
        guide = session_memo("team_guide", lang, lambda: column_guide(lang))
        headers = [
            text(lang, f"team.guide.columns.{name}")
            for name in ("header", "required", "meaning", "allowed", "if_empty")
        ]
        yes, no = text(lang, "team.export.yes"), text(lang, "team.export.no")
        rows = [
            [line.header, yes if line.required else no, line.meaning, line.allowed, line.if_empty]
            for line in guide
        ]
        st.table(pd.DataFrame(rows, columns=headers), hide_index=True)
        st.caption(text(lang, "team.guide_numbers"))


def _errors(team: TeamFile, lang: Lang) -> None:
    if team.skipped:
        if team.rows:
            st.warning(plural(lang, "team.skipped", team.skipped), icon=":material/warning:")
        else:
            st.error(text(lang, "team.none_computed"), icon=":material/error:")
        st.markdown(f"**{text(lang, 'team.errors_title')}**")
        errors = team.errors
        shown = errors[:_ERRORS_SHOWN]
        frame = pd.DataFrame(
            {
                text(lang, "team.error_columns.row"): [error.row for error in shown],
                text(lang, "team.error_columns.column"): [error.column_name(lang) for error in shown],
                text(lang, "team.error_columns.reason"): [error.reason(lang) for error in shown],
            }
        )
        st.dataframe(
            frame,
            hide_index=True,
            key="team_errors",
            row_height=_ERROR_ROW_HEIGHT,
            column_config={
                text(lang, "team.error_columns.row"): st.column_config.NumberColumn(width=60),
                text(lang, "team.error_columns.column"): st.column_config.TextColumn(width=220),
                text(lang, "team.error_columns.reason"): st.column_config.TextColumn(width=800),
            },
        )
        if len(errors) > _ERRORS_SHOWN:
            st.caption(text(lang, "team.errors_more", shown=_ERRORS_SHOWN, count=len(errors)))
    if team.ignored_columns:
        columns = ", ".join(f"'{name}'" for name in team.ignored_columns)
        st.caption(escape_markdown(text(lang, "team.ignored_columns", columns=columns)))


def _notes(team: TeamFile, lang: Lang) -> None:
    """What the reader did on its own: numbers read by the file's notation, names shortened."""
    notation = team.notation.message(lang)
    if notation:
        st.info(escape_markdown(notation), icon=":material/info:")
    notes = team.notes
    if not notes:
        return
    st.info(plural(lang, "team.notes_count", len(notes)), icon=":material/content_cut:")
    row, column = text(lang, "team.error_columns.row"), text(lang, "team.error_columns.column")
    note = text(lang, "team.note_column")
    shown = notes[:_ERRORS_SHOWN]
    frame = pd.DataFrame(
        {
            row: [item.row for item in shown],
            column: [item.column for item in shown],
            note: [item.message(lang) for item in shown],
        }
    )
    st.dataframe(
        frame,
        hide_index=True,
        key="team_notes",
        column_config={
            row: st.column_config.NumberColumn(width=60),
            column: st.column_config.TextColumn(width=220),
            note: st.column_config.TextColumn(width=800),
        },
    )


def _body(lang: Lang) -> None:
    st.header(text(lang, "team.title"))
    st.markdown(text(lang, "team.intro"))
    st.caption(text(lang, "team.privacy"))
    _template(lang)
    st.subheader(text(lang, "team.upload_title"))
    kept = session.kept_team_file(st.session_state)
    if kept is None:
        upload = uploader(lang)
        if upload is None:
            return
        upload_id, outcome = upload
    else:
        show_kept(kept, lang)
        upload_id, outcome = kept.upload_id, kept_outcome(kept)
    if isinstance(outcome, TeamFileError):
        st.error(
            f"{text(lang, 'team.refused')} {escape_markdown(outcome.message(lang))}", icon=":material/error:"
        )
        return
    team, result = outcome
    if team.rows:
        count = len(team.rows)
        st.success(plural(lang, "team.computed", count))
    _errors(team, lang)
    _notes(team, lang)
    if team.rows:
        show_results(upload_id, team, result, lang)


def render() -> None:
    """The team page."""
    lang = current_lang()
    try:
        _body(lang)
    except Exception:  # a defect must never show a traceback or the user's data (st.switch_page's
        # RerunException is a BaseException and passes through)
        _LOG.exception("team page failed")  # no user values in the log line
        st.error(text(lang, "wizard.failure"), icon=":material/sentiment_dissatisfied:")
