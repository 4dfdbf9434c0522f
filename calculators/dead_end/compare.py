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

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from calculators.dead_end.contract_end import (
    Route,
    aow_month,
)
from calculators.dead_end.options import BUILDERS
from calculators.dead_end.results import DeadEndComparison, Option, OptionResult, Sensitivity
from calculators.dead_end.setting import make_setting, option_result, training_inputs, training_lines
from calculators.rules import YearRules, rules_for
from calculators.scenario.io import validate
from calculators.scenario.model import RoleOutlook, Scenario

__all__ = [
    "compare_options",
]

FloatArray = npt.NDArray[np.float64]


def _options(s: Scenario, training: FloatArray | None = None) -> tuple[OptionResult, ...]:
    rules = rules_for(s.company.rules_year)
    st = make_setting(s, rules, training)
    return tuple(option_result(option, st, build(s, st)) for option, build in BUILDERS)


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


def _sensitivity(
    s: Scenario, training: FloatArray, field: str, current_value: float, cheapest: Option
) -> Sensitivity:
    """Where moving ``field`` (all else as in ``s``, whose training line is ``training``) changes the
    cheapest option: a grid over the lever's range, then halving the step that changes it."""
    low, high, whole = _lever_range(s, field)
    setter = _LEVERS[field]
    unchanged = training_inputs(s)

    def cheapest_at(x: float) -> Option:
        moved = setter(s, x)
        return _cheapest(_options(moved, training if training_inputs(moved) == unchanged else None))

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
    training = training_lines(scenario)
    options = _options(scenario, training)
    ranked = _ranked(options)
    cheapest = ranked[0].option
    sensitivities: tuple[Sensitivity, ...] = ()
    if with_sensitivity:
        sensitivities = tuple(
            _sensitivity(scenario, training, field, _current(scenario, field), cheapest)
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
