"""Browser tests: Debian Chromium driven by pytest-playwright, against a real `streamlit run` server.

Environment:
    LEERWINST_APP=path      app script to serve (default app.py, relative to the repo root)
    LEERWINST_SKIP_E2E=1    skip these tests; otherwise a missing chromium is a failure, not a skip,
                            because `make test` installs it.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.e2e.private import Tree, start
from tests.e2e.server import CHROMIUM_ARGS, Server, ServerStartError, serve

E2E_DIR = Path(__file__).resolve().parent


def _skip_e2e() -> bool:
    return os.environ.get("LEERWINST_SKIP_E2E") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `e2e`, so `-m "not e2e"` gives a browser-free run."""
    # This hook sees the whole session's items, not just this folder's.
    skip = pytest.mark.skip(reason="LEERWINST_SKIP_E2E=1")
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            # one xdist group per file (make test: --dist loadgroup): a file's tests share a worker
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
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


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the app on a free local port once per test process (each xdist worker has its own);
    yield its URL. Every test opens its own browser context, so each is a new Streamlit session."""
    app = os.environ.get("LEERWINST_APP", "app.py")
    # cwd = repo root, so .streamlit/config.toml (the production settings) applies in the tests too.
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    try:
        with serve(log_path, app=app) as server:
            yield server.url
    except ServerStartError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def shared_context(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[BrowserContext]:
    """One browser context per test process, for the tests that need no context of their own.

    Each test still gets a page of its own, so a Streamlit session of its own (one websocket per
    page, as with two tabs of one user). What the pages share is the browser's cache: the app's
    JavaScript (and plotly's) is compiled once instead of in every test, about a second of CPU per
    page opened. Tests that ask for ``context``, or make one, get a new empty one as before.
    """
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, shared_context: BrowserContext) -> Iterator[Page]:
    """A new page: in the test's own ``context`` when it asks for one, else in the shared one.

    Every page the test opened in the shared context is closed afterwards, so no session outlives
    its test.
    """
    if "context" in request.fixturenames:
        own: BrowserContext = request.getfixturevalue("context")
        yield own.new_page()
        return
    before = set(shared_context.pages)
    yield shared_context.new_page()
    for opened in [tab for tab in shared_context.pages if tab not in before]:
        opened.close()


@pytest.fixture(scope="session")
def private_tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    """A fresh copy of the app with its own temp and home folders (tests/e2e/private.py), once per
    test process; each test compares the tree before and after its own walk."""
    return Tree(tmp_path_factory.mktemp("private_server"))


@pytest.fixture(scope="session")
def private_server(private_tree: Tree) -> Iterator[Server]:
    """The app served from ``private_tree``: what it writes and logs can be checked afterwards."""
    yield from start(private_tree, "app.py")
