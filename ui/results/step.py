"""The last step: the answer on top, then one tab per part (the dead-end comparison, the picture over
time, the arguments for the user's doubts, costs and returns, how sure it is, the assumptions, save
and compare, the report).

The answer (headline, key figures and, when it does not pay, what would have to change) is always in
view. The parts below it are tabs that track their state (ui/lazy.py): only the open one is drawn, so
a click on the page stays quick however much there is to read, and the simulation behind "how sure?"
runs only once that tab (or the comparison or the report, which use it) is opened. The first tab is
the picture over time, or, for an employee on a dead-end track, the comparison of the options.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from calculators.scenario.io import scenario_to_json
from calculators.scenario.model import RoleOutlook, Scenario
from ui import session
from ui.assumptions_table import assumptions_frame
from ui.cache import cached_evaluate, session_memo
from ui.chart_view import show_chart
from ui.charts import benefit_build_up_figure, cost_breakdown_figure
from ui.compare.view import show_compare, sync_comparison
from ui.dead_end.view import show_dead_end, show_dead_end_answer
from ui.form.steps import ALL_FIELDS, DEAD_END_STEP_FIELDS, RESULTS_TABS
from ui.lazy import lazy_tabs
from ui.report.view import show_report_downloads
from ui.results.arguments_view import has_arguments, show_arguments
from ui.results.cash_view import show_cash
from ui.results.view import show_cumulative, show_result
from ui.role import Role
from ui.uncertainty.view import show_uncertainty

__all__ = ["render_results", "results_sections"]


def _money(scenario: Scenario, result: Result, lang: Lang) -> None:
    lazy_tabs(
        "tabs_money",
        lang,
        (
            (
                "costs",
                text(lang, "chart.tab_costs"),
                partial(show_chart, "costs", (scenario, lang), lambda: cost_breakdown_figure(result, lang)),
            ),
            (
                "benefits",
                text(lang, "chart.tab_benefits"),
                partial(
                    show_chart, "benefits", (scenario, lang), lambda: benefit_build_up_figure(result, lang)
                ),
            ),
        ),
    )


def _assumptions(scenario: Scenario, lang: Lang) -> None:
    paths = [path for path in ALL_FIELDS if path != "doubts"]
    if scenario.employee.role_outlook is not RoleOutlook.DEAD_END:
        paths = [path for path in paths if path not in DEAD_END_STEP_FIELDS]
    st.subheader(text(lang, "assumptions.title"), anchor=False)
    frame = session_memo("assumptions", (scenario, lang), lambda: assumptions_frame(scenario, paths, lang))
    st.table(frame, hide_index=True)


def _save_and_compare(scenario: Scenario, lang: Lang) -> None:
    st.download_button(
        text(lang, "page.download"),
        data=session_memo("scenario_json", scenario, lambda: scenario_to_json(scenario)),
        file_name="leerwinst-scenario.json",
        mime="application/json",
        key="download_scenario",
        on_click="ignore",
        icon=":material/download:",
    )
    st.divider()
    show_compare(scenario, lang)


def _report(scenario: Scenario, lang: Lang) -> None:
    compared = session.comparison(st.session_state)
    if compared:  # the report covers every scenario being compared (the active one is in sync)
        show_report_downloads(
            tuple((item.name, item.scenario) for item in compared.items), lang, key="report"
        )
    else:
        name = scenario.employee.label.strip() or text(lang, "report.default_name")
        show_report_downloads(((name, scenario),), lang, key="report")


def results_sections(scenario: Scenario, result: Result, lang: Lang, role: Role) -> list[str]:
    """The ids of the results' tabs, in order (``results.tabs.<id>`` is each one's label)."""
    sections = ["dead_end"] if scenario.employee.role_outlook is RoleOutlook.DEAD_END else []
    sections.append("over_time")
    if has_arguments(scenario, result, lang, role):
        sections.append("doubts")
    return [*sections, "money", "cash", "uncertainty", "assumptions", "save", "report"]


def render_results(scenario: Scenario, lang: Lang, role: Role) -> None:
    """Everything the results screen shows, for a valid scenario."""
    result = cached_evaluate(scenario)
    sync_comparison(scenario)  # the scenario being compared follows the form, its tab open or not
    if scenario.employee.role_outlook is RoleOutlook.DEAD_END:
        # one answer on top: the comparison's; the training's own figures follow as detail, explained
        show_dead_end_answer(scenario, lang)
        st.subheader(text(lang, "dead_end.detail_title"), anchor=False)
        st.caption(text(lang, "dead_end.detail_explained"))
    show_result(scenario, result, lang)
    draw: dict[str, Callable[[], None]] = {
        "dead_end": partial(show_dead_end, scenario, lang),
        "over_time": partial(show_cumulative, scenario, result, lang),
        "doubts": partial(show_arguments, scenario, result, lang, role),
        "money": partial(_money, scenario, result, lang),
        "cash": partial(show_cash, scenario, result, lang),
        "uncertainty": partial(show_uncertainty, scenario, lang, role),
        "assumptions": partial(_assumptions, scenario, lang),
        "save": partial(_save_and_compare, scenario, lang),
        "report": partial(_report, scenario, lang),
    }
    sections = results_sections(scenario, result, lang, role)
    if "doubts" in sections:  # the arguments are one click away: say where
        st.caption(text(lang, "results.doubts_hint", tab=text(lang, "results.tabs.doubts")))
    panels = [(name, text(lang, f"results.tabs.{name}"), draw[name]) for name in sections]
    lazy_tabs(RESULTS_TABS, lang, panels)
