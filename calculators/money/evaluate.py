"""Evaluate a scenario: the cash-flow table and every decision figure, as one typed result.

Notes
-----
NPV = Σ d(m) net(m); PV costs and PV benefits as in docs/money-model.md §8.
ROI % = (PV benefits − PV costs) / PV costs × 100 and BCR = PV benefits / PV costs — the ROI
Institute's definitions (sources.yaml: roi_institute_calculator), applied to discounted totals
(Forrester TEI discounts too: forrester_tei). Both are None when PV costs ≤ 0.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from calculators.money import inputs as model_inputs
from calculators.money import kernel
from calculators.money.cashflows import row
from calculators.money.metrics import irr_annual
from calculators.scenario.io import validate
from calculators.scenario.model import Scenario

__all__ = ["Breakdown", "MonthRow", "Result", "evaluate", "npv"]


@dataclass(frozen=True, slots=True)
class MonthRow:
    """One month of the cash-flow table (costs positive in their own columns)."""

    month: int
    discount_factor: float
    survival_without: float
    survival_with: float
    direct_cost: float
    wage_cost: float
    lost_output: float
    subsidy: float
    productivity: float
    other_benefit: float
    new_work: float
    vacancy: float
    replacement_change: float
    clause_recovery: float
    net: float
    discounted_net: float
    cumulative_discounted_net: float

    @property
    def replacement_saving(self) -> float:
        """The month's expected saving on replacement costs (a negative change), as a benefit (§6)."""
        return max(-self.replacement_change, 0.0)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Present values of each cost and benefit line (all positive except where noted)."""

    course_fees: float
    materials_exam: float
    travel: float
    direct_cost: float  # course fees + materials and exam + travel
    wage_cost: float
    lost_output: float  # negative when hired cover is cheaper than the trainee's own wage
    subsidy: float
    replacement_increase: float
    productivity: float
    other_benefit: float
    new_work: float
    vacancy: float
    replacement_saving: float
    clause_recovery: float

    @property
    def hours_cost(self) -> float:
        """The training hours: wages paid plus the output lost or the cover hired (docs/money-model.md §3)."""
        return self.wage_cost + self.lost_output

    @property
    def training_net(self) -> float:
        """What the training itself costs after subsidies: direct costs + hours − subsidies (§3).

        ``total_cost_eur`` adds to this any rise in expected replacement costs (§8)."""
        return self.direct_cost + self.hours_cost - self.subsidy


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the model says about one scenario."""

    npv_eur: float
    irr_annual: float | None
    roi_pct: float | None
    benefit_cost_ratio: float | None
    payback_month: int | None
    break_even_stay_months: int | None
    worst_case_eur: float
    total_cost_eur: float
    expected_benefit_eur: float
    training_end_month: int
    horizon_months: int
    breakdown: Breakdown
    stay_values_eur: tuple[float, ...]  # V(n), n = 0 … horizon − training end
    months: tuple[MonthRow, ...]

    @property
    def pays_off(self) -> bool:
        """Whether the expected result over the horizon is positive."""
        return self.npv_eur > 0

    @property
    def stays_whole_period_eur(self) -> float:
        """The training's value if the employee is sure to stay the whole horizon: ``V(H − E)`` of
        docs/money-model.md §8 (no chance of leaving, so no replacement costs either)."""
        return self.stay_values_eur[-1]

    def to_dict(self, *, with_months: bool = True) -> dict[str, Any]:
        """Plain-JSON form (the command line prints this)."""
        data: dict[str, Any] = {
            "npv_eur": round(self.npv_eur, 2),
            "irr_annual": None if self.irr_annual is None else round(self.irr_annual, 6),
            "roi_pct": None if self.roi_pct is None else round(self.roi_pct, 2),
            "benefit_cost_ratio": None
            if self.benefit_cost_ratio is None
            else round(self.benefit_cost_ratio, 4),
            "payback_month": self.payback_month,
            "break_even_stay_months": self.break_even_stay_months,
            "worst_case_eur": round(self.worst_case_eur, 2),
            "total_cost_eur": round(self.total_cost_eur, 2),
            "expected_benefit_eur": round(self.expected_benefit_eur, 2),
            "training_end_month": self.training_end_month,
            "horizon_months": self.horizon_months,
            "breakdown_pv_eur": {
                name: round(getattr(self.breakdown, name), 2) for name in Breakdown.__slots__
            },
        }
        if with_months:
            data["months"] = [
                {
                    name: (getattr(row, name) if name == "month" else round(getattr(row, name), 6))
                    for name in MonthRow.__slots__
                }
                for row in self.months
            ]
        return data


