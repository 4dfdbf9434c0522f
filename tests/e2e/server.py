"""A real ``streamlit run`` server on loopback, and the Chromium flags to drive it.

Shared by the browser tests (tests/e2e/conftest.py, test_privacy.py) and the load benchmark
(benchmarks/load.py), so all of them start the app the same way a deployment does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CHROMIUM_ARGS",
    "REPO_ROOT",
    "Server",
    "ServerStartError",
    "descendants",
    "free_port",
    "is_healthy",
    "process_tree_cpu_s",
    "process_tree_rss_kib",
    "reset_peak_rss",
    "serve",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 60.0

# Keep Chromium off the network (this machine has none) and working as root in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where the sandbox refuses to start
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is tiny in containers
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class ServerStartError(RuntimeError):
    """The server exited or did not answer its health check in time; the message holds its log."""


@dataclass(frozen=True)
class Server:
    """A running server: where it answers, its process id and the file its output goes to."""

    url: str
    pid: int
    log_path: Path

    def log_text(self) -> str:
        """Everything the server printed so far (stdout and stderr)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def is_healthy(url: str) -> bool:
    """Whether Streamlit's health endpoint answers "ok"."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            body: bytes = response.read()
            return body.strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def serve(
    log_path: Path, *, app: str = "app.py", cwd: Path = REPO_ROOT, env: Mapping[str, str] | None = None
) -> Iterator[Server]:
    """Serve ``app`` (relative to ``cwd``) on a free loopback port until the block ends.

    ``cwd`` holds the ``.streamlit/config.toml`` that applies (the production settings in the repo
    root); ``env`` is added to this process's environment (e.g. a fresh TMPDIR).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", app,
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    # A file, not a PIPE: nobody reads a pipe while the server runs, and a full pipe would block it.
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not is_healthy(url):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise ServerStartError(
                        f"streamlit did not become healthy at {url} (exit code {server.poll()}).\n"
                        f"$ {' '.join(command)}\n{log_path.read_text(errors='replace')}"
                    )
                time.sleep(0.2)
            yield Server(url=url, pid=server.pid, log_path=log_path)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:  # the thread ended while we looked
            continue
    return found


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (not ``pid`` itself)."""
    return _tree(pid)[1:]


def process_tree_rss_kib(pid: int, field: str = "VmRSS") -> int:
    """Resident memory of a process and all its descendants, in KiB (from /proc, Linux only).

    ``field`` "VmRSS" is the memory now, "VmHWM" each process's peak since it started.
    """
    total = 0
    for member in _tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:  # it exited while we looked
            continue
        total += sum(int(line.split()[1]) for line in status.splitlines() if line.startswith(f"{field}:"))
    return total


def reset_peak_rss(pid: int) -> None:
    """Start VmHWM afresh at the current VmRSS for a process and its descendants (Linux ≥ 4.0)."""
    for member in _tree(pid):
        try:
            Path(f"/proc/{member}/clear_refs").write_text("5")  # 5: reset the peak resident set
        except OSError:
            continue


def process_tree_cpu_s(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its living descendants, in seconds."""
    ticks = 0
    for member in _tree(pid):
        try:
            stat = Path(f"/proc/{member}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "; fields[0] is field 3
        ticks += int(fields[11]) + int(fields[12])  # fields 14 and 15: utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")
