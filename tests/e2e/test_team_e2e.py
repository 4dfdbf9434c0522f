"""Team mode in real Chromium: the advisor downloads the template, fills in 20 employees, uploads it,
sorts the table, downloads the result and opens one employee in the full flow; the results survive the
trip to the wizard and back (nl, en); a row with several bad cells lists every one (nl, en).

Expected figures come from an independent route: each employee's scenario is built directly with
``scenario_from_dict`` (not through the team reader) and evaluated with ``evaluate()`` one by one.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from playwright.sync_api import Locator, Page, expect

from calculators import evaluate, scenario_from_dict
from calculators.i18n import Lang, plural, text
from calculators.scenario.model import Scenario
from calculators.team.read import read_team_file
from calculators.team.template import template_csv
from tests.e2e.helpers import (
    by_key,
    open_app,
    screenshot,
    set_viewport_tall,
    wait_for_app_idle,
    wait_for_plots_drawn,
)
from tests.unit.team.team_files import CORPUS
from ui.form.steps import RESULTS_TABS, STEPS
from ui.session import tabs_key, widget_key
from ui.team.table import COLUMN_WIDTHS

SALARY = widget_key("employee.gross_monthly_salary_eur")
ROW_HEIGHT_PX = 35  # glide-data-grid's row height in st.dataframe (streamlit e2e_playwright/shared)
# the middle of the net-result header: the row and label columns, then half of its own width
NPV_HEADER_X = COLUMN_WIDTHS["row"] + COLUMN_WIDTHS["label"] + COLUMN_WIDTHS["npv"] / 2

KINDS = [
    ("current_job", "huidige functie"),
    ("mandatory", "verplicht"),
    ("internal_broadening", "verbreding"),
]
OUTLOOKS = [("stable", "stabiel"), ("uncertain", "onzeker"), ("dead_end", "doodlopend")]


def _employee(i: int) -> dict[str, object]:
    """Employee i of 20: every value varies, a few trainings pay (higher productivity gain)."""
    kind, kind_word = KINDS[i % 3]
    outlook, outlook_word = OUTLOOKS[(i // 3) % 3]
    return {
        "label": f"Medewerker {i + 1:02d}",
        "salary": 2400 + 150 * i,
        "hours_per_week": (24, 32, 38, 40)[i % 4],
        "years": i % 15,
        "age": 22 + 2 * i,
        "outlook": outlook,
        "outlook_word": outlook_word,
        "kind": kind,
        "kind_word": kind_word,
        "fees": 400 + 125 * i,
        "hours": 8 + 4 * (i % 6),
        "gain_pct": (1, 2, 4, 6, 9)[i % 5],
    }


EMPLOYEES = [_employee(i) for i in range(20)]


def _scenario(e: dict[str, object]) -> Scenario:
    """The same employee built directly (percent → fraction: 4 % is 0.04)."""
    return scenario_from_dict(
        {
            "employee": {
                "label": e["label"],
                "gross_monthly_salary_eur": e["salary"],
                "hours_per_week": e["hours_per_week"],
                "years_of_service": e["years"],
                "age": e["age"],
                "role_outlook": e["outlook"],
            },
            "training": {"kind": e["kind"], "course_fees_eur": e["fees"], "hours": e["hours"]},
            "benefits": {"productivity_gain": int(str(e["gain_pct"])) / 100},
        }
    )


def _fill(template: Path, target: Path) -> None:
    """Replace the template's example rows by the 20 employees, column by column as in its header."""
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    by_header = {
        "Naam of label": "label",
        "Bruto maandsalaris (€)": "salary",
        "Uren per week": "hours_per_week",
        "Dienstjaren": "years",
        "Leeftijd": "age",
        "Toekomst functie": "outlook_word",
        "Soort opleiding": "kind_word",
        "Cursuskosten (€)": "fees",
        "Opleidingsuren": "hours",
        "Productiviteitswinst (%)": "gain_pct",
    }
    for e in EMPLOYEES:
        sheet.append([e[by_header[h]] if h in by_header else None for h in headers])
    workbook.save(target)


def _grid(page: Page) -> Locator:
    return page.get_by_test_id("stDataFrame").first


def _visible_rows(page: Page) -> list[list[str]]:
    """The rows the grid has drawn, from its accessibility table (raw values, not the shown text)."""
    rows = _grid(page).locator("table tr")
    return [
        rows.nth(index).locator("td").evaluate_all("cells => cells.map(cell => cell.textContent)")
        for index in range(1, rows.count())
    ]


def _expect_labels(page: Page, labels: list[str]) -> None:
    """The grid shows ``labels`` in this order (it redraws a moment after the script run ends)."""
    for _ in range(50):
        if [row[1] for row in _visible_rows(page)] == labels:
            return
        page.wait_for_timeout(200)
    assert [row[1] for row in _visible_rows(page)] == labels


def _sort_by_npv(page: Page) -> None:
    canvas = _grid(page).locator("canvas").first
    expect(canvas).to_be_visible()
    page.wait_for_timeout(300)
    _grid(page).click(position={"x": NPV_HEADER_X, "y": ROW_HEIGHT_PX / 2})
    page.wait_for_timeout(500)


