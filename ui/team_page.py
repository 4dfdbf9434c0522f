"""Team mode for advisors: a whole team from a spreadsheet, one vectorised pass, one employee in full.

The page only calls the calculators: :mod:`calculators.team_read` reads the upload (from memory;
nothing is written anywhere), :mod:`calculators.team_template` and :mod:`calculators.team_export`
write the template and the exports, :mod:`calculators.team` computes every employee at once. What
was read and computed is kept in this session only (:func:`ui.cache.session_memo`), keyed by the
upload, so a rerun recomputes nothing.

A file that was read is kept in the session under a key of its own (``FILE_KEY``: its name, its
bytes and the upload's id), not only in the upload widget, whose state Streamlit drops as soon as
the page is left. So going to the wizard ("Open in the full calculation") and back shows the same
results, in the same order (``SORT_KEY``), with the same employee chosen; the page says which file
they are from, and "Other file" (after a confirmation) clears it. Nothing is kept beyond the session.

User text (labels, headers, the file's name) is only ever shown in tables, select boxes and
escaped messages, never as Markdown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd
import streamlit as st

from calculators.comparison import NamedScenario
from calculators.formatting import money
from calculators.formatting import number as format_number
from calculators.i18n import Lang, has_text, text
from calculators.team import TeamResult, evaluate_team
from calculators.team_errors import TeamFileError
from calculators.team_export import export_csv, export_xlsx
from calculators.team_read import MAX_FILE_BYTES, MAX_ROWS, TeamFile, TeamRow, read_team_file
from calculators.team_template import column_guide, template_csv, template_xlsx
from ui.cache import session_memo
from ui.compare_view import OPENED_KEY, open_cases, opened_message
from ui.language import current_lang
from ui.navigation import go_to
from ui.results_view import PLOTLY_CONFIG
from ui.safe_text import escape_markdown
from ui.steps import STEPS
from ui.team_chart import team_npv_figure
from ui.upload_limits import hide_streamlit_limit

__all__ = [
    "COLUMN_WIDTHS",
    "CONFIRM_KEY",
    "FILE_KEY",
    "OPEN_BUTTON_KEY",
    "OPEN_SELECT_KEY",
    "OTHER_FILE_KEY",
    "OTHER_FILE_NO_KEY",
    "OTHER_FILE_YES_KEY",
    "SORTS",
    "SORT_DESCENDING_KEY",
    "SORT_KEY",
    "UPLOAD_KEY",
    "WIZARD_PAGE",
    "render",
    "sorted_frame",
    "team_frame",
]

UPLOAD_KEY = "team_upload"
FILE_KEY = "team_file"  # the file that was read: {"name", "data", "id"}; survives leaving the page
CONFIRM_KEY = "team_confirm_other_file"
OTHER_FILE_KEY = "team_other_file"
OTHER_FILE_YES_KEY = "team_other_file_yes"
OTHER_FILE_NO_KEY = "team_other_file_no"
SORT_KEY = "team_sort"
SORT_DESCENDING_KEY = "team_sort_descending"
OPEN_SELECT_KEY = "team_open_row"
OPEN_BUTTON_KEY = "team_open"
WIZARD_PAGE = "ui/pages/wizard_page.py"
_EMPLOYEE_STEP = next(index for index, step in enumerate(STEPS) if step.id == "employee")
# rows taller than 4 rem let the grid wrap a cell's text: three lines hold the longest reason
_ERROR_ROW_HEIGHT = 72
_ERRORS_SHOWN = 500  # a table of more would not be read; the count says how many there are
# The widget lets a little more than the limit through, so a file just over 5 MB gets our own
# message (in the user's language) instead of the browser's; beyond that the browser refuses it.
_UPLOAD_LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024) + 1
SORTS = ("row", "npv", "break_even", "payback", "worst_case", "cost", "benefit")
_MONEY = ("npv", "worst_case", "cost", "benefit")
_MONTHS = ("break_even", "payback")
_FLAGS = ("dead_end", "soonest", "clause")
_LOG = logging.getLogger(__name__)

Outcome = tuple[TeamFile, TeamResult] | TeamFileError


def _read(name: str, raw: bytes) -> Outcome:
    try:
        team = read_team_file(name, raw)
    except TeamFileError as error:
        return error
    return team, evaluate_team([row.scenario for row in team.rows])


def _name(row: TeamRow, lang: Lang) -> str:
    return row.label or text(lang, "team.row_label", row=row.row)


def _header(name: str, lang: Lang) -> str:
    return text(lang, f"team.table.{name}")


def team_frame(team: TeamFile, result: TeamResult, lang: Lang) -> pd.DataFrame:
    """One line per employee with raw values, so numbers sort as numbers; headers in ``lang``.

    A month that is never reached within the horizon (no payback, no break-even stay) is stored as
    horizon + 1: it sorts after every real month, and the table shows it as "not within the horizon".
    """
    never = team.rows[0].scenario.horizon_months + 1 if team.rows else 1

    def month(value: int | None) -> int:
        return never if value is None else value

    members = result.members
    data: dict[str, list[object]] = {
        _header("row", lang): [row.row for row in team.rows],
        _header("label", lang): [_name(row, lang) for row in team.rows],
        _header("npv", lang): [m.npv_eur for m in members],
        _header("break_even", lang): [month(m.break_even_stay_months) for m in members],
        _header("payback", lang): [month(m.payback_month) for m in members],
        _header("worst_case", lang): [m.worst_case_eur for m in members],
        _header("cost", lang): [m.total_cost_eur for m in members],
        _header("benefit", lang): [m.expected_benefit_eur for m in members],
        _header("dead_end", lang): [m.dead_end_candidate for m in members],
        _header("soonest", lang): [m.pays_off_soonest for m in members],
        _header("clause", lang): [m.clause_not_allowed for m in members],
    }
    return pd.DataFrame(data)


def _styled(frame: pd.DataFrame, horizon: int, lang: Lang) -> pd.io.formats.style.Styler:
    """Money the language's way (€ 1.234); a month beyond the horizon as "not within the horizon"."""
    money_columns: list[Hashable] = [_header(name, lang) for name in _MONEY]
    month_columns: list[Hashable] = [_header(name, lang) for name in _MONTHS]
    never = text(lang, "team.never", horizon=horizon)
    styler = frame.style.format(_money_formatter(lang), subset=money_columns)
    return styler.format(_month_formatter(horizon, never), subset=month_columns)


