"""The report downloads on the results page, in Streamlit's AppTest.

AppTest cannot read a download button's bytes (docs: conventions/streamlit.md §1.1), so after
"make the report" the files are read from the session memo the component keeps them in
(ui/cache.session_memo), which is exactly what the two buttons offer. The report's contents are
checked in tests/unit/ui/test_report.py; here: the controls are there, the files are valid, a changed
client name withdraws the old files, and nothing raises.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from calculators.i18n import Lang, text
from tests.app.helpers import open_results_tab
from ui.form.steps import STEPS
from ui.session import STEP_KEY

APP = Path(__file__).resolve().parents[2] / "app.py"
RESULTS = next(index for index, step in enumerate(STEPS) if step.id == "results")
MEMO = "_leerwinst_memo"  # ui/cache.py's session store


def results_page(lang: Lang = Lang.NL) -> AppTest:
    """The app on its results step (default scenario), in ``lang``, with the report's tab open."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if lang is not Lang.NL:
        at.segmented_control(key="lang").set_value(lang.value).run()
    at.session_state[STEP_KEY] = RESULTS
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return open_results_tab(at, "report", lang.value)


def reports(at: AppTest) -> list[Any]:
    """The report files kept in the session (newest last)."""
    memo = at.session_state[MEMO] if MEMO in at.session_state else {}  # noqa: SIM401 (no .get)
    return list(memo.get("report", {}).values())


def download_keys(at: AppTest) -> set[str]:
    return {str(button.key) for button in at.get("download_button")}


@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_controls_present_before_any_report(lang: Lang) -> None:
    """Pins the section on the results page: client name (80 characters), guide choice, "make" button;
    no report downloads before the advisor asks for one (nothing built on every rerun)."""
    at = results_page(lang)
    client = at.text_input(key="report_client")
    assert client.label == text(lang, "report.client_label")
    assert client.max_chars == 80
    assert at.checkbox(key="report_guide").label == text(lang, "report.guide_label")
    assert at.button(key="report_prepare").label == text(lang, "report.prepare")
    assert not {"report_pdf", "report_html"} & download_keys(at)
    assert reports(at) == []


def test_make_report_gives_valid_pdf_and_html() -> None:
    """Pins: typing a client, adding the guide and clicking "make" offers a PDF and an HTML download
    whose bytes are a PDF and an HTML page with the client's name escaped; no exception."""
    at = results_page()
    at.text_input(key="report_client").input("<script>alert(1)</script> Bakkerij").run()
    at.checkbox(key="report_guide").check().run()
    at.button(key="report_prepare").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert {"report_pdf", "report_html"} <= download_keys(at)
    labels = {str(button.key): getattr(button, "label", None) for button in at.get("download_button")}
    assert labels["report_pdf"] == text(Lang.NL, "report.download_pdf")
    assert labels["report_html"] == text(Lang.NL, "report.download_html")
    [files] = reports(at)
    assert files.pdf.startswith(b"%PDF-") and files.pdf.rstrip().endswith(b"%%EOF")
    assert files.html.startswith(b"<!DOCTYPE html>")
    page = files.html.decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bakkerij" in page
    assert "<script" not in page
    assert escape(text(Lang.NL, "guide.title")) in page


def test_changed_client_withdraws_the_old_report() -> None:
    """Pins that a report made for one client name is not offered once the name changes."""
    at = results_page()
    at.text_input(key="report_client").input("Garage Jansen").run()
    at.button(key="report_prepare").click().run()
    assert {"report_pdf", "report_html"} <= download_keys(at)
    at.text_input(key="report_client").input("Garage Pietersen").run()
    assert not at.exception, [e.message for e in at.exception]
    assert not {"report_pdf", "report_html"} & download_keys(at)
    assert at.button(key="report_prepare") is not None


def _component_with_two_scenarios() -> None:
    from dataclasses import replace

    from calculators.i18n import Lang
    from calculators.scenario.io import default_scenario
    from ui.report.view import show_report_downloads

    base = default_scenario()
    cheaper = replace(base, training=replace(base.training, course_fees_eur=500.0))
    show_report_downloads((("Basis", base), ("Goedkoper", cheaper)), Lang.NL, key="cmp")


def test_component_with_two_scenarios() -> None:
    """Pins the component on its own with a comparison: both files made, the names in the HTML."""
    at = AppTest.from_function(_component_with_two_scenarios, default_timeout=60)
    at.run()
    at.button(key="cmp_prepare").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert {"cmp_pdf", "cmp_html"} <= download_keys(at)
    [files] = reports(at)
    assert files.pdf.startswith(b"%PDF-")
    page = files.html.decode("utf-8")
    assert "Basis" in page and "Goedkoper" in page
    assert escape(text(Lang.NL, "report.comparison_title")) in page  # "scenario's": the ' is escaped
