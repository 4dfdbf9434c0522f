"""The dead-end track ("doodlopend spoor"): four options for an employee with no future in the role.

Notes
-----
docs/dead-end-model.md §3 is the specification; each function below cites its part. The options
are compared on the present value of the employer's *net cost*: everything paid for and because
of the employee, minus the value of the work they deliver, over the scenario's horizon. Each option
says how the contract ends and on what legal ground (:mod:`calculators.dead_end.contract_end`); an option
without a lawful route is modelled as the settlement that really happens, or marked unavailable
with its reason, and is then never the cheapest.

Legal figures (transition payment, notice periods, state pension age, UWV compensation) come from
the rules of the scenario's year (``content/rules/<year>.yaml``). Sources (sources.yaml ids): the
redeployment duty and the reasonable ground, art. 7:669 BW (bw_7_669); training needed to keep the
contract when the function lapses, art. 7:611a lid 1 (bw_7_611a); the shortened notice, art. 7:672
lid 4 (bw_7_672); settlements, art. 7:670b (bw_7_670b); no transition payment at state pension age,
art. 7:673 lid 7 (bw_7_673_lid7); 6 weeks of sick pay after it, art. 7:629 lid 2 (bw_7_629,
stb_2023_169); UWV's compensation after illness, art. 7:673e (bw_7_673e); deducting employability
costs (stb_2015_171, stb_2020_188: never redeployment or current-job training); costs of illness per
day (mkbservicedesk_verzuim).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from calculators.dead_end.contract_end import (
    Ending,
    Route,
    aow_month,
    lead_months,
    notice_months,
    permit_ending,
    settlement_ending,
    sick_pay_months_after_aow,
)
from calculators.dead_end.transition_payment import (
    CostItem,
    CostPurpose,
    CostVerdict,
    SalaryBase,
    judge_cost,
    transition_payment_for_years,
)
from calculators.money.cashflows import monthly_cash_flows
from calculators.money.discounting import discount_factors
from calculators.money.retention import monthly_hazard
from calculators.rules import YearRules, rules_for
from calculators.scenario.io import validate
from calculators.scenario.model import RoleOutlook, Scenario, TrainingKind
from calculators.scenario.wages import loaded_monthly_wage

__all__ = [
    "COMPONENTS",
    "DeadEndComparison",
    "ExitPayment",
    "Option",
    "OptionResult",
    "Route",
    "Sensitivity",
    "compare_options",
    "job_to_job_payment",
    "notice_months",
]

FloatArray = npt.NDArray[np.float64]
ILLNESS_MONTHS = 24  # 104 weeks of sick pay (rules: sick_pay_weeks), in months

COMPONENTS = (
    "wages",
    "output",
    "sickness",
    "training",
    "procedure",
    "transition_payment",
    "settlement",
    "hiring_avoided",
)
_ILLNESS_TV = "illness_transition_payment"  # kept apart: UWV compensates it under art. 7:673e BW


class Option(StrEnum):
    """The four options of docs/dead-end-model.md §3.2."""

    KEEP = "keep"
    RETRAIN_INTERNAL = "retrain_internal"
    JOB_TO_JOB = "job_to_job"
    DISMISS = "dismiss"


@dataclass(frozen=True, slots=True)
class OptionResult:
    """One option: its discounted net cost by component (positive = cost), its route and legal notes."""

    option: Option
    net_cost_eur: float  # with UWV's compensation after illness, as the law stands (art. 7:673e BW)
    net_cost_without_compensation_eur: float  # the same if UWV did not compensate (bill 36 869)
    components: dict[str, float]
    route: Route
    available: bool
    unavailable_reason: str | None  # key under dead_end.unavailable in content/i18n
    procedure_months: int  # UWV's procedure before notice (0 for a settlement or no ending)
    notice_months: int | None  # statutory notice, by service when it is given (None: no ending)
    notice_served_months: int | None  # after the shortening (permit) or as agreed (settlement)
    exit_month: int | None  # the month the contract ends (success branch), None when it does not
    transition_payment_eur: float  # statutory, at exit, before deduction, discounting and weighting
    deduction_eur: float  # training costs deducted (a settlement: the employer's opening position)
    settlement_eur: float | None  # the amount agreed in a settlement (None: no settlement)
    settlement_assumed: bool  # True when the amount is the default rule's, not one the user entered
    settlement_weight: float  # euros of net cost per euro of settlement (discount × chance still employed)
    notes: tuple[str, ...]  # keys under dead_end.notes in content/i18n


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """How far one assumption must move, within its allowed range, before the cheapest option changes."""

    field: str
    current: float
    lower: float | None  # below this value another option is cheapest (None: not within range)
    upper: float | None  # above this value another option is cheapest


@dataclass(frozen=True, slots=True)
class DeadEndComparison:
    """The four options, the cheapest available one, its margin and how robust the order is."""

    options: tuple[OptionResult, ...]
    cheapest: Option  # the cheapest *available* option
    runner_up: Option  # the next available option
    margin_eur: float  # runner-up's net cost minus the cheapest's
    cheapest_without_compensation: Option  # the same choice if UWV did not compensate after illness
    settlement_limit_eur: (
        float | None
    )  # cheapest is a settlement: the amount at which it stops being cheapest
    sensitivities: tuple[Sensitivity, ...]
    rules_year: int
    to_verify: tuple[str, ...]

    def option(self, which: Option) -> OptionResult:
        """The result of one option."""
        return next(item for item in self.options if item.option is which)

    @property
    def robust(self) -> bool:
        """True when no single assumption within its allowed range changes the cheapest option."""
        return all(item.lower is None and item.upper is None for item in self.sensitivities)


@dataclass(frozen=True, slots=True)
class _Setting:
    """Quantities every option shares (docs/dead-end-model.md §3.1)."""

    horizon: int
    months: npt.NDArray[np.int64]
    discount: FloatArray
    wage: float
    output_full: float
    old_role_output: FloatArray  # declining role: Vm (1 − gap(m)) before the role ends, 0 after
    healthy: FloatArray  # Hl(m): not fallen ill up to and including month m
    illness_before_aow: FloatArray  # P(s) for illnesses starting before the state pension age
    illness_after_aow: FloatArray  # P(s) for illnesses starting at or after it
    sick_cost_by_month_of_illness: FloatArray  # k = 0 … 23, before the replacement's output
    sick_months_after_aow: int
    cover_delivers_output: bool
    rules: YearRules
    compensated: bool  # UWV reimburses the transition payment after illness (art. 7:673e BW)
    aow_month: int | None
    settlement_assumed: bool  # no settlement amount entered: each settlement uses its default rule


def _setting(s: Scenario, rules: YearRules) -> _Setting:
    de = s.dead_end
    horizon = s.horizon_months
    months = np.arange(1, horizon + 1, dtype=np.int64)
    wage = loaded_monthly_wage(s.employee)
    output_full = wage * s.employee.output_value_ratio
    gap = np.minimum(1.0, de.productivity_gap + de.productivity_gap_growth * (months - 1) / 12.0)
    old_role = np.where(months < de.role_end_month, output_full * (1.0 - gap), 0.0)
    hazard = monthly_hazard(de.sickness_annual_probability)
    # Healthy through month m: (1 − h)^m; an illness starting in month s: (1 − h)^(s−1) × h. The month an
    # illness starts is its month k = 0, so each month's weights add up to one (§3.1).
    healthy = np.asarray((1.0 - hazard) ** months.astype(np.float64), dtype=np.float64)
    illness_start = np.asarray((1.0 - hazard) ** (months - 1.0), dtype=np.float64) * hazard
    pension = aow_month(rules, s.employee.age, horizon)
    before = months < (pension if pension is not None else horizon + 1)
    k = np.arange(ILLNESS_MONTHS)
    share = np.where(k < 12, de.sick_pay_year1, de.sick_pay_year2)
    sick_cost = (share + de.sickness_replacement_share) * wage + de.reintegration_cost_per_month_eur
    return _Setting(
        horizon=horizon,
        months=months,
        discount=discount_factors(s.company.discount_rate_annual, horizon),
        wage=wage,
        output_full=output_full,
        old_role_output=old_role,
        healthy=healthy,
        illness_before_aow=np.where(before, illness_start, 0.0),
        illness_after_aow=np.where(before, 0.0, illness_start),
        sick_cost_by_month_of_illness=sick_cost,
        sick_months_after_aow=sick_pay_months_after_aow(rules),
        cover_delivers_output=de.sickness_replacement_share > 0,
        rules=rules,
        compensated=rules.value("uwv_compensation_after_illness") == "all_employers",
        aow_month=pension,
        settlement_assumed=de.settlement_amount_eur is None,
    )


def _salary(s: Scenario) -> SalaryBase:
    de = s.dead_end
    return SalaryBase(
        gross_monthly_eur=s.employee.gross_monthly_salary_eur,
        holiday_allowance_rate=s.employee.holiday_allowance_rate,
        fixed_year_end_eur=de.fixed_year_end_eur,
        fixed_components_12m_eur=de.fixed_components_12m_eur,
        variable_components_3y_eur=de.variable_components_3y_eur,
    )


def _service_years(s: Scenario, month: int) -> float:
    return s.employee.years_of_service + (month - 1) / 12.0


def _service_at(s: Scenario) -> Callable[[int], float]:
    return lambda month: _service_years(s, month)


def _pension_reached(s: Scenario, rules: YearRules, month: int) -> bool:
    """At or after the state pension age in ``month`` (the first month without a contract)."""
    return _first_pension_month(rules.year, s.employee.age) <= month


@lru_cache(maxsize=256)
def _first_pension_month(year: int, age: int) -> int:
    reached = aow_month(rules_for(year), age, 12 * 60)
    return reached if reached is not None else 12 * 60 + 1


def _tv(s: Scenario, rules: YearRules, month: int, deductible: float = 0.0) -> tuple[float, float]:
    """Transition payment if the contract ends at the start of ``month``: (amount, deduction).
    Nothing at or after the state pension age (art. 7:673 lid 7 BW)."""
    if _pension_reached(s, rules, month):
        return 0.0, 0.0
    amount, before_deduction, _, _ = transition_payment_for_years(
        _salary(s).monthly_eur, _service_years(s, month), rules, deductible
    )
    return amount, before_deduction - amount


def _shifted(values: FloatArray, by: int) -> FloatArray:
    return np.concatenate((np.zeros(by), values))[: len(values)]


def _employment(
    s: Scenario, st: _Setting, employed_until: int, output: FloatArray
) -> tuple[dict[str, FloatArray], FloatArray]:
    """Monthly wages, output, sickness lines for employment in months 1 … employed_until, and the
    chance of still being employed (not dismissed after illness) per month (§3.1).

    An illness that starts before the state pension age runs 24 months of sick pay, then the
    contract ends with a transition payment (kept apart as ``illness_transition_payment``: UWV
    compensates it); one that starts at or after it runs 6 weeks (rounded to 1 month) and ends without one.
    """
    h = st.horizon
    employed = (st.months <= employed_until).astype(np.float64)
    before, after = st.illness_before_aow, st.illness_after_aow
    short = st.sick_months_after_aow
    # Σ_k P(m − k) × cost(k) and Σ_k P(m − k): illnesses running in month m
    running_cost = (
        np.convolve(before, st.sick_cost_by_month_of_illness)[:h]
        + np.convolve(after, st.sick_cost_by_month_of_illness[:short])[:h]
    )
    running = np.convolve(before, np.ones(ILLNESS_MONTHS))[:h] + np.convolve(after, np.ones(short))[:h]
    delivered = st.healthy + (running if st.cover_delivers_output else 0.0)
    ended_with_payment = _shifted(before, ILLNESS_MONTHS)  # P(m − 24)
    ended = ended_with_payment + _shifted(after, short)
    still_employed = 1.0 - np.concatenate(([0.0], np.cumsum(ended)[:-1]))
    illness_tv = np.zeros(h)
    for index in np.flatnonzero(ended_with_payment > 0):
        illness_tv[index] = ended_with_payment[index] * _tv(s, st.rules, int(index) + 1)[0]
    lines = {
        "wages": employed * st.healthy * st.wage,
        "output": -employed * delivered * output,
        "sickness": employed * running_cost,
        _ILLNESS_TV: employed * illness_tv,
    }
    return lines, still_employed


def _pv(st: _Setting, lines: dict[str, FloatArray]) -> dict[str, float]:
    result = dict.fromkeys((*COMPONENTS, _ILLNESS_TV), 0.0)
    for name, values in lines.items():
        result[name] += float(np.sum(st.discount * values))
    return result


def _at(st: _Setting, month: int, amount: float) -> FloatArray:
    line = np.zeros(st.horizon)
    if 1 <= month <= st.horizon:
        line[month - 1] = amount
    return line


def _training_lines(s: Scenario) -> FloatArray:
    """Direct costs in the first month, wage and lost output over the training, minus subsidies —
    the money model's own training-cost line (docs/money-model.md §3), so both models agree."""
    return monthly_cash_flows(s).training_costs


