"""Load through the proxy: wire sessions through nginx to N app processes (``make load-proxy``).

The deployment of deploy/ on loopback (deploy/local.py: N processes with the systemd unit's command
line, nginx with the production configuration generated for loopback), loaded with sessions that
speak Streamlit's own protocol (benchmarks/load_protocol.py) through nginx, each with the route
cookie nginx gives it, as a browser would. Every session walks the owner flow to the results with its
own salary and fees, then changes its course fees (Back ×3, new fees, Next ×3: seven script runs),
as in benchmarks/load.py:

- **paced** (the target's measure): ``PACED_CHANGES`` changes per session, each after a think time
  of 5–15 s (the first from 0–15 s, so the sessions do not start in step);
- **burst** (the capacity): every session commits its new fees in the same millisecond, once; the
  changes per second the processes then get through is what they can do at most.

*Delivered* is the time from the new fees to the server's message that the results run finished;
every change is also checked against the calculators' NPV for its fees. Per process: the sessions
nginx sent it (the WebSockets in nginx's access log), its CPU time and share of one core while the
sessions changed their fees, and its resident memory before the sessions came (one warm-up session
walked the flow on it), at its peak, and the peak's increase per session. Capacity per core is 1
over the server CPU time per change (all processes together), and sessions per core the same at one
change per ``PACE_S`` seconds per user.

Bounded: every action times out after 60 s, the round after 10 minutes; all traffic stays on
127.0.0.1. Target (issue 19): 2 processes, 100 paced sessions, no errors, p95 delivered under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Shared with the one-server benchmark (benchmarks/load.py): the owner flow on the wire, the change,
# the pacing and the percentile; load.py is long, so they are imported rather than moved.
from benchmarks.arguments import whole_number
from benchmarks.load import (
    PACED_CHANGES,
    THINK_S,
    Timed,
    _percentile,
    _StartLine,
    _WireSession,
)
from deploy.local import Stack, local_stack
from tests.e2e.server import process_tree_cpu_s, process_tree_rss_kib, reset_peak_rss

MODES = ("paced", "burst")
ROUND_TIMEOUT_S = 600.0
TARGET_P95_S = 1.0
PACE_S = 10.0  # one change per 10 s per user: the mean think time of the paced round, a quick reader
WARM_SALARY_EUR, WARM_FEES_EUR = 2999, 1199


@dataclass
class ProcessFigures:
    """One app process during a round."""

    address: str
    sessions: int = 0
    cpu_s: float = 0.0
    rss_before_kib: int = 0
    rss_peak_kib: int = 0

    def mb_per_session(self) -> float:
        """The peak's increase over the warm process, per session it held (1 MB = 1024 KiB)."""
        return (self.rss_peak_kib - self.rss_before_kib) / 1024 / max(1, self.sessions)


@dataclass
class ProxyRound:
    """What N sessions through nginx to P processes measured."""

    processes: int
    sessions: int
    mode: str
    delivered_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_process: list[ProcessFigures] = field(default_factory=list)
    phase_s: float = 0.0  # wall time of the changing phase
    nginx_cpu_s: float = 0.0
    client_cpu_s: float = 0.0  # this script: the sessions' own work (on the same two cores)

    @property
    def changes(self) -> int:
        return len(self.delivered_s)

    @property
    def cpu_per_change_s(self) -> float:
        """Server CPU seconds per change, all app processes together."""
        return sum(item.cpu_s for item in self.per_process) / max(1, self.changes)

    @property
    def changes_per_s_per_core(self) -> float:
        """How many changes one core can answer: 1 / CPU seconds per change."""
        return 1 / self.cpu_per_change_s if self.cpu_per_change_s else float("nan")

    @property
    def sessions_per_core(self) -> float:
        """Users per core at one change per ``PACE_S`` seconds each (the core then fully busy)."""
        return self.changes_per_s_per_core * PACE_S


async def _warm(stack: Stack) -> list[_WireSession]:
    """One session straight to each process walks the flow, so imports and caches are warm.

    They stay connected: a closed session keeps its memory for server.disconnectedSessionTTL
    (120 s) and would be freed in the middle of the round.
    """
    warm = [_WireSession(f"http://{app.address}", WARM_SALARY_EUR, WARM_FEES_EUR) for app in stack.apps]
    for session in warm:
        await session.wire.open()
        await session.to_results()
    return warm


async def _changes(session: _WireSession, mode: str, seed: int, start_line: _StartLine) -> list[Timed]:
    if mode == "burst":
        return [await session.change_fees(start_line)]
    return await session.paced_changes(seed=seed)


