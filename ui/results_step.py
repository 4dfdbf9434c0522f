"""The last step: the answer, the pictures, the assumptions, the dead-end comparison, save the case."""

from __future__ import annotations

from functools import partial

import streamlit as st

from calculators.i18n import Lang, text
from calculators.scenario import RoleOutlook, Scenario
from calculators.scenario_io import scenario_to_json
from ui.arguments_view import show_arguments
from ui.assumptions_table import assumptions_frame
from ui.cache import cached_evaluate, session_memo
from ui.charts import benefit_build_up_figure, cost_breakdown_figure
from ui.compare_view import comparison_items, show_compare
from ui.dead_end_view import show_dead_end
from ui.lazy import lazy_expander, lazy_tabs
from ui.report_view import show_report_downloads
from ui.results_view import show_chart, show_result
from ui.role import Role
from ui.steps import ALL_FIELDS, DEAD_END_STEP_FIELDS
from ui.uncertainty_view import show_uncertainty

__all__ = ["render_results"]


def render_results(scenario: Scenario, lang: Lang, role: Role) -> None:
    """Everything the results screen shows, for a valid scenario."""
    result = cached_evaluate(scenario)
    show_result(scenario, result, lang)
    lazy_tabs(
        "tabs_money",
        lang,
        (
            (
                text(lang, "chart.tab_costs"),
                partial(show_chart, "costs", (scenario, lang), lambda: cost_breakdown_figure(result, lang)),
            ),
            (
                text(lang, "chart.tab_benefits"),
                partial(
                    show_chart, "benefits", (scenario, lang), lambda: benefit_build_up_figure(result, lang)
                ),
            ),
        ),
    )
    st.divider()
    show_uncertainty(scenario, result, lang, role)
    show_arguments(scenario, result, lang, role)
    if scenario.employee.role_outlook is RoleOutlook.DEAD_END:
        st.divider()
        show_dead_end(scenario, lang)
    # drawn only while open (advisors start with it open): a table of every input is long
    assumptions = lazy_expander(
        text(lang, "assumptions.title"), f"assumptions_open_{role.value}", expanded=role is Role.ADVISOR
    )
    if assumptions is not None:
        paths = [path for path in ALL_FIELDS if path != "doubts"]
        if scenario.employee.role_outlook is not RoleOutlook.DEAD_END:
            paths = [path for path in paths if path not in DEAD_END_STEP_FIELDS]
        with assumptions:
            frame = session_memo(
                "assumptions", (scenario, lang), lambda: assumptions_frame(scenario, paths, lang)
            )
            st.table(frame, hide_index=True)
    st.download_button(
        text(lang, "page.download"),
        data=scenario_to_json(scenario),
        file_name="leerwinst-scenario.json",
        mime="application/json",
        key="download_scenario",
        on_click="ignore",
        icon=":material/download:",
    )
    st.divider()
    show_compare(scenario, lang)
    compared = comparison_items(st.session_state)
    if compared:  # the report covers every scenario being compared (the active one is in sync)
        show_report_downloads(tuple((item.name, item.scenario) for item in compared), lang, key="report")
    else:
        name = scenario.employee.label.strip() or text(lang, "report.default_name")
        show_report_downloads(((name, scenario),), lang, key="report")
