"""The dead-end comparison on screen: four options, the transition payment step by step, the
conditions for deducting training costs, legal notes with sources, and "not legal advice"."""

from __future__ import annotations

import streamlit as st

from calculators.dead_end.options import ExitPayment, job_to_job_payment
from calculators.dead_end.results import Option
from calculators.explain import answer_lines, comparison_headline, horizon_text
from calculators.i18n import Lang, text
from calculators.rules import rules_for
from calculators.scenario.model import Scenario
from calculators.sources import sources
from ui.cache import cached_dead_end
from ui.chart_view import PLOTLY_CONFIG
from ui.charts import dead_end_options_figure
from ui.dead_end.text import (
    EXTRA_SOURCES,
    RULES_CITED,
    checklist,
    compensation_lines,
    options_table,
    payment_steps,
    sensitivity_lines,
)

__all__ = ["show_dead_end", "show_dead_end_answer"]

# Streamlit's own icon font: emoji depend on the reader's system fonts
_MARKS = {
    "ok": ":green[:material/check_circle:]",
    "fails": ":red[:material/cancel:]",
    "check": ":gray[:material/help:]",
}


def _checklist(payment: ExitPayment, conditions: list[str], lang: Lang) -> list[str]:
    return [
        f"{_MARKS[status]} {words} — {text(lang, f'dead_end.checklist_{status}')}"
        for status, words in checklist(payment, conditions, lang)
    ]


def _source_links(year: int, lang: Lang) -> str:
    rules = rules_for(year)
    cited: list[str] = []
    for key in RULES_CITED:
        for value in rules[key].values:
            cited.extend(source_id for source_id in value.sources if source_id not in cited)
    cited.extend(
        source_id for source_id in (*EXTRA_SOURCES, "wkadvocaten_herplaatsing") if source_id not in cited
    )
    known = sources()
    links = [
        f"[{known[source_id].citation()}]({known[source_id].url})"
        for source_id in cited
        if source_id in known
    ]
    return text(lang, "dead_end.sources", sources="; ".join(links))


def show_dead_end_answer(scenario: Scenario, lang: Lang) -> None:
    """The one answer on top of the results for a dead-end case (the comparison's, not the training's)."""
    result = cached_dead_end(scenario)
    st.subheader(text(lang, "dead_end.answer_title"), anchor=False)
    with st.container(key="dead_end_answer"):
        st.success("\n\n".join(answer_lines(result, lang)), icon=":material/signpost:")


def show_dead_end(scenario: Scenario, lang: Lang) -> None:
    """The whole dead-end section for a valid scenario."""
    result = cached_dead_end(scenario)
    st.subheader(text(lang, "dead_end.title"))
    st.caption(text(lang, "dead_end.intro", horizon=horizon_text(scenario.horizon_months, lang)))
    st.info(comparison_headline(result, lang))
    if result.robust:
        st.markdown(text(lang, "dead_end.robust"))
    else:
        lines = sensitivity_lines(result, lang)
        st.markdown(
            text(lang, "dead_end.sensitive_intro") + "\n\n" + "\n".join(f"- {line}" for line in lines)
        )
    st.plotly_chart(
        dead_end_options_figure(result, lang), key="chart_dead_end", config=PLOTLY_CONFIG, theme=None
    )
    st.table(options_table(result, lang), hide_index=True)
    if scenario.dead_end.sickness_annual_probability > 0:
        with st.container(border=True, key="dead_end_compensation"):
            st.markdown(f"**{text(lang, 'dead_end.compensation_title')}**")
            st.markdown("\n\n".join(compensation_lines(scenario, lang)))

    payment = job_to_job_payment(scenario)
    rules = rules_for(scenario.company.rules_year)
    with st.container(border=True, key="dead_end_payment"):
        st.markdown(f"**{text(lang, 'dead_end.tv_title')}**")
        steps = payment_steps(
            payment,
            rules.year,
            lang,
            rules["transition_payment_cap_eur"].to_verify,
            result.option(Option.JOB_TO_JOB),
        )
        st.markdown("\n".join(f"1. {line}" for line in steps))
    with st.container(border=True, key="dead_end_checklist"):
        st.markdown(f"**{text(lang, 'dead_end.checklist_title')}**")
        conditions = list(rules.value("deduction_conditions"))
        st.markdown("\n".join(f"- {line}" for line in _checklist(payment, conditions, lang)))
        if not scenario.dead_end.written_consent:
            st.warning(text(lang, "dead_end.consent_missing"))
    if result.to_verify:
        items = ", ".join(text(lang, f"dead_end.rules.{key}") for key in result.to_verify)
        st.warning(text(lang, "dead_end.to_verify", items=items), icon=":material/fact_check:")
    with st.expander(text(lang, "dead_end.legal_title")):
        notes: list[str] = []
        for item in result.options:
            for note in item.notes:
                if note not in notes:
                    notes.append(note)
        st.markdown("\n".join(f"- {text(lang, f'dead_end.notes.{note}')}" for note in notes))
        st.markdown(_source_links(rules.year, lang))  # not a caption: faded links are hard to read
    st.caption(text(lang, "dead_end.not_legal_advice", year=rules.year))