async def _round(stack: Stack, sessions: int, mode: str) -> ProxyRound:
    result = ProxyRound(len(stack.apps), sessions, mode)
    warm = await _warm(stack)
    await asyncio.sleep(1.0)
    figures = {app.address: ProcessFigures(app.address) for app in stack.apps}
    for app in stack.apps:
        figures[app.address].rss_before_kib = process_tree_rss_kib(app.pid)
        reset_peak_rss(app.pid)
    users = [_WireSession(stack.url, 3001 + 7 * index, 1201 + 3 * index) for index in range(sessions)]
    opened = await asyncio.gather(*(user.wire.open() for user in users), return_exceptions=True)
    walked = await asyncio.gather(
        *(user.to_results() for user, done in zip(users, opened, strict=True) if done is None),
        return_exceptions=True,
    )
    ready = [user for user, done in zip(users, opened, strict=True) if done is None]
    result.errors += [f"opening: {done!r}" for done in opened if done is not None]
    result.errors += [f"{user.doing}: {done!r}" for user, done in zip(ready, walked, strict=True) if done]
    ready = [user for user, done in zip(ready, walked, strict=True) if done is None]
    start_line = _StartLine(len(ready))
    cpu = {app.address: process_tree_cpu_s(app.pid) for app in stack.apps}
    nginx_cpu, own_cpu = process_tree_cpu_s(stack.nginx.pid), process_tree_cpu_s(os.getpid())
    start = time.perf_counter()
    timed = await asyncio.gather(
        *(_changes(user, mode, index, start_line) for index, user in enumerate(ready)), return_exceptions=True
    )
    result.phase_s = time.perf_counter() - start
    for app in stack.apps:
        figures[app.address].cpu_s = process_tree_cpu_s(app.pid) - cpu[app.address]
        figures[app.address].rss_peak_kib = process_tree_rss_kib(app.pid, "VmHWM")
    result.nginx_cpu_s = process_tree_cpu_s(stack.nginx.pid) - nginx_cpu
    # this process's tree holds the app processes and nginx too
    apps_cpu = sum(item.cpu_s for item in figures.values())
    result.client_cpu_s = process_tree_cpu_s(os.getpid()) - own_cpu - apps_cpu - result.nginx_cpu_s
    for user, outcome in zip(ready, timed, strict=True):
        if isinstance(outcome, BaseException):
            result.errors.append(f"{user.doing}: {outcome!r}")
        else:
            result.delivered_s += [change.delivered_s for change in outcome]
    await asyncio.gather(*(user.wire.close() for user in [*warm, *users]), return_exceptions=True)
    await asyncio.sleep(0.5)  # nginx logs a WebSocket when it closes
    websockets = Counter(line.answered_by for line in stack.access_log() if line.uri == "/_stcore/stream")
    for address, item in figures.items():
        item.sessions = websockets[address]  # the warm-up sessions went straight to their process
    result.per_process = list(figures.values())
    return result


def measure(processes: int, sessions: int, mode: str) -> ProxyRound:
    """One round: ``sessions`` wire sessions through nginx to ``processes`` app processes."""
    with (
        tempfile.TemporaryDirectory(prefix="leerwinst-load-proxy-") as folder,
        local_stack(processes, Path(folder)) as stack,
    ):
        return asyncio.run(asyncio.wait_for(_round(stack, sessions, mode), ROUND_TIMEOUT_S))


def report(item: ProxyRound) -> str:
    """A plain report, with the verdict against the target for a paced round."""
    p50, p95 = _percentile(item.delivered_s, 0.5), _percentile(item.delivered_s, 0.95)
    lines = [
        f"{item.processes} processes behind nginx, {item.sessions} wire sessions, {item.mode}:"
        f" {item.changes} changes in {item.phase_s:.1f} s, {len(item.errors)} errors",
        f"delivered (new fees → results run finished): p50 {p50:.2f} s, p95 {p95:.2f} s",
        "process          sessions  CPU s  busy  CPU s/change  RSS before  peak  MB/session",
    ]
    for figures in item.per_process:
        share = figures.sessions / max(1, item.sessions)
        lines.append(
            f"{figures.address:<17}{figures.sessions:>8}{figures.cpu_s:>7.1f}"
            f"{figures.cpu_s / item.phase_s if item.phase_s else float('nan'):>6.0%}"
            f"{figures.cpu_s / max(1.0, share * item.changes):>14.3f}"
            f"{figures.rss_before_kib / 1024:>12.0f}{figures.rss_peak_kib / 1024:>6.0f}"
            f"{figures.mb_per_session():>12.2f}"
        )
    lines += [
        f"nginx CPU {item.nginx_cpu_s:.1f} s; the sessions' own client CPU {item.client_cpu_s:.1f} s"
        " (same two cores)",
        f"capacity: {item.cpu_per_change_s:.3f} server CPU s per change → {item.changes_per_s_per_core:.1f}"
        f" changes/s per core; at one change per {PACE_S:.0f} s per user {item.sessions_per_core:.0f}"
        " sessions per core (that core then fully busy)",
        f"paced: {PACED_CHANGES} changes per session, think time {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s;"
        " burst: one change per session, all at once. A change is seven script runs.",
    ]
    if item.mode == "paced":
        verdict = "ok" if not item.errors and p95 < TARGET_P95_S else "OVER"
        lines.append(f"target: no errors, p95 < {TARGET_P95_S:.0f} s: {verdict}")
    lines += [f"  error: {error[:300]}" for error in item.errors[:5]]
    return "\n".join(lines)


def main() -> None:
    """``python -m benchmarks.load_proxy [--processes 2] [--sessions 100] [--mode paced]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load_proxy", description="wire sessions through nginx to N processes"
    )
    parser.add_argument(
        "--processes", type=whole_number(1, 16), default=2, help="app processes behind nginx, 1–16 (2)"
    )
    parser.add_argument(
        "--sessions", type=whole_number(1, 1000), default=100, help="sessions at once, 1–1000 (default 100)"
    )
    parser.add_argument("--mode", choices=MODES, default="paced", help="default: paced")
    args = parser.parse_args()
    print(f"Load through nginx on loopback, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    item = measure(args.processes, args.sessions, args.mode)
    print(report(item))
    if item.errors or (item.mode == "paced" and _percentile(item.delivered_s, 0.95) >= TARGET_P95_S):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
