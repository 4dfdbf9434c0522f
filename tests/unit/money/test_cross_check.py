"""Brute-force cross-check of calculators.money.evaluate against an independent reference
(docs/money-model.md).

The reference below does NOT follow the spec's expected-value formulas line by line. It enumerates the
month n in which the trained employee leaves (probability from the monthly hazards, computed as a product
per path, plus the probability of staying past the horizon), builds the cash flows of each path with
certainty (benefits only while present, the clause refund and a replacement cost at leaving), and takes
the probability-weighted sum. The replacement costs that the training avoids are enumerated the same way
over the leaving month of the no-training world. By linearity of expectation this must equal the spec's
survival-weighted month table.

IRR is found by plain bisection on the implementation's own net flows; the break-even stay is found by
evaluating V(n) of the spec for every n.
"""

from __future__ import annotations

import copy
import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import ScenarioError, evaluate, scenario_from_dict

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES_DIR = ROOT / "content" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.json"))
DEFAULTS: dict[str, Any] = yaml.safe_load((ROOT / "content" / "defaults.yaml").read_text(encoding="utf-8"))[
    "fields"
]


# --------------------------------------------------------------------------------------------------
# Reading a scenario dict (with defaults from content/defaults.yaml for omitted fields)
# --------------------------------------------------------------------------------------------------


def _get(d: dict[str, Any], path: str) -> Any:
    """Value at a dotted path of the scenario dict, or the default from content/defaults.yaml."""
    node: Any = d
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return DEFAULTS[path]["default"]
        node = node[key]
    return node


@dataclass(frozen=True)
class Params:
    """The inputs the money model uses, read independently of calculators/."""

    horizon: int
    rate: float
    gross: float
    holiday: float
    oncost: float
    hours_week: float
    ratio: float
    mandatory: bool
    fees: float
    materials: float
    travel: float
    hours: float
    share_in: float
    start: int
    duration: int
    backfill: float
    subsidies: tuple[tuple[float, int], ...]
    gain: float
    ramp_months: int
    decay: float
    employer_share: float
    other_yearly: float
    margin: float
    margin_decays: bool
    vacancy_on: bool
    vacancy_cost: float
    vacancy_month: int
    q0: float
    q_change: float
    repl_share: float
    clause_on: bool
    clause_months: int
    clause_scale: str
    clause_covers: tuple[str, ...]

    @property
    def end(self) -> int:
        """E = S + D - 1."""
        return self.start + self.duration - 1


def params_from_dict(d: dict[str, Any]) -> Params:
    """Read the scenario dict, falling back to the documented defaults."""
    subsidies = tuple(
        (
            float(item.get("amount_eur", DEFAULTS["training.subsidies.amount_eur"]["default"])),
            int(item.get("month", DEFAULTS["training.subsidies.month"]["default"])),
        )
        for item in _get(d, "training.subsidies")
    )
    return Params(
        horizon=int(_get(d, "horizon_months")),
        rate=float(_get(d, "company.discount_rate_annual")),
        gross=float(_get(d, "employee.gross_monthly_salary_eur")),
        holiday=float(_get(d, "employee.holiday_allowance_rate")),
        oncost=float(_get(d, "employee.employer_oncost_rate")),
        hours_week=float(_get(d, "employee.hours_per_week")),
        ratio=float(_get(d, "employee.output_value_ratio")),
        mandatory=_get(d, "training.kind") == "mandatory",
        fees=float(_get(d, "training.course_fees_eur")),
        materials=float(_get(d, "training.materials_exam_eur")),
        travel=float(_get(d, "training.travel_eur")),
        hours=float(_get(d, "training.hours")),
        share_in=float(_get(d, "training.share_in_working_time")),
        start=int(_get(d, "training.start_month")),
        duration=int(_get(d, "training.duration_months")),
        backfill=float(_get(d, "training.backfill_hourly_cost_eur")),
        subsidies=subsidies,
        gain=float(_get(d, "benefits.productivity_gain")),
        ramp_months=int(_get(d, "benefits.ramp_up_months")),
        decay=float(_get(d, "benefits.annual_decay")),
        employer_share=float(_get(d, "benefits.employer_share")),
        other_yearly=float(_get(d, "benefits.other_yearly_benefits_eur")),
        margin=float(_get(d, "benefits.extra_margin_per_month_eur")),
        margin_decays=bool(_get(d, "benefits.extra_margin_decays")),
        vacancy_on=bool(_get(d, "benefits.vacancy.filled_internally")),
        vacancy_cost=float(_get(d, "benefits.vacancy.avoided_hiring_cost_eur")),
        vacancy_month=int(_get(d, "benefits.vacancy.month")),
        q0=float(_get(d, "retention.annual_quit_probability")),
        q_change=float(_get(d, "retention.quit_probability_change")),
        repl_share=float(_get(d, "retention.replacement_cost_share")),
        clause_on=bool(_get(d, "retention.study_cost_clause.enabled")),
        clause_months=int(_get(d, "retention.study_cost_clause.repayment_months")),
        clause_scale=str(_get(d, "retention.study_cost_clause.scale")),
        clause_covers=tuple(_get(d, "retention.study_cost_clause.covers")),
    )


