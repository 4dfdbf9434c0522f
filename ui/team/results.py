"""The team page's results: the table in the chosen order, the chart, the totals and the exports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from calculators.formatting import money
from calculators.i18n import Lang, has_text, text
from calculators.team.export import export_csv, export_xlsx
from calculators.team.figures import TeamResult
from calculators.team.read import TeamFile
from ui.cache import session_memo
from ui.chart_view import PLOTLY_CONFIG
from ui.session import TEAM_SORT_DESCENDING_KEY, TEAM_SORT_KEY
from ui.team.chart import team_npv_figure
from ui.team.open import show_open
from ui.team.table import COLUMN_WIDTHS, FLAGS, SORTS, header, row_name, sorted_frame, styled, team_frame

__all__ = ["download", "show_results"]


def _column_config(lang: Lang) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for name, width in COLUMN_WIDTHS.items():
        help_key = f"team.column_help.{name}"
        help_text = text(lang, help_key) if has_text(lang, help_key) else None
        if name in FLAGS:
            config[header(name, lang)] = st.column_config.CheckboxColumn(width=width, help=help_text)
        else:
            config[header(name, lang)] = st.column_config.Column(width=width, help=help_text)
    return config


def download(label: str, data: Callable[[], bytes], file_name: str, key: str, mime: str) -> None:
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
            key=TEAM_SORT_KEY,
            persist_state="session",
        )
    with right:
        descending = st.toggle(
            text(lang, "team.sort_descending"), key=TEAM_SORT_DESCENDING_KEY, persist_state="session"
        )
    return str(by or "row"), bool(descending)


def show_results(upload_id: str, team: TeamFile, result: TeamResult, lang: Lang) -> None:
    st.subheader(text(lang, "team.results_title"))
    st.caption(text(lang, "team.table_help") + " " + text(lang, "results.figures_explained"))
    frame = session_memo("team_frame", (upload_id, lang), lambda: team_frame(team, result, lang))
    by, descending = _order(lang)
    horizon = team.rows[0].scenario.horizon_months
    st.dataframe(
        styled(sorted_frame(frame, by, descending, lang), horizon, lang),
        hide_index=True,
        key="team_table",
        column_config=_column_config(lang),
    )
    names = [row_name(row, lang) for row in team.rows]
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
        download(
            text(lang, "team.export_csv"),
            lambda: export_csv(team.rows, result, lang, skipped=team.skipped_rows),
            "leerwinst-team-uitkomst.csv",
            "team_export_csv",
            "text/csv",
        )
    with right:
        download(
            text(lang, "team.export_xlsx"),
            lambda: export_xlsx(team.rows, result, lang, skipped=team.skipped_rows),
            "leerwinst-team-uitkomst.xlsx",
            "team_export_xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    show_open(team, lang)
