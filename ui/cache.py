"""Per-session memory of what was computed, so an unchanged scenario is never computed twice.

Results, figures and tables are kept in the user's own session state (never in a cache shared
between sessions, never on disk) and dropped with the session. Keys are the scenario itself
(a frozen, hashable dataclass) and the language; only the few latest entries are kept. Unlike
``st.cache_data`` nothing is pickled, which matters for plotly figures (building one costs
5–20 ms, unpickling one 10 ms).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

import streamlit as st

from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison
from calculators.money.break_even import Threshold, thresholds
from calculators.money.evaluate import Result, evaluate
from calculators.scenario.model import Scenario
from ui import session

__all__ = ["cached_dead_end", "cached_evaluate", "cached_thresholds", "session_memo"]

_T = TypeVar("_T")
_KEEP = 8  # per kind: enough for going back and forth between a few variants


def session_memo(kind: str, key: Hashable, build: Callable[[], _T]) -> _T:
    """``build()`` once per ``(kind, key)`` in this session; the latest few are remembered."""
    stores = session.memo_stores(st.session_state)
    store: OrderedDict[Hashable, Any] = stores.setdefault(kind, OrderedDict())
    if key in store:
        store.move_to_end(key)
        return cast(_T, store[key])
    value = build()
    store[key] = value
    while len(store) > _KEEP:
        store.popitem(last=False)
    return value


def cached_evaluate(scenario: Scenario) -> Result:
    """:func:`calculators.money.evaluate` for this session."""
    return session_memo("evaluate", scenario, lambda: evaluate(scenario))


def cached_thresholds(scenario: Scenario) -> tuple[Threshold, ...]:
    """:func:`calculators.money.break_even.thresholds` for this session."""
    return session_memo("thresholds", scenario, lambda: thresholds(scenario))


def cached_dead_end(scenario: Scenario) -> DeadEndComparison:
    """:func:`calculators.dead_end.compare.compare_options` for this session."""
    return session_memo("dead_end", scenario, lambda: compare_options(scenario))
