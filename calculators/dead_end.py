"""The dead-end track ("doodlopend spoor"): four options for an employee with no future in the role.

Notes
-----
docs/dead-end-model.md §2 is the specification; each function below cites its part. The options
are compared on the present value of the employer's *net cost*: everything paid for and because
of the employee, minus the value of the work they deliver, over the scenario's horizon.
Legal figures (transition payment, notice periods, UWV compensation) come from the rules of the
scenario's year (``content/rules/<year>.yaml``). Sources: the redeployment duty with training,
art. 7:669 lid 1 BW (sources.yaml: wkadvocaten_herplaatsing); deduction of employability costs
from the transition payment (stb_2015_171, stb_2020_188); sick pay for 104 weeks
(uwv_loondoorbetaling); costs of illness per day (mkbservicedesk_verzuim).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from calculators.cashflows import monthly_cash_flows
from calculators.discounting import discount_factors
from calculators.retention import monthly_hazard
from calculators.rules import YearRules, rules_for
from calculators.scenario import RoleOutlook, Scenario, TrainingKind
from calculators.scenario_io import validate
from calculators.transition_payment import (
    CostItem,
    CostPurpose,
    CostVerdict,
    SalaryBase,
    judge_cost,
    transition_payment_for_years,
)
from calculators.wages import loaded_monthly_wage

__all__ = [
    "COMPONENTS",
    "DeadEndComparison",
    "ExitPayment",
    "Option",
    "OptionResult",
    "Sensitivity",
    "compare_options",
    "job_to_job_payment",
    "notice_months",
]

FloatArray = npt.NDArray[np.float64]
ILLNESS_MONTHS = 24  # 104 weeks of sick pay (rules: sick_pay_weeks), in months

COMPONENTS = ("wages", "output", "sickness", "training", "procedure", "transition_payment", "hiring_avoided")


class Option(StrEnum):
    """The four options of docs/dead-end-model.md §2.2."""

    KEEP = "keep"
    RETRAIN_INTERNAL = "retrain_internal"
    JOB_TO_JOB = "job_to_job"
    DISMISS = "dismiss"


@dataclass(frozen=True, slots=True)
class OptionResult:
    """One option: its discounted net cost, by component (positive = cost), and its legal notes."""

    option: Option
    net_cost_eur: float
    components: dict[str, float]
    exit_month: int | None  # the month the contract ends (success branch), None when it does not
    transition_payment_eur: float  # at exit, before discounting and before weighting
    deduction_eur: float  # training costs deducted from that payment
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
    """The four options, the cheapest, its margin and how robust the order is."""

    options: tuple[OptionResult, ...]
    cheapest: Option
    margin_eur: float  # runner-up's net cost minus the cheapest's
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


def notice_months(rules: YearRules, service_years: float) -> int:
    """Statutory notice for the employer by years of service (rules: notice_period_months).

    >>> [notice_months(rules_for(2026), years) for years in (4.9, 5, 12, 30)]
    [1, 2, 3, 4]
    """
    months = 0
    for step in rules.value("notice_period_months"):
        if service_years >= float(step["from_years"]):
            months = int(step["months"])
    return months


@dataclass(frozen=True, slots=True)
class _Setting:
    """Quantities every option shares (docs/dead-end-model.md §2.1)."""

    horizon: int
    months: npt.NDArray[np.int64]
    discount: FloatArray
    wage: float
    output_full: float
    old_role_output: FloatArray  # declining role: Vm (1 − gap(m)) before the role ends, 0 after
    healthy: FloatArray  # Hl(m): not fallen ill up to and including month m
    illness_start: FloatArray  # P(s)
    sick_cost_by_month_of_illness: FloatArray  # k = 0 … 23, before the replacement's output
    cover_delivers_output: bool
    rules: YearRules
    compensated: bool  # UWV reimburses the transition payment after illness


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
    # illness starts is its month k = 0, so each month's weights add up to one (§2.1).
    healthy = np.asarray((1.0 - hazard) ** months.astype(np.float64), dtype=np.float64)
    illness_start = np.asarray((1.0 - hazard) ** (months - 1.0), dtype=np.float64) * hazard
    k = np.arange(ILLNESS_MONTHS)
    share = np.where(k < 12, de.sick_pay_year1, de.sick_pay_year2)
    sick_cost = (share + de.sickness_replacement_share) * wage + de.reintegration_cost_per_month_eur
    scope = rules.value("uwv_compensation_after_illness", dt.date(rules.year, 12, 31))
    small = s.company.employee_count <= int(rules.value("small_employer_max_employees"))
    return _Setting(
        horizon=horizon,
        months=months,
        discount=discount_factors(s.company.discount_rate_annual, horizon),
        wage=wage,
        output_full=output_full,
        old_role_output=old_role,
        healthy=healthy,
        illness_start=illness_start,
        sick_cost_by_month_of_illness=sick_cost,
        cover_delivers_output=de.sickness_replacement_share > 0,
        rules=rules,
        compensated=scope == "all_employers" or (scope == "small_employers" and small),
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


def _tv(s: Scenario, rules: YearRules, month: int, deductible: float = 0.0) -> tuple[float, float]:
    """Transition payment if the contract ends at the start of ``month``: (amount, deduction)."""
    amount, before_deduction, _, _ = transition_payment_for_years(
        _salary(s).monthly_eur, _service_years(s, month), rules, deductible
    )
    return amount, before_deduction - amount


def _employment(
    s: Scenario, st: _Setting, employed_until: int, output: FloatArray
) -> tuple[dict[str, FloatArray], FloatArray]:
    """Monthly wages, output, sickness lines for employment in months 1 … employed_until, and the
    chance of still being employed (not dismissed after illness) per month (§2.1)."""
    h = st.horizon
    employed = (st.months <= employed_until).astype(np.float64)
    p = st.illness_start
    # Σ_k P(m − k) × cost(k) and Σ_k P(m − k), k = 0 … 23: illnesses running in month m
    running_cost = np.convolve(p, st.sick_cost_by_month_of_illness)[:h]
    running = np.convolve(p, np.ones(ILLNESS_MONTHS))[:h]
    delivered = st.healthy + (running if st.cover_delivers_output else 0.0)
    ended_by_illness = np.concatenate((np.zeros(ILLNESS_MONTHS), p))[:h]  # P(m − 24)
    still_employed = 1.0 - np.concatenate(([0.0], np.cumsum(ended_by_illness)[:-1]))
    illness_tv = np.zeros(h)
    if not st.compensated:
        for index in np.flatnonzero(ended_by_illness > 0):
            illness_tv[index] = ended_by_illness[index] * _tv(s, st.rules, int(index) + 1)[0]
    lines = {
        "wages": employed * st.healthy * st.wage,
        "output": -employed * delivered * output,
        "sickness": employed * (running_cost + illness_tv),
    }
    return lines, still_employed


def _pv(st: _Setting, lines: dict[str, FloatArray]) -> dict[str, float]:
    result = dict.fromkeys(COMPONENTS, 0.0)
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


def _dismissal(s: Scenario, st: _Setting, start: int, output: FloatArray) -> tuple[dict[str, float], int]:
    """A dismissal started in month ``start``: procedure, then notice, then the transition payment.

    Returns the present values of the success branch and the exit month (first month without
    contract). Employment before ``start`` is included.
    """
    de = s.dead_end
    # Notice runs from the day it is given, after the procedure (permission or court): its length
    # follows the years of service on that day (BW 7:672 lid 2).
    notice = notice_months(st.rules, _service_years(s, start + de.dismissal_procedure_months))
    exit_month = start + de.dismissal_procedure_months + notice
    lines, still = _employment(s, st, exit_month - 1, output)
    weight_start = float(still[start - 1]) if start <= st.horizon else 0.0
    lines["procedure"] = _at(st, start, de.dismissal_procedure_cost_eur * weight_start)
    if exit_month <= st.horizon:
        lines["transition_payment"] = _at(
            st, exit_month, _tv(s, st.rules, exit_month)[0] * still[exit_month - 1]
        )
    return _pv(st, lines), exit_month


def _mix(success: dict[str, float], failure: dict[str, float], q: float) -> dict[str, float]:
    return {name: (1 - q) * success[name] + q * failure[name] for name in COMPONENTS}


def _keep(s: Scenario, st: _Setting) -> OptionResult:
    """Option 1 (§2.2): the declining role until it ends, then a dismissal that may fail."""
    role_end = s.dead_end.role_end_month
    output = st.old_role_output
    if role_end > st.horizon:
        lines, _ = _employment(s, st, st.horizon, output)
        pv = _pv(st, lines)
        return OptionResult(Option.KEEP, sum(pv.values()), pv, None, 0.0, 0.0, ("keep_no_end",))
    success, exit_month = _dismissal(s, st, role_end, output)
    lines, still = _employment(s, st, st.horizon, output)
    lines["procedure"] = _at(st, role_end, s.dead_end.dismissal_procedure_cost_eur * still[role_end - 1])
    failure = _pv(st, lines)
    mixed = _mix(success, failure, s.dead_end.dismissal_failure_probability)
    tv = _tv(s, st.rules, exit_month)[0] if exit_month <= st.horizon else 0.0
    notes = ("keep_role_ends", "dismissal_may_fail", "transition_payment_owed")
    return OptionResult(Option.KEEP, sum(mixed.values()), mixed, exit_month, tv, 0.0, notes)


def _retrain(s: Scenario, st: _Setting) -> OptionResult:
    """Option 2 (§2.2): training, then productive in a new internal role; no dismissal."""
    end = s.training.end_month
    ramp_months = s.benefits.ramp_up_months
    since = st.months - end
    ramp = np.ones(st.horizon) if ramp_months == 0 else np.minimum(1.0, np.maximum(since, 0) / ramp_months)
    output = np.where(st.months <= end, st.old_role_output, st.output_full * ramp)
    lines, still = _employment(s, st, st.horizon, output)
    lines["training"] = _training_lines(s)
    hired = s.benefits.vacancy.avoided_hiring_cost_eur
    lines["hiring_avoided"] = -_at(st, end + 1, hired * (still[end] if end < st.horizon else 0.0))
    pv = _pv(st, lines)
    notes = ("retrain_redeployment_duty", "retrain_not_deductible")
    return OptionResult(Option.RETRAIN_INTERNAL, sum(pv.values()), pv, None, 0.0, 0.0, notes)


@dataclass(frozen=True, slots=True)
class ExitPayment:
    """The transition payment when leaving job to job, step by step (docs/dead-end-model.md §1.3)."""

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


_PURPOSE = {
    TrainingKind.EXTERNAL_JOB: CostPurpose.OUTSIDE_EMPLOYER,
    TrainingKind.INTERNAL_BROADENING: CostPurpose.OTHER_INTERNAL_ROLE,
    TrainingKind.CURRENT_JOB: CostPurpose.CURRENT_JOB,
    TrainingKind.MANDATORY: CostPurpose.CURRENT_JOB,
}


def job_to_job_payment(s: Scenario) -> ExitPayment:
    """The transition payment at the agreed exit, less the training costs that may be deducted."""
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
    )


def _job_to_job(s: Scenario, st: _Setting) -> OptionResult:
    """Option 3 (§2.2): training for a job elsewhere, leaving by mutual agreement, costs deducted."""
    de = s.dead_end
    leave = de.exit_month
    lines, still = _employment(s, st, leave, st.old_role_output)
    lines["training"] = _training_lines(s)
    lines["procedure"] = _at(st, leave, de.mutual_procedure_cost_eur * still[leave - 1])
    payment = job_to_job_payment(s)
    weight = still[leave] if leave < st.horizon else 0.0
    lines["transition_payment"] = _at(st, payment.month, payment.amount_eur * weight)
    pv = _pv(st, lines)
    deducted = "job_to_job_deduction" if payment.verdict.deductible else "job_to_job_no_deduction"
    return OptionResult(
        Option.JOB_TO_JOB,
        sum(pv.values()),
        pv,
        payment.month,
        payment.amount_eur,
        payment.deduction_eur,
        ("job_to_job_agreement", deducted),
    )


def _dismiss(s: Scenario, st: _Setting) -> OptionResult:
    """Option 4 (§2.2): dismiss now without training; the dismissal may fail."""
    output = st.old_role_output
    success, exit_month = _dismissal(s, st, 1, output)
    lines, _ = _employment(s, st, st.horizon, output)
    lines["procedure"] = _at(st, 1, s.dead_end.dismissal_procedure_cost_eur)
    failure = _pv(st, lines)
    mixed = _mix(success, failure, s.dead_end.dismissal_failure_probability)
    tv = _tv(s, st.rules, exit_month)[0] if exit_month <= st.horizon else 0.0
    notes = ("dismissal_may_fail", "transition_payment_owed", "dismiss_no_deduction")
    return OptionResult(Option.DISMISS, sum(mixed.values()), mixed, exit_month, tv, 0.0, notes)


def _month_date(reference: dt.date, month: int) -> dt.date:
    index = reference.month - 1 + month - 1
    return dt.date(reference.year + index // 12, index % 12 + 1, 1)


def _options(s: Scenario) -> tuple[OptionResult, ...]:
    rules = rules_for(s.company.rules_year)
    st = _setting(s, rules)
    return (_keep(s, st), _retrain(s, st), _job_to_job(s, st), _dismiss(s, st))


def _cheapest(options: tuple[OptionResult, ...]) -> Option:
    return min(options, key=lambda item: item.net_cost_eur).option


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
    from calculators.fields import field_spec  # late: fields imports rules, which this module uses

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
    """Compare the four options for this employee (docs/dead-end-model.md §2).

    >>> from calculators.scenario_io import load_scenario_json
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
    ranked = sorted(options, key=lambda item: item.net_cost_eur)
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
    keys = ("transition_payment_cap_eur", "transition_payment_pro_rata", "uwv_compensation_after_illness")
    return DeadEndComparison(
        options=options,
        cheapest=cheapest,
        margin_eur=ranked[1].net_cost_eur - ranked[0].net_cost_eur,
        sensitivities=sensitivities,
        rules_year=rules.year,
        to_verify=tuple(key for key in keys if rules[key].to_verify),
    )
