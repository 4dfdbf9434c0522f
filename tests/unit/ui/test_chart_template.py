"""The lean plotly template: plotly's own look for what our charts use, at a fraction of the size."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

from calculators import evaluate, scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.money.monte_carlo import simulate, tornado
from ui.chart_template import LEAN_TEMPLATE, TEMPLATE_NAME, TRACE_TYPES
from ui.charts import (
    benefit_build_up_figure,
    cost_breakdown_figure,
    cumulative_cash_flow_figure,
    dead_end_options_figure,
)
from ui.compare.charts import comparison_figure
from ui.team.chart import team_npv_figure
from ui.uncertainty.charts import fan_figure, npv_histogram_figure, tornado_figure

PLOTLY = pio.templates["plotly"].to_plotly_json()  # plotly's default, read independently


def _figures() -> list[tuple[str, object]]:
    scenario = scenario_from_dict({})
    dead_end = scenario_from_dict({"employee": {"role_outlook": "dead_end"}})
    result = evaluate(scenario)
    simulation = simulate(scenario, 500)
    bars = tornado(scenario)
    return [
        ("cumulative", cumulative_cash_flow_figure(result, "nl")),
        ("costs", cost_breakdown_figure(result, "nl")),
        ("benefits", benefit_build_up_figure(result, "nl")),
        ("dead_end", dead_end_options_figure(compare_options(dead_end), "nl")),
        ("histogram", npv_histogram_figure(simulation, "nl")),
        ("fan", fan_figure(simulation, "nl")),
        ("tornado", tornado_figure(bars, "nl")),
        ("compare", comparison_figure(["A", "B"], [result, result], [simulation, simulation], "nl")),
        ("team", team_npv_figure(["Sanne", "Ali"], [1200.0, -300.0], "nl")),
    ]


def test_layout_and_trace_defaults_are_plotlys_own() -> None:
    """Pins every key the lean template keeps to plotly's default template's value for that key."""
    lean = LEAN_TEMPLATE.to_plotly_json()
    assert lean["layout"], "the template keeps plotly's layout look"
    for key, value in lean["layout"].items():
        assert value == PLOTLY["layout"][key], key
    for kind, value in lean["data"].items():
        assert value == PLOTLY["data"][kind], kind
    assert pio.templates.default == TEMPLATE_NAME


FIGURES = _figures()


@pytest.mark.parametrize(("name", "figure"), FIGURES, ids=[name for name, _ in FIGURES])
def test_every_chart_uses_only_what_the_template_covers(name: str, figure: object) -> None:
    """Pins, for every chart the app draws, the lean template and trace types it has defaults for; and
    the figure's JSON is smaller than plotly's default template alone."""
    spec = json.loads(figure.to_json())  # type: ignore[attr-defined]
    assert spec["layout"]["template"] == json.loads(json.dumps(LEAN_TEMPLATE.to_plotly_json())), name
    assert {trace["type"] for trace in spec["data"]} <= set(TRACE_TYPES), name
    assert len(json.dumps(spec["layout"]["template"])) < len(json.dumps(PLOTLY)) / 4
