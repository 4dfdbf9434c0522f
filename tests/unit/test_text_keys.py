"""Every text key the code names literally exists, in both languages, as the kind it is asked for.

``text(lang, "a.b")`` needs a text and ``plural(lang, "a.b", n)`` a group with an ``other`` form.
Read from the source (calculators/, ui/, deploy/, benchmarks/, app.py), so a key that was renamed
or turned into a plural group fails here, not in a rarely run script (as deploy/check.py once did).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculators.i18n import Lang, group, has_text

REPO = Path(__file__).resolve().parents[2]
_FOLDERS = ("calculators", "ui", "deploy", "benchmarks")
SOURCES = [*sorted(path for folder in _FOLDERS for path in (REPO / folder).rglob("*.py")), REPO / "app.py"]


def _literal_keys(path: Path) -> Iterator[tuple[str, str, int]]:
    """(function, key, line) for each call ``text(..., "key", ...)`` / ``plural(..., "key", ...)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        key = node.args[1]
        if name in {"text", "plural"} and isinstance(key, ast.Constant) and isinstance(key.value, str):
            yield name, key.value, node.lineno


def test_the_scan_sees_the_code() -> None:
    """Pins that the scan finds calls of both kinds (an empty scan would pass anything)."""
    found = {name for path in SOURCES for name, _, _ in _literal_keys(path)}
    assert found == {"text", "plural"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_literal_keys_exist(path: Path) -> None:
    """Pins each literal key in nl and en: a text for text(), a plural group for plural()."""
    wrong = []
    for name, key, line in _literal_keys(path):
        for lang in Lang:
            if name == "text" and not has_text(lang, key):
                wrong.append(f"{line}: text {key!r} ({lang.value})")
            if name == "plural":
                try:
                    forms = group(lang, key)
                except KeyError:
                    forms = ()
                if "other" not in forms:
                    wrong.append(f"{line}: plural {key!r} ({lang.value})")
    assert not wrong, wrong
