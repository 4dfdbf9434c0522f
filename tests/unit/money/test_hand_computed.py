"""Hand-computed expectations for the money model (docs/money-model.md).

Every expected number below is derived from the text of docs/money-model.md, with the arithmetic written
out next to it. None of them was obtained by running `calculators`. Where a closed formula is easier to
read than a long decimal, the formula from the spec is written as Python arithmetic (that is the hand
computation) and its value is given in the comment.

Common base scenario (section references are to docs/money-model.md):

    gross 3000, holiday allowance 0.08, employer on-costs 0.30, 40 h/week, output_value_ratio 1.0
    Wm = 3000 * 1.08 * 1.30 = 4212.00                    (§2)
    Hm = 40 * 52 / 12 = 173.333…                          (§2)
    w  = 4212 / 173.333… = 50544 / 2080 = 24.30           (§2)
    A  = 12 * 3000 * 1.08 = 38880;  Rc = 0.20 * 38880 = 7776.00   (§2, §6)
    training: current_job, course fees 1000, 24 h, all in working time, start 1, 1 month (S = E = 1)
    direct = 1000 in month 1; wage = (24 / 1) * 24.30 = 583.20 in month 1; lost output = 0 (ratio 1.0)
    benefits: gain 0.10, employer share 1.0, ramp 0, decay 0 → productivity 0.10 * 4212 = 421.20 / month
    horizon 12, discount rate 0 (d(m) = 1), quit probability 0 and change 0 (S(m) = 1)
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar

import pytest

from calculators import Result, ScenarioError, evaluate, scenario_from_dict

W_HOURLY = 24.30  # 4212 / (40 * 52 / 12)
PROD = 421.20  # 0.10 * 4212 * 1.0
RC = 7776.0  # 0.20 * 12 * 3000 * 1.08
BASE_COST = 1583.20  # 1000 direct + 24 * 24.30 wage

BASE: dict[str, Any] = {
    "schema_version": 1,
    "horizon_months": 12,
    "company": {"employee_count": 10, "sector": "other", "rules_year": 2026, "discount_rate_annual": 0.0},
    "employee": {
        "label": "",
        "gross_monthly_salary_eur": 3000,
        "holiday_allowance_rate": 0.08,
        "employer_oncost_rate": 0.30,
        "hours_per_week": 40,
        "years_of_service": 5,
        "age": 40,
        "role_outlook": "stable",
        "output_value_ratio": 1.0,
    },
    "training": {
        "kind": "current_job",
        "course_fees_eur": 1000,
        "materials_exam_eur": 0,
        "travel_eur": 0,
        "hours": 24,
        "share_in_working_time": 1.0,
        "start_month": 1,
        "duration_months": 1,
        "backfill_hourly_cost_eur": 0,
        "subsidies": [],
    },
    "benefits": {
        "productivity_gain": 0.10,
        "ramp_up_months": 0,
        "annual_decay": 0.0,
        "employer_share": 1.0,
        "other_yearly_benefits_eur": 0,
        "vacancy": {"filled_internally": False, "avoided_hiring_cost_eur": 4494, "month": 12},
    },
    "retention": {
        "annual_quit_probability": 0.0,
        "quit_probability_change": 0.0,
        "replacement_cost_share": 0.20,
        "study_cost_clause": {
            "enabled": False,
            "repayment_months": 24,
            "scale": "linear",
            "covers": ["course_fees", "materials_exam", "travel"],
        },
    },
}

# A monthly rate of exactly 1 %: r = 1.01^12 - 1, so r_m = (1 + r)^(1/12) - 1 = 0.01 and d(m) = 1.01^-(m-1).
R_ONE_PCT_MONTHLY = 1.01**12 - 1  # 0.12682503…

# Monthly hazard for q = 0.12: h = 1 - 0.88^(1/12) = 0.0105962410…; g = 1 - h = 0.88^(1/12) = 0.9894037590…
G12 = 0.88 ** (1 / 12)
H12 = 1 - G12


def make(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a deep copy of BASE with dotted-path overrides applied (e.g. {"training.hours": 12})."""
    d = copy.deepcopy(BASE)
    for path, value in (overrides or {}).items():
        node = d
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return d


def run(overrides: dict[str, Any] | None = None) -> Result:
    """Evaluate the base scenario with the given overrides."""
    return evaluate(scenario_from_dict(make(overrides)))


def eur(value: float) -> object:
    """Euro amounts: 1 cent tolerance."""
    return pytest.approx(value, abs=0.01)


def exact(value: float) -> object:
    """Ratios, probabilities, discount factors: tight relative tolerance."""
    return pytest.approx(value, rel=1e-9, abs=1e-12)


