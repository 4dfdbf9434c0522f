"""One answer that never contradicts itself (issue 15): what the person reads, built by
calculators.explain, agrees with the result, answers every ticked doubt, and words "what would have to
change" the right way round.

Hand-computed cases use the base of tests/unit/money/test_hand_computed.py (docs/money-model.md):
    Wm = 3000 × 1.08 × 1.30 = 4212; w = 24.30 an hour; training 1000 fees + 24 h × 24.30 = 583.20
    (cost 1583.20, month 1); gain 10 %, employer share 1, no ramp, no decay: 421.20 a month after the
    training; horizon 12, discount rate 0, quit probability 0.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import evaluate, scenario_from_dict
from calculators.arguments import OWNER_CARDS, PREDICATES, cards, select_cards
from calculators.explain import HeadlineKind, read, what_would_change
from calculators.money.break_even import Lever, thresholds
from calculators.money.evaluate import npv
from calculators.scenario.fields import field_spec
from calculators.scenario.model import Scenario, Subsidy, TrainingKind
from tests.cli_runner import run_in_process, run_process
from tests.unit.money.test_hand_computed import BASE
from tests.unit.strategies import valid_scenarios

ROOT = Path(__file__).resolve().parents[2]
DOUBTS = field_spec("doubts").values


def _base(**changes: Any) -> Scenario:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        section, name = path.split("__")
        data[section][name] = value
    return scenario_from_dict(data)


def _with(scenario: Scenario, lever: Lever, value: float) -> Scenario:
    if lever is Lever.PRODUCTIVITY_GAIN:
        return replace(scenario, benefits=replace(scenario.benefits, productivity_gain=value))
    if lever is Lever.COURSE_FEES:
        return replace(scenario, training=replace(scenario.training, course_fees_eur=value))
    if lever is Lever.QUIT_PROBABILITY:
        return replace(scenario, retention=replace(scenario.retention, annual_quit_probability=value))
    extra = Subsidy(name="", amount_eur=value, month=scenario.training.start_month)
    return replace(
        scenario, training=replace(scenario.training, subsidies=(*scenario.training.subsidies, extra))
    )


class TestStaysTheWholePeriod:
    """The figure a card quotes for "even if she stays the whole period": V(H − E), not the NPV."""

    def test_by_hand(self) -> None:
        """Gain 1 %: 0.01 × 4212 = 42.12 a month for months 2–12 (11 months) = 463.32; minus 1583.20:
        V(11) = −1119.88. With a 30 % chance a year of leaving, the NPV is lower still (fewer months
        earned, and replacement costs), so the two must not be confused."""
        scenario = _base(benefits__productivity_gain=0.01)
        result = evaluate(scenario)
        assert result.stays_whole_period_eur == pytest.approx(11 * 42.12 - 1583.20)
        leaving = evaluate(
            replace(scenario, retention=replace(scenario.retention, annual_quit_probability=0.3))
        )
        assert leaving.stays_whole_period_eur == pytest.approx(-1119.88)  # a certain stay: no chances in it
        assert leaving.npv_eur < leaving.stays_whole_period_eur

    def test_the_card_quotes_it(self) -> None:
        """W4 when even a whole stay does not pay: the honest card quotes V(11), € -1.120, not the NPV."""
        scenario = _base(benefits__productivity_gain=0.01, retention__annual_quit_probability=0.3)
        result = evaluate(scenario)
        chosen = select_cards(("W4",), scenario, result, "nl", found=thresholds(scenario))
        card = next(card for card in chosen if card.card.id == "w4_honest_too_short")
        assert "€\xa0-1.120" in card.body
        assert f"€\xa0{round(result.npv_eur):,}".replace(",", ".") not in card.body


class TestExplainCommand:
    """``python -m calculators explain``: what the person reads, as JSON.

    The accepted and the refused English runs start a real process; the dead-end headline is read from
    ``main`` in this process (tests/cli_runner.py)."""

    def test_keys_and_figures(self) -> None:
        """headline, figures equal to ``evaluate`` (rounded as it rounds), what_would_change, cards."""
        example = ROOT / "content" / "examples" / "garage_ev_course.json"
        done = run_process("explain", str(example), "--lang", "en", "--role", "advisor", "--doubts", "W4,w6")
        assert done.code == 0, done.stderr
        out = done.json()
        assert set(out) == {"headline", "figures", "what_would_change", "cards"}
        from calculators.scenario.io import load_scenario_json

        scenario = load_scenario_json(example.read_bytes())
        assert out["figures"] == json.loads(json.dumps(evaluate(scenario).to_dict(with_months=False)))
        assert out["headline"]["kind"] in {"pays", "does_not_pay"}
        for item in out["what_would_change"]:
            assert set(item) == {"field", "value", "direction"}
            assert item["direction"] in {"at_least", "at_most"}
        assert {doubt for card in out["cards"] for doubt in card["doubts"]} <= {"W4", "W6"}
        assert all(card["sources"] and card["title"] and card["body"] for card in out["cards"])

    def test_dead_end_headline(self) -> None:
        """A dead-end case's headline is the comparison's answer."""
        example = ROOT / "content" / "examples" / "warehouse_dead_end.json"
        done = run_in_process("explain", str(example))
        assert done.code == 0, done.stderr
        assert done.json()["headline"]["kind"] == "dead_end_comparison"

    def test_bad_doubt_is_refused_by_name(self) -> None:
        """An unknown doubt: exit 2, one line naming --doubts and the allowed values."""
        example = ROOT / "content" / "examples" / "garage_ev_course.json"
        done = run_process("explain", str(example), "--doubts", "W4,W9", "--lang", "en")
        assert done.code == 2
        assert done.stdout == ""
        (line,) = done.stderr.strip().splitlines()
        assert "--doubts" in line and "W9" in line and "W1, W2" in line


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestProperties:
    """Over generated scenarios and doubt sets."""

    @PROPERTY
    @given(
        valid_scenarios().map(scenario_from_dict),
        st.lists(st.sampled_from(DOUBTS), unique=True, min_size=1),
        st.sampled_from(["nl", "en"]),
    )
    def test_every_ticked_doubt_is_answered(self, scenario: Scenario, doubts: list[str], lang: str) -> None:
        """An owner's cards answer every ticked doubt for which any card applies at all."""
        reading = read(scenario, lang, doubts=tuple(doubts))
        everything = read(scenario, lang, owner=False, doubts=tuple(doubts), result=reading.result)
        for doubt in doubts:
            if any(doubt in card.card.answers for card in everything.cards):
                assert any(doubt in card.card.answers for card in reading.cards), doubt
        assert len(reading.cards) <= max(len(doubts), min(6, max(OWNER_CARDS, 2 * len(doubts))))

    @PROPERTY
    @given(valid_scenarios(max_horizon=36).map(scenario_from_dict))
    def test_what_would_change_pays_and_the_other_way_does_not(self, scenario: Scenario) -> None:
        """Each value puts NPV within € 1 of zero; 5 % of the way towards the wrong side, NPV < 0."""
        result = evaluate(scenario)
        if result.pays_off:
            return
        found = thresholds(scenario)
        for change in what_would_change(found):
            lever = Lever(change.field)
            assert abs(npv(_with(scenario, lever, change.value))) <= 1.0, change
            current = next(item.current for item in found if item.lever is lever)
            wrong = change.value + 0.05 * (current - change.value)  # towards the current value
            if lever is Lever.EXTRA_SUBSIDY:
                wrong = change.value * 0.95
            assert npv(_with(scenario, lever, wrong)) < 0, change

    @PROPERTY
    @given(valid_scenarios().map(scenario_from_dict), st.sampled_from(["nl", "en"]))
    def test_no_card_contradicts_the_inputs(self, scenario: Scenario, lang: str) -> None:
        """Cards that rest on an input only appear when the input says so."""
        reading = read(scenario, lang, owner=False, doubts=DOUBTS)
        shown = {card.card.id for card in reading.cards}
        change = scenario.retention.quit_probability_change
        if "w4_training_binds" in shown:
            assert change < 0
        if "w4_leaving_counted" in shown:
            assert change > 0
        if "w4_no_effect_counted" in shown:
            assert change == 0
        if shown & {"w4_clause_possible", "w4_clause_refund"}:
            assert scenario.training.kind is not TrainingKind.MANDATORY
        if "w7_subsidy_note" in shown:
            assert scenario.training.subsidies_eur == 0
        if "w6_cover_counted" in shown:
            assert scenario.training.backfill_hourly_cost_eur > 0
        if "w6_cover_instead_of_lost_output" in shown:
            assert scenario.training.backfill_hourly_cost_eur == 0

    @PROPERTY
    @given(valid_scenarios().map(scenario_from_dict), st.sampled_from(["nl", "en"]))
    def test_figures_are_evaluate(self, scenario: Scenario, lang: str) -> None:
        """The reading's figures are ``evaluate``'s, and its headline kind follows them."""
        reading = read(scenario, lang, doubts=("W4",))
        assert reading.to_dict()["figures"] == evaluate(scenario).to_dict(with_months=False)
        if reading.headline.kind is not HeadlineKind.DEAD_END_COMPARISON:
            assert (reading.headline.kind is HeadlineKind.PAYS) == reading.result.pays_off


def test_every_predicate_a_card_uses_exists() -> None:
    """A card condition that names no known predicate would silently never (or always) apply."""
    known = set(PREDICATES) | {"has_needed_gain", "has_needed_fees", "has_needed_subsidy", "has_needed_quit"}
    for card in cards():
        assert set(card.requires) | set(card.excludes) <= known, card.id
