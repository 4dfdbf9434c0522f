"""No user's data can outlive a run in a place another session reads (issue 8 §3).

Everything in one server process is shared by all its sessions except ``st.session_state``. So
the code in app.py, ui/ and calculators/ is read as a syntax tree and must not
- cache a function on an argument that can carry a user's case (``st.cache_data``,
  ``st.cache_resource``, ``functools.lru_cache``/``cache``): such arguments become keys, and the
  results values, of a process-wide cache;
- change a module-level (or class-level) container after import, or rebind a global (``global``).
ui/cache.py, the one memory of computed results, is checked by running it: two sessions each build
their own value, and the memory lives in the session's state.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(REPO / "ui").rglob("*.py"), *(REPO / "calculators").rglob("*.py"), REPO / "app.py"])
CACHES = {"cache_data", "cache_resource", "lru_cache", "cache"}
# What a cached function may take: things that name static content, never a user's values.
STATIC_ARGUMENT_TYPES = {
    "str",  # content keys and file paths under content/ (the texts' own keys, "rules/2026.yaml")
    "int",  # a rules year
    "Lang",  # nl / en
    "FieldSpec",  # a field's description from content/fields, not its value
}
MUTABLE_VALUES = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
MUTABLE_FACTORIES = {"list", "dict", "set", "bytearray", "OrderedDict", "defaultdict", "deque", "Counter"}
MUTATING_METHODS = {
    "append", "extend", "insert", "update", "setdefault", "add", "pop", "popitem", "popleft",
    "clear", "remove", "discard", "appendleft", "move_to_end", "sort", "reverse", "__setitem__",
}  # fmt: skip


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node: ast.AST) -> str | None:
    """The last name in ``x``, ``a.b.x`` or ``x(...)`` (how a decorator or a callee is written)."""
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _cached_functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
            _name(decorator) in CACHES for decorator in node.decorator_list
        ):
            yield node


def _argument_type_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, set[str]]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
    found: dict[str, set[str]] = {}
    for arg in every:
        if arg.annotation is None:
            found[arg.arg] = {"<no annotation>"}
            continue
        nodes = ast.walk(arg.annotation)
        found[arg.arg] = {_name(node) or "?" for node in nodes if isinstance(node, ast.Name | ast.Attribute)}
    return found


def _is_mutable(value: ast.expr | None) -> bool:
    if isinstance(value, MUTABLE_VALUES):
        return True
    return isinstance(value, ast.Call) and _name(value.func) in MUTABLE_FACTORIES


def _shared_containers(tree: ast.Module) -> set[str]:
    """Names bound at module or class level to a mutable container."""
    bodies = [tree.body] + [node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    names: set[str] = set()
    for body in bodies:
        for statement in body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and _is_mutable(statement.value):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names - {"__all__"}


def _is_mutating_call(node: ast.AST, names: set[str]) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    return node.func.attr in MUTATING_METHODS and _name(node.func.value) in names


def _mutations(tree: ast.Module, names: set[str]) -> Iterator[tuple[int, str]]:
    """Where one of ``names`` is changed in place: ``X[k] = v``, ``del X[k]``, ``X.append(v)``, ..."""
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and _name(target.value) in names:
                yield target.lineno, ast.unparse(target)
        if isinstance(node, ast.Call) and _is_mutating_call(node, names):
            yield node.lineno, ast.unparse(node)


def test_the_scan_sees_the_code() -> None:
    """Pins that the checks below read the real modules (an empty scan would pass anything)."""
    assert REPO / "ui" / "cache.py" in SOURCES and REPO / "calculators" / "money" / "evaluate.py" in SOURCES
    cached = {node.name for path in SOURCES for node in _cached_functions(_parse(path))}
    assert {"help_text", "rules_for", "load_yaml"} <= cached
    assert "PLOTLY_CONFIG" in _shared_containers(_parse(REPO / "ui" / "chart_view.py"))


def test_cached_functions_take_no_user_data() -> None:
    """Pins that every process-wide cache is keyed on static content only (never a Scenario)."""
    offending = []
    for path in SOURCES:
        for function in _cached_functions(_parse(path)):
            for argument, types in _argument_type_names(function).items():
                if not types <= STATIC_ARGUMENT_TYPES:
                    where = f"{path.relative_to(REPO)}:{function.lineno} {function.name}({argument})"
                    offending.append(f"{where}: {sorted(types - STATIC_ARGUMENT_TYPES)}")
    assert offending == [], "cached on possibly per-user arguments:\n" + "\n".join(offending)


def test_no_module_level_state_changes_after_import() -> None:
    """Pins that module- and class-level containers are constants, and no function rebinds a global."""
    trees = {path: _parse(path) for path in SOURCES}
    shared = set().union(*(_shared_containers(tree) for tree in trees.values()))
    changed = []
    for path, tree in trees.items():
        where = path.relative_to(REPO)
        changed += [f"{where}:{line} {code}" for line, code in _mutations(tree, shared)]
        changed += [
            f"{where}:{node.lineno} global {', '.join(node.names)}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Global | ast.Nonlocal)
        ]
    assert changed == [], "shared state changed at run time:\n" + "\n".join(changed)


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("CACHE = {}\ndef f(x):\n    CACHE[x] = 1\n", True),
        ("SEEN = []\ndef f(x):\n    SEEN.append(x)\n", True),
        ("class A:\n    items = dict()\ndef f(x):\n    A.items.update(x)\n", True),
        ("TABLE = {'a': 1}\ndef f(x):\n    return TABLE[x]\n", False),
        ("def f(x):\n    local = {}\n    local[x] = 1\n", False),
    ],
)
def test_the_mutation_check_catches_a_shared_container(source: str, found: bool) -> None:
    """Pins the checker on small examples of both kinds (so a clean result above means something)."""
    tree = ast.parse(source)
    assert bool(list(_mutations(tree, _shared_containers(tree)))) is found


def test_the_cache_check_catches_a_scenario_argument() -> None:
    """Pins the cache checker on a function cached on a Scenario, and on an untyped argument."""
    tree = ast.parse("@st.cache_data\ndef f(scenario: Scenario, lang: Lang, x) -> int:\n    return 1\n")
    (function,) = _cached_functions(tree)
    found = _argument_type_names(function)
    assert found == {"scenario": {"Scenario"}, "lang": {"Lang"}, "x": {"<no annotation>"}}


def _memo_app() -> None:
    """A page that asks ui/cache.py for a value twice per run and counts how often it is built."""
    import streamlit as st

    from ui.cache import session_memo

    def build() -> str:
        st.session_state["builds"] = st.session_state.get("builds", 0) + 1
        return "value"

    session_memo("test", ("same", "key"), build)
    session_memo("test", ("same", "key"), build)


def test_session_memo_lives_in_each_session() -> None:
    """Pins ui/cache.py: built once per session, kept in that session's state, not shared.

    Two AppTest instances are two sessions in one process (as two users on one server); if the
    memo were process-wide, the second session would find the first one's value and build 0 times.
    """
    first = AppTest.from_function(_memo_app, default_timeout=30)
    first.run()
    first.run()
    assert first.session_state["builds"] == 1  # second call and second run: from the memo
    second = AppTest.from_function(_memo_app, default_timeout=30)
    second.run()
    assert second.session_state["builds"] == 1  # its own build: nothing came from the first session
    assert "_leerwinst_memo" in second.session_state
