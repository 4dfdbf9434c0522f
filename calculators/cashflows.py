"""The monthly cash flows of a training decision, expected over who stays.

Every line follows docs/money-model.md (§3 costs, §4 survival, §5 benefits, §6 replacement,
§7 clause). Arrays run over months 1 … H (index 0 is month 1). Costs are positive numbers in
their own lines; ``net = benefits − costs``.

Sources for the shape of the model: fully loaded costs and the ROI/BCR definitions follow the
ROI Institute (sources.yaml: roi_institute_calculator, phillips_principles); the productivity
gain per training hour and the share kept by the employer follow almeida_carneiro_2009,
lopes_teixeira_2013 and dearden_2006; skill decay allen_vandervelden_2002; the replacement cost
of a leaver boushey_glynn_2012.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from calculators.discounting import discount_factors
from calculators.retention import leaving_probabilities, monthly_hazard, survival
from calculators.scenario import Scenario
from calculators.study_cost_clause import reclaimable_costs, share_owed
from calculators.training_costs import time_costs
from calculators.wages import annual_salary, loaded_monthly_wage

__all__ = ["CashFlows", "certain_monthly_benefit", "monthly_cash_flows"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class CashFlows:
    """All monthly lines of the model (each an array over months 1 … H)."""

    months: npt.NDArray[np.int64]
    discount_factor: FloatArray
    survival_without: FloatArray
    survival_with: FloatArray
    leaving_without: FloatArray
    leaving_with: FloatArray
    direct_cost: FloatArray
    wage_cost: FloatArray
    lost_output: FloatArray
    subsidy: FloatArray
    productivity: FloatArray
    other_benefit: FloatArray
    vacancy: FloatArray
    replacement_change: FloatArray
    clause_recovery: FloatArray

    @property
    def training_costs(self) -> FloatArray:
        """Direct costs + wage cost + lost output/backfill − subsidies."""
        return self.direct_cost + self.wage_cost + self.lost_output - self.subsidy

    @property
    def costs(self) -> FloatArray:
        """Training costs plus any increase in expected replacement costs."""
        return self.training_costs + np.maximum(self.replacement_change, 0.0)

    @property
    def benefits(self) -> FloatArray:
        """Productivity + other + vacancy + replacement savings + clause recovery."""
        saving = np.maximum(-self.replacement_change, 0.0)
        return self.productivity + self.other_benefit + self.vacancy + saving + self.clause_recovery

    @property
    def net(self) -> FloatArray:
        """Benefits minus costs, per month."""
        return self.benefits - self.costs


def certain_monthly_benefit(scenario: Scenario, months_since_end: npt.NDArray[np.int64]) -> FloatArray:
    """Productivity gain plus other yearly benefits in month ``k`` after the training, if still there.

    ``gain × Vm × employer share × ramp(k) × decay(k) + Y/12`` for k ≥ 1, else 0, with
    ``ramp(k) = min(1, k/R)`` and ``decay(k) = (1 − δ)^((k − 1)/12)`` (docs/money-model.md §5).
    """
    b = scenario.benefits
    k = months_since_end.astype(np.float64)
    after = k >= 1
    ramp = np.ones_like(k) if b.ramp_up_months == 0 else np.minimum(1.0, k / b.ramp_up_months)
    decay = (1.0 - b.annual_decay) ** (np.maximum(k - 1.0, 0.0) / 12.0)
    output_value = loaded_monthly_wage(scenario.employee) * scenario.employee.output_value_ratio
    productivity = b.productivity_gain * output_value * b.employer_share * ramp * decay
    return np.where(after, productivity + b.other_yearly_benefits_eur / 12.0, 0.0)


def monthly_cash_flows(scenario: Scenario) -> CashFlows:
    """Expected cash flows per month, weighted by the chance the employee is still there."""
    s = scenario
    horizon = s.horizon_months
    months = np.arange(1, horizon + 1, dtype=np.int64)
    index = months - 1
    t = s.training
    start, end = t.start_month, t.end_month
    in_training = (months >= start) & (months <= end)
    since_end = months - end

    direct = np.where(months == start, t.direct_costs_eur, 0.0)
    time = time_costs(t, s.employee)
    wage = np.where(in_training, time.wage_cost_eur / t.duration_months, 0.0)
    lost = np.where(in_training, time.lost_output_eur / t.duration_months, 0.0)
    subsidy = np.zeros(horizon)
    for item in t.subsidies:
        subsidy[item.month - 1] += item.amount_eur

    r = s.retention
    h0 = monthly_hazard(r.annual_quit_probability)
    h1 = monthly_hazard(r.quit_probability_with_training)
    hazard_without = np.full(horizon, h0)
    hazard_with = np.where(months <= end, h0, h1)
    survival_without, survival_with = survival(hazard_without), survival(hazard_with)
    leaving_without = leaving_probabilities(hazard_without)
    leaving_with = leaving_probabilities(hazard_with)

    b = s.benefits
    certain = certain_monthly_benefit(s, since_end)
    other = np.where(since_end >= 1, b.other_yearly_benefits_eur / 12.0, 0.0)
    productivity = (certain - other) * survival_with
    vacancy = np.zeros(horizon)
    if b.vacancy.filled_internally:
        vacancy[b.vacancy.month - 1] = b.vacancy.avoided_hiring_cost_eur * survival_with[b.vacancy.month - 1]

    replacement_cost = r.replacement_cost_share * annual_salary(s.employee)
    replacement_change = replacement_cost * (leaving_with - leaving_without)
    clause = r.study_cost_clause
    # only someone who started the training can owe anything for it, and only the employer's own
    # share of the covered costs: never what a subsidy or fund paid (§7, dutch-rules §0)
    reclaimable = reclaimable_costs(clause, t, s.employee)
    recovery = np.where(months >= start, leaving_with * share_owed(clause, since_end), 0.0) * reclaimable

    return CashFlows(
        months=months,
        discount_factor=discount_factors(s.company.discount_rate_annual, horizon)[index],
        survival_without=survival_without,
        survival_with=survival_with,
        leaving_without=leaving_without,
        leaving_with=leaving_with,
        direct_cost=direct,
        wage_cost=wage,
        lost_output=lost,
        subsidy=subsidy,
        productivity=productivity,
        other_benefit=other * survival_with,
        vacancy=vacancy,
        replacement_change=replacement_change,
        clause_recovery=recovery,
    )
