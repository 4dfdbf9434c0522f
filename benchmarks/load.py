"""Load: N people use one server at once (issue 8 §4). Opt-in: ``python -m benchmarks.load`` (``make load``).

For each N (1, 10, 25) a fresh ``streamlit run`` server starts on 127.0.0.1 with N sessions.
Every session walks the owner flow to the results with its own salary and fees. Then every
session changes its case as a user does: Back to the training step, new course fees (committed
with Enter), Next to the results: seven script runs. Two times are taken from Enter: until the
server's message that the results run has finished arrives (*delivered*), and until the results
show the calculators' net present value for the new fees (*shown*). *result step* is the part from
the click on Next into the results: the one run that recomputes the case.

Two kinds of client, each its own rounds:

- **browser**: one Chromium opens N browser contexts with Playwright's async API; *shown* is read
  in the page (polled every 25 ms). Chromium runs on the server's two cores, at a lower priority
  (nice 10), and needs several times the server's CPU for each change (the table shows both), so
  at 25 sessions these rounds mostly measure Chromium waiting for a core.
- **wire**: N sessions on Streamlit's own WebSocket protocol (benchmarks/load_protocol.py): the
  same run requests a page sends, every message read, every chart's data file fetched, nothing
  drawn. On a deployment each browser runs on its user's own computer; this is what the server
  itself answers. *shown* is the NPV read from the messages.

Two ways of changing, each its own round:

- **paced** (the target's measure): all N sessions stay connected and each makes
  ``PACED_CHANGES`` changes, each after a think time drawn from ``THINK_S`` (seeded per session),
  the first from ``0 … THINK_S[1]`` so the sessions do not start in step. That is how N people
  working at the same time load a server: a person reads the answer before changing a number,
  and 5 to 15 seconds is quick for that (load tools such as Locust model users the same way,
  with a wait between tasks).
- **burst** (the worst case): all N sessions commit their new fees in the same millisecond, once.
  Nobody works like that, but it shows the most that one server process can be asked at once.

Memory is the server's resident set (VmRSS of the server process and its children, from /proc)
with one warm-up session that has walked the same flow, and again with it and all N sessions still
connected, and its peak in between (VmHWM, reset after the first reading); the peak minus the
first, divided by N, is what one more session costs at most. *busy* is the server's CPU time over
the changing phase's wall time: one process runs Python on about one core, so near 100 % it is
saturated.

Bounded: every action times out after 60 s, each round after 10 minutes, and the browsers'
requests to any host but the server's are refused. Targets (issue 8): 25 sessions without errors,
p95 under 2 s, under 30 MB per added session.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.arguments import whole_number
from benchmarks.load_protocol import ProtocolSession
from calculators import evaluate, scenario_from_dict
from calculators.explain import key_figures
from calculators.i18n import Lang, text
from tests.e2e.server import (
    CHROMIUM_ARGS,
    descendants,
    process_tree_cpu_s,
    process_tree_rss_kib,
    reset_peak_rss,
    serve,
)

SESSIONS = (1, 10, 25)
MODES = ("paced", "burst")
CLIENTS = ("browser", "wire")
PACED_CHANGES = 3
THINK_S = (5.0, 15.0)
BROWSER_NICE = 10  # Chromium's priority (0 normal, 19 lowest): below the server's, see _lower_priority…
TARGET_P95_S = 2.0
TARGET_MB_PER_SESSION = 30.0
ACTION_TIMEOUT_MS = 60_000
ROUND_TIMEOUT_S = 600.0
FEE_CHANGE_EUR = 500
LANG = Lang.NL
SALARY_KEY = "in__employee__gross_monthly_salary_eur"
FEES_KEY = "in__training__course_fees_eur"

_FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
_READY = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app !== null && app.getAttribute("data-test-script-state") === "notRunning"
    && app.getAttribute("data-test-connection-state") === "CONNECTED"
    && document.querySelector(".st-key-nav_next button") !== null;
}"""
_SHOWS = """([label, value]) => [...document.querySelectorAll("[data-testid='stMetric']")].some(
  (card) => card.innerText.includes(label)
    && card.querySelector("[data-testid='stMetricValue']")?.innerText.trim() === value)"""


