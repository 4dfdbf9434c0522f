"""The money model, written once: every line of docs/money-model.md §1–§8 over rows × months.

Notes
-----
Broadcast-first, the way numpy-financial's functions take scalars or arrays: every input is a
column (rows × 1) and every monthly line an array of rows × months, so one pass of numpy evaluates

- one scenario (one row: :func:`calculators.money.evaluate.evaluate` takes row 0),
- many draws of one scenario (the simulation replaces the drawn columns, :func:`with_draws`; the
  columns no draw changes stay one row and broadcast),
- a whole team (one row per employee, :func:`inputs_for` stacks the scenarios).

So survival, benefits, replacement, the clause and the break-even stay ``V(n)`` exist once, and the
three uses agree by construction. The formulas and their sources, per section of
docs/money-model.md:

- §1 discounting ``d(m) = (1 + r_m)^−(m−1)``, ``r_m = (1 + r)^(1/12) − 1`` (numpy-financial ``npv``
  convention; :mod:`calculators.money.discounting`);
- §2 wages ``Wm = gross (1 + holiday)(1 + on-cost)``, ``w = Wm / (hours a week × 52 / 12)``,
  ``Vm = Wm × output ratio``, annual salary ``A = 12 gross (1 + holiday)``
  (:mod:`calculators.scenario.wages`; sources.yaml: practitioner_oncost);
- §3 training costs: direct costs in the start month; the wage of hours inside working time and the
  lost output above it (or the extra cost of cover) spread over the training months; required
  training is paid outside working time too (art. 7:611a lid 3 BW;
  :mod:`calculators.scenario.training_costs`); subsidies as negative costs in their month;
- §4 who stays: ``h = 1 − (1 − q)^(1/12)``, ``S(1) = 1``, ``S(m+1) = S(m)(1 − h(m))``,
  ``L(m) = S(m) h(m)``; the trained rate from the month after the training
  (:mod:`calculators.money.retention`; sources.yaml: cbs_2022_job_changers, dietz_zwick_2022);
- §5 benefits ``gain × Vm × employer share × ramp(k) × decay(k)``, ``Y / 12`` and the margin of new
  work ``M × ramp(k)`` in month ``k ≥ 1`` after the training, weighted by ``S_with``
  (almeida_carneiro_2009, dearden_2006, allen_vandervelden_2002; the margin is the user's own
  estimate); the vacancy filled internally in its month;
- §6 replacement ``share × A × (L_with − L_without)`` (boushey_glynn_2012);
- §7 the clause: a leaver owes the sliding share of what the clause can reclaim, its covered lines ×
  the employer's own share after subsidies (:mod:`calculators.money.study_cost_clause`; art. 7:611a BW);
- §8 figures: NPV, present values, discounted payback (phillips_principles) and the training's value
  ``V(n)`` if the employee leaves ``n`` months after it (bibb_cost_benefit), with the break-even stay
  from :func:`calculators.money.metrics.pays_from`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from calculators.money.inputs import ModelInputs
from calculators.money.metrics import pays_from
from calculators.money.retention import hazard, survival
from calculators.money.study_cost_clause import owed_share

__all__ = ["Figures", "Flows", "certain_benefit", "figures", "flows", "stay_values"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

TOLERANCE = 1e-9  # "≥ 0" allows a billionth of a euro of rounding noise (money-model §8)


@dataclass(frozen=True, slots=True)
class Flows:
    """Every monthly line of the model (rows × months; a line no row changes may have one row). One
    scenario's row, as plain arrays over the months, is the same type
    (:func:`calculators.money.cashflows.row`), so the line sums below are defined once."""

    months: IntArray
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
    new_work: FloatArray
    vacancy: FloatArray
    replacement_change: FloatArray
    clause_recovery: FloatArray

    @property
    def training_costs(self) -> FloatArray:
        """Direct costs + wage cost + lost output/backfill − subsidies (§3)."""
        return np.asarray(
            self.direct_cost + self.wage_cost + self.lost_output - self.subsidy, dtype=np.float64
        )

    @property
    def costs(self) -> FloatArray:
        """Training costs plus any increase in expected replacement costs (§8)."""
        return np.asarray(self.training_costs + np.maximum(self.replacement_change, 0.0), dtype=np.float64)

    @property
    def benefits(self) -> FloatArray:
        """Productivity + other + new work + vacancy + replacement saving + clause recovery (§8)."""
        saving = np.maximum(-self.replacement_change, 0.0)
        return np.asarray(
            self.productivity
            + self.other_benefit
            + self.new_work
            + self.vacancy
            + saving
            + self.clause_recovery,
            dtype=np.float64,
        )

    @property
    def net(self) -> FloatArray:
        """Benefits minus costs, per month."""
        return np.asarray(self.benefits - self.costs, dtype=np.float64)


def _share_owed(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    """§7 share owed ``k`` months after the training
    (:func:`calculators.money.study_cost_clause.owed_share`)."""
    return owed_share(k, inputs.clause_months, inputs.clause_yearly)


def certain_benefit(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    """§5 what month ``k`` after the training brings if the employee is there for certain:
    ``gain × Vm × employer share × ramp(k) × decay(k) + Y/12 + M × ramp(k) [× decay(k)]`` for k ≥ 1,
    else 0, with ``ramp(k) = min(1, k/R)`` (1 when R = 0), ``decay(k) = (1 − δ)^((k − 1)/12)`` and ``M``
    the margin of new work (decaying only when the user says it does)."""
    other = np.where(k >= 1, inputs.other_yearly / 12.0, 0.0)
    return np.asarray(_productivity(inputs, k) + other + _new_work(inputs, k), dtype=np.float64)


def _ramp(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    r = inputs.ramp_months
    return np.asarray(np.where(r == 0, 1.0, np.minimum(1.0, k / np.where(r == 0, 1.0, r))), dtype=np.float64)


def _decay(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    return np.asarray((1.0 - inputs.decay) ** (np.maximum(k - 1.0, 0.0) / 12.0), dtype=np.float64)


def _new_work(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    """§5 new work: ``M × ramp(k)`` from the month after the training (k ≥ 1), with ``× decay(k)`` only
    when the margin fades like the gain."""
    fade = np.where(inputs.extra_margin_decays, _decay(inputs, k), 1.0)
    return np.asarray(np.where(k >= 1, inputs.extra_margin * _ramp(inputs, k) * fade, 0.0), dtype=np.float64)


def _productivity(inputs: ModelInputs, k: FloatArray) -> FloatArray:
    gain = inputs.gain * inputs.output_value * inputs.employer_share * _ramp(inputs, k) * _decay(inputs, k)
    return np.asarray(np.where(k >= 1, gain, 0.0), dtype=np.float64)


def flows(inputs: ModelInputs) -> Flows:
    """Every expected monthly line (§3–§7), weighted by the chance the employee is still there."""
    months = inputs.months
    start, end = inputs.start, inputs.end
    in_training = (months >= start) & (months <= end)
    since_end = (months - end).astype(np.float64)
    duration = inputs.duration

    direct = np.where(months == start, inputs.direct_costs * inputs.direct_factor, 0.0)
    wage_total, lost_total = inputs.time_costs
    wage = np.where(in_training, wage_total / duration, 0.0)
    lost = np.where(in_training, lost_total / duration, 0.0)

    h0, h1 = hazard(inputs.quit_without), hazard(inputs.quit_with)
    rows = np.broadcast_shapes(h0.shape, h1.shape, end.shape)[0]
    hazard_without = np.broadcast_to(h0, (rows, inputs.horizon))
    hazard_with = np.broadcast_to(np.where(months <= end, h0, h1), (rows, inputs.horizon))
    survival_without, survival_with = survival(hazard_without), survival(hazard_with)
    leaving_without, leaving_with = survival_without * hazard_without, survival_with * hazard_with

    productivity = _productivity(inputs, since_end) * survival_with
    other = np.where(since_end >= 1, inputs.other_yearly / 12.0, 0.0) * survival_with
    new_work = _new_work(inputs, since_end) * survival_with
    vacancy_here = inputs.vacancy_filled & (months == inputs.vacancy_month)
    vacancy = np.where(vacancy_here, inputs.avoided_hiring * survival_with, 0.0)

    replacement = inputs.replacement_share * inputs.annual_salary * (leaving_with - leaving_without)
    owed = _share_owed(inputs, since_end)
    recovery = np.where(months >= start, leaving_with * owed, 0.0) * inputs.reclaimable

    return Flows(
        months=months,
        discount_factor=inputs.discount,
        survival_without=survival_without,
        survival_with=survival_with,
        leaving_without=leaving_without,
        leaving_with=leaving_with,
        direct_cost=np.asarray(direct, dtype=np.float64),
        wage_cost=np.asarray(wage, dtype=np.float64),
        lost_output=np.asarray(lost, dtype=np.float64),
        subsidy=inputs.subsidy,
        productivity=np.asarray(productivity, dtype=np.float64),
        other_benefit=np.asarray(other, dtype=np.float64),
        new_work=np.asarray(new_work, dtype=np.float64),
        vacancy=np.asarray(vacancy, dtype=np.float64),
        replacement_change=np.asarray(replacement, dtype=np.float64),
        clause_recovery=np.asarray(recovery, dtype=np.float64),
    )


def stay_values(inputs: ModelInputs, model: Flows) -> tuple[FloatArray, BoolArray]:
    """§8 ``V(n)`` for n = 0 … H per row, and which n are real stays (``n ≤ H − E``).

    ``V(n) = Σ_{k=1..n} d(E+k) b(k) + [E + n ≥ M_v] d(M_v) C + d(E+n) owed(n) C_cl − PV(training costs)``
    with ``b(k)`` :func:`certain_benefit`: the value of the training if the employee leaves exactly
    ``n`` months after it, counted with certainty (BIBB's dissolution-risk view; bibb_cost_benefit).
    """
    horizon, end, d = inputs.horizon, inputs.end, inputs.discount
    step = np.arange(horizon, dtype=np.int64)  # k − 1 for k = 1 … H, and n for n = 0 … H − 1
    after = end + step  # index of month E + k
    d_after = np.where(after < horizon, np.take_along_axis(d, np.minimum(after, horizon - 1), axis=1), 0.0)
    earned = np.cumsum(d_after * certain_benefit(inputs, (step + 1).astype(np.float64)), axis=1)
    rows = earned.shape[0]
    benefit_pv = np.concatenate((np.zeros((rows, 1)), earned), axis=1)
    n = np.arange(horizon + 1, dtype=np.int64)
    reached = inputs.vacancy_filled & (end + n >= inputs.vacancy_month)
    d_vacancy = np.take_along_axis(d, np.clip(inputs.vacancy_month - 1, 0, horizon - 1), axis=1)
    benefit_pv = benefit_pv + np.where(reached, inputs.avoided_hiring * d_vacancy, 0.0)
    d_leave = np.take_along_axis(d, np.minimum(end - 1 + n, horizon - 1), axis=1)
    refund = d_leave * _share_owed(inputs, n.astype(np.float64)) * inputs.reclaimable
    cost_pv = np.sum(d * model.training_costs, axis=1)[:, None]
    values = np.asarray(benefit_pv + refund - cost_pv, dtype=np.float64)
    valid = np.broadcast_to(n <= horizon - end, values.shape)
    return values, np.asarray(valid, dtype=np.bool_)


@dataclass(frozen=True, slots=True)
class Figures:
    """§8 per row: the decision figures of every scenario, draw or employee."""

    npv: FloatArray
    cost_pv: FloatArray
    benefit_pv: FloatArray
    discounted: FloatArray  # rows × months
    cumulative: FloatArray  # rows × months
    payback_month: IntArray  # first month from the start with a cumulative result ≥ 0; −1 = never
    stay_values: FloatArray  # rows × (H + 1); columns past H − E are not real stays
    valid_stays: BoolArray
    break_even_stay: IntArray  # smallest n from which every stay pays; −1 = never


def _first(hits: BoolArray) -> IntArray:
    """Index of the first True per row, or −1."""
    return np.where(hits.any(axis=1), np.argmax(hits, axis=1), -1).astype(np.int64)


def figures(inputs: ModelInputs, model: Flows | None = None) -> Figures:
    """NPV, present values of costs and benefits, payback month and break-even stay per row (§8)."""
    model = model or flows(inputs)
    d = inputs.discount
    net = model.net
    discounted = np.asarray(d * net, dtype=np.float64)
    cumulative = np.cumsum(discounted, axis=1)
    payback = _first((cumulative >= -TOLERANCE) & (inputs.months >= inputs.start))
    values, valid = stay_values(inputs, model)
    return Figures(
        npv=np.sum(discounted, axis=1),
        cost_pv=np.sum(d * model.costs, axis=1),
        benefit_pv=np.sum(d * model.benefits, axis=1),
        discounted=discounted,
        cumulative=cumulative,
        payback_month=np.where(payback >= 0, payback + 1, -1).astype(np.int64),
        stay_values=values,
        valid_stays=valid,
        break_even_stay=_first(pays_from(values, valid)),
    )
