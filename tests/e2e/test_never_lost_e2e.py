"""Issue 16 in real Chromium, Dutch and English: an impossible salary is kept, named with its range and
holds the step; opening a file beside an open comparison keeps the comparison; a saved comparison
opens on the comparison; the picker states the app's own limit. Each message is photographed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from calculators import scenario_from_dict, scenario_to_json
from calculators.error_text import field_label
from calculators.i18n import text
from tests.e2e.flows import next_step, open_in, open_results_tab, type_into, wait_for_charts
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle


def _upload(page: Page, lang: str, path: Path) -> None:
    """From any step: back to the start, open the file picker and choose ``path``."""
    while not by_key(page, "nav_back").locator("button").is_disabled():
        by_key(page, "nav_back").locator("button").click()
        wait_for_app_idle(page)
    page.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    page.locator("input[type=file]").set_input_files(str(path))
    wait_for_app_idle(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_impossible_salary_is_kept_named_and_holds_the_step(app_url: str, page: Page, lang: str) -> None:
    """0 as the salary: the field keeps 0, the message names the salary and € 100 – € 30.000 in the
    user's language, and "Volgende" is disabled until it is corrected."""
    open_in(page, app_url, lang)
    next_step(page)
    next_step(page)
    type_into(page, "in__employee__gross_monthly_salary_eur", "0")
    field = by_key(page, "in__employee__gross_monthly_salary_eur").locator("input")
    expect(field).to_have_value("0")
    alert = page.get_by_test_id("stAlertContentError")
    expect(alert).to_contain_text(field_label("employee.gross_monthly_salary_eur", lang))
    expect(alert).to_contain_text("30.000" if lang == "nl" else "30,000")
    expect(by_key(page, "nav_next").locator("button")).to_be_disabled()
    expect(page.get_by_text("Press Enter to apply")).to_have_count(0)
    screenshot(page, f"never_lost_{lang}_salary_refused")
    type_into(page, "in__employee__gross_monthly_salary_eur", "2800")
    expect(by_key(page, "nav_next").locator("button")).to_be_enabled()


@pytest.mark.parametrize("lang", ["en"])  # one language: see tests/e2e/README.md
def test_a_file_opened_beside_a_comparison_keeps_it(
    app_url: str, page: Page, tmp_path: Path, lang: str
) -> None:
    """Compare two scenarios, then open a client's file: the comparison shows three, the first two
    still there; the message says so. Then a saved comparison of two opens on the comparison."""
    open_in(page, app_url, lang)
    for _ in range(6):
        next_step(page)
    wait_for_charts(page)
    open_results_tab(page, lang, "save")
    by_key(page, "compare_start").locator("button").click()
    wait_for_app_idle(page)
    expect(by_key(page, "compare_tabs").get_by_role("button")).to_have_count(2)

    client = tmp_path / "client.json"
    client.write_text(
        scenario_to_json(scenario_from_dict({"employee": {"label": "Client B"}})), encoding="utf-8"
    )
    _upload(page, lang, client)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(
        text(lang, "compare.opened_added", compared=3)
    )
    screenshot(page, f"never_lost_{lang}_file_added")
    for _ in range(6):
        next_step(page)
    wait_for_charts(page)
    open_results_tab(page, lang, "save")
    expect(by_key(page, "compare_tabs").get_by_role("button")).to_have_count(3)
    expect(by_key(page, "compare_tabs").get_by_role("button", name="Client B")).to_be_visible()

    saved = tmp_path / "comparison.json"
    one = json.loads(scenario_to_json(scenario_from_dict({})))
    saved.write_text(
        json.dumps(
            {
                "kind": "leerwinst-comparison",
                "schema_version": 1,
                "scenarios": [{"name": "Met beding", "scenario": one}, {"name": "Zonder", "scenario": one}],
            }
        ),
        encoding="utf-8",
    )
    fresh = page.context.new_page()
    open_in(fresh, app_url, lang)
    fresh.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    expect(fresh.get_by_text("Limit 1MB per file")).to_have_count(0)  # only the app's own limit is said
    expect(fresh.get_by_text(text(lang, "upload.label", limit="200"))).to_be_visible()
    fresh.locator("input[type=file]").set_input_files(str(saved))
    wait_for_app_idle(fresh)
    wait_for_charts(fresh)
    expect(by_key(fresh, "compare_tabs").get_by_role("button")).to_have_count(2)  # on the comparison
    screenshot(fresh, f"never_lost_{lang}_comparison_opened")
    fresh.close()