def test_advisor_team_flow(page: Page, app_url: str, tmp_path: Path) -> None:
    """Pins the advisor's whole team flow in Dutch: template → 20 employees → sorted table → one opened."""
    set_viewport_tall(page)
    open_app(page, app_url)
    page.get_by_test_id("stTopNavLink").filter(has_text=text(Lang.NL, "team.nav_title")).click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(Lang.NL, "team.title"))

    with page.expect_download() as download:
        by_key(page, "team_template_xlsx").locator("button").click()
    assert download.value.suggested_filename == "leerwinst-team.xlsx"
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    filled = tmp_path / "team-20.xlsx"
    _fill(template, filled)

    by_key(page, "team_upload").locator("input[type=file]").set_input_files(filled)
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(Lang.NL, "team.computed", 20))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    wait_for_plots_drawn(page)
    screenshot(page, "team_nl_uploaded")

    npv = {str(e["label"]): evaluate(_scenario(e)).npv_eur for e in EMPLOYEES}
    ascending = sorted(npv, key=lambda label: npv[label])
    _sort_by_npv(page)  # first click: ascending
    shown = [row[1] for row in _visible_rows(page)]
    assert shown and shown == ascending[: len(shown)], shown
    values = [float(row[2]) for row in _visible_rows(page)]
    assert values == sorted(values)
    assert abs(values[0] - npv[ascending[0]]) < 0.005
    _sort_by_npv(page)  # second click: descending
    shown = [row[1] for row in _visible_rows(page)]
    assert shown == ascending[::-1][: len(shown)], shown
    screenshot(page, "team_nl_sorted")

    with page.expect_download() as export:
        by_key(page, "team_export_csv").locator("button").click()
    lines = list(
        csv.reader(io.StringIO(Path(export.value.path()).read_text(encoding="utf-8-sig")), delimiter=";")
    )
    assert len(lines) == 21 and lines[1][1] == "Medewerker 01"

    chosen = EMPLOYEES[6]  # row 8 in the spreadsheet (header is row 1)
    by_key(page, "team_open_row").click()
    page.keyboard.type(str(chosen["label"]))  # the list is virtualised: filter rather than scroll
    page.wait_for_timeout(300)
    page.get_by_role("option", name=f"{text(Lang.NL, 'team.row_label', row=8)} · {chosen['label']}").click()
    wait_for_app_idle(page)
    by_key(page, "team_open").locator("button").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(Lang.NL, "wizard.steps.employee"))
    # the field shows the number as it is ("%g": 3300, 2450.5); expect() waits out the new widget
    expect(by_key(page, SALARY).locator("input")).to_have_value(f"{chosen['salary']}".removesuffix(".0"))
    expect(by_key(page, widget_key("employee.label")).locator("input")).to_have_value(str(chosen["label"]))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "team_nl_opened_in_wizard")


def test_bad_rows_listed_in_english(page: Page, app_url: str) -> None:
    """Pins the English page with a file whose rows are partly bad: the warning, the list, the rest."""
    set_viewport_tall(page)
    open_app(page, f"{app_url}/team")
    by_key(page, "lang").get_by_text(text(Lang.EN, "language.en"), exact=True).click()
    wait_for_app_idle(page)
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(CORPUS / "bad_choices.csv")
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(Lang.EN, "team.skipped", 3))).to_be_visible()
    expect(page.get_by_text(plural(Lang.EN, "team.computed", 1))).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(2)  # the errors, then the one good row
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    screenshot(page, "team_en_bad_rows")


def _to_team_page(page: Page, app_url: str, lang: Lang) -> None:
    set_viewport_tall(page)
    open_app(page, f"{app_url}/team")
    if lang is Lang.EN:
        by_key(page, "lang").get_by_text(text(Lang.EN, "language.en"), exact=True).click()
        wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, "team.title"))