# --------------------------------------------------------------------------------------------------
# Reference model
# --------------------------------------------------------------------------------------------------


def discount(p: Params, m: int) -> float:
    """d(m) = (1 + r)^(-(m - 1) / 12), the same as (1 + r_m)^-(m-1) with r_m = (1 + r)^(1/12) - 1."""
    return float((1.0 + p.rate) ** (-(m - 1) / 12.0))


def monthly_hazard(q: float) -> float:
    """Constant monthly hazard that gives an annual quit probability q."""
    return 1.0 - float((1.0 - q) ** (1.0 / 12.0))


def loaded_monthly_wage(p: Params) -> float:
    """Wm = gross * (1 + holiday) * (1 + on-costs)."""
    return p.gross * (1.0 + p.holiday) * (1.0 + p.oncost)


def hourly_wage(p: Params) -> float:
    """w = Wm / (hours per week * 52 / 12)."""
    return loaded_monthly_wage(p) * 12.0 / (p.hours_week * 52.0)


def replacement_cost(p: Params) -> float:
    """Rc = share * 12 * gross * (1 + holiday)."""
    return p.repl_share * 12.0 * p.gross * (1.0 + p.holiday)


def clause_amount(p: Params) -> float:
    """Reclaimable amount C_cl = covered direct costs × the employer's own share (0 without a clause).

    §7: a clause reclaims only what the employer bore itself; subsidies S are spread pro rata over the
    training's costs T (direct + wage + lost output/backfill of the hours, §3): share = max(0, 1 - S / T).
    """
    if not p.clause_on:
        return 0.0
    parts = {"course_fees": p.fees, "materials_exam": p.materials, "travel": p.travel}
    covered = sum(parts[name] for name in p.clause_covers)
    subsidies = sum(amount for amount, _ in p.subsidies)
    if subsidies <= 0:
        return covered
    w = hourly_wage(p)
    t_in = p.hours * p.share_in
    wage = t_in * w + (p.hours * (1.0 - p.share_in) * w if p.mandatory else 0.0)
    away = t_in * (p.backfill - w) if p.backfill > 0 else t_in * w * (p.ratio - 1.0)
    total = p.fees + p.materials + p.travel + wage + away
    return covered * max(0.0, 1.0 - subsidies / total) if total > 0 else 0.0


