"""The guided flow in real Chromium: owner and advisor, Dutch and English, every step looked at.

Each flow walks the wizard, changes real inputs, checks the answer against the calculators,
runs axe-core on every step (no critical or serious violations), saves a screenshot of every
step and of the results' main tabs, downloads the scenario and opens it again in a fresh session
to get the same answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from calculators import evaluate
from calculators.explain import key_figures
from calculators.i18n import text
from tests.e2e.flows import (
    OwnerCase,
    dead_end_to_results,
    metric,
    next_step,
    open_in,
    open_results_tab,
    owner_steps,
    results_tab_bar,
    wait_for_charts,
)
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle
from ui.form.steps import STEPS

AXE = Axe()
CASE = OwnerCase()
SERIOUS = {"critical", "serious"}
# the results' tabs for CASE (not on a dead-end track; its doubt W4 has arguments)
TABS = ("over_time", "doubts", "money", "cash", "uncertainty", "assumptions", "save", "report")


def _axe(page: Page) -> list[dict[str, Any]]:
    results = AXE.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in SERIOUS]


# Dutch for the owner, English for the advisor; test_one_answer_e2e.py walks the other two pairs,
# so every language meets every role once without walking each flow four times.
@pytest.mark.parametrize(("lang", "role"), [("nl", "owner"), ("en", "advisor")])
def test_full_flow(app_url: str, page: Page, browser: Browser, tmp_path: Path, lang: str, role: str) -> None:
    """Pins the whole flow: inputs in, the calculator's answer out, accessible, saved and reopened."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_in(page, app_url, lang)
    if role == "advisor":
        page.get_by_text(text(lang, "role.advisor"), exact=True).click()
        wait_for_app_idle(page)

    violations: dict[str, list[dict[str, Any]]] = {}
    for index, step in enumerate(owner_steps(page, lang, CASE)):  # Sanne, € 3300, € 750, 3 %, W4
        violations[step.id] = _axe(page)
        screenshot(page, f"wizard_{role}_{lang}_{index}_{step.id}")
        expect(page.get_by_test_id("stException")).to_have_count(0)

    assert not {step: v for step, v in violations.items() if v}, json.dumps(
        {step: [(item["id"], item["impact"], item["help"]) for item in v] for step, v in violations.items()},
        indent=1,
    )
    # the results open on the picture over time; the doubt ticked (W4) brings a tab of arguments
    bar = results_tab_bar(page, lang)
    expect(bar.get_by_role("tab")).to_have_text([text(lang, f"results.tabs.{tab}") for tab in TABS])
    expect(bar.get_by_role("tab", selected=True)).to_have_text(text(lang, "results.tabs.over_time"))
    expect(page.get_by_role("heading", name=text(lang, "arguments.title"))).to_have_count(0)
    open_results_tab(page, lang, "doubts")
    expect(page.get_by_role("heading", name=text(lang, "arguments.title"))).to_be_visible()
    expect(by_key(page, "chart_cumulative")).to_have_count(0)  # the closed tab is not drawn
    assert not (doubts := _axe(page)), [(item["id"], item["impact"], item["help"]) for item in doubts]
    screenshot(page, f"wizard_{role}_{lang}_6_results_doubts")
    figures = key_figures(evaluate(CASE.scenario()), lang)
    assert metric(page, lang, "npv") == figures.npv
    assert metric(page, lang, "stay") == figures.break_even_stay
    assert metric(page, lang, "worst") == figures.worst_case

    open_results_tab(page, lang, "uncertainty")
    expect(by_key(page, "chart_histogram").locator(".main-svg").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)  # plotly draws its traces just after the svg appears
    screenshot(page, f"wizard_{role}_{lang}_6_results_uncertainty")

    open_results_tab(page, lang, "save")
    expect(by_key(page, "compare_start")).to_be_visible()
    screenshot(page, f"wizard_{role}_{lang}_6_results_save")
    with page.expect_download() as download_info:
        by_key(page, "download_scenario").locator("button").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["employee"]["gross_monthly_salary_eur"] == 3300

    # a new session (a new browser context: nothing shared) opens the file and gets the same answer
    context = browser.new_context(viewport={"width": 1280, "height": 2400}, locale="nl-NL")
    other = context.new_page()
    open_in(other, app_url, lang)
    other.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    other.locator("input[type=file]").set_input_files(str(saved))
    wait_for_app_idle(other)
    expect(other.get_by_text(text(lang, "upload.loaded"))).to_be_visible()
    for _ in range(len(STEPS) - 1):
        next_step(other)
    wait_for_charts(other)
    assert metric(other, lang, "npv") == figures.npv
    context.close()

    hosts = {urlparse(url).hostname for url in requests}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the app's host: {hosts}"


@pytest.mark.parametrize("lang", ["en"])  # one language: see tests/e2e/README.md
def test_dead_end_path(app_url: str, page: Page, lang: str) -> None:
    """Pins the dead-end comparison in the browser: the first and open tab, four options, a named
    cheapest one, no errors; and each tab draws its own chart and no other."""
    open_in(page, app_url, lang)
    dead_end_to_results(page, lang)
    bar = results_tab_bar(page, lang)
    expect(bar.get_by_role("tab").first).to_have_text(text(lang, "results.tabs.dead_end"))
    expect(bar.get_by_role("tab", selected=True)).to_have_text(text(lang, "results.tabs.dead_end"))
    expect(page.get_by_role("heading", name=text(lang, "dead_end.title"))).to_be_visible()
    expect(page.get_by_text(text(lang, "dead_end.tv_title"))).to_be_visible()
    for option in ("keep", "retrain_internal", "job_to_job", "dismiss"):
        expect(
            page.get_by_role("table").get_by_text(text(lang, f"dead_end.options.{option}"))
        ).to_be_visible()
    # only the open tab is drawn: the dead end's own chart and no other (not even the cumulative one)
    expect(page.locator(".st-key-chart_dead_end .js-plotly-plot")).to_have_count(1)
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    assert not _axe(page)
    screenshot(page, f"wizard_dead_end_{lang}_results")

    # the other tabs with a chart: each draws exactly its own (money and uncertainty their first tab's)
    for tab, chart in (("over_time", "cumulative"), ("money", "costs"), ("uncertainty", "histogram")):
        open_results_tab(page, lang, tab)
        expect(by_key(page, f"chart_{chart}").locator(".main-svg").first).to_be_visible(timeout=30_000)
        expect(page.locator(".js-plotly-plot")).to_have_count(1)
        expect(page.get_by_role("heading", name=text(lang, "dead_end.title"))).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    page.wait_for_timeout(500)  # plotly draws its traces just after the svg appears
    screenshot(page, f"wizard_dead_end_{lang}_results_uncertainty")