class TestBaseline:
    """r = 0, q = 0, ramp 0, decay 0, share 1: every line is a plain sum."""

    def test_month_one_costs(self) -> None:
        """Pins §2/§3: direct costs in month S, wage = (Tin/D) * w = 24 * 24.30 = 583.20, no lost output."""
        r = run()
        row = r.months[0]
        assert row.month == 1
        assert row.direct_cost == eur(1000.0)
        assert row.wage_cost == eur(583.20)  # 24 h * 24.30
        assert row.lost_output == eur(0.0)  # ratio 1.0 → (Tin/D) * w * (1.0 - 1) = 0
        assert row.productivity == eur(0.0)  # no benefit during the training
        assert row.net == eur(-1583.20)

    def test_rows_after_training(self) -> None:
        """Pins §5: productivity = gain * Vm * share = 0.10 * 4212 * 1 = 421.20 in each month 2..12."""
        r = run()
        assert len(r.months) == 12
        for row in r.months[1:]:
            assert row.productivity == eur(421.20)
            assert row.direct_cost == eur(0.0)
            assert row.wage_cost == eur(0.0)
            assert row.replacement_change == eur(0.0)
            assert row.discount_factor == exact(1.0)
            assert row.survival_with == exact(1.0)
            assert row.survival_without == exact(1.0)
        # cumulative after month 4: -1583.20 + 3 * 421.20 = -319.60; after month 5: +101.60
        assert r.months[3].cumulative_discounted_net == eur(-319.60)
        assert r.months[4].cumulative_discounted_net == eur(101.60)

    def test_results(self) -> None:
        """Pins §8: NPV, PV costs/benefits, ROI, B/C, worst case, payback and break-even stay."""
        r = run()
        # benefits = 11 * 421.20 = 4633.20; costs = 1583.20; NPV = 4633.20 - 1583.20 = 3050.00
        assert r.npv_eur == eur(3050.00)
        assert r.total_cost_eur == eur(1583.20)
        assert r.expected_benefit_eur == eur(4633.20)
        # ROI = 3050 / 1583.20 * 100 = 192.6478…; B/C = 4633.20 / 1583.20 = 2.926478…
        assert r.roi_pct == exact(3050.0 / 1583.2 * 100)
        assert r.benefit_cost_ratio == exact(4633.2 / 1583.2)
        # worst case V(0) = -(1000 + 583.20) = -1583.20
        assert r.worst_case_eur == eur(-1583.20)
        # V(n) = 421.20 n - 1583.20: V(3) = -319.60 < 0, V(4) = 101.60 ≥ 0 → 4
        assert r.break_even_stay_months == 4
        # cumulative: m4 = -319.60, m5 = +101.60 → payback month 5 (= E + 4)
        assert r.payback_month == 5

    def test_low_gain_never_breaks_even(self) -> None:
        """Pins None for payback and break-even stay when the horizon is too short."""
        # gain 0.02, share 0.5: 0.02 * 4212 * 0.5 = 42.12 / month; NPV = 11 * 42.12 - 1583.20 = -1119.88
        r = run({"benefits.productivity_gain": 0.02, "benefits.employer_share": 0.5})
        assert r.months[5].productivity == eur(42.12)
        assert r.npv_eur == eur(-1119.88)
        # V(n) = 42.12 n - 1583.20 ≥ 0 needs n ≥ 37.6 > H - E = 11 → None
        assert r.break_even_stay_months is None
        assert r.payback_month is None
        assert r.worst_case_eur == eur(-1583.20)


class TestWages:
    """§2 wage formulas with a second set of inputs."""

    def test_loaded_hourly_wage_and_output_value(self) -> None:
        """Pins Wm, Hm and w: wage line = hours * Wm / Hm, productivity = gain * Wm * share."""
        # Wm = 2500 * 1.08 * 1.25 = 3375.00; Hm = 36 * 52 / 12 = 156; w = 3375 / 156 = 21.634615…
        # wage line = 26 h * 21.634615 = 87750 / 156 = 562.50
        # productivity = 0.04 * 3375 * 0.5 = 67.50 / month, months 2..12 → 11 * 67.50 = 742.50
        # NPV = 742.50 - 1000 - 562.50 = -820.00
        r = run(
            {
                "employee.gross_monthly_salary_eur": 2500,
                "employee.employer_oncost_rate": 0.25,
                "employee.hours_per_week": 36,
                "training.hours": 26,
                "benefits.productivity_gain": 0.04,
                "benefits.employer_share": 0.5,
            }
        )
        assert r.months[0].wage_cost == eur(562.50)
        assert r.months[1].productivity == eur(67.50)
        assert r.npv_eur == eur(-820.00)
        assert r.worst_case_eur == eur(-1562.50)


class TestTrainingTiming:
    """§1/§3: a training that starts later and runs over several months."""

    def test_later_multi_month_training(self) -> None:
        """Pins S = 3, D = 2 (E = 4): direct costs in month 3, 12 h wage per month, benefits from month 5."""
        # wage per training month = (24 / 2) * 24.30 = 291.60 in months 3 and 4
        # productivity in months 5..12 = 8 * 421.20 = 3369.60; NPV = 3369.60 - 1000 - 583.20 = 1786.40
        r = run({"training.start_month": 3, "training.duration_months": 2})
        rows = r.months
        assert rows[0].net == eur(0.0)
        assert rows[1].net == eur(0.0)
        assert rows[2].direct_cost == eur(1000.0)
        assert rows[2].wage_cost == eur(291.60)
        assert rows[3].direct_cost == eur(0.0)
        assert rows[3].wage_cost == eur(291.60)
        assert rows[3].productivity == eur(0.0)
        assert rows[4].productivity == eur(421.20)
        assert r.npv_eur == eur(1786.40)
        assert r.worst_case_eur == eur(-1583.20)
        # V(n) = 421.20 n - 1583.20 → V(3) = -319.60, V(4) = 101.60 → 4
        assert r.break_even_stay_months == 4


