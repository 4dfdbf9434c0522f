"""The scenario's shape, read off its dataclasses: the one tree that reading, writing, checking and
the JSON Schema all walk.

Every field of the frozen dataclasses in :mod:`calculators.scenario.model` becomes a :class:`Node`, named by
its dotted path in the scenario JSON (``benefits.vacancy.month``; the fields of a list's items share
one path, ``training.subsidies.amount_eur``). The field's Python type says how a JSON value becomes
the field's value (a nested dataclass is a JSON object, a tuple of dataclasses a JSON array of
objects, a StrEnum one of its values, ...); its spec in ``content/defaults.yaml``
(:mod:`calculators.scenario.fields`) says what is allowed. The two are checked against each other when the
tree is built, so a field and its spec cannot drift apart unnoticed.

The one field without a spec is the root's ``schema_version``: the format's version, always
:data:`calculators.scenario.model.SCHEMA_VERSION`.

>>> tree = scenario_tree()
>>> [child.name for child in tree.children][:4]
['schema_version', 'horizon_months', 'doubts', 'company']
>>> node = tree.child("training").child("subsidies")
>>> node.kind, node.item.cls.__name__ if node.item else None
(<Kind.ITEMS: 'items'>, 'Subsidy')
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache
from typing import Any

from calculators.content import ContentError
from calculators.scenario.fields import FieldSpec, field_spec
from calculators.scenario.model import Scenario

__all__ = ["VERSION_FIELD", "Kind", "Node", "Order", "join", "leaves", "scenario_tree"]

VERSION_FIELD = "schema_version"  # the root's field that names the file format's version


class Kind(StrEnum):
    """What a field is in JSON, from its Python type."""

    SECTION = "section"  # a nested dataclass: a JSON object of its own fields
    ITEMS = "items"  # tuple[<dataclass>, ...]: a JSON array of such objects
    VALUE = "value"  # int, float, float | None, bool, str, a StrEnum or a tuple of str/StrEnum
    VERSION = "version"  # the root's schema_version


# The spec types (content/defaults.yaml) a Python type may have.
_SPEC_TYPES: dict[object, frozenset[str]] = {
    int: frozenset({"int"}),
    float: frozenset({"float"}),
    bool: frozenset({"bool"}),
    str: frozenset({"text", "choice"}),
}


@dataclass(frozen=True, slots=True)
class Order:
    """The walk over one section (the root, a section, one item of a list), worked out when the tree is
    built. Paths are relative to the section ("" = itself).

    ``shapes``: breadth first, each section's version (section None, its path twice, the name) and then
    its sections (node, path, parent's path, name); ``lists`` and ``leaves``: (node, parent's path,
    path), depth first in field order; ``versions``: the section's own version fields; ``builds``: each
    section after the sections inside it, (dataclass, path, ((field, path of its value), ...)).
    """

    shapes: tuple[tuple[Node | None, str, str, str], ...]
    lists: tuple[tuple[Node, str, str], ...]
    leaves: tuple[tuple[Node, str, str], ...]
    versions: tuple[str, ...]
    builds: tuple[tuple[type, str, tuple[tuple[str, str], ...]], ...]


@dataclass(frozen=True, slots=True, eq=False)  # one node is one field: compared by identity
class Node:
    """One field of the scenario (or the scenario itself, the root, with ``path`` "").

    ``spec`` is the field's spec (None for a section and the version); ``choices`` is the StrEnum a
    value (or each value of a tuple) becomes, if any; ``item`` is the tree of one item of a list;
    ``names`` are the JSON keys a section accepts, ``order`` the walk over it.
    """

    name: str
    path: str
    kind: Kind
    spec: FieldSpec | None = None
    cls: type | None = None  # the dataclass of a section (and of the root)
    children: tuple[Node, ...] = ()
    choices: type[StrEnum] | None = None
    many: bool = False  # a tuple of values (a choice_list)
    item: Node | None = None
    names: frozenset[str] = frozenset()
    order: Order | None = None

    def child(self, name: str) -> Node:
        """The child field called ``name`` (KeyError if there is none)."""
        for child in self.children:
            if child.name == name:
                return child
        raise KeyError(name)

    def to_field(self, value: Any) -> Any:
        """A JSON value that passed its checks, as the dataclass field holds it (enums, tuples)."""
        if self.many:
            return tuple(self.choices(item) for item in value) if self.choices else tuple(value)
        return self.choices(value) if self.choices else value

    def to_json(self, value: Any) -> Any:
        """A field's value as JSON has it: enums as their strings, tuples as lists."""
        if self.many:
            return [item.value if isinstance(item, Enum) else item for item in value]
        return value.value if isinstance(value, Enum) else value


def join(prefix: str, name: str) -> str:
    """A child's path: ``join("benefits", "vacancy") == "benefits.vacancy"``; the root's children
    have no prefix."""
    return f"{prefix}.{name}" if prefix else name


