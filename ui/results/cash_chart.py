"""The cash-by-month chart: money out (below the line) and in (above) per month, and the running
total (pure: months in, figure out; calculators/money/cash_by_month.py computes every figure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.cash_by_month import CashMonth
from ui.chart_template import figure
from ui.charts import PALETTE, money_axis, plotly_separators

__all__ = ["cash_figure"]


def cash_figure(months: Sequence[CashMonth], lang: Lang | str) -> go.Figure:
    """Bars of money in (up) and out (down) per month and a line of the running total (undiscounted).

    >>> from calculators.money.cash_by_month import cash_by_month
    >>> from calculators.money.evaluate import evaluate
    >>> from calculators.scenario.io import default_scenario
    >>> fig = cash_figure(cash_by_month(evaluate(default_scenario())), "nl")
    >>> [trace.name for trace in fig.data]
    ['Erin', 'Eruit', 'Totaal tot nu']
    """
    numbers = [m.month for m in months]

    def hover(label: str, values: Sequence[float]) -> list[str]:
        return [
            f"{label}, {text(lang, 'cash.chart.axis_month').lower()} {n}: {money(v, lang)}"
            for n, v in zip(numbers, values, strict=True)
        ]

    money_in = [m.money_in_eur for m in months]
    money_out = [m.money_out_eur for m in months]
    running = [m.running_total_eur for m in months]
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": numbers,
            "y": money_in,
            "name": text(lang, "cash.chart.in"),
            "marker": {"color": PALETTE["good"]},
            "hovertext": hover(text(lang, "cash.chart.in"), money_in),
            "hoverinfo": "text",
        },
        {
            "type": "bar",
            "x": numbers,
            "y": [-value for value in money_out],  # drawn below the line: money leaving
            "name": text(lang, "cash.chart.out"),
            "marker": {"color": PALETTE["bad"]},
            "hovertext": hover(text(lang, "cash.chart.out"), money_out),
            "hoverinfo": "text",
        },
        {
            "type": "scatter",
            "x": numbers,
            "y": running,
            "mode": "lines",
            "name": text(lang, "cash.chart.running"),
            "line": {"color": PALETTE["neutral"], "width": 3},
            "hovertext": hover(text(lang, "cash.chart.running"), running),
            "hoverinfo": "text",
        },
    ]
    layout: dict[str, Any] = {
        "title": {"text": text(lang, "cash.chart.title")},
        "separators": plotly_separators(lang),
        "barmode": "relative",
        "xaxis": {
            "title": {"text": text(lang, "cash.chart.axis_month")},
            "dtick": 6 if len(numbers) <= 60 else 12,
            "gridcolor": "#eef1f3",
        },
        "plot_bgcolor": "white",
        "yaxis": {
            **money_axis(lang, text(lang, "cash.chart.axis_eur")),
            "zeroline": True,
            "zerolinecolor": PALETTE["zero"],
            "gridcolor": "#eef1f3",
        },
        "legend": {"orientation": "h", "y": -0.2},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
    }
    return figure(traces, layout)