class TestDiscounting:
    """§1: d(m) = (1 + r_m)^-(m-1) with r_m = (1 + r)^(1/12) - 1; here r_m = 1 % exactly."""

    def test_discount_factors(self) -> None:
        """Pins d(1) = 1 (month 1 not discounted) and d(m) = 1.01^-(m-1)."""
        r = run({"company.discount_rate_annual": R_ONE_PCT_MONTHLY})
        assert r.months[0].discount_factor == exact(1.0)
        assert r.months[1].discount_factor == exact(1 / 1.01)  # 0.990099…
        assert r.months[11].discount_factor == exact(1.01**-11)  # 0.896323717…
        # discounted net month 2 = 421.20 / 1.01 = 417.0297…
        assert r.months[1].discounted_net == eur(417.029703)

    def test_npv_payback_break_even(self) -> None:
        """Pins the discounted NPV, payback and break-even stay over a 12-month horizon."""
        r = run({"company.discount_rate_annual": R_ONE_PCT_MONTHLY})
        # NPV = -1583.20 + 421.20 * Σ_{j=1..11} 1.01^-j;  Σ = (1 - 1.01^-11) / 0.01 = 10.36762825
        #     = -1583.20 + 4366.8450 = 2783.6450
        assert r.npv_eur == eur(2783.645018)
        assert r.worst_case_eur == eur(-1583.20)  # all costs in month 1, d(1) = 1
        # cumulative after month 4: -1583.20 + 421.20 * (1.01^-1 + 1.01^-2 + 1.01^-3) = -344.457
        # after month 5: + 421.20 * 1.01^-4 → +60.308 → payback 5
        assert r.months[3].cumulative_discounted_net == eur(-344.457031)
        assert r.months[4].cumulative_discounted_net == eur(60.307890)
        assert r.payback_month == 5
        # V(3) = -344.457 < 0, V(4) = 60.308 ≥ 0 → break-even 4
        assert r.break_even_stay_months == 4

    def test_costs_of_later_training_are_discounted(self) -> None:
        """Pins discounting of costs in months S..E when S = 3, D = 2 (worst case = -PV of costs)."""
        # month 3: (1000 + 291.60) / 1.01^2 = 1266.1504; month 4: 291.60 / 1.01^3 = 283.0241
        # worst = -(1266.1504 + 283.0241) = -1549.1745
        r = run(
            {
                "company.discount_rate_annual": R_ONE_PCT_MONTHLY,
                "training.start_month": 3,
                "training.duration_months": 2,
            }
        )
        assert r.worst_case_eur == eur(-1549.174465)
        assert r.months[2].discounted_net == eur(-1291.60 / 1.01**2)


class TestSurvival:
    """§4: monthly hazard h = 1 - (1 - q)^(1/12); benefits weighted by S_with(m)."""

    def test_survival_curve(self) -> None:
        """Pins S(1) = 1 and S(m) = (1 - h)^(m-1) = 0.88^((m-1)/12) with a constant hazard (no change)."""
        r = run({"retention.annual_quit_probability": 0.12})
        assert r.months[0].survival_with == exact(1.0)
        assert r.months[6].survival_with == exact(0.88**0.5)  # 0.938083152
        assert r.months[11].survival_with == exact(0.88 ** (11 / 12))  # 0.889424557
        assert r.months[11].survival_without == exact(0.88 ** (11 / 12))

    def test_benefits_weighted_and_npv(self) -> None:
        """Pins productivity * S_with(m) and NPV; the replacement term is 0 when q1 = q0."""
        r = run({"retention.annual_quit_probability": 0.12})
        # month 12: 421.20 * 0.88^(11/12) = 421.20 * 0.8894245570 = 374.6256
        assert r.months[11].productivity == eur(374.625623)
        assert r.months[11].replacement_change == eur(0.0)
        # NPV = -1583.20 + 421.20 * Σ_{j=1..11} g^j, g = 0.88^(1/12)
        # Σ = g (1 - g^11) / (1 - g) = 10.3247707; 421.20 * 10.3247707 = 4348.7934 → NPV = 2765.5934
        assert r.npv_eur == eur(2765.593419)
        # worst case and break-even stay are not survival-weighted
        assert r.worst_case_eur == eur(-1583.20)
        assert r.break_even_stay_months == 4

    def test_effect_starts_after_training(self) -> None:
        """Pins hazard h0 in months ≤ E and h1 from E + 1 (S = 1, D = 3, q0 = 0.12, q1 = 0.09)."""
        r = run(
            {
                "retention.annual_quit_probability": 0.12,
                "retention.quit_probability_change": -0.03,
                "training.duration_months": 3,
                "benefits.productivity_gain": 0.0,
            }
        )
        # S_with(4) = (1 - h0)^3 = 0.88^(3/12) = 0.968546928 = S_without(4)
        assert r.months[3].survival_with == exact(0.88 ** (3 / 12))
        assert r.months[3].survival_without == exact(0.88 ** (3 / 12))
        # S_with(5) = 0.88^(3/12) * 0.91^(1/12) = 0.960964736; S_without(5) = 0.88^(4/12) = 0.958283971
        assert r.months[4].survival_with == exact(0.88 ** (3 / 12) * 0.91 ** (1 / 12))
        assert r.months[4].survival_without == exact(0.88 ** (4 / 12))
        # months 1..3: L_with = L_without (same hazard h0) → replacement change 0
        for row in r.months[:3]:
            assert row.replacement_change == eur(0.0)
        # month 4: Rc * S(4) * (h1 - h0) = 7776 * 0.968547 * (0.0078284203 - 0.0105962410) = -20.8456
        assert r.months[3].replacement_change == eur(-20.845623)
        # month 5: 7776 * (0.960964736 * h1 - 0.958283971 * h0) = -20.4615
        assert r.months[4].replacement_change == eur(-20.461549)

    def test_subsidy_and_costs_not_weighted(self) -> None:
        """Pins that training costs and subsidies are not survival-weighted (§3)."""
        r = run(
            {
                "retention.annual_quit_probability": 0.12,
                "training.subsidies": [{"name": "fonds", "amount_eur": 600, "month": 4}],
            }
        )
        assert r.months[0].wage_cost == eur(583.20)
        assert r.months[0].direct_cost == eur(1000.0)
        assert r.months[3].subsidy == eur(600.0)  # full amount, not * S(4)

    def test_other_yearly_benefits(self) -> None:
        """Pins Y/12 * S_with(m) after the training, without ramp or decay."""
        # Y = 2400 → 200 / month; ramp 4 and decay 0.2 do not apply to Y
        r = run(
            {
                "benefits.productivity_gain": 0.0,
                "benefits.other_yearly_benefits_eur": 2400,
                "benefits.ramp_up_months": 4,
                "benefits.annual_decay": 0.2,
            }
        )
        assert r.months[0].other_benefit == eur(0.0)
        assert r.months[1].other_benefit == eur(200.0)
        assert r.months[11].other_benefit == eur(200.0)
        # NPV = 11 * 200 - 1583.20 = 616.80; V(n) = 200 n - 1583.20 → n = 8 (V(7) = -183.20, V(8) = 16.80)
        assert r.npv_eur == eur(616.80)
        assert r.break_even_stay_months == 8
        rq = run(
            {
                "benefits.productivity_gain": 0.0,
                "benefits.other_yearly_benefits_eur": 2400,
                "retention.annual_quit_probability": 0.12,
            }
        )
        # 200 * Σ_{j=1..11} 0.88^(j/12) = 200 * 10.3247707 = 2064.9541 → NPV = 481.7541
        assert rq.npv_eur == eur(481.754140)


