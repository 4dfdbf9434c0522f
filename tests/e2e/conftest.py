"""Browser tests: Debian Chromium driven by pytest-playwright, against a real `streamlit run` server.

Environment:
    LEERWINST_APP=path      app script to serve (default app.py, relative to the repo root)
    LEERWINST_SKIP_E2E=1    skip these tests; otherwise a missing chromium is a failure, not a skip,
                            because `make test` installs it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
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


def _skip_e2e() -> bool:
    return os.environ.get("LEERWINST_SKIP_E2E") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `e2e`, so `-m "not e2e"` gives a browser-free run."""
    # This hook sees the whole session's items, not just this folder's.
    skip = pytest.mark.skip(reason="LEERWINST_SKIP_E2E=1")
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            if _skip_e2e():
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch the system Chromium; `playwright install` downloads a browser and cannot work offline."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail(
            "Debian chromium is not installed. Run `make test` (it installs it) or "
            "`apt-get install -y chromium`; set LEERWINST_SKIP_E2E=1 to skip the browser tests.",
            pytrace=False,
        )
    args = [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS]
    return {**browser_type_launch_args, "executable_path": chromium, "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Same locale and time zone on every machine, so texts, numbers and dates render identically."""
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            body: bytes = response.read()
            return body.strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the app on a free local port for one test module; yield its URL."""
    app = os.environ.get("LEERWINST_APP", "app.py")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # A file, not a PIPE: nobody reads a pipe during the tests, and a full pipe would block the server.
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    command = [
        sys.executable, "-m", "streamlit", "run", app,
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        # cwd = repo root, so .streamlit/config.toml (the production settings) applies in the tests too.
        server = subprocess.Popen(command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not _is_healthy(url):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"streamlit did not become healthy at {url} (exit code {server.poll()}).\n"
                        f"$ {' '.join(command)}\n{log_path.read_text(errors='replace')}",
                        pytrace=False,
                    )
                time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
