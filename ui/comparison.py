"""The comparison as a value: named scenarios side by side, the one the form edits, and the limit.

Pure (no Streamlit, no session): every operation returns a new :class:`Comparison`, or a
:class:`Refused` that says why nothing changed — an item is never dropped or replaced silently.
The session keeps one Comparison (ui/session.py); the page (ui/compare/view.py) draws it.

>>> from calculators import default_scenario
>>> base = NamedScenario("Basis", default_scenario())
>>> pair = Comparison((base, NamedScenario("Kopie", default_scenario())), active=1)
>>> pair.remove(1).names  # the active one goes; the one before it becomes active
('Basis',)
>>> full = Comparison((base,) * MAX_SCENARIOS)
>>> full.add(base)
Refused(reason='full', limit=4, count=1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from calculators.comparison import MAX_NAME_CHARS, MAX_SCENARIOS, NamedScenario
from calculators.scenario.model import Scenario

__all__ = ["MAX_NAME_CHARS", "MAX_SCENARIOS", "Comparison", "NamedScenario", "Opened", "Refused", "Source"]

Reason = Literal["full", "last_item", "no_such_item"]
Source = Literal["file", "comparison", "team", "example"]  # what an opened case came from


@dataclass(frozen=True, slots=True)
class Refused:
    """Why an operation changed nothing: ``full`` (``count`` more would pass ``limit``),
    ``last_item`` (a comparison keeps at least one scenario) or ``no_such_item``."""

    reason: Reason
    limit: int
    count: int = 0


@dataclass(frozen=True, slots=True)
class Comparison:
    """One to ``limit`` named scenarios in the user's order; ``active`` is the one the form edits."""

    items: tuple[NamedScenario, ...]
    active: int = 0
    limit: int = MAX_SCENARIOS

    def __post_init__(self) -> None:
        if not 1 <= len(self.items) <= self.limit:
            raise ValueError(f"a comparison holds 1 to {self.limit} scenarios, not {len(self.items)}")
        if not 0 <= self.active < len(self.items):
            raise ValueError(f"no scenario {self.active} among {len(self.items)}")

    @property
    def current(self) -> NamedScenario:
        """The scenario the form edits."""
        return self.items[self.active]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.items)

    @property
    def full(self) -> bool:
        """No room for another scenario."""
        return len(self.items) >= self.limit

    def add(self, *new: NamedScenario, activate: bool = True) -> Comparison | Refused:
        """``new`` appended in order (the first of them active unless ``activate`` is False); refused
        whole, changing nothing, when they would not all fit."""
        if len(self.items) + len(new) > self.limit:
            return Refused("full", self.limit, len(new))
        active = len(self.items) if activate and new else self.active
        return replace(self, items=(*self.items, *new), active=active)

    def remove(self, index: int) -> Comparison | Refused:
        """Scenario ``index`` taken out, the others kept in order. The active scenario stays active;
        when it is the one removed, the one before it (or the new first one) becomes active."""
        if not 0 <= index < len(self.items):
            return Refused("no_such_item", self.limit)
        if len(self.items) == 1:
            return Refused("last_item", self.limit)
        active = self.active - 1 if index < self.active else self.active
        if index == self.active:
            active = max(0, index - 1)
        return replace(self, items=self.items[:index] + self.items[index + 1 :], active=active)

    def activate(self, index: int) -> Comparison | Refused:
        """Scenario ``index`` becomes the one the form edits."""
        if not 0 <= index < len(self.items):
            return Refused("no_such_item", self.limit)
        return replace(self, active=index)

    def duplicate(self, name: str) -> Comparison | Refused:
        """A copy of the active scenario, named ``name`` (at most MAX_NAME_CHARS), added and active."""
        return self.add(NamedScenario(name[:MAX_NAME_CHARS], self.current.scenario))

    def update_current(self, scenario: Scenario, name: str | None = None) -> Comparison:
        """The active scenario takes the form's values and, when given and not blank, a new name."""
        clean = (name or "").strip()[:MAX_NAME_CHARS] or self.current.name
        items = list(self.items)
        items[self.active] = NamedScenario(clean, scenario)
        return replace(self, items=tuple(items))

    @classmethod
    def of(cls, items: Sequence[NamedScenario], active: int = 0) -> Comparison:
        """A comparison of ``items`` (1 to MAX_SCENARIOS), ``active`` the one in the form."""
        return cls(tuple(items), active)


@dataclass(frozen=True, slots=True)
class Opened:
    """What the last "open" did, shown where the user lands (both languages are built from it).

    ``kind``: ``file``, ``comparison`` or ``team`` (the source of a case that was opened), or
    ``full`` (refused: ``count`` more would pass ``limit``). ``name`` is the first opened scenario's
    name; ``compared`` the size of the comparison it joined (0 when it joined none).
    """

    kind: Source | Literal["full"]
    count: int
    name: str = ""
    compared: int = 0
    limit: int = MAX_SCENARIOS