@pytest.mark.parametrize("lang", [Lang.NL])  # one language: see tests/e2e/README.md
def test_results_survive_a_round_trip_to_the_wizard(
    page: Page, app_url: str, tmp_path: Path, lang: Lang
) -> None:
    """Pins, in each language: the template uploaded, sorted by net result (highest first), one
    employee opened in the full calculation, then back through the navigation — the same file, the
    same order and the same employee chosen, without uploading again."""
    _to_team_page(page, app_url, lang)
    template = tmp_path / "team.csv"
    template.write_bytes(template_csv(lang))
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(template)
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(lang, "team.computed", 3))).to_be_visible()
    expect(by_key(page, "team_upload")).to_have_count(0)  # the file is kept: no uploader until "Other file"

    by_key(page, "team_sort").click()
    page.get_by_role("option", name=text(lang, "team.columns.npv"), exact=True).click()
    wait_for_app_idle(page)
    by_key(page, "team_sort_descending").get_by_text(text(lang, "team.sort_descending")).click()
    wait_for_app_idle(page)
    rows = read_team_file("team.csv", template_csv(lang)).rows
    npv = {row.label: evaluate(row.scenario).npv_eur for row in rows}
    highest_first = sorted(npv, key=lambda label: npv[label], reverse=True)
    _expect_labels(page, highest_first)

    chosen = rows[2]  # row 4: the order picker
    by_key(page, "team_open_row").click()
    page.get_by_role("option", name=f"{text(lang, 'team.row_label', row=4)} · {chosen.label}").click()
    wait_for_app_idle(page)
    by_key(page, "team_open").locator("button").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, "wizard.steps.employee"))
    expect(by_key(page, widget_key("employee.label")).locator("input")).to_have_value(chosen.label)

    page.get_by_test_id("stTopNavLink").filter(has_text=text(lang, "team.nav_title")).click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stHeading").first).to_have_text(text(lang, "team.title"))
    expect(page.get_by_text(plural(lang, "team.computed", 3))).to_be_visible()
    expect(by_key(page, "team_kept_file")).to_contain_text("team.csv")
    expect(by_key(page, "team_upload")).to_have_count(0)
    _expect_labels(page, highest_first)
    expect(by_key(page, "team_sort").locator("input")).to_have_value(text(lang, "team.columns.npv"))
    expect(by_key(page, "team_open_row").locator("input")).to_have_value(
        f"{text(lang, 'team.row_label', row=4)} · {chosen.label}"
    )
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    screenshot(page, f"team_{lang.value}_back_from_the_wizard")


@pytest.mark.parametrize("lang", [Lang.NL])  # one language: see tests/e2e/README.md
def test_several_bad_cells_in_one_row(page: Page, app_url: str, lang: Lang) -> None:
    """Pins the list of a row with five bad cells: one line per cell, in the user's language."""
    _to_team_page(page, app_url, lang)
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(CORPUS / "several_bad_cells.csv")
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(lang, "team.skipped", 1))).to_be_visible()
    errors = page.get_by_test_id("stDataFrame").first  # the errors come before the results
    expect(errors.locator("table tr")).to_have_count(6)  # the header and five bad cells of row 2
    reasons = [
        row[2]
        for row in [
            errors.locator("table tr")
            .nth(index)
            .locator("td")
            .evaluate_all("cells => cells.map(c => c.textContent)")
            for index in range(1, 6)
        ]
    ]
    expected = [
        error.reason(lang)
        for error in read_team_file("x.csv", (CORPUS / "several_bad_cells.csv").read_bytes()).errors
    ]
    assert reasons == expected
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    screenshot(page, f"team_{lang.value}_several_bad_cells")


@pytest.mark.parametrize("lang", [Lang.EN])  # one language: see tests/e2e/README.md
def test_opening_a_team_member_keeps_the_comparison(
    page: Page, app_url: str, tmp_path: Path, lang: Lang
) -> None:
    """Pins issue 16's first loss path in the browser: two scenarios compared, then an employee opened
    from the team page — the employee is added as a third scenario, the first two stay, and the
    wizard says so."""
    set_viewport_tall(page)
    open_app(page, app_url)
    if lang is Lang.EN:
        by_key(page, "lang").get_by_text(text(Lang.EN, "language.en"), exact=True).click()
        wait_for_app_idle(page)
    for _ in range(len(STEPS) - 1):
        by_key(page, "nav_next").locator("button").click()
        wait_for_app_idle(page)
    results_tabs = by_key(page, tabs_key(RESULTS_TABS, lang)).get_by_role("tablist").first
    results_tabs.get_by_role("tab", name=text(lang, "results.tabs.save"), exact=True).click()
    wait_for_app_idle(page)
    by_key(page, "compare_start").locator("button").click()
    wait_for_app_idle(page)
    expect(by_key(page, "compare_tabs").get_by_role("button")).to_have_count(2)

    page.get_by_test_id("stTopNavLink").filter(has_text=text(lang, "team.nav_title")).click()
    wait_for_app_idle(page)
    template = tmp_path / "team.csv"
    template.write_bytes(template_csv(lang))
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(template)
    wait_for_app_idle(page)
    chosen = read_team_file("team.csv", template_csv(lang)).rows[2]  # row 4: the order picker
    by_key(page, "team_open_row").click()
    page.get_by_role("option", name=f"{text(lang, 'team.row_label', row=4)} · {chosen.label}").click()
    wait_for_app_idle(page)
    by_key(page, "team_open").locator("button").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stAlertContentSuccess").first).to_contain_text(
        text(lang, "compare.opened_added", compared=3)
    )
    screenshot(page, f"team_{lang.value}_opened_beside_the_comparison")
    for _ in range(len(STEPS) - 1 - 2):  # from the employee step to the results
        by_key(page, "nav_next").locator("button").click()
        wait_for_app_idle(page)
    results_tabs = by_key(page, tabs_key(RESULTS_TABS, lang)).get_by_role("tablist").first
    results_tabs.get_by_role("tab", name=text(lang, "results.tabs.save"), exact=True).click()
    wait_for_app_idle(page)
    expect(by_key(page, "compare_tabs").get_by_role("button")).to_have_count(3)
    expect(page.get_by_test_id("stException")).to_have_count(0)
