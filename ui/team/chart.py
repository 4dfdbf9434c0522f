"""The team chart: a pure function (names and results in, plotly figure out), unit-tested.

Up to :data:`MAX_BARS` employees each get a bar, sorted from the best result to the worst, green
where the training pays and red where it does not. A larger team is shown as a histogram (how many
employees fall in each band of net result; a thousand bars would be unreadable), binned here with
numpy so a few dozen bars travel to the browser. Money is formatted in Python (Dutch € 1.234).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from calculators.formatting import money
from calculators.i18n import Lang, text
from ui.chart_template import figure
from ui.charts import PALETTE, money_axis, plotly_separators

__all__ = ["MAX_BARS", "team_npv_figure"]

MAX_BARS = 50
_BINS = 30


def _axis(lang: Lang | str, title: str) -> dict[str, Any]:
    """The money axis of ui.charts, with zero drawn: where paying and not paying meet."""
    return {**money_axis(lang, title), "zeroline": True, "zerolinecolor": PALETTE["zero"]}


def _bars(
    names: Sequence[str], npv: Sequence[float], lang: Lang | str
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    order = sorted(range(len(npv)), key=lambda index: (-npv[index], index))
    values = [float(npv[index]) for index in order]
    # plotly reads <b>, <a href=…> and the like in text as markup; escaped, a label shows as typed
    labels = [html.escape(names[index]) for index in order]
    trace = {
        "type": "bar",
        "orientation": "h",
        "x": values,
        "y": list(range(len(values))),
        "marker": {"color": [PALETTE["good"] if value > 0 else PALETTE["bad"] for value in values]},
        "text": [money(value, lang) for value in values],
        "textposition": "auto",
        "hovertext": [
            text(lang, "team.chart_hover", name=label, value=money(value, lang))
            for label, value in zip(labels, values, strict=True)
        ],
        "hoverinfo": "text",
    }
    layout = {
        "title": {"text": text(lang, "team.chart_title")},
        "xaxis": _axis(lang, text(lang, "team.chart_axis")),
        # positions, not names, on the axis: two employees may share a label; the best at the top
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(range(len(values))),
            "ticktext": labels,
            "autorange": "reversed",
            "automargin": True,
        },
        "height": max(260, 80 + 26 * len(values)),
    }
    return [trace], layout


def _histogram(npv: Sequence[float], lang: Lang | str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    values = np.asarray(npv, dtype=np.float64)
    low, high = float(values.min()), float(values.max())
    if high - low < 1.0:  # (nearly) everyone the same: one band of € 1 around the value
        low, high = low - 0.5, high + 0.5
    counts, edges = np.histogram(values, bins=_BINS, range=(low, high))
    centres = (edges[:-1] + edges[1:]) / 2
    trace = {
        "type": "bar",
        "x": centres.tolist(),
        "y": counts.tolist(),
        "width": float(edges[1] - edges[0]),
        "marker": {
            "color": [PALETTE["good"] if centre > 0 else PALETTE["bad"] for centre in centres],
            "line": {"width": 0},
        },
        "hovertext": [
            text(lang, "team.chart_bin_hover", low=money(a, lang), high=money(b, lang), count=int(c))
            for a, b, c in zip(edges[:-1], edges[1:], counts, strict=True)
        ],
        "hoverinfo": "text",
    }
    layout = {
        "title": {"text": text(lang, "team.chart_histogram_title")},
        "xaxis": _axis(lang, text(lang, "team.chart_axis")),
        "yaxis": {"title": {"text": text(lang, "team.chart_count_axis")}, "gridcolor": "#eef1f3"},
        "height": 380,
        "bargap": 0.05,
    }
    return [trace], layout


def team_npv_figure(names: Sequence[str], npv: Sequence[float], lang: Lang | str) -> go.Figure:
    """Net result per employee: sorted bars for a team of up to 50, a histogram beyond."""
    if len(names) != len(npv):
        raise ValueError("one name per result")
    traces, layout = _bars(names, npv, lang) if len(npv) <= MAX_BARS else _histogram(npv, lang)
    layout.update(
        {
            "separators": plotly_separators(lang),
            "margin": {"l": 10, "r": 20, "t": 50, "b": 10},
            "plot_bgcolor": "white",
            "showlegend": False,
        }
    )
    return figure(traces, layout)
