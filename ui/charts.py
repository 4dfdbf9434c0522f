"""Plotly figures built from results: pure functions (result in, figure out), unit-tested.

Money on the axes and in hover texts is formatted in Python or with the language's separators,
so Dutch readers see € 1.234 and English readers €1,234.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from calculators.dead_end.results import COMPONENTS, DeadEndComparison
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from ui.chart_template import figure

__all__ = [
    "PALETTE",
    "benefit_build_up_figure",
    "cost_breakdown_figure",
    "cumulative_cash_flow_figure",
    "dead_end_options_figure",
    "money_axis",
    "plotly_separators",
]

PALETTE = {"line": "#1f6f5c", "good": "#1f6f5c", "bad": "#b3261e", "neutral": "#5f6b73", "zero": "#9aa5ad"}


def plotly_separators(lang: Lang | str) -> str:
    """Plotly's decimal and thousands separators for a language.

    >>> plotly_separators("nl"), plotly_separators("en")
    (',.', '.,')
    """
    return ",." if Lang(lang) is Lang.NL else ".,"


def money_axis(lang: Lang | str, title: str | None = None) -> dict[str, Any]:
    """A plotly axis for euros in the language's notation (€ 1.234 / €1,234), with an optional title."""
    axis: dict[str, Any] = {
        "tickprefix": "€\u00a0" if Lang(lang) is Lang.NL else "€",
        "tickformat": ",.0f",
        "automargin": True,
        "gridcolor": "#eef1f3",
    }
    if title:
        axis["title"] = {"text": title}
    return axis


def cumulative_cash_flow_figure(result: Result, lang: Lang | str) -> go.Figure:
    """Cumulative discounted net result per month, with the payback month and the worst case marked.

    Built as one dict and validated once: plotly's add_hline/update_layout calls cost 15 ms here.
    """
    months = [row.month for row in result.months]
    cumulative = [row.cumulative_discounted_net for row in result.months]
    hover = [
        text(lang, "chart.hover", month=m, value=money(v, lang))
        for m, v in zip(months, cumulative, strict=True)
    ]
    worst = text(lang, "chart.worst_marker", value=money(result.worst_case_eur, lang))
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": months,
            "y": cumulative,
            "mode": "lines",
            "name": text(lang, "chart.expected_line"),
            "line": {"color": PALETTE["line"], "width": 3},
            "hovertext": hover,
            "hoverinfo": "text",
        },
        {
            "type": "scatter",
            "x": [result.training_end_month],
            "y": [result.worst_case_eur],
            "mode": "markers",
            "name": worst,
            "marker": {"color": PALETTE["bad"], "size": 11, "symbol": "x"},
            "hovertext": [worst],
            "hoverinfo": "text",
        },
    ]
    if result.payback_month is not None:
        row = result.months[result.payback_month - 1]
        label = text(lang, "chart.payback_marker", month=row.month)
        traces.append(
            {
                "type": "scatter",
                "x": [row.month],
                "y": [row.cumulative_discounted_net],
                "mode": "markers",
                "name": label,
                "marker": {"color": PALETTE["good"], "size": 13, "line": {"color": "white", "width": 2}},
                "hovertext": [label],
                "hoverinfo": "text",
            }
        )
    layout: dict[str, Any] = {
        "title": {"text": text(lang, "chart.cumulative_title")},
        "separators": plotly_separators(lang),
        "xaxis": {
            "title": {"text": text(lang, "chart.month_axis")},
            "dtick": 6 if result.horizon_months <= 60 else 12,
            "range": [0.5, result.horizon_months + 0.5],
            "zeroline": False,
            "gridcolor": "#eef1f3",
        },
        "yaxis": {**money_axis(lang, text(lang, "chart.euro_axis")), "zeroline": False},
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": 0,
                "y1": 0,
                "line": {"color": PALETTE["zero"], "width": 1},
            },
            {
                "type": "line",
                "yref": "paper",
                "x0": result.training_end_month,
                "x1": result.training_end_month,
                "y0": 0,
                "y1": 1,
                "line": {"color": PALETTE["neutral"], "width": 1, "dash": "dot"},
            },
        ],
        "annotations": [
            {
                "x": result.training_end_month,
                "yref": "paper",
                "y": 0,
                "text": text(lang, "chart.training_end"),
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
            },
        ],
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
        "margin": {"l": 10, "r": 20, "t": 50, "b": 10},
        "height": 420,
        "plot_bgcolor": "white",
        "hovermode": "closest",
    }
    return figure(traces, layout)


_COMPONENT_COLOURS = {
    "employment": "#5f6b73",
    "sickness": "#c77c02",
    "training": "#3b6ea8",
    "procedure": "#8a5a9e",
    "transition_payment": "#b3261e",
    "settlement": "#7a1f1a",
    "hiring_avoided": "#6aa84f",
}


