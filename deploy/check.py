"""``make deploy-check``: N app processes behind nginx on loopback, checked through the proxy.

deploy/local.py starts the processes with the systemd unit's command line and nginx with the
production configuration generated for loopback. Then, all through nginx:

1. **spread**: wire sessions (Streamlit's own protocol, benchmarks/load_protocol.py, keeping their
   cookies like a browser) open until every process holds at least one, and each walks the owner
   flow to the calculators' NPV for its own fees;
2. **upload and download**: two Chromium pages on two different processes each upload a team file
   of their own (employees named after their user) and download the team table as CSV, which must
   hold their own employees;
3. **one process killed**: the process holding page A is killed (SIGKILL, as a crash). Page A must
   show Streamlit's reconnect state, then reconnect (nginx sends it on to a live process, where it
   gets a new, empty session) and never show page B's employees; page B keeps working (a second
   download); and new sessions all go to the processes still alive and reach their results;
4. **affinity**, from nginx's access log: every request of one browser (its route cookie) was
   answered by one process (the WebSocket, the upload and the download files included), except
   page A, which moves once: from the killed process to a live one.

Everything started is stopped by its process id on the way out; any failed check exits non-zero.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import itertools
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlparse

from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright

from benchmarks.load import _WireSession
from calculators.i18n import Lang, plural
from calculators.team.template import template_csv
from deploy.local import AppProcess, LogLine, Stack, local_stack
from tests.e2e.server import CHROMIUM_ARGS

__all__ = ["main"]

TIMEOUT_MS = 60_000
CHECK_TIMEOUT_S = 600.0
NEW_AFTER_KILL = 4  # new sessions opened after the kill: each must land on a live process
ROUTE_COOKIE = "leerwinst_route"
MAX_TRIES = 16  # sessions opened to find one on every process: all on one has odds 2 × ½¹⁶ for two
USERS = {"A": "Anouk Zeevalk", "B": "Bram Kortewind"}
_APP = "[data-testid='stApp']"


class CheckFailedError(AssertionError):
    """One check did not hold; the message says which and why."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailedError(message)


def _team_file(user: str, folder: Path) -> Path:
    """The team template with its three employees named after ``user`` ("Anouk Zeevalk 1" …)."""
    content = template_csv(Lang.NL).decode("utf-8-sig")
    for number, example in enumerate(("Monteur", "Verzorgende", "Orderpicker"), start=1):
        _expect(f"\n{example};" in content, f"the team template no longer has the row {example!r}")
        content = content.replace(f"\n{example};", f"\n{user} {number};")
    path = folder / f"team-{user.split()[0].lower()}.csv"
    path.write_text(content, encoding="utf-8")
    return path


def _process_of(stack: Stack, route: str) -> str:
    """The process that answered the first request of this browser (its route key)."""
    answered = [line.answered_by for line in stack.access_log() if line.route == route]
    _expect(bool(answered), f"nginx logged no request for the route key {route}")
    return answered[0]


async def _local_only(route: Route) -> None:
    """The pages may load nothing from any other host (the machine has no network anyway)."""
    if urlparse(route.request.url).hostname in {"127.0.0.1", "localhost"}:
        await route.continue_()
    else:
        await route.abort()


async def _idle(page: Page) -> None:
    await page.locator(f"{_APP}[data-test-connection-state='CONNECTED']").wait_for(state="attached")
    await page.locator(f"{_APP}[data-test-script-state='notRunning']").wait_for(state="attached")


async def _team_page(browser: Browser, stack: Stack) -> tuple[BrowserContext, Page, str]:
    """A new browser on the team page; its route key."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1600}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    await context.route("**/*", _local_only)
    page = await context.new_page()
    await page.goto(f"{stack.url}/team")
    await page.wait_for_timeout(250)
    await _idle(page)
    routes = [
        cookie.get("value", "") for cookie in await context.cookies() if cookie.get("name") == ROUTE_COOKIE
    ]
    _expect(len(routes) == 1, f"the browser holds no {ROUTE_COOKIE} cookie after the first page")
    return context, page, routes[0]


async def _upload_and_download(page: Page, team_file: Path, user: str) -> None:
    """Upload the team file, then download the table as CSV: it must list this user's employees."""
    await page.locator(".st-key-team_upload input[type=file]").set_input_files(team_file)
    await page.wait_for_timeout(250)
    await _idle(page)
    await page.get_by_text(plural(Lang.NL, "team.computed", 3)).wait_for()
    await _download(page, user)


