"""The guided flow in real Chromium: owner and advisor, Dutch and English, every step looked at.

Each flow walks the wizard, changes real inputs, checks the answer against the calculators,
runs axe-core on every step (no critical or serious violations), saves a screenshot of every
step and of the results' main tabs, draws every results tab, downloads the scenario and opens it
again in a fresh session to get the same answer, and uploads and exports a team. It walks on a
private server (tests/e2e/private.py), so the main flow is also pinned as private in both
languages: only the app's host is asked, only Streamlit's cookie is set, the server writes no file
and logs no name or amount.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from calculators import evaluate
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from tests.e2e.flows import (
    metric,
    next_step,
    open_in,
    open_results_tab,
    owner_steps,
    results_tab_bar,
    wait_for_charts,
)
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle, wait_for_plots_drawn
from tests.e2e.private import (
    PRIVATE_CASE,
    TEAM,
    Traffic,
    Tree,
    assert_log_clean,
    assert_private,
    walk_team_upload,
)
from tests.e2e.server import Server
from ui.form.steps import STEPS

AXE = Axe()
CASE = PRIVATE_CASE  # distinctive values, so finding one in the server log cannot be chance
SERIOUS = {"critical", "serious"}
# the results' tabs for CASE (not on a dead-end track; its doubt W4 has arguments)
TABS = ("over_time", "doubts", "money", "cash", "uncertainty", "assumptions", "save", "report")


def _axe(page: Page) -> list[dict[str, Any]]:
    results = AXE.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in SERIOUS]


# Dutch for the owner, English for the advisor; test_one_answer_e2e.py walks the other two pairs,
# so every language meets every role once without walking each flow four times.
@pytest.mark.parametrize(("lang", "role"), [("nl", "owner"), ("en", "advisor")])
def test_full_flow(
    private_server: Server,
    private_tree: Tree,
    context: BrowserContext,
    page: Page,
    browser: Browser,
    tmp_path: Path,
    lang: str,
    role: str,
) -> None:
    """Pins the whole flow: inputs in, the calculator's answer out, accessible, saved and reopened,
    a team uploaded and exported; and all of it private."""
    before = private_tree.snapshot()
    traffic = Traffic(context)
    open_in(page, private_server.url, lang)
    if role == "advisor":
        page.get_by_text(text(lang, "role.advisor"), exact=True).click()
        wait_for_app_idle(page)

    violations: dict[str, list[dict[str, Any]]] = {}
    for index, step in enumerate(owner_steps(page, lang, CASE)):  # Wolkenveld, € 3917, € 1268, 4 %, W4
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
    wait_for_plots_drawn(page)
    screenshot(page, f"wizard_{role}_{lang}_6_results_uncertainty")
    # every other part of the results drawn once (only the open tab is), the saving tab last
    for section in ("money", "cash", "assumptions", "report", "save"):
        open_results_tab(page, lang, section)
        expect(page.get_by_test_id("stException")).to_have_count(0)

    expect(by_key(page, "compare_start")).to_be_visible()
    screenshot(page, f"wizard_{role}_{lang}_6_results_save")
    with page.expect_download() as download_info:
        by_key(page, "download_scenario").locator("button").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    saved_case = json.loads(saved.read_text(encoding="utf-8"))
    assert saved_case["employee"]["gross_monthly_salary_eur"] == CASE.salary_eur

    # a new session (a new browser context: nothing shared) opens the file and gets the same answer
    other_context = browser.new_context(viewport={"width": 1280, "height": 2400}, locale="nl-NL")
    other = other_context.new_page()
    open_in(other, private_server.url, lang)
    other.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    other.locator("input[type=file]").set_input_files(str(saved))
    wait_for_app_idle(other)
    expect(other.get_by_text(text(lang, "upload.loaded"))).to_be_visible()
    for _ in range(len(STEPS) - 1):
        next_step(other)
    wait_for_charts(other)
    assert metric(other, lang, "npv") == figures.npv
    other_context.close()

    walk_team_upload(page, Lang(lang), tmp_path)
    assert_private(traffic, context, private_tree, before)
    assert_log_clean(
        private_server, [CASE.name, *(name for name, _ in TEAM)], [*CASE.amounts, *(pay for _, pay in TEAM)]
    )
