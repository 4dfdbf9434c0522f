"""The scenario file: JSON in, validated :class:`Scenario` out, and back.

The same JSON is what the app saves and opens, what the command line reads and what the tests
feed in. Omitted fields take their defaults from ``content/defaults.yaml``; unknown fields,
wrong types and values outside the allowed range raise :class:`ScenarioError`, which names the
field, the value and what is allowed. ``schema_version`` guards the format (missing = current).

This module is the public entry; the work is a walk over the scenario's dataclasses
(:mod:`calculators.scenario.walk`): reading in :mod:`calculators.scenario.read`, writing in
:mod:`calculators.scenario.write`, checking in :mod:`calculators.scenario.validate`, the JSON Schema in
:mod:`calculators.scenario.schema`. No list of fields is written out anywhere but the dataclasses.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from calculators.errors import Allowed, JsonProblem, ScenarioError
from calculators.scenario.model import Scenario
from calculators.scenario.read import read_object
from calculators.scenario.schema import object_schema
from calculators.scenario.validate import MAX_TRAINING_HOURS_PER_MONTH, validate, validation_errors
from calculators.scenario.walk import scenario_tree
from calculators.scenario.write import write_object

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TRAINING_HOURS_PER_MONTH",
    "default_scenario",
    "json_problem",
    "json_schema",
    "load_scenario_json",
    "scenario_from_dict",
    "scenario_to_dict",
    "scenario_to_json",
    "validate",
    "validation_errors",
]

MAX_FILE_BYTES = 200_000  # a real scenario is about 2 kB; anything near this is not one


def scenario_from_dict(data: object, *, check: bool = True) -> Scenario:
    """Build and validate a scenario from its JSON form (a dict as ``json.load`` gives it).

    Types and structure are always checked; ``check=False`` skips the range and cross-field
    rules so that :func:`validation_errors` can list all of them at once.

    >>> scenario = scenario_from_dict({"employee": {"gross_monthly_salary_eur": 3200}})
    >>> scenario.employee.gross_monthly_salary_eur
    3200.0
    >>> scenario_from_dict({"horizon_months": 6})
    Traceback (most recent call last):
    ...
    calculators.errors.ScenarioError: Horizon (horizon_months): 6 months is outside the allowed range ...
    """
    scenario: Scenario = read_object(scenario_tree(Scenario), data)
    if check:
        validate(scenario)
    return scenario


@lru_cache(maxsize=1)
def default_scenario() -> Scenario:
    """The scenario with every field at its default from ``content/defaults.yaml``."""
    return scenario_from_dict({})


def _one_value_per_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key occurs twice: which of two salaries would count?

    (``json`` silently keeps the last one; other programs keep the first.)
    """
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ScenarioError("scenario", key, "duplicate_key")
            seen.add(key)
    return data


# the start of each message of Python's json module -> JsonProblem.kind (json/decoder.py, json/scanner.py)
_JSON_MESSAGES = (
    ("Expecting value", "expected_value"),
    ("Expecting ',' delimiter", "expected_comma"),
    ("Expecting ':' delimiter", "expected_colon"),
    ("Expecting property name", "expected_name"),
    ("Unterminated string", "unterminated_string"),
    ("Invalid control character", "control_character"),
    ("Invalid \\", "bad_escape"),
    ("Extra data", "extra_data"),
)


def json_problem(exc: json.JSONDecodeError) -> JsonProblem:
    """What the json module found, where, as a :class:`JsonProblem` (its own words are English).

    >>> try:
    ...     json.loads('{"a": 1 "b": 2}')
    ... except json.JSONDecodeError as exc:
    ...     json_problem(exc)
    JsonProblem(kind='expected_comma', line=1, column=9, detail='')
    """
    if not exc.doc.strip():
        return JsonProblem("empty")
    kind = next((kind for start, kind in _JSON_MESSAGES if exc.msg.startswith(start)), "syntax")
    return JsonProblem(kind, exc.lineno, exc.colno)


def load_scenario_json(raw: bytes | str, *, max_bytes: int = MAX_FILE_BYTES) -> Scenario:
    """Parse a scenario file; anything that is not a valid scenario raises :class:`ScenarioError`.

    NaN and Infinity are refused (JSON has no such numbers), as are files over ``max_bytes`` and
    objects with a key twice. A UTF-8 byte order mark is skipped (Windows editors write one; RFC 8259
    §8.1 lets a reader ignore it).

    >>> load_scenario_json(b"[1, 2]")
    Traceback (most recent call last):
    ...
    calculators.errors.ScenarioError: Scenario file (scenario): the file does not contain a scenario ...
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > max_bytes:
        raise ScenarioError("scenario", size, "too_large", Allowed(maximum=max_bytes))
    try:
        text_value = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise ScenarioError("scenario", JsonProblem("not_utf8"), "not_json") from None

    def refuse_constant(name: str) -> float:
        raise ScenarioError("scenario", JsonProblem("not_a_number", detail=name), "not_json")

    try:
        data = json.loads(text_value, parse_constant=refuse_constant, object_pairs_hook=_one_value_per_key)
    except ScenarioError:
        raise
    except json.JSONDecodeError as exc:
        raise ScenarioError("scenario", json_problem(exc), "not_json") from None
    except (ValueError, RecursionError):  # nested deeper than Python's parser goes
        raise ScenarioError("scenario", JsonProblem("too_deep"), "not_json") from None
    if not isinstance(data, dict):
        raise ScenarioError("scenario", data, "not_object")
    return scenario_from_dict(data)


# --------------------------------------------------------------------------- writing


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The JSON form of a scenario (every field written, enums as their string values)."""
    return write_object(scenario_tree(type(scenario)), scenario)


def scenario_to_json(scenario: Scenario) -> str:
    """The scenario as a pretty-printed JSON document (what the app offers for download)."""
    return json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the scenario file, generated from the dataclasses and the
    field catalogue.

    It covers types and per-field ranges; rules that tie fields together (the training must end
    before the horizon, a clause is void for mandatory training, ...) are checked by
    :func:`validate` and described in docs/money-model.md.
    """
    schema = object_schema(scenario_tree(Scenario))
    schema.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "urn:leerwinst:scenario:1",
            "title": "Leerwinst scenario",
            "description": "One training decision for one employee. Omitted fields take their defaults.",
        }
    )
    return schema
