"""One scenario of the report with everything the calculators say about it, and the sources cited.

Pure: no Streamlit. ui/report/build.py computes a :class:`Case` per scenario once; the parts of the
report (ui/report/sections.py, ui/report/dead_end.py, ui/report/guide.py) are written from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from calculators.arguments import ChosenCard, select_cards
from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison
from calculators.i18n import Lang
from calculators.money.break_even import Threshold, thresholds
from calculators.money.evaluate import Result, evaluate
from calculators.money.monte_carlo import Simulation, TornadoBar, ranges_for, simulate, tornado
from calculators.scenario.model import RoleOutlook, Scenario
from calculators.sources import sources
from ui.report.document import SourceList
from ui.safe_text import LINE_BREAKS

__all__ = ["MAX_NAME_CHARS", "Case", "Sources", "compute_case", "one_line"]

MAX_NAME_CHARS = 80  # client and scenario names: the report shows at most this much of them


@dataclass(frozen=True, slots=True)
class Case:
    """One scenario with everything the calculators say about it."""

    name: str
    scenario: Scenario
    result: Result
    simulation: Simulation
    bars: tuple[TornadoBar, ...]
    found: tuple[Threshold, ...]
    dead_end: DeadEndComparison | None
    cards: tuple[ChosenCard, ...]


def one_line(value: str) -> str:
    """User text on one line, at most MAX_NAME_CHARS characters."""
    flat = " ".join(value.translate(LINE_BREAKS).split())
    return flat if len(flat) <= MAX_NAME_CHARS else flat[: MAX_NAME_CHARS - 1] + "…"


def compute_case(
    name: str,
    scenario: Scenario,
    lang: Lang,
    ranges: tuple[tuple[str, tuple[float, float]], ...],
    draws: int,
) -> Case:
    """Everything the app computes for one scenario, with the app's own uncertainty settings
    (``ranges``: the advisor's (low, high) per uncertain input, as fractions; ``draws``: runs)."""
    result = evaluate(scenario)
    found = () if result.pays_off else thresholds(scenario)
    dead_end = compare_options(scenario) if scenario.employee.role_outlook is RoleOutlook.DEAD_END else None
    cards = select_cards(scenario.doubts, scenario, result, lang, found=found, dead_end=dead_end)
    chosen = ranges_for(scenario, dict(ranges))
    simulation = simulate(scenario, draws, ranges=chosen)
    bars = tornado(scenario, chosen)
    return Case(one_line(name), scenario, result, simulation, bars, found, dead_end, tuple(cards))


class Sources:
    """The sources cited so far, in order of first use."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[str]:
        """Remember ``ids`` and return their short citations."""
        known = [sid for sid in ids if sid in sources()]
        self.ids.extend(sid for sid in known if sid not in self.ids)
        return [sources()[sid].citation() for sid in known]

    def block(self) -> SourceList:
        return SourceList(
            tuple(
                (f"{sources()[sid].citation()}: {sources()[sid].title}.", sources()[sid].url)
                for sid in self.ids
            )
        )
