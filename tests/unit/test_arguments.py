"""Argument cards: complete content, honest selection, and the user's own numbers filled in."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from calculators import evaluate, load_scenario_json, scenario_from_dict
from calculators.arguments import (
    DOUBTS,
    OWNER_CARDS,
    PREDICATES,
    THRESHOLD_FLAGS,
    cards,
    facts,
    placeholders,
    select_cards,
)
from calculators.dead_end.compare import compare_options
from calculators.i18n import Lang
from calculators.money.break_even import thresholds
from calculators.scenario.model import RoleOutlook, Scenario, TrainingKind
from calculators.sources import sources

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "content" / "examples").glob("*.json"))
WAREHOUSE = Path(__file__).resolve().parents[2] / "content" / "examples" / "warehouse_dead_end.json"
BAKERY_VACANCY = Path(__file__).resolve().parents[2] / "content" / "examples" / "bakery_shift_leader.json"


def _all_for(scenario: Scenario, lang: Lang, doubts: tuple[str, ...] = DOUBTS) -> list[str]:
    result = evaluate(scenario)
    chosen = select_cards(
        doubts,
        scenario,
        result,
        lang,
        found=thresholds(scenario),
        dead_end=compare_options(scenario, with_sensitivity=False),
    )
    return [card.card.id for card in chosen]


class TestContent:
    """The card file itself."""

    def test_at_least_three_cards_per_doubt(self) -> None:
        """Pins the issue's minimum: every reluctance W1–W7 has three or more cards."""
        count = Counter(doubt for card in cards() for doubt in card.answers)
        assert all(count[doubt] >= 3 for doubt in DOUBTS), count

    def test_both_languages_and_same_placeholders(self) -> None:
        """Pins that every card has a Dutch and an English title and body using the same placeholders."""
        for card in cards():
            nl = placeholders(card.title["nl"]) | placeholders(card.body["nl"])
            en = placeholders(card.title["en"]) | placeholders(card.body["en"])
            assert card.title["nl"] and card.body["nl"] and card.title["en"] and card.body["en"], card.id
            assert nl == en, card.id

    def test_every_source_exists_with_an_address(self) -> None:
        """Pins the bibliography link: each cited id exists and has a web address."""
        for card in cards():
            for source_id in card.sources:
                assert sources()[source_id].url.startswith("http"), (card.id, source_id)

    def test_quotes_only_what_the_conditions_guarantee(self) -> None:
        """Pins the honesty rules: a card quoting a value requires the condition under which it exists."""
        needs = {
            "break_even_stay": "break_even_known",
            "clause_refund_12": "clause_on",
            "dead_end_cheapest": "dead_end",
            "dead_end_margin": "dead_end",
            "hiring_cost": "vacancy",
            **{flag.removeprefix("has_"): flag for flag in THRESHOLD_FLAGS},
        }
        for card in cards():
            used = placeholders(card.title["en"]) | placeholders(card.body["en"])
            for name, condition in needs.items():
                if name in used:
                    assert condition in card.requires, (card.id, name, condition)

    def test_clause_cards_never_for_mandatory_training(self) -> None:
        """Pins art. 7:611a: a card that offers a study-cost clause requires one to be allowed."""
        for card in cards():
            body = card.body["en"].lower() + card.title["en"].lower()
            if "clause" in body and "mandatory" not in card.requires:
                assert "clause_allowed" in card.requires or "clause_on" in card.requires, card.id

    def test_conditions_are_known(self) -> None:
        """Pins that every condition a card uses exists (the loader refuses unknown ones too)."""
        known = set(PREDICATES) | set(THRESHOLD_FLAGS)
        for card in cards():
            assert set(card.requires) | set(card.excludes) <= known, card.id

    def test_kantar_never_as_percentages(self) -> None:
        """Pins the study's nature: the qualitative Kantar findings are never given as percentages."""
        for card in cards():
            if "kantar_2019_llo" in card.sources or "toussaint_2019_summary" in card.sources:
                for lang in ("nl", "en"):
                    assert not re.search(r"\d+\s?%", card.body[lang]), card.id


