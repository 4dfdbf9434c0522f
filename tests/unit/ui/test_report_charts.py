"""The report's SVG charts (ui/report/charts.py): well-formed, the right elements and labels, and
nothing that would make the HTML report fetch anything.

Cost figures of the garage example are computed by hand from content/examples/garage_ev_course.json
(money model §2–§3, docs/money-model.md):
    loaded wage   Wm = 3100 × 1.08 × 1.30 = 4352.40 a month; hours Hm = 38 × 52 / 12 = 164.667
    hourly wage   w  = 4352.40 / 164.667 = 26.4316
    training hours 40, all in working time, over 2 months: 20 h a month → 528.63 a month
    discount      d(m) = 1.06^(-(m-1)/12): d(1) = 1, d(2) = 0.995156, d(4) = 0.985538
    course fees, materials, travel paid in month 1: 1650, 250, 120 (undiscounted)
    wages PV      528.63 × (1 + 0.995156) = 1054.70 → "€ 1.055"
    subsidy       600 in month 4: 600 × 0.985538 = 591.32 → "€ -591"
    net cost      1650 + 250 + 120 + 1054.70 − 591.32 = 2483.38 → "€ 2.483"
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from calculators import Result, Scenario, evaluate, load_scenario_json
from calculators.dead_end.compare import compare_options
from calculators.formatting import money
from calculators.i18n import Lang, text
from ui.report.charts import (
    Bar,
    bar_chart_svg,
    cost_breakdown_svg,
    cumulative_svg,
    dead_end_svg,
    nice_ticks,
    npv_comparison_svg,
    wrap_label,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "content" / "examples"
SVG = "{http://www.w3.org/2000/svg}"
LANGS = [Lang.NL, Lang.EN]


def scenario(name: str) -> Scenario:
    return load_scenario_json((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def result(name: str) -> Result:
    return evaluate(scenario(name))


def parse(svg: str) -> ET.Element:
    """The SVG as an element tree (fails on anything that is not well-formed XML)."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def bars(root: ET.Element) -> list[ET.Element]:
    """The bars: every rect but the white background."""
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") != "#ffffff"]


def assert_self_contained(svg: str) -> None:
    """No element or attribute that could load anything: only the SVG namespace mentions an address."""
    root = parse(svg)
    allowed = {"svg", "rect", "line", "polyline", "circle", "path", "text"}
    assert {node.tag.removeprefix(SVG) for node in root.iter()} <= allowed
    for node in root.iter():
        for name, value in node.attrib.items():
            assert "href" not in name, name
            assert "url(" not in value and "http" not in value, (name, value)
    markup = re.sub(r"<text[^>]*>[^<]*</text>", "", svg)  # text may say anything: it is only shown
    assert markup.count("http") == 1 and 'xmlns="http://www.w3.org/2000/svg"' in markup


