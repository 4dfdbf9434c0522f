"""Issue 18 in real Chromium, Dutch and English: an installation firm's owner walks the flow with the
glossary, the sector fund's pointer (a subsidy line for Wij Techniek), new work the certificate
brings, and the cash-by-month tab with both downloads; another starts from an example; and the owner
flow on a phone (390 × 844) keeps every amount on one line. Every page is checked with axe-core and
photographed (screenshots/owner_*).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook  # type: ignore[import-untyped]
from playwright.sync_api import Locator, Page, ViewportSize, expect

from calculators import evaluate, scenario_from_dict
from calculators.explain import key_figures
from calculators.formatting import money
from calculators.i18n import group, text
from calculators.money.cash_by_month import cash_by_month
from tests.e2e.flows import OwnerCase, choose, next_step, open_in, open_results_tab, owner_steps, type_into
from tests.e2e.flows import metric as shown_metric
from tests.e2e.helpers import by_key, screenshot, wait_for_app_idle
from ui.session import subsidy_key

AXE = Axe()
SERIOUS = {"critical", "serious"}
PHONE: ViewportSize = {"width": 390, "height": 844}
PHONE_TALL: ViewportSize = {"width": 390, "height": 2400}  # the whole page in one screenshot
# the installation firm's case as the owner types it below (everything else at its default)
CASE: dict[str, Any] = {
    "company": {"sector": "installation"},
    "employee": {"gross_monthly_salary_eur": 3400},
    "training": {"subsidies": [{"name": "Wij Techniek", "amount_eur": 500, "month": 1}]},
    "benefits": {"extra_margin_per_month_eur": 400},
}


def _serious(page: Page) -> list[dict[str, Any]]:
    return [v for v in AXE.run(page).response["violations"] if v.get("impact") in SERIOUS]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_installation_owner_fund_new_work_and_cash(app_url: str, page: Page, lang: str) -> None:
    """Pins the glossary, the fund pointer and its subsidy line, the new-work question, the answer the
    calculators give for that case, and the cash tab with its CSV and Excel downloads."""
    open_in(page, app_url, lang)
    glossary = page.get_by_role("button", name=text(lang, "glossary.button"))
    glossary.click()
    for name in group(lang, "glossary.terms")[:3]:
        expect(page.get_by_text(text(lang, f"glossary.terms.{name}.term"), exact=False).first).to_be_visible()
    screenshot(page, f"owner_{lang}_glossary")
    page.keyboard.press("Escape")
    wait_for_app_idle(page)

    next_step(page)
    choose(page, f"in__company__sector__{lang}", text(lang, "choices.company.sector.installation"))
    next_step(page)
    type_into(page, "in__employee__gross_monthly_salary_eur", "3400")
    next_step(page)
    pointer = by_key(page, "fund_pointer")
    expect(pointer).to_contain_text("Wij Techniek")
    expect(pointer).to_contain_text("https://www.wij-techniek.nl")
    by_key(page, "fund_add_line").locator("button").click()
    wait_for_app_idle(page)
    expect(by_key(page, subsidy_key(0, "name")).locator("input")).to_have_value("Wij Techniek")
    type_into(page, subsidy_key(0, "amount_eur"), "500")
    assert _serious(page) == []
    screenshot(page, f"owner_{lang}_training_fund")
    next_step(page)
    type_into(page, "in__benefits__extra_margin_per_month_eur", "400")
    screenshot(page, f"owner_{lang}_yields_new_work")
    next_step(page)
    next_step(page)

    result = evaluate(scenario_from_dict(CASE))
    assert result.breakdown.new_work > 0
    assert shown_metric(page, lang, "npv") == key_figures(result, lang).npv
    open_results_tab(page, lang, "cash")
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    months = cash_by_month(result)
    expect(page.get_by_text(money(months[-1].running_total_eur, lang), exact=False).first).to_be_visible()
    assert _serious(page) == []
    screenshot(page, f"owner_{lang}_cash")

    with page.expect_download() as got_csv:
        by_key(page, "download_cash_csv").locator("button").click()
    delimiter = ";" if lang == "nl" else ","
    rows = list(
        csv.reader(
            io.StringIO(Path(got_csv.value.path()).read_text(encoding="utf-8-sig")), delimiter=delimiter
        )
    )
    assert rows[0][0] == text(lang, "cash.columns.month") and len(rows) == result.horizon_months + 1
    last = rows[-1][4].replace(",", ".") if lang == "nl" else rows[-1][4]
    assert float(last) == pytest.approx(months[-1].running_total_eur, abs=0.01)
    with page.expect_download() as got_xlsx:
        by_key(page, "download_cash_xlsx").locator("button").click()
    assert got_xlsx.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(got_xlsx.value.path()).read_bytes())).active
    assert sheet.cell(1, 1).value == text(lang, "cash.columns.month")
    assert sheet.cell(result.horizon_months + 1, 5).value == pytest.approx(months[-1].running_total_eur)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_start_from_an_example(app_url: str, page: Page, lang: str) -> None:
    """Pins the welcome step's examples: the garage case fills the form and says so."""
    open_in(page, app_url, lang)
    examples = by_key(page, "examples")
    expect(examples).to_contain_text(text(lang, "examples.cases.garage_ev_course.about"))  # the first one
    assert _serious(page) == []
    screenshot(page, f"owner_{lang}_examples")
    by_key(page, "example_open").locator("button").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_be_visible()
    next_step(page)
    expect(by_key(page, "in__employee__label").locator("input")).to_have_value("Monteur")
    expect(by_key(page, "in__employee__gross_monthly_salary_eur").locator("input")).to_have_value("3100")


def _lines(locator: Locator) -> int:
    """How many lines the element's text takes on screen (1: nothing wrapped)."""
    return int(
        locator.evaluate(
            "el => { const r = document.createRange(); r.selectNodeContents(el);"
            " const tops = [...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top));"
            " return new Set(tops).size; }"
        )
    )


@pytest.mark.parametrize("lang", ["en"])  # one language: see tests/e2e/README.md
def test_owner_flow_on_a_phone(app_url: str, page: Page, lang: str) -> None:
    """Pins the owner flow at 390 × 844: axe-clean on every step, and every key figure, a negative
    amount included, on one line."""
    case = OwnerCase(productivity_gain_pct=0)  # no gain: the result is a loss, so the minus sign shows
    open_in(page, app_url, lang)
    page.set_viewport_size(PHONE)
    for step in owner_steps(page, lang, case):
        assert _serious(page) == [], step.id
        page.set_viewport_size(PHONE_TALL)
        screenshot(page, f"owner_{lang}_phone_{step.id}")
        page.set_viewport_size(PHONE)
    result = evaluate(case.scenario())
    assert result.npv_eur < 0
    values = page.get_by_test_id("stMetricValue")
    expect(values.first).to_be_visible()
    for index in range(values.count()):
        assert _lines(values.nth(index)) == 1, values.nth(index).inner_text()
    assert shown_metric(page, lang, "npv") == key_figures(result, lang).npv
