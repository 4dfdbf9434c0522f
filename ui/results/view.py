"""The result of one scenario on screen: headline, key figures and what would have to change; charts."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from calculators.explain import headline, horizon_text, key_figures, what_if_lines
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from calculators.scenario.model import Scenario
from ui.cache import cached_thresholds, session_memo
from ui.chart_view import show_chart
from ui.charts import cumulative_cash_flow_figure
from ui.safe_text import escape_markdown

__all__ = ["show_cumulative", "show_result"]

_CARD_WIDTH_PX = 360  # three to a row on a 1280-pixel laptop (wide layout), two on a tablet


def show_cumulative(scenario: Scenario, result: Result, lang: Lang) -> None:
    """The cumulative discounted cash flow with its break-even point and worst case."""
    show_chart("cumulative", (scenario, lang), lambda: cumulative_cash_flow_figure(result, lang))


@dataclass(frozen=True, slots=True)
class _ResultText:
    """Everything show_result writes, formatted once per scenario and language."""

    headline: str
    cards: tuple[tuple[str, str], ...]  # (name, value) per key figure
    what_if: str | None  # None when the training pays


def _result_text(scenario: Scenario, result: Result, lang: Lang) -> _ResultText:
    figures = key_figures(result, lang)
    cards = (
        ("npv", figures.npv),
        ("stay", figures.break_even_stay),
        ("payback", figures.payback),
        ("worst", figures.worst_case),
        ("roi", figures.roi),
    )
    what_if = None
    if not result.pays_off:
        lines = what_if_lines(cached_thresholds(scenario), lang)
        if lines:
            intro = text(lang, "results.what_if_intro", horizon=horizon_text(result.horizon_months, lang))
            what_if = intro + "\n\n" + "\n".join(f"- {line}" for line in lines)
        else:
            what_if = text(lang, "results.what_if_none")
    return _ResultText(headline(scenario, result, lang, escape=escape_markdown), cards, what_if)


def show_result(scenario: Scenario, result: Result, lang: Lang) -> None:
    """The answer in words and figures, and what would have to change when it does not pay."""
    words = session_memo("result_text", (scenario, lang), lambda: _result_text(scenario, result, lang))
    box = st.success if result.pays_off else st.warning
    box(words.headline)
    # one row that wraps: three cards on a laptop, two on a tablet; a card is wide enough for a value
    # such as "> 36 maanden"
    with st.container(horizontal=True, key="key_figures"):
        for name, value in words.cards:
            # the figure in words an owner uses, and what it means in one line on the page itself
            with st.container(border=True, width=_CARD_WIDTH_PX, key=f"card_{name}", gap="small"):
                st.metric(text(lang, f"results.{name}_label"), value, help=text(lang, f"results.{name}_help"))
                st.caption(text(lang, f"results.{name}_plain"))
    # the stay needed and the expected payback answer different questions: say so beside them
    st.caption(text(lang, "results.figures_explained"))
    if words.what_if is not None:
        st.subheader(text(lang, "results.what_if_title"))
        st.markdown(words.what_if)
