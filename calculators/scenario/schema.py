"""The JSON Schema (draft 2020-12) of the scenario file: a walk over the dataclass tree
(:mod:`calculators.scenario.walk`), each field described by its spec in ``content/defaults.yaml``.

It covers types and per-field ranges; rules that tie fields together (the training must end before
the horizon, a clause is void for mandatory training, ...) are checked by
:func:`calculators.scenario.validate.cross_field_errors` and described in docs/money-model.md.
"""

from __future__ import annotations

from typing import Any

from calculators.scenario.fields import FieldSpec
from calculators.scenario.model import SCHEMA_VERSION
from calculators.scenario.walk import Kind, Node

__all__ = ["object_schema"]


def _value_schema(spec: FieldSpec) -> dict[str, Any]:
    default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
    schema: dict[str, Any] = {"description": f"{spec.basis_en} Unit: {spec.unit}.", "default": default}
    if spec.type in {"int", "float"}:
        kind = "integer" if spec.type == "int" else "number"
        schema.update(
            type=[kind, "null"] if spec.nullable else kind, minimum=spec.minimum, maximum=spec.maximum
        )
    elif spec.type == "bool":
        schema["type"] = "boolean"
    elif spec.type == "text":
        schema.update(type="string", maxLength=spec.max_length)
    elif spec.type == "choice":
        schema.update(type="string", enum=list(spec.values))
    elif spec.type == "choice_list":
        schema.update(type="array", items={"type": "string", "enum": list(spec.values)}, uniqueItems=True)
    return schema


def _field_schema(node: Node) -> dict[str, Any]:
    if node.kind is Kind.SECTION:
        return object_schema(node)
    if node.kind is Kind.VERSION:
        return {"const": SCHEMA_VERSION, "description": "Version of this file format."}
    assert node.spec is not None
    if node.kind is Kind.ITEMS:
        assert node.item is not None
        return {
            "type": "array",
            "maxItems": node.spec.max_items,
            "items": object_schema(node.item),
            "description": node.spec.basis_en,
            "default": list(node.spec.default or ()),
        }
    return _value_schema(node.spec)


def object_schema(node: Node) -> dict[str, Any]:
    """The schema of a section (or of the root, or of one item of a list): an object of its fields
    and no others."""
    properties = {child.name: _field_schema(child) for child in node.children}
    return {"type": "object", "additionalProperties": False, "properties": properties}