class TestReplacementCosts:
    """§6: change in expected replacement costs Rc * (L_with(m) - L_without(m)), Rc = 7776."""

    def test_retention_effect_is_a_saving(self) -> None:
        """Pins a negative replacement change (benefit) with q0 = 0.12, q1 = 0.09, E = 1."""
        r = run(
            {
                "retention.annual_quit_probability": 0.12,
                "retention.quit_probability_change": -0.03,
                "benefits.productivity_gain": 0.0,
            }
        )
        h1 = 1 - 0.91 ** (1 / 12)  # 0.0078284203
        # month 1: L_with = L_without = h0 → 0
        assert r.months[0].replacement_change == eur(0.0)
        # month 2: S_with(2) = S_without(2) = g; 7776 * g * (h1 - h0) = -21.2945
        assert r.months[1].replacement_change == eur(RC * G12 * (h1 - H12))
        assert r.months[1].replacement_change == eur(-21.294515)
        # month 12: S_with(12) = g * 0.91^(10/12) = 0.914621451; S_without(12) = 0.88^(11/12)
        # 7776 * (0.914621451 * h1 - 0.889424557 * h0) = -17.6089
        assert r.months[11].replacement_change == eur(-17.608875)
        # Σ_m (L_with - L_without) = (1 - S_with(13)) - (1 - S_without(13)) = 0.88 - g * 0.91^(11/12)
        #   = 0.88 - 0.907461410 = -0.027461410; * 7776 = -213.5399 (saving)
        # NPV = -1583.20 + 213.5399 = -1369.6601
        assert r.npv_eur == eur(-1369.660076)
        assert r.total_cost_eur == eur(1583.20)
        assert r.expected_benefit_eur == eur(213.539924)

    def test_poaching_fear_is_a_cost(self) -> None:
        """Pins a positive replacement change (cost) with q0 = 0.12, q1 = 0.17, E = 1."""
        r = run(
            {
                "retention.annual_quit_probability": 0.12,
                "retention.quit_probability_change": 0.05,
                "benefits.productivity_gain": 0.0,
            }
        )
        # month 2: 7776 * g * (h1 - h0), h1 = 1 - 0.83^(1/12) = 0.0154075353 → +37.0162
        assert r.months[1].replacement_change == eur(37.016191)
        # Σ (L_with - L_without) = 0.88 - g * 0.83^(11/12) = 0.88 - 0.834055865 = 0.045944135
        # * 7776 = 357.2616 extra cost; NPV = -1583.20 - 357.2616 = -1940.4616
        assert r.npv_eur == eur(-1940.461593)
        assert r.total_cost_eur == eur(1940.461593)
        assert r.expected_benefit_eur == eur(0.0)
        # ROI = (0 - 1940.46) / 1940.46 * 100 = -100; B/C = 0
        assert r.roi_pct == exact(-100.0)
        assert r.benefit_cost_ratio == pytest.approx(0.0, abs=1e-12)
        # the replacement term is not part of the worst case (V(0))
        assert r.worst_case_eur == eur(-1583.20)


