"""Shared pytest setup for every test: clean Streamlit caches and Hypothesis profiles."""

import os
from collections.abc import Iterator

import pytest
import streamlit as st
from hypothesis import settings

# "dev" keeps the local loop quick and draws new examples every run (it keeps finding new cases);
# "ci" (chosen when CI is set, as .ci/run's environment does) searches harder with a fixed seed, so
# a red CI means a change broke something, not that this run drew an unlucky example. A case found
# locally becomes an @example or a plain test. No deadline anywhere: timing on a busy 2-core CI box
# says nothing about correctness.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """Start every test with empty caches.

    st.cache_data / st.cache_resource are process-wide, so results cached by one AppTest run
    would otherwise leak into the next test and hide bugs.
    """
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
