"""From JSON to a scenario: a walk over the dataclass tree (:mod:`calculators.scenario.walk`) that
checks every value's type and builds the frozen dataclasses.

Omitted fields take their defaults from ``content/defaults.yaml``; unknown fields and wrong types raise
:class:`~calculators.errors.ScenarioError`. Ranges are not checked here but by
:mod:`calculators.scenario.validate`, so that all range errors can be listed at once.

Which error comes first when a file has several: structure before values. First every JSON object's
shape, breadth first (is it an object, does it hold only known keys; the root's version right after the
root), then every list of objects (its type, its length, then each item in the same way), then every
value, depth first in field order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from calculators.errors import Allowed, ScenarioError
from calculators.scenario.fields import FieldSpec
from calculators.scenario.model import SCHEMA_VERSION
from calculators.scenario.walk import Node, join

__all__ = ["read_object"]


def _object(value: object, where: str, node: Node) -> Mapping[str, Any]:
    """A JSON object with only the keys of ``node``'s fields."""
    if not isinstance(value, Mapping):
        raise ScenarioError(where or "scenario", value, "wrong_type_object")
    names = node.names
    for key in value:
        if key not in names:
            raise ScenarioError(join(where, str(key)), value[key], "unknown_field")
    return value


def _version(data: Mapping[str, Any], name: str) -> int:
    version = data.get(name, SCHEMA_VERSION)  # missing = the current format
    if isinstance(version, bool) or version != SCHEMA_VERSION:
        raise ScenarioError(name, version, "schema_version", Allowed(values=(str(SCHEMA_VERSION),)))
    return SCHEMA_VERSION


def _number(value: object, where: str, spec: FieldSpec) -> float:
    allowed = Allowed(spec.minimum, spec.maximum)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(
            where, value, "wrong_type_int" if spec.type == "int" else "wrong_type_number", allowed
        )
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any float (JSON allows 10**400): beyond every range too
        raise ScenarioError(where, value, "out_of_range", allowed) from None
    if not math.isfinite(number):
        raise ScenarioError(where, value, "not_finite", allowed)
    if spec.type == "int" and not number.is_integer():
        raise ScenarioError(where, value, "wrong_type_int", allowed)
    return number


def _default(spec: FieldSpec) -> Any:
    if spec.type == "float":
        return None if spec.default is None else float(spec.default)
    return list(spec.default) if isinstance(spec.default, tuple) else spec.default


def _value(data: Mapping[str, Any], name: str, where: str, spec: FieldSpec) -> Any:
    """One field's JSON value, type-checked: its default when the file leaves it out."""
    if name not in data or (spec.nullable and data[name] is None):
        return _default(spec)
    value = data[name]
    if spec.type in {"int", "float"}:
        number = _number(value, where, spec)
        return int(number) if spec.type == "int" else number
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise ScenarioError(where, value, "wrong_type_bool")
        return value
    if spec.type == "text":
        if not isinstance(value, str):
            raise ScenarioError(where, value, "wrong_type_text", Allowed(max_length=spec.max_length))
        return value
    if spec.type == "choice":
        if not isinstance(value, str) or value not in spec.values:
            raise ScenarioError(where, value, "not_one_of", Allowed(values=spec.values))
        return value
    if spec.type == "choice_list":
        if not isinstance(value, list) or not all(isinstance(v, str) and v in spec.values for v in value):
            raise ScenarioError(where, value, "not_one_of", Allowed(values=spec.values))
        return [v for v in spec.values if v in value]  # canonical order, no duplicates
    if not isinstance(value, list):  # "list": an array of objects
        raise ScenarioError(where, value, "wrong_type_list", Allowed(max_items=spec.max_items))
    return value


def _items(node: Node, data: Mapping[str, Any], where: str) -> tuple[Any, ...]:
    assert node.spec is not None and node.item is not None
    raw = _value(data, node.name, where, node.spec)
    if node.spec.max_items is not None and len(raw) > node.spec.max_items:
        raise ScenarioError(where, raw, "too_many", Allowed(max_items=node.spec.max_items))
    return tuple(read_object(node.item, item, f"{where}[{index}]") for index, item in enumerate(raw))


def read_object(node: Node, raw: object, where: str = "") -> Any:
    """The dataclass of section ``node`` (the root, or one item of a list) from its JSON object
    ``raw`` found at ``where`` ("" for the root, ``training.subsidies[0]`` for an item)."""
    plan = node.order
    assert plan is not None
    objects = {"": _object(raw, where, node)}
    for section, at, parent, name in plan.shapes:
        if section is None:
            _version(objects[at], name)
        else:
            objects[at] = _object(objects[parent].get(name, {}), join(where, at), section)
    values: dict[str, Any] = dict.fromkeys(plan.versions, SCHEMA_VERSION)
    for items, parent, at in plan.lists:
        values[at] = _items(items, objects[parent], join(where, at))
    for leaf, parent, at in plan.leaves:
        assert leaf.spec is not None
        values[at] = leaf.to_field(_value(objects[parent], leaf.name, join(where, at), leaf.spec))
    for cls, at, fields in plan.builds:
        values[at] = cls(**{name: values[path] for name, path in fields})
    return values[""]
