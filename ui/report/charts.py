"""The report's charts as plain SVG text: pure functions, results in, an SVG string out.

Why SVG text and not plotly images: the report is built on the server without a browser (plotly's
image export, kaleido, drives Chromium) and without any network. One SVG string serves both
formats: the HTML report puts it inline, the PDF report hands it to fpdf2, which turns SVG into PDF
vector drawing. So these charts keep to what fpdf2 draws — ``rect``, ``line``, ``polyline``,
``circle``, ``path`` and ``text`` with ``text-anchor``, colours as attributes — and use no CSS
classes, markers, filters, gradients, fonts or images from elsewhere (nothing the HTML would fetch).

Money is formatted by calculators.formatting, so the axes read € 1.234 in Dutch and €1,234 in English.
Every user-typed label (scenario names) is XML-escaped here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from calculators.dead_end.results import DeadEndComparison
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from ui.charts import PALETTE

__all__ = [
    "FONT_FAMILY",
    "PDF_FONT",
    "Bar",
    "bar_chart_svg",
    "cost_breakdown_svg",
    "cumulative_svg",
    "dead_end_svg",
    "escape_text",
    "nice_ticks",
    "npv_comparison_svg",
    "wrap_label",
]

# fpdf2 looks the family list up left to right: "dejavu" is the TTF the PDF report registers under
# that name; a browser has no font by that name and takes the next one it has.
PDF_FONT = "dejavu"
FONT_FAMILY = f"{PDF_FONT}, DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
WIDTH = 720
_GRID = "#e3e8eb"
_AXIS = "#5f6b73"
_INK = "#1d2429"
_MUTED = "#5f6b73"


# characters XML 1.0 does not allow: C0 controls but tab, newline and return; lone surrogates; U+FFFE/F
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(value: str) -> str:
    """Text for SVG or HTML: markup characters escaped, characters XML does not allow left out.

    >>> escape_text('<b a="1">\x07&')
    '&lt;b a=&quot;1&quot;&gt;&amp;'
    """
    return escape(_NOT_XML.sub("", value), quote=True)


def _num(value: float) -> str:
    """A coordinate with two decimals at most (short, and the same on every machine)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(
    x: float, y: float, content: str, *, size: int = 12, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-family="{FONT_FAMILY}" font-size="{size}" '
        f'text-anchor="{anchor}" fill="{_INK}"{weight}>{escape_text(content)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1, dash: str = "") -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
        f'stroke="{colour}" stroke-width="{_num(width)}"{dashed}/>'
    )


def _svg(height: float, title: str, body: list[str]) -> str:
    """The outer element: fixed pixel size for fpdf2's aspect ratio, a viewBox so browsers can scale it."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{_num(height)}" '
        f'viewBox="0 0 {WIDTH} {_num(height)}" role="img" aria-label="{escape_text(title)}">'
        f'<rect x="0" y="0" width="{WIDTH}" height="{_num(height)}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) that cover ``low`` … ``high``.

    >>> nice_ticks(-2345, 8100)
    [-2500.0, 0.0, 2500.0, 5000.0, 7500.0, 10000.0]
    >>> nice_ticks(0, 0)
    [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    """
    if not high > low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * magnitude >= raw * (1 - 1e-9))
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    steps = round((stop - start) / step)
    return [round(start + index * step, 10) + 0.0 for index in range(steps + 1)]