class TestRampAndDecay:
    """§5: ramp(k) = min(1, k/R); decay(k) = (1 - δ)^((k-1)/12), k = m - E."""

    def test_ramp_up(self) -> None:
        """Pins ramp-up over R = 4 months: 1/4, 2/4, 3/4, then full, and its effect on NPV/break-even."""
        r = run({"benefits.ramp_up_months": 4})
        # k = 1..4 → 105.30, 210.60, 315.90, 421.20
        assert [row.productivity for row in r.months[1:6]] == [
            eur(105.30),
            eur(210.60),
            eur(315.90),
            eur(421.20),
            eur(421.20),
        ]
        # benefits = 105.30 + 210.60 + 315.90 + 8 * 421.20 = 4001.40; NPV = 4001.40 - 1583.20 = 2418.20
        assert r.npv_eur == eur(2418.20)
        # V(5) = 1474.20 - 1583.20 = -109.00; V(6) = 1895.40 - 1583.20 = 312.20 → 6
        assert r.break_even_stay_months == 6
        # cumulative month 6 = -109.00, month 7 = +312.20 → payback 7
        assert r.payback_month == 7

    def test_decay(self) -> None:
        """Pins decay 20 %/year: 421.20 * 0.8^((k-1)/12) over 25 months after the training."""
        r = run({"horizon_months": 26, "benefits.annual_decay": 0.2})
        assert r.months[1].productivity == eur(421.20)  # k = 1: 0.8^0
        assert r.months[7].productivity == eur(376.732733)  # k = 7: 421.20 * 0.8^0.5
        assert r.months[13].productivity == eur(336.96)  # k = 13: 421.20 * 0.8
        assert r.months[25].productivity == eur(269.568)  # k = 25: 421.20 * 0.64
        # NPV = -1583.20 + 421.20 * Σ_{j=0..24} 0.8^(j/12)
        #     Σ = (1 - 0.8^(25/12)) / (1 - 0.8^(1/12)) = 20.18029276 → 8499.9393 → NPV = 6916.7393
        assert r.npv_eur == eur(6916.739312)

    def test_ramp_and_decay_together(self) -> None:
        """Pins ramp * decay multiplied: k = 2, R = 4, δ = 0.2 → 421.20 * 0.5 * 0.8^(1/12)."""
        r = run({"benefits.ramp_up_months": 4, "benefits.annual_decay": 0.2})
        assert r.months[2].productivity == eur(206.720017)


class TestSubsidies:
    """§3: subsidies are negative costs in their month, received whatever happens."""

    def test_subsidies_in_later_months(self) -> None:
        """Pins subsidies in months 4 and 12 at 1 %/month: NPV, worst case, break-even stay, payback."""
        r = run(
            {
                "company.discount_rate_annual": R_ONE_PCT_MONTHLY,
                "training.subsidies": [
                    {"name": "fonds", "amount_eur": 600, "month": 4},
                    {"name": "SLIM", "amount_eur": 200, "month": 12},
                ],
            }
        )
        assert r.months[0].subsidy == eur(0.0)
        assert r.months[3].subsidy == eur(600.0)
        assert r.months[11].subsidy == eur(200.0)
        # PV subsidies = 600 / 1.01^3 + 200 / 1.01^11 = 582.3541 + 179.2647 = 761.6188
        # NPV = 2783.6450 (see TestDiscounting) + 761.6188 = 3545.2639
        assert r.npv_eur == eur(3545.263850)
        # PV costs = 1583.20 - 761.6188 = 821.5812
        assert r.total_cost_eur == eur(821.581168)
        # worst case: subsidies count in full → -1583.20 + 761.6188 = -821.5812
        assert r.worst_case_eur == eur(-821.581168)
        # V(1) = 421.20 / 1.01 - 821.58 = -404.55; V(2) = 421.20 * (1.01^-1 + 1.01^-2) - 821.58 = +8.35 → 2
        assert r.break_even_stay_months == 2
        # cumulative: m3 = -753.27; m4 = -753.27 + (421.20 + 600) / 1.01^3 = +237.90 → payback 4
        assert r.months[2].cumulative_discounted_net == eur(-753.269601)
        assert r.months[3].cumulative_discounted_net == eur(237.897058)
        assert r.payback_month == 4

    def test_fully_subsidised_training_has_no_roi(self) -> None:
        """Pins ROI and B/C None when PV costs ≤ 0 (§8): no hours, fees 1000, subsidy 1000 in month 1."""
        r = run(
            {
                "training.hours": 0,
                "training.subsidies": [{"name": "fonds", "amount_eur": 1000, "month": 1}],
            }
        )
        # PV costs = 1000 - 1000 = 0; benefits = 11 * 421.20 = 4633.20 = NPV
        assert r.total_cost_eur == eur(0.0)
        assert r.npv_eur == eur(4633.20)
        assert r.roi_pct is None
        assert r.benefit_cost_ratio is None
        # V(0) = -(1000 - 1000) = 0 ≥ 0 → break-even stay 0
        assert r.worst_case_eur == eur(0.0)
        assert r.break_even_stay_months == 0


