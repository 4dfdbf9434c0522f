"""The cumulative cash-flow chart wires the calculator's numbers into the figure, in the reader's language.

The figure is built by a pure function (ui.charts.cumulative_cash_flow_figure), so it is
checked here on the figure object itself; the app tests only check that a chart with its key is on the page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from calculators import Result, evaluate, load_scenario_json
from calculators.formatting import money
from calculators.i18n import Lang, text
from ui.charts import cumulative_cash_flow_figure

EXAMPLES = sorted((Path(__file__).resolve().parents[3] / "content" / "examples").glob("*.json"))
LANGS = [Lang.NL, Lang.EN]


def _result(path: Path) -> Result:
    return evaluate(load_scenario_json(path.read_text(encoding="utf-8")))


def _trace(figure: go.Figure, name: str) -> Any:
    """The one trace with this legend name (fails when there is none or more than one)."""
    found = [trace for trace in figure.data if trace.name == name]
    assert len(found) == 1, f"expected one trace named {name!r}, got {[t.name for t in figure.data]}"
    return found[0]


def _payback_traces(figure: go.Figure, lang: Lang) -> list[Any]:
    prefix = text(lang, "chart.payback_marker", month=0).split("0")[0]  # "Terugverdiend (maand "
    return [trace for trace in figure.data if trace.name and trace.name.startswith(prefix)]


@pytest.fixture(params=EXAMPLES, ids=[path.stem for path in EXAMPLES])
def example(request: pytest.FixtureRequest) -> Result:
    """The evaluated result of one example scenario from content/examples/."""
    path: Path = request.param
    return _result(path)


def test_there_are_examples_with_and_without_payback() -> None:
    """Pins that the examples cover both marker cases, so the payback tests below test something."""
    paybacks = [_result(path).payback_month for path in EXAMPLES]
    assert len(EXAMPLES) >= 3
    assert any(month is None for month in paybacks)
    assert any(month is not None for month in paybacks)


@pytest.mark.parametrize("lang", LANGS)
class TestCumulativeLine:
    """The line is the result's cumulative discounted net, month by month."""

    def test_line_is_cumulative_discounted_net(self, example: Result, lang: Lang) -> None:
        """Pins x = the result's months and y = their cumulative_discounted_net, unchanged and in order."""
        line = _trace(cumulative_cash_flow_figure(example, lang), text(lang, "chart.expected_line"))
        assert list(line.x) == [row.month for row in example.months]
        assert list(line.y) == [row.cumulative_discounted_net for row in example.months]
        assert line.mode == "lines"

    def test_line_ends_at_npv(self, example: Result, lang: Lang) -> None:
        """Pins that the last point of the line is the NPV the headline reports."""
        line = _trace(cumulative_cash_flow_figure(example, lang), text(lang, "chart.expected_line"))
        assert line.y[-1] == pytest.approx(example.npv_eur, abs=1e-6)

    def test_hover_text_per_month_in_language(self, example: Result, lang: Lang) -> None:
        """Pins one hover text per month: "Maand 3: € -1.234" / "Month 3: -€1,234", formatted in Python."""
        line = _trace(cumulative_cash_flow_figure(example, lang), text(lang, "chart.expected_line"))
        expected = [
            text(lang, "chart.hover", month=row.month, value=money(row.cumulative_discounted_net, lang))
            for row in example.months
        ]
        assert list(line.hovertext) == expected
        assert line.hoverinfo == "text"