async def _download(page: Page, user: str) -> None:
    """Download the team table as CSV: it must list this user's employees."""
    async with page.expect_download() as download_info:
        await page.locator(".st-key-team_export_csv button").click()
    download = await download_info.value
    rows = list(csv.reader(io.StringIO(Path(await download.path()).read_text("utf-8-sig")), delimiter=";"))
    labels = sorted(row[1] for row in rows[1:])
    _expect(labels == [f"{user} {n}" for n in (1, 2, 3)], f"the download holds {labels}, not {user}'s team")


async def _wire_sessions(
    stack: Stack, needed: set[str], start: int, at_least: int = 1
) -> list[tuple[_WireSession, str]]:
    """Wire sessions through nginx, each to the results, until every process in ``needed`` has one
    (and at least ``at_least`` are open); each with the process that holds it."""
    opened: list[tuple[_WireSession, str]] = []
    for index in range(start, start + MAX_TRIES):
        session = _WireSession(stack.url, salary_eur=3001 + 7 * index, fees_eur=1201 + 3 * index)
        await session.wire.open()
        await session.to_results()  # raises unless the results show the calculators' NPV
        process = _process_of(stack, session.wire.cookies[ROUTE_COOKIE])
        opened.append((session, process))
        if needed <= {where for _, where in opened} and len(opened) >= at_least:
            return opened
    raise CheckFailedError(
        f"{MAX_TRIES} new sessions never reached {sorted(needed)}: {[p for _, p in opened]}"
    )


async def _connection_states(page: Page, seconds: float) -> list[str]:
    """Every connection state the page shows, polled every 100 ms for ``seconds``."""
    states: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = await page.locator(_APP).get_attribute("data-test-connection-state") or "?"
        if not states or states[-1] != state:
            states.append(state)
        if len(states) > 1 and state == "CONNECTED":
            break
        await page.wait_for_timeout(100)
    return states


def _affinity(log: list[LogLine], killed_route: str, killed: str) -> list[str]:
    """Browsers whose requests reached more than one process (only A may move, once, off ``killed``)."""
    by_route: dict[str, list[str]] = {}
    for line in log:
        if line.answered_by != "-":
            by_route.setdefault(line.route, []).append(line.answered_by)
    wrong = []
    for route, processes in by_route.items():
        changes = [processes[0]] + [b for a, b in itertools.pairwise(processes) if a != b]
        allowed = len(changes) == 1 or (route == killed_route and len(changes) == 2 and changes[0] == killed)
        if not allowed:
            wrong.append(f"{route}: {' → '.join(changes)}")
    return wrong


async def _check(stack: Stack, folder: Path, say: Callable[[str], None]) -> None:
    addresses = {app.address for app in stack.apps}
    sessions: list[tuple[_WireSession, str]] = []
    try:
        sessions += await _wire_sessions(stack, addresses, start=0)
        say(f"ok   spread: {len(sessions)} wire sessions reached their results on {len(addresses)} processes")
        route_a, process_a, route_b = await _browsers(stack, folder, sessions, say)
    finally:
        for session, _ in sessions:
            await session.wire.close()
    await asyncio.sleep(0.5)  # nginx logs a WebSocket when it closes
    wrong = _affinity(stack.access_log(), route_a, process_a)
    _expect(not wrong, f"requests of one browser reached several processes: {wrong[:5]}")
    kinds = sorted({_kind(line.uri) for line in stack.access_log() if line.route == route_b})
    say(f"ok   affinity: every browser's requests reached one process (page B: {', '.join(kinds)})")


async def _browsers(
    stack: Stack, folder: Path, sessions: list[tuple[_WireSession, str]], say: Callable[[str], None]
) -> tuple[str, str, str]:
    """Pages A and B on two processes: upload and download, then A's process killed.

    Returns A's route key and process, and B's route key.
    """
    chromium = shutil.which("chromium")
    _expect(chromium is not None, "Debian chromium is missing: `make deploy-check` installs it")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            _, page_a, route_a = await _team_page(browser, stack)
            process_a = _process_of(stack, route_a)
            for _ in range(MAX_TRIES):
                context_b, page_b, route_b = await _team_page(browser, stack)
                if _process_of(stack, route_b) != process_a:
                    break
                await context_b.close()
            process_b = _process_of(stack, route_b)
            _expect(process_b != process_a, f"{MAX_TRIES} browsers never reached another process than A's")
            for page, user in ((page_a, USERS["A"]), (page_b, USERS["B"])):
                await _upload_and_download(page, _team_file(user, folder), user)
            say(f"ok   upload and download: page A on {process_a}, page B on {process_b}, each its own team")
            victim = next(app for app in stack.apps if app.address == process_a)
            await _kill_and_recover(stack, victim, (page_a, page_b), sessions, say)
        finally:
            await browser.close()
    return route_a, process_a, route_b