class TestLostOutputAndBackfill:
    """§3: lost output above the wage when nobody covers; backfill line (b - w) when somebody does."""

    def test_no_cover_output_ratio_above_one(self) -> None:
        """Pins lost output (Tin/D) * w * (ratio - 1) and Vm = Wm * ratio."""
        # lost = 24 * 24.30 * 0.25 = 145.80; Vm = 4212 * 1.25 = 5265 → productivity 526.50
        # NPV = 11 * 526.50 - 1000 - 583.20 - 145.80 = 5791.50 - 1729.00 = 4062.50
        r = run({"employee.output_value_ratio": 1.25})
        assert r.months[0].wage_cost == eur(583.20)
        assert r.months[0].lost_output == eur(145.80)
        assert r.months[1].productivity == eur(526.50)
        assert r.npv_eur == eur(4062.50)
        assert r.worst_case_eur == eur(-1729.00)

    def test_expensive_cover(self) -> None:
        """Pins backfill line (Tin/D) * (b - w) with b = 30: 24 * 5.70 = 136.80; wage + line = 24 * 30."""
        r = run({"training.backfill_hourly_cost_eur": 30})
        assert r.months[0].lost_output == eur(136.80)
        assert r.months[0].wage_cost + r.months[0].lost_output == eur(720.00)
        # NPV = 4633.20 - 1000 - 720 = 2913.20
        assert r.npv_eur == eur(2913.20)

    def test_cheap_cover_is_negative(self) -> None:
        """Pins a negative backfill line when cover (b = 20) is cheaper than the trainee (w = 24.30)."""
        r = run({"training.backfill_hourly_cost_eur": 20})
        assert r.months[0].lost_output == eur(-103.20)  # 24 * (20 - 24.30)
        # NPV = 4633.20 - 1000 - 480 = 3153.20; PV costs = 1000 + 583.20 - 103.20 = 1480.00
        assert r.npv_eur == eur(3153.20)
        assert r.total_cost_eur == eur(1480.00)

    def test_cover_replaces_output_value(self) -> None:
        """Pins that with cover the line is (b - w) regardless of the output ratio (ratio 1.25, b = 30)."""
        r = run({"training.backfill_hourly_cost_eur": 30, "employee.output_value_ratio": 1.25})
        assert r.months[0].lost_output == eur(136.80)

    def test_share_outside_working_time_unpaid(self) -> None:
        """Pins share 0.5 for a non-mandatory training: only Tin = 12 h paid and lost."""
        # wage = 12 * 24.30 = 291.60; lost = 12 * 24.30 * 0.25 = 72.90
        r = run({"training.share_in_working_time": 0.5, "employee.output_value_ratio": 1.25})
        assert r.months[0].wage_cost == eur(291.60)
        assert r.months[0].lost_output == eur(72.90)


class TestMandatoryTraining:
    """§3: mandatory training — hours outside working time are paid, no output lost for them."""

    def test_outside_hours_paid(self) -> None:
        """Pins wage (Tin/D + Tout/D) * w and lost output only on Tin (24 h, share 0.5, D = 2, ratio 1.2)."""
        r = run(
            {
                "training.kind": "mandatory",
                "training.share_in_working_time": 0.5,
                "training.duration_months": 2,
                "employee.output_value_ratio": 1.2,
            }
        )
        # Tin = Tout = 12 h; per month 6 + 6 h → wage = 12 * 24.30 = 291.60 in months 1 and 2
        # lost = 6 * 24.30 * 0.2 = 29.16 per month
        for row in r.months[:2]:
            assert row.wage_cost == eur(291.60)
            assert row.lost_output == eur(29.16)
        # productivity = 0.10 * 4212 * 1.2 = 505.44 in months 3..12 → 10 * 505.44 = 5054.40
        # NPV = 5054.40 - 1000 - 583.20 - 58.32 = 3412.88
        assert r.months[2].productivity == eur(505.44)
        assert r.npv_eur == eur(3412.88)
        assert r.worst_case_eur == eur(-1641.52)
        # V(3) = 1516.32 - 1641.52 < 0; V(4) = 2021.76 - 1641.52 ≥ 0 → 4
        assert r.break_even_stay_months == 4

    def test_same_training_not_mandatory(self) -> None:
        """Pins the contrast: not mandatory → outside hours unpaid (wage 6 * 24.30 = 145.80 per month)."""
        r = run(
            {
                "training.kind": "current_job",
                "training.share_in_working_time": 0.5,
                "training.duration_months": 2,
                "employee.output_value_ratio": 1.2,
            }
        )
        assert r.months[0].wage_cost == eur(145.80)
        # NPV = 5054.40 - 1000 - 291.60 - 58.32 = 3704.48
        assert r.npv_eur == eur(3704.48)


