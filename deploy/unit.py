"""The app's production command line, read from the systemd unit (deploy/systemd/leerwinst@.service).

The unit is the one place that spells out how a production process starts. ``make deploy-check``
starts its processes with the unit's ``ExecStart`` (this machine's Python in place of the unit's
venv path, the port in place of ``%i``), and tests/deploy compares the container's command and the
Kubernetes container arguments with the same flags, so the three cannot drift apart.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

__all__ = ["UNIT_FILE", "app_command", "streamlit_flags", "unit_settings"]

UNIT_FILE = Path(__file__).resolve().parent / "systemd" / "leerwinst@.service"
_PREFIX = ["-m", "streamlit", "run", "app.py"]


def unit_settings(text: str | None = None) -> dict[str, list[str]]:
    """Every ``Key=value`` of the unit file, by key, in order (a key may occur more than once).

    >>> unit_settings("[Service]\\n# a comment\\nUser=leerwinst\\nEnvironment=A=1\\nEnvironment=B=2")
    {'User': ['leerwinst'], 'Environment': ['A=1', 'B=2']}
    """
    text = UNIT_FILE.read_text(encoding="utf-8") if text is None else text
    settings: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def streamlit_flags(text: str | None = None) -> dict[str, str]:
    """The ``--section.option value`` flags of the unit's ExecStart, by option.

    >>> streamlit_flags("ExecStart=/v/bin/python -m streamlit run app.py --server.port %i --a.b c")
    {'server.port': '%i', 'a.b': 'c'}
    """
    (exec_start,) = unit_settings(text)["ExecStart"]
    words = shlex.split(exec_start)
    if words[1:5] != _PREFIX:
        raise ValueError(f"ExecStart must run `python -m streamlit run app.py`: {exec_start!r}")
    rest = words[5:]
    if len(rest) % 2 or not all(word.startswith("--") for word in rest[::2]):
        raise ValueError(f"ExecStart flags must come as `--section.option value` pairs: {rest!r}")
    return {name[2:]: value for name, value in zip(rest[::2], rest[1::2], strict=True)}


def app_command(port: int, python: str = sys.executable) -> list[str]:
    """The unit's command for the process on ``port``, run by ``python`` (from the repo root)."""
    flags = streamlit_flags()
    if flags.get("server.port") != "%i":
        raise ValueError("the unit must take its port from the instance name: --server.port %i")
    command = [python, *_PREFIX]
    for name, value in flags.items():
        command += [f"--{name}", str(port) if value == "%i" else value]
    return command