class TestCumulative:
    """The cumulative discounted cash flow: line, zero line, break-even marker, labels."""

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("example", ["garage_ev_course", "bakery_shift_leader", "warehouse_dead_end"])
    def test_well_formed_and_self_contained(self, example: str, lang: Lang) -> None:
        """Pins valid XML with only drawable, local elements for every example and language."""
        assert_self_contained(cumulative_svg(result(example), lang))

    def test_one_point_per_month_in_value_order(self) -> None:
        """Pins that the line has a point per month, left to right, higher values drawn higher."""
        r = result("bakery_shift_leader")
        root = parse(cumulative_svg(r, Lang.NL))
        [line] = root.iter(f"{SVG}polyline")
        points = [tuple(map(float, pair.split(","))) for pair in line.get("points", "").split()]
        assert len(points) == r.horizon_months
        xs = [x for x, _ in points]
        assert xs == sorted(xs)
        values = [row.cumulative_discounted_net for row in r.months]
        for (_, y1), (_, y2), v1, v2 in zip(points, points[1:], values, values[1:], strict=False):
            if abs(v1 - v2) > 1e-6:
                assert (y1 > y2) == (v2 > v1)  # SVG's y grows downwards

    def test_break_even_marker_sits_on_the_line_at_the_first_month_at_or_above_zero(self) -> None:
        """Pins the marker at the first month whose cumulative value is ≥ 0, found here from the rows."""
        r = result("bakery_shift_leader")
        first = next(row.month for row in r.months if row.cumulative_discounted_net >= 0)
        root = parse(cumulative_svg(r, Lang.NL))
        dot, _legend = root.iter(f"{SVG}circle")  # on the line, then in the legend
        [line] = root.iter(f"{SVG}polyline")
        points = [tuple(map(float, pair.split(","))) for pair in line.get("points", "").split()]
        assert (float(dot.get("cx", "nan")), float(dot.get("cy", "nan"))) == pytest.approx(
            points[first - 1], abs=0.01
        )
        assert text(Lang.NL, "chart.payback_marker", month=first) in texts(root)

    def test_no_break_even_marker_when_it_never_pays(self) -> None:
        """Pins: no green dot and no "paid back" label when the cumulative value stays below zero."""
        r = result("warehouse_dead_end")
        assert all(row.cumulative_discounted_net < 0 for row in r.months)
        root = parse(cumulative_svg(r, Lang.NL))
        assert not list(root.iter(f"{SVG}circle"))
        prefix = text(Lang.NL, "chart.payback_marker", month=0).split("0")[0]
        assert not any(label.startswith(prefix) for label in texts(root))

    @pytest.mark.parametrize("lang", LANGS)
    def test_labels_in_the_readers_language(self, lang: Lang) -> None:
        """Pins the axis titles, the end-of-training label, the zero tick and the worst case as text."""
        r = result("garage_ev_course")
        labels = texts(parse(cumulative_svg(r, lang)))
        assert text(lang, "chart.month_axis") in labels
        assert text(lang, "chart.euro_axis") in labels
        assert text(lang, "chart.training_end") in labels
        assert money(0, lang) in labels
        assert text(lang, "chart.worst_marker", value=money(r.worst_case_eur, lang)) in labels

    def test_zero_line_between_the_lowest_and_highest_value(self) -> None:
        """Pins the darker zero line: horizontal, at the height of the "€ 0" tick label."""
        root = parse(cumulative_svg(result("bakery_shift_leader"), Lang.NL))
        [zero_label] = [node for node in root.iter(f"{SVG}text") if node.text == money(0, Lang.NL)]
        zero_lines = [
            node
            for node in root.iter(f"{SVG}line")
            if node.get("stroke-width") == "1.5" and node.get("y1") == node.get("y2")
        ]
        assert len(zero_lines) == 1
        assert float(zero_lines[0].get("y1", "nan")) == pytest.approx(float(zero_label.get("y", "nan")) - 4)


class TestCostBreakdown:
    """The cost bars: hand-computed present values (module docstring)."""

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (Lang.NL, ["€\xa01.650", "€\xa0250", "€\xa0120", "€\xa01.055", "€\xa0-591", "€\xa02.483"]),
            (Lang.EN, ["€1,650", "€250", "€120", "€1,055", "\u2212\u2060€591", "€2,483"]),
        ],
    )
    def test_amounts_computed_by_hand(self, lang: Lang, expected: list[str]) -> None:
        """Pins fees, materials, travel, wages, subsidy and net cost of the garage example."""
        labels = texts(parse(cost_breakdown_svg(result("garage_ev_course"), lang)))
        for amount in expected:
            assert amount in labels, (amount, labels)
        for name in ("course_fees", "materials_exam", "travel", "wage_cost", "subsidy", "total"):
            assert text(lang, f"chart.cost_{name}") in labels

    def test_lengths_proportional_and_subsidy_to_the_left(self) -> None:
        """Pins bar lengths proportional to the amounts and the subsidy bar left of the zero line."""
        root = parse(cost_breakdown_svg(result("garage_ev_course"), Lang.NL))
        drawn = bars(root)
        widths = [float(rect.get("width", "nan")) for rect in drawn]
        amounts = [1650, 250, 120, 1054.70, -591.32, 2483.38]  # by hand, module docstring
        assert len(drawn) == len(amounts)
        for width, amount in zip(widths, amounts, strict=True):
            assert width / widths[0] == pytest.approx(abs(amount) / 1650, rel=1e-3)
        zero = float(drawn[0].get("x", "nan"))
        subsidy = drawn[4]
        assert float(subsidy.get("x", "nan")) + float(subsidy.get("width", "nan")) == pytest.approx(zero)


