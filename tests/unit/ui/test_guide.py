"""The advisors' conversation guide: questions per ticked doubt, the employee talk, sources."""

from __future__ import annotations

import pytest

from calculators import evaluate, scenario_from_dict
from calculators.arguments import DOUBTS, select_cards
from calculators.i18n import Lang, text
from calculators.money.break_even import thresholds
from ui.guide import conversation_guide, guide_questions


class TestGuideContent:
    """content/arguments/guide.yaml."""

    def test_two_to_four_questions_per_doubt_in_both_languages(self) -> None:
        """Pins the issue's range and language parity of the employer questions."""
        employer = guide_questions()["employer"]
        for doubt in DOUBTS:
            assert 2 <= len(employer[doubt]["nl"]) == len(employer[doubt]["en"]) <= 4, doubt

    def test_employee_questions_in_both_languages(self) -> None:
        """Pins the development-talk questions: the same number in Dutch and English."""
        employee = guide_questions()["employee"]
        assert len(employee["nl"]) == len(employee["en"]) >= 5


class TestGuideText:
    """The guide as the advisor downloads it."""

    @pytest.mark.parametrize("lang", list(Lang))
    def test_sections_for_ticked_doubts_only(self, lang: Lang) -> None:
        """Pins: a section per ticked doubt with its questions and its arguments, none for the others."""
        scenario = scenario_from_dict({"doubts": ["W4", "W6"]})
        result = evaluate(scenario)
        chosen = select_cards(scenario.doubts, scenario, result, lang, found=thresholds(scenario))
        guide = conversation_guide(scenario.doubts, chosen, lang, client="Bakkerij De Korenaar")
        assert guide.startswith(f"# {text(lang, 'guide.title')}")
        assert "Bakkerij De Korenaar" in guide
        for doubt in ("W4", "W6"):
            assert f"## {text(lang, f'choices.doubts.{doubt}')}" in guide
            for question in guide_questions()["employer"][doubt][lang.value]:
                assert question in guide
        assert text(lang, "choices.doubts.W1") not in guide
        for question in guide_questions()["employee"][lang.value]:
            assert question in guide
        assert chosen[0].body in guide
        assert text(lang, "guide.sources") in guide and "http" in guide