def dead_end_options_figure(comparison: DeadEndComparison, lang: Lang | str) -> go.Figure:
    """The available options side by side: each cost component stacked (savings below zero), net cost
    marked. An option without a lawful route or the job it needs is left out, as in the answer."""
    options = [item for item in comparison.options if item.available]
    names = [text(lang, f"dead_end.options.{item.option.value}") for item in options]
    # wages and the value of the work are large and nearly cancel: shown as one bar, their difference
    shown = ("employment", *(name for name in COMPONENTS if name not in {"wages", "output"}))
    traces: list[dict[str, Any]] = []
    for component in shown:
        values = [
            item.components["wages"] + item.components["output"]
            if component == "employment"
            else item.components[component]
            for item in options
        ]
        if not any(abs(value) >= 0.5 for value in values):
            continue
        label = text(lang, f"dead_end.components.{component}")
        traces.append(
            {
                "type": "bar",
                "y": names,
                "x": values,
                "orientation": "h",
                "name": label,
                "marker": {"color": _COMPONENT_COLOURS[component]},
                "hovertext": [f"{label}: {money(value, lang)}" for value in values],
                "hoverinfo": "text",
            }
        )
    net_label = text(lang, "dead_end.chart_net")
    traces.append(
        {
            "type": "scatter",
            "y": names,
            "x": [item.net_cost_eur for item in options],
            "mode": "markers",
            "name": net_label,
            "marker": {
                "color": "black",
                "size": 13,
                "symbol": "diamond",
                "line": {"color": "white", "width": 2},
            },
            "hovertext": [f"{net_label}: {money(item.net_cost_eur, lang)}" for item in options],
            "hoverinfo": "text",
        }
    )
    layout = {
        "title": {"text": text(lang, "dead_end.chart_title")},
        "barmode": "relative",
        "separators": plotly_separators(lang),
        "xaxis": {
            **money_axis(lang, text(lang, "dead_end.chart_axis")),
            "zerolinecolor": "#5f6b73",
            "zerolinewidth": 2,
        },
        "yaxis": {"autorange": "reversed", "automargin": True},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
        "margin": {"l": 10, "r": 20, "t": 50, "b": 10},
        "height": 460,
        "plot_bgcolor": "white",
    }
    return figure(traces, layout)


def cost_breakdown_figure(result: Result, lang: Lang | str) -> go.Figure:
    """What the training really costs (present values): fees, materials, travel, hours, lost output,
    minus subsidies, as a waterfall ending in the net cost."""
    b = result.breakdown
    steps = [
        ("course_fees", b.course_fees),
        ("materials_exam", b.materials_exam),
        ("travel", b.travel),
        ("wage_cost", b.wage_cost),
        ("lost_output", b.lost_output),
        ("subsidy", -b.subsidy),
    ]
    shown = [
        (name, value) for name, value in steps if abs(value) >= 0.5 or name in {"course_fees", "wage_cost"}
    ]
    labels = [text(lang, f"chart.cost_{name}") for name, _ in shown] + [text(lang, "chart.cost_total")]
    values = [value for _, value in shown]
    bars = [*values, b.training_net]  # the result's own figure, not a second sum of the drawn steps
    trace = {
        "type": "waterfall",
        "x": labels,
        "y": bars,
        "measure": ["relative"] * len(values) + ["total"],
        "text": [money(value, lang) for value in bars],
        "textposition": "outside",
        "hovertext": [f"{label}: {money(value, lang)}" for label, value in zip(labels, bars, strict=True)],
        "hoverinfo": "text",
        "increasing": {"marker": {"color": PALETTE["bad"]}},
        "decreasing": {"marker": {"color": PALETTE["good"]}},
        "totals": {"marker": {"color": PALETTE["neutral"]}},
        "connector": {"line": {"color": PALETTE["zero"]}},
    }
    layout = {
        "title": {"text": text(lang, "chart.cost_title")},
        "separators": plotly_separators(lang),
        "yaxis": {**money_axis(lang), "rangemode": "tozero"},
        "xaxis": {"automargin": True},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "height": 380,
        "plot_bgcolor": "white",
        "showlegend": False,
    }
    return figure([trace], layout)


_BENEFIT_LINES = (
    ("productivity", "#1f6f5c"),
    ("other_benefit", "#6aa84f"),
    ("new_work", "#0b8a8a"),
    ("vacancy", "#3b6ea8"),
    ("replacement_saving", "#c77c02"),
    ("clause_recovery", "#8a5a9e"),
)


def benefit_build_up_figure(result: Result, lang: Lang | str) -> go.Figure:
    """Expected benefits per month (weighted by the chance the employee stays): ramp-up, decay, one-offs."""
    months = [row.month for row in result.months]
    series = {
        "productivity": [row.productivity for row in result.months],
        "other_benefit": [row.other_benefit for row in result.months],
        "new_work": [row.new_work for row in result.months],
        "vacancy": [row.vacancy for row in result.months],
        "replacement_saving": [row.replacement_saving for row in result.months],
        "clause_recovery": [row.clause_recovery for row in result.months],
    }
    traces = []
    for name, colour in _BENEFIT_LINES:
        values = series[name]
        if not any(value >= 0.005 for value in values):
            continue
        traces.append(
            {
                "type": "bar",
                "x": months,
                "y": values,
                "name": text(lang, f"chart.benefit_{name}"),
                "marker": {"color": colour},
                "hovertext": [
                    text(lang, "chart.hover", month=m, value=money(v, lang))
                    for m, v in zip(months, values, strict=True)
                ],
                "hoverinfo": "text+name",
            }
        )
    layout = {
        "title": {"text": text(lang, "chart.benefit_title")},
        "barmode": "stack",
        "separators": plotly_separators(lang),
        "xaxis": {
            "title": {"text": text(lang, "chart.month_axis")},
            "dtick": 6 if result.horizon_months <= 60 else 12,
        },
        "yaxis": money_axis(lang),
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "height": 380,
        "plot_bgcolor": "white",
    }
    return figure(traces, layout)
