"""The result of one scenario on screen: headline, key figures, chart and what would have to change."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import streamlit as st
from plotly.graph_objects import Figure

from calculators.evaluate import Result
from calculators.i18n import Lang, text
from calculators.scenario import Scenario
from ui.cache import cached_thresholds, session_memo
from ui.charts import cumulative_cash_flow_figure
from ui.results_text import headline, horizon_text, key_figures, what_if_lines
from ui.safe_text import escape_markdown

__all__ = ["PLOTLY_CONFIG", "show_chart", "show_result"]

# no plotly logo link (a third-party host) and no selection tools nobody needs
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def show_chart(name: str, memo_key: Hashable, build: Callable[[], Figure]) -> None:
    """Chart ``name`` (element key ``chart_<name>``), built once per ``memo_key`` in this session."""
    figure = session_memo(f"figure_{name}", memo_key, build)
    st.plotly_chart(figure, key=f"chart_{name}", config=PLOTLY_CONFIG, theme=None)


def show_result(scenario: Scenario, result: Result, lang: Lang) -> None:
    """Everything a user needs to read one result."""
    box = st.success if result.pays_off else st.warning
    box(headline(scenario, result, lang, escape=escape_markdown))
    figures = key_figures(result, lang)
    cards = [
        ("npv", figures.npv),
        ("stay", figures.break_even_stay),
        ("payback", figures.payback),
        ("worst", figures.worst_case),
        ("roi", figures.roi),
    ]
    # three to a row: values such as "> 36 maanden" need a third of the page's width
    for row in (cards[:3], cards[3:]):
        for column, (name, value) in zip(st.columns(3), row, strict=False):
            with column:
                st.metric(
                    text(lang, f"results.{name}_label"),
                    value,
                    help=text(lang, f"results.{name}_help"),
                    border=True,
                )
    show_chart("cumulative", (scenario, lang), lambda: cumulative_cash_flow_figure(result, lang))
    if not result.pays_off:
        st.subheader(text(lang, "results.what_if_title"))
        lines = what_if_lines(cached_thresholds(scenario), lang)
        if lines:
            intro = text(lang, "results.what_if_intro", horizon=horizon_text(result.horizon_months, lang))
            st.markdown(intro + "\n\n" + "\n".join(f"- {line}" for line in lines))
        else:
            st.markdown(text(lang, "results.what_if_none"))