class TestFilling:
    """Every placeholder resolves for every example, in both languages."""

    @pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
    @pytest.mark.parametrize("lang", list(Lang))
    def test_every_card_fills_for_every_example(self, path: Path, lang: Lang) -> None:
        """Pins that formatting any card for any example never leaves a {placeholder} or fails."""
        scenario = load_scenario_json(path.read_bytes())
        result = evaluate(scenario)
        known = facts(
            scenario, result, lang, thresholds(scenario), compare_options(scenario, with_sensitivity=False)
        )
        for card in cards():
            for template in (card.title[lang.value], card.body[lang.value]):
                filled = template.format(**known.values)
                assert "{" not in filled and "}" not in filled, card.id


class TestSelection:
    """Which cards, in what order, never the wrong ones."""

    @pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
    def test_chosen_cards_meet_their_conditions(self, path: Path) -> None:
        """Pins that no chosen card contradicts the numbers: requires all hold, excludes none."""
        scenario = load_scenario_json(path.read_bytes())
        result = evaluate(scenario)
        dead_end = compare_options(scenario, with_sensitivity=False)
        known = facts(scenario, result, Lang.NL, thresholds(scenario), dead_end)
        chosen = select_cards(
            DOUBTS, scenario, result, Lang.NL, found=thresholds(scenario), dead_end=dead_end
        )
        assert chosen
        for card in chosen:
            assert set(card.card.requires) <= known.flags, card.card.id
            assert not set(card.card.excludes) & known.flags, card.card.id

    def test_owner_sees_two_per_ticked_doubt(self) -> None:
        """Pins owner mode: two cards per ticked doubt (at least three, at most six, but one for each of
        seven ticked doubts), each answering a ticked doubt, and every ticked doubt answered."""
        scenario = scenario_from_dict({"doubts": ["W4", "W6"]})
        chosen = select_cards(("W4", "W6"), scenario, evaluate(scenario), Lang.NL, limit=OWNER_CARDS)
        assert len(chosen) == 4
        assert all({"W4", "W6"} & set(card.card.answers) for card in chosen)
        for doubt in ("W4", "W6"):
            assert any(doubt in card.card.answers for card in chosen)
        one = select_cards(("W4",), scenario, evaluate(scenario), Lang.NL, limit=OWNER_CARDS)
        assert len(one) == OWNER_CARDS
        every = ("W1", "W2", "W3", "W4", "W5", "W6", "W7")
        assert len(select_cards(every, scenario, evaluate(scenario), Lang.NL, limit=OWNER_CARDS)) == 7

    def test_no_doubt_no_cards(self) -> None:
        """Pins that nothing is shown when no doubt is ticked (no filler text)."""
        scenario = scenario_from_dict({})
        assert select_cards((), scenario, evaluate(scenario), Lang.NL) == []

    def test_honest_cards_first_when_it_does_not_pay(self) -> None:
        """Pins the ranking: when NPV ≤ 0 every honest card comes before every other card."""
        scenario = scenario_from_dict({"benefits": {"productivity_gain": 0.005}})
        result = evaluate(scenario)
        assert result.npv_eur <= 0
        chosen = select_cards(DOUBTS, scenario, result, Lang.EN, found=thresholds(scenario))
        honest = [card.card.honest for card in chosen]
        assert True in honest
        assert honest == sorted(honest, reverse=True)

    def test_never_pays_off_wording_when_it_does_not(self) -> None:
        """Pins that no card requiring pays_off is chosen when NPV ≤ 0, and the reverse."""
        losing = scenario_from_dict({"benefits": {"productivity_gain": 0.0}})
        winning = scenario_from_dict({"benefits": {"productivity_gain": 0.08}})
        assert evaluate(losing).npv_eur <= 0 < evaluate(winning).npv_eur
        by_id = {card.id: card for card in cards()}
        for card_id in _all_for(losing, Lang.NL):
            assert "pays_off" not in by_id[card_id].requires, card_id
        for card_id in _all_for(winning, Lang.NL):
            assert "not_pays_off" not in by_id[card_id].requires, card_id

    def test_no_clause_card_for_mandatory_training(self) -> None:
        """Pins that with mandatory training no card offers a clause (it would be void)."""
        scenario = scenario_from_dict({"training": {"kind": "mandatory"}})
        by_id = {card.id: card for card in cards()}
        for card_id in _all_for(scenario, Lang.NL):
            assert "clause_allowed" not in by_id[card_id].requires, card_id
            assert "clause_on" not in by_id[card_id].requires, card_id

    def test_cards_change_when_the_numbers_change(self) -> None:
        """Pins that the text follows the numbers: a different salary gives a different filled body."""
        base = scenario_from_dict({"doubts": ["W4"], "benefits": {"productivity_gain": 0.05}})
        richer = replace(base, employee=replace(base.employee, gross_monthly_salary_eur=4200.0))
        bodies = [
            [card.body for card in select_cards(("W4",), s, evaluate(s), Lang.NL, found=thresholds(s))]
            for s in (base, richer)
        ]
        assert bodies[0] != bodies[1]

    def test_user_label_is_escaped(self) -> None:
        """Pins that the employee's label reaches a card only through the escape function given."""
        scenario = scenario_from_dict({"employee": {"label": "![x](http://evil.example/x.png)"}})
        result = evaluate(scenario)
        known = facts(scenario, result, Lang.NL, escape=lambda value: f"<<{len(value)}>>")
        assert known.values["name"] == "<<31>>"


