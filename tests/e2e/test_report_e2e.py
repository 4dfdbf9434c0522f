"""The client report in real Chromium: made on the results page, downloaded as PDF and HTML, and the
downloaded HTML opened from disk without a single request leaving it.

The expected figures come from the calculators for the wizard's default case (the page is checked
to show the same NPV), so the downloaded files are checked against the model, not against
themselves. The files and a full-page picture of the HTML land in screenshots/ (git-ignored).
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from playwright.sync_api import Page, Request, Route, expect
from pypdf import PdfReader

from calculators import evaluate, scenario_from_dict
from calculators.explain import key_figures
from calculators.formatting import money
from calculators.i18n import Lang, text
from tests.e2e.flows import open_results_tab
from tests.e2e.helpers import SCREENSHOT_DIR, by_key, open_app, set_viewport_tall, wait_for_app_idle
from ui.form.steps import STEPS

CLIENT = "Bakkerij <De Zoete Inval> & Zn."


def _flat(value: str) -> str:
    return " ".join(value.replace("\xa0", " ").split())


def _to_results(page: Page) -> None:
    """Walk the wizard with its Next button to the results step (default inputs)."""
    for _ in range(len(STEPS) - 1):
        by_key(page, "nav_next").locator("button").click()
        wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(Lang.NL, "wizard.steps.results"))


def _download(page: Page, key: str, target: Path) -> Path:
    with page.expect_download() as info:
        by_key(page, key).locator("button").click()
    download = info.value
    download.save_as(target)
    return target


def test_report_downloads_and_opens_offline(page: Page, app_url: str) -> None:
    """Pins: on the results page the advisor types a client, makes the report and downloads both
    files; the PDF has the NPV the page shows, the client and the disclaimer; the HTML opened from
    file:// makes no request but for itself."""
    set_viewport_tall(page)
    open_app(page, app_url)
    _to_results(page)
    result = evaluate(scenario_from_dict({}))
    npv = key_figures(result, Lang.NL).npv
    card = page.get_by_test_id("stMetric").filter(has_text=text(Lang.NL, "results.npv_label"))
    expect(card.get_by_test_id("stMetricValue")).to_have_text(npv)

    open_results_tab(page, Lang.NL, "report")
    client = by_key(page, "report_client").locator("input")
    client.fill(CLIENT)
    client.press("Enter")
    wait_for_app_idle(page)
    by_key(page, "report_guide").locator("label").click()
    wait_for_app_idle(page)
    by_key(page, "report_prepare").locator("button").click()
    wait_for_app_idle(page)
    expect(by_key(page, "report_pdf")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    pdf_path = _download(page, "report_pdf", SCREENSHOT_DIR / "report-e2e.pdf")
    html_path = _download(page, "report_html", SCREENSHOT_DIR / "report-e2e.html")

    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF-")
    pdf_text = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    for expected in (npv, money(result.worst_case_eur, Lang.NL), CLIENT, text(Lang.NL, "page.disclaimer")):
        assert _flat(expected) in pdf_text, expected
    assert _flat(text(Lang.NL, "guide.title")) in pdf_text

    page_html = html_path.read_text(encoding="utf-8")
    assert escape(CLIENT) in page_html and _flat(npv) in _flat(page_html)

    viewer = page.context.new_page()
    viewer.set_viewport_size({"width": 900, "height": 1200})
    url = html_path.resolve().as_uri()
    requests: list[str] = []
    viewer.on("request", lambda request: requests.append(request.url))

    def refuse_others(route: Route, request: Request) -> None:
        if request.url == url:
            route.continue_()
        else:
            route.abort()

    viewer.route("**/*", refuse_others)
    response = viewer.goto(url)
    assert response is None or response.ok
    viewer.wait_for_load_state("load")
    expect(viewer.locator("h1").first).to_have_text(text(Lang.NL, "report.title"))
    expect(viewer.locator("figure svg").first).to_be_visible()
    viewer.screenshot(path=SCREENSHOT_DIR / "report-html-e2e.png", full_page=True, animations="disabled")
    viewer.close()
    assert requests == [url], requests
