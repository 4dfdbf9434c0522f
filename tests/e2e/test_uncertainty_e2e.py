"""The "how sure is this?" section in real Chromium: it shows the calculators' chance and range, and
an advisor's change of a range updates it — in Dutch and English.

Expected sentences come from calculators.money.monte_carlo.simulate with the same ranges and run count,
phrased by ui.uncertainty.text in the page's language (the page must show exactly those).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from calculators import scenario_from_dict
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import ranges_for, simulate, tornado
from tests.e2e.flows import open_results_tab
from tests.e2e.helpers import (
    by_key,
    open_app,
    screenshot,
    set_viewport_tall,
    wait_for_app_idle,
    wait_for_plots_drawn,
)
from ui.form.steps import STEPS
from ui.session import range_key, tabs_key
from ui.uncertainty.text import summary_lines

GAIN = "benefits.productivity_gain"


def _to_results(page: Page) -> None:
    for _ in range(len(STEPS) - 1):
        by_key(page, "nav_next").locator("button").click()
        wait_for_app_idle(page)


def _summary(page: Page) -> str:
    box = by_key(page, "uncertainty_summary")
    expect(box).to_be_visible(timeout=30_000)
    return box.inner_text()


def _expected_chance(lang: Lang, chosen: dict[str, tuple[float, float]] | None = None) -> str:
    scenario = scenario_from_dict({})
    ranges = ranges_for(scenario, chosen)
    lines = summary_lines(
        scenario, simulate(scenario, 10_000, ranges=ranges), tornado(scenario, ranges), lang
    )
    return lines[1]


@pytest.mark.parametrize("lang", [Lang.EN], ids=["en"])  # one language: see tests/e2e/README.md
def test_uncertainty_shows_and_updates(page: Page, app_url: str, lang: Lang) -> None:
    """Pins the chance sentence before and after an advisor narrows the productivity gain's range."""
    set_viewport_tall(page)
    open_app(page, app_url)
    if lang is Lang.EN:
        by_key(page, "lang").get_by_text(text(lang, "language.en"), exact=True).click()
        wait_for_app_idle(page)
    by_key(page, "role").get_by_text(text(lang, "role.advisor"), exact=True).click()
    wait_for_app_idle(page)
    _to_results(page)
    # the results open on the picture over time; the section is a tab of its own, drawn once opened
    expect(page.get_by_role("heading", name=text(lang, "uncertainty.title"))).to_have_count(0)
    open_results_tab(page, lang, "uncertainty")
    expect(page.get_by_role("heading", name=text(lang, "uncertainty.title"))).to_be_visible()
    assert _expected_chance(lang) in _summary(page)
    # one tab per chart; a tab's chart is drawn when the tab is opened (and the one it replaces goes)
    for tab, chart in (("histogram", "chart_histogram"), ("fan", "chart_fan"), ("tornado", "chart_tornado")):
        # within the section's own tab bar: the results' tabs include an "Over time" too
        bar = by_key(page, tabs_key("tabs_uncertainty", lang))
        bar.get_by_role("tab", name=text(lang, f"uncertainty.tabs.{tab}"), exact=True).click()
        wait_for_app_idle(page)
        expect(by_key(page, chart).locator(".main-svg").first).to_be_visible(timeout=30_000)
    expect(by_key(page, "chart_histogram")).to_have_count(0)
    by_key(page, "chart_tornado").scroll_into_view_if_needed()
    wait_for_plots_drawn(page)
    screenshot(page, f"uncertainty_{lang.value}_default")

    page.get_by_text(text(lang, "uncertainty.settings.title")).click()
    high = by_key(page, range_key(GAIN, "high")).locator("input")
    high.fill("12")
    high.press("Enter")
    wait_for_app_idle(page)
    expected = _expected_chance(lang, {GAIN: (0.0, 0.12)})
    expect(by_key(page, "uncertainty_summary")).to_contain_text(expected)
    assert expected != _expected_chance(lang)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    by_key(page, range_key(GAIN, "high")).scroll_into_view_if_needed()
    screenshot(page, f"uncertainty_{lang.value}_advisor_range")
