"""The bad scenario files (tests/corpus/scenario) through the command line, in Dutch and English.

A refused file: exit status 2, nothing on standard output, exactly one line on standard error that
names the field (``label (field): problem``), says what is wrong in the chosen language, and holds no
traceback. An accepted (hostile but valid) file: exit status 0 and a finite result.

Each case runs in this process (fast, both languages) and once as a real ``python -m calculators``
process, the language alternating from file to file, so both languages are also seen end to end.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest

from calculators.__main__ import main
from tests.corpus.scenario_cases import (
    CORPUS,
    Case,
    all_cases,
    fixed_words,
    listed_files,
    problem_template,
    refused_cases,
)

REPO = Path(__file__).resolve().parents[2]
CASES = all_cases()
IDS = [case.name for case in CASES]


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    """``python -m calculators ARGV`` in this process: exit status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), mock.patch("sys.stdin", io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def run_process(argv: list[str]) -> tuple[int, str, str]:
    """``python -m calculators ARGV`` as a real process from the repository's root."""
    done = subprocess.run(
        [sys.executable, "-m", "calculators", *argv], cwd=REPO, capture_output=True, timeout=120, check=False
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


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
    check(case, lang, *run_in_process(["--lang", lang, "evaluate", str(corpus_file)]))


@pytest.mark.parametrize("corpus_file", CASES, ids=IDS, indirect=True)
def test_as_a_process(corpus_file: Path) -> None:
    """The same as a real process (no traceback can hide in the interpreter's own error handling)."""
    index = IDS.index(corpus_file.name)
    case, lang = CASES[index], ("nl", "en")[index % 2]
    check(case, lang, *run_process(["--lang", lang, "evaluate", str(corpus_file)]))
