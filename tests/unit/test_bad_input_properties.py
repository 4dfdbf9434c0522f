"""Bad input, tried systematically (issue 8 §1): every calculator entry point, valid and invalid input.

Valid input — every field over its whole allowed range, with the rules that tie fields together
(tests/unit/strategies.py) — gives finite results. Invalid input — a wrong type, a number out of range
or beyond any float, NaN or infinity, an unknown field, a section that is not an object, too many
lines, control characters, a file cut short or re-encoded — raises the entry point's one refusal:
:class:`ScenarioError` (a ValueError) for scenario content, naming the field; ValueError for the few
arguments that are not a scenario (a language, a draw count, cash flows, contract dates). Never a
ZeroDivisionError, OverflowError, KeyError, TypeError, IndexError, RecursionError or decimal error:
``pytest.raises(ScenarioError)`` lets any of those through as a failure.

Every property runs 100 examples in ``make test`` and 1,000 in ``make test-deep`` (the Hypothesis profile
"deep", see tests/conftest.py); derandomized, so a failure reproduces on any machine.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass, replace
from functools import partial
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import (
    RoleOutlook,
    Scenario,
    ScenarioError,
    evaluate,
    load_scenario_json,
    scenario_from_dict,
    scenario_to_dict,
    scenario_to_json,
)
from calculators.arguments import select_cards
from calculators.dead_end.compare import compare_options
from calculators.dead_end.transition_payment import SalaryBase, service_period, transition_payment
from calculators.money.break_even import Lever, threshold, thresholds
from calculators.money.irr_batch import irr_batch
from calculators.money.monte_carlo import simulate, tornado
from calculators.money.study_cost_clause import covered_costs, share_owed
from calculators.rules import available_years, rules_for
from calculators.scenario.fields import field_spec
from tests.cli_runner import Run, run_in_process
from tests.unit.strategies import (
    invalid_scenarios,
    json_trees,
    numbers_in,
    out_of_range_scenarios,
    scenario_documents,
    valid_scenario_objects,
    valid_scenarios,
    with_value,
)

EXAMPLES = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else 100
BAD_INPUT = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Searches (break-even values, the dead-end order, Monte Carlo) cost more per month of horizon; their
# valid-input properties draw horizons up to these (the rest of every field still over its whole range).
SEARCH_HORIZON = 36
DRAWS_HORIZON = 24
SENSITIVITY_HORIZON = 18


# --------------------------------------------------------------------------- helpers


def numbers(value: Any) -> Iterator[float]:
    """Every number inside a result: dataclass fields, tuples, lists, dicts, numpy arrays."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int | float | np.floating | np.integer):
        yield float(value)
    elif isinstance(value, np.ndarray):
        yield from (float(item) for item in value.ravel())
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from numbers(getattr(value, item.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from numbers(item)


def assert_finite(value: Any) -> None:
    """No NaN and no infinity anywhere inside ``value`` (None stands for "no answer" and is allowed)."""
    bad = [number for number in numbers(value) if not math.isfinite(number)]
    assert not bad, bad[:5]


def refusal(call: Callable[[], object]) -> ScenarioError:
    """The ScenarioError ``call`` raises; its message in both languages is one non-empty line.

    Any other exception propagates and fails the test.
    """
    with pytest.raises(ScenarioError) as caught:
        call()
    error = caught.value
    for lang in ("nl", "en"):
        message = error.message(lang)
        assert message.strip()
        assert len(message.splitlines()) == 1, message
    return error


def _training_end(data: dict[str, Any]) -> int:
    return int(data["training"]["start_month"] + data["training"]["duration_months"] - 1)


@st.composite
def dead_end_scenarios(draw: st.DrawFn, max_horizon: int | None) -> Scenario:
    """Valid dead-end cases: the job-to-job exit after the training and before the horizon's end."""
    data = draw(
        valid_scenarios(max_horizon).filter(lambda d: _training_end(d) + 1 <= d["horizon_months"] - 1)
    )
    end = _training_end(data)
    data["employee"]["role_outlook"] = RoleOutlook.DEAD_END.value
    data["dead_end"]["exit_month"] = draw(
        numbers_in("dead_end.exit_month", end + 1, data["horizon_months"] - 1)
    )
    return scenario_from_dict(data)


def strict_json(text: str) -> Any:
    """Parse JSON that may not contain NaN or Infinity."""

    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in the output")

    return json.loads(text, parse_constant=refuse)


def assert_cli_outcome(run: Run) -> Any:
    """Either a result (status 0, finite JSON, nothing on stderr) or a refusal (status 2, one line, no
    traceback, nothing on stdout). Returns the parsed result, or None for a refusal."""
    code, out, err = run.code, run.stdout, run.stderr
    assert "Traceback" not in err
    if code == 0:
        assert err == ""
        data = strict_json(out)
        assert_finite(data)
        return data
    assert code == 2, (code, err)
    assert out == ""
    assert err.endswith("\n") and len(err.splitlines()) == 1 and err.strip(), repr(err)
    return None


# --------------------------------------------------------------------------- the scenario file


class TestScenarioFromDict:
    """scenario_io.scenario_from_dict: a scenario's JSON form in, a validated Scenario out."""

    @BAD_INPUT
    @given(valid_scenarios())
    def test_valid_is_accepted_and_round_trips(self, data: dict[str, Any]) -> None:
        """Every valid dict is accepted and comes back unchanged through the dict and the JSON file."""
        scenario = scenario_from_dict(data)
        assert scenario_from_dict(scenario_to_dict(scenario)) == scenario
        assert load_scenario_json(scenario_to_json(scenario).encode("utf-8")) == scenario

    @BAD_INPUT
    @given(invalid_scenarios())
    def test_one_wrong_thing_is_refused_by_name(self, bad: Any) -> None:
        """One wrong value, unknown field, non-object section, schema version or line too many: refused,
        and the refusal names exactly that field (the strategy knows which one it broke)."""
        error = refusal(lambda: scenario_from_dict(bad.data))
        assert error.field == bad.field, bad.change

    @BAD_INPUT
    @given(valid_scenarios(), st.data())
    def test_missing_fields_take_defaults_or_are_refused(
        self, data: dict[str, Any], draw: st.DataObject
    ) -> None:
        """Fields left out take their defaults; the result is a valid scenario or one refusal (a default
        can break a rule that ties fields together, such as a vacancy month after the training)."""
        for section in ("", "company", "employee", "training", "benefits", "retention", "dead_end"):
            node = data if not section else data.get(section)  # the section itself may be gone
            if isinstance(node, dict) and node:
                for key in draw.draw(
                    st.lists(st.sampled_from(sorted(node)), unique=True, max_size=len(node))
                ):
                    del node[key]
        try:
            scenario_from_dict(data)
        except ScenarioError:
            refusal(lambda: scenario_from_dict(data))

    @BAD_INPUT
    @given(json_trees(max_leaves=20))
    def test_any_tree_is_refused(self, tree: Any) -> None:
        """Any JSON-like value is a scenario (an empty or partial object) or refused with a ScenarioError."""
        try:
            scenario_from_dict(tree)
        except ScenarioError:
            refusal(lambda: scenario_from_dict(tree))
        else:
            assert isinstance(tree, dict)


class TestLoadScenarioJson:
    """scenario_io.load_scenario_json: the bytes (or text) of a file in, a Scenario or one refusal out."""

    @BAD_INPUT
    @given(scenario_documents())
    def test_any_bytes(self, raw: bytes) -> None:
        """Cut short, spliced, re-encoded, NaN literals, random bytes: a scenario or a ScenarioError."""
        try:
            load_scenario_json(raw)
        except ScenarioError:
            refusal(lambda: load_scenario_json(raw))

    @BAD_INPUT
    @given(st.one_of(st.text(), json_trees().map(lambda tree: json.dumps(tree, ensure_ascii=False))))
    def test_any_text(self, raw: str) -> None:
        """Text input too, lone surrogates included (which no UTF-8 encoder accepts)."""
        try:
            load_scenario_json(raw)
        except ScenarioError:
            refusal(lambda: load_scenario_json(raw))


# --------------------------------------------------------------------------- the money model


class TestEvaluate:
    """evaluate.evaluate."""

    @BAD_INPUT
    @given(valid_scenario_objects())
    def test_valid_gives_finite_results(self, s: Scenario) -> None:
        """Every number in the result (figures, breakdown, stay values, every month) is finite, and the
        command line's JSON form holds no NaN."""
        result = evaluate(s)
        json.dumps(result.to_dict(), allow_nan=False)  # every figure and every month; raises on NaN/inf
        assert_finite((result.breakdown, result.stay_values_eur))

    @BAD_INPUT
    @given(out_of_range_scenarios())
    def test_invalid_is_refused_by_name(self, case: tuple[Scenario, str]) -> None:
        """A Scenario built in code with one number out of range, NaN, infinite or huge: refused by name."""
        scenario, path = case
        assert refusal(lambda: evaluate(scenario)).field == path


class TestBreakEven:
    """break_even.thresholds and threshold: what would have to be true."""

    @BAD_INPUT
    @given(valid_scenario_objects(max_horizon=SEARCH_HORIZON))
    def test_valid_gives_values_within_the_levers_range(self, s: Scenario) -> None:
        """Each break-even value is None (no allowed value pays) or a finite value in the lever's range."""
        for found in thresholds(s):
            assert math.isfinite(found.current)
            if found.needed is None:
                continue
            assert math.isfinite(found.needed)
            if found.lever is Lever.EXTRA_SUBSIDY:
                spec = field_spec(found.lever.value)
                assert 0 <= found.needed <= (spec.maximum or 0)
            elif found.lever is Lever.QUIT_PROBABILITY:
                assert 0 <= found.needed <= 0.95
            else:
                spec = field_spec(found.lever.value)
                assert (spec.minimum or 0) <= found.needed <= (spec.maximum or 0)

    @BAD_INPUT
    @given(out_of_range_scenarios(max_horizon=SEARCH_HORIZON), st.sampled_from(tuple(Lever)))
    def test_invalid_is_refused_by_name(self, case: tuple[Scenario, str], lever: Lever) -> None:
        """All levers, and each lever alone — even when the invalid field is the lever the search varies."""
        scenario, path = case
        assert refusal(lambda: thresholds(scenario)).field == path
        assert refusal(lambda: threshold(scenario, lever)).field == path


class TestDeadEnd:
    """dead_end.compare_options: the four options for a dead-end track."""

    @BAD_INPUT
    @given(dead_end_scenarios(max_horizon=None))
    def test_valid_gives_finite_options(self, s: Scenario) -> None:
        """Net costs, components and payments are finite; the margin is ≥ 0; exits lie after month 1."""
        result = compare_options(s, with_sensitivity=False)
        assert_finite(result)
        assert result.margin_eur >= 0
        assert all(item.exit_month is None or item.exit_month >= 2 for item in result.options)

    @BAD_INPUT
    @given(dead_end_scenarios(max_horizon=SENSITIVITY_HORIZON))
    def test_valid_gives_finite_sensitivities(self, s: Scenario) -> None:
        """Each assumption's turning points are None or finite values inside its range around the current."""
        for item in compare_options(s).sensitivities:
            assert math.isfinite(item.current)
            assert item.lower is None or (math.isfinite(item.lower) and item.lower <= item.current)
            assert item.upper is None or (math.isfinite(item.upper) and item.upper >= item.current)

    @BAD_INPUT
    @given(out_of_range_scenarios())
    def test_invalid_is_refused_by_name(self, case: tuple[Scenario, str]) -> None:
        """One number out of range, NaN, infinite or huge: refused by name, before any option is costed."""
        scenario, path = case
        assert refusal(lambda: compare_options(scenario)).field == path

    def test_an_exit_beyond_the_horizon_is_refused_for_any_outlook(self) -> None:
        """Regression: a valid scenario whose role is *not* a dead end, with its job-to-job exit (month 30)
        beyond a 12-month horizon, made the comparison index past its arrays (IndexError, a traceback from
        ``python -m calculators dead-end``). Now refused: the exit must lie in months E + 1 … H − 1 =
        2 … 11 (training in month 1, horizon 12)."""
        s = scenario_from_dict({"horizon_months": 12, "dead_end": {"exit_month": 30}})
        assert s.employee.role_outlook is not RoleOutlook.DEAD_END
        error = refusal(lambda: compare_options(s))
        assert (error.field, error.code, error.allowed.minimum, error.allowed.maximum) == (
            "dead_end.exit_month",
            "out_of_range",
            2,
            11,
        )


# --------------------------------------------------------------------------- transition payment and clause

# The command line's ranges (calculators/__main__.py) for the parts of the salary.
_SALARY = st.floats(0, 1_000_000)
_RATE = st.floats(0, 0.25)
_EXTRAS = st.floats(0, 10_000_000)
_DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def contracts(draw: st.DrawFn) -> tuple[SalaryBase, dt.date, dt.date]:
    """A salary base and a contract's first and last day, within the command line's ranges."""
    salary = SalaryBase(draw(_SALARY), draw(_RATE), draw(_EXTRAS), draw(_EXTRAS), draw(_EXTRAS))
    first, last = sorted((draw(_DAYS), draw(_DAYS)))
    return salary, first, last


_NOT_AN_AMOUNT = st.one_of(
    st.floats(max_value=0, exclude_max=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e13, 1e308, 10**400]),
)


class TestTransitionPayment:
    """transition_payment.transition_payment and service_period; ValueError is their documented refusal."""

    @BAD_INPUT
    @given(contracts(), st.sampled_from(available_years()), _EXTRAS)
    def test_valid_gives_a_finite_capped_amount(
        self, contract: tuple[SalaryBase, dt.date, dt.date], year: int, deductible: float
    ) -> None:
        """0 ≤ amount ≤ before deduction = min(before cap, cap); the service period's parts are in range."""
        salary, first, last = contract
        tp = transition_payment(salary, first, last, rules_for(year), extra_deductible_eur=deductible)
        assert_finite(tp)
        assert 0 <= tp.amount_eur <= tp.before_deduction_eur <= tp.cap_eur
        assert tp.before_deduction_eur == min(tp.before_cap_eur, tp.cap_eur)
        assert tp.service.years >= 0 and 0 <= tp.service.months < 12 and 0 <= tp.service.days < 31

    @BAD_INPUT
    @given(contracts(), st.integers(0, 5), _NOT_AN_AMOUNT)
    def test_a_bad_amount_is_refused(
        self, contract: tuple[SalaryBase, dt.date, dt.date], which: int, bad: float
    ) -> None:
        """A salary part or deductible amount that is negative, NaN, infinite or beyond 10^12: ValueError."""
        salary, first, last = contract
        names: tuple[str, ...] = (
            "gross_monthly_eur",
            "holiday_allowance_rate",
            "fixed_year_end_eur",
            "fixed_components_12m_eur",
        )
        names += ("variable_components_3y_eur",)
        deductible = bad if which == 5 else 0.0
        if which < 5:
            salary = replace(salary, **{names[which]: bad})
        with pytest.raises(ValueError, match="10\\^12"):
            transition_payment(salary, first, last, rules_for(2026), extra_deductible_eur=deductible)

    @BAD_INPUT
    @given(st.dates(), st.dates())
    def test_any_dates(self, first: dt.date, last: dt.date) -> None:
        """Any two calendar dates: a service period, or ValueError (last before first, or 9999-12-31)."""
        if last < first or last == dt.date.max:
            with pytest.raises(ValueError):
                service_period(first, last)
            return
        period = service_period(first, last)
        assert period.years >= 0 and 0 <= period.months < 12 and 0 <= period.days < 31

    def test_the_calendars_last_day(self) -> None:
        """Regression: a contract ending on 9999-12-31 overflowed the calendar (OverflowError; a traceback
        from ``python -m calculators transition-payment --end 9999-12-31``). Now ValueError."""
        with pytest.raises(ValueError, match="9999-12-31"):
            service_period(dt.date(2020, 1, 1), dt.date.max)


class TestStudyCostClause:
    """study_cost_clause.share_owed and covered_costs."""

    @BAD_INPUT
    @given(valid_scenario_objects(), st.lists(st.integers(-240, 240), min_size=1, max_size=30))
    def test_valid_gives_shares_between_zero_and_one(self, s: Scenario, months: list[int]) -> None:
        """The share owed is in [0, 1], never rises with time after the training, and the covered costs
        are at most the direct costs."""
        clause = s.retention.study_cost_clause
        k = np.array(sorted(months), dtype=np.int64)
        owed = share_owed(clause, k)
        assert_finite(owed)
        assert np.all((owed >= 0) & (owed <= 1))
        after = owed[k >= 1]
        assert np.all(np.diff(after) <= 0)
        assert 0 <= covered_costs(clause, s.training) <= s.training.direct_costs_eur + 1e-9

    @BAD_INPUT
    @given(valid_scenario_objects(), st.one_of(st.integers(max_value=0), st.integers(min_value=61)))
    def test_a_period_out_of_range_is_refused(self, s: Scenario, months: int) -> None:
        """A repayment period of 0 months (it divided by zero) or beyond 60: refused by name."""
        clause = replace(s.retention.study_cost_clause, repayment_months=months)
        error = refusal(lambda: share_owed(clause, np.arange(-2, 30)))
        assert error.field == "retention.study_cost_clause.repayment_months"


# --------------------------------------------------------------------------- uncertainty and IRR


class TestMonteCarlo:
    """monte_carlo.simulate and tornado."""

    @BAD_INPUT
    @given(valid_scenario_objects(max_horizon=DRAWS_HORIZON), st.integers(1, 50), st.integers(0, 2**32 - 1))
    def test_valid_gives_a_probability_and_ordered_percentiles(
        self, s: Scenario, count: int, seed: int
    ) -> None:
        """The chance is in [0, 1], the NPV's percentiles are finite and ordered; every tornado bar is
        finite. (Arrays per draw may hold NaN for "never breaks even"; the summary does not.)"""
        run = simulate(s, count, seed)
        assert_finite((run.chance_it_pays, run.p10_eur, run.p50_eur, run.p90_eur, getattr(run, "fan", ())))
        assert 0 <= run.chance_it_pays <= 1
        assert run.p10_eur <= run.p50_eur <= run.p90_eur
        assert_finite(tornado(s))

    @BAD_INPUT
    @given(out_of_range_scenarios(max_horizon=DRAWS_HORIZON))
    def test_invalid_is_refused_by_name(self, case: tuple[Scenario, str]) -> None:
        """One number out of range, NaN, infinite or huge: refused by name, not turned into NaN draws."""
        scenario, path = case
        assert refusal(lambda: simulate(scenario, 50)).field == path
        assert refusal(lambda: tornado(scenario)).field == path

    @pytest.mark.parametrize("count", [0, -1])
    def test_no_draws_is_refused(self, count: int) -> None:
        """Asking for no draws at all: ValueError."""
        s = scenario_from_dict({})
        with pytest.raises(ValueError):
            simulate(s, count)


_MONEY = st.floats(-1e9, 1e9, allow_nan=False)


class TestIrrBatch:
    """irr_batch.irr_batch: monthly IRR of many series; ValueError unless a table of finite numbers."""

    @BAD_INPUT
    @given(
        st.integers(1, 6).flatmap(
            lambda width: st.lists(st.lists(_MONEY, min_size=width, max_size=width), min_size=1, max_size=5)
        )
    )
    def test_finite_flows_give_a_rate_or_nan(self, flows: list[list[float]]) -> None:
        """Each row's rate is NaN (no IRR) or a finite rate of at least −100 % (−100 % itself when almost
        nothing comes back: −1 then 5e−61 is −1 + 5e−61 in exact arithmetic)."""
        rates = irr_batch(flows)
        assert rates.shape == (len(flows),)
        assert all(math.isnan(rate) or (math.isfinite(rate) and rate >= -1) for rate in rates)

    @BAD_INPUT
    @given(
        st.lists(_MONEY, min_size=2, max_size=12),
        st.integers(0, 11),
        st.sampled_from([math.nan, math.inf, -math.inf]),
    )
    def test_non_finite_flows_are_refused(self, flows: list[float], at: int, bad: float) -> None:
        """A NaN or infinite flow anywhere: ValueError (numpy-financial's root finder raised LinAlgError)."""
        flows[at % len(flows)] = bad
        with pytest.raises(ValueError, match="finite"):
            irr_batch([flows])

    @BAD_INPUT
    @given(st.lists(st.sampled_from([-1e308, 1e308, -1e200, 1e200, 0.0, 1.0, -1.0]), min_size=2, max_size=10))
    def test_extreme_flows_give_a_number_or_nan(self, flows: list[float]) -> None:
        """Flows near the float limit: a rate or NaN, never an exception (overflow stays inside numpy)."""
        with np.errstate(all="ignore"):
            rates = irr_batch([flows])
        assert rates.shape == (1,)


# --------------------------------------------------------------------------- arguments


class TestSelectCards:
    """arguments.select_cards."""

    @BAD_INPUT
    @given(
        valid_scenario_objects(max_horizon=SEARCH_HORIZON),
        st.lists(st.sampled_from(field_spec("doubts").values), unique=True),
        st.sampled_from(["nl", "en"]),
        st.sampled_from([None, 3]),
    )
    def test_valid_gives_filled_in_cards(
        self, s: Scenario, doubts: list[str], lang: str, limit: int | None
    ) -> None:
        """Every chosen card answers a ticked doubt and has a non-empty title and body."""
        result = evaluate(s)
        found = () if result.pays_off else thresholds(s)
        chosen = select_cards(tuple(doubts), s, result, lang, found=found, limit=limit)
        assert limit is None or len(chosen) <= max(len(doubts), min(6, max(limit, 2 * len(doubts))))
        for card in chosen:
            assert card.doubt in doubts and card.title.strip() and card.body.strip()

    @BAD_INPUT
    @given(out_of_range_scenarios(max_horizon=SEARCH_HORIZON))
    def test_invalid_is_refused_by_name(self, case: tuple[Scenario, str]) -> None:
        """A result computed for one scenario, cards asked for a broken one: refused by name."""
        scenario, path = case
        original = scenario_from_dict({})
        error = refusal(lambda: select_cards(("W1", "W4"), scenario, evaluate(original), "nl"))
        assert error.field == path

    @pytest.mark.parametrize("lang", ["de", "", "NL "])
    def test_an_unknown_language_is_refused(self, lang: str) -> None:
        """A language other than nl/en: ValueError."""
        s = scenario_from_dict({})
        with pytest.raises(ValueError):
            select_cards(("W1",), s, evaluate(s), lang)


# --------------------------------------------------------------------------- the command line


class TestCommandLine:
    """python -m calculators, run in this process: a result on stdout, or status 2 and one line on stderr."""

    @BAD_INPUT
    @given(scenario_documents(), st.sampled_from(["nl", "en"]), st.sampled_from(["evaluate", "dead-end"]))
    def test_any_file(self, raw: bytes, lang: str, command: str) -> None:
        """Any bytes on standard input: exit 0 with finite JSON, or exit 2 with one line and no traceback."""
        assert_cli_outcome(run_in_process("--lang", lang, command, "-", stdin=raw))

    @BAD_INPUT
    @given(valid_scenarios())
    def test_valid_file(self, data: dict[str, Any]) -> None:
        """A valid scenario: exit 0 and the result's figures, all finite."""
        result = assert_cli_outcome(run_in_process("evaluate", "-", stdin=json.dumps(data).encode("utf-8")))
        assert result is not None and math.isfinite(result["npv_eur"])

    @BAD_INPUT
    @given(
        st.fixed_dictionaries(
            {
                "--monthly-salary": st.one_of(st.floats().map(repr), st.text(max_size=8)),
                "--start": st.one_of(st.dates().map(str), st.text(max_size=12)),
                "--end": st.one_of(st.dates().map(str), st.text(max_size=12)),
            },
            optional={
                "--holiday-allowance": st.one_of(st.floats().map(repr), st.text(max_size=6)),
                "--fixed-extras": st.floats().map(repr),
                "--variable-3y": st.floats().map(repr),
                "--deductible-costs": st.floats().map(repr),
                "--year": st.one_of(st.integers().map(str), st.text(max_size=6)),
            },
        ),
        st.sampled_from(["nl", "en"]),
    )
    def test_any_transition_payment_options(self, options: dict[str, str], lang: str) -> None:
        """Any option values — numbers, NaN, infinity, text, dates from year 1 to 9999: exit 0 with finite
        JSON, or exit 2 with one line."""
        argv = ["--lang", lang, "transition-payment"]
        for option, value in options.items():
            argv.append(f"{option}={value}")  # "=": a value may start with "-"
        assert_cli_outcome(run_in_process(*argv))

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_the_calendars_last_day_is_refused(self, lang: str) -> None:
        """Regression: ``--end 9999-12-31 --year 2026`` raised OverflowError with a traceback. Now one line
        naming --end and the dates this command handles (1900-01-01 to 2100-12-31)."""
        dates = ["--start", "2020-01-01", "--end", "9999-12-31", "--year", "2026"]
        run = run_in_process("--lang", lang, "transition-payment", "--monthly-salary", "3000", *dates)
        assert_cli_outcome(run)
        err = run.stderr
        assert err.startswith("--end: 9999-12-31") and "1900-01-01" in err and "2100-12-31" in err


# Checked here once so a typo in a lever or a path fails loudly rather than making a property vacuous.
def test_every_numeric_field_can_be_broken() -> None:
    """with_value reaches every numeric field of a Scenario (the invalid-object strategies rely on it)."""
    from tests.unit.strategies import NUMERIC_FIELDS

    s = scenario_from_dict({})
    for path in NUMERIC_FIELDS:
        broken = with_value(s, path, math.nan)
        assert refusal(partial(evaluate, broken)).field == path


# --------------------------------------------------------------------------- what the properties found


def _nested(depth: int) -> list[Any]:
    tree: list[Any] = []
    for _ in range(depth):
        tree = [tree]
    return tree


class TestRegressions:
    """Each bug the properties above found, pinned by one example (fixed in calculators/)."""

    def test_a_salary_of_1e308_is_refused_not_crashed(self) -> None:
        """Formatting the refused value crashed (decimal.InvalidOperation: rounding needs more than the
        default 28 digits from 1e26 up). Now refused, the value shown as a power of ten."""
        error = refusal(lambda: load_scenario_json(b'{"employee": {"gross_monthly_salary_eur": 1e308}}'))
        assert (error.field, error.code) == ("employee.gross_monthly_salary_eur", "out_of_range")
        assert "1e+308" in error.message("nl")

    def test_money_formats_the_largest_amounts(self) -> None:
        """money(1e308) rounds the float's shortest decimal form, 1e308: a 1 and 308 zeros, 309 digits in
        groups of three — "100" and 102 groups ".000" — after "€" and a no-break space."""
        from calculators.formatting import money

        assert money(1e308, "nl") == "€\xa0100" + ".000" * 102

    def test_an_integer_beyond_any_float_is_refused(self) -> None:
        """A 401-digit integer (valid JSON) raised OverflowError in float(); now out of range, as 1e+400."""
        error = refusal(lambda: load_scenario_json(b'{"horizon_months": 1' + b"0" * 400 + b"}"))
        assert (error.field, error.code) == ("horizon_months", "out_of_range")
        assert "1e+400" in error.message("en")

    def test_a_huge_integer_in_code_is_refused(self) -> None:
        """The same through evaluate() on a Scenario built in code (OverflowError in math.isfinite)."""
        s = with_value(scenario_from_dict({}), "horizon_months", 10**400)
        assert refusal(lambda: evaluate(s)).field == "horizon_months"

    @pytest.mark.parametrize(
        "raw",
        ['{"employee": {"label": "\ud800"}}', b'{"employee": {"label": "Jan\\u001b[2J"}}'],
        ids=["lone surrogate (text input: UnicodeEncodeError)", "escape character (was accepted)"],
    )
    def test_unshowable_characters_in_a_name_are_refused(self, raw: str | bytes) -> None:
        """A lone surrogate crashed measuring the file (UnicodeEncodeError) or, escaped in JSON, was
        accepted and broke every UTF-8 encoder later; control characters were accepted."""
        error = refusal(lambda: load_scenario_json(raw))
        assert (error.field, error.code) == ("employee.label", "invalid_characters")

    def test_a_refused_value_is_shown_on_one_line_without_control_characters(self) -> None:
        """ "care" + ESC[2J + CR LF as a sector was echoed raw: it cleared the terminal and broke the line."""
        error = refusal(lambda: load_scenario_json(b'{"company": {"sector": "care\\u001b[2J\\r\\n"}}'))
        assert '"care\\x1b[2J\\r\\n"' in error.message("en")

    def test_a_deeply_nested_value_is_described_not_recursed(self) -> None:
        """A list nested 100,000 deep as a name raised RecursionError while the message printed it."""
        error = refusal(lambda: scenario_from_dict({"employee": {"label": _nested(100_000)}}))
        assert (error.field, error.code) == ("employee.label", "wrong_type_text")
        assert "[[[...]]]" in error.message("nl")

    def test_a_key_twice_is_refused(self) -> None:
        """Two salaries in one object: json kept the last without a word; now refused by name."""
        raw = b'{"employee": {"gross_monthly_salary_eur": 3000, "gross_monthly_salary_eur": 30000}}'
        error = refusal(lambda: load_scenario_json(raw))
        assert (error.field, error.code, error.value) == (
            "scenario",
            "duplicate_key",
            "gross_monthly_salary_eur",
        )

    def test_a_break_even_search_refuses_its_own_invalid_lever(self) -> None:
        """threshold() for the productivity gain overwrote a NaN gain and answered; now refused."""
        s = with_value(scenario_from_dict({}), "benefits.productivity_gain", math.nan)
        assert refusal(lambda: threshold(s, Lever.PRODUCTIVITY_GAIN)).code == "not_finite"

    def test_draws_of_an_invalid_scenario_are_refused(self) -> None:
        """simulate() turned a NaN discount rate into NaN percentiles without a word; now refused."""
        s = with_value(scenario_from_dict({}), "company.discount_rate_annual", math.nan)
        assert refusal(lambda: simulate(s, 10)).field == "company.discount_rate_annual"

    def test_no_draws_gives_a_clear_error(self) -> None:
        """simulate(count=0) failed deep inside numpy ("need at least one array to concatenate")."""
        with pytest.raises(ValueError, match="at least one draw"):
            simulate(scenario_from_dict({}), 0)

    def test_a_nan_cash_flow_is_refused(self) -> None:
        """irr_batch with a NaN flow raised numpy.linalg.LinAlgError from numpy-financial."""
        with pytest.raises(ValueError, match="finite"):
            irr_batch([[math.nan, 1.0, -1.0]])

    def test_a_clause_of_zero_months_is_refused(self) -> None:
        """share_owed with a 0-month period divided by zero (RuntimeWarning, −inf clipped to 0)."""
        clause = replace(scenario_from_dict({}).retention.study_cost_clause, repayment_months=0)
        assert refusal(lambda: share_owed(clause, np.arange(3))).code == "out_of_range"

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_the_dead_end_command_refuses_an_exit_beyond_the_horizon(self, lang: str) -> None:
        """``python -m calculators dead-end`` on a stable-role file with its exit beyond the horizon printed
        a traceback (IndexError); now exit 2 and one line naming dead_end.exit_month."""
        raw = json.dumps({"horizon_months": 12, "dead_end": {"exit_month": 30}}).encode()
        run = run_in_process("--lang", lang, "dead-end", "-", stdin=raw)
        assert assert_cli_outcome(run) is None
        assert "(dead_end.exit_month)" in run.stderr
