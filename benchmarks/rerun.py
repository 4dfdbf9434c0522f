"""Script rerun time of every wizard step, against a trivial one-widget app in the same run.

A rerun is what a user waits for after touching the page. Two kinds are measured per step:
*same inputs* (a click that changes no number: everything computed comes from the session's
memory) and *new input* (a new salary every rerun: the scenario is recomputed, as when typing).
Target (issue 4): each page's median within 3× the trivial app's median. AppTest runs the real
script in-process, without a browser, so these are server-side times.

Each page is also measured against its *floor* (benchmarks/rerun_floor.py): a generated script with
the same elements, fixed content and a session state as large as the page's. Page ÷ floor is the
cost of our own logic; floor ÷ trivial is what Streamlit needs to draw that many elements and keep
that much state, which no app logic can go below.

The page, the trivial app and the floor take turns (one run each, over and over), and each ratio
is against the trivial app's median from the same turns: on a shared machine the speed drifts
within a minute by more than the differences measured here.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.rerun_floor import element_counts, floor_script, state_size
from calculators.i18n import Lang, text
from ui.form.steps import RESULTS_TABS, STEPS
from ui.lazy import tabs_key

APP = Path(__file__).resolve().parent.parent / "app.py"
TRIVIAL = """
import streamlit as st
st.number_input("x", key="x")
"""
TARGET_RATIO = 3.0
SALARY_KEY = "in__employee__gross_monthly_salary_eur"
# the results' tabs besides the first (the arguments and the dead-end tab need ticked doubts or a
# dead-end outlook, which the default inputs do not have)
RESULT_TABS = ("money", "cash", "uncertainty", "assumptions", "save", "report")


@dataclass(frozen=True)
class Timing:
    """Medians of one page's reruns, and their ratios to the trivial app."""

    name: str
    same_ms: float
    new_ms: float
    same_ratio: float
    new_ratio: float
    floor_ms: float = 0.0  # the same elements with fixed content and no logic
    base_ms: float = 0.0  # the trivial app, measured in turns with this page


def _timed_ms(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(f"the app raised: {at.exception[0].message}")
    return elapsed


def _interleaved(pages: list[AppTest], runs: int, *, new_input: bool) -> list[float]:
    """Median rerun times of the given apps, taken in turns (one run of each, ``runs`` times over).

    Taking turns keeps a page and its baselines on the same machine state: on a shared machine the
    speed drifts within a minute by more than the differences measured here.
    """
    samples: list[list[float]] = [[] for _ in pages]
    for index in range(runs):
        for at, times in zip(pages, samples, strict=True):
            if new_input and at is pages[0]:
                at.session_state[SALARY_KEY] = 2800.0 + index  # a value this session has not seen
            times.append(_timed_ms(at))
    return [statistics.median(times) for times in samples]


def _page(step: int, tab: str | None = None) -> AppTest:
    """The app on wizard step ``step`` (default inputs), with the results' tab ``tab`` open."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["wizard_step"] = step
    if tab is not None:
        at.session_state[tabs_key(RESULTS_TABS, Lang.NL)] = text(Lang.NL, f"results.tabs.{tab}")
    at.run()
    return at


def _pages() -> list[tuple[str, int, str | None]]:
    """Every step, then the results page with each of its other tabs open (only the open tab is drawn,
    so each tab is a page of its own as far as rerun time goes)."""
    steps: list[tuple[str, int, str | None]] = [
        (f"step {index}: {step.id}", index, None) for index, step in enumerate(STEPS)
    ]
    last = len(STEPS) - 1
    return steps + [(f"  results tab: {tab}", last, tab) for tab in RESULT_TABS]


def measure(runs: int = 25) -> list[Timing]:
    """Medians per page, each beside the trivial app and the page's floor measured in turns with it."""
    trivial = AppTest.from_string(TRIVIAL, default_timeout=30)
    trivial.run()
    timings = []
    bases = []
    for name, step, tab in _pages():
        at = _page(step, tab)
        floor = AppTest.from_string(floor_script(element_counts(at), state_size(at)), default_timeout=60)
        floor.run()
        same, base, floor_ms = _interleaved([at, trivial, floor], runs, new_input=False)
        new, base_new, _ = _interleaved([at, trivial, floor], runs, new_input=True)
        bases += [base, base_new]
        timings.append(Timing(name, same, new, same / base, new / base_new, floor_ms, base))
    base = statistics.median(bases)
    return [Timing("trivial one-widget app", base, base, 1.0, 1.0, base, base), *timings]


def report(timings: list[Timing]) -> str:
    """A plain table: each page's medians and ratios against the trivial app measured in turns with it."""
    header = (
        f"{'page':<26}{'same ms':>9}{'ratio':>8}{'new ms':>9}{'ratio':>8}   target <= {TARGET_RATIO:.0f}"
        f"{'trivial':>9}{'floor ms':>10}{'floor/triv':>11}{'same/floor':>11}"
    )
    lines = [header]
    for item in timings:
        verdict = "    "
        if not item.name.startswith("trivial"):
            verdict = "ok  " if max(item.same_ratio, item.new_ratio) <= TARGET_RATIO else "OVER"
        figures = f"{item.same_ms:>9.1f}{item.same_ratio:>7.2f}x{item.new_ms:>9.1f}{item.new_ratio:>7.2f}x"
        floor = (
            f"{item.base_ms:>9.1f}{item.floor_ms:>10.1f}{item.floor_ms / item.base_ms:>10.2f}x"
            f"{item.same_ms / item.floor_ms:>10.2f}x"
        )
        lines.append(f"{item.name:<26}{figures}   {verdict}     {floor}")
    return "\n".join(lines)