def wrap_label(label: str, width: int = 30, lines: int = 2) -> list[str]:
    """A label in at most ``lines`` lines of about ``width`` characters; the rest becomes "…".

    >>> wrap_label("Opleiden voor werk elders (van werk naar werk)")
    ['Opleiden voor werk elders (van', 'werk naar werk)']
    >>> wrap_label("x" * 70, 30, 2)
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…']
    """
    words = " ".join(label.split()).split(" ")
    result: list[str] = []
    current = ""
    for word in words:
        while len(word) > width:  # one long word: cut it
            if current:
                result.append(current)
                current = ""
            result.append(word[:width])
            word = word[width:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
        else:
            result.append(current)
            current = word
    if current:
        result.append(current)
    if len(result) > lines:
        kept = result[:lines]
        kept[-1] = kept[-1][: width - 1].rstrip() + "…"
        return kept
    return result or [""]


# ------------------------------------------------------------------------------ cumulative line


def cumulative_svg(result: Result, lang: Lang | str) -> str:
    """Cumulative discounted net result per month, with the zero line, the end of the training, the
    break-even (payback) month and the worst case (leaving the day the training ends)."""
    left, right, top, bottom = 100.0, WIDTH - 20.0, 40.0, 290.0
    months = [row.month for row in result.months]
    values = [row.cumulative_discounted_net for row in result.months]
    ticks = nice_ticks(min(0.0, *values, result.worst_case_eur), max(0.0, *values, result.worst_case_eur))
    low, high = ticks[0], ticks[-1]
    horizon = result.horizon_months

    def x(month: float) -> float:
        return left + (month - 0.5) / horizon * (right - left)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    body = [_text(left - 90, top - 18, text(lang, "chart.euro_axis"), bold=True)]
    for tick in ticks:
        if tick != 0:
            body.append(_line(left, y(tick), right, y(tick), _GRID))
        body.append(_text(left - 8, y(tick) + 4, money(tick, lang), size=11, anchor="end"))
    body.append(_line(left, y(0.0), right, y(0.0), _AXIS, 1.5))  # the zero line: costs paid back
    step = 6 if horizon <= 60 else 12
    for month in [1, *range(step, horizon + 1, step)]:
        body.append(_line(x(month), bottom, x(month), bottom + 5, _AXIS))
        body.append(_text(x(month), bottom + 20, str(month), size=11, anchor="middle"))
    body.append(_text((left + right) / 2, bottom + 42, text(lang, "chart.month_axis"), anchor="middle"))
    end = x(result.training_end_month)
    body.append(_line(end, top, end, bottom, _MUTED, 1, "4 3"))
    body.append(_text(end + 5, top + 12, text(lang, "chart.training_end"), size=11))
    points = " ".join(f"{_num(x(m))},{_num(y(v))}" for m, v in zip(months, values, strict=True))
    body.append(f'<polyline points="{points}" fill="none" stroke="{PALETTE["line"]}" stroke-width="3"/>')
    body.append(_cross(end, y(result.worst_case_eur), PALETTE["bad"]))
    legend_top = bottom + 66
    legend = [
        (
            _line(left - 12, legend_top - 4, left + 12, legend_top - 4, PALETTE["line"], 3),
            "chart.expected_line",
        ),
        (_cross(left, legend_top + 14, PALETTE["bad"]), "chart.worst_marker"),
    ]
    labels = {
        "chart.expected_line": text(lang, "chart.expected_line"),
        "chart.worst_marker": text(lang, "chart.worst_marker", value=money(result.worst_case_eur, lang)),
    }
    if result.payback_month is not None:
        row = result.months[result.payback_month - 1]
        body.append(_dot(x(row.month), y(row.cumulative_discounted_net), PALETTE["good"]))
        legend.append((_dot(left, legend_top + 32, PALETTE["good"]), "chart.payback_marker"))
        labels["chart.payback_marker"] = text(lang, "chart.payback_marker", month=row.month)
    for index, (mark, key) in enumerate(legend):
        body.append(mark)
        body.append(_text(left + 22, legend_top + index * 18, labels[key], size=11))
    return _svg(legend_top + 18 * len(legend) - 4, text(lang, "chart.cumulative_title"), body)


def _cross(cx: float, cy: float, colour: str, size: float = 6) -> str:
    return (
        f'<path d="M {_num(cx - size)} {_num(cy - size)} L {_num(cx + size)} {_num(cy + size)} '
        f'M {_num(cx - size)} {_num(cy + size)} L {_num(cx + size)} {_num(cy - size)}" '
        f'stroke="{colour}" stroke-width="2.5" fill="none"/>'
    )


def _dot(cx: float, cy: float, colour: str) -> str:
    return (
        f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="6.5" fill="{colour}" stroke="#ffffff" stroke-width="2"/>'
    )


# ------------------------------------------------------------------------------ horizontal bars


@dataclass(frozen=True, slots=True)
class Bar:
    """One horizontal bar: its label (escaped when drawn), value in euros and colour."""

    label: str
    value: float
    colour: str


def bar_chart_svg(bars: Sequence[Bar], lang: Lang | str, *, title: str, axis: str) -> str:
    """Horizontal bars from a zero line (negative values to the left), each with its amount.

    Labels take up to two lines on the left; the amounts stand beyond the end of each bar, so the
    value axis leaves room for them on the side(s) where bars are.
    """
    label_width, row, bar = 250.0, 40.0, 22.0
    top = 12.0
    plot_left, plot_right = label_width + 10, WIDTH - 16.0
    values = [item.value for item in bars]
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values), 4)
    low, high = ticks[0], ticks[-1]
    room = 86.0  # for an amount such as "€ -12.345" beyond a bar's end
    inner_left = plot_left + (room if low < 0 else 0.0)
    inner_right = plot_right - (room if high > 0 else 0.0)

    def x(value: float) -> float:
        return inner_left + (value - low) / (high - low) * (inner_right - inner_left)

    bottom = top + row * len(bars)
    height = bottom + 58
    body: list[str] = []
    for tick in ticks:
        body.append(_line(x(tick), top, x(tick), bottom, _GRID))
        body.append(_text(x(tick), bottom + 18, money(tick, lang), size=11, anchor="middle"))
    body.append(_text((plot_left + plot_right) / 2, bottom + 42, axis, anchor="middle"))
    for index, item in enumerate(bars):
        middle = top + row * index + row / 2
        lines = wrap_label(item.label)
        first = middle + 4 - (len(lines) - 1) * 7
        for number, line in enumerate(lines):
            body.append(_text(label_width, first + number * 14, line, anchor="end"))
        start, end = sorted((x(0.0), x(item.value)))
        body.append(
            f'<rect x="{_num(start)}" y="{_num(middle - bar / 2)}" width="{_num(max(end - start, 0.8))}" '
            f'height="{_num(bar)}" fill="{item.colour}"/>'
        )
        if item.value >= 0:
            body.append(_text(end + 6, middle + 4, money(item.value, lang), size=11, bold=True))
        else:
            body.append(
                _text(start - 6, middle + 4, money(item.value, lang), size=11, anchor="end", bold=True)
            )
    body.append(_line(x(0.0), top - 4, x(0.0), bottom, _AXIS, 1.5))
    return _svg(height, title, body)