def owed_fraction(p: Params, m: int) -> float:
    """Fraction of C_cl still owed when leaving at the end of month m (§7: nothing before the start)."""
    if m < p.start:
        return 0.0
    k = m - p.end
    if k <= 0:
        return 1.0
    n = p.clause_months
    if p.clause_scale == "linear":
        return max(0.0, 1.0 - k / n)
    years = n // 12
    return max(0.0, 1.0 - ((k - 1) // 12) / years)


def certain_cost_flows(p: Params) -> list[float]:
    """Training costs net of subsidies per month (index m - 1), paid whatever the employee does."""
    flows = [0.0] * p.horizon
    w = hourly_wage(p)
    t_in_month = p.hours * p.share_in / p.duration
    t_out_month = p.hours * (1.0 - p.share_in) / p.duration
    flows[p.start - 1] += p.fees + p.materials + p.travel
    for m in range(p.start, p.end + 1):
        wage = t_in_month * w + (t_out_month * w if p.mandatory else 0.0)
        # with cover the line is (b - w) per hour; without it the output value above the wage is lost
        away = t_in_month * (p.backfill - w) if p.backfill > 0 else t_in_month * w * (p.ratio - 1.0)
        flows[m - 1] += wage + away
    for amount, month in p.subsidies:
        flows[month - 1] -= amount
    return flows


def productivity_if_present(p: Params, k: int) -> float:
    """Productivity benefit in month E + k for an employee who is there (no survival weight)."""
    ramp = 1.0 if p.ramp_months == 0 else min(1.0, k / p.ramp_months)
    decay = float((1.0 - p.decay) ** ((k - 1) / 12.0))
    return p.gain * loaded_monthly_wage(p) * p.ratio * p.employer_share * ramp * decay


def new_work_if_present(p: Params, k: int) -> float:
    """The margin of new work in month E + k for an employee who is there: M × ramp(k), and × decay(k)
    only when the user says the margin fades (docs/money-model.md §5)."""
    ramp = 1.0 if p.ramp_months == 0 else min(1.0, k / p.ramp_months)
    fade = float((1.0 - p.decay) ** ((k - 1) / 12.0)) if p.margin_decays else 1.0
    return p.margin * ramp * fade


def leaving_distribution(p: Params, hazard_of: Callable[[int], float]) -> tuple[list[float], float]:
    """P(leave at the end of month n) for n = 1..H, each as a product over the path, and P(stay)."""
    probs = [
        math.prod(1.0 - hazard_of(j) for j in range(1, n)) * hazard_of(n) for n in range(1, p.horizon + 1)
    ]
    stay = math.prod(1.0 - hazard_of(j) for j in range(1, p.horizon + 1))
    return probs, stay


def path_flows_with_training(p: Params, leave: int | None) -> list[float]:
    """Net flows if the trained employee leaves at the end of month `leave` (None: stays past H)."""
    flows = [-c for c in certain_cost_flows(p)]
    last_present = p.horizon if leave is None else leave
    for m in range(p.end + 1, last_present + 1):
        k = m - p.end
        flows[m - 1] += productivity_if_present(p, k) + p.other_yearly / 12.0 + new_work_if_present(p, k)
    if p.vacancy_on and p.vacancy_month <= last_present:
        flows[p.vacancy_month - 1] += p.vacancy_cost
    if leave is not None:
        flows[leave - 1] += owed_fraction(p, leave) * clause_amount(p)
        flows[leave - 1] -= replacement_cost(p)
    return flows


def expected_flows(p: Params) -> list[float]:
    """Probability-weighted net flows over all leaving paths, with and without the training."""
    h0 = monthly_hazard(p.q0)
    h1 = monthly_hazard(p.q0 + p.q_change)

    def with_training(m: int) -> float:
        return h0 if m <= p.end else h1

    def without_training(_m: int) -> float:
        return h0

    probs_with, stay_with = leaving_distribution(p, with_training)
    total = [0.0] * p.horizon
    for n, prob in enumerate(probs_with, start=1):
        for i, f in enumerate(path_flows_with_training(p, n)):
            total[i] += prob * f
    for i, f in enumerate(path_flows_with_training(p, None)):
        total[i] += stay_with * f
    # Without the training the firm would have paid Rc when the employee leaves: the training avoids that.
    probs_without, _ = leaving_distribution(p, without_training)
    rc = replacement_cost(p)
    for n, prob in enumerate(probs_without, start=1):
        total[n - 1] += prob * rc
    return total


def survival_from_paths(p: Params, with_training: bool) -> list[float]:
    """P(still employed during month m) = P(leave at the end of month ≥ m) + P(stay), m = 1..H."""
    h0 = monthly_hazard(p.q0)
    h1 = monthly_hazard(p.q0 + p.q_change)
    probs, stay = leaving_distribution(p, lambda m: h1 if (with_training and m > p.end) else h0)
    return [sum(probs[m - 1 :]) + stay for m in range(1, p.horizon + 1)]


def reference_npv(p: Params) -> float:
    """NPV = Σ d(m) * expected net flow of month m."""
    return sum(discount(p, m) * f for m, f in enumerate(expected_flows(p), start=1))


def stay_value(p: Params, n: int) -> float:
    """V(n) of the spec: the employee stays exactly n months after the training, with certainty."""
    pv_costs = sum(discount(p, m) * c for m, c in enumerate(certain_cost_flows(p), start=1))
    value = sum(
        discount(p, p.end + k)
        * (productivity_if_present(p, k) + p.other_yearly / 12.0 + new_work_if_present(p, k))
        for k in range(1, n + 1)
    )
    if p.vacancy_on and p.vacancy_month <= p.end + n:
        value += discount(p, p.vacancy_month) * p.vacancy_cost
    if p.clause_on:
        value += discount(p, p.end + n) * owed_fraction(p, p.end + n) * clause_amount(p)
    return value - pv_costs


def reference_break_even(p: Params) -> int | None:
    """Smallest n in 0..H-E with V(n) ≥ 0, by trying every n."""
    for n in range(0, p.horizon - p.end + 1):
        if stay_value(p, n) >= 0:
            return n
    return None


def reference_payback(p: Params) -> int | None:
    """First month from the training's start whose cumulative discounted expected net flow is ≥ 0.

    The 1e-9 euro tolerance is the spec's (§8): a running total of 0 within rounding counts as paid back.
    """
    running = 0.0
    for m, f in enumerate(expected_flows(p), start=1):
        running += discount(p, m) * f
        if m >= p.start and running >= -1e-9:
            return m
    return None


# --------------------------------------------------------------------------------------------------
# IRR by bisection
# --------------------------------------------------------------------------------------------------


def npv_at(flows: list[float], x: float) -> float:
    """Σ flows[i] / (1 + x)^i (first flow not discounted)."""
    return sum(f / (1.0 + x) ** i for i, f in enumerate(flows))


def sign_changes(flows: list[float], tol: float) -> int:
    """Number of sign changes in the flows, ignoring |f| ≤ tol."""
    signs = [f > 0 for f in flows if abs(f) > tol]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def bisect_irr(flows: list[float], lo: float = -0.95, hi: float = 50.0) -> float:
    """Monthly rate x in (lo, hi) with npv_at(flows, x) = 0, by plain bisection."""
    f_lo = npv_at(flows, lo)
    f_hi = npv_at(flows, hi)
    assert f_lo * f_hi < 0, "no bracketed root"
    for _ in range(300):
        mid = (lo + hi) / 2.0
        f_mid = npv_at(flows, mid)
        if (f_mid < 0) == (f_lo < 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def all_irr_roots(flows: list[float]) -> list[float]:
    """Every monthly rate in (-0.95, 50) where the NPV changes sign on a fine grid, refined by bisection."""
    grid = [-0.95 + 0.95 * i / 4000 for i in range(4000)] + [50.0 * (i / 4000) ** 2 for i in range(4001)]
    values = [npv_at(flows, x) for x in grid]
    return [
        bisect_irr(flows, a, b)
        for (a, fa), (b, fb) in itertools.pairwise(zip(grid, values, strict=True))
        if fa * fb < 0
    ]


# --------------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------------


def load_example(path: Path) -> dict[str, Any]:
    """Read one example scenario."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def with_overrides(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Deep copy of base with dotted-path overrides (missing sections are created)."""
    d = copy.deepcopy(base)
    for path, value in overrides.items():
        node = d
        keys = path.split(".")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return d


GARAGE = load_example(EXAMPLES_DIR / "garage_ev_course.json")

VARIED: dict[str, dict[str, Any]] = {
    "defaults_only": {"schema_version": 1},
    "sparse_fields": {
        "schema_version": 1,
        "horizon_months": 24,
        "employee": {"gross_monthly_salary_eur": 4100, "hours_per_week": 24},
        "training": {"hours": 60, "duration_months": 4, "start_month": 2},
        "retention": {"annual_quit_probability": 0.2},
    },
    "long_horizon_high_rate": with_overrides(
        GARAGE,
        {
            "horizon_months": 120,
            "company.discount_rate_annual": 0.2,
            "retention.annual_quit_probability": 0.3,
            "retention.quit_probability_change": -0.1,
            "benefits.ramp_up_months": 6,
            "benefits.annual_decay": 0.35,
            "retention.study_cost_clause": {
                "enabled": True,
                "repayment_months": 60,
                "scale": "linear",
                "covers": ["course_fees", "travel"],
            },
            "training.subsidies": [
                {"name": "a", "amount_eur": 300, "month": 1},
                {"name": "b", "amount_eur": 450, "month": 10},
                {"name": "c", "amount_eur": 200, "month": 60},
            ],
        },
    ),
    "poaching_mandatory_backfill": with_overrides(
        GARAGE,
        {
            "training.kind": "mandatory",
            "training.share_in_working_time": 0.3,
            "training.start_month": 4,
            "training.duration_months": 6,
            "training.backfill_hourly_cost_eur": 45,
            "employee.output_value_ratio": 1.4,
            "retention.annual_quit_probability": 0.05,
            "retention.quit_probability_change": 0.2,
            "retention.study_cost_clause.enabled": False,
        },
    ),
    "cheap_cover_vacancy_other": with_overrides(
        GARAGE,
        {
            "horizon_months": 48,
            "training.start_month": 1,
            "training.duration_months": 3,
            "training.backfill_hourly_cost_eur": 12,
            "employee.output_value_ratio": 1.5,
            "benefits.other_yearly_benefits_eur": 5000,
            "benefits.vacancy": {"filled_internally": True, "avoided_hiring_cost_eur": 6000, "month": 20},
        },
    ),
    "yearly_steps_long_training": with_overrides(
        GARAGE,
        {
            "horizon_months": 60,
            "training.duration_months": 12,
            "training.hours": 400,
            "training.share_in_working_time": 0.6,
            "benefits.ramp_up_months": 12,
            "benefits.annual_decay": 0.05,
            "benefits.productivity_gain": 0.15,
            "retention.annual_quit_probability": 0.25,
            "retention.quit_probability_change": -0.05,
            "retention.study_cost_clause": {
                "enabled": True,
                "repayment_months": 36,
                "scale": "yearly_steps",
                "covers": ["course_fees", "materials_exam"],
            },
        },
    ),
    "full_decay": with_overrides(
        GARAGE,
        {"benefits.annual_decay": 1.0, "benefits.ramp_up_months": 0, "benefits.productivity_gain": 0.3},
    ),
    "zero_base_quits_poaching": with_overrides(
        GARAGE,
        {
            "retention.annual_quit_probability": 0.0,
            "retention.quit_probability_change": 0.3,
            "training.start_month": 5,
            "training.duration_months": 2,
            "retention.study_cost_clause.enabled": False,
        },
    ),
    "extreme_quits": with_overrides(
        GARAGE,
        {"retention.annual_quit_probability": 0.95, "retention.quit_probability_change": 0.0},
    ),
    "retention_to_zero_big_replacement": with_overrides(
        GARAGE,
        {
            "retention.annual_quit_probability": 0.5,
            "retention.quit_probability_change": -0.5,
            "retention.replacement_cost_share": 3.0,
            "company.discount_rate_annual": 0.0,
        },
    ),
    "minimal_horizon_late_training": with_overrides(
        GARAGE,
        {
            "horizon_months": 12,
            "training.start_month": 10,
            "training.duration_months": 2,
            "training.subsidies": [{"name": "x", "amount_eur": 600, "month": 12}],
            "retention.study_cost_clause.enabled": False,
        },
    ),
    "mostly_subsidised_no_hours": with_overrides(
        GARAGE,
        {
            "training.course_fees_eur": 550,
            "training.materials_exam_eur": 0,
            "training.travel_eur": 0,
            "training.hours": 0,
            "training.subsidies": [{"name": "x", "amount_eur": 500, "month": 1}],
            "retention.study_cost_clause.enabled": False,
        },
    ),
    "high_salary_part_time": with_overrides(
        GARAGE,
        {
            "employee.gross_monthly_salary_eur": 9000,
            "employee.hours_per_week": 16,
            "employee.holiday_allowance_rate": 0.1,
            "employee.employer_oncost_rate": 0.55,
            "training.hours": 80,
            "training.share_in_working_time": 0.8,
            "benefits.employer_share": 0.82,
            "company.discount_rate_annual": 0.0225,
        },
    ),
}

CASES: list[Any] = [pytest.param(load_example(f), id=f.stem) for f in EXAMPLE_FILES] + [
    pytest.param(d, id=name) for name, d in VARIED.items()
]


CASES_LATER_START: list[Any] = [c for c in CASES if params_from_dict(c.values[0]).start > 1]


def scale_of(p: Params) -> float:
    """Money scale for tolerances: the sum of absolute expected flows, at least 1."""
    return max(1.0, sum(abs(f) for f in expected_flows(p)))


# --------------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------------


def test_examples_present() -> None:
    """Pins that the four example scenarios are all cross-checked."""
    assert len(EXAMPLE_FILES) == 4


class TestNpvByPathEnumeration:
    """NPV and the month table against the leaving-path enumeration."""

    @pytest.mark.parametrize("d", CASES)
    def test_npv(self, d: dict[str, Any]) -> None:
        """Pins NPV = probability-weighted NPV over all leaving paths (with vs without the training)."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        assert r.npv_eur == pytest.approx(reference_npv(p), abs=1e-6 * scale_of(p))

    @pytest.mark.parametrize("d", CASES)
    def test_monthly_net_and_survival(self, d: dict[str, Any]) -> None:
        """Pins every month's net flow, discount factor and survival columns against the path enumeration."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        tol = 1e-6 * scale_of(p)
        flows = expected_flows(p)
        surv_with = survival_from_paths(p, with_training=True)
        surv_without = survival_from_paths(p, with_training=False)
        assert len(r.months) == p.horizon
        for m, row in enumerate(r.months, start=1):
            assert row.month == m
            assert row.net == pytest.approx(flows[m - 1], abs=tol), f"month {m}"
            assert row.discount_factor == pytest.approx(discount(p, m), rel=1e-12)
            assert row.survival_with == pytest.approx(surv_with[m - 1], abs=1e-12), f"month {m}"
            assert row.survival_without == pytest.approx(surv_without[m - 1], abs=1e-12), f"month {m}"

    @pytest.mark.parametrize("d", CASES)
    def test_totals_consistent(self, d: dict[str, Any]) -> None:
        """Pins NPV = PV benefits - PV costs and the last cumulative discounted net = NPV."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        tol = 1e-6 * scale_of(p)
        assert r.expected_benefit_eur - r.total_cost_eur == pytest.approx(r.npv_eur, abs=tol)
        assert r.months[-1].cumulative_discounted_net == pytest.approx(r.npv_eur, abs=tol)

    @pytest.mark.parametrize("d", CASES)
    def test_payback(self, d: dict[str, Any]) -> None:
        """Pins the payback month against the cumulative discounted path-enumerated flows, counted from S."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        assert r.payback_month == reference_payback(p)

    @pytest.mark.parametrize("d", CASES_LATER_START)
    def test_no_payback_before_the_training_starts(self, d: dict[str, Any]) -> None:
        """Pins that the months before the start (running total 0) never count as paid back (§8)."""
        r = evaluate(scenario_from_dict(d))
        p = params_from_dict(d)
        assert r.months[0].cumulative_discounted_net == pytest.approx(0.0, abs=1e-9)
        assert r.payback_month is None or r.payback_month >= p.start


class TestBreakEvenStay:
    """Break-even stay and worst case from V(n) of the spec, computed for every n."""

    @pytest.mark.parametrize("d", CASES)
    def test_break_even_stay(self, d: dict[str, Any]) -> None:
        """Pins break-even stay = smallest n with V(n) ≥ 0 (None when there is none)."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        # guard against a knife-edge V(n) ≈ 0 where rounding could legitimately flip the answer
        values = [stay_value(p, n) for n in range(0, p.horizon - p.end + 1)]
        assert all(abs(v) > 1e-6 for v in values)
        assert r.break_even_stay_months == reference_break_even(p)

    @pytest.mark.parametrize("d", CASES)
    def test_worst_case(self, d: dict[str, Any]) -> None:
        """Pins worst case = V(0)."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        assert r.worst_case_eur == pytest.approx(stay_value(p, 0), abs=1e-6 * scale_of(p))


class TestIrr:
    """IRR by bisection on the month table's net flows, annualised as (1 + x)^12 - 1."""

    @pytest.mark.parametrize("d", CASES)
    def test_irr(self, d: dict[str, Any]) -> None:
        """Pins irr_annual (the root closest to 0 if several) and None where the flows never change sign."""
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        flows = [row.net for row in r.months]
        tol = 1e-9 * scale_of(p)
        changes = sign_changes(flows, tol=tol)
        first = next((f for f in flows if abs(f) > tol), 0.0)
        if changes == 0 or first > 0:
            # §8: no IRR without a change of sign, nor when money comes in before any goes out
            assert r.irr_annual is None
            return
        if changes == 1:
            x = bisect_irr(flows)
        else:
            # several sign changes: numpy-financial (the spec's choice) returns the root closest to zero
            roots = all_irr_roots(flows)
            assert roots, "no root found"
            x = min(roots, key=abs)
        assert npv_at(flows, x) == pytest.approx(0.0, abs=1e-6 * scale_of(p))
        assert r.irr_annual is not None
        assert r.irr_annual == pytest.approx((1.0 + x) ** 12 - 1.0, abs=1e-6, rel=1e-9)

    def test_examples_have_a_clear_irr_or_none(self) -> None:
        """Pins that every example has a unique IRR or none (zero or one sign change in the net flows)."""
        for path in EXAMPLE_FILES:
            d = load_example(path)
            r = evaluate(scenario_from_dict(d))
            flows = [row.net for row in r.months]
            assert sign_changes(flows, tol=1e-9 * scale_of(params_from_dict(d))) <= 1, path.stem

    @pytest.mark.parametrize(
        ("gain", "vacancy_cost"),
        [(0.05, 0.0), (0.2, 0.0), (0.0, 3000.0), (0.01, 500.0)],
    )
    def test_constructed_single_sign_change(self, gain: float, vacancy_cost: float) -> None:
        """Pins IRR on constructed flows: costs in month 1, then only non-negative benefits (q1 = q0)."""
        d = with_overrides(
            GARAGE,
            {
                "training.duration_months": 1,
                "training.subsidies": [],
                "retention.quit_probability_change": 0.0,
                "retention.study_cost_clause.enabled": False,
                "benefits.productivity_gain": gain,
                "benefits.vacancy": {
                    "filled_internally": vacancy_cost > 0,
                    "avoided_hiring_cost_eur": vacancy_cost,
                    "month": 7,
                },
            },
        )
        r = evaluate(scenario_from_dict(d))
        flows = [row.net for row in r.months]
        assert flows[0] < 0
        assert all(f >= 0 for f in flows[1:])
        x = bisect_irr(flows)
        assert r.irr_annual is not None
        assert r.irr_annual == pytest.approx((1.0 + x) ** 12 - 1.0, abs=1e-6, rel=1e-9)

    def test_all_costs_has_no_irr(self) -> None:
        """Pins irr_annual None when every flow is a cost (no gain, no vacancy, no retention effect)."""
        d = with_overrides(
            GARAGE,
            {
                "training.subsidies": [],
                "benefits.productivity_gain": 0.0,
                "retention.quit_probability_change": 0.0,
                "retention.study_cost_clause.enabled": False,
            },
        )
        r = evaluate(scenario_from_dict(d))
        assert all(row.net <= 0 for row in r.months)
        assert r.irr_annual is None


class TestClauseLeavingBeforeStart:
    """A spec corner: leaving before the training starts owes nothing under the clause (§7)."""

    def test_nothing_owed_before_the_start(self) -> None:
        """Pins §7: owed(m) = 1 during the training (S ≤ m ≤ E) and 0 before month S."""
        d = with_overrides(
            GARAGE,
            {"training.start_month": 4, "retention.annual_quit_probability": 0.3},
        )
        p = params_from_dict(d)
        r = evaluate(scenario_from_dict(d))
        assert r.npv_eur == pytest.approx(reference_npv(p), abs=1e-6 * scale_of(p))


def test_reference_rejects_nothing_the_model_accepts() -> None:
    """Pins that every cross-checked scenario is accepted (a ScenarioError here would hide the check)."""
    for param in CASES:
        d = param.values[0]
        try:
            scenario_from_dict(d)
        except ScenarioError as exc:  # pragma: no cover - reported as a failure
            pytest.fail(f"{param.id}: {exc}")
