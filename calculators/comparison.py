"""Scenarios side by side: up to four named variants of one case, saved and opened as one file.

A comparison file is the scenario format's sibling (same ``schema_version``)::

    {"schema_version": 1, "kind": "leerwinst-comparison",
     "scenarios": [{"name": "Met beding", "scenario": {...a scenario...}}, ...]}

Each scenario inside is checked exactly as a single scenario file is (calculators.scenario.io), and
a refusal names the scenario (number and name) as well as the field. A plain scenario file opens as
a single scenario, so one loader serves the app's upload.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from calculators.errors import ScenarioError
from calculators.scenario.io import (
    MAX_FILE_BYTES,
    _one_value_per_key,
    load_scenario_json,
    scenario_from_dict,
    scenario_to_dict,
)
from calculators.scenario.model import SCHEMA_VERSION, Scenario

__all__ = [
    "COMPARISON_KIND",
    "MAX_NAME_CHARS",
    "MAX_SCENARIOS",
    "ComparisonError",
    "NamedScenario",
    "comparison_from_dict",
    "comparison_to_json",
    "load_case_json",
]

COMPARISON_KIND = "leerwinst-comparison"
MAX_SCENARIOS = 4
MAX_NAME_CHARS = 40
MAX_COMPARISON_BYTES = MAX_SCENARIOS * MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class NamedScenario:
    """One variant in a comparison, with the name the advisor gave it."""

    name: str
    scenario: Scenario


class ComparisonError(ValueError):
    """A comparison file that cannot be opened; the message names the scenario and what is wrong.

    ``code``: ``no_scenarios``, ``too_many``, ``not_a_list``, ``not_an_item``, ``bad_name``,
    ``bad_kind``, ``schema_version`` or ``in_scenario`` (then ``inner`` is the scenario's own error).
    """

    def __init__(
        self,
        code: str,
        *,
        number: int = 0,
        name: str = "",
        inner: ScenarioError | None = None,
        value: object = "",
    ) -> None:
        self.code = code
        self.number = number
        self.name = name
        self.inner = inner
        self.value = value
        super().__init__(self.message("en"))

    def message(self, lang: str, *, path: bool = True) -> str:
        """The whole message in ``lang`` ("nl" or "en"); ``path=False`` leaves out field paths."""
        from calculators.error_text import format_in_unit, render_error
        from calculators.i18n import text

        if self.code == "in_scenario" and self.inner is not None:
            return text(lang, "compare.errors.in_scenario", number=self.number, name=self.name or "–",
                        message=render_error(self.inner, lang, path=path))  # fmt: skip
        return text(
            lang,
            f"compare.errors.{self.code}",
            number=self.number,
            max=MAX_SCENARIOS,
            max_chars=MAX_NAME_CHARS,
            value=format_in_unit(self.value, "", lang),
            version=SCHEMA_VERSION,
        )


def comparison_to_dict(items: Sequence[NamedScenario]) -> dict[str, Any]:
    """The JSON form of a comparison."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": COMPARISON_KIND,
        "scenarios": [{"name": item.name, "scenario": scenario_to_dict(item.scenario)} for item in items],
    }


def comparison_to_json(items: Sequence[NamedScenario]) -> str:
    """A comparison as indented JSON text (what the app offers for download)."""
    return json.dumps(comparison_to_dict(items), indent=2, ensure_ascii=False) + "\n"


def _name(item: Mapping[str, Any], number: int) -> str:
    name = item.get("name", "")
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        raise ComparisonError("bad_name", number=number, value=name)
    return name.strip()


def comparison_from_dict(data: Mapping[str, Any]) -> tuple[NamedScenario, ...]:
    """Named scenarios from the JSON form; every scenario checked in full.

    >>> comparison_from_dict({"schema_version": 1, "kind": "leerwinst-comparison", "scenarios": []})
    Traceback (most recent call last):
    ...
    calculators.comparison.ComparisonError: The file holds no scenarios; it needs 1 to 4.
    """
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ComparisonError("schema_version", value=data.get("schema_version"))
    if data.get("kind", COMPARISON_KIND) != COMPARISON_KIND:
        raise ComparisonError("bad_kind", value=data.get("kind"))
    items = data.get("scenarios")
    if not isinstance(items, list):
        raise ComparisonError("not_a_list", value=items)
    if not items:
        raise ComparisonError("no_scenarios")
    if len(items) > MAX_SCENARIOS:
        raise ComparisonError("too_many", value=len(items))
    named = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("scenario"), dict):
            raise ComparisonError("not_an_item", number=number)
        name = _name(item, number)
        try:
            scenario = scenario_from_dict(item["scenario"])
        except ScenarioError as error:
            raise ComparisonError("in_scenario", number=number, name=name, inner=error) from None
        named.append(NamedScenario(name, scenario))
    return tuple(named)


def load_case_json(raw: bytes | str) -> Scenario | tuple[NamedScenario, ...]:
    """A saved case: one scenario (a scenario file) or named scenarios (a comparison file).

    Raises :class:`ScenarioError` for a bad scenario file and :class:`ComparisonError` for a bad
    comparison file; anything that is not JSON gets the scenario loader's own refusal.
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > MAX_COMPARISON_BYTES:
        return load_scenario_json(raw, max_bytes=MAX_COMPARISON_BYTES)  # refuses: too large

    def refuse_constant(name: str) -> float:
        raise ValueError(name)

    try:
        text_value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text_value, parse_constant=refuse_constant, object_pairs_hook=_one_value_per_key)
    except (ValueError, RecursionError):  # also ScenarioError (a key twice): let the loader say it
        return load_scenario_json(raw)
    if isinstance(data, dict) and "scenarios" in data:
        return comparison_from_dict(data)
    return load_scenario_json(raw)
