"""The "cash by month" tab in AppTest, in Dutch and English: chart, totals, table and both downloads.

AppTest cannot read a download button's bytes (conventions/streamlit.md §1.1), so the bytes are pinned
in tests/unit/money/test_cash_by_month.py and the browser test downloads them; here the tab's parts, its
figures (against an independent evaluate() of the page's own scenario) and the buttons' names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculators import evaluate
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.cash_by_month import cash_by_month
from tests.app.helpers import open_results_tab
from ui.form.state import scenario_from_state
from ui.form.steps import ALL_FIELDS, STEPS
from ui.session import LANG_KEY, STEP_KEY

APP = Path(__file__).resolve().parents[2] / "app.py"
RESULTS = next(index for index, step in enumerate(STEPS) if step.id == "results")


def _cash_tab(lang: Lang) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    if lang is Lang.EN:
        at.session_state[LANG_KEY] = "en"
    at.session_state[STEP_KEY] = RESULTS
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return open_results_tab(at, "cash", lang.value)


@pytest.mark.parametrize("lang", list(Lang))
def test_tab_shows_chart_totals_table_and_downloads(lang: Lang) -> None:
    """Pins the tab: the chart in the page's language, the sentence with the totals, one table row per
    month whose last running total is the independent evaluate()'s, and the CSV and Excel buttons."""
    at = _cash_tab(lang)
    result = evaluate(scenario_from_state(at.session_state.to_dict(), ALL_FIELDS))
    months = cash_by_month(result)
    (chart,) = [c for c in at.get("plotly_chart") if getattr(c, "key", None) == "chart_cash"]
    assert json.loads(chart.proto.spec)["layout"]["title"]["text"] == text(lang, "cash.chart.title")
    assert any(money(result.npv_eur, lang) in block.value for block in at.markdown)
    (table,) = [
        frame for frame in at.dataframe if getattr(frame, "key", None) == "cash_table"
    ] or at.dataframe
    assert len(table.value) == result.horizon_months
    assert table.value.iloc[-1, 4] == money(months[-1].running_total_eur, lang)
    labels = {str(button.key): getattr(button, "label", None) for button in at.get("download_button")}
    assert labels["download_cash_csv"] == text(lang, "cash.download_csv")
    assert labels["download_cash_xlsx"] == text(lang, "cash.download_xlsx")
