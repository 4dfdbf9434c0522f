"""A lean plotly template: plotly's default look, only the parts our charts use.

Plotly's default template ("plotly") carries defaults for every trace type and every kind of axis
(maps, 3D scenes, polar plots, colour scales): about 6.5 kB of each figure's 9.6 kB. Streamlit
copies and serialises a figure on every rerun that shows it, so that template cost about 1 ms per
chart per rerun. This template is cut from plotly's own, so the charts look the same: the layout
keys our charts rely on, and the defaults of the trace types they draw.

It is registered as plotly's default template when this module is imported (every chart module
builds its figures through :func:`figure`, so it is always imported first). Passing a template
object to each figure instead costs more than it saves: plotly validates it again every time,
while the default is validated once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["LEAN_TEMPLATE", "TEMPLATE_NAME", "TRACE_TYPES", "figure"]

TRACE_TYPES = ("bar", "scatter", "waterfall")
_LAYOUT_KEYS = (
    "annotationdefaults",
    "autotypenumbers",
    "colorway",
    "font",
    "hoverlabel",
    "hovermode",
    "paper_bgcolor",
    "plot_bgcolor",
    "shapedefaults",
    "title",
    "xaxis",
    "yaxis",
)


def _lean() -> go.layout.Template:
    full = pio.templates["plotly"].to_plotly_json()
    layout = {key: full["layout"][key] for key in _LAYOUT_KEYS if key in full["layout"]}
    data = {kind: full["data"][kind] for kind in TRACE_TYPES if kind in full["data"]}
    return go.layout.Template(layout=layout, data=data)


LEAN_TEMPLATE = _lean()
TEMPLATE_NAME = "leerwinst"
pio.templates[TEMPLATE_NAME] = LEAN_TEMPLATE
pio.templates.default = TEMPLATE_NAME


def figure(data: Sequence[Any], layout: dict[str, Any]) -> go.Figure:
    """A figure on the lean template (every trace must be one of ``TRACE_TYPES``)."""
    return go.Figure(data=data, layout=layout)
