"""From a scenario to JSON: a walk over the dataclass tree (:mod:`calculators.scenario.walk`).

Every field is written, in field order; enums as their string values, tuples as lists.
"""

from __future__ import annotations

from typing import Any

from calculators.scenario.walk import Kind, Node

__all__ = ["write_object"]

_AS_IS = frozenset({Kind.VALUE, Kind.VERSION})


def write_object(node: Node, value: Any) -> dict[str, Any]:
    """The JSON object of ``value``, an instance of section ``node``'s dataclass."""
    written: dict[str, Any] = {}
    for child in node.children:
        field = getattr(value, child.name)
        if child.choices is None and not child.many and child.kind in _AS_IS:
            written[child.name] = field  # a number, bool, text, None or the version: as it is
        elif child.kind is Kind.SECTION:
            written[child.name] = write_object(child, field)
        elif child.kind is Kind.ITEMS:
            assert child.item is not None
            written[child.name] = [write_object(child.item, item) for item in field]
        else:
            written[child.name] = child.to_json(field)
    return written
