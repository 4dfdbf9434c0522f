"""The guided flow in real Chromium: owner and advisor, Dutch and English, every step looked at.

Each flow walks the wizard, changes real inputs, checks the answer against the calculators,
runs axe-core on every step (no critical or serious violations), saves a screenshot of every
step, downloads the scenario and opens it again in a fresh session to get the same answer.
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
from calculators.i18n import text
from tests.e2e.flows import (
    OwnerCase,
    dead_end_to_results,
    metric,
    next_step,
    open_in,
    owner_steps,
    wait_for_charts,
)
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle
from ui.results_text import key_figures
from ui.steps import STEPS

AXE = Axe()
CASE = OwnerCase()
SERIOUS = {"critical", "serious"}


def _axe(page: Page) -> list[dict[str, Any]]:
    results = AXE.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in SERIOUS]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["owner", "advisor"])
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
    figures = key_figures(evaluate(CASE.scenario()), lang)
    expect(page.get_by_role("heading", name=text(lang, "arguments.title"))).to_be_visible()
    assert metric(page, lang, "npv") == figures.npv
    assert metric(page, lang, "stay") == figures.break_even_stay
    assert metric(page, lang, "worst") == figures.worst_case

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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dead_end_path(app_url: str, page: Page, lang: str) -> None:
    """Pins the dead-end comparison in the browser: four options, a named cheapest one, no errors."""
    open_in(page, app_url, lang)
    dead_end_to_results(page, lang)
    expect(page.get_by_role("heading", name=text(lang, "dead_end.title"))).to_be_visible()
    expect(page.get_by_text(text(lang, "dead_end.tv_title"))).to_be_visible()
    for option in ("keep", "retrain_internal", "job_to_job", "dismiss"):
        expect(
            page.get_by_role("table").get_by_text(text(lang, f"dead_end.options.{option}"))
        ).to_be_visible()
    # the cumulative chart, the open tab of each tab group (costs; the histogram), the dead end's own
    expect(page.locator(".st-key-chart_dead_end .js-plotly-plot")).to_have_count(1)
    assert len(page.locator(".js-plotly-plot").all()) == 4
    assert not _axe(page)
    screenshot(page, f"wizard_dead_end_{lang}_results")
