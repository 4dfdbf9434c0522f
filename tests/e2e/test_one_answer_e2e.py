"""Issue 15's installation firm in real Chromium: a € 2.450 heat-pump course (48 hours) for a
technician, the owner worried "she'll leave once certified" (W4, +5 points) and "I can't miss her on
the job" (W6). Owner and advisor, Dutch and English: the worries' own questions are asked under the
ticked doubts, the page's headline is the one the calculators build, the two stay figures are
explained beside each other, and the doubts tab answers both worries (the clause, cover). Every
step is checked with axe-core and photographed.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from calculators import scenario_from_dict
from calculators.explain import read
from calculators.i18n import text
from tests.e2e.flows import choose, next_step, open_in, open_results_tab, type_into, wait_for_charts
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle
from ui.session import doubt_key

AXE = Axe()
SERIOUS = {"critical", "serious"}
CASE: dict[str, Any] = {
    "doubts": ["W4", "W6"],
    "company": {"sector": "installation"},
    "employee": {"label": "Sanne", "gross_monthly_salary_eur": 3400},
    "training": {"course_fees_eur": 2450, "hours": 48},
    "retention": {"quit_probability_change": 0.05},
}


def _serious(page: Page) -> list[dict[str, Any]]:
    return [v for v in AXE.run(page).response["violations"] if v.get("impact") in SERIOUS]


# the pairs test_wizard_flow.py does not walk: Dutch for the advisor, English for the owner
@pytest.mark.parametrize(("lang", "role"), [("nl", "advisor"), ("en", "owner")])
def test_installation_firm_reads_as_one_story(app_url: str, page: Page, lang: str, role: str) -> None:
    """Pins the walked case: the page says what calculators.explain.read says, for the role."""
    open_in(page, app_url, lang)
    if role == "advisor":
        page.get_by_text(text(lang, "role.advisor"), exact=True).click()
        wait_for_app_idle(page)
    next_step(page)
    choose(page, f"in__company__sector__{lang}", text(lang, "choices.company.sector.installation"))
    next_step(page)
    type_into(page, "in__employee__label", "Sanne")
    type_into(page, "in__employee__gross_monthly_salary_eur", "3400")
    next_step(page)
    type_into(page, "in__training__course_fees_eur", "2450")
    type_into(page, "in__training__hours", "48")
    next_step(page)
    next_step(page)  # the doubts step
    for doubt in ("W4", "W6"):
        page.get_by_text(text(lang, f"choices.doubts.{doubt}"), exact=True).click()
        wait_for_app_idle(page)
        expect(by_key(page, f"doubt_question_{doubt}")).to_be_visible()
    type_into(page, "in__retention__quit_probability_change", "5")
    assert not _serious(page)
    screenshot(page, f"one_answer_{role}_{lang}_doubts")
    assert by_key(page, doubt_key("W4")).get_by_role("checkbox").is_checked()

    next_step(page)
    wait_for_charts(page)
    expected = read(scenario_from_dict(CASE), lang, owner=role == "owner")
    expect(page.get_by_test_id("stAlertContentWarning").first).to_have_text(expected.headline.text)
    expect(page.get_by_text(text(lang, "results.figures_explained"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert not _serious(page)
    screenshot(page, f"one_answer_{role}_{lang}_results")

    open_results_tab(page, lang, "doubts")
    shown = [card.card.id for card in expected.cards]
    assert {"w4_clause_possible", "w6_cover_instead_of_lost_output"} <= set(shown)
    assert "w4_training_binds" not in shown  # the owner expects more leaving, not less
    for card_id in shown:
        expect(by_key(page, f"argument_{card_id}")).to_be_visible()
    expect(page.locator("[class*='st-key-argument_']")).to_have_count(len(shown))
    assert not _serious(page)
    screenshot(page, f"one_answer_{role}_{lang}_doubts_tab")
