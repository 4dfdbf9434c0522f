"""The floor under a page's rerun time: the same Streamlit elements with fixed content and no logic.

For each wizard page the real page is run once in AppTest and its elements are counted by type; a
script is then generated that draws exactly that many elements of each type (number inputs with help
texts, select boxes, metrics, the same plotly figures, a table of the same size, ...) with a session
state of the same number of keys, and nothing else. Its rerun time is what Streamlit itself needs
to draw the page; the page's own time divided by it is the cost of our logic (reading the form,
validating, choosing texts, memo lookups).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from streamlit.testing.v1 import AppTest

__all__ = ["element_counts", "floor_script", "state_size"]

_HELP = (
    "A help text of a realistic length: what the field means, its unit and allowed range, and the default."
)

# element type (as AppTest names it) -> one line of script drawing such an element; {i} is its index
_LINES = {
    "markdown": 'st.markdown("A sentence of plain text, about as long as the app\'s sentences are.")',
    "header": 'st.header("A step title")',
    "subheader": 'st.subheader("A section title")',
    "caption": 'st.caption("A caption with a source: Author (2024), Publisher.")',
    "divider": "st.divider()",
    "progress": "st.progress(0.5)",
    "warning": 'st.warning("A warning of one sentence.")',
    "button": 'st.button("Button", key="b{i}")',
    "download_button": 'st.download_button("Download", data="{{}}", key="d{i}", on_click="ignore")',
    "button_group": 'st.segmented_control("Choice", ["one", "two"], default="one", key="g{i}")',
    "file_uploader": 'st.file_uploader("File", type=["json"], key="f{i}")',
    "number_input": 'st.number_input("Number", 0.0, 1e6, 1.0, help=HELP, key="n{i}")',
    "text_input": 'st.text_input("Text", max_chars=40, help=HELP, key="t{i}")',
    "selectbox": 'st.selectbox("Select", ["one", "two", "three", "four"], help=HELP, key="s{i}")',
    "toggle": 'st.toggle("Toggle", help=HELP, key="o{i}")',
    "checkbox": 'st.checkbox("Check", help=HELP, key="c{i}")',
    "metric": 'st.metric("Figure", "€ 1.234", help=HELP)',
    "table": "st.table(TABLE, hide_index=True)",
    "plotly_chart": 'st.plotly_chart(FIGURES[{i} % len(FIGURES)], key="p{i}", theme=None)',
}
_IGNORED = {"column", "sidebar", "event", "expandable", "vertical", "horizontal", "tab"}


def _walk(node: Any, counts: Counter[str]) -> None:
    children = getattr(node, "children", None)
    if children:
        for child in children.values():
            _walk(child, counts)
    else:
        counts[str(getattr(node, "type", ""))] += 1


def element_counts(at: AppTest) -> Counter[str]:
    """How many elements of each drawable type the page has (layout containers left out)."""
    counts: Counter[str] = Counter()
    _walk(at._tree, counts)
    return Counter({kind: n for kind, n in counts.items() if kind in _LINES})


def state_size(at: AppTest) -> int:
    """How many keys the page's session state holds (every input of every step persists in it)."""
    return len(at.session_state)


def floor_script(counts: Counter[str], state_keys: int = 0) -> str:
    """A script that draws the same elements with fixed content (figures built once per process),
    with a session state of ``state_keys`` keys in all (the keyed widgets' own, plus plain values).

    The state's size matters: Streamlit walks the whole session state for every number, text and
    select input it draws, and once more before each run.
    """
    lines = [
        "import streamlit as st",
        "from benchmarks.rerun_floor import HELP, figures, table",
        "FIGURES, TABLE = figures(), table()",
    ]
    keyed = 0
    for kind, count in sorted(counts.items()):
        lines.extend(_LINES[kind].format(i=index) for index in range(count))
        keyed += count if "key=" in _LINES[kind] else 0
    if state_keys > keyed:
        lines += [f"for i in range({state_keys - keyed}):", '    st.session_state.setdefault(f"v{i}", 1.0)']
    return "\n".join(lines).replace("help=HELP", f"help={_HELP!r}")


HELP = _HELP


@lru_cache(maxsize=1)
def figures() -> list[Any]:
    """The results page's six figures for the default scenario (the same size as the page's)."""
    from calculators.money.evaluate import evaluate
    from calculators.money.monte_carlo import default_ranges, simulate, tornado
    from calculators.scenario.io import default_scenario
    from ui.charts import benefit_build_up_figure, cost_breakdown_figure, cumulative_cash_flow_figure
    from ui.uncertainty.charts import fan_figure, npv_histogram_figure, tornado_figure

    scenario = default_scenario()
    result = evaluate(scenario)
    simulation = simulate(scenario)
    return [
        cumulative_cash_flow_figure(result, "nl"),
        cost_breakdown_figure(result, "nl"),
        benefit_build_up_figure(result, "nl"),
        npv_histogram_figure(simulation, "nl"),
        fan_figure(simulation, "nl"),
        tornado_figure(tornado(scenario, default_ranges(scenario)), "nl"),
    ]


@lru_cache(maxsize=1)
def table() -> Any:
    """A table the size of the assumptions table (40 rows, 5 columns of text)."""
    import pandas as pd

    return pd.DataFrame(
        {f"column {c}": [f"value {r}, with a source (2024)" for r in range(40)] for c in range(5)}
    )
