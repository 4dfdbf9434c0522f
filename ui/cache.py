"""Session-scoped caches around the calculators: an unchanged scenario is never computed twice.

``scope="session"`` keeps one user's numbers out of every other session and drops them when
the session ends (nothing about a user outlives their tab).
"""

from __future__ import annotations

import streamlit as st

from calculators.break_even import Threshold, thresholds
from calculators.dead_end import DeadEndComparison, compare_options
from calculators.evaluate import Result, evaluate
from calculators.scenario import Scenario

__all__ = ["cached_dead_end", "cached_evaluate", "cached_thresholds"]


@st.cache_data(scope="session", max_entries=64, show_spinner=False)
def cached_evaluate(scenario: Scenario) -> Result:
    """:func:`calculators.evaluate` for this session."""
    return evaluate(scenario)


@st.cache_data(scope="session", max_entries=64, show_spinner=False)
def cached_thresholds(scenario: Scenario) -> tuple[Threshold, ...]:
    """:func:`calculators.break_even.thresholds` for this session."""
    return thresholds(scenario)


@st.cache_data(scope="session", max_entries=64, show_spinner=False)
def cached_dead_end(scenario: Scenario) -> DeadEndComparison:
    """:func:`calculators.dead_end.compare_options` for this session."""
    return compare_options(scenario)
