"""The four dead-end options and how each contract ends: keep, retrain inside, job to job, dismiss
(docs/dead-end-model.md §3; art. 7:669, 7:611a, 7:670b, 7:672, 7:673 BW)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from calculators.dead_end.contract_end import (
    Ending,
    Route,
    lead_months,
    notice_months,
    permit_ending,
    settlement_ending,
)
from calculators.dead_end.results import Option
from calculators.dead_end.setting import (
    Outcome,
    Setting,
    employment_lines,
    mixed,
    one_off,
    pension_reached,
    present_values,
    salary_base,
    service_at,
    service_years,
    transition_payment_at,
)
from calculators.dead_end.transition_payment import (
    CostItem,
    CostPurpose,
    CostVerdict,
    judge_cost,
    transition_payment_for_years,
)
from calculators.rules import rules_for
from calculators.scenario.model import Scenario, TrainingKind

__all__ = [
    "BUILDERS",
    "ExitPayment",
    "job_to_job_payment",
]

FloatArray = npt.NDArray[np.float64]


def _permit(s: Scenario, st: Setting, ending: Ending, output: FloatArray) -> tuple[dict[str, float], float]:
    """A dismissal with UWV's permission that may fail (§3.2): with chance q UWV refuses (for
    instance because redeployment with training was not offered, art. 7:669 lid 1 BW), the procedure
    cost is lost and the employee stays to the horizon. Returns the mixed present values and the
    statutory transition payment at exit."""
    de = s.dead_end
    lines, still = employment_lines(st, ending.exit_month - 1, output)
    weight_start = float(still[ending.start_month - 1]) if ending.start_month <= st.horizon else 0.0
    procedure = one_off(st, ending.start_month, de.dismissal_procedure_cost_eur * weight_start)
    lines["procedure"] = procedure
    tv = transition_payment_at(s, st.rules, ending.exit_month)[0] if ending.exit_month <= st.horizon else 0.0
    if ending.exit_month <= st.horizon:
        lines["transition_payment"] = one_off(st, ending.exit_month, tv * still[ending.exit_month - 1])
    success = present_values(st, lines)
    stay, _ = employment_lines(st, st.horizon, output)
    stay["procedure"] = procedure
    failure = present_values(st, stay)
    return mixed(success, failure, de.dismissal_failure_probability), tv


_PERMIT_NOTES = (
    "permit_route",
    "notice_shortened",
    "dismissal_may_fail",
    "selection_rule",
    "illness_notice_ban",
)


def _tv_notes(s: Scenario, st: Setting, ending: Ending) -> tuple[str, ...]:
    if pension_reached(s, st.rules, ending.exit_month):
        return ("no_tv_at_pension_age",)
    return ("transition_payment_owed", "cao_may_replace")


def _permit_outcome(s: Scenario, st: Setting, earliest_start: int, first_note: str) -> Outcome:
    """A dismissal with UWV's permission for the lapsing role, asked no earlier than ``earliest_start``
    (§2): the ending, the mixed present values and the notes; shared by options 1 and 4."""
    ending = permit_ending(
        st.rules,
        service_at(s),
        earliest_start=earliest_start,
        role_end_month=s.dead_end.role_end_month,
        procedure_months=s.dead_end.dismissal_procedure_months,
    )
    pv, tv = _permit(s, st, ending, st.old_role_output)
    notes = (first_note, *_PERMIT_NOTES, *_tv_notes(s, st, ending), "dismiss_no_deduction")
    return Outcome(pv, Route.UWV_PERMIT, ending, transition_payment_eur=tv, notes=notes)


def _keep(s: Scenario, st: Setting) -> Outcome:
    """Option 1 (§3.2): the declining role; when it lapses within the horizon, a dismissal with
    UWV's permission asked ahead of the lapse, so the contract ends when the role does."""
    role_end = s.dead_end.role_end_month
    if role_end > st.horizon:
        lines, _ = employment_lines(st, st.horizon, st.old_role_output)
        return Outcome(present_values(st, lines), Route.NONE, None, notes=("keep_no_end",))
    return _permit_outcome(s, st, role_end - lead_months(st.rules), "keep_role_ends")


