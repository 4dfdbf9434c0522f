"""The comparison chart: a pure function (results in, figure out), unit-tested."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from calculators.money.monte_carlo import Simulation
from ui.chart_template import figure
from ui.charts import PALETTE, money_axis, plotly_separators

__all__ = ["comparison_figure"]


def comparison_figure(
    names: Sequence[str], results: Sequence[Result], simulations: Sequence[Simulation], lang: Lang | str
) -> go.Figure:
    """One bar per scenario at its net present value (green when it pays, red when not), with a
    whisker from the simulation's P10 to its P90: the range of 8 out of 10 simulated cases."""
    npv = [result.npv_eur for result in results]
    p10 = [simulation.p10_eur for simulation in simulations]
    p90 = [simulation.p90_eur for simulation in simulations]
    hover = [
        text(lang, "compare.chart_hover", name=name, npv=money(value, lang), p10=money(low, lang),
             p90=money(high, lang))
        for name, value, low, high in zip(names, npv, p10, p90, strict=True)
    ]  # fmt: skip
    trace = {
        "type": "bar",
        "x": list(names),
        "y": npv,
        "marker": {"color": [PALETTE["good"] if value > 0 else PALETTE["bad"] for value in npv]},
        "error_y": {
            "type": "data",
            "symmetric": False,
            "array": [max(high - value, 0.0) for high, value in zip(p90, npv, strict=True)],
            "arrayminus": [max(value - low, 0.0) for low, value in zip(p10, npv, strict=True)],
            "color": PALETTE["neutral"],
        },
        "text": [money(value, lang) for value in npv],
        "textposition": "outside",
        "hovertext": hover,
        "hoverinfo": "text",
    }
    layout = {
        "title": {"text": text(lang, "compare.chart_title")},
        "separators": plotly_separators(lang),
        "yaxis": {
            **money_axis(lang, text(lang, "compare.chart_y")),
            "zeroline": True,
            "zerolinecolor": PALETTE["zero"],
        },
        "xaxis": {"automargin": True, "type": "category"},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "height": 380,
        "plot_bgcolor": "white",
        "showlegend": False,
    }
    return figure([trace], layout)
