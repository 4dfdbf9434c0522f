"""The first real page: the main numbers in, the answer out — on one screen.

The guided wizard replaces this page later; it stays thin: widgets from the field catalogue,
the scenario from the session, the figures from the calculators.
"""

from __future__ import annotations

import streamlit as st

from calculators.errors import ScenarioError
from calculators.fields import field_spec
from calculators.i18n import Lang, text
from calculators.scenario import RoleOutlook, TrainingKind
from calculators.scenario_io import scenario_to_json
from ui.cache import cached_evaluate
from ui.dead_end_view import DEAD_END_FIELDS, show_dead_end
from ui.inputs import choice_field, help_text, number_field, toggle_field, widget_key
from ui.language import current_lang
from ui.results_view import show_result
from ui.safe_text import escape_markdown
from ui.state import scenario_from_state, seed_fields

__all__ = ["MAIN_FIELDS", "MORE_FIELDS", "PAGE_FIELDS", "render"]

MAIN_FIELDS = {
    "section_employee": (
        "employee.label",
        "employee.gross_monthly_salary_eur",
        "employee.hours_per_week",
        "employee.years_of_service",
        "employee.role_outlook",
    ),
    "section_training": (
        "training.kind",
        "training.course_fees_eur",
        "training.hours",
        "retention.study_cost_clause.enabled",
    ),
    "section_effect": ("benefits.productivity_gain", "retention.annual_quit_probability"),
}
MORE_FIELDS = (
    "training.materials_exam_eur",
    "training.travel_eur",
    "training.share_in_working_time",
    "training.duration_months",
    "benefits.ramp_up_months",
    "benefits.annual_decay",
    "benefits.employer_share",
    "retention.quit_probability_change",
    "retention.replacement_cost_share",
    "company.discount_rate_annual",
    "horizon_months",
)
PAGE_FIELDS = tuple(path for group in MAIN_FIELDS.values() for path in group) + MORE_FIELDS + DEAD_END_FIELDS


def _field(path: str, lang: Lang) -> None:
    spec = field_spec(path)
    if path == "employee.label":
        st.text_input(
            text(lang, f"fields.{path}.label"),
            max_chars=spec.max_length,
            key=widget_key(path),
            help=help_text(spec, lang),
            persist_state="session",
        )
    elif spec.type == "choice":
        choice_field(path, lang)
    elif spec.type == "bool":
        mandatory = st.session_state.get(widget_key("training.kind")) == TrainingKind.MANDATORY.value
        toggle_field(path, lang, disabled=mandatory)
        if mandatory:
            st.caption(text(lang, "page.clause_void_note"))
    else:
        number_field(path, lang)


def render() -> None:
    """Draw the page for the session's language."""
    lang = current_lang()
    seed_fields(st.session_state, PAGE_FIELDS)
    st.title(text(lang, "page.title"))
    st.caption(text(lang, "page.intro"))
    inputs, results = st.columns([5, 7], gap="large")
    with inputs:
        for section, paths in MAIN_FIELDS.items():
            st.subheader(text(lang, f"page.{section}"))
            for path in paths:
                _field(path, lang)
        with st.expander(text(lang, "page.more_assumptions")):
            for path in MORE_FIELDS:
                _field(path, lang)
        dead_end = st.session_state.get(widget_key("employee.role_outlook")) == RoleOutlook.DEAD_END.value
        if dead_end:
            with st.expander(text(lang, "dead_end.assumptions"), expanded=True):
                for path in DEAD_END_FIELDS:
                    _field(path, lang)
    with results:
        st.subheader(text(lang, "page.section_results"))
        try:
            scenario = scenario_from_state(st.session_state, PAGE_FIELDS)
        except ScenarioError as error:
            st.error(f"{text(lang, 'page.input_problem')} {escape_markdown(error.message(lang))}")
            st.info(text(lang, "page.input_kept"))
        else:
            show_result(scenario, cached_evaluate(scenario), lang)
            if scenario.employee.role_outlook is RoleOutlook.DEAD_END:
                st.divider()
                show_dead_end(scenario, lang)
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
    st.caption(text(lang, "page.privacy"))
    st.caption(text(lang, "page.disclaimer"))
