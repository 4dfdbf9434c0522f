"""The dead-end flow in real Chromium, Dutch and English: the bakery of issue 14 walked as an owner.

A cashier of 18 years whose role disappears in month 24 (self-checkouts), a course for work
elsewhere. The questions that decide the answer are on the page in the open, at "no"; the answer on
top is the comparison's (checked against the calculators); no deduction condition is "met" that the
owner did not confirm; saying there is another job in the firm changes the answer; and each tab
draws its own chart and no other. Every step is checked with axe-core and photographed.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from calculators import scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison, Option
from calculators.i18n import text
from tests.bakery_case import bakery
from tests.e2e.flows import (
    choose,
    next_step,
    open_in,
    open_results_tab,
    results_tab_bar,
    type_into,
    wait_for_charts,
)
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle, wait_for_plots_drawn

AXE = Axe()
SERIOUS = {"critical", "serious"}


def _serious(page: Page) -> list[dict[str, Any]]:
    return [v for v in AXE.run(page).response["violations"] if v.get("impact") in SERIOUS]


def _to_questions(page: Page, lang: str) -> None:
    """From the start step to the yields step, typing the bakery case."""
    next_step(page)
    type_into(page, "in__company__employee_count", "40")
    next_step(page)
    type_into(page, "in__employee__gross_monthly_salary_eur", "2800")
    type_into(page, "in__employee__hours_per_week", "32")
    type_into(page, "in__employee__years_of_service", "18")
    type_into(page, "in__employee__age", "52")
    choose(page, f"in__employee__role_outlook__{lang}", text(lang, "choices.employee.role_outlook.dead_end"))
    next_step(page)
    choose(page, f"in__training__kind__{lang}", text(lang, "choices.training.kind.external_job"))
    type_into(page, "in__training__course_fees_eur", "2500")
    type_into(page, "in__training__hours", "80")
    type_into(page, "in__training__duration_months", "4")
    next_step(page)


def _answer_box(page: Page) -> Locator:
    return by_key(page, "dead_end_answer").get_by_test_id("stAlertContentSuccess")


def _expected(extra: dict[str, Any] | None = None) -> DeadEndComparison:
    return compare_options(scenario_from_dict(bakery(**(extra or {}))))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bakery_dead_end_flow(app_url: str, page: Page, lang: str) -> None:
    """Pins the issue's walked case end to end, in both languages."""
    open_in(page, app_url, lang)
    _to_questions(page, lang)

    # the questions that decide the answer: in the open (not folded), both yes/no questions at "no"
    questions = by_key(page, "dead_end_questions")
    expect(questions).to_be_visible()
    expect(questions.get_by_text(text(lang, "dead_end.questions_title"))).to_be_visible()
    for key in ("in__dead_end__internal_role_available", "in__dead_end__written_consent"):
        switch = by_key(page, key).get_by_role("switch")
        expect(switch).to_be_visible()
        expect(switch).not_to_be_checked()
    assert not _serious(page)
    screenshot(page, f"dead_end_{lang}_questions")

    next_step(page)  # doubts
    next_step(page)  # results
    wait_for_charts(page)
    expected = _expected()
    assert expected.cheapest is not Option.RETRAIN_INTERNAL  # retraining is not there: no other job
    box = _answer_box(page)
    expect(box).to_contain_text(text(lang, f"dead_end.options.{expected.cheapest.value}"))
    expect(box).to_contain_text(text(lang, "dead_end.unavailable.no_internal_role"))
    # the one answer comes first: above the training's own figures, which are explained as detail
    answer_top = box.bounding_box()
    detail = page.get_by_role("heading", name=text(lang, "dead_end.detail_title"))
    expect(detail).to_be_visible()
    detail_top = detail.bounding_box()
    assert answer_top is not None and detail_top is not None and answer_top["y"] < detail_top["y"]
    expect(page.get_by_text(text(lang, "dead_end.detail_explained"))).to_be_visible()
    # the options table: retraining "not available", each route named
    table = page.get_by_role("table").filter(has_text=text(lang, "dead_end.table_route"))
    expect(table.get_by_text(text(lang, "dead_end.not_available")).first).to_be_visible()
    expect(table.get_by_text(text(lang, "dead_end.routes.settlement")).first).to_be_visible()
    # no condition the owner did not confirm is "met": consent and the written specification fail
    checklist = by_key(page, "dead_end_checklist")
    for condition in ("consent_in_writing", "specified_in_writing"):
        line = checklist.get_by_role("listitem").filter(
            has_text=text(lang, f"dead_end.conditions.{condition}")
        )
        expect(line).to_contain_text(text(lang, "dead_end.checklist_fails"))
    expect(page.get_by_text(text(lang, "dead_end.not_legal_advice", year=2026))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert not _serious(page)
    screenshot(page, f"dead_end_{lang}_results")

    # the question decides the answer: another job in the firm makes retraining count
    back_to_questions = by_key(page, "nav_back").locator("button")
    back_to_questions.click()
    wait_for_app_idle(page)
    back_to_questions.click()
    wait_for_app_idle(page)
    by_key(page, "in__dead_end__internal_role_available").locator("label").first.click()
    wait_for_app_idle(page)
    next_step(page)
    next_step(page)
    wait_for_charts(page)
    with_job = _expected({"internal_role_available": True})
    expect(_answer_box(page)).to_contain_text(text(lang, f"dead_end.options.{with_job.cheapest.value}"))
    expect(_answer_box(page)).not_to_contain_text(text(lang, "dead_end.unavailable.no_internal_role"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, f"dead_end_{lang}_results_internal_job")
    _each_tab_draws_its_own_chart(page, lang)


def _each_tab_draws_its_own_chart(page: Page, lang: str) -> None:
    """The dead-end tab is the first and open one with its four options; it draws its own chart and
    no other, and so does every other tab with a chart (money and uncertainty: their first tab's)."""
    bar = results_tab_bar(page, lang)
    expect(bar.get_by_role("tab").first).to_have_text(text(lang, "results.tabs.dead_end"))
    expect(bar.get_by_role("tab", selected=True)).to_have_text(text(lang, "results.tabs.dead_end"))
    expect(page.get_by_text(text(lang, "dead_end.tv_title"))).to_be_visible()
    for option in ("keep", "retrain_internal", "job_to_job", "dismiss"):
        expect(
            page.get_by_role("table").get_by_text(text(lang, f"dead_end.options.{option}")).first
        ).to_be_visible()
    expect(page.locator(".st-key-chart_dead_end .js-plotly-plot")).to_have_count(1)
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    for tab, chart in (("over_time", "cumulative"), ("money", "costs"), ("uncertainty", "histogram")):
        open_results_tab(page, lang, tab)
        expect(by_key(page, f"chart_{chart}").locator(".main-svg").first).to_be_visible(timeout=30_000)
        expect(page.locator(".js-plotly-plot")).to_have_count(1)
        expect(page.get_by_role("heading", name=text(lang, "dead_end.title"))).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    wait_for_plots_drawn(page)
    screenshot(page, f"dead_end_{lang}_results_uncertainty")
