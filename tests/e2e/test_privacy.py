"""Privacy in real Chromium: nothing leaves the app's host, nothing is stored, nothing is logged.

The server runs from a fresh copy of the app (app.py, calculators/, content/, ui/, .streamlit/)
with its own empty TMPDIR and HOME, so every file it could write lands in a tree nobody else
touches: relative to its working directory, next to its code, in the temp dir or in ~/.streamlit.
All three are compared byte for byte before and after each walk. (The shared working tree itself
is edited by other people while tests run, so it cannot be watched without false alarms.)

Every HTTP request of the browser context goes through a route that lets only the app's own host
through (and records the rest); websockets are recorded per page. The cookies left after the flow
must be exactly Streamlit's own: ``_streamlit_xsrf``, set because the config keeps XSRF protection
on (Streamlit 1.67 sets no other cookie unless st.login is used, which this app does not).
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, Route, WebSocket, expect

from calculators.i18n import Lang, plural, text
from tests.e2e.flows import (
    OwnerCase,
    amount_pattern,
    dead_end_to_results,
    next_step,
    open_in,
    open_results_tab,
    owner_steps,
)
from tests.e2e.helpers import by_key, open_app, wait_for_app_idle
from tests.e2e.server import REPO_ROOT, Server, ServerStartError, serve

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Only cookies Streamlit itself sets: the XSRF token (server.enableXsrfProtection = true).
STREAMLIT_COOKIES = {"_streamlit_xsrf"}
# ... and in the browser's storage only Streamlit's remembered theme ("System"), no user data.
STREAMLIT_LOCAL_STORAGE = {"stActiveTheme-/-v2"}
APP_FILES = ("app.py", "calculators", "content", "ui", ".streamlit")
# Distinctive values, so finding one in a log or a page cannot be a coincidence.
CASE = OwnerCase(name="Wolkenveld", salary_eur=3917, course_fees_eur=1268, productivity_gain_pct=4)
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


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    return Tree(tmp_path_factory.mktemp("private_server"))


def _start(tree: Tree, app: str) -> Iterator[Server]:
    try:
        with serve(tree.tmp.parent / f"{app}.log", app=app, cwd=tree.app, env=tree.env) as server:
            yield server
    except ServerStartError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def server(tree: Tree) -> Iterator[Server]:
    yield from _start(tree, "app.py")


@pytest.fixture(scope="module")
def probe_server(tree: Tree) -> Iterator[Server]:
    yield from _start(tree, "fault_probe.py")


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


def _assert_private(traffic: Traffic, context: BrowserContext, tree: Tree, before: dict[str, str]) -> None:
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


def _assert_log_clean(server: Server, names: list[str], amounts: list[int]) -> None:
    log = server.log_text()
    assert "You can now view your Streamlit app" in log, "the server's output was not captured"
    for name in names:
        assert name not in log, f"{name!r} appears in the server log:\n{log}"
    for value in amounts:
        assert not amount_pattern(value).search(log), f"{value} appears in the server log:\n{log}"


def walk_team_upload(page: Page, lang: Lang, folder: Path) -> None:
    """Team mode: upload a CSV of TEAM (the template's header, our rows) and export the result.

    Skipped while the app has no team page (ui/pages/team_page.py, being built alongside).
    """
    if not (REPO_ROOT / "ui" / "pages" / "team_page.py").exists():
        return
    from calculators.team.template import template_csv  # with the team page, not before

    header, first_example = list(
        csv.reader(io.StringIO(template_csv(lang).decode("utf-8-sig")), delimiter=";")
    )[:2]
    rows = [[name, str(salary), *first_example[2:]] for name, salary in TEAM]
    team_file = folder / "team.csv"
    with team_file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    page.get_by_test_id("stTopNavLink").filter(has_text=text(lang, "team.nav_title")).click()
    wait_for_app_idle(page)
    by_key(page, "team_upload").locator("input[type=file]").set_input_files(team_file)
    wait_for_app_idle(page)
    expect(page.get_by_text(plural(lang, "team.computed", len(TEAM)))).to_be_visible()
    with page.expect_download() as export:
        by_key(page, "team_export_csv").locator("button").click()
    assert TEAM[0][0] in Path(export.value.path()).read_text(encoding="utf-8-sig")


def test_owner_flow_is_private(
    server: Server, tree: Tree, context: BrowserContext, page: Page, tmp_path: Path
) -> None:
    """Pins the owner flow with a download, then a team upload and export: only local requests,
    Streamlit's cookie, no files written, no names or salaries in the log."""
    before = tree.snapshot()
    traffic = Traffic(context)
    open_in(page, server.url, Lang.NL)
    for _ in owner_steps(page, Lang.NL, CASE):
        expect(page.get_by_test_id("stException")).to_have_count(0)
    # every part of the results drawn once (only the open tab is), the saving tab last
    for section in ("doubts", "money", "cash", "uncertainty", "assumptions", "report", "save"):
        open_results_tab(page, Lang.NL, section)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    with page.expect_download() as download:
        by_key(page, "download_scenario").locator("button").click()
    assert str(CASE.salary_eur) in Path(download.value.path()).read_text(encoding="utf-8")
    walk_team_upload(page, Lang.NL, tmp_path)
    _assert_private(traffic, context, tree, before)
    _assert_log_clean(
        server, [CASE.name, *(name for name, _ in TEAM)], [*CASE.amounts, *(pay for _, pay in TEAM)]
    )


def test_dead_end_flow_is_private(server: Server, tree: Tree, context: BrowserContext, page: Page) -> None:
    """Pins the same for the dead-end comparison, in English."""
    before = tree.snapshot()
    traffic = Traffic(context)
    open_in(page, server.url, Lang.EN)
    dead_end_to_results(page, Lang.EN)
    expect(page.get_by_role("heading", name=text(Lang.EN, "dead_end.title"))).to_be_visible()
    _assert_private(traffic, context, tree, before)
    _assert_log_clean(server, [CASE.name], CASE.amounts)


def test_config_hides_error_details() -> None:
    """Pins the production setting the browser checks below rely on."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showErrorLinks"] is False


def _page_text(page: Page) -> str:
    return page.locator("body").inner_text()


def test_a_defect_shows_no_traceback(probe_server: Server, tree: Tree, page: Page) -> None:
    """Pins what a user sees when code fails: a plain message, no traceback, no error text.

    Inside the wizard's error boundary (a planted defect in the results step) the wizard's own
    message appears and the inputs are kept; outside it, Streamlit's redacted notice.
    """
    before = tree.snapshot()
    open_in(page, probe_server.url, Lang.EN)
    for step in owner_steps(page, Lang.EN, CASE):
        if step.id == "doubts":
            break
    next_step(page)  # the results step runs the planted defect
    expect(page.get_by_text(text(Lang.EN, "wizard.failure"))).to_be_visible()
    shown = _page_text(page)
    for leak in (PLANTED, "Traceback", "RuntimeError", 'File "'):
        assert leak not in shown
    by_key(page, "failure_restart").locator("button").click()
    wait_for_app_idle(page)
    next_step(page)
    next_step(page)
    expect(by_key(page, "in__employee__label").locator("input")).to_have_value(CASE.name)

    open_app(page, f"{probe_server.url}/?fault=uncaught")
    expect(page.get_by_test_id("stException")).to_have_count(1)
    shown = _page_text(page)
    assert "redacted" in shown  # Streamlit's generic notice, so the check below looks at the right page
    for leak in (PLANTED, "Traceback", "RuntimeError", 'File "'):
        assert leak not in shown
    assert PLANTED in probe_server.log_text(), "the full error goes to the server log, for the operator"
    assert tree.snapshot() == before