@dataclass
class Round:
    """What N sessions at once measured."""

    sessions: int
    mode: str  # "paced" or "burst"
    client: str = "browser"  # or "wire": Streamlit's protocol without a browser
    change_s: list[float] = field(default_factory=list)  # Enter → the new NPV drawn in the page
    delivered_s: list[float] = field(
        default_factory=list
    )  # Enter → the server's last run has reached the page
    result_step_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_before_kib: int = 0
    rss_after_kib: int = 0
    rss_peak_kib: int = 0
    server_cpu_s: float = 0.0  # while the sessions changed their fees
    phase_s: float = 0.0  # how long that took (wall clock)
    browser_cpu_s: float = 0.0  # the same for Chromium, Playwright and this script

    def per_change(self, cpu_s: float) -> float:
        """CPU seconds per change (Back ×3, new fees, Next ×3), think times included."""
        return cpu_s / max(1, len(self.change_s))

    @property
    def server_busy(self) -> float:
        """The share of the changing phase the server process spent on the CPU (1.0 = one core)."""
        return self.server_cpu_s / self.phase_s if self.phase_s else float("nan")

    @property
    def mb_per_session(self) -> float:
        """Added resident memory per session at the round's peak, in MB (1 MB = 1024 KiB).

        The peak, not the end: what Python frees is not always given back, and when it is, the
        figure at the end depends on the moment it is read.
        """
        return (max(self.rss_peak_kib, self.rss_after_kib) - self.rss_before_kib) / 1024 / self.sessions


class Timed(NamedTuple):
    """One change, in seconds from Enter on the new fees."""

    shown_s: float  # until the page shows the new NPV
    delivered_s: float  # until the server's message that the results run finished reached the page
    result_step_s: float  # from the click into the results until the new NPV shows


class _StartLine:
    """Lets all sessions commit their change at the same moment; one that failed before stops counting."""

    def __init__(self, sessions: int) -> None:
        self._missing = sessions
        self._go = asyncio.Event()

    def drop(self) -> None:
        """One session will not arrive."""
        self._missing -= 1
        if self._missing <= 0:
            self._go.set()

    async def arrive(self) -> None:
        """Wait until every other session has arrived (or dropped out)."""
        self.drop()
        await self._go.wait()


def _expected_npv(salary_eur: int, fees_eur: int) -> str:
    """The NPV card's text for this salary and these fees, from the calculators."""
    case = {"employee": {"gross_monthly_salary_eur": salary_eur}, "training": {"course_fees_eur": fees_eur}}
    return key_figures(evaluate(scenario_from_dict(case)), LANG).npv


class _User:
    """The owner flow and the change, for any way of driving the app (a browser, or the wire)."""

    salary_eur: int
    fees_eur: int
    doing: str

    async def click(self, key: str) -> None:
        raise NotImplementedError

    async def type(self, key: str, value: int, start_line: _StartLine | None = None) -> float:
        raise NotImplementedError

    async def shows_npv(self) -> None:
        raise NotImplementedError

    async def into_results(self) -> float:
        """Click Next into the results; when the server's message that the run finished arrived."""
        raise NotImplementedError

    async def shows_no_error(self) -> None:
        raise NotImplementedError

    async def to_results(self) -> None:
        """Start → company → employee (salary) → training (fees) → yields → doubts → results."""
        await self.click("nav_next")
        await self.click("nav_next")
        await self.type(SALARY_KEY, self.salary_eur)
        await self.click("nav_next")
        await self.type(FEES_KEY, self.fees_eur)
        for _ in range(3):
            await self.click("nav_next")
        await self.shows_npv()

    async def change_fees(self, start_line: _StartLine | None = None) -> Timed:
        """Back to training, new fees, Next to the results, timed from the new fees' Enter."""
        try:
            for _ in range(3):
                await self.click("nav_back")
        except BaseException:
            if start_line is not None:
                start_line.drop()
            raise
        self.fees_eur += FEE_CHANGE_EUR
        start = await self.type(FEES_KEY, self.fees_eur, start_line)
        await self.click("nav_next")
        await self.click("nav_next")
        last = time.perf_counter()
        delivered = await self.into_results()
        await self.shows_npv()
        end = time.perf_counter()
        await self.shows_no_error()
        return Timed(end - start, delivered - start, end - last)

    async def paced_changes(self, seed: int) -> list[Timed]:
        """``PACED_CHANGES`` changes, each after a think time (the first spreads the starts)."""
        pause = random.Random(seed)
        timings = []
        for index in range(PACED_CHANGES):
            low = 0.0 if index == 0 else THINK_S[0]
            await asyncio.sleep(pause.uniform(low, THINK_S[1]))
            timings.append(await self.change_fees())
        return timings