def _spec(path: str) -> FieldSpec:
    try:
        return field_spec(path)
    except KeyError:
        raise ContentError(f"defaults.yaml: {path}: a field of the scenario without a spec") from None


def _compatible(path: str, spec: FieldSpec, allowed: frozenset[str], choices: type[StrEnum] | None) -> None:
    if spec.type not in allowed:
        needs = " or ".join(sorted(allowed))
        raise ContentError(f"defaults.yaml: {path}: type {spec.type!r}, the dataclass field needs {needs}")
    if choices is not None and set(spec.values) != {member.value for member in choices}:
        raise ContentError(f"defaults.yaml: {path}: values {spec.values} differ from {choices.__name__}")


def _node(name: str, path: str, hint: Any) -> Node:
    """The node of one field of type ``hint``."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _section(hint, name, path)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]
        element = args[0]
        spec = _spec(path)
        if dataclasses.is_dataclass(element) and isinstance(element, type):
            _compatible(path, spec, frozenset({"list"}), None)
            return Node(name, path, Kind.ITEMS, spec, item=_section(element, name, path))
        choices = element if isinstance(element, type) and issubclass(element, StrEnum) else None
        if choices is None and element is not str:
            raise TypeError(f"{path}: a tuple of {element!r} is not a scenario field type")
        _compatible(path, spec, frozenset({"choice_list"}), choices)
        return Node(name, path, Kind.VALUE, spec, choices=choices, many=True)
    spec = _spec(path)
    if origin in (types.UnionType, typing.Union) and set(args) == {float, type(None)}:
        if not spec.nullable:
            raise ContentError(f"defaults.yaml: {path}: float | None needs nullable: true")
        _compatible(path, spec, _SPEC_TYPES[float], None)
        return Node(name, path, Kind.VALUE, spec)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        _compatible(path, spec, frozenset({"choice"}), hint)
        return Node(name, path, Kind.VALUE, spec, choices=hint)
    if hint not in _SPEC_TYPES:
        raise TypeError(f"{path}: {hint!r} is not a scenario field type")
    _compatible(path, spec, _SPEC_TYPES[hint], None)
    if spec.nullable:
        raise ContentError(f"defaults.yaml: {path}: nullable, but the dataclass field is not Optional")
    return Node(name, path, Kind.VALUE, spec)


def _section(cls: type, name: str, path: str) -> Node:
    hints = typing.get_type_hints(cls)
    children = tuple(
        Node(field.name, field.name, Kind.VERSION)
        if not path and field.name == VERSION_FIELD
        else _node(field.name, join(path, field.name), hints[field.name])
        for field in dataclasses.fields(cls)
    )
    names = frozenset(child.name for child in children)
    section = Node(name, path, Kind.SECTION, cls=cls, children=children, names=names)
    return dataclasses.replace(section, order=_order(section))


def _order(root: Node) -> Order:
    shapes: list[tuple[Node | None, str, str, str]] = []
    queue = [(root, "")]
    while queue:
        section, at = queue.pop(0)
        shapes += [(None, at, at, child.name) for child in section.children if child.kind is Kind.VERSION]
        for child in section.children:
            if child.kind is Kind.SECTION:
                shapes.append((child, join(at, child.name), at, child.name))
                queue.append((child, join(at, child.name)))
    found = list(leaves(root))
    builds: list[tuple[type, str, tuple[tuple[str, str], ...]]] = []

    def build(section: Node, at: str) -> None:
        for child in section.children:
            if child.kind is Kind.SECTION:
                build(child, join(at, child.name))
        assert section.cls is not None
        builds.append(
            (section.cls, at, tuple((child.name, join(at, child.name)) for child in section.children))
        )

    build(root, "")
    return Order(
        shapes=tuple(shapes),
        lists=tuple(entry for entry in found if entry[0].kind is Kind.ITEMS),
        leaves=tuple(entry for entry in found if entry[0].kind is Kind.VALUE),
        versions=tuple(child.name for child in root.children if child.kind is Kind.VERSION),
        builds=tuple(builds),
    )


def scenario_tree(root: type = Scenario) -> Node:
    """The tree of the scenario's dataclasses, built once. Another root dataclass (a throwaway tree in
    a test) is built anew on each call. Raises ContentError when a field has no spec, or a spec that
    does not fit."""
    return _scenario_tree() if root is Scenario else _section(root, "", "")


@cache
def _scenario_tree() -> Node:
    return _section(Scenario, "", "")


def leaves(node: Node, prefix: str = "") -> Iterator[tuple[Node, str, str]]:
    """Every field with a spec under ``node`` (a section or item), depth first in field order, with
    the concrete path of its object and its own under ``prefix``; a list is one leaf (its items are
    not entered)."""
    for child in node.children:
        where = join(prefix, child.name)
        if child.kind is Kind.SECTION:
            yield from leaves(child, where)
        elif child.kind is not Kind.VERSION:
            yield child, prefix, where
