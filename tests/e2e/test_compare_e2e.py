"""Scenarios side by side in real Chromium: an advisor copies the scenario, lowers the fees in the
copy, compares both, saves them as one file and opens that file in a new session — in Dutch and English.

Expected NPV cells come from the calculators, formatted with ui.results_text.key_figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators import evaluate, scenario_from_dict
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from tests.e2e.flows import open_results_tab
from tests.e2e.helpers import (
    by_key,
    open_app,
    screenshot,
    set_viewport_tall,
    wait_for_app_idle,
    wait_for_plots_drawn,
)
from ui.form.steps import RESULTS_TABS, STEPS
from ui.session import tabs_key, widget_key

FEES = widget_key("training.course_fees_eur")
TRAINING = next(index for index, step in enumerate(STEPS) if step.id == "training")


def _nav(page: Page, key: str, times: int) -> None:
    for _ in range(times):
        by_key(page, key).locator("button").click()
        wait_for_app_idle(page)


def _npv(fees: float, lang: Lang) -> str:
    return key_figures(evaluate(scenario_from_dict({"training": {"course_fees_eur": fees}})), lang).npv


def _table_text(page: Page) -> str:
    table = page.get_by_test_id("stTable").last
    expect(table).to_be_visible()
    return table.inner_text()


def _expect_open_tab(page: Page, lang: Lang, section_id: str) -> None:
    bar = by_key(page, tabs_key(RESULTS_TABS, lang)).get_by_role("tablist").first
    expect(bar.get_by_role("tab", selected=True)).to_have_text(text(lang, f"results.tabs.{section_id}"))


def _choose_language(page: Page, lang: Lang) -> None:
    if lang is Lang.EN:
        by_key(page, "lang").get_by_text(text(lang, "language.en"), exact=True).click()
        wait_for_app_idle(page)


@pytest.mark.parametrize("lang", [Lang.NL], ids=["nl"])  # one language: see tests/e2e/README.md
def test_compare_save_and_reopen(
    page: Page, app_url: str, browser: Browser, tmp_path: Path, lang: Lang
) -> None:
    """Pins both NPVs in the table, the saved file's two scenarios, and the same table after reopening."""
    set_viewport_tall(page)
    open_app(page, app_url)
    _choose_language(page, lang)
    by_key(page, "role").get_by_text(text(lang, "role.advisor"), exact=True).click()
    wait_for_app_idle(page)
    _nav(page, "nav_next", len(STEPS) - 1)
    open_results_tab(page, lang, "save")
    by_key(page, "compare_start").locator("button").click()
    wait_for_app_idle(page)
    name = by_key(page, "compare_name").locator("input")
    name.fill("Cursus B")
    name.press("Enter")
    wait_for_app_idle(page)
    _nav(page, "nav_back", len(STEPS) - 1 - TRAINING)
    fees = by_key(page, FEES).locator("input")
    fees.fill("500")
    fees.press("Enter")
    wait_for_app_idle(page)
    _nav(page, "nav_next", len(STEPS) - 1 - TRAINING)
    _expect_open_tab(page, lang, "save")  # back on the results, the tab that was open is open again

    table = _table_text(page)
    assert _npv(1000, lang) in table and _npv(500, lang) in table and "Cursus B" in table
    expect(by_key(page, "chart_compare").locator(".main-svg").first).to_be_visible(timeout=30_000)
    by_key(page, "chart_compare").scroll_into_view_if_needed()
    wait_for_plots_drawn(page)
    screenshot(page, f"compare_{lang.value}")

    with page.expect_download() as download_info:
        by_key(page, "download_comparison").locator("button").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert [item["name"] for item in data["scenarios"]] == [
        text(lang, "compare.default_name", number=1),
        "Cursus B",
    ]
    assert [item["scenario"]["training"]["course_fees_eur"] for item in data["scenarios"]] == [1000, 500]

    context = browser.new_context(viewport={"width": 1280, "height": 2400})
    other = context.new_page()
    open_app(other, app_url)
    _choose_language(other, lang)
    other.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    other.locator("input[type=file]").set_input_files(str(saved))
    wait_for_app_idle(other)
    expect(
        other.get_by_text(text(lang, "compare.loaded", count=2, name=data["scenarios"][0]["name"]))
    ).to_be_visible()
    # an opened comparison lands on the results, on the comparison's tab (no clicking through the steps)
    _expect_open_tab(other, lang, "save")
    reopened = _table_text(other)
    assert _npv(1000, lang) in reopened and _npv(500, lang) in reopened and "Cursus B" in reopened
    expect(other.get_by_test_id("stException")).to_have_count(0)
    context.close()
