"""Drawing a plotly chart on the page: one config for every chart, each figure built once per session."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import streamlit as st
from plotly.graph_objects import Figure

from ui.cache import session_memo

__all__ = ["PLOTLY_CONFIG", "show_chart"]

# no plotly logo link (a third-party host) and no selection tools nobody needs
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def show_chart(name: str, memo_key: Hashable, build: Callable[[], Figure]) -> None:
    """Chart ``name`` (element key ``chart_<name>``), built once per ``memo_key`` in this session."""
    figure = session_memo(f"figure_{name}", memo_key, build)
    st.plotly_chart(figure, key=f"chart_{name}", config=PLOTLY_CONFIG, theme=None)