class TestStudyCostClause:
    """§7: study-cost clause — worst case, break-even stay and expected recovery."""

    LINEAR: ClassVar[dict[str, Any]] = {
        "training.materials_exam_eur": 100,
        "training.travel_eur": 200,
        "retention.study_cost_clause": {
            "enabled": True,
            "repayment_months": 12,
            "scale": "linear",
            "covers": ["course_fees"],
        },
    }

    def test_linear_worst_case_and_break_even(self) -> None:
        """Pins worst case = C_cl - costs and the break-even stay with a linear scale (N = 12)."""
        r = run(self.LINEAR)
        # direct = 1000 + 100 + 200 = 1300; costs = 1300 + 583.20 = 1883.20; C_cl = 1000 (fees only)
        # worst = V(0) = 1000 - 1883.20 = -883.20
        assert r.worst_case_eur == eur(-883.20)
        # V(n) = 421.20 n + 1000 * (1 - n/12) - 1883.20
        # V(2) = 842.40 + 833.33 - 1883.20 = -207.47; V(3) = 1263.60 + 750 - 1883.20 = 130.40 → 3
        assert r.break_even_stay_months == 3
        # with q = 0 nobody leaves → no recovery: NPV = 4633.20 - 1883.20 = 2750.00
        assert r.npv_eur == eur(2750.00)
        for row in r.months:
            assert row.clause_recovery == eur(0.0)

    def test_linear_covering_all_direct_costs(self) -> None:
        """Pins C_cl = sum of covered parts (1300) → V(n) = 312.867 n - 583.20 → break-even 2."""
        overrides = dict(self.LINEAR)
        overrides["retention.study_cost_clause"] = {
            "enabled": True,
            "repayment_months": 12,
            "scale": "linear",
            "covers": ["course_fees", "materials_exam", "travel"],
        }
        r = run(overrides)
        assert r.worst_case_eur == eur(-583.20)  # 1300 - 1883.20
        # V(1) = 421.20 + 1300 * 11/12 - 1883.20 = -270.33; V(2) = 842.40 + 1083.33 - 1883.20 = 42.53
        assert r.break_even_stay_months == 2

    def test_no_clause_contrast(self) -> None:
        """Pins the same costs without a clause: V(n) = 421.20 n - 1883.20 → 5 (V(4) = -198.40)."""
        overrides = {k: v for k, v in self.LINEAR.items() if not k.startswith("retention")}
        r = run(overrides)
        assert r.worst_case_eur == eur(-1883.20)
        assert r.break_even_stay_months == 5

    STEPS_BASE: ClassVar[dict[str, Any]] = {
        "horizon_months": 36,
        "training.course_fees_eur": 600,
        "training.materials_exam_eur": 1000,
        "benefits.productivity_gain": 0.05,
        "benefits.employer_share": 0.5,
    }

    @staticmethod
    def _clause(scale: str) -> dict[str, Any]:
        """Clause over the course fees only, repayment period 24 months."""
        return {"enabled": True, "repayment_months": 24, "scale": scale, "covers": ["course_fees"]}

    def test_yearly_steps_break_even(self) -> None:
        """Pins yearly_steps (N = 24, Y = 2): 100 % owed in year 1 after training, 50 % in year 2."""
        # P = 0.05 * 4212 * 0.5 = 105.30; costs = 600 + 1000 + 583.20 = 2183.20; C_cl = 600
        # n ≤ 12: V = 105.30 n + 600 - 2183.20 → V(12) = 1263.60 - 1583.20 = -319.60 < 0
        # 13 ≤ n ≤ 24: V = 105.30 n + 300 - 2183.20 → V(17) = -93.10, V(18) = +12.20 → 18
        r = run({**self.STEPS_BASE, "retention.study_cost_clause": self._clause("yearly_steps")})
        assert r.worst_case_eur == eur(-1583.20)
        assert r.break_even_stay_months == 18
        # NPV with q = 0: 35 * 105.30 - 2183.20 = 1502.30
        assert r.npv_eur == eur(1502.30)

    def test_linear_break_even_same_inputs(self) -> None:
        """Pins linear N = 24, same inputs: V = 105.30 n + 600 (1 - n/24) - 2183.20 = 80.30 n - 1583.20."""
        # V(19) = -57.50; V(20) = 22.80 → 20
        r = run({**self.STEPS_BASE, "retention.study_cost_clause": self._clause("linear")})
        assert r.worst_case_eur == eur(-1583.20)
        assert r.break_even_stay_months == 20

    def test_no_clause_same_inputs(self) -> None:
        """Pins no clause on the same inputs: 105.30 n ≥ 2183.20 → n = 21 (V(20) = -77.20)."""
        r = run(self.STEPS_BASE)
        assert r.worst_case_eur == eur(-2183.20)
        assert r.break_even_stay_months == 21

    def test_expected_recovery_linear(self) -> None:
        """Pins recovery L_with(m) * owed(m) * C_cl with q = 0.12, linear N = 12, C_cl = 1000, E = 1."""
        r = run(
            {
                "retention.annual_quit_probability": 0.12,
                "benefits.productivity_gain": 0.0,
                "retention.study_cost_clause": {
                    "enabled": True,
                    "repayment_months": 12,
                    "scale": "linear",
                    "covers": ["course_fees"],
                },
            }
        )
        # month 1 (k = 0, owed 1): L(1) = h = 0.0105962410 → 10.5962
        assert r.months[0].clause_recovery == eur(10.596241)
        # month 2 (k = 1, owed 11/12): g * h * 11/12 * 1000 = 9.6103
        assert r.months[1].clause_recovery == eur(9.610297)
        # month 12 (k = 11, owed 1/12): g^11 * h * 1/12 * 1000 = 0.7854
        assert r.months[11].clause_recovery == eur(0.785380)
        # Σ_{m=1..12} g^(m-1) h owed(m) * 1000 = 66.2691 → NPV = -1583.20 + 66.2691 = -1516.9309
        expected = sum(
            G12 ** (m - 1) * H12 * (1.0 if m == 1 else 1 - (m - 1) / 12) * 1000 for m in range(1, 13)
        )
        assert expected == pytest.approx(66.269108, abs=1e-6)
        assert r.npv_eur == eur(-1516.930892)
        # recovery is a benefit
        assert r.expected_benefit_eur == eur(66.269108)

    def test_expected_recovery_yearly_steps(self) -> None:
        """Pins owed = 1 for k = 1..12, 0.5 for k = 13..24, 0 from k = 25 (N = 24), q = 0.12, C_cl = 1000."""
        r = run(
            {
                "horizon_months": 36,
                "retention.annual_quit_probability": 0.12,
                "benefits.productivity_gain": 0.0,
                "retention.study_cost_clause": {
                    "enabled": True,
                    "repayment_months": 24,
                    "scale": "yearly_steps",
                    "covers": ["course_fees"],
                },
            }
        )
        # month m: L(m) = g^(m-1) h; k = m - 1
        assert r.months[12].clause_recovery == eur(9.324692)  # m 13, k 12, owed 1
        assert r.months[13].clause_recovery == eur(4.612943)  # m 14, k 13, owed 0.5
        assert r.months[24].clause_recovery == eur(4.102865)  # m 25, k 24, owed 0.5
        assert r.months[25].clause_recovery == eur(0.0)  # m 26, k 25, owed 0


