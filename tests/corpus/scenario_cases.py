"""The bad scenario files of tests/corpus/scenario, with what each must produce (read from its README).

Shared by the command-line test (tests/unit/test_corpus_cli.py) and the upload test
(tests/app/test_corpus_upload.py). Two cases are generated here rather than stored: a file nested
10,000 levels deep and a 10 MB file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from calculators.i18n import has_text, text

__all__ = ["CORPUS", "Case", "all_cases", "fixed_words", "listed_files", "problem_template", "refused_cases"]

CORPUS = Path(__file__).resolve().parent / "scenario"
_ROW = re.compile(r"^\| `(?P<file>[^`]+)` \| (?P<what>.+?) \| (?P<field>`.*`|—) \| `(?P<code>[a-z_]+)` \|$")
DEPTH = 10_000
TEN_MB = 10_000_000


@dataclass(frozen=True)
class Case:
    """One bad file: its name, its bytes, and the field and code its refusal must name."""

    name: str
    data: bytes
    field: str | None  # None: accepted
    code: str  # ScenarioError.code, or "accepted"

    @property
    def refused(self) -> bool:
        """Whether the file must be refused."""
        return self.code != "accepted"


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str | None, str], ...]:
    rows = []
    for line in (CORPUS / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            field = match["field"].strip("`") if match["field"] != "—" else None
            rows.append((match["file"], field, match["code"]))
    return tuple(rows)


def listed_files() -> list[str]:
    """The file names the README's table lists, in its order."""
    return [name for name, _, _ in _rows()]


def _generated() -> list[Case]:
    label = b"[" * DEPTH + b"]" * DEPTH
    deep = b'{"employee": {"label": ' + label + b"}}"
    big = b'{"employee": {"label": "' + b"A" * TEN_MB + b'"}}'
    return [
        Case("generated_nested_10000_levels.json", deep, "scenario", "not_json"),
        Case("generated_10_mb.json", big, "scenario", "too_large"),
    ]


@lru_cache(maxsize=1)
def all_cases() -> tuple[Case, ...]:
    """Every stored file in the README's order, then the generated ones."""
    stored = [Case(name, (CORPUS / name).read_bytes(), field, code) for name, field, code in _rows()]
    return (*stored, *_generated())


def refused_cases() -> tuple[Case, ...]:
    """The cases that must be refused."""
    return tuple(case for case in all_cases() if case.refused)


def problem_template(code: str, lang: str) -> str:
    """The sentence a refusal with ``code`` uses in ``lang``, with its {placeholders}."""
    key = f"errors.{code}" if has_text(lang, f"errors.{code}") else f"robustness.errors.{code}"
    return text(lang, key)


def fixed_words(template: str) -> str:
    """The longest stretch of a template without a placeholder: words every such message contains."""
    return max(re.split(r"\{[a-z_]+\}", template), key=len).strip()
