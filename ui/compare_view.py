"""Scenarios side by side on the results page: copy, rename, switch, remove, compare, save as one file.

The wizard's form always edits one scenario of the comparison (the active one): every time the
results show, the active scenario takes the form's current values, so nothing typed is lost. Switching
puts the chosen scenario's values into the form. Everything lives in this session only.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

import pandas as pd
import streamlit as st

from calculators.comparison import MAX_NAME_CHARS, MAX_SCENARIOS, NamedScenario, comparison_to_json
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from calculators.scenario import Scenario
from calculators.scenario_io import default_scenario, scenario_to_dict
from ui.cache import cached_evaluate, session_memo
from ui.compare_charts import comparison_figure
from ui.lazy import kept_tab_key
from ui.results_view import PLOTLY_CONFIG
from ui.safe_text import escape_markdown
from ui.state import form_scenario, form_values, load_into_state
from ui.steps import ALL_FIELDS, RESULTS_TABS
from ui.uncertainty_text import share_text
from ui.uncertainty_view import session_simulation

__all__ = [
    "COMPARE_KEY",
    "OPENED_KEY",
    "comparison_items",
    "open_cases",
    "opened_message",
    "show_compare",
    "show_opened",
    "sync_comparison",
]

COMPARE_KEY = "compare"
NAME_KEY = "compare_name"
OPENED_KEY = "opened_message"  # what the last opened case did, shown where the user lands


def comparison_items(state: MutableMapping[Any, Any]) -> list[NamedScenario] | None:
    """The scenarios being compared, or None before the user starts a comparison."""
    data = state.get(COMPARE_KEY)
    return None if data is None else list(data["items"])


def _activate(state: MutableMapping[Any, Any], index: int, *, load: bool) -> None:
    data = state[COMPARE_KEY]
    data["active"] = index
    state[NAME_KEY] = data["items"][index].name
    if load:
        load_into_state(state, ALL_FIELDS, data["items"][index].scenario)


def _form_case(state: MutableMapping[Any, Any]) -> Scenario | None:
    """The case in the form now, when it is valid and the user has changed anything (else None)."""
    scenario, _ = form_scenario(form_values(state), ALL_FIELDS)
    if scenario is None or scenario_to_dict(scenario) == scenario_to_dict(default_scenario()):
        return None
    return scenario


def open_cases(
    state: MutableMapping[Any, Any], opened: tuple[NamedScenario, ...], lang: Lang, *, source: str
) -> bool:
    """Open scenarios without replacing anyone's work: they are *added* to the comparison (which
    starts, when none is open, with the case in the form as its first scenario, if the user changed
    anything), and the first one opened goes into the form. Refused, changing nothing, when the
    comparison would hold more than its limit. Returns whether it was opened; ``OPENED_KEY`` holds
    the message (both languages are rebuilt from it on every run).

    ``source`` names what was opened in the message: ``file``, ``comparison`` or ``team``.
    """
    data = state.get(COMPARE_KEY)
    items: list[NamedScenario] = [] if data is None else list(data["items"])
    current = _form_case(state)
    kept = data is not None or current is not None  # there is earlier work to keep beside it
    if data is not None and current is not None:  # the active scenario keeps what was typed since
        active = data["active"]
        items[active] = NamedScenario(items[active].name, current)
    elif data is None and current is not None:
        name = current.employee.label.strip()[:MAX_NAME_CHARS]
        items = [NamedScenario(name or text(lang, "compare.current_case"), current)]
    if len(items) + len(opened) > MAX_SCENARIOS:
        state[OPENED_KEY] = {"kind": "full", "max": MAX_SCENARIOS, "count": len(opened)}
        return False
    first = len(items)
    for offset, item in enumerate(opened):
        name = item.name or item.scenario.employee.label.strip()[:MAX_NAME_CHARS]
        items.append(
            NamedScenario(
                name or text(lang, "compare.default_name", number=first + offset + 1), item.scenario
            )
        )
    if len(items) == 1:  # nothing to keep beside it: the form simply takes the case
        state.pop(COMPARE_KEY, None)
        load_into_state(state, ALL_FIELDS, items[0].scenario)
    else:
        state[COMPARE_KEY] = {"items": items, "active": first}
        _activate(state, first, load=True)
    state[OPENED_KEY] = {
        "kind": source,
        "count": len(opened),
        "name": items[first].name,
        "compared": len(items) if kept and len(items) > 1 else 0,
    }
    if source == "comparison":
        state[kept_tab_key(RESULTS_TABS)] = "save"  # the results open on the comparison
    return True


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


def opened_message(state: Mapping[Any, Any], lang: Lang) -> tuple[str, str] | None:
    """The last opened case's message as (kind, words): kind ``success`` or ``error``."""
    message = state.get(OPENED_KEY)
    if not message:
        return None
    if message["kind"] == "full":
        return "error", text(lang, "compare.open_full", max=message["max"], count=message["count"])
    name = escape_markdown(message["name"])
    key = {"file": "upload.loaded", "comparison": "compare.loaded", "team": "compare.opened_team"}
    words = text(lang, key[message["kind"]], count=message["count"], name=name)
    if message["compared"]:
        words += " " + text(lang, "compare.opened_added", compared=message["compared"])
    return "success", words


