"""The results tab "cash by month": what goes out and comes in each month, undiscounted, the running
total, and the table as CSV and Excel (every figure from calculators/money/cash_by_month.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculators.explain import horizon_text
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.cash_by_month import (
    CASH_COLUMNS,
    cash_by_month,
    cash_csv,
    cash_header,
    cash_totals,
    cash_xlsx,
)
from calculators.money.evaluate import Result
from calculators.scenario.model import Scenario
from ui.cache import session_memo
from ui.chart_view import show_chart
from ui.results.cash_chart import cash_figure

__all__ = ["cash_frame", "show_cash"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cash_frame(result: Result, lang: Lang) -> pd.DataFrame:
    """The months as a table of formatted amounts (the month as a plain number)."""
    header = cash_header(lang)
    rows = [
        [str(month.month), *(money(getattr(month, name), lang) for name in CASH_COLUMNS[1:])]
        for month in cash_by_month(result)
    ]
    return pd.DataFrame(rows, columns=list(header))


def show_cash(scenario: Scenario, result: Result, lang: Lang) -> None:
    """The chart, the totals in a sentence, the table and its two downloads."""
    st.caption(text(lang, "cash.intro"))
    months = session_memo("cash_months", (scenario,), lambda: cash_by_month(result))
    show_chart("cash", (scenario, lang), lambda: cash_figure(months, lang))
    totals = cash_totals(months)
    st.markdown(
        text(
            lang,
            "cash.totals",
            horizon=horizon_text(result.horizon_months, lang),
            money_out=money(totals.money_out_eur, lang),
            money_in=money(totals.money_in_eur, lang),
            net=money(totals.net_eur, lang),
            npv=money(result.npv_eur, lang),
        )
    )
    st.caption(text(lang, "cash.explained"))
    st.dataframe(
        session_memo("cash_frame", (scenario, lang), lambda: cash_frame(result, lang)),
        hide_index=True,
        key="cash_table",
    )
    with st.container(horizontal=True):
        st.download_button(
            text(lang, "cash.download_csv"),
            data=lambda: cash_csv(result, lang),  # built on the click, not on every rerun
            file_name=text(lang, "cash.file_name") + ".csv",
            mime="text/csv",
            key="download_cash_csv",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            text(lang, "cash.download_xlsx"),
            data=lambda: cash_xlsx(result, lang),
            file_name=text(lang, "cash.file_name") + ".xlsx",
            mime=XLSX_MIME,
            key="download_cash_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
