"""Shared pytest setup for every test: clean Streamlit caches, Hypothesis profiles, and one scan
of the installed packages for Streamlit components per test process."""

import functools
import os
from collections.abc import Iterator

import pytest
import streamlit as st
from hypothesis import settings
from streamlit.components.v2 import manifest_scanner

# Every new AppTest has Streamlit scan the metadata of every installed package for (v2) components,
# about 40 ms each time in this virtualenv: a tenth of the CPU time of the tests without a browser.
# The installed packages do not change while the tests run, so each test process scans once. (The
# app registers no components of its own; the scan still runs, once, as in production.)
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)

# "dev" draws new examples every run, so local runs keep finding new cases; "ci" (chosen when CI is
# set, as CI environments do) draws the same number with a fixed seed, so a red CI means a change
# broke something, not that this run drew an unlucky example; "deep" (`make test-deep`) searches ten
# times harder with the same fixed seed, for before a release or after a change to a refusal. A case
# found becomes an @example or a plain test. No deadline anywhere: timing on a busy 2-core CI box
# says nothing about correctness.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True)
settings.register_profile("deep", max_examples=200, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the browser tests first.

    Under --dist loadgroup (make test) xdist hands out each browser-test file as one group, largest
    first, and every other test on its own; this order puts the single-test browser files before
    the unit tests too. Run last, a browser test of 10-20 s could keep one worker busy long after
    the other ran out of work; first, the suite ends on small tests that share out evenly.
    """
    items.sort(key=lambda item: 0 if "e2e" in item.path.parts else 1)  # stable: order kept within


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """Start every test with empty caches.

    st.cache_data / st.cache_resource are process-wide, so results cached by one AppTest run
    would otherwise leak into the next test and hide bugs.
    """
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