def _money_formatter(lang: Lang) -> Callable[[Any], str]:
    return lambda value: money(float(value), lang)


def _month_formatter(horizon: int, never: str) -> Callable[[Any], str]:
    return lambda value: never if int(value) > horizon else str(int(value))


COLUMN_WIDTHS = {  # pixels; together they fit the page at a 1280-pixel-wide window
    "row": 45,
    "label": 140,
    "npv": 100,
    "break_even": 125,
    "payback": 115,
    "worst_case": 115,
    "cost": 95,
    "benefit": 105,
    "dead_end": 90,
    "soonest": 90,
    "clause": 90,
}


def _column_config(lang: Lang) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for name, width in COLUMN_WIDTHS.items():
        help_key = f"team.column_help.{name}"
        help_text = text(lang, help_key) if has_text(lang, help_key) else None
        if name in _FLAGS:
            config[_header(name, lang)] = st.column_config.CheckboxColumn(width=width, help=help_text)
        else:
            config[_header(name, lang)] = st.column_config.Column(width=width, help=help_text)
    return config


def _template(lang: Lang) -> None:
    st.subheader(text(lang, "team.template_title"))
    left, right, _ = st.columns([3, 3, 4])
    with left:
        _download(
            text(lang, "team.template_csv"),
            lambda: template_csv(lang),
            "leerwinst-team.csv",
            "team_template_csv",
            "text/csv",
        )
    with right:
        _download(
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


def _download(label: str, data: Callable[[], bytes], file_name: str, key: str, mime: str) -> None:
    # deferred: the bytes are only built when the button is clicked
    st.download_button(
        label,
        data=data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def _errors(team: TeamFile, lang: Lang) -> None:
    if team.skipped:
        count_key = "team.skipped_one" if team.skipped == 1 else "team.skipped"
        if team.rows:
            st.warning(text(lang, count_key, count=team.skipped), icon=":material/warning:")
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
    count_key = "team.notes_count_one" if len(notes) == 1 else "team.notes_count"
    st.info(text(lang, count_key, count=len(notes)), icon=":material/content_cut:")
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


def _totals(result: TeamResult, lang: Lang) -> None:
    t = result.totals
    st.subheader(text(lang, "team.totals_title"))
    cards = [
        ("employees", str(t.employees)),
        ("paying", text(lang, "team.paying_value", paying=t.paying, employees=t.employees)),
        ("npv", money(t.npv_eur, lang)),
        ("worst_case", money(t.worst_case_eur, lang)),
        ("dead_end", str(t.dead_end_candidates)),
        ("clause", str(t.clause_not_allowed)),
    ]
    for row in (cards[:3], cards[3:]):
        for column, (name, value) in zip(st.columns(3), row, strict=True):
            with column:
                st.metric(text(lang, f"team.totals.{name}"), value, border=True)


def sorted_frame(frame: pd.DataFrame, by: str, descending: bool, lang: Lang) -> pd.DataFrame:
    """The table in the chosen order (``by`` one of :data:`SORTS`); ties keep the file's order.

    A month never reached is stored as horizon + 1 (see :func:`team_frame`), so it sorts after
    every real month.
    """
    column = _header(by if by in SORTS else "row", lang)
    return frame.sort_values(column, ascending=not descending, kind="stable").reset_index(drop=True)


def _sort_label(name: str, lang: Lang) -> str:
    return text(lang, "team.sort_row") if name == "row" else text(lang, f"team.columns.{name}")


def _order(lang: Lang) -> tuple[str, bool]:
    """The chosen order: kept for the session (``persist_state``), so it survives leaving the page."""
    left, right, _ = st.columns([4, 3, 3], vertical_alignment="bottom")
    with left:
        by = st.selectbox(
            text(lang, "team.sort_by"),
            options=SORTS,
            format_func=lambda name: _sort_label(name, lang),
            key=SORT_KEY,
            persist_state="session",
        )
    with right:
        descending = st.toggle(
            text(lang, "team.sort_descending"), key=SORT_DESCENDING_KEY, persist_state="session"
        )
    return str(by or "row"), bool(descending)


def _results(upload_id: str, team: TeamFile, result: TeamResult, lang: Lang) -> None:
    st.subheader(text(lang, "team.results_title"))
    st.caption(text(lang, "team.table_help") + " " + text(lang, "results.figures_explained"))
    frame = session_memo("team_frame", (upload_id, lang), lambda: team_frame(team, result, lang))
    by, descending = _order(lang)
    horizon = team.rows[0].scenario.horizon_months
    st.dataframe(
        _styled(sorted_frame(frame, by, descending, lang), horizon, lang),
        hide_index=True,
        key="team_table",
        column_config=_column_config(lang),
    )
    names = [_name(row, lang) for row in team.rows]
    figure = session_memo(
        "team_figure",
        (upload_id, lang),
        lambda: team_npv_figure(names, [m.npv_eur for m in result.members], lang),
    )
    st.plotly_chart(figure, key="team_chart", config=PLOTLY_CONFIG, theme=None)
    _totals(result, lang)
    st.subheader(text(lang, "team.export_title"))
    left, right, _ = st.columns([3, 3, 4])
    with left:
        _download(
            text(lang, "team.export_csv"),
            lambda: export_csv(team.rows, result, lang, skipped=team.skipped_rows),
            "leerwinst-team-uitkomst.csv",
            "team_export_csv",
            "text/csv",
        )
    with right:
        _download(
            text(lang, "team.export_xlsx"),
            lambda: export_xlsx(team.rows, result, lang, skipped=team.skipped_rows),
            "leerwinst-team-uitkomst.xlsx",
            "team_export_xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    _open(team, lang)


@st.fragment
def _open(team: TeamFile, lang: Lang) -> None:
    """Choose an employee and continue in the wizard with that employee's scenario, *added* to the
    work there (ui.compare_view.open_cases): a comparison keeps its scenarios, and a changed form
    becomes the first scenario of a new one. When the comparison is full, nothing changes and the
    page says so.

    A fragment: choosing an employee reruns only this part, not the table of a large team (drawing
    a styled table of 5,000 employees takes about a second). The choice is kept for the session.
    """
    st.subheader(text(lang, "team.open_title"))
    st.caption(text(lang, "team.open_intro"))
    by_row = {row.row: row for row in team.rows}
    if st.session_state.get(OPEN_SELECT_KEY) not in by_row:
        st.session_state.pop(OPEN_SELECT_KEY, None)  # a choice from another file: start at the first
    choice, button = st.columns([6, 3], vertical_alignment="bottom")
    with choice:
        selected = st.selectbox(
            text(lang, "team.open_select"),
            options=list(by_row),
            format_func=lambda number: (
                f"{text(lang, 'team.row_label', row=number)} · {by_row[number].label or '–'}"
            ),
            key=OPEN_SELECT_KEY,
            persist_state="session",
        )
    with button:
        clicked = st.button(
            text(lang, "team.open_button"), key=OPEN_BUTTON_KEY, type="primary", icon=":material/open_in_new:"
        )
    if clicked and selected in by_row:
        row = by_row[selected]
        # the wizard's widgets are not on this page, so their values may be set here; the wizard
        # draws them from these values on the next run
        if open_cases(
            st.session_state, (NamedScenario(_name(row, lang), row.scenario),), lang, source="team"
        ):
            go_to(_EMPLOYEE_STEP)
            st.switch_page(WIZARD_PAGE)
        shown = opened_message(st.session_state, lang)
        st.session_state.pop(OPENED_KEY, None)  # said here; the wizard must not say it again later
        if shown is not None:
            st.error(shown[1], icon=":material/error:")


def _kept_file() -> dict[str, Any] | None:
    kept = st.session_state.get(FILE_KEY)
    return kept if isinstance(kept, dict) else None


def _outcome(name: str, raw: bytes, upload_id: str) -> Outcome:
    return session_memo("team_upload", upload_id, lambda: _read(name, raw))


def _keep(uploaded: Any) -> Outcome:
    """Read an upload; a file that could be read is kept under ``FILE_KEY`` (its name, bytes and
    upload id), in this session only."""
    upload_id = str(uploaded.file_id)
    raw = uploaded.getvalue()
    outcome = _outcome(uploaded.name, raw, upload_id)
    kept = _kept_file()
    if not isinstance(outcome, TeamFileError) and (kept is None or kept["id"] != upload_id):
        st.session_state[FILE_KEY] = {"name": uploaded.name, "data": raw, "id": upload_id}
        st.session_state.pop(CONFIRM_KEY, None)
    return outcome


def _on_upload() -> None:
    """Runs before the script: a file that was read is kept, so this very run shows it as kept."""
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        return
    try:
        _keep(uploaded)
    except Exception:  # the page reads it again and says so in the user's language
        _LOG.exception("team upload failed")


def _ask_other_file() -> None:
    st.session_state[CONFIRM_KEY] = True


def _keep_this_file() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def _clear_file() -> None:
    for key in (FILE_KEY, CONFIRM_KEY, OPEN_SELECT_KEY):
        st.session_state.pop(key, None)


def _show_kept(kept: dict[str, Any], lang: Lang) -> None:
    """Which file the results are from, and a way to read another one (after a confirmation)."""
    name = escape_markdown(str(kept["name"]))
    confirming = bool(st.session_state.get(CONFIRM_KEY))
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
                st.button(text(lang, "team.other_file_no"), key=OTHER_FILE_NO_KEY, on_click=_keep_this_file)


def _uploader(lang: Lang) -> tuple[str, Outcome] | None:
    """The upload widget (only while no file is kept) and what it holds."""
    hide_streamlit_limit(UPLOAD_KEY)  # its own English "Limit 6MB per file": the label says the real one
    uploaded = st.file_uploader(
        text(
            lang,
            "team.upload_label",
            mb=format_number(MAX_FILE_BYTES / 1024 / 1024, lang),
            rows=format_number(MAX_ROWS, lang),
        ),
        key=UPLOAD_KEY,
        help=text(lang, "team.upload_help"),
        max_upload_size=_UPLOAD_LIMIT_MB,
        on_change=_on_upload,
    )
    if uploaded is None:
        return None
    return str(uploaded.file_id), _keep(uploaded)  # kept already by the callback, normally


def _body(lang: Lang) -> None:
    st.header(text(lang, "team.title"))
    st.markdown(text(lang, "team.intro"))
    st.caption(text(lang, "team.privacy"))
    _template(lang)
    st.subheader(text(lang, "team.upload_title"))
    kept = _kept_file()
    if kept is None:
        upload = _uploader(lang)
        if upload is None:
            return
        upload_id, outcome = upload
    else:
        _show_kept(kept, lang)
        upload_id = str(kept["id"])
        outcome = _outcome(str(kept["name"]), kept["data"], upload_id)
    if isinstance(outcome, TeamFileError):
        st.error(
            f"{text(lang, 'team.refused')} {escape_markdown(outcome.message(lang))}", icon=":material/error:"
        )
        return
    team, result = outcome
    if team.rows:
        count = len(team.rows)
        st.success(
            text(lang, "team.computed_one") if count == 1 else text(lang, "team.computed", count=count)
        )
    _errors(team, lang)
    _notes(team, lang)
    if team.rows:
        _results(upload_id, team, result, lang)


def render() -> None:
    """The team page."""
    lang = current_lang()
    try:
        _body(lang)
    except Exception:  # a defect must never show a traceback or the user's data (st.switch_page's
        # RerunException is a BaseException and passes through)
        _LOG.exception("team page failed")  # no user values in the log line
        st.error(text(lang, "wizard.failure"), icon=":material/sentiment_dissatisfied:")
