"""The developer commands' numbers (make bench, make load, make load-proxy, make deploy-check):
a value out of range is one usage line naming the option and the range, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import pytest

from benchmarks import __main__ as bench_main
from benchmarks import load, load_proxy
from benchmarks.arguments import whole_number
from deploy import check


@pytest.mark.parametrize(("raw", "value"), [("1", 1), ("25", 25), ("1000", 1000), (" 7 ", 7)])
def test_whole_numbers_in_range_are_read(raw: str, value: int) -> None:
    """Pins the accepted values, the ends of the range included."""
    assert whole_number(1, 1000)(raw) == value


@pytest.mark.parametrize("raw", ["0", "1001", "-3", "2.5", "x", "", "1e3"])
def test_other_values_name_the_range(raw: str) -> None:
    """Pins the refusal text for zero, too large, negative, a fraction, text, nothing, and 1e3."""
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        whole_number(1, 1000)(raw)
    assert str(refused.value) == f"{raw!r} is not a whole number from 1 to 1000"


@pytest.mark.parametrize(
    ("main", "argv", "says"),
    [
        (bench_main.main, ["--runs", "0"], "argument --runs: '0' is not a whole number from 1 to 1000"),
        (load.main, ["--sessions", "1", "0"], "argument --sessions: '0' is not a whole number from 1 to 200"),
        (
            load_proxy.main,
            ["--processes", "99"],
            "argument --processes: '99' is not a whole number from 1 to 16",
        ),
        (check.main, ["--processes", "1"], "--processes: 1 is not from 2 to 16"),
    ],
    ids=["bench", "load", "load-proxy", "deploy-check"],
)
def test_commands_refuse_before_they_start(
    main: Callable[[], None],
    argv: list[str],
    says: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Pins exit status 2 and one line on stderr that says what is wrong, before any server starts."""
    monkeypatch.setattr(sys, "argv", ["prog", *argv])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert says in last
