"""The app in real Chromium: a salary change reaches the answer, and a language round trip keeps a
select box's choice. (That nothing is fetched from anywhere but the app's own server is pinned by
test_wizard_flow.py's full flow and test_privacy.py, which route every request and record every
websocket: tests/e2e/private.py.)

The salary is typed on the wizard's employee step and the answer read on the results step; the
expected text comes from the calculators, formatted with ui.results_text.key_figures in the page's
language.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators import evaluate, scenario_from_dict
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from tests.e2e.helpers import (
    by_key,
    open_app,
    screenshot,
    set_viewport_tall,
    wait_for_app_idle,
    wait_for_plots_drawn,
)
from ui.form.steps import STEPS
from ui.session import widget_key

STEP = {step.id: index for index, step in enumerate(STEPS)}
SALARY = widget_key("employee.gross_monthly_salary_eur")
NEW_SALARY = 3600


def _click_nav(page: Page, key: str, times: int) -> None:
    for _ in range(times):
        by_key(page, key).locator("button").click()
        wait_for_app_idle(page)


def _header(page: Page) -> str:
    return page.get_by_test_id("stHeading").first.inner_text().strip()


def _go(page: Page, lang: Lang, step_id: str) -> None:
    """Walk to a step with the real Back/Next buttons (the page starts on the current step)."""
    for index, step in enumerate(STEPS):
        if _header(page) == text(lang, f"wizard.steps.{step.id}"):
            current = index
            break
    else:
        raise AssertionError(f"unknown step header {_header(page)!r}")
    target = STEP[step_id]
    if target > current:
        _click_nav(page, "nav_next", target - current)
    elif target < current:
        _click_nav(page, "nav_back", current - target)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, f"wizard.steps.{step_id}"))


def _npv(page: Page, lang: Lang) -> str:
    card = page.get_by_test_id("stMetric").filter(has_text=text(lang, "results.npv_label"))
    expect(card).to_have_count(1)
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def _wait_for_chart(page: Page) -> None:
    chart = by_key(page, "chart_cumulative").get_by_test_id("stPlotlyChart")
    expect(chart).to_be_visible(timeout=30_000)
    chart.locator(".main-svg").first.wait_for(state="visible", timeout=30_000)
    wait_for_plots_drawn(page)


def _click_language(page: Page, lang: Lang) -> None:
    """Click "Nederlands" or "English" in the header's segmented control."""
    by_key(page, "lang").get_by_text(text(lang, f"language.{lang.value}"), exact=True).click()
    wait_for_app_idle(page)


@pytest.mark.parametrize("lang", [Lang.NL], ids=["nl"])  # one language: see tests/e2e/README.md
def test_salary_change_updates_npv(page: Page, app_url: str, lang: Lang) -> None:
    """Pins the whole loop in a browser: type a salary, the NPV card shows the calculator's value for it."""
    set_viewport_tall(page)
    open_app(page, app_url)
    if lang is Lang.EN:
        _click_language(page, Lang.EN)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, "wizard.steps.start"))

    _go(page, lang, "results")
    _wait_for_chart(page)
    before = _npv(page, lang)
    assert before == key_figures(evaluate(scenario_from_dict({})), lang).npv
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, f"salary_change_{lang.value}_before")

    _go(page, lang, "employee")
    salary = by_key(page, SALARY).locator("input")
    salary.fill(str(NEW_SALARY))
    salary.press("Enter")
    wait_for_app_idle(page)
    # after a first answer, every question step offers one click back to it
    shortcut = by_key(page, "nav_results").get_by_role("button")
    expect(shortcut).to_have_text(re.compile(re.escape(text(lang, "wizard.to_results"))))
    screenshot(page, f"salary_change_{lang.value}_shortcut")
    shortcut.click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, "wizard.steps.results"))
    _wait_for_chart(page)

    expected = key_figures(
        evaluate(scenario_from_dict({"employee": {"gross_monthly_salary_eur": NEW_SALARY}})), lang
    )
    after = _npv(page, lang)
    assert after != before
    assert after == expected.npv
    expect(by_key(page, "chart_cumulative").get_by_test_id("stPlotlyChart")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, f"salary_change_{lang.value}_after")


def test_language_round_trip_keeps_select_box_choice(page: Page, app_url: str) -> None:
    """Pins that Dutch → English → Dutch on a step with a select box keeps the choice valid."""
    open_app(page, app_url)
    _go(page, Lang.NL, "company")
    _click_language(page, Lang.EN)
    _click_language(page, Lang.NL)
    expect(page.get_by_test_id("stAlert")).to_have_count(0, timeout=2_000)
    expect(by_key(page, "nav_next").locator("button")).to_be_enabled()