def _retrain(s: Scenario, st: Setting) -> Outcome:
    """Option 2 (§3.2): training, then productive in another internal role; no dismissal.

    Only when the scenario says there is such a role; the hiring cost it avoids counts only when the
    scenario says the employee fills a vacancy (benefits.vacancy). Never deductible: it is the
    redeployment the law asks (art. 7:669 lid 1, 7:611a lid 1 BW; Stb. 2020, 188)."""
    end = s.training.end_month
    ramp_months = s.benefits.ramp_up_months
    since = st.months - end
    ramp = np.ones(st.horizon) if ramp_months == 0 else np.minimum(1.0, np.maximum(since, 0) / ramp_months)
    output = np.where(st.months <= end, st.old_role_output, st.output_full * ramp)
    lines, still = employment_lines(st, st.horizon, output)
    lines["training"] = st.training
    vacancy = s.benefits.vacancy
    if vacancy.filled_internally:
        month = vacancy.month
        lines["hiring_avoided"] = -one_off(st, month, vacancy.avoided_hiring_cost_eur * still[month - 1])
    notes: tuple[str, ...] = ("retrain_redeployment_duty", "retrain_not_deductible")
    if not vacancy.filled_internally:
        notes = (*notes, "retrain_no_vacancy")
    reason = None if s.dead_end.internal_role_available else "no_internal_role"
    return Outcome(present_values(st, lines), Route.NONE, None, unavailable_reason=reason, notes=notes)


@dataclass(frozen=True, slots=True)
class ExitPayment:
    """The transition payment when leaving job to job, step by step (docs/dead-end-model.md §1.3).

    Under a settlement it is not owed by law: it is the usual starting point of the negotiation, and
    the deduction of training costs is the employer's opening position, no more (§3.2)."""

    month: int  # the first month without contract
    monthly_salary_eur: float
    service_years: float
    before_cap_eur: float
    cap_eur: float
    capped: bool
    before_deduction_eur: float
    deduction_eur: float
    amount_eur: float
    verdict: CostVerdict  # the training's direct costs judged against the deduction conditions
    pension_age_reached: bool  # at or after the state pension age: no transition payment at all


# In the dead-end comparison a training for another role in the firm is redeployment (art. 7:669
# lid 1, 7:611a lid 1 BW), which is never deductible (Stb. 2020, 188, art. 3 sub a).
_PURPOSE = {
    TrainingKind.EXTERNAL_JOB: CostPurpose.OUTSIDE_EMPLOYER,
    TrainingKind.INTERNAL_BROADENING: CostPurpose.REDEPLOYMENT,
    TrainingKind.CURRENT_JOB: CostPurpose.CURRENT_JOB,
    TrainingKind.MANDATORY: CostPurpose.CURRENT_JOB,
}


def job_to_job_payment(s: Scenario) -> ExitPayment:
    """The transition payment at the agreed exit, less the training costs that may be deducted:
    only the part the employer bore itself (not a fund's or subsidy's), only with the employee's
    written consent given before the costs were made, never for redeployment or the current job."""
    rules = rules_for(s.company.rules_year)
    t = s.training
    leave = s.dead_end.exit_month
    reference = dt.date(rules.year, 1, 1)
    item = CostItem(
        description="training",
        amount_eur=t.direct_costs_eur,
        incurred_on=_month_date(reference, t.start_month),
        purpose=_PURPOSE[t.kind],
        paid_by_third_party_eur=min(t.direct_costs_eur, t.subsidies_eur),
        specified_in_writing=s.dead_end.written_consent,
        consent_in_writing=s.dead_end.written_consent,
    )
    verdict = judge_cost(item, _month_date(reference, leave + 1) - dt.timedelta(days=1), rules)
    monthly = salary_base(s).monthly_eur
    years = service_years(s, leave + 1)
    amount, before_deduction, cap, capped = transition_payment_for_years(
        monthly, years, rules, verdict.deductible_eur
    )
    pension = pension_reached(s, rules, leave + 1)
    if pension:
        amount = before_deduction = 0.0
    return ExitPayment(
        month=leave + 1,
        monthly_salary_eur=monthly,
        service_years=years,
        before_cap_eur=monthly / float(rules.value("transition_payment_divisor")) * years,
        cap_eur=cap,
        capped=capped,
        before_deduction_eur=before_deduction,
        deduction_eur=before_deduction - amount,
        amount_eur=amount,
        verdict=verdict,
        pension_age_reached=pension,
    )


_SETTLEMENT_NOTES = (
    "settlement_no_ground_needed",
    "settlement_withdrawal",
    "settlement_unemployment_benefit",
)


