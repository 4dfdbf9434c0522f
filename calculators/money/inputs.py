"""The money model's inputs as columns (rows × 1): one row per scenario, draw or employee.

The one kernel (:mod:`calculators.money.kernel`, docs/money-model.md) computes over these columns;
:func:`inputs_for` stacks scenarios (one row each: the single case and team mode) and
:func:`with_draws` puts the simulation's drawn columns into one scenario's inputs. Derived
quantities (§2 wages, §3 time costs, §7 what the clause can reclaim) are properties, written with
the broadcast-first formulas of :mod:`calculators.scenario.wages`,
:mod:`calculators.scenario.training_costs` and :mod:`calculators.money.study_cost_clause`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from calculators.money.discounting import discount_factors
from calculators.money.study_cost_clause import covered_costs, employer_share
from calculators.scenario.model import RepaymentScale, Scenario, TrainingKind
from calculators.scenario.training_costs import hour_costs
from calculators.scenario.wages import annual_salary_of, hourly_wage_of, monthly_wage_of

__all__ = ["ModelInputs", "inputs_for", "with_draws"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class ModelInputs:
    """Every input of the model as a column (rows × 1); ``discount`` and ``subsidy`` are rows × months.

    A column may have one row while others have many: numpy broadcasting then applies it to every row
    (the simulation's undrawn inputs).
    """

    horizon: int
    discount: FloatArray
    gross: FloatArray
    holiday: FloatArray
    oncost: FloatArray
    hours_per_week: FloatArray
    output_ratio: FloatArray
    start: IntArray
    end: IntArray
    direct_costs: FloatArray
    direct_factor: FloatArray  # 1 + the drawn cost overrun (1 outside the simulation)
    hours: FloatArray
    share_inside: FloatArray
    mandatory: BoolArray
    backfill: FloatArray
    subsidy: FloatArray
    subsidies_total: FloatArray
    quit_without: FloatArray
    quit_with: FloatArray
    gain: FloatArray
    employer_share: FloatArray
    ramp_months: FloatArray
    decay: FloatArray
    other_yearly: FloatArray
    extra_margin: FloatArray  # gross margin a month from new work the training makes possible
    extra_margin_decays: BoolArray
    vacancy_filled: BoolArray
    vacancy_month: IntArray
    avoided_hiring: FloatArray
    replacement_share: FloatArray
    clause_covered: FloatArray  # the clause's covered lines, gross (0 when there is no clause)
    clause_months: FloatArray
    clause_yearly: BoolArray

    @property
    def months(self) -> IntArray:
        """Month numbers 1 … H."""
        return np.arange(1, self.horizon + 1, dtype=np.int64)

    @property
    def monthly_wage(self) -> FloatArray:
        """§2 ``Wm = gross × (1 + holiday) × (1 + on-cost)``."""
        return monthly_wage_of(self.gross, self.holiday, self.oncost)

    @property
    def hourly_wage(self) -> FloatArray:
        """§2 ``w = Wm / (hours a week × 52 / 12)``."""
        return hourly_wage_of(self.monthly_wage, self.hours_per_week)

    @property
    def output_value(self) -> FloatArray:
        """§2 ``Vm = Wm × output ratio``."""
        return np.asarray(self.monthly_wage * self.output_ratio, dtype=np.float64)

    @property
    def annual_salary(self) -> FloatArray:
        """§2 ``A = 12 × gross × (1 + holiday)``, the base of the replacement cost."""
        return annual_salary_of(self.gross, self.holiday)

    @property
    def duration(self) -> IntArray:
        """Training months ``D = E − S + 1``."""
        return np.asarray(self.end - self.start + 1, dtype=np.int64)

    @property
    def time_costs(self) -> tuple[FloatArray, FloatArray]:
        """§3 the wage cost and the lost output (or cover) of all training hours, over the whole training."""
        return hour_costs(
            self.hours, self.share_inside, self.mandatory, self.backfill, self.hourly_wage, self.output_ratio
        )

    @property
    def reclaimable(self) -> FloatArray:
        """§7 ``C_cl = covered lines × overrun factor × max(0, 1 − S / T)`` (employer_share)."""
        wage, lost = self.time_costs
        share = employer_share(self.subsidies_total, self.direct_costs * self.direct_factor, wage + lost)
        return np.asarray(self.clause_covered * self.direct_factor * share, dtype=np.float64)


def _column(
    scenarios: Sequence[Scenario], get: Callable[[Scenario], float], dtype: type = np.float64
) -> npt.NDArray[np.generic]:
    return np.fromiter((get(s) for s in scenarios), dtype=dtype, count=len(scenarios))[:, None]


def inputs_for(scenarios: Sequence[Scenario]) -> ModelInputs:
    """The model's inputs for scenarios that share one horizon: one row each, in order.

    Scenarios must be valid (:func:`calculators.scenario.io.validate`); different horizons raise
    ValueError (team mode groups by horizon).
    """
    if not scenarios:
        raise ValueError("at least one scenario is needed")
    horizon = scenarios[0].horizon_months
    if any(s.horizon_months != horizon for s in scenarios):
        raise ValueError("every scenario in one pass needs the same horizon")
    count = len(scenarios)
    rates = [s.company.discount_rate_annual for s in scenarios]
    factors = {rate: discount_factors(rate, horizon) for rate in set(rates)}
    subsidy = np.zeros((count, horizon))
    cells = [
        (row, item.month - 1, item.amount_eur)
        for row, s in enumerate(scenarios)
        for item in s.training.subsidies
    ]
    if cells:
        rows, columns, amounts = zip(*cells, strict=True)
        np.add.at(subsidy, (np.array(rows), np.array(columns)), np.array(amounts))  # in item order

    def floats(get: Callable[[Scenario], float]) -> FloatArray:
        return np.asarray(_column(scenarios, get), dtype=np.float64)

    def ints(get: Callable[[Scenario], int]) -> IntArray:
        return np.asarray(_column(scenarios, get, np.int64), dtype=np.int64)

    def flags(get: Callable[[Scenario], bool]) -> BoolArray:
        return np.asarray(_column(scenarios, get, np.bool_), dtype=np.bool_)

    return ModelInputs(
        horizon=horizon,
        discount=np.stack([factors[rate] for rate in rates]),
        gross=floats(lambda s: s.employee.gross_monthly_salary_eur),
        holiday=floats(lambda s: s.employee.holiday_allowance_rate),
        oncost=floats(lambda s: s.employee.employer_oncost_rate),
        hours_per_week=floats(lambda s: s.employee.hours_per_week),
        output_ratio=floats(lambda s: s.employee.output_value_ratio),
        start=ints(lambda s: s.training.start_month),
        end=ints(lambda s: s.training.end_month),
        direct_costs=floats(lambda s: s.training.direct_costs_eur),
        direct_factor=np.ones((1, 1)),
        hours=floats(lambda s: s.training.hours),
        share_inside=floats(lambda s: s.training.share_in_working_time),
        mandatory=flags(lambda s: s.training.kind is TrainingKind.MANDATORY),
        backfill=floats(lambda s: s.training.backfill_hourly_cost_eur),
        subsidy=subsidy,
        subsidies_total=floats(lambda s: s.training.subsidies_eur),
        quit_without=floats(lambda s: s.retention.annual_quit_probability),
        quit_with=floats(lambda s: s.retention.quit_probability_with_training),
        gain=floats(lambda s: s.benefits.productivity_gain),
        employer_share=floats(lambda s: s.benefits.employer_share),
        ramp_months=floats(lambda s: s.benefits.ramp_up_months),
        decay=floats(lambda s: s.benefits.annual_decay),
        other_yearly=floats(lambda s: s.benefits.other_yearly_benefits_eur),
        extra_margin=floats(lambda s: s.benefits.extra_margin_per_month_eur),
        extra_margin_decays=flags(lambda s: s.benefits.extra_margin_decays),
        vacancy_filled=flags(lambda s: s.benefits.vacancy.filled_internally),
        vacancy_month=ints(lambda s: s.benefits.vacancy.month),
        avoided_hiring=floats(lambda s: s.benefits.vacancy.avoided_hiring_cost_eur),
        replacement_share=floats(lambda s: s.retention.replacement_cost_share),
        clause_covered=floats(lambda s: covered_costs(s.retention.study_cost_clause, s.training)),
        clause_months=floats(lambda s: s.retention.study_cost_clause.repayment_months),
        clause_yearly=flags(lambda s: s.retention.study_cost_clause.scale is RepaymentScale.YEARLY_STEPS),
    )


def with_draws(inputs: ModelInputs, draws: Mapping[str, FloatArray]) -> ModelInputs:
    """One scenario's inputs with the simulation's drawn columns (one row per draw) put in.

    ``draws`` holds :data:`calculators.money.monte_carlo.UNCERTAIN`: the productivity gain, the quit
    probability and the training's change to it (``q1 = q0 + change``, §4), the yearly decay, the
    replacement share and the cost overrun on the direct costs (factor ``1 + overrun``).
    """

    def column(name: str) -> FloatArray:
        return np.asarray(draws[name], dtype=np.float64)[:, None]

    q0 = column("retention.annual_quit_probability")
    return replace(
        inputs,
        gain=column("benefits.productivity_gain"),
        quit_without=q0,
        quit_with=q0 + column("retention.quit_probability_change"),
        decay=column("benefits.annual_decay"),
        replacement_share=column("retention.replacement_cost_share"),
        direct_factor=1.0 + column("cost_overrun"),
    )
