"""The dead-end comparison on screen: four options, the transition payment step by step, the
conditions for deducting training costs, legal notes with sources, and "not legal advice"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculators.dead_end import DeadEndComparison, ExitPayment, job_to_job_payment
from calculators.error_text import format_in_unit
from calculators.fields import field_spec
from calculators.formatting import money, number
from calculators.i18n import Lang, text
from calculators.rules import rules_for
from calculators.scenario import Scenario
from calculators.sources import sources
from ui.cache import cached_dead_end
from ui.charts import dead_end_options_figure
from ui.results_text import horizon_text
from ui.results_view import PLOTLY_CONFIG

__all__ = [
    "RULES_CITED",
    "checklist",
    "comparison_headline",
    "options_table",
    "payment_steps",
    "sensitivity_lines",
    "show_dead_end",
]
RULES_CITED = (
    "transition_payment_divisor",
    "transition_payment_pro_rata",
    "transition_payment_cap_eur",
    "notice_period_months",
    "deduction_conditions",
    "sick_pay_weeks",
    "uwv_compensation_after_illness",
)


def _option_name(lang: Lang, option: str) -> str:
    return text(lang, f"dead_end.options.{option}")


def comparison_headline(result: DeadEndComparison, lang: Lang) -> str:
    ranked = sorted(result.options, key=lambda item: item.net_cost_eur)
    return text(
        lang,
        "dead_end.cheapest",
        option=_option_name(lang, ranked[0].option.value),
        margin=money(result.margin_eur, lang),
        runner_up=_option_name(lang, ranked[1].option.value),
    )


def sensitivity_lines(result: DeadEndComparison, lang: Lang) -> list[str]:
    lines = []
    for item in result.sensitivities:
        spec = field_spec(item.field)
        label = text(lang, f"fields.{item.field}.label")
        current = format_in_unit(item.current, spec.unit, lang)
        for bound, key in (
            (item.lower, "dead_end.sensitive_lower"),
            (item.upper, "dead_end.sensitive_upper"),
        ):
            if bound is not None:
                shown = format_in_unit(
                    round(bound, 4) if spec.type == "float" else round(bound), spec.unit, lang
                )
                lines.append(text(lang, key, label=label, value=shown, current=current))
    return lines


def options_table(result: DeadEndComparison, lang: Lang) -> pd.DataFrame:
    rows = []
    for item in result.options:
        rows.append(
            {
                text(lang, "dead_end.table_option"): _option_name(lang, item.option.value),
                text(lang, "dead_end.table_net_cost"): money(item.net_cost_eur, lang),
                text(lang, "dead_end.table_exit"): (
                    text(lang, "units.month", value=item.exit_month)
                    if item.exit_month is not None
                    else text(lang, "dead_end.exit_none")
                ),
                text(lang, "dead_end.table_tv"): money(item.transition_payment_eur, lang),
                text(lang, "dead_end.table_deduction"): money(item.deduction_eur, lang),
            }
        )
    return pd.DataFrame(rows)


def payment_steps(payment: ExitPayment, year: int, lang: Lang, cap_to_verify: bool) -> list[str]:
    monthly = money(payment.monthly_salary_eur, lang, cents=True)
    years = number(payment.service_years, lang, 2)
    return [
        text(lang, "dead_end.tv_salary", monthly=monthly),
        text(lang, "dead_end.tv_service", years=years),
        text(
            lang,
            "dead_end.tv_before_cap",
            monthly=monthly,
            years=years,
            amount=money(payment.before_cap_eur, lang),
        ),
        text(
            lang,
            "dead_end.tv_cap",
            year=year,
            cap=money(payment.cap_eur, lang),
            flag=text(lang, "dead_end.tv_cap_to_verify") if cap_to_verify else "",
            capped=text(lang, "dead_end.tv_capped") if payment.capped else "",
        ),
        text(lang, "dead_end.tv_deduction", deduction=money(payment.deduction_eur, lang)),
        text(lang, "dead_end.tv_amount", amount=money(payment.amount_eur, lang)),
    ]


# the conditions the model can judge from the inputs; the others the user must check
_JUDGED = frozenset(
    {
        "specified_in_writing",
        "consent_in_writing",
        "paid_by_employer",
        "not_wages",
        "within_lookback",
        "not_for_current_job",
    }
)


def checklist(payment: ExitPayment, conditions: list[str], lang: Lang) -> list[tuple[str, str]]:
    """Each condition for deducting training costs from the transition payment, as (status, words):
    status ``ok``, ``fails`` or ``check`` (not judged from the inputs); shared by page and report."""
    items = []
    for condition in conditions:
        if condition not in _JUDGED:
            status = "check"
        elif condition in payment.verdict.failed:
            status = "fails"
        else:
            status = "ok"
        items.append((status, text(lang, f"dead_end.conditions.{condition}")))
    return items


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
    cited.append("wkadvocaten_herplaatsing")
    known = sources()
    links = [
        f"[{known[source_id].citation()}]({known[source_id].url})"
        for source_id in cited
        if source_id in known
    ]
    return text(lang, "dead_end.sources", sources="; ".join(links))


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

    payment = job_to_job_payment(scenario)
    rules = rules_for(scenario.company.rules_year)
    with st.container(border=True, key="dead_end_payment"):
        st.markdown(f"**{text(lang, 'dead_end.tv_title')}**")
        st.markdown(
            "\n".join(
                f"1. {line}"
                for line in payment_steps(
                    payment, rules.year, lang, rules["transition_payment_cap_eur"].to_verify
                )
            )
        )
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
