"""The dead-end comparison in words and tables, for the page and the report alike: the rules and
articles it cites, the options table, the transition payment step by step, the deduction checklist,
how sure the order is and what UWV's compensation means. Pure: no Streamlit (the report imports it).
"""

from __future__ import annotations

import pandas as pd

from calculators.dead_end.contract_end import Route
from calculators.dead_end.options import ExitPayment
from calculators.dead_end.results import DeadEndComparison, OptionResult
from calculators.error_text import format_in_unit
from calculators.explain import option_name
from calculators.formatting import money, number, rounded_half_up
from calculators.i18n import Lang, text
from calculators.scenario.fields import field_spec
from calculators.scenario.model import Scenario

__all__ = [
    "EXTRA_SOURCES",
    "RULES_CITED",
    "checklist",
    "compensation_lines",
    "options_table",
    "payment_steps",
    "sensitivity_lines",
]


RULES_CITED = (
    "transition_payment_divisor",
    "transition_payment_pro_rata",
    "transition_payment_cap_eur",
    "notice_period_months",
    "notice_after_procedure_min_months",
    "uwv_ahead_of_lapse_weeks",
    "settlement_withdrawal_days",
    "deduction_conditions",
    "sick_pay_weeks",
    "sick_pay_weeks_after_aow",
    "aow_age_by_year",
    "uwv_compensation_after_illness",
    "uwv_compensation_bill_36869",
)
# the articles behind the notes that no rule value carries
EXTRA_SOURCES = ("bw_7_669", "bw_7_611a", "bw_7_670", "bw_7_673b", "ontslagregeling_afspiegeling")


def compensation_lines(scenario: Scenario, lang: Lang) -> list[str]:
    """What UWV's compensation after illness means here: the law today, and the bill for this employer."""
    category = scenario.dead_end.whk_premium_category
    return [text(lang, "dead_end.compensation_law"), text(lang, f"dead_end.compensation_{category}")]


# Thresholds in euros are shown as whole euros, as every other amount on the page; an hourly rate
# keeps its cents. A threshold is an estimate: "course fees above € 11.438,42" claimed a precision
# the assumptions behind it do not have.
_WHOLE_EURO_UNITS = frozenset({"eur", "eur_per_month", "eur_per_year"})


def _shown_bound(bound: float, kind: str, unit: str) -> float:
    if unit in _WHOLE_EURO_UNITS:
        return rounded_half_up(bound)
    return round(bound, 4) if kind == "float" else round(bound)


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
                shown = format_in_unit(_shown_bound(bound, spec.type, spec.unit), spec.unit, lang)
                lines.append(text(lang, key, label=label, value=shown, current=current))
    return lines


def _months(value: int, lang: Lang) -> str:
    return format_in_unit(value, "months", lang)


def _notice(item: OptionResult, lang: Lang) -> str:
    if item.notice_months is None or item.notice_served_months is None:
        return "–"
    if item.route is Route.SETTLEMENT:
        return text(lang, "dead_end.notice_settlement", statutory=_months(item.notice_months, lang))
    return text(
        lang,
        "dead_end.notice_permit",
        statutory=_months(item.notice_months, lang),
        served=_months(item.notice_served_months, lang),
    )


def _payment(item: OptionResult, lang: Lang) -> str:
    if item.settlement_eur is not None:
        key = (
            "dead_end.payment_settlement_assumed"
            if item.settlement_assumed
            else "dead_end.payment_settlement"
        )
        return text(lang, key, amount=money(item.settlement_eur, lang))
    if item.exit_month is None:
        return "–"
    return text(lang, "dead_end.payment_tv", amount=money(item.transition_payment_eur, lang))


def options_table(result: DeadEndComparison, lang: Lang) -> pd.DataFrame:
    """One row per option: how the contract ends, the net cost with and without UWV's compensation,
    when, the notice and the payment on leaving; an unavailable option says so instead of a cost."""
    rows = []
    for item in result.options:
        unavailable = text(lang, "dead_end.not_available")
        rows.append(
            {
                text(lang, "dead_end.table_option"): option_name(lang, item.option.value),
                text(lang, "dead_end.table_route"): text(lang, f"dead_end.routes.{item.route.value}"),
                text(lang, "dead_end.table_net_cost"): (
                    money(item.net_cost_eur, lang) if item.available else unavailable
                ),
                text(lang, "dead_end.table_without_compensation"): (
                    money(item.net_cost_without_compensation_eur, lang) if item.available else unavailable
                ),
                text(lang, "dead_end.table_exit"): (
                    text(lang, "units.month", value=item.exit_month)
                    if item.exit_month is not None
                    else text(lang, "dead_end.exit_none")
                ),
                text(lang, "dead_end.table_notice"): _notice(item, lang),
                text(lang, "dead_end.table_payment"): _payment(item, lang),
            }
        )
    return pd.DataFrame(rows)


def payment_steps(
    payment: ExitPayment, year: int, lang: Lang, cap_to_verify: bool, settlement: OptionResult | None = None
) -> list[str]:
    """The transition payment at the job-to-job exit step by step, then what the settlement uses."""
    monthly = money(payment.monthly_salary_eur, lang, cents=True)
    years = number(payment.service_years, lang, 2)
    tail: list[str] = []
    if payment.pension_age_reached:
        tail.append(text(lang, "dead_end.tv_pension"))
    if settlement is not None and settlement.settlement_eur is not None:
        own = (
            text(lang, "dead_end.tv_settlement_own")
            if settlement.settlement_eur != payment.amount_eur
            else ""
        )
        tail.append(
            text(lang, "dead_end.tv_settlement", amount=money(settlement.settlement_eur, lang), own=own)
        )
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
        *tail,
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
