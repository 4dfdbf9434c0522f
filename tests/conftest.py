"""Shared pytest setup for every test: clean Streamlit caches and Hypothesis profiles."""

import os
from collections.abc import Iterator

import pytest
import streamlit as st
from hypothesis import settings

# "dev" keeps the local loop quick; "ci" (chosen when CI is set, as .ci/run's environment does) searches
# harder. No deadline anywhere: timing on a busy 2-core CI box says nothing about correctness.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=False)
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
