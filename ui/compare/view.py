"""Scenarios side by side on the results page: copy, rename, switch, remove, compare, save as one file.

The wizard's form always edits one scenario of the comparison (the active one): every time the
results show, the active scenario takes the form's current values, so nothing typed is lost. Switching
puts the chosen scenario's values into the form. Everything lives in this session only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculators.comparison import comparison_to_json
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from calculators.scenario.model import Scenario
from ui import session
from ui.cache import cached_evaluate, session_memo
from ui.chart_view import PLOTLY_CONFIG
from ui.compare.charts import comparison_figure
from ui.compare.open import opened_message, show_in_form
from ui.comparison import MAX_NAME_CHARS, MAX_SCENARIOS, Comparison, NamedScenario
from ui.safe_text import escape_markdown
from ui.session import COMPARE_NAME_KEY
from ui.uncertainty.text import share_text
from ui.uncertainty.view import session_simulation

__all__ = ["show_compare", "show_opened", "sync_comparison"]


def show_opened(lang: Lang) -> None:
    """The message of the last opened case, where the user lands (wizard or start step)."""
    shown = opened_message(st.session_state, lang)
    if shown is None:
        return
    kind, words = shown
    if kind == "error":
        st.error(words, icon=":material/error:")
    else:
        st.success(words, icon=":material/task_alt:")


def _start(scenario: Scenario, lang: Lang) -> None:
    first = scenario.employee.label.strip()[:MAX_NAME_CHARS] or text(lang, "compare.default_name", number=1)
    copy = text(lang, "compare.default_name", number=2)
    started = Comparison.of((NamedScenario(first, scenario), NamedScenario(copy, scenario)), active=1)
    show_in_form(st.session_state, started, load=False)  # the form already holds the copy's values


def _held() -> Comparison:
    held = session.comparison(st.session_state)
    if held is None:  # the buttons that call back here are drawn only beside a comparison
        raise LookupError("no comparison in this session")
    return held


def _duplicate(lang: Lang) -> None:
    held = _held()
    copied = held.duplicate(text(lang, "compare.copy_name", name=held.current.name))
    if isinstance(copied, Comparison):  # refused when full: the button is disabled then
        show_in_form(st.session_state, copied, load=False)


def _remove() -> None:
    held = _held()
    left = held.remove(held.active)
    if isinstance(left, Comparison):  # the last scenario is never removed: the button is disabled then
        show_in_form(st.session_state, left, load=True)


def _switch(index: int) -> None:
    chosen = _held().activate(index)
    if isinstance(chosen, Comparison):
        show_in_form(st.session_state, chosen, load=True)


def sync_comparison(scenario: Scenario) -> None:
    """The active scenario takes the form's values (call on every results run, section shown or not)."""
    if session.comparison(st.session_state) is not None:
        _sync(scenario)


def _sync(scenario: Scenario) -> Comparison:
    """The active scenario takes the form's values and the name field's text."""
    state = st.session_state
    synced = _held().update_current(scenario, session.compare_name(state))
    session.set_comparison(state, synced)
    return synced


def _table(items: tuple[NamedScenario, ...], active: int, lang: Lang) -> pd.DataFrame:
    rows = []
    for index, item in enumerate(items):
        figures = key_figures(cached_evaluate(item.scenario), lang)
        simulation, _ = session_simulation(item.scenario)
        marker = f" {text(lang, 'compare.current_marker')}" if index == active else ""
        rows.append(
            {
                text(lang, "compare.table.name"): item.name + marker,
                text(lang, "compare.table.npv"): figures.npv,
                text(lang, "compare.table.stay"): figures.break_even_stay,
                text(lang, "compare.table.payback"): figures.payback,
                text(lang, "compare.table.worst"): figures.worst_case,
                text(lang, "compare.table.chance"): share_text(simulation.chance_it_pays, lang),
            }
        )
    # st.table renders Markdown in cells: escape every cell (names are typed by the user, and a
    # figure such as "> 36 maanden" would otherwise become a quote)
    return pd.DataFrame([{column: escape_markdown(value) for column, value in row.items()} for row in rows])


def show_compare(scenario: Scenario, lang: Lang) -> None:
    """The whole section, for a valid scenario in the form."""
    st.subheader(text(lang, "compare.title"), anchor=False)
    if session.comparison(st.session_state) is None:
        st.caption(text(lang, "compare.intro", max=MAX_SCENARIOS))
        st.button(text(lang, "compare.start"), key="compare_start", on_click=_start, args=(scenario, lang),
                  icon=":material/content_copy:")  # fmt: skip
        return
    held = _sync(scenario)
    items, active = held.items, held.active
    names = list(held.names)
    st.markdown(text(lang, "compare.working_on"), help=text(lang, "compare.working_on_help"))
    # One button per scenario (a select box would lose its choice when a scenario is renamed).
    with st.container(horizontal=True, key="compare_tabs"):
        for index, name in enumerate(names):
            st.button(escape_markdown(name), key=f"compare_open_{index}", on_click=_switch, args=(index,),
                      type="primary" if index == active else "secondary")  # fmt: skip
    left, _ = st.columns(2)
    with left:
        st.text_input(
            text(lang, "compare.name_label"),
            key=COMPARE_NAME_KEY,
            max_chars=MAX_NAME_CHARS,
            help=text(lang, "compare.name_help", max_chars=MAX_NAME_CHARS),
            persist_state="session",
        )
    with st.container(horizontal=True):
        full = held.full
        st.button(text(lang, "compare.duplicate"), key="compare_duplicate", on_click=_duplicate, args=(lang,),
                  disabled=full, icon=":material/content_copy:")  # fmt: skip
        st.button(text(lang, "compare.remove"), key="compare_remove", on_click=_remove,
                  disabled=len(items) < 2, icon=":material/delete:")  # fmt: skip
    if full:
        st.caption(text(lang, "compare.full", max=MAX_SCENARIOS))
    st.table(_table(items, active, lang), hide_index=True)
    simulated = [session_simulation(item.scenario) for item in items]
    simulations = [simulation for simulation, _ in simulated]
    results = [cached_evaluate(item.scenario) for item in items]
    key = (tuple(names), tuple(simulation_key for _, simulation_key in simulated), lang)
    figure = session_memo("figure_compare", key, lambda: comparison_figure(names, results, simulations, lang))
    st.plotly_chart(figure, key="chart_compare", config=PLOTLY_CONFIG, theme=None)
    st.download_button(
        text(lang, "compare.download"),
        data=comparison_to_json(items),
        file_name="leerwinst-comparison.json",
        mime="application/json",
        key="download_comparison",
        on_click="ignore",
        icon=":material/download:",
    )
