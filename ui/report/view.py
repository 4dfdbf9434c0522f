"""The report downloads under a result: client name, "add the conversation guide", make, download.

The report is made only when the advisor asks for it ("Make the report"): it runs the simulation
(with the ranges and number of runs the page uses), the break-even search and the dead-end
comparison again and draws a PDF, which takes about a second. Both files are kept in this
session's memory (ui/cache.session_memo), never on disk, and are offered as downloads that do not
rerun the page. When the client name, the guide choice, the language or a scenario changes, the
old files are no longer offered: the report would not match.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from calculators.i18n import Lang, text
from calculators.scenario.model import Scenario
from ui import session
from ui.cache import session_memo
from ui.report.build import MAX_NAME_CHARS, ReportRequest, report_files
from ui.uncertainty.settings import chosen_ranges
from ui.uncertainty.view import session_simulation

__all__ = ["ReportFiles", "show_report_downloads"]


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """One report in both formats."""

    pdf: bytes
    html: bytes


def _build(request: ReportRequest) -> ReportFiles:
    pdf, html = report_files(request)  # one document for both formats: computed and laid out once
    return ReportFiles(pdf=pdf, html=html)


def show_report_downloads(scenarios: Sequence[tuple[str, Scenario]], lang: Lang, key: str) -> None:
    """Client name, guide choice, "make the report" and the two downloads, for 1 to 4 named scenarios."""
    with st.container(border=True, key=key):
        st.subheader(text(lang, "report.section_title"), anchor=False)
        st.caption(text(lang, "report.section_intro"))
        client = st.text_input(
            text(lang, "report.client_label"),
            max_chars=MAX_NAME_CHARS,
            key=f"{key}_client",
            help=text(lang, "report.client_help"),
        )
        guide = st.checkbox(
            text(lang, "report.guide_label"), key=f"{key}_guide", help=text(lang, "report.guide_help")
        )
        _, (_, _, draws) = session_simulation(scenarios[0][1])  # the app's number of runs
        request = ReportRequest(
            scenarios=tuple(scenarios),
            client=client,
            lang=lang,
            prepared_on=datetime.date.today(),
            include_guide=guide,
            ranges=tuple(sorted(chosen_ranges(st.session_state).items())),  # the app's ranges
            draws=draws,
        )
        if st.button(text(lang, "report.prepare"), key=f"{key}_prepare", icon=":material/description:"):
            with st.spinner(text(lang, "report.preparing")):
                session_memo("report", request, lambda: _build(request))
            session.set_report_made(st.session_state, key, request)  # what the files on offer are for
        if session.report_made(st.session_state, key) != request:
            return
        files = session_memo("report", request, lambda: _build(request))
        st.caption(text(lang, "report.ready"))
        offers = (
            ("pdf", files.pdf, "application/pdf", ":material/picture_as_pdf:"),
            ("html", files.html, "text/html", ":material/code:"),
        )
        for column, (kind, data, mime, icon) in zip(st.columns(2), offers, strict=True):
            with column:
                st.download_button(
                    text(lang, f"report.download_{kind}"),
                    data=data,
                    file_name=text(lang, f"report.file_{kind}"),
                    mime=mime,
                    key=f"{key}_{kind}",
                    on_click="ignore",
                    icon=icon,
                    width="stretch",
                )