class TestVacancy:
    """§5: vacancy filled internally — avoided hiring cost C in month M_v * S_with(M_v)."""

    VAC: ClassVar[dict[str, Any]] = {
        "retention.annual_quit_probability": 0.12,
        "benefits.productivity_gain": 0.0,
        "benefits.vacancy": {"filled_internally": True, "avoided_hiring_cost_eur": 4494, "month": 7},
    }

    def test_vacancy_row_and_npv(self) -> None:
        """Pins vacancy = 4494 * S_with(7) = 4494 * 0.88^(6/12) = 4215.7457 and the resulting NPV."""
        r = run(self.VAC)
        assert r.months[6].vacancy == eur(4215.745685)
        assert r.months[5].vacancy == eur(0.0)
        assert r.months[7].vacancy == eur(0.0)
        # NPV = 4215.7457 - 1583.20 = 2632.5457
        assert r.npv_eur == eur(2632.545685)
        # cumulative: months 1..6 = -1583.20; month 7 = +2632.55 → payback 7
        assert r.payback_month == 7

    def test_vacancy_break_even(self) -> None:
        """Pins break-even stay: vacancy counts once M_v ≤ E + n, i.e. n ≥ 6 (V(6) = 4494 - 1583.20)."""
        r = run(self.VAC)
        assert r.break_even_stay_months == 6
        assert r.worst_case_eur == eur(-1583.20)


class TestIrr:
    """§8: IRR annualised from the monthly IRR of the net flows."""

    def test_two_flow_irr(self) -> None:
        """Pins IRR of flows [-1583.20, +1600, 0, …]: irr_m = 1600/1583.20 - 1; annual (1 + irr_m)^12 - 1."""
        r = run(
            {
                "benefits.productivity_gain": 0.0,
                "benefits.vacancy": {"filled_internally": True, "avoided_hiring_cost_eur": 1600, "month": 2},
            }
        )
        # irr_m = 0.010611420; annual = 1.010611420^12 - 1 = 0.135038042
        assert r.irr_annual == pytest.approx((1600 / 1583.2) ** 12 - 1, abs=1e-9)
        assert r.irr_annual == pytest.approx(0.135038042, abs=1e-9)
        assert r.npv_eur == eur(16.80)

    def test_all_costs_no_irr(self) -> None:
        """Pins IRR None (and payback/break-even None) when there are only costs."""
        r = run({"benefits.productivity_gain": 0.0})
        assert r.irr_annual is None
        assert r.npv_eur == eur(-1583.20)
        assert r.payback_month is None
        assert r.break_even_stay_months is None


class TestRefusals:
    """Scenarios the spec does not allow must raise ScenarioError."""

    @pytest.mark.parametrize(
        "overrides",
        [
            pytest.param(
                {
                    "training.kind": "mandatory",
                    "retention.study_cost_clause": {
                        "enabled": True,
                        "repayment_months": 24,
                        "scale": "linear",
                        "covers": ["course_fees"],
                    },
                },
                id="clause_on_mandatory_training",
            ),
            pytest.param({"training.start_month": 12}, id="training_ends_in_last_month"),
            pytest.param({"training.start_month": 5, "training.duration_months": 8}, id="E_equals_H"),
            pytest.param(
                {"retention.annual_quit_probability": 0.02, "retention.quit_probability_change": -0.03},
                id="q1_negative",
            ),
            pytest.param(
                {"retention.annual_quit_probability": 0.90, "retention.quit_probability_change": 0.10},
                id="q1_above_0_95",
            ),
            pytest.param(
                {
                    "benefits.vacancy": {
                        "filled_internally": True,
                        "avoided_hiring_cost_eur": 4494,
                        "month": 1,
                    }
                },
                id="vacancy_during_training",
            ),
            pytest.param(
                {
                    "benefits.vacancy": {
                        "filled_internally": True,
                        "avoided_hiring_cost_eur": 4494,
                        "month": 13,
                    }
                },
                id="vacancy_after_horizon",
            ),
            pytest.param({"horizon_months": 11}, id="horizon_below_12"),
        ],
    )
    def test_refused(self, overrides: dict[str, Any]) -> None:
        """Pins the allowed ranges of §1, §4, §5 and the void clause of §7 (art. 7:611a lid 4 BW)."""
        with pytest.raises(ScenarioError):
            scenario_from_dict(make(overrides))

    def test_boundary_allowed(self) -> None:
        """Pins E = H - 1 as allowed (one month follows the training) and q1 = 0 as allowed."""
        r = run(
            {
                "training.start_month": 11,
                "retention.annual_quit_probability": 0.03,
                "retention.quit_probability_change": -0.03,
            }
        )
        # E = 11: month 12 gets 421.20 * S_with(12); no hazard after E (q1 = 0) but h0 before:
        # S_with(12) = 0.97^(11/12) → productivity = 421.20 * 0.97^(11/12)
        assert r.months[11].productivity == eur(421.20 * 0.97 ** (11 / 12))