def _start(scenario: Scenario, lang: Lang) -> None:
    first = scenario.employee.label.strip()[:MAX_NAME_CHARS] or text(lang, "compare.default_name", number=1)
    copy = text(lang, "compare.default_name", number=2)
    st.session_state[COMPARE_KEY] = {
        "items": [NamedScenario(first, scenario), NamedScenario(copy, scenario)],
        "active": 1,
    }
    _activate(st.session_state, 1, load=False)  # the form already holds the copy's values


def _duplicate(lang: Lang) -> None:
    data = st.session_state[COMPARE_KEY]
    current: NamedScenario = data["items"][data["active"]]
    name = text(lang, "compare.copy_name", name=current.name)[:MAX_NAME_CHARS]
    data["items"].append(NamedScenario(name, current.scenario))
    _activate(st.session_state, len(data["items"]) - 1, load=False)


def _remove() -> None:
    data = st.session_state[COMPARE_KEY]
    del data["items"][data["active"]]
    _activate(st.session_state, max(0, data["active"] - 1), load=True)


def _switch(index: int) -> None:
    _activate(st.session_state, index, load=True)


def sync_comparison(scenario: Scenario) -> None:
    """The active scenario takes the form's values (call on every results run, section shown or not)."""
    if comparison_items(st.session_state) is not None:
        _sync(scenario)


def _sync(scenario: Scenario) -> list[NamedScenario]:
    """The active scenario takes the form's values and the name field's text."""
    state = st.session_state
    data = state[COMPARE_KEY]
    items: list[NamedScenario] = data["items"]
    active = data["active"]
    name = str(state.get(NAME_KEY, items[active].name)).strip()[:MAX_NAME_CHARS] or items[active].name
    items[active] = NamedScenario(name, scenario)
    return items


def _table(items: list[NamedScenario], active: int, lang: Lang) -> pd.DataFrame:
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
    if comparison_items(st.session_state) is None:
        st.caption(text(lang, "compare.intro", max=MAX_SCENARIOS))
        st.button(text(lang, "compare.start"), key="compare_start", on_click=_start, args=(scenario, lang),
                  icon=":material/content_copy:")  # fmt: skip
        return
    items = _sync(scenario)
    active = st.session_state[COMPARE_KEY]["active"]
    names = [item.name for item in items]
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
            key=NAME_KEY,
            max_chars=MAX_NAME_CHARS,
            help=text(lang, "compare.name_help", max_chars=MAX_NAME_CHARS),
            persist_state="session",
        )
    with st.container(horizontal=True):
        full = len(items) >= MAX_SCENARIOS
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