def _mix(success: dict[str, float], failure: dict[str, float], q: float) -> dict[str, float]:
    return {name: (1 - q) * success[name] + q * failure[name] for name in success}


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What an option builder returns before the shared bookkeeping."""

    pv: dict[str, float]  # components plus the illness transition payment
    route: Route
    ending: Ending | None
    transition_payment_eur: float = 0.0
    deduction_eur: float = 0.0
    settlement_eur: float | None = None
    settlement_weight: float = 0.0
    unavailable_reason: str | None = None
    notes: tuple[str, ...] = ()


def _result(option: Option, st: _Setting, outcome: _Outcome) -> OptionResult:
    """Net cost with and without UWV's compensation; the route's months from its ending."""
    illness_tv = outcome.pv[_ILLNESS_TV]
    components = {name: outcome.pv[name] for name in COMPONENTS}
    if not st.compensated:
        components["sickness"] += illness_tv
    net = sum(components.values())
    ending = outcome.ending
    return OptionResult(
        option=option,
        net_cost_eur=net,
        net_cost_without_compensation_eur=net + (illness_tv if st.compensated else 0.0),
        components=components,
        route=outcome.route,
        available=outcome.unavailable_reason is None,
        unavailable_reason=outcome.unavailable_reason,
        procedure_months=ending.procedure_months if ending else 0,
        notice_months=ending.notice_months if ending else None,
        notice_served_months=ending.notice_served_months if ending else None,
        exit_month=ending.exit_month if ending else None,
        transition_payment_eur=outcome.transition_payment_eur,
        deduction_eur=outcome.deduction_eur,
        settlement_eur=outcome.settlement_eur,
        settlement_assumed=outcome.settlement_eur is not None and st.settlement_assumed,
        settlement_weight=outcome.settlement_weight,
        notes=(*outcome.notes, "compensation_uncertain") if illness_tv > 0 else outcome.notes,
    )


def _permit(s: Scenario, st: _Setting, ending: Ending, output: FloatArray) -> tuple[dict[str, float], float]:
    """A dismissal with UWV's permission that may fail (§3.2): with chance q UWV refuses (for
    instance because redeployment with training was not offered, art. 7:669 lid 1 BW), the procedure
    cost is lost and the employee stays to the horizon. Returns the mixed present values and the
    statutory transition payment at exit."""
    de = s.dead_end
    lines, still = _employment(s, st, ending.exit_month - 1, output)
    weight_start = float(still[ending.start_month - 1]) if ending.start_month <= st.horizon else 0.0
    procedure = _at(st, ending.start_month, de.dismissal_procedure_cost_eur * weight_start)
    lines["procedure"] = procedure
    tv = _tv(s, st.rules, ending.exit_month)[0] if ending.exit_month <= st.horizon else 0.0
    if ending.exit_month <= st.horizon:
        lines["transition_payment"] = _at(st, ending.exit_month, tv * still[ending.exit_month - 1])
    success = _pv(st, lines)
    stay, _ = _employment(s, st, st.horizon, output)
    stay["procedure"] = procedure
    failure = _pv(st, stay)
    return _mix(success, failure, de.dismissal_failure_probability), tv


_PERMIT_NOTES = (
    "permit_route",
    "notice_shortened",
    "dismissal_may_fail",
    "selection_rule",
    "illness_notice_ban",
)


def _tv_notes(s: Scenario, st: _Setting, ending: Ending) -> tuple[str, ...]:
    if _pension_reached(s, st.rules, ending.exit_month):
        return ("no_tv_at_pension_age",)
    return ("transition_payment_owed", "cao_may_replace")


def _permit_outcome(s: Scenario, st: _Setting, earliest_start: int, first_note: str) -> _Outcome:
    """A dismissal with UWV's permission for the lapsing role, asked no earlier than ``earliest_start``
    (§2): the ending, the mixed present values and the notes; shared by options 1 and 4."""
    ending = permit_ending(
        st.rules,
        _service_at(s),
        earliest_start=earliest_start,
        role_end_month=s.dead_end.role_end_month,
        procedure_months=s.dead_end.dismissal_procedure_months,
    )
    pv, tv = _permit(s, st, ending, st.old_role_output)
    notes = (first_note, *_PERMIT_NOTES, *_tv_notes(s, st, ending), "dismiss_no_deduction")
    return _Outcome(pv, Route.UWV_PERMIT, ending, transition_payment_eur=tv, notes=notes)


def _keep(s: Scenario, st: _Setting) -> _Outcome:
    """Option 1 (§3.2): the declining role; when it lapses within the horizon, a dismissal with
    UWV's permission asked ahead of the lapse, so the contract ends when the role does."""
    role_end = s.dead_end.role_end_month
    if role_end > st.horizon:
        lines, _ = _employment(s, st, st.horizon, st.old_role_output)
        return _Outcome(_pv(st, lines), Route.NONE, None, notes=("keep_no_end",))
    return _permit_outcome(s, st, role_end - lead_months(st.rules), "keep_role_ends")