class _Session(_User):
    """One browser context driving the app like a user, at full speed.

    A step is done when the server says its script run has finished: the session counts the
    ``script_finished`` messages on its websocket. (The page's own "running" flag can miss a run
    that is quicker than one React render, and a fixed pause would measure the pause.)
    """

    def __init__(self, page: Page, salary_eur: int, fees_eur: int) -> None:
        self.page = page
        self.salary_eur = salary_eur
        self.fees_eur = fees_eur
        self.doing = "opening"  # the current action, for error messages
        self.runs = 0
        self.finished_at = 0.0  # when the last finished run's message arrived
        self._ran = asyncio.Event()
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "script_finished" and message.script_finished == _FINISHED:
            self.runs += 1
            self.finished_at = time.perf_counter()
            self._ran.set()

    async def _after(self, before: int) -> None:
        async with asyncio.timeout(ACTION_TIMEOUT_MS / 1000):
            while self.runs <= before:
                self._ran.clear()
                await self._ran.wait()

    async def click(self, key: str) -> None:
        self.doing = f"clicking {key}"
        before = self.runs
        await self.page.locator(f".st-key-{key} button").click()
        await self._after(before)

    async def type(self, key: str, value: int, start_line: _StartLine | None = None) -> float:
        """Type ``value`` and commit it with Enter (at the start line's signal); when Enter was pressed."""
        self.doing = f"typing {value} into {key}"
        field_ = self.page.locator(f".st-key-{key} input")
        if float(await field_.input_value()) == value:
            raise ValueError(f"{key} is {value} already: typing it would not start a run")
        await field_.fill(str(value))
        if start_line is not None:
            await start_line.arrive()
        before = self.runs
        pressed = time.perf_counter()
        await field_.press("Enter")
        await self._after(before)
        return pressed

    async def shows_npv(self) -> None:
        """Wait until the results show the calculators' NPV for this salary and these fees."""
        expected = _expected_npv(self.salary_eur, self.fees_eur)
        self.doing = f"waiting for the NPV {expected}"
        await self.page.wait_for_function(_SHOWS, arg=[text(LANG, "results.npv_label"), expected], polling=25)

    async def into_results(self) -> float:
        before = self.runs
        await self.page.locator(".st-key-nav_next button").click()
        await self._after(before)
        return self.finished_at

    async def shows_no_error(self) -> None:
        if await self.page.get_by_test_id("stException").count():
            raise RuntimeError("the results page shows an error")

    async def open(self, url: str) -> None:
        await self.page.goto(url)
        await self._after(0)
        await self.page.wait_for_function(_READY, polling=25)


class _WireSession(_User):
    """One session on Streamlit's WebSocket protocol, no browser (benchmarks/load_protocol.py)."""

    def __init__(self, url: str, salary_eur: int, fees_eur: int) -> None:
        self.wire = ProtocolSession(url)
        self.salary_eur = salary_eur
        self.fees_eur = fees_eur
        self.doing = "opening"

    async def click(self, key: str) -> None:
        self.doing = f"clicking {key}"
        await self.wire.click(key)

    async def type(self, key: str, value: int, start_line: _StartLine | None = None) -> float:
        self.doing = f"typing {value} into {key}"
        if start_line is not None:
            await start_line.arrive()
        return await self.wire.type(key, value)

    async def shows_npv(self) -> None:
        expected = _expected_npv(self.salary_eur, self.fees_eur)
        shown = self.wire.last.metrics.get(text(LANG, "results.npv_label"))
        if shown != expected:
            raise RuntimeError(f"the results show the NPV {shown!r}, the calculators {expected!r}")

    async def into_results(self) -> float:
        await self.click("nav_next")
        return self.wire.finished_at

    async def shows_no_error(self) -> None:
        if self.wire.last.exception:
            raise RuntimeError("the results page shows an error")


async def _local_only(route: Route, foreign: list[str]) -> None:
    parsed = urlparse(route.request.url)
    if parsed.scheme in {"data", "blob"} or parsed.hostname in {"127.0.0.1", "localhost"}:
        await route.continue_()
    else:
        foreign.append(route.request.url)
        await route.abort()


