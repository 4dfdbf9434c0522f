"""``python -m calculators``, run for a test: as a real process, or as a call of ``main`` in this process.

A real process is what a user runs (the entry point, the interpreter's own handling of an uncaught
error, the streams' encodings) and costs about half a second to start; each command's tests run a few
cases that way and the rest in this process, where the same arguments, standard input and exit status
take a few milliseconds. In this process an uncaught exception is not turned into a traceback on
standard error: it propagates and fails the test.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from calculators.__main__ import main

__all__ = ["REPO", "Run", "run_in_process", "run_process"]

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    """What one run of the command line left behind."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """Standard output parsed as JSON."""
        return json.loads(self.stdout)


def run_process(*args: str, stdin: bytes = b"") -> Run:
    """``python -m calculators ARGS`` as a real process from the repository's root, fed ``stdin``."""
    done = subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def run_in_process(*args: str, stdin: bytes = b"") -> Run:
    """``python -m calculators ARGS`` as ``main(ARGS)`` in this process, from the repository's root.

    The streams are as a process's: UTF-8 bytes underneath, standard output strict (a character it
    cannot encode is an error, not a silent replacement), standard error with backslash escapes. The
    exit status is the interpreter's reading of ``SystemExit``: None is 0, a number is itself, and
    anything else is printed on standard error with status 1.
    """
    out, err = _stream("strict"), _stream("backslashreplace")
    stdin_stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        contextlib.chdir(REPO),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        mock.patch("sys.stdin", stdin_stream),
    ):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = _exit_status(stop.code)
    return Run(code, _written(out), _written(err))


def _stream(errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n")


def _written(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def _exit_status(code: object) -> int:
    """What the interpreter exits with for ``SystemExit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