def _ids(doubts: tuple[str, ...], scenario: Scenario, limit: int | None = None) -> list[str]:
    result = evaluate(scenario)
    chosen = select_cards(
        doubts,
        scenario,
        result,
        Lang.NL,
        found=() if result.pays_off else thresholds(scenario),
        dead_end=compare_options(scenario, with_sensitivity=False),
        limit=limit,
    )
    return [card.card.id for card in chosen]


PAYING_WITH_CLAUSE = {
    "benefits": {"productivity_gain": 0.05},
    "retention": {"study_cost_clause": {"enabled": True}},
}


class TestProfiles:
    """Eight concrete employers: which cards, in which order, and which must never appear.

    The expected lists follow from the cards' conditions and weights in content/arguments/cards.yaml
    and the ranking rule (honest cards first when it does not pay, then weight, then id).
    """

    def test_owner_fearing_poaching_when_it_does_not_pay(self) -> None:
        """Default scenario (NPV < 0, no break-even stay), W4, owner: the honest card leads, then the
        clause the owner may agree (83), then the evidence on binding (80, the default −3 points)."""
        ids = _ids(("W4",), scenario_from_dict({}), limit=OWNER_CARDS)
        assert ids == ["w4_honest_too_short", "w4_clause_possible", "w4_training_binds"]

    def test_the_installation_firm_worries_are_both_answered(self) -> None:
        """Issue 15's owner: it does not pay, W4 ("she'll leave") with +5 points and W6 ("I can't miss
        her"): two cards per worry, round by round — the honest one for each, then the clause for W4
        (83 > the counted worry's 82) and cover for W6 (86 > the hours' cost 85); no card on binding,
        which would contradict the +5 the owner entered."""
        scenario = scenario_from_dict({"retention": {"quit_probability_change": 0.05}})
        ids = _ids(("W4", "W6"), scenario, limit=OWNER_CARDS)
        assert ids == [
            "w4_honest_too_short",
            "w6_honest_hours_too_costly",
            "w6_cover_instead_of_lost_output",
            "w4_clause_possible",
        ]
        assert "w4_training_binds" not in _ids(("W4",), scenario)

    def test_fearing_poaching_when_it_pays_with_a_clause(self) -> None:
        """Paying, clause on, W4: stay first, then the evidence, the clause refund, the kept gain."""
        ids = _ids(("W4",), scenario_from_dict(PAYING_WITH_CLAUSE))
        assert ids == ["w4_break_even_stay", "w4_training_binds", "w4_clause_refund", "w4_you_keep_the_gain"]
        assert "w4_clause_possible" not in ids and "w4_honest_too_short" not in ids

    def test_mandatory_training_never_shows_a_clause(self) -> None:
        """Mandatory training, W4 and W7: the free-and-in-working-time card leads W7; no clause card."""
        ids = _ids(("W4", "W7"), scenario_from_dict({"training": {"kind": "mandatory"}}))
        assert "w7_mandatory_is_free" in ids
        assert not {"w4_clause_possible", "w4_clause_refund"} & set(ids)

    def test_dead_end_employee(self) -> None:
        """The warehouse example (dead end, training for a job elsewhere, no other job in the firm), W5:
        with retraining unavailable, letting go by settlement is the cheapest option that exists, so
        the honest card leads and no card says training is cheapest."""
        scenario = load_scenario_json(WAREHOUSE.read_bytes())
        assert scenario.employee.role_outlook.value == "dead_end"
        assert not scenario.dead_end.internal_role_available
        ids = _ids(("W5",), scenario)
        assert ids == [
            "w5_honest_training_not_cheapest",
            "w5_cheapest_option",
            "w5_redeployment_duty",
            "w5_retraining_works",
            "w3_broad_is_deductible",
        ]

    def test_dead_end_employee_with_an_internal_job(self) -> None:
        """The same employee with another job in the firm: retraining becomes cheapest, and the card that
        says so cites the redeployment duty (art. 7:669 lid 1, 7:611a lid 1 BW), not a deduction."""
        scenario = load_scenario_json(WAREHOUSE.read_bytes())
        scenario = replace(scenario, dead_end=replace(scenario.dead_end, internal_role_available=True))
        ids = _ids(("W5",), scenario)
        assert ids[:3] == ["w5_compare_not_zero", "w5_cheapest_option", "w5_training_cheaper_than_dismissal"]
        card = next(card for card in cards() if card.id == "w5_training_cheaper_than_dismissal")
        assert set(card.sources) >= {"bw_7_669", "bw_7_611a"}
        for lang in ("nl", "en"):
            assert "stb_2015_171" not in card.sources
            assert "7:611a" in card.body[lang]

    def test_retraining_a_dead_end_employee_internally_is_never_called_deductible(self) -> None:
        """Training for another role in the firm, for an employee whose role lapses, is redeployment:
        never deductible (Stb. 2020, 188), so the card on deducting broad training is not shown."""
        scenario = load_scenario_json(WAREHOUSE.read_bytes())
        scenario = replace(
            scenario,
            training=replace(scenario.training, kind=TrainingKind.INTERNAL_BROADENING),
            dead_end=replace(scenario.dead_end, internal_role_available=True),
        )
        assert "w3_broad_is_deductible" not in _ids(("W3", "W5"), scenario)
        stable = replace(scenario, employee=replace(scenario.employee, role_outlook=RoleOutlook.STABLE))
        assert "w3_broad_is_deductible" in _ids(("W3",), stable)  # broadening with a future: may count

    def test_internal_vacancy(self) -> None:
        """The bakery example (shift-leader vacancy filled internally, pays), W3."""
        scenario = load_scenario_json(BAKERY_VACANCY.read_bytes())
        assert scenario.benefits.vacancy.filled_internally
        ids = _ids(("W3",), scenario)
        assert ids == [
            "w3_internal_vacancy",
            "w5_redeployment_duty",
            "w1_skills_fade",
            "w3_specific_fades_faster",
            "w3_broad_is_deductible",
        ]

    def test_no_vacancy_no_vacancy_card(self) -> None:
        """Without a vacancy the hiring-cost card never appears."""
        assert "w3_internal_vacancy" not in _ids(("W3",), scenario_from_dict({}))

    def test_time_away_when_it_does_not_pay(self) -> None:
        """Default scenario, W6: the honest hours card first, then cover instead of lost output (86),
        the hours' cost (85), learning on the job (60) and the subsidy note (40). "What would have to
        change" is on the page itself, so no card repeats it."""
        ids = _ids(("W6",), scenario_from_dict({}))
        assert ids == [
            "w6_honest_hours_too_costly",
            "w6_cover_instead_of_lost_output",
            "w6_time_cost",
            "w6_learning_on_the_job",
            "w7_subsidy_note",
        ]
        assert "w6_earned_back" not in ids

    def test_owner_waiting_for_the_question_when_it_pays(self) -> None:
        """Paying, W1 and W2, owner: two per doubt, round by round — W1's best (90, also answers W2),
        W2's next (85), W1's next (80), W2's next (75) — in rank order, each under its first ticked
        doubt."""
        scenario = scenario_from_dict({"benefits": {"productivity_gain": 0.05}})
        result = evaluate(scenario)
        chosen = select_cards(("W1", "W2"), scenario, result, Lang.EN, limit=OWNER_CARDS)
        assert [(card.card.id, card.doubt) for card in chosen] == [
            ("w1_pays_with_your_numbers", "W1"),
            ("w2_they_will_not_ask", "W1"),
            ("w1_cost_of_waiting", "W1"),
            ("w2_retention_numbers", "W1"),
        ]
        assert "€" in chosen[0].title  # the user's own NPV is in the title
