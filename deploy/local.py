"""N app processes and nginx in front of them, on loopback, started and stopped by process id.

Used by ``make deploy-check`` (deploy/check.py) and the proxy load benchmark
(benchmarks/load_proxy.py). Each app process runs the systemd unit's command line (deploy/unit.py)
on a free loopback port; nginx runs the production configuration as generated for loopback
(deploy/nginx_config.py) as a foreground process of its own, with its pid file, logs and temp files
in a working directory. Nothing else is touched: not the system's nginx, not its service, not its
logs. On the way out every process started here is stopped by its own process id.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

from deploy.nginx_config import loopback_nginx_conf, nginx_binary
from deploy.unit import app_command, unit_settings
from tests.e2e.server import REPO_ROOT, free_port, is_healthy

__all__ = ["AppProcess", "LogLine", "Stack", "local_stack", "parse_access_log"]

START_TIMEOUT_S = 90.0  # two processes importing pandas and plotly at once on a busy 2-core machine
STOP_TIMEOUT_S = 10.0


class LogLine(NamedTuple):
    """One request in nginx's access log, in the fields the loopback configuration writes."""

    route: str  # the route key ($leerwinst_route): one per browser
    upstream: str  # the app process(es) nginx tried, "127.0.0.1:8601" or "127.0.0.1:8601, 127.0.0.1:8602"
    status: int
    method: str
    uri: str

    @property
    def answered_by(self) -> str:
        """The process that answered (the last one tried); "-" when nginx answered itself."""
        return self.upstream.split(",")[-1].strip()


def parse_access_log(text: str) -> list[LogLine]:
    """The lines of an access log in the loopback configuration's format (deploy/nginx_config.py).

    >>> parse_access_log("0a1b - 200 GET /\\n0a1b 127.0.0.1:1, 127.0.0.1:2 101 GET /x")[1]
    LogLine(route='0a1b', upstream='127.0.0.1:1, 127.0.0.1:2', status=101, method='GET', uri='/x')
    """
    lines = []
    for raw in text.splitlines():
        route, rest = raw.split(" ", 1)
        upstream, status, method, uri = rest.rsplit(" ", 3)  # the upstream may hold ", " itself
        lines.append(LogLine(route, upstream, int(status), method, uri))
    return lines


@dataclass
class AppProcess:
    """One Streamlit process: its port, its process id and its log."""

    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


@dataclass
class Stack:
    """nginx on ``url`` in front of ``apps``; its files in ``workdir``."""

    url: str
    apps: list[AppProcess]
    nginx: subprocess.Popen[bytes]
    workdir: Path

    def access_log(self) -> list[LogLine]:
        """Every request nginx has logged so far."""
        path = self.workdir / "access.log"
        return parse_access_log(path.read_text(encoding="utf-8")) if path.exists() else []

    def kill(self, app: AppProcess) -> None:
        """Kill one app process at once (SIGKILL, as a crash would end it) and reap it."""
        app.process.send_signal(signal.SIGKILL)
        app.process.wait(timeout=STOP_TIMEOUT_S)


def _unit_environment() -> dict[str, str]:
    """The unit's ``Environment=`` settings (``A=1 B=2`` on one line, or several lines)."""
    pairs = [word for line in unit_settings().get("Environment", []) for word in line.split()]
    return dict(pair.split("=", 1) for pair in pairs)


def _start_app(workdir: Path, files: ExitStack) -> AppProcess:
    port = free_port()
    log_path = workdir / f"app-{port}.log"
    log: IO[bytes] = files.enter_context(log_path.open("wb"))
    process = subprocess.Popen(
        app_command(port),
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **_unit_environment()},
    )
    return AppProcess(port, process, log_path)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], what: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not is_healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(
                f"{what} did not answer on {url}/_stcore/health (exit code {process.poll()}):\n"
                + log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            )
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes], stop_signal: signal.Signals = signal.SIGTERM) -> None:
    """Stop one process this module started, by its process id; kill it if it does not stop."""
    if process.poll() is not None:
        return
    process.send_signal(stop_signal)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def local_stack(processes: int, workdir: Path) -> Iterator[Stack]:
    """Start ``processes`` app processes and nginx in front of them; stop them all afterwards."""
    if processes < 1:
        raise ValueError("at least one app process is needed")
    # nginx's workers run as "nobody" when nginx is started by root: they must reach their temp dirs
    workdir.chmod(0o755)
    apps: list[AppProcess] = []
    nginx: subprocess.Popen[bytes] | None = None
    with ExitStack() as files:
        try:
            apps = [_start_app(workdir, files) for _ in range(processes)]
            for app in apps:
                _wait_healthy(f"http://{app.address}", app.process, f"app process {app.pid}", app.log_path)
            listen_port = free_port()
            config = workdir / "nginx.conf"
            config.write_text(loopback_nginx_conf([app.port for app in apps], listen_port, workdir))
            error_log = workdir / "error.log"
            nginx_log: IO[bytes] = files.enter_context((workdir / "nginx.out").open("wb"))
            nginx = subprocess.Popen(
                [nginx_binary(), "-e", str(error_log), "-p", str(workdir), "-c", str(config)],
                stdout=nginx_log,
                stderr=subprocess.STDOUT,
            )
            url = f"http://127.0.0.1:{listen_port}"
            _wait_healthy(url, nginx, f"nginx (process {nginx.pid})", error_log)
            yield Stack(url, apps, nginx, workdir)
        finally:
            if nginx is not None:
                _stop(nginx)  # SIGTERM: at once (a graceful SIGQUIT would wait for every open WebSocket)
            for app in apps:
                _stop(app.process)
