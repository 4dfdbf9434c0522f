"""The vectorised team pass against a loop over ``evaluate()``; flags and totals.

The loop is the independent method: :func:`calculators.money.evaluate.evaluate` computes one employee at a
time with its own code path (cashflows, metrics). Agreement is asserted within a cent for money and
exactly for months, on random valid scenarios (hypothesis), on the template's example team and on
teams that mix horizons and exceed one chunk.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators.team.figures as team_module
from calculators import evaluate, scenario_from_dict
from calculators.scenario.model import Scenario
from calculators.team.figures import TeamMember, evaluate_team, team_arrays
from calculators.team.read import read_team_file
from calculators.team.template import template_csv, template_xlsx
from tests.unit.strategies import valid_scenario_objects

CENT = 0.005


def assert_agrees(member: TeamMember, scenario: Scenario) -> None:
    """One employee's vectorised figures against evaluate() on that employee alone."""
    result = evaluate(scenario)
    assert member.npv_eur == pytest.approx(result.npv_eur, abs=CENT)
    assert member.worst_case_eur == pytest.approx(result.worst_case_eur, abs=CENT)
    assert member.total_cost_eur == pytest.approx(result.total_cost_eur, abs=CENT)
    assert member.expected_benefit_eur == pytest.approx(result.expected_benefit_eur, abs=CENT)
    assert member.payback_month == result.payback_month
    assert member.break_even_stay_months == result.break_even_stay_months


class TestAgreementWithEvaluate:
    """The vectorised pass is the money model, employee by employee."""

    @settings(max_examples=120, deadline=None)
    @given(st.lists(valid_scenario_objects(), min_size=1, max_size=8))
    def test_random_valid_teams(self, scenarios: list[Scenario]) -> None:
        """Pins agreement within a cent (months exactly) for any valid employees, any mix of horizons."""
        team = evaluate_team(scenarios)
        assert len(team.members) == len(scenarios)
        for member, scenario in zip(team.members, scenarios, strict=True):
            assert_agrees(member, scenario)

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("kind", ["csv", "xlsx"])
    def test_template_example_team(self, lang: str, kind: str) -> None:
        """Pins agreement on the template's example employees, read through the real reader."""
        raw = template_csv(lang) if kind == "csv" else template_xlsx(lang)
        rows = read_team_file(f"team.{kind}", raw).rows
        team = evaluate_team([row.scenario for row in rows])
        for member, row in zip(team.members, rows, strict=True):
            assert_agrees(member, row.scenario)

    def test_order_kept_across_horizons_and_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Pins input order when employees are split by horizon and into chunks (chunk of 3 here)."""
        monkeypatch.setattr(team_module, "_CHUNK", 3)
        scenarios = [
            scenario_from_dict(
                {
                    "horizon_months": (24, 36, 60)[i % 3],
                    "employee": {"gross_monthly_salary_eur": 2500 + 100 * i},
                    "benefits": {"productivity_gain": 0.01 * (i % 5)},
                }
            )
            for i in range(11)
        ]
        team = evaluate_team(scenarios)
        for member, scenario in zip(team.members, scenarios, strict=True):
            assert_agrees(member, scenario)

    def test_no_employees(self) -> None:
        """Pins an empty team: no members, zero totals, no soonest month."""
        team = evaluate_team([])
        assert team.members == ()
        assert (team.totals.employees, team.totals.npv_eur, team.totals.soonest_payback_month) == (
            0,
            0.0,
            None,
        )
        assert team_arrays([]).npv_eur.shape == (0,)


class TestFlags:
    """Dead-end candidate, clause not allowed, pays off soonest."""

    def test_dead_end_and_clause_flags_follow_the_inputs(self) -> None:
        """Pins the two input flags: dead-end outlook, and mandatory training (a clause would be void)."""
        scenarios = [
            scenario_from_dict({"employee": {"role_outlook": "dead_end"}}),
            scenario_from_dict({"training": {"kind": "mandatory"}}),
            scenario_from_dict(
                {"employee": {"role_outlook": "uncertain"}, "training": {"kind": "external_job"}}
            ),
        ]
        members = evaluate_team(scenarios).members
        assert [m.dead_end_candidate for m in members] == [True, False, False]
        assert [m.clause_not_allowed for m in members] == [False, True, False]

    def test_pays_off_soonest_is_the_smallest_payback_among_those_that_pay(self) -> None:
        """Pins the soonest flag against the loop's own figures: NPV > 0 and the minimum payback month.

        Three gains (2 %, 8 %, 8 %) and one with a higher gain but huge fees that never pays: the two
        equal employees share the flag (a tie), the losing one never gets it.
        """
        base = {"employee": {"gross_monthly_salary_eur": 3000}}
        scenarios = [
            scenario_from_dict({**base, "benefits": {"productivity_gain": 0.02}}),
            scenario_from_dict({**base, "benefits": {"productivity_gain": 0.08}}),
            scenario_from_dict({**base, "benefits": {"productivity_gain": 0.08}}),
            scenario_from_dict(
                {**base, "benefits": {"productivity_gain": 0.10}, "training": {"course_fees_eur": 50_000}}
            ),
        ]
        results = [evaluate(s) for s in scenarios]
        paying = [r.payback_month for r in results if r.npv_eur > 0 and r.payback_month is not None]
        soonest = min(paying)
        expected = [r.npv_eur > 0 and r.payback_month == soonest for r in results]
        assert expected == [False, True, True, False]  # the case is what the docstring says
        team = evaluate_team(scenarios)
        assert [m.pays_off_soonest for m in team.members] == expected
        assert team.totals.soonest_payback_month == soonest

    def test_nobody_pays(self) -> None:
        """Pins that no one is flagged soonest when no training pays."""
        losing = scenario_from_dict(
            {"benefits": {"productivity_gain": 0.0}, "retention": {"quit_probability_change": 0}}
        )
        team = evaluate_team([losing, replace(losing, horizon_months=24)])
        assert not any(m.pays_off_soonest for m in team.members)
        assert team.totals.soonest_payback_month is None


class TestTotals:
    """The team added up, from the loop's figures."""

    def test_totals_are_the_sums_of_the_loop(self) -> None:
        """Pins each total against evaluate() per employee, summed by hand in the test."""
        rows = read_team_file("team.csv", template_csv("nl")).rows
        scenarios = [row.scenario for row in rows]
        results = [evaluate(s) for s in scenarios]
        totals = evaluate_team(scenarios).totals
        assert totals.employees == 3
        assert totals.paying == sum(1 for r in results if r.npv_eur > 0)
        assert totals.npv_eur == pytest.approx(sum(r.npv_eur for r in results), abs=CENT)
        assert totals.total_cost_eur == pytest.approx(sum(r.total_cost_eur for r in results), abs=CENT)
        assert totals.expected_benefit_eur == pytest.approx(
            sum(r.expected_benefit_eur for r in results), abs=CENT
        )
        assert totals.worst_case_eur == pytest.approx(sum(r.worst_case_eur for r in results), abs=CENT)
        # the template's examples: one dead-end track (Orderpicker), one mandatory course (Verzorgende)
        assert (totals.dead_end_candidates, totals.clause_not_allowed) == (1, 1)