def _kind(uri: str) -> str:
    """What a request was for: "stream" (the WebSocket), "upload_file", "media", "health", "page" …"""
    parts = uri.split("/")
    if "_stcore" in parts:
        return parts[parts.index("_stcore") + 1]
    return parts[1] if len(parts) > 2 else "page"


async def _kill_and_recover(
    stack: Stack,
    victim: AppProcess,
    pages: tuple[Page, Page],
    sessions: list[tuple[_WireSession, str]],
    say: Callable[[str], None],
) -> None:
    """Kill page A's process; A reconnects to an empty session, B and new sessions carry on."""
    page_a, page_b = pages
    stack.kill(victim)
    states = await _connection_states(page_a, seconds=30)
    _expect(any(state != "CONNECTED" for state in states), f"page A never left CONNECTED: {states}")
    _expect(states[-1] == "CONNECTED", f"page A did not reconnect within 30 s: {states}")
    await _idle(page_a)
    _expect(USERS["B"] not in await page_a.locator(_APP).inner_text(), "page A shows B's team on reconnect")
    # Streamlit keeps the old page drawn until the next script run; the next click runs the new,
    # empty session on the live process: the uploader again, and no team at all
    await page_a.locator(".st-key-team_sort_descending").click()
    await page_a.wait_for_timeout(250)
    await _idle(page_a)
    await page_a.locator(".st-key-team_upload input[type=file]").wait_for(state="attached")
    shown = await page_a.locator(_APP).inner_text()
    _expect(USERS["B"] not in shown, "page A shows page B's employees after the reconnect")
    _expect(USERS["A"] not in shown, "page A still shows its team after a click in a new session")
    say(
        f"ok   one process killed: page A went {' → '.join(states)}; its next click ran a new, empty"
        " session on a live process (no team, never B's)"
    )
    await _download(page_b, USERS["B"])
    survivors = {app.address for app in stack.apps if app is not victim}
    fresh = await _wire_sessions(stack, survivors, start=100, at_least=NEW_AFTER_KILL)
    elsewhere = [process for _, process in fresh if process not in survivors]
    _expect(not elsewhere, f"new sessions went to the killed process: {elsewhere}")
    where = ", ".join(sorted({process for _, process in fresh}))
    say(
        f"ok   after the kill: page B still works; {len(fresh)} new sessions reached their results on {where}"
    )
    sessions += fresh


def run(processes: int, say: Callable[[str], None] = print) -> bool:
    """Start, check and stop; whether every check held."""
    started = time.monotonic()
    pids: list[int] = []
    passed = True
    with tempfile.TemporaryDirectory(prefix="leerwinst-deploy-check-") as name:
        folder = Path(name)
        try:
            with local_stack(processes, folder) as stack:
                pids = [app.pid for app in stack.apps] + [stack.nginx.pid]
                say(f"started app processes (pids {pids[:-1]}) and nginx (pid {pids[-1]}) at {stack.url}")
                work: Awaitable[None] = _check(stack, folder, say)
                asyncio.run(asyncio.wait_for(work, CHECK_TIMEOUT_S))
        except Exception as failure:  # any failure is reported and fails the check; the stack is stopped
            say(f"FAIL {type(failure).__name__}: {failure}")
            passed = False
    alive = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
    if alive:
        say(f"FAIL processes still running after the stop: {alive}")
        passed = False
    verdict = "passed" if passed else "FAILED"
    say(f"deploy-check {verdict} in {time.monotonic() - started:.0f} s; stopped by pid: {pids}")
    return passed


def main() -> None:
    """``python -m deploy.check [--processes 2]``."""
    parser = argparse.ArgumentParser(prog="python -m deploy.check", description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2, help="app processes behind nginx (default 2)")
    args = parser.parse_args()
    if not 2 <= args.processes <= 16:  # one is killed, the others must take over; each is a server
        parser.error(
            f"--processes: {args.processes} is not from 2 to 16 (one is killed, the others take over)"
        )
    sys.exit(0 if run(args.processes) else 1)


if __name__ == "__main__":
    main()
