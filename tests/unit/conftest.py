"""Fixtures shared by the unit tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import calculators.content as content
import calculators.i18n as i18n
import calculators.rules as rules
import calculators.scenario.fields as fields

CONTENT = Path(__file__).resolve().parents[2] / "content"


def clear_content_caches() -> None:
    """Forget every cached content file, so the next read sees the files as they are now."""
    content.load_yaml.cache_clear()
    rules.rules_for.cache_clear()
    rules.available_years.cache_clear()
    fields.field_specs.cache_clear()
    i18n._catalog.cache_clear()
    i18n._lookup.cache_clear()


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of content/ that the loaders read instead of the real one; restored afterwards.

    ``calculators.rules`` and ``calculators.i18n`` imported the name ``CONTENT_DIR`` from
    ``calculators.content``, so all three are patched.
    """
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    for module in (content, rules, i18n):
        monkeypatch.setattr(module, "CONTENT_DIR", copy)
    clear_content_caches()
    yield copy
    monkeypatch.undo()
    clear_content_caches()
