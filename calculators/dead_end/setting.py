"""The shared ground of the dead-end options: the case's setting (dates, salary, rules), the employment
lines and how an outcome becomes an option's result (docs/dead-end-model.md §3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from calculators.dead_end.contract_end import (
    Ending,
    Route,
    aow_month,
    sick_pay_months_after_aow,
)
from calculators.dead_end.results import COMPONENTS, ILLNESS_MONTHS, ILLNESS_TV, Option, OptionResult
from calculators.dead_end.transition_payment import (
    SalaryBase,
    transition_payment_for_years,
)
from calculators.money.cashflows import monthly_cash_flows
from calculators.money.discounting import discount_factors
from calculators.money.retention import monthly_hazard
from calculators.rules import YearRules, rules_for
from calculators.scenario.model import Employee, Scenario, Training
from calculators.scenario.wages import loaded_monthly_wage

__all__ = [
    "Outcome",
    "Setting",
    "Sickness",
    "employment_lines",
    "make_setting",
    "mixed",
    "one_off",
    "option_result",
    "pension_reached",
    "present_values",
    "salary_base",
    "service_at",
    "service_years",
    "training_inputs",
    "training_lines",
    "transition_payment_at",
]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Sickness:
    """The illness lines of employment in months 1 … H (§3.1); an option employing the person for fewer
    months keeps the months up to its end (:func:`employment_lines`)."""

    running_cost: FloatArray  # Σ_k P(m − k) × cost(k): the cost of illnesses running in month m
    delivered: FloatArray  # the share of month m's output delivered (the healthy, and any cover)
    still_employed: FloatArray  # not dismissed after illness before month m
    transition_payment: FloatArray  # expected transition payment after 24 months of illness, per month


@dataclass(frozen=True, slots=True)
class Setting:
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
    training: FloatArray  # the training's cost line (:func:`training_lines`)
    sickness: Sickness  # the illness lines of employment to the horizon (:func:`employment_lines`)


def make_setting(s: Scenario, rules: YearRules, training: FloatArray | None = None) -> Setting:
    """The setting of ``s`` under ``rules``. ``training`` is the scenario's :func:`training_lines` when
    the caller already has it (a comparison moving an assumption that leaves :func:`training_inputs`
    alone); without it, it is computed here."""
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
    illness_before_aow = np.where(before, illness_start, 0.0)
    illness_after_aow = np.where(before, 0.0, illness_start)
    short = sick_pay_months_after_aow(rules)
    cover = de.sickness_replacement_share > 0
    return Setting(
        horizon=horizon,
        months=months,
        discount=discount_factors(s.company.discount_rate_annual, horizon),
        wage=wage,
        output_full=output_full,
        old_role_output=old_role,
        healthy=healthy,
        illness_before_aow=illness_before_aow,
        illness_after_aow=illness_after_aow,
        sick_cost_by_month_of_illness=sick_cost,
        sick_months_after_aow=short,
        cover_delivers_output=cover,
        rules=rules,
        compensated=rules.value("uwv_compensation_after_illness") == "all_employers",
        aow_month=pension,
        settlement_assumed=de.settlement_amount_eur is None,
        training=training_lines(s) if training is None else training,
        sickness=_sickness(
            s, rules, healthy, (illness_before_aow, illness_after_aow), sick_cost, short, cover
        ),
    )


def salary_base(s: Scenario) -> SalaryBase:
    de = s.dead_end
    return SalaryBase(
        gross_monthly_eur=s.employee.gross_monthly_salary_eur,
        holiday_allowance_rate=s.employee.holiday_allowance_rate,
        fixed_year_end_eur=de.fixed_year_end_eur,
        fixed_components_12m_eur=de.fixed_components_12m_eur,
        variable_components_3y_eur=de.variable_components_3y_eur,
    )


def service_years(s: Scenario, month: int) -> float:
    return s.employee.years_of_service + (month - 1) / 12.0


def service_at(s: Scenario) -> Callable[[int], float]:
    return lambda month: service_years(s, month)


def pension_reached(s: Scenario, rules: YearRules, month: int) -> bool:
    """At or after the state pension age in ``month`` (the first month without a contract)."""
    return _first_pension_month(rules.year, s.employee.age) <= month


@lru_cache(maxsize=256)
def _first_pension_month(year: int, age: int) -> int:
    reached = aow_month(rules_for(year), age, 12 * 60)
    return reached if reached is not None else 12 * 60 + 1


def transition_payment_at(
    s: Scenario, rules: YearRules, month: int, deductible: float = 0.0
) -> tuple[float, float]:
    """Transition payment if the contract ends at the start of ``month``: (amount, deduction).
    Nothing at or after the state pension age (art. 7:673 lid 7 BW)."""
    if pension_reached(s, rules, month):
        return 0.0, 0.0
    amount, before_deduction, _, _ = transition_payment_for_years(
        salary_base(s).monthly_eur, service_years(s, month), rules, deductible
    )
    return amount, before_deduction - amount


def _shifted(values: FloatArray, by: int) -> FloatArray:
    return np.concatenate((np.zeros(by), values))[: len(values)]


def _sickness(
    s: Scenario,
    rules: YearRules,
    healthy: FloatArray,
    illness: tuple[FloatArray, FloatArray],
    sick_cost: FloatArray,
    short: int,
    cover: bool,
) -> Sickness:
    """The illness lines of employment to the horizon (§3.1), from the chances ``illness`` = (before,
    after) that an illness starts in month m before or at/after the state pension age; ``cover``:
    whoever replaces the ill employee delivers their output.

    An illness that starts before the state pension age runs 24 months of sick pay, then the
    contract ends with a transition payment (kept apart as ``illness_transition_payment``: UWV
    compensates it); one that starts at or after it runs 6 weeks (rounded to 1 month) and ends without one.
    """
    before, after = illness
    h = healthy.size
    # Σ_k P(m − k) × cost(k) and Σ_k P(m − k): illnesses running in month m
    running_cost = np.convolve(before, sick_cost)[:h] + np.convolve(after, sick_cost[:short])[:h]
    running = np.convolve(before, np.ones(ILLNESS_MONTHS))[:h] + np.convolve(after, np.ones(short))[:h]
    delivered = healthy + (running if cover else 0.0)
    ended_with_payment = _shifted(before, ILLNESS_MONTHS)  # P(m − 24)
    ended = ended_with_payment + _shifted(after, short)
    still_employed = 1.0 - np.concatenate(([0.0], np.cumsum(ended)[:-1]))
    illness_tv = np.zeros(h)
    for index in np.flatnonzero(ended_with_payment > 0):
        illness_tv[index] = ended_with_payment[index] * transition_payment_at(s, rules, int(index) + 1)[0]
    return Sickness(running_cost, delivered, still_employed, illness_tv)


def employment_lines(
    st: Setting, employed_until: int, output: FloatArray
) -> tuple[dict[str, FloatArray], FloatArray]:
    """Monthly wages, output, sickness lines for employment in months 1 … employed_until, and the
    chance of still being employed (not dismissed after illness) per month (§3.1): the setting's
    illness lines (:class:`Sickness`) up to ``employed_until``.
    """
    employed = (st.months <= employed_until).astype(np.float64)
    sick = st.sickness
    lines = {
        "wages": employed * st.healthy * st.wage,
        "output": -employed * sick.delivered * output,
        "sickness": employed * sick.running_cost,
        ILLNESS_TV: employed * sick.transition_payment,
    }
    return lines, sick.still_employed


def present_values(st: Setting, lines: dict[str, FloatArray]) -> dict[str, float]:
    result = dict.fromkeys((*COMPONENTS, ILLNESS_TV), 0.0)
    for name, values in lines.items():
        result[name] += float(np.sum(st.discount * values))
    return result


def one_off(st: Setting, month: int, amount: float) -> FloatArray:
    line = np.zeros(st.horizon)
    if 1 <= month <= st.horizon:
        line[month - 1] = amount
    return line


def training_lines(s: Scenario) -> FloatArray:
    """Direct costs in the first month, wage and lost output over the training, minus subsidies —
    the money model's own training-cost line (docs/money-model.md §3), so both models agree. It reads
    only :func:`training_inputs`."""
    return monthly_cash_flows(s).training_costs


def training_inputs(s: Scenario) -> tuple[Employee, Training, int]:
    """What the training-cost line depends on (docs/money-model.md §2–§3): the employee (wage, hours,
    output ratio), the training (months, costs, hours, subsidies) and the horizon. Two scenarios equal
    in these have the same :func:`training_lines`."""
    return s.employee, s.training, s.horizon_months


def mixed(success: dict[str, float], failure: dict[str, float], q: float) -> dict[str, float]:
    return {name: (1 - q) * success[name] + q * failure[name] for name in success}


@dataclass(frozen=True, slots=True)
class Outcome:
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


def option_result(option: Option, st: Setting, outcome: Outcome) -> OptionResult:
    """Net cost with and without UWV's compensation; the route's months from its ending."""
    illness_tv = outcome.pv[ILLNESS_TV]
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