class TestBars:
    """The generic bar chart, the NPV comparison and the dead-end options."""

    def test_user_names_are_escaped(self) -> None:
        """Pins that a scenario name with markup is text in the SVG, not markup."""
        evil = '<script>alert("x")</script> & <a href="http://evil">'
        svg = npv_comparison_svg(
            [(evil, result("garage_ev_course")), ("B", result("bakery_shift_leader"))], Lang.NL
        )
        assert "<script" not in svg and "<a " not in svg
        assert_self_contained(svg)
        shown = " ".join(texts(parse(svg)))
        assert "<script>" in shown  # the parser gives the text back as typed

    def test_npv_bars_signs_and_colours(self) -> None:
        """Pins one bar per scenario, a loss red and left of zero, a gain green and right of it."""
        loss, gain = result("garage_ev_course"), result("bakery_shift_leader")
        assert loss.npv_eur < 0 < gain.npv_eur
        root = parse(npv_comparison_svg([("Verlies", loss), ("Winst", gain)], Lang.NL))
        red, green = bars(root)
        assert red.get("fill") == "#b3261e" and green.get("fill") == "#1f6f5c"
        assert float(red.get("x", "nan")) + float(red.get("width", "nan")) == pytest.approx(
            float(green.get("x", "nan"))
        )
        labels = texts(root)
        assert money(loss.npv_eur, Lang.NL) in labels and money(gain.npv_eur, Lang.NL) in labels
        assert text(Lang.NL, "results.npv_label") in labels

    @pytest.mark.parametrize("lang", LANGS)
    def test_dead_end_options(self, lang: Lang) -> None:
        """Pins one bar per available option (the example has no other job in the firm, so retraining
        internally is not drawn), the cheapest available option green, each drawn net cost as a label."""
        comparison = compare_options(scenario("warehouse_dead_end"), with_sensitivity=False)
        svg = dead_end_svg(comparison, lang)
        assert_self_contained(svg)
        root = parse(svg)
        drawn = bars(root)
        available = [option for option in comparison.options if option.available]
        assert len(available) == 3
        assert len(drawn) == 3
        greens = [i for i, rect in enumerate(drawn) if rect.get("fill") == "#1f6f5c"]
        cheapest = min(range(3), key=lambda i: available[i].net_cost_eur)
        assert greens == [cheapest]
        labels = " ".join(texts(root))
        for option in comparison.options:
            assert (money(option.net_cost_eur, lang) in labels) is option.available

    def test_all_zero_values_draw_without_error(self) -> None:
        """Pins a chart of zeros (a scale must still exist): well-formed, thin bars."""
        svg = bar_chart_svg(
            [Bar("a", 0.0, "#000000"), Bar("b", 0.0, "#000000")], Lang.NL, title="t", axis="x"
        )
        assert_self_contained(svg)
        assert all(float(rect.get("width", "nan")) < 1 for rect in bars(parse(svg)))


class TestHelpers:
    """Tick values and label wrapping."""

    @pytest.mark.parametrize(
        ("low", "high", "expected"),
        [
            (0, 100, [0, 20, 40, 60, 80, 100]),  # step 100/5 = 20
            (-2345, 8100, [-2500, 0, 2500, 5000, 7500, 10000]),  # raw 2089 → 2500
            (-47705, 0, [-50000, -40000, -30000, -20000, -10000, 0]),  # raw 9541 → 10000
            (5, 5, [5.0, 5.2, 5.4, 5.6, 5.8, 6.0]),  # empty range widened to 1
        ],
    )
    def test_nice_ticks(self, low: float, high: float, expected: list[float]) -> None:
        """Pins round ticks covering the range (1, 2, 2.5, 5 × 10^k steps)."""
        assert nice_ticks(low, high) == pytest.approx(expected)

    @pytest.mark.parametrize(
        "label", ["kort", "Opleiden voor werk elders (van werk naar werk)", "x" * 95, "a " * 60]
    )
    def test_wrap_label_fits(self, label: str) -> None:
        """Pins at most two lines of at most 30 characters, the rest marked with "…"."""
        lines = wrap_label(label)
        assert 1 <= len(lines) <= 2
        assert all(len(line) <= 30 for line in lines)
        joined = "".join(lines).replace(" ", "")
        assert joined.rstrip("…") in label.replace(" ", "")
        assert joined.endswith("…") == (len(label.replace(" ", "")) > len(joined))


def test_numbers_are_finite() -> None:
    """Pins that no coordinate is NaN or infinite (fpdf2 and browsers would drop the element)."""
    for svg in (
        cumulative_svg(result("warehouse_dead_end"), Lang.NL),
        cost_breakdown_svg(result("care_certified_course"), Lang.EN),
    ):
        for value in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]+)"', svg):
            assert math.isfinite(float(value))
