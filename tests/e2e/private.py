"""A private app server for the browser tests: nothing leaves the app's host, nothing is stored,
nothing is logged.

The server runs from a fresh copy of the app (app.py, calculators/, content/, ui/, .streamlit/)
with its own empty TMPDIR and HOME, so every file it could write lands in a tree nobody else
touches: relative to its working directory, next to its code, in the temp dir or in ~/.streamlit.
All three are compared byte for byte before and after a walk. (The shared working tree itself
is edited by other people while tests run, so it cannot be watched without false alarms.)

Every HTTP request of a browser context goes through a route that lets only the app's own host
through (and records the rest); websockets are recorded per page. The cookies left after a flow
must be exactly Streamlit's own: ``_streamlit_xsrf``, set because the config keeps XSRF protection
on (Streamlit 1.67 sets no other cookie unless st.login is used, which this app does not).

Used by test_privacy.py and by the full wizard flow (test_wizard_flow.py), which walks on such a
server so that the main flow is checked for privacy in both languages without a walk of its own.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, Route, WebSocket, expect

from calculators.i18n import Lang, plural, text
from calculators.team.template import template_csv
from calculators.team.write import csv_dialect
from tests.e2e.flows import OwnerCase, amount_pattern
from tests.e2e.helpers import by_key, wait_for_app_idle
from tests.e2e.server import REPO_ROOT, Server, ServerStartError, serve

__all__ = [
    "FAULT_PROBE",
    "PLANTED",
    "PRIVATE_CASE",
    "TEAM",
    "Traffic",
    "Tree",
    "assert_log_clean",
    "assert_private",
    "start",
    "walk_team_upload",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Only cookies Streamlit itself sets: the XSRF token (server.enableXsrfProtection = true).
STREAMLIT_COOKIES = {"_streamlit_xsrf"}
# ... and in the browser's storage only Streamlit's remembered theme ("System"), no user data.
STREAMLIT_LOCAL_STORAGE = {"stActiveTheme-/-v2"}
APP_FILES = ("app.py", "calculators", "content", "ui", ".streamlit")
# Distinctive values, so finding one in a log or a page cannot be a coincidence.
PRIVATE_CASE = OwnerCase(name="Wolkenveld", salary_eur=3917, course_fees_eur=1268, productivity_gain_pct=4)
TEAM = [("Zilverberk", 3847), ("Ravensteyn", 4129)]
# A test-only entry point: the real app, with a defect planted where a bug could be, and an
# uncaught error on request (?fault=uncaught), to see what a user is shown when code fails.
PLANTED = "planted-defect-7c1e"
FAULT_PROBE = f'''
import runpy

import streamlit as st

import ui.wizard.flow

PLANTED = "{PLANTED}"


def _defect(*_args: object) -> None:
    raise RuntimeError(PLANTED)


ui.wizard.flow.render_results = _defect
if st.query_params.get("fault") == "uncaught":
    raise RuntimeError(PLANTED)
runpy.run_path("app.py", run_name="__main__")
'''


class Tree:
    """A server's own copy of the app plus its temp and home directories."""

    def __init__(self, root: Path) -> None:
        self.app = root / "app"
        self.tmp = root / "tmp"
        self.home = root / "home"
        for folder in (self.app, self.tmp, self.home):
            folder.mkdir()
        for name in APP_FILES:
            source = REPO_ROOT / name
            if source.is_dir():
                shutil.copytree(source, self.app / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, self.app / name)
        (self.app / "fault_probe.py").write_text(FAULT_PROBE, encoding="utf-8")

    @property
    def env(self) -> dict[str, str]:
        """The server's environment: its own temp and home, and no .pyc files written at import."""
        folders = {"TMPDIR": str(self.tmp), "TMP": str(self.tmp), "TEMP": str(self.tmp)}
        return {**folders, "HOME": str(self.home), "PYTHONDONTWRITEBYTECODE": "1"}

    def snapshot(self) -> dict[str, str]:
        """Every file and folder under the three roots, with a hash of each file's bytes."""
        found: dict[str, str] = {}
        for root in (self.app, self.tmp, self.home):
            for path in sorted(root.rglob("*")):
                name = str(path.relative_to(root.parent))
                found[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        return found


def start(tree: Tree, app: str) -> Iterator[Server]:
    """Serve ``app`` from the tree's copy, with its own temp and home directories."""
    try:
        with serve(tree.tmp.parent / f"{app}.log", app=app, cwd=tree.app, env=tree.env) as server:
            yield server
    except ServerStartError as error:
        pytest.fail(str(error), pytrace=False)


class Traffic:
    """Every request of one browser context: local ones pass, anything else is refused and kept."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._route)
        for page in context.pages:
            page.on("websocket", self._websocket)
        context.on("page", lambda page: page.on("websocket", self._websocket))

    def _route(self, route: Route) -> None:
        url = route.request.url
        self.urls.append(url)
        parsed = urlparse(url)
        if parsed.scheme in {"data", "blob"} or parsed.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _websocket(self, socket: WebSocket) -> None:
        self.urls.append(socket.url)
        if urlparse(socket.url).hostname not in LOCAL_HOSTS:
            self.foreign.append(socket.url)


def assert_private(traffic: Traffic, context: BrowserContext, tree: Tree, before: dict[str, str]) -> None:
    schemes = {urlparse(url).scheme for url in traffic.urls}
    assert {"http", "ws"} <= schemes, f"page traffic and the app's websocket must both be seen: {schemes}"
    assert traffic.foreign == [], f"requests to other hosts: {traffic.foreign}"
    cookies = context.cookies()
    assert {cookie["name"] for cookie in cookies} == STREAMLIT_COOKIES, cookies
    assert {cookie["domain"] for cookie in cookies} <= LOCAL_HOSTS, cookies
    stored = [item for origin in context.storage_state()["origins"] for item in origin["localStorage"]]
    assert {item["name"] for item in stored} <= STREAMLIT_LOCAL_STORAGE, stored
    after = tree.snapshot()
    added = sorted(set(after) - set(before))
    changed = sorted(name for name in set(after) & set(before) if after[name] != before[name])
    assert (added, changed) == ([], []), f"the server wrote files: added {added}, changed {changed}"


def assert_log_clean(server: Server, names: list[str], amounts: list[int]) -> None:
    log = server.log_text()
    assert "You can now view your Streamlit app" in log, "the server's output was not captured"
    for name in names:
        assert name not in log, f"{name!r} appears in the server log:\n{log}"
    for value in amounts:
        assert not amount_pattern(value).search(log), f"{value} appears in the server log:\n{log}"


def walk_team_upload(page: Page, lang: Lang, folder: Path) -> None:
    """Team mode: upload a CSV of TEAM (the template's header, our rows) and export the result."""
    delimiter = csv_dialect(lang)[0]
    header, first_example = list(
        csv.reader(io.StringIO(template_csv(lang).decode("utf-8-sig")), delimiter=delimiter)
    )[:2]
    rows = [[name, str(salary), *first_example[2:]] for name, salary in TEAM]
    team_file = folder / "team.csv"
    with team_file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([header, *rows])
    page.get_by_test_id("stTopNavLink").filter(has_text=text(lang, "team.nav_title")).click()
    wait_for_app_idle(page)
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(team_file)
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(lang, "team.computed", len(TEAM)))).to_be_visible()
    with page.expect_download() as export:
        by_key(page, "team_export_csv").locator("button").click()
    assert TEAM[0][0] in Path(export.value.path()).read_text(encoding="utf-8-sig")