@pytest.mark.parametrize("lang", LANGS)
class TestMarkers:
    """The payback marker (only when there is a payback month) and the worst-case marker."""

    def test_payback_marker_exactly_when_payback(self, example: Result, lang: Lang) -> None:
        """Pins: a payback marker iff payback_month is not None, at (payback month, cumulative then)."""
        figure = cumulative_cash_flow_figure(example, lang)
        markers = _payback_traces(figure, lang)
        if example.payback_month is None:
            assert markers == []
            return
        assert len(markers) == 1
        (marker,) = markers
        row = next(row for row in example.months if row.month == example.payback_month)
        assert list(marker.x) == [example.payback_month]
        assert list(marker.y) == [row.cumulative_discounted_net]
        assert marker.name == text(lang, "chart.payback_marker", month=example.payback_month)
        assert row.cumulative_discounted_net >= 0  # the month it is paid back, the sum is not negative

    def test_worst_case_marker(self, example: Result, lang: Lang) -> None:
        """Pins the worst-case marker at (training_end_month, worst_case_eur), its value in the legend."""
        figure = cumulative_cash_flow_figure(example, lang)
        name = text(lang, "chart.worst_marker", value=money(example.worst_case_eur, lang))
        marker = _trace(figure, name)
        assert list(marker.x) == [example.training_end_month]
        assert list(marker.y) == [example.worst_case_eur]
        assert list(marker.hovertext) == [name]

    def test_trace_count(self, example: Result, lang: Lang) -> None:
        """Pins line + worst case, plus one payback marker only when there is a payback month."""
        figure = cumulative_cash_flow_figure(example, lang)
        assert len(figure.data) == (3 if example.payback_month is not None else 2)


class TestLanguageFormatting:
    """Separators, axis prefix and hover texts follow the language."""

    @pytest.mark.parametrize(("lang", "separators"), [(Lang.NL, ",."), (Lang.EN, ".,")])
    def test_separators(self, example: Result, lang: Lang, separators: str) -> None:
        """Pins plotly's decimal/thousands separators: ",." for Dutch (1.234,5), ".," for English."""
        assert cumulative_cash_flow_figure(example, lang).layout.separators == separators

    @pytest.mark.parametrize(("lang", "prefix"), [(Lang.NL, "€\u00a0"), (Lang.EN, "€")])
    def test_tick_prefix(self, example: Result, lang: Lang, prefix: str) -> None:
        """Pins the euro axis: "€" plus a no-break space in Dutch, "€" right before the number in English."""
        assert cumulative_cash_flow_figure(example, lang).layout.yaxis.tickprefix == prefix

    @pytest.mark.parametrize("lang", LANGS)
    def test_texts_translated(self, example: Result, lang: Lang) -> None:
        """Pins title and axis titles from content/i18n in the chosen language."""
        layout = cumulative_cash_flow_figure(example, lang).layout
        assert layout.title.text == text(lang, "chart.cumulative_title")
        assert layout.xaxis.title.text == text(lang, "chart.month_axis")
        assert layout.yaxis.title.text == text(lang, "chart.euro_axis")

    def test_dutch_hover_has_euro_space_and_thousands_dot(self) -> None:
        """Pins the Dutch hover format on a value of at least €1,000: "€\\xa0", then a thousands dot."""
        result, month = _large_point()
        line = _trace(cumulative_cash_flow_figure(result, Lang.NL), text(Lang.NL, "chart.expected_line"))
        hover = line.hovertext[month - 1]
        assert re.fullmatch(rf"Maand {month}: €\xa0-?\d{{1,3}}(\.\d{{3}})+", hover), hover

    def test_english_hover_has_euro_and_thousands_comma(self) -> None:
        """Pins the English hover format on the same value: "€" with no space, then a thousands comma."""
        result, month = _large_point()
        line = _trace(cumulative_cash_flow_figure(result, Lang.EN), text(Lang.EN, "chart.expected_line"))
        hover = line.hovertext[month - 1]
        assert re.fullmatch(rf"Month {month}: (?:\u2212\u2060)?€\d{{1,3}}(,\d{{3}})+", hover), hover


def _large_point() -> tuple[Result, int]:
    """An example result and a month whose cumulative value is at least €1,000 in size."""
    for path in EXAMPLES:
        result = _result(path)
        for row in result.months:
            if abs(row.cumulative_discounted_net) >= 1000:
                return result, row.month
    raise AssertionError("no example has a cumulative value of €1,000 or more")