async def _new_session(
    browser: Browser, url: str, index: int, foreign: list[str]
) -> tuple[BrowserContext, _Session]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await context.route("**/*", lambda route: _local_only(route, foreign))
    # every session its own case: its own salary and fees (never the defaults, € 2800 and € 1000,
    # so typing them always starts a run), everything else at its default
    session = _Session(await context.new_page(), salary_eur=3001 + 7 * index, fees_eur=1201 + 3 * index)
    await session.open(url)
    return context, session


Closer = Callable[[], Awaitable[None]]


async def _opened(
    browser: Browser, client: str, url: str, index: int, foreign: list[str]
) -> tuple[Closer, _User]:
    """A new session of this kind of client, on the start page."""
    if client == "browser":
        context, session = await _new_session(browser, url, index, foreign)
        return context.close, session
    wire = _WireSession(url, salary_eur=3001 + 7 * index, fees_eur=1201 + 3 * index)
    await wire.wire.open()
    return wire.wire.close, wire


async def _round(browser: Browser, client: str, sessions: int, mode: str, log_dir: Path) -> Round:
    result = Round(sessions, mode, client)
    foreign: list[str] = []
    with serve(log_dir / f"server-{client}-{mode}-{sessions}.log") as server:
        warm_close, warm = await _opened(browser, client, server.url, 999, foreign)
        await warm.to_results()
        # it stays connected: a closed session keeps its memory for server.disconnectedSessionTTL
        # (120 s) and would be freed in the middle of the round
        await asyncio.sleep(1.0)
        result.rss_before_kib = process_tree_rss_kib(server.pid)
        reset_peak_rss(server.pid)
        opened = await asyncio.gather(
            *(_opened(browser, client, server.url, index, foreign) for index in range(sessions)),
            return_exceptions=True,
        )
        closers = [item[0] for item in opened if not isinstance(item, BaseException)]
        live = [item[1] for item in opened if not isinstance(item, BaseException)]
        result.errors += [repr(item) for item in opened if isinstance(item, BaseException)]
        walked = await asyncio.gather(*(session.to_results() for session in live), return_exceptions=True)
        result.errors += [
            f"{session.doing}: {outcome!r}"
            for session, outcome in zip(live, walked, strict=True)
            if isinstance(outcome, BaseException)
        ]
        ready = [session for session, outcome in zip(live, walked, strict=True) if outcome is None]
        start_line = _StartLine(len(ready))
        server_cpu, all_cpu = process_tree_cpu_s(server.pid), process_tree_cpu_s(os.getpid())
        phase_start = time.perf_counter()
        if mode == "burst":
            timed = await asyncio.gather(
                *(_one(session.change_fees(start_line)) for session in ready), return_exceptions=True
            )
        else:
            timed = await asyncio.gather(
                *(session.paced_changes(seed=index) for index, session in enumerate(ready)),
                return_exceptions=True,
            )
        result.phase_s = time.perf_counter() - phase_start
        result.server_cpu_s = process_tree_cpu_s(server.pid) - server_cpu
        result.browser_cpu_s = process_tree_cpu_s(os.getpid()) - all_cpu - result.server_cpu_s
        for session, outcome in zip(ready, timed, strict=True):
            if isinstance(outcome, BaseException):
                result.errors.append(f"{session.doing}: {outcome!r}")
            else:
                result.change_s += [timed.shown_s for timed in outcome]
                result.delivered_s += [timed.delivered_s for timed in outcome]
                result.result_step_s += [timed.result_step_s for timed in outcome]
        result.rss_after_kib = process_tree_rss_kib(server.pid)
        result.rss_peak_kib = process_tree_rss_kib(server.pid, "VmHWM")
        result.errors += [f"request to another host: {url}" for url in foreign]
        for close in [warm_close, *closers]:
            await close()
    return result


def _lower_priority_of_children(nice: int) -> None:
    """Playwright's driver and Chromium (every process started so far below this one) yield the CPU
    to the server: on a deployment they run on the users' own computers. Processes Chromium starts
    later inherit the value; the servers, started later by this process, keep the normal priority."""
    for pid in descendants(os.getpid()):
        try:
            os.setpriority(os.PRIO_PROCESS, pid, nice)
        except OSError:  # it has already ended
            continue


async def _one(change: Awaitable[Timed]) -> list[Timed]:
    return [await change]


