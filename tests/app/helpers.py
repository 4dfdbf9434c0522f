"""Small helpers for driving the wizard in AppTest."""

from __future__ import annotations

from collections.abc import Iterator

from streamlit.testing.v1 import AppTest

from calculators.i18n import Lang, text
from ui.form.steps import RESULTS_TABS, STEPS
from ui.session import tabs_key


def goto(at: AppTest, step_id: str) -> AppTest:
    """Click Next (or Back) until the wizard shows ``step_id``."""
    target = next(index for index, step in enumerate(STEPS) if step.id == step_id)
    for _ in range(len(STEPS)):
        current = int(at.session_state["wizard_step"])
        if current == target:
            break
        at.button(key="nav_next" if current < target else "nav_back").click().run()
        assert not at.exception, at.exception
    assert int(at.session_state["wizard_step"]) == target
    return at


def set_number(at: AppTest, key: str, value: float) -> AppTest:
    """Type a number into a field on the current step and rerun."""
    at.number_input(key=key).set_value(value).run()
    assert not at.exception, at.exception
    return at


def open_results_tab(at: AppTest, section: str, lang: str = "nl") -> AppTest:
    """Open the results' tab ``section`` (an id of ui.results.step.results_sections) and rerun.

    Only the open tab is drawn; this is what a click on its label does (the tabs track their state).
    """
    at.session_state[tabs_key(RESULTS_TABS, Lang(lang))] = text(lang, f"results.tabs.{section}")
    at.run()
    assert not at.exception, at.exception
    return at


# every tab the results page can have, in its order (ui.results.step.results_sections)
RESULTS_SECTIONS = (
    "dead_end",
    "over_time",
    "doubts",
    "money",
    "cash",
    "uncertainty",
    "assumptions",
    "save",
    "report",
)


def each_results_tab(at: AppTest, lang: str = "nl") -> Iterator[str]:
    """Open every tab the results page has, in turn, yielding each one's id once it is drawn."""
    labels = {tab.label for tab in at.tabs}
    for section in RESULTS_SECTIONS:
        if text(lang, f"results.tabs.{section}") in labels:
            open_results_tab(at, section, lang)
            yield section