def _job_to_job(s: Scenario, st: Setting) -> Outcome:
    """Option 3 (§3.2): training for a job elsewhere, then leaving by a settlement at the agreed
    month. The amount is what the employee agrees to: the scenario's settlement amount, or by
    default the transition payment less the deductible training costs (the employer's opening
    position)."""
    de = s.dead_end
    leave = de.exit_month
    lines, still = employment_lines(st, leave, st.old_role_output)
    lines["training"] = st.training
    lines["procedure"] = one_off(st, leave, de.mutual_procedure_cost_eur * still[leave - 1])
    payment = job_to_job_payment(s)
    amount = payment.amount_eur if de.settlement_amount_eur is None else de.settlement_amount_eur
    weight = float(still[leave]) if leave < st.horizon else 0.0
    lines["settlement"] = one_off(st, payment.month, amount * weight)
    # agreed in time for the statutory notice to be respected (the employee's unemployment benefit),
    # which an exit early in the horizon may not allow: then a note says so
    notice = notice_months(st.rules, service_years(s, leave))
    agreed = max(1, payment.month - notice)
    ending = Ending(Route.SETTLEMENT, agreed, 0, notice, payment.month - agreed, payment.month)
    if payment.pension_age_reached:
        deducted = "no_tv_at_pension_age"
    elif payment.verdict.deductible:
        deducted = "job_to_job_deduction"
    else:
        deducted = "job_to_job_no_deduction"
    notes: tuple[str, ...] = ("job_to_job_agreement", *_SETTLEMENT_NOTES, deducted, "resignation_no_tv")
    if ending.notice_served_months < notice:
        notes = (*notes, "settlement_notice_short")
    return Outcome(
        present_values(st, lines),
        Route.SETTLEMENT,
        ending,
        transition_payment_eur=payment.before_deduction_eur,
        # the deduction is an opening position: an amount agreed by the user replaces it
        deduction_eur=payment.deduction_eur if de.settlement_amount_eur is None else 0.0,
        settlement_eur=amount,
        settlement_weight=weight * float(st.discount[leave]) if leave < st.horizon else 0.0,
        notes=notes,
    )


def _dismiss(s: Scenario, st: Setting) -> Outcome:
    """Option 4 (§3.2): end the contract now, without training.

    While the role exists for longer than UWV's lead time there is no reasonable ground (art. 7:669
    BW): the only route is a settlement, agreed in month 1 and ending after the full statutory notice,
    for the amount the employee agrees to (the scenario's, or by default the transition payment).
    When the role lapses within the lead time, UWV's permission may be asked now (as in option 1)."""
    de = s.dead_end
    output = st.old_role_output
    role_end = de.role_end_month
    if role_end <= st.horizon and role_end - 1 <= lead_months(st.rules):
        return _permit_outcome(s, st, 1, "dismiss_permit_now")
    ending = settlement_ending(st.rules, service_at(s), agreed_month=1)
    exit_month = ending.exit_month
    lines, still = employment_lines(st, exit_month - 1, output)
    lines["procedure"] = one_off(st, 1, de.mutual_procedure_cost_eur)
    tv = transition_payment_at(s, st.rules, exit_month)[0] if exit_month <= st.horizon else 0.0
    amount = tv if de.settlement_amount_eur is None else de.settlement_amount_eur
    weight = 0.0
    if exit_month <= st.horizon:
        weight = float(still[exit_month - 1] * st.discount[exit_month - 1])
        lines["settlement"] = one_off(st, exit_month, amount * still[exit_month - 1])
    notes: tuple[str, ...] = (
        "dismiss_no_ground",
        *_SETTLEMENT_NOTES,
        "settlement_often_above_tv",
        "dismiss_no_deduction",
    )
    if pension_reached(s, st.rules, exit_month):
        notes = (*notes, "no_tv_at_pension_age")
    return Outcome(
        present_values(st, lines),
        Route.SETTLEMENT,
        ending,
        transition_payment_eur=tv,
        settlement_eur=amount,
        settlement_weight=weight,
        notes=notes,
    )


def _month_date(reference: dt.date, month: int) -> dt.date:
    index = reference.month - 1 + month - 1
    return dt.date(reference.year + index // 12, index % 12 + 1, 1)


BUILDERS: tuple[tuple[Option, Callable[[Scenario, Setting], Outcome]], ...] = (
    (Option.KEEP, _keep),
    (Option.RETRAIN_INTERNAL, _retrain),
    (Option.JOB_TO_JOB, _job_to_job),
    (Option.DISMISS, _dismiss),
)