def _breakdown(scenario: Scenario, flows: kernel.Flows) -> Breakdown:
    d = flows.discount_factor
    start = float(d[scenario.training.start_month - 1])  # direct costs are all paid in the first month

    def pv(values: np.ndarray) -> float:
        return float(np.sum(d * values))

    return Breakdown(
        course_fees=scenario.training.course_fees_eur * start,
        materials_exam=scenario.training.materials_exam_eur * start,
        travel=scenario.training.travel_eur * start,
        direct_cost=pv(flows.direct_cost),
        wage_cost=pv(flows.wage_cost),
        lost_output=pv(flows.lost_output),
        subsidy=pv(flows.subsidy),
        replacement_increase=pv(np.maximum(flows.replacement_change, 0.0)),
        productivity=pv(flows.productivity),
        other_benefit=pv(flows.other_benefit),
        new_work=pv(flows.new_work),
        vacancy=pv(flows.vacancy),
        replacement_saving=pv(np.maximum(-flows.replacement_change, 0.0)),
        clause_recovery=pv(flows.clause_recovery),
    )


def npv(scenario: Scenario) -> float:
    """The net present value alone: ``evaluate(scenario).npv_eur`` without the rest of the result.

    Same formula and the same validation as :func:`evaluate` (Σ_t d_t · net_t over the horizon, with
    ``d_t`` the discount factor of month t, see calculators/money/discounting.py), for searches that need
    only this figure many times over (calculators/money/break_even.py).

    >>> from calculators.scenario.io import default_scenario
    >>> npv(default_scenario()) == evaluate(default_scenario()).npv_eur
    True
    """
    validate(scenario)
    inputs = model_inputs.inputs_for([scenario])
    return float(np.sum(inputs.discount * kernel.flows(inputs).net, axis=1)[0])


def _month(value: np.int64) -> int | None:
    """A month from the kernel's integer arrays, where −1 means "none"."""
    return None if value < 0 else int(value)


def evaluate(scenario: Scenario) -> Result:
    """Validate a scenario and compute its result.

    >>> from calculators.scenario.io import default_scenario
    >>> r = evaluate(default_scenario())
    >>> r.horizon_months, len(r.months), r.training_end_month
    (36, 36, 1)
    """
    validate(scenario)
    inputs = model_inputs.inputs_for([scenario])
    model = kernel.flows(inputs)
    figures = kernel.figures(inputs, model)  # the one model, one row (docs/money-model.md §8)
    flows = row(model)
    net = flows.net
    discounted = figures.discounted[0]
    cumulative = figures.cumulative[0]
    cost_pv = float(figures.cost_pv[0])
    benefit_pv = float(figures.benefit_pv[0])
    values = figures.stay_values[0, : scenario.horizon_months - scenario.training.end_month + 1]
    columns = {
        "month": flows.months,
        "discount_factor": flows.discount_factor,
        "survival_without": flows.survival_without,
        "survival_with": flows.survival_with,
        "direct_cost": flows.direct_cost,
        "wage_cost": flows.wage_cost,
        "lost_output": flows.lost_output,
        "subsidy": flows.subsidy,
        "productivity": flows.productivity,
        "other_benefit": flows.other_benefit,
        "new_work": flows.new_work,
        "vacancy": flows.vacancy,
        "replacement_change": flows.replacement_change,
        "clause_recovery": flows.clause_recovery,
        "net": net,
        "discounted_net": discounted,
        "cumulative_discounted_net": cumulative,
    }
    # .tolist() gives the same Python ints and floats as int()/float() of each element, in one pass.
    listed = [columns[item.name][: scenario.horizon_months].tolist() for item in fields(MonthRow)]
    rows = tuple(MonthRow(*values) for values in zip(*listed, strict=True))
    positive_cost = cost_pv > 1e-9
    return Result(
        npv_eur=float(figures.npv[0]),
        irr_annual=irr_annual(net),
        roi_pct=(benefit_pv - cost_pv) / cost_pv * 100.0 if positive_cost else None,
        benefit_cost_ratio=benefit_pv / cost_pv if positive_cost else None,
        payback_month=_month(figures.payback_month[0]),
        break_even_stay_months=_month(figures.break_even_stay[0]),
        worst_case_eur=float(values[0]),
        total_cost_eur=cost_pv,
        expected_benefit_eur=benefit_pv,
        training_end_month=scenario.training.end_month,
        horizon_months=scenario.horizon_months,
        breakdown=_breakdown(scenario, flows),
        stay_values_eur=tuple(float(v) for v in values),
        months=rows,
    )
