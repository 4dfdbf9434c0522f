"""The bad scenario files (tests/corpus/scenario) through the command line, in Dutch and English.

A refused file: exit status 2, nothing on standard output, exactly one line on standard error that
names the field (``label (field): problem``), says what is wrong in the chosen language, and holds no
traceback. An accepted (hostile but valid) file: exit status 0 and a finite result.

Each case runs in this process in both languages (``main`` with the streams a process has, see
tests/cli_runner.py). Six cases also run as a real ``python -m calculators`` process: a refused and an
accepted file in each language, the file nested 10,000 levels deep (in a fresh interpreter's own
recursion limit) and the lone surrogate that no UTF-8 encoder takes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.cli_runner import run_in_process, run_process
from tests.corpus.scenario_cases import (
    CORPUS,
    Case,
    all_cases,
    fixed_words,
    listed_files,
    problem_template,
    refused_cases,
)

CASES = all_cases()
IDS = [case.name for case in CASES]
# The cases that also run as a real process, each in one language.
AS_A_PROCESS = [
    ("truncated.json", "nl"),
    ("control_characters_in_label.json", "en"),
    ("accepted_unicode_label.json", "nl"),
    ("accepted_script_in_label.json", "en"),
    ("generated_nested_10000_levels.json", "nl"),
    ("lone_surrogate_in_label.json", "en"),
]
PROCESS_CASES = [next(case for case in CASES if case.name == name) for name, _ in AS_A_PROCESS]


def check(case: Case, lang: str, code: int, out: str, err: str) -> None:
    """What a refused or an accepted file must produce."""
    assert "Traceback" not in err and "Traceback" not in out
    if not case.refused:
        assert (code, err) == (0, ""), err
        result = json.loads(out)
        assert math.isfinite(result["npv_eur"])
        return
    assert code == 2 and out == ""
    assert err.endswith("\n") and len(err.splitlines()) == 1, repr(err)
    line = err.rstrip("\n")
    assert f"({case.field}): " in line, line  # "label (field): problem"
    assert fixed_words(problem_template(case.code, lang)) in line, line  # the problem, in this language


@pytest.fixture
def corpus_file(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The case's file on disk (generated cases are written to a temporary folder)."""
    case: Case = request.param
    stored = CORPUS / case.name
    if stored.exists():
        return stored
    path = tmp_path / case.name
    path.write_bytes(case.data)
    return path


class TestTheCorpus:
    """The corpus itself: every file listed, enough of them, the generated ones as large as promised."""

    def test_the_readme_lists_every_file(self) -> None:
        """Pins that the README's table and the folder hold the same files."""
        on_disk = {path.name for path in CORPUS.iterdir() if path.name != "README.md"}
        assert sorted(listed_files()) == sorted(on_disk)

    def test_at_least_thirty_bad_files(self) -> None:
        """Issue 8 asks for at least 30 bad scenario files; generated cases count too."""
        assert len(refused_cases()) >= 30

    def test_the_generated_cases(self) -> None:
        """Pins the two generated cases: 10,000 levels deep, and 10,000,000 bytes of label."""
        by_name = {case.name: case for case in CASES}
        assert by_name["generated_nested_10000_levels.json"].data.count(b"[") == 10_000
        assert len(by_name["generated_10_mb.json"].data) > 10_000_000


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("corpus_file", CASES, ids=IDS, indirect=True)
def test_in_process(corpus_file: Path, lang: str) -> None:
    """``python -m calculators --lang LANG evaluate FILE``, run as a function call."""
    case = next(case for case in CASES if case.name == corpus_file.name)
    run = run_in_process("--lang", lang, "evaluate", str(corpus_file))
    check(case, lang, run.code, run.stdout, run.stderr)


@pytest.mark.parametrize(
    ("corpus_file", "lang"),
    list(zip(PROCESS_CASES, [lang for _, lang in AS_A_PROCESS], strict=True)),
    ids=[name for name, _ in AS_A_PROCESS],
    indirect=["corpus_file"],
)
def test_as_a_process(corpus_file: Path, lang: str) -> None:
    """The same as a real process (no traceback can hide in the interpreter's own error handling)."""
    case = next(case for case in CASES if case.name == corpus_file.name)
    run = run_process("--lang", lang, "evaluate", str(corpus_file))
    check(case, lang, run.code, run.stdout, run.stderr)


def test_the_process_cases_cover_both_outcomes_in_both_languages() -> None:
    """Pins the choice above: a refused and an accepted file run as a process in each language."""
    seen = {(case.refused, lang) for case, (_, lang) in zip(PROCESS_CASES, AS_A_PROCESS, strict=True)}
    assert seen == {(True, "nl"), (True, "en"), (False, "nl"), (False, "en")}