def _retrain(s: Scenario, st: _Setting) -> _Outcome:
    """Option 2 (§3.2): training, then productive in another internal role; no dismissal.

    Only when the scenario says there is such a role; the hiring cost it avoids counts only when the
    scenario says the employee fills a vacancy (benefits.vacancy). Never deductible: it is the
    redeployment the law asks (art. 7:669 lid 1, 7:611a lid 1 BW; Stb. 2020, 188)."""
    end = s.training.end_month
    ramp_months = s.benefits.ramp_up_months
    since = st.months - end
    ramp = np.ones(st.horizon) if ramp_months == 0 else np.minimum(1.0, np.maximum(since, 0) / ramp_months)
    output = np.where(st.months <= end, st.old_role_output, st.output_full * ramp)
    lines, still = _employment(s, st, st.horizon, output)
    lines["training"] = _training_lines(s)
    vacancy = s.benefits.vacancy
    if vacancy.filled_internally:
        month = vacancy.month
        lines["hiring_avoided"] = -_at(st, month, vacancy.avoided_hiring_cost_eur * still[month - 1])
    notes: tuple[str, ...] = ("retrain_redeployment_duty", "retrain_not_deductible")
    if not vacancy.filled_internally:
        notes = (*notes, "retrain_no_vacancy")
    reason = None if s.dead_end.internal_role_available else "no_internal_role"
    return _Outcome(_pv(st, lines), Route.NONE, None, unavailable_reason=reason, notes=notes)


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
    monthly = _salary(s).monthly_eur
    years = _service_years(s, leave + 1)
    amount, before_deduction, cap, capped = transition_payment_for_years(
        monthly, years, rules, verdict.deductible_eur
    )
    pension = _pension_reached(s, rules, leave + 1)
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


