"""Command-line numbers for the benchmark commands: a whole number within a range, or a usage error.

The benchmarks are developer tools, so their messages are English; like every command of the
project, a bad value gets one line naming the option and the allowed range, never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["whole_number"]


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: ``raw`` as a whole number from ``low`` to ``high``.

    >>> whole_number(1, 1000)("25")
    25
    >>> whole_number(1, 1000)("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '0' is not a whole number from 1 to 1000
    """

    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number from {low} to {high}")
        return value

    return parse