async def _measure(
    sessions: tuple[int, ...], modes: tuple[str, ...], clients: tuple[str, ...]
) -> list[Round]:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian chromium is needed: apt-get install -y chromium")
    rounds = []
    with tempfile.TemporaryDirectory(prefix="leerwinst-load-") as folder:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            _lower_priority_of_children(BROWSER_NICE)
            try:
                for client in clients:
                    for mode in modes:
                        for count in sessions:
                            work = _round(browser, client, count, mode, Path(folder))
                            rounds.append(await asyncio.wait_for(work, ROUND_TIMEOUT_S))
            finally:
                await browser.close()
    return rounds


def measure(
    sessions: tuple[int, ...] = SESSIONS, modes: tuple[str, ...] = MODES, clients: tuple[str, ...] = CLIENTS
) -> list[Round]:
    """Run one round per kind of client, way of changing and session count."""
    return asyncio.run(_measure(sessions, modes, clients))


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p50 of 1 value is that value); nan when nothing was measured."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))  # ceil(share × n)
    return ordered[rank - 1]


def _meets_target(item: Round, times: list[float]) -> bool:
    return (
        not item.errors
        and _percentile(times, 0.95) < TARGET_P95_S
        and item.mb_per_session < TARGET_MB_PER_SESSION
    )


def report(rounds: list[Round]) -> str:
    """A plain table and a verdict against the targets, per kind of client and way of changing."""
    lines = [
        "                       Enter→delivered Enter→shown   result step CPU s/change      server RSS (MB)",
        "client mode sess chg err p50    p95    p50    p95    p50    p95 server client busy before peak /ses",
    ]
    for item in rounds:
        times = (item.delivered_s, item.change_s, item.result_step_s)
        lines.append(
            f"{item.client:<7}{item.mode:<6}{item.sessions:>4}{len(item.change_s):>4}{len(item.errors):>4}"
            + "".join(
                f"{_percentile(values, 0.5):>6.2f}s{_percentile(values, 0.95):>6.2f}s" for values in times
            )
            + f"{item.per_change(item.server_cpu_s):>6.2f}{item.per_change(item.browser_cpu_s):>7.2f}"
            f"{item.server_busy:>5.0%}"
            f"{item.rss_before_kib / 1024:>7.0f}{item.rss_peak_kib / 1024:>5.0f}{item.mb_per_session:>7.1f}"
        )
    lines += [
        f"paced: {PACED_CHANGES} changes per session, think time {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s;"
        " burst: one change per session, all at once. CPU per change includes the think time.",
        "browser: a Chromium page per session (at nice 10, on the server's 2 cores); wire: Streamlit's own"
        " protocol, no drawing (benchmarks/load_protocol.py).",
        "delivered: the server's message that the results run finished has arrived; shown: the page has"
        " drawn the new NPV (wire: read from the messages). busy: server CPU time over the changing phase's"
        " wall time (100% = one core, about all one process can use).",
    ]
    for client, mode in dict.fromkeys((item.client, item.mode) for item in rounds):
        largest = max(
            (item for item in rounds if (item.client, item.mode) == (client, mode)),
            key=lambda item: item.sessions,
        )
        measures = (("delivered", largest.delivered_s), ("shown", largest.change_s))
        verdicts = ", ".join(
            f"{name} {'ok' if _meets_target(largest, times) else 'OVER'}"
            for name, times in measures[: 1 if client == "wire" else 2]
        )
        lines.append(
            f"target at {largest.sessions} sessions ({client}, {mode}): no errors, p95 < {TARGET_P95_S:.0f}"
            f" s, < {TARGET_MB_PER_SESSION:.0f} MB per session: {verdicts}"
        )
    for item in rounds:
        lines += [
            f"  error with {item.sessions} sessions ({item.client}, {item.mode}): {error[:300]}"
            for error in item.errors[:5]
        ]
    return "\n".join(lines)


def main() -> None:
    """``python -m benchmarks.load [--sessions 1 10 25] [--modes paced burst] [--clients browser wire]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load", description="N sessions at once on one server, on loopback"
    )
    parser.add_argument(
        "--sessions",
        type=whole_number(1, 200),
        nargs="+",
        default=list(SESSIONS),
        help="1–200 each; default: 1 10 25",
    )
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="default: paced burst")
    parser.add_argument(
        "--clients", nargs="+", choices=CLIENTS, default=list(CLIENTS), help="default: browser wire"
    )
    args = parser.parse_args()
    print("Load: simultaneous sessions on one server (loopback), owner flow, course fees changed")
    print(report(measure(tuple(args.sessions), tuple(args.modes), tuple(args.clients))))


if __name__ == "__main__":
    main()
