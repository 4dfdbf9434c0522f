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

from calculators import evaluate, scenario_from_dict
from calculators.i18n import text
from tests.e2e.helpers import by_key, open_app, screenshot, set_viewport_tall, wait_for_app_idle
from ui.results_text import key_figures
from ui.steps import STEPS

AXE = Axe()
SERIOUS = {"critical", "serious"}


def _type(page: Page, key: str, value: str) -> None:
    field = by_key(page, key).locator("input")
    field.fill(value)
    field.press("Enter")
    wait_for_app_idle(page)


def _next(page: Page) -> None:
    by_key(page, "nav_next").locator("button").click()
    wait_for_app_idle(page)


def _axe(page: Page) -> list[dict[str, Any]]:
    results = AXE.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in SERIOUS]


def _metric(page: Page, lang: str, name: str) -> str:
    label = text(lang, f"results.{name}_label")
    card = page.get_by_test_id("stMetric").filter(has_text=label)
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def _wait_for_charts(page: Page) -> None:
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(800)


def _choose(page: Page, key: str, option: str) -> None:
    by_key(page, key).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app_idle(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["owner", "advisor"])
def test_full_flow(app_url: str, page: Page, browser: Browser, tmp_path: Path, lang: str, role: str) -> None:
    """Pins the whole flow: inputs in, the calculator's answer out, accessible, saved and reopened."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    set_viewport_tall(page)
    open_app(page, app_url)
    if lang == "en":
        page.get_by_text("English", exact=True).click()
        wait_for_app_idle(page)
    if role == "advisor":
        page.get_by_text(text(lang, "role.advisor"), exact=True).click()
        wait_for_app_idle(page)

    violations: dict[str, list[dict[str, Any]]] = {}
    for index, step in enumerate(STEPS):
        expect(page.get_by_role("heading", name=text(lang, f"wizard.steps.{step.id}"))).to_be_visible()
        if step.id == "employee":
            _type(page, "in__employee__label", "Sanne")
            _type(page, "in__employee__gross_monthly_salary_eur", "3300")
        if step.id == "training":
            _type(page, "in__training__course_fees_eur", "750")
        if step.id == "yields":
            _type(page, "in__benefits__productivity_gain", "3")
        if step.id == "doubts":
            page.get_by_text(text(lang, "choices.doubts.W4"), exact=True).click()
            wait_for_app_idle(page)
        if step.id == "results":
            _wait_for_charts(page)
        violations[step.id] = _axe(page)
        screenshot(page, f"wizard_{role}_{lang}_{index}_{step.id}")
        expect(page.get_by_test_id("stException")).to_have_count(0)
        if index < len(STEPS) - 1:
            _next(page)

    assert not {step: v for step, v in violations.items() if v}, json.dumps(
        {step: [(item["id"], item["impact"], item["help"]) for item in v] for step, v in violations.items()},
        indent=1,
    )
    scenario = scenario_from_dict(
        {
            "doubts": ["W4"],
            "employee": {"label": "Sanne", "gross_monthly_salary_eur": 3300},
            "training": {"course_fees_eur": 750},
            "benefits": {"productivity_gain": 0.03},
        }
    )
    figures = key_figures(evaluate(scenario), lang)
    expect(page.get_by_role("heading", name=text(lang, "arguments.title"))).to_be_visible()
    assert _metric(page, lang, "npv") == figures.npv
    assert _metric(page, lang, "stay") == figures.break_even_stay
    assert _metric(page, lang, "worst") == figures.worst_case

    with page.expect_download() as download_info:
        by_key(page, "download_scenario").locator("button").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["employee"]["gross_monthly_salary_eur"] == 3300

    # a new session (a new browser context: nothing shared) opens the file and gets the same answer
    context = browser.new_context(viewport={"width": 1280, "height": 2400}, locale="nl-NL")
    other = context.new_page()
    open_app(other, app_url)
    if lang == "en":
        other.get_by_text("English", exact=True).click()
        wait_for_app_idle(other)
    other.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    other.locator("input[type=file]").set_input_files(str(saved))
    wait_for_app_idle(other)
    expect(other.get_by_text(text(lang, "upload.loaded"))).to_be_visible()
    for _ in range(len(STEPS) - 1):
        _next(other)
    _wait_for_charts(other)
    assert _metric(other, lang, "npv") == figures.npv
    context.close()

    hosts = {urlparse(url).hostname for url in requests}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the app's host: {hosts}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dead_end_path(app_url: str, page: Page, lang: str) -> None:
    """Pins the dead-end comparison in the browser: four options, a named cheapest one, no errors."""
    set_viewport_tall(page)
    open_app(page, app_url)
    if lang == "en":
        page.get_by_text("English", exact=True).click()
        wait_for_app_idle(page)
    _next(page)
    _next(page)
    _choose(page, f"in__employee__role_outlook__{lang}", text(lang, "choices.employee.role_outlook.dead_end"))
    _next(page)
    _choose(page, f"in__training__kind__{lang}", text(lang, "choices.training.kind.external_job"))
    for _ in range(3):
        _next(page)
    _wait_for_charts(page)
    expect(page.get_by_role("heading", name=text(lang, "dead_end.title"))).to_be_visible()
    expect(page.get_by_text(text(lang, "dead_end.tv_title"))).to_be_visible()
    for option in ("keep", "retrain_internal", "job_to_job", "dismiss"):
        expect(
            page.get_by_role("table").get_by_text(text(lang, f"dead_end.options.{option}"))
        ).to_be_visible()
    assert len(page.locator(".js-plotly-plot").all()) == 4
    assert not _axe(page)
    screenshot(page, f"wizard_dead_end_{lang}_results")