def _job_to_job(s: Scenario, st: _Setting) -> _Outcome:
    """Option 3 (§3.2): training for a job elsewhere, then leaving by a settlement at the agreed
    month. The amount is what the employee agrees to: the scenario's settlement amount, or by
    default the transition payment less the deductible training costs (the employer's opening
    position)."""
    de = s.dead_end
    leave = de.exit_month
    lines, still = _employment(s, st, leave, st.old_role_output)
    lines["training"] = _training_lines(s)
    lines["procedure"] = _at(st, leave, de.mutual_procedure_cost_eur * still[leave - 1])
    payment = job_to_job_payment(s)
    amount = payment.amount_eur if de.settlement_amount_eur is None else de.settlement_amount_eur
    weight = float(still[leave]) if leave < st.horizon else 0.0
    lines["settlement"] = _at(st, payment.month, amount * weight)
    # agreed in time for the statutory notice to be respected (the employee's unemployment benefit),
    # which an exit early in the horizon may not allow: then a note says so
    notice = notice_months(st.rules, _service_years(s, leave))
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
    return _Outcome(
        _pv(st, lines),
        Route.SETTLEMENT,
        ending,
        transition_payment_eur=payment.before_deduction_eur,
        # the deduction is an opening position: an amount agreed by the user replaces it
        deduction_eur=payment.deduction_eur if de.settlement_amount_eur is None else 0.0,
        settlement_eur=amount,
        settlement_weight=weight * float(st.discount[leave]) if leave < st.horizon else 0.0,
        notes=notes,
    )


