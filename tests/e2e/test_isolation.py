"""Two people on one server at the same time never see each other's case.

Two browser contexts (two separate sessions, as two users' browsers) step through the wizard in
turns against the same server: A opens a saved case from a file, B types a different one. After
every step of either, both pages are searched — all text, hidden parts included, and every input
field's value — for the other's name, salary and course fees; at the end each page shows its own
answer (computed by the calculators), not the other's, on every tab of the results, and each
download holds its own case.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect
from pytest_playwright import CreateContextCallback

from calculators import evaluate
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from calculators.scenario.io import scenario_to_json
from tests.e2e.flows import OwnerCase, amount_pattern, open_in, open_results_tab, owner_steps
from tests.e2e.helpers import by_key, wait_for_app_idle

CASE_A = OwnerCase(
    name="Anouk Zeevalk", salary_eur=3917, course_fees_eur=1185, productivity_gain_pct=4, doubt="W2"
)
CASE_B = OwnerCase(
    name="Bram Kortewind", salary_eur=4263, course_fees_eur=2370, productivity_gain_pct=2, doubt="W5"
)
UPLOAD_NAME = "case-of-anouk.json"


def _everything_shown(page: Page) -> str:
    """All text of the app, hidden parts (closed expanders) included, and every field's value."""
    body = page.get_by_test_id("stApp").text_content() or ""
    values: list[str] = page.eval_on_selector_all("input, textarea", "fields => fields.map(f => f.value)")
    return body + "\n" + "\n".join(values)


def _npv(case: OwnerCase, lang: Lang) -> str:
    return key_figures(evaluate(case.scenario()), lang).npv


def _assert_nothing_of(page: Page, other: OwnerCase, step: str) -> None:
    shown = _everything_shown(page)
    assert other.name not in shown, f"{other.name!r} shown on the other session's step {step}"
    for amount in (other.salary_eur, other.course_fees_eur):
        assert not amount_pattern(amount).search(shown), f"{amount} shown on the other session's step {step}"
    for lang in Lang:
        assert _npv(other, lang) not in shown, f"the other session's answer shown on step {step}"


def _upload(page: Page, lang: Lang, path: Path) -> None:
    page.get_by_text(text(lang, "wizard.open_case"), exact=True).click()
    page.locator("input[type=file]").set_input_files(str(path))
    wait_for_app_idle(page)
    expect(page.get_by_text(text(lang, "upload.loaded"))).to_be_visible()


def _download(page: Page, folder: Path) -> dict[str, dict[str, object]]:
    with page.expect_download() as download:
        by_key(page, "download_scenario").locator("button").click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    data: dict[str, dict[str, object]] = json.loads(saved.read_text(encoding="utf-8"))
    return data


def test_two_sessions_never_mix(app_url: str, new_context: CreateContextCallback, tmp_path: Path) -> None:
    """Pins session isolation: interleaved steps, an upload in one, downloads in both."""
    page_a, page_b = new_context().new_page(), new_context().new_page()
    lang_a, lang_b = Lang.NL, Lang.EN
    open_in(page_a, app_url, lang_a)
    open_in(page_b, app_url, lang_b)
    saved_case = tmp_path / UPLOAD_NAME
    saved_case.write_text(scenario_to_json(CASE_A.scenario()), encoding="utf-8")
    _upload(page_a, lang_a, saved_case)

    # B opens the same expander after A's upload: no file, no "opened" message, none of A's values
    page_b.get_by_text(text(lang_b, "wizard.open_case"), exact=True).click()
    wait_for_app_idle(page_b)
    expect(page_b.get_by_text(text(lang_b, "upload.loaded"))).to_have_count(0)
    assert UPLOAD_NAME not in _everything_shown(page_b)

    # A types nothing: its case comes from the file; B types its own
    for step_a, step_b in zip(
        owner_steps(page_a, lang_a, None), owner_steps(page_b, lang_b, CASE_B), strict=True
    ):
        assert step_a.id == step_b.id
        _assert_nothing_of(page_a, CASE_B, step_a.id)
        _assert_nothing_of(page_b, CASE_A, step_b.id)
        if step_a.id == "employee":  # each page holds its own salary (A's from the file)
            for page, case in ((page_a, CASE_A), (page_b, CASE_B)):
                salary = by_key(page, "in__employee__gross_monthly_salary_eur").locator("input")
                assert float(salary.input_value()) == case.salary_eur

    for page, case, lang in ((page_a, CASE_A, lang_a), (page_b, CASE_B, lang_b)):
        card = page.get_by_test_id("stMetric").filter(has_text=text(lang, "results.npv_label"))
        expect(card.get_by_test_id("stMetricValue")).to_have_text(_npv(case, lang))

    # only the open tab of the results is drawn: look at every one, ending on the one to save from
    for section in ("doubts", "money", "cash", "uncertainty", "assumptions", "report", "save"):
        for page, other, lang in ((page_a, CASE_B, lang_a), (page_b, CASE_A, lang_b)):
            open_results_tab(page, lang, section)
            _assert_nothing_of(page, other, f"results, tab {section}")

    saved_a = _download(page_a, tmp_path / "a")
    saved_b = _download(page_b, tmp_path / "b")
    for saved, case in ((saved_a, CASE_A), (saved_b, CASE_B)):
        assert saved["employee"]["label"] == case.name
        assert saved["employee"]["gross_monthly_salary_eur"] == case.salary_eur
        assert saved["training"]["course_fees_eur"] == case.course_fees_eur
    _assert_nothing_of(page_a, CASE_B, "results, after both downloads")
    _assert_nothing_of(page_b, CASE_A, "results, after both downloads")