_COST_LINES = ("course_fees", "materials_exam", "travel", "wage_cost", "lost_output")


def cost_breakdown_svg(result: Result, lang: Lang | str) -> str:
    """What the training costs in today's money: each cost line, the subsidies (negative), the net cost."""
    b = result.breakdown
    items = {name: float(getattr(b, name)) for name in _COST_LINES}
    items["subsidy"] = -b.subsidy
    kept = {name: value for name, value in items.items() if abs(value) >= 0.5 or name in {"course_fees"}}
    bars = [
        Bar(text(lang, f"chart.cost_{name}"), value, PALETTE["good"] if value < 0 else PALETTE["bad"])
        for name, value in kept.items()
    ]
    bars.append(Bar(text(lang, "chart.cost_total"), b.training_net, PALETTE["neutral"]))
    return bar_chart_svg(
        bars, lang, title=text(lang, "chart.cost_title"), axis=text(lang, "report.chart_euro")
    )


def npv_comparison_svg(scenarios: Sequence[tuple[str, Result]], lang: Lang | str) -> str:
    """The net present value of each scenario, by the name the advisor gave it."""
    bars = [
        Bar(name, result.npv_eur, PALETTE["good"] if result.npv_eur > 0 else PALETTE["bad"])
        for name, result in scenarios
    ]
    return bar_chart_svg(
        bars, lang, title=text(lang, "report.npv_chart_title"), axis=text(lang, "results.npv_label")
    )


def dead_end_svg(comparison: DeadEndComparison, lang: Lang | str) -> str:
    """The net cost of each option for an employee on a dead-end track; the cheapest in green."""
    bars = [
        Bar(
            text(lang, f"dead_end.options.{item.option.value}"),
            item.net_cost_eur,
            PALETTE["good"] if item.option is comparison.cheapest else PALETTE["neutral"],
        )
        for item in comparison.options
        if item.available  # as in the answer: an option that is not there is not drawn
    ]
    return bar_chart_svg(
        bars, lang, title=text(lang, "dead_end.chart_title"), axis=text(lang, "dead_end.table_net_cost")
    )
