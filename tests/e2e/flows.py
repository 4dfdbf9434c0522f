"""The wizard's flows in the browser, step by step: shared by the flow, privacy and isolation tests.

:func:`owner_steps` is a generator: it stops on every step once that step's inputs are filled in,
so a test can look at the page (axe, screenshots, privacy checks) or interleave two sessions, and
it moves on with the real Next button when resumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from calculators import scenario_from_dict
from calculators.i18n import Lang, text
from calculators.scenario.model import Scenario
from tests.e2e.helpers import by_key, open_app, set_viewport_tall, wait_for_app_idle, wait_for_plots_drawn
from ui.form.steps import RESULTS_TABS, STEPS, Step
from ui.session import tabs_key

__all__ = [
    "OwnerCase",
    "amount_pattern",
    "choose",
    "dead_end_to_results",
    "metric",
    "next_step",
    "open_in",
    "open_results_tab",
    "owner_steps",
    "results_tab_bar",
    "type_into",
    "wait_for_charts",
]


@dataclass(frozen=True)
class OwnerCase:
    """What an owner types in the flow; everything else stays at its default."""

    name: str = "Sanne"
    salary_eur: int = 3300
    course_fees_eur: int = 750
    productivity_gain_pct: int = 3
    doubt: str = "W4"

    @property
    def amounts(self) -> list[int]:
        """The amounts typed, in euros."""
        return [self.salary_eur, self.course_fees_eur]

    def scenario(self) -> Scenario:
        """The same case built directly, to compute the expected answer with the calculators."""
        return scenario_from_dict(
            {
                "doubts": [self.doubt],
                "employee": {"label": self.name, "gross_monthly_salary_eur": self.salary_eur},
                "training": {"course_fees_eur": self.course_fees_eur},
                # the page asks for a percentage, the model takes a fraction: 3 % → 0.03
                "benefits": {"productivity_gain": self.productivity_gain_pct / 100},
            }
        )

    def fill(self, page: Page, lang: Lang | str, step_id: str) -> None:
        """Type this case's inputs on one step (nothing on steps without them)."""
        if step_id == "employee":
            type_into(page, "in__employee__label", self.name)
            type_into(page, "in__employee__gross_monthly_salary_eur", str(self.salary_eur))
        elif step_id == "training":
            type_into(page, "in__training__course_fees_eur", str(self.course_fees_eur))
        elif step_id == "yields":
            type_into(page, "in__benefits__productivity_gain", str(self.productivity_gain_pct))
        elif step_id == "doubts":
            page.get_by_text(text(lang, f"choices.doubts.{self.doubt}"), exact=True).click()
            wait_for_app_idle(page)


def amount_pattern(value: int) -> re.Pattern[str]:
    """A whole amount as either language may print it, not as part of a longer number.

    >>> [bool(amount_pattern(3917).search(s)) for s in ("€ 3.917,00", "3,917", "3917", "13917", "1.3917")]
    [True, True, True, False, False]
    """
    digits = str(value)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return re.compile(r"(?<![\d.,])" + r"[.,\s\u00a0\u202f]?".join(groups) + r"(?!\d)")


def type_into(page: Page, key: str, value: str) -> None:
    """Type into the text or number field with widget key ``key`` and commit it with Enter."""
    field = by_key(page, key).locator("input")
    field.fill(value)
    field.press("Enter")
    wait_for_app_idle(page)


def next_step(page: Page) -> None:
    """Click the wizard's Next button."""
    by_key(page, "nav_next").locator("button").click()
    wait_for_app_idle(page)


def choose(page: Page, key: str, option: str) -> None:
    """Pick ``option`` in the select box with widget key ``key``."""
    by_key(page, key).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app_idle(page)


def metric(page: Page, lang: Lang | str, name: str) -> str:
    """The shown value of the results metric ``results.<name>_label``."""
    label = text(lang, f"results.{name}_label")
    card = page.get_by_test_id("stMetric").filter(has_text=label)
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def wait_for_charts(page: Page) -> None:
    """Wait until plotly has drawn the first chart."""
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="visible", timeout=30_000)
    wait_for_plots_drawn(page)


def results_tab_bar(page: Page, lang: Lang | str) -> Locator:
    """The results' own tab bar (the open tab may hold a nested one that uses the same words)."""
    return by_key(page, tabs_key(RESULTS_TABS, Lang(lang))).get_by_role("tablist").first


def open_results_tab(page: Page, lang: Lang | str, section_id: str) -> None:
    """Open the results step's tab ``section_id`` (one of ui.results.step.results_sections' ids).

    Only the open tab is drawn, so this is a rerun: it waits until that is done and the tab shows
    as the selected one.
    """
    tab = results_tab_bar(page, lang).get_by_role(
        "tab", name=text(lang, f"results.tabs.{section_id}"), exact=True
    )
    tab.click()
    wait_for_app_idle(page)
    expect(tab).to_have_attribute("aria-selected", "true")


def open_in(page: Page, url: str, lang: Lang | str) -> None:
    """Open the app in a tall window (every field and option in view) and switch to ``lang``."""
    set_viewport_tall(page)
    open_app(page, url)
    if Lang(lang) is Lang.EN:
        page.get_by_text("English", exact=True).click()
        wait_for_app_idle(page)


def owner_steps(page: Page, lang: Lang | str, case: OwnerCase | None) -> Iterator[Step]:
    """Walk the wizard from the current (start) step to the results; yield on every step.

    The case's inputs are typed before each yield (``None``: type nothing, e.g. after opening a
    saved case); on the results step the charts are drawn before it is yielded.
    """
    for index, step in enumerate(STEPS):
        expect(page.get_by_role("heading", name=text(lang, f"wizard.steps.{step.id}"))).to_be_visible()
        if case is not None:
            case.fill(page, lang, step.id)
        if step.id == "results":
            wait_for_charts(page)
        yield step
        if index < len(STEPS) - 1:
            next_step(page)


def dead_end_to_results(page: Page, lang: Lang | str) -> None:
    """From the start step: a dead-end role and an external course, everything else at its default."""
    next_step(page)
    next_step(page)
    choose(page, f"in__employee__role_outlook__{lang}", text(lang, "choices.employee.role_outlook.dead_end"))
    next_step(page)
    choose(page, f"in__training__kind__{lang}", text(lang, "choices.training.kind.external_job"))
    for _ in range(3):
        next_step(page)
    wait_for_charts(page)