def _dismiss(s: Scenario, st: _Setting) -> _Outcome:
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
    ending = settlement_ending(st.rules, _service_at(s), agreed_month=1)
    exit_month = ending.exit_month
    lines, still = _employment(s, st, exit_month - 1, output)
    lines["procedure"] = _at(st, 1, de.mutual_procedure_cost_eur)
    tv = _tv(s, st.rules, exit_month)[0] if exit_month <= st.horizon else 0.0
    amount = tv if de.settlement_amount_eur is None else de.settlement_amount_eur
    weight = 0.0
    if exit_month <= st.horizon:
        weight = float(still[exit_month - 1] * st.discount[exit_month - 1])
        lines["settlement"] = _at(st, exit_month, amount * still[exit_month - 1])
    notes: tuple[str, ...] = (
        "dismiss_no_ground",
        *_SETTLEMENT_NOTES,
        "settlement_often_above_tv",
        "dismiss_no_deduction",
    )
    if _pension_reached(s, st.rules, exit_month):
        notes = (*notes, "no_tv_at_pension_age")
    return _Outcome(
        _pv(st, lines),
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


_BUILDERS: tuple[tuple[Option, Callable[[Scenario, _Setting], _Outcome]], ...] = (
    (Option.KEEP, _keep),
    (Option.RETRAIN_INTERNAL, _retrain),
    (Option.JOB_TO_JOB, _job_to_job),
    (Option.DISMISS, _dismiss),
)


def _options(s: Scenario) -> tuple[OptionResult, ...]:
    rules = rules_for(s.company.rules_year)
    st = _setting(s, rules)
    return tuple(_result(option, st, build(s, st)) for option, build in _BUILDERS)


def _ranked(options: tuple[OptionResult, ...], *, compensated: bool = True) -> list[OptionResult]:
    """The available options, cheapest first (an unavailable option is never ranked)."""
    available = [item for item in options if item.available]
    if compensated:
        return sorted(available, key=lambda item: item.net_cost_eur)
    return sorted(available, key=lambda item: item.net_cost_without_compensation_eur)


def _cheapest(options: tuple[OptionResult, ...]) -> Option:
    return _ranked(options)[0].option


# The assumptions whose movement could change the order, with how to set each in a scenario.
_LEVERS: dict[str, Callable[[Scenario, float], Scenario]] = {
    "dead_end.dismissal_failure_probability": lambda s, x: replace(
        s, dead_end=replace(s.dead_end, dismissal_failure_probability=x)
    ),
    "dead_end.sickness_annual_probability": lambda s, x: replace(
        s, dead_end=replace(s.dead_end, sickness_annual_probability=x)
    ),
    "dead_end.productivity_gap_growth": lambda s, x: replace(
        s, dead_end=replace(s.dead_end, productivity_gap_growth=x)
    ),
    "dead_end.role_end_month": lambda s, x: replace(s, dead_end=replace(s.dead_end, role_end_month=round(x))),
    "dead_end.exit_month": lambda s, x: replace(s, dead_end=replace(s.dead_end, exit_month=round(x))),
    "training.course_fees_eur": lambda s, x: replace(s, training=replace(s.training, course_fees_eur=x)),
}


def _lever_range(s: Scenario, field: str) -> tuple[float, float, bool]:
    """Allowed range of a lever in this scenario, and whether it takes whole numbers."""
    from calculators.scenario.fields import field_spec  # late: fields imports rules, which this module uses

    spec = field_spec(field)
    low, high = float(spec.minimum or 0.0), float(spec.maximum or 0.0)
    if field == "dead_end.exit_month":
        low, high = float(s.training.end_month + 1), float(s.horizon_months - 1)
    if field == "dead_end.role_end_month":
        high = float(s.horizon_months + 1)  # beyond that nothing changes
    if field == "training.course_fees_eur":
        high = max(s.training.course_fees_eur * 5, 10000.0)  # a realistic span, not the 100k ceiling
    return low, high, spec.type == "int"


def _crossing(cheapest_at: Callable[[float], Option], inside: float, outside: float, whole: bool) -> float:
    """The value between ``inside`` (current cheapest holds) and ``outside`` (it does not) where it flips."""
    current = cheapest_at(inside)
    for _ in range(40):
        if whole and abs(outside - inside) <= 1:
            break
        middle = (inside + outside) / 2
        if whole:
            middle = float(round(middle))
            if middle in (inside, outside):
                break
        if cheapest_at(middle) is current:
            inside = middle
        else:
            outside = middle
        if not whole and abs(outside - inside) < 1e-6 * max(1.0, abs(outside)):
            break
    return outside


def _sensitivity(s: Scenario, field: str, current_value: float, cheapest: Option) -> Sensitivity:
    low, high, whole = _lever_range(s, field)
    setter = _LEVERS[field]

    def cheapest_at(x: float) -> Option:
        return _cheapest(_options(setter(s, x)))

    grid_size = 9
    below: float | None = None
    above: float | None = None
    points = np.linspace(low, high, grid_size)
    lower_points = [x for x in points if x < current_value][::-1]
    upper_points = [x for x in points if x > current_value]
    previous = current_value
    for x in lower_points:
        if cheapest_at(float(x)) is not cheapest:
            below = _crossing(cheapest_at, previous, float(x), whole)
            break
        previous = float(x)
    previous = current_value
    for x in upper_points:
        if cheapest_at(float(x)) is not cheapest:
            above = _crossing(cheapest_at, previous, float(x), whole)
            break
        previous = float(x)
    return Sensitivity(field, current_value, below, above)


def _current(s: Scenario, field: str) -> float:
    section, name = field.split(".")
    return float(getattr(getattr(s, section), name))


def compare_options(scenario: Scenario, *, with_sensitivity: bool = True) -> DeadEndComparison:
    """Compare the four options for this employee (docs/dead-end-model.md §3).

    >>> from calculators.scenario.io import load_scenario_json
    >>> from calculators.content import CONTENT_DIR
    >>> s = load_scenario_json((CONTENT_DIR / "examples" / "warehouse_dead_end.json").read_bytes())
    >>> result = compare_options(s, with_sensitivity=False)
    >>> [item.option.value for item in result.options]
    ['keep', 'retrain_internal', 'job_to_job', 'dismiss']

    The scenario is checked as a dead-end case whatever its role outlook (the job-to-job exit must lie
    after the training and before the horizon's end); an invalid one raises
    :class:`~calculators.errors.ScenarioError`.
    """
    validate(replace(scenario, employee=replace(scenario.employee, role_outlook=RoleOutlook.DEAD_END)))
    options = _options(scenario)
    ranked = _ranked(options)
    cheapest = ranked[0].option
    sensitivities: tuple[Sensitivity, ...] = ()
    if with_sensitivity:
        sensitivities = tuple(
            _sensitivity(scenario, field, _current(scenario, field), cheapest)
            for field in _LEVERS
            if field != "dead_end.exit_month"
            or scenario.training.end_month + 1 <= scenario.horizon_months - 1
        )
    rules = rules_for(scenario.company.rules_year)
    return DeadEndComparison(
        options=options,
        cheapest=cheapest,
        runner_up=ranked[1].option,
        margin_eur=ranked[1].net_cost_eur - ranked[0].net_cost_eur,
        cheapest_without_compensation=_ranked(options, compensated=False)[0].option,
        settlement_limit_eur=_settlement_limit(ranked),
        sensitivities=sensitivities,
        rules_year=rules.year,
        to_verify=_to_verify(scenario, options, rules),
    )


def _settlement_limit(ranked: list[OptionResult]) -> float | None:
    """When the cheapest option is a settlement, the amount at which it would cost as much as the next
    option: its net cost is linear in the amount, with slope ``settlement_weight`` (§3.2), so
    ``limit = amount + margin / weight``. None when the cheapest is no settlement."""
    cheapest, runner_up = ranked[0], ranked[1]
    if cheapest.settlement_eur is None or cheapest.settlement_weight <= 0:
        return None
    return (
        cheapest.settlement_eur
        + (runner_up.net_cost_eur - cheapest.net_cost_eur) / cheapest.settlement_weight
    )


def _to_verify(s: Scenario, options: tuple[OptionResult, ...], rules: YearRules) -> tuple[str, ...]:
    """The rules behind this answer that rest on a secondary source only (shown "to verify")."""
    keys = ["transition_payment_cap_eur", "transition_payment_pro_rata"]
    if any(item.route is Route.UWV_PERMIT for item in options):
        keys.append("uwv_ahead_of_lapse_weeks")
    if s.dead_end.sickness_annual_probability > 0:
        keys.append("uwv_compensation_bill_36869")
    if aow_month(rules, s.employee.age, s.horizon_months) is not None:
        keys.append("aow_age_by_year")
    return tuple(key for key in keys if rules[key].to_verify)
