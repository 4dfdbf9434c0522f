"""Plotly figures for "how sure is the answer": pure functions (simulation in, figure out), unit-tested.

The NPV histogram is binned here with numpy (a few dozen bars travel to the browser, not 10,000
draws); zero is marked so the reader sees at a glance how much of the mass lies on the losing side.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from calculators.formatting import money, percent
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import FAN_PERCENTILES, Simulation, TornadoBar
from ui.chart_template import figure
from ui.charts import PALETTE, money_axis, plotly_separators

__all__ = ["fan_figure", "npv_histogram_figure", "tornado_figure", "uncertain_label"]

_BINS = 40


def uncertain_label(name: str, lang: Lang | str) -> str:
    """The name of an uncertain input as the user knows it."""
    return text(lang, f"uncertainty.inputs.{name.replace('.', '__')}")


def _layout(lang: Lang | str, title: str, height: int = 360) -> dict[str, Any]:
    return {
        "title": {"text": title},
        "separators": plotly_separators(lang),
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "height": height,
        "plot_bgcolor": "white",
        "showlegend": False,
    }


def npv_histogram_figure(simulation: Simulation, lang: Lang | str) -> go.Figure:
    """How often each net result came out: bars left of zero (a loss) in red, right of it in green."""
    npv = simulation.npv_eur
    low, high = float(np.min(npv)), float(np.max(npv))
    if high - low < 1.0:  # every draw (nearly) the same: one bar of € 1 wide around the value
        low, high = low - 0.5, high + 0.5
    counts, edges = np.histogram(npv, bins=_BINS, range=(low, high))
    share = counts / max(len(npv), 1)
    centres = (edges[:-1] + edges[1:]) / 2
    colours = [PALETTE["good"] if centre > 0 else PALETTE["bad"] for centre in centres]
    hover = [
        text(
            lang,
            "uncertainty.chart.histogram_hover",
            low=money(a, lang),
            high=money(b, lang),
            share=percent(p, lang),
        )
        for a, b, p in zip(edges[:-1], edges[1:], share, strict=True)
    ]
    trace = {
        "type": "bar",
        "x": centres.tolist(),
        "y": share.tolist(),
        "width": float(edges[1] - edges[0]),
        "marker": {"color": colours, "line": {"width": 0}},
        "hovertext": hover,
        "hoverinfo": "text",
    }
    layout = _layout(lang, text(lang, "uncertainty.chart.histogram_title"))
    layout["xaxis"] = money_axis(lang, text(lang, "uncertainty.chart.histogram_x"))
    layout["yaxis"] = {
        "title": {"text": text(lang, "uncertainty.chart.histogram_y")},
        "tickformat": ".0%",
        "automargin": True,
        "gridcolor": "#eef1f3",
    }
    layout["shapes"] = [
        {
            "type": "line",
            "x0": 0,
            "x1": 0,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": PALETTE["neutral"], "width": 2, "dash": "dash"},
        }
    ]
    layout["annotations"] = [
        {
            "x": 0,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "text": text(lang, "uncertainty.chart.zero"),
            "showarrow": False,
            "yanchor": "bottom",
            "font": {"color": PALETTE["neutral"]},
        }
    ]
    return figure([trace], layout)


def tornado_figure(bars: tuple[TornadoBar, ...], lang: Lang | str) -> go.Figure:
    """Each uncertain input at the low and high end of its range, the rest at your values; the input
    that moves the result most on top."""
    ordered = list(reversed(bars))  # plotly draws the first category at the bottom
    labels = [uncertain_label(bar.name, lang) for bar in ordered]
    npv_eur = bars[0].npv_eur if bars else 0.0  # every input at the scenario's value: each bar's start

    def trace(end: str, colour: str) -> dict[str, Any]:
        values = [getattr(bar, f"change_at_{end}_eur") for bar in ordered]
        ends = [getattr(bar, end) for bar in ordered]
        hover = [
            text(
                lang,
                "uncertainty.chart.tornado_hover",
                name=label,
                value=percent(at, lang),
                npv=money(getattr(bar, f"npv_at_{end}_eur"), lang),
            )
            for label, at, bar in zip(labels, ends, ordered, strict=True)
        ]
        return {
            "type": "bar",
            "orientation": "h",
            "name": text(lang, f"uncertainty.chart.tornado_{end}"),
            "y": labels,
            "x": values,
            "base": npv_eur,
            "marker": {"color": colour},
            "hovertext": hover,
            "hoverinfo": "text",
        }

    layout = _layout(lang, text(lang, "uncertainty.chart.tornado_title"), height=120 + 45 * len(bars))
    layout["barmode"] = "overlay"
    layout["showlegend"] = True
    layout["legend"] = {"orientation": "h", "y": -0.2}
    layout["xaxis"] = money_axis(lang, text(lang, "uncertainty.chart.tornado_x"))
    layout["yaxis"] = {"automargin": True}
    layout["shapes"] = [
        {
            "type": "line",
            "x0": npv_eur,
            "x1": npv_eur,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": PALETTE["neutral"], "width": 1},
        }
    ]
    return figure([trace("low", "#c98a85"), trace("high", "#7fb3a5")], layout)


def fan_figure(simulation: Simulation, lang: Lang | str) -> go.Figure:
    """The cumulative discounted result per month: the middle line, and bands holding the middle
    half and 8 in 10 of the simulated futures."""
    rows = dict(zip(FAN_PERCENTILES, simulation.fan, strict=True))
    months = list(range(1, len(simulation.fan[0]) + 1))

    def band(lower: int, upper: int, name_key: str, colour: str) -> list[dict[str, Any]]:
        hover = [
            text(lang, "uncertainty.chart.fan_hover", month=m, low=money(a, lang), high=money(b, lang))
            for m, a, b in zip(months, rows[lower], rows[upper], strict=True)
        ]
        return [
            {"type": "scatter", "x": months, "y": list(rows[lower]), "mode": "lines", "line": {"width": 0},
             "hoverinfo": "skip", "showlegend": False},
            {"type": "scatter", "x": months, "y": list(rows[upper]), "mode": "lines", "line": {"width": 0},
             "fill": "tonexty", "fillcolor": colour, "name": text(lang, name_key),
             "hovertext": hover, "hoverinfo": "text"},
        ]  # fmt: skip

    middle_hover = [
        text(lang, "chart.hover", month=m, value=money(v, lang))
        for m, v in zip(months, rows[50], strict=True)
    ]
    traces = [
        *band(10, 90, "uncertainty.chart.fan_outer", "rgba(31,111,92,0.15)"),
        *band(25, 75, "uncertainty.chart.fan_inner", "rgba(31,111,92,0.30)"),
        {
            "type": "scatter",
            "x": months,
            "y": list(rows[50]),
            "mode": "lines",
            "line": {"color": PALETTE["line"], "width": 2},
            "name": text(lang, "uncertainty.chart.fan_middle"),
            "hovertext": middle_hover,
            "hoverinfo": "text",
        },
    ]
    layout = _layout(lang, text(lang, "uncertainty.chart.fan_title"))
    layout["showlegend"] = True
    layout["legend"] = {"orientation": "h", "y": -0.25}
    layout["xaxis"] = {"title": {"text": text(lang, "uncertainty.chart.fan_x")}, "gridcolor": "#eef1f3"}
    layout["yaxis"] = money_axis(lang, text(lang, "uncertainty.chart.fan_y"))
    layout["shapes"] = [
        {
            "type": "line",
            "x0": 0,
            "x1": 1,
            "xref": "paper",
            "y0": 0,
            "y1": 0,
            "yref": "y",
            "line": {"color": PALETTE["zero"], "width": 1},
        }
    ]
    return figure(traces, layout)
