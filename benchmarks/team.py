"""Team mode: every employee in one vectorised pass against a loop of ``evaluate()``, same run.

Target (issue 7 §2): at least 20× faster than the per-row loop, for 1,000 and 5,000 employees.
The employees are a seeded, varied team read from a CSV through the real reader (salaries, hours,
training kinds, role outlooks, course fees, hours, durations, subsidies and clauses all vary).
Times are medians of repeated runs.

Reading the file (decoding, parsing and checking every cell, building every scenario) is measured
against evaluating the scenarios it gives, in the same run: target read ≤ 2× evaluate for 5,000
employees, so reading never dominates what the page waits for.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from calculators.money.evaluate import evaluate
from calculators.scenario.model import Scenario
from calculators.team.columns import team_columns
from calculators.team.figures import evaluate_team
from calculators.team.read import read_team_file

TARGET_RATIO = 20.0
READ_TARGET = 2.0  # reading 5,000 rows at most twice the time of evaluating them
_KINDS = ("verplicht", "huidige functie", "verbreding", "werk elders")
_OUTLOOKS = ("stabiel", "onzeker", "doodlopend")


def team_csv(count: int, seed: int = 7) -> bytes:
    """A Dutch team file of ``count`` valid employees (seeded)."""
    rng = random.Random(seed)
    lines = [";".join(column.header_nl for column in team_columns())]
    for number in range(count):
        kind = rng.choice(_KINDS)
        hours_per_week = rng.choice((24, 32, 36, 38, 40))
        duration = rng.randint(1, 6)
        hours = rng.randint(4, min(100, hours_per_week * 4 * duration))
        fees = rng.randint(0, 5000)
        subsidy = rng.choice((0, 0, round(fees * 0.3)))
        clause = "nee" if kind == "verplicht" else rng.choice(("ja", "nee"))
        cells = (
            f"Medewerker {number + 1}",
            f"{rng.randint(2200, 6500)},{rng.randint(0, 99):02d}",
            hours_per_week,
            rng.randint(0, 30),
            rng.randint(18, 66),
            rng.choice(_OUTLOOKS),
            kind,
            fees,
            hours,
            duration,
            rng.choice(("", 0, 150)),
            rng.choice(("", 0, 60)),
            subsidy or "",
            rng.choice(("", "1", "2,5", "4")),
            rng.choice(("", "", 0, 400)),  # new work: margin per month
            rng.choice(("", "8", "11", "20")),
            clause,
        )
        lines.append(";".join(str(cell) for cell in cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def paired_medians(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median times of two runs taken in turns, so a busy moment of the machine weighs on both."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for run, times in zip((first, second), samples, strict=True):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return statistics.median(samples[0]), statistics.median(samples[1])


def _loop(scenarios: list[Scenario]) -> list[object]:
    return [evaluate(s) for s in scenarios]


def _largest_difference(scenarios: list[Scenario]) -> float:
    team = evaluate_team(scenarios)
    loop = [evaluate(s).npv_eur for s in scenarios[:500]]
    return float(np.max(np.abs(np.array(loop) - [m.npv_eur for m in team.members[:500]])))


def report(sizes: tuple[int, ...] = (1_000, 5_000)) -> str:
    """For each team size: read time, vectorised and loop medians, their ratio, and the agreement."""
    lines = []
    for count in sizes:
        raw = team_csv(count)
        scenarios = [row.scenario for row in read_team_file("team.csv", raw).rows]
        assert len(scenarios) == count, f"{count - len(scenarios)} generated rows were refused"
        read_s, vectorised = paired_medians(
            partial(read_team_file, "team.csv", raw), partial(evaluate_team, scenarios), repeats=9
        )
        loop = median_seconds(partial(_loop, scenarios), repeats=3)
        ratio = loop / vectorised
        verdict = "ok" if ratio >= TARGET_RATIO else "UNDER"
        lines.append(
            f"{count:,} employees: vectorised {vectorised * 1000:.1f} ms, evaluate() loop "
            f"{loop * 1000:.0f} ms (medians), {ratio:.0f}x faster (target >= {TARGET_RATIO:.0f}x) "
            f"{verdict}"
        )
        read_ratio = read_s / vectorised
        read_verdict = "ok" if read_ratio <= READ_TARGET else "OVER"
        lines.append(
            f"{count:,} employees: reading the CSV {read_s * 1000:.0f} ms (median) = {read_ratio:.1f}x "
            f"evaluating them (target: read <= {READ_TARGET:.0f}x evaluate) {read_verdict}"
        )
    difference = _largest_difference([row.scenario for row in read_team_file("t.csv", team_csv(500)).rows])
    lines.append(f"largest NPV difference, vectorised vs evaluate(), 500 employees: {difference:.1e} EUR")
    return "\n".join(lines)
