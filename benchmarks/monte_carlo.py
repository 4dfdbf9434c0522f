"""Monte Carlo: the batch model against a loop over the deterministic model, in the same run.

Targets (issue 6): 10,000 draws at least 50× faster than the loop and under 100 ms (median);
peak memory for 100,000 draws under 300 MB; time growing about linearly from 1,000 to 100,000.
The loop is timed on 500 draws and scaled (a full 10,000-draw loop takes tens of seconds).
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from dataclasses import replace

from calculators.money.evaluate import evaluate
from calculators.money.monte_carlo import UNCERTAIN, batch_npv, default_ranges, draw
from calculators.scenario.io import scenario_from_dict

SCENARIO = scenario_from_dict({"benefits": {"productivity_gain": 0.03}})


def _median_ms(count: int, repeats: int = 5) -> float:
    draws = draw(default_ranges(SCENARIO), count)
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        batch_npv(SCENARIO, draws)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _loop_ms_per_draw(count: int = 500) -> float:
    draws = draw(default_ranges(SCENARIO), count)
    s = SCENARIO
    start = time.perf_counter()
    for row in range(count):
        values = {name: float(draws[name][row]) for name in UNCERTAIN}
        factor = 1.0 + values["cost_overrun"]
        benefits = replace(
            s.benefits,
            productivity_gain=values["benefits.productivity_gain"],
            annual_decay=values["benefits.annual_decay"],
        )
        retention = replace(
            s.retention,
            annual_quit_probability=values["retention.annual_quit_probability"],
            quit_probability_change=values["retention.quit_probability_change"],
            replacement_cost_share=values["retention.replacement_cost_share"],
        )
        training = replace(s.training, course_fees_eur=s.training.course_fees_eur * factor)
        changed = replace(s, training=training, benefits=benefits, retention=retention)
        evaluate(changed)
    return (time.perf_counter() - start) * 1000 / count


def report() -> str:
    """Speed against the loop, absolute time, memory and scaling."""
    batch_10k = _median_ms(10_000)
    loop_10k = _loop_ms_per_draw() * 10_000
    tracemalloc.start()
    batch_npv(SCENARIO, draw(default_ranges(SCENARIO), 100_000))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    small, large = _median_ms(1_000), _median_ms(100_000, repeats=3)
    per_draw = [small / 1_000 * 1e3, batch_10k / 10_000 * 1e3, large / 100_000 * 1e3]
    lines = [
        f"10,000 draws: batch {batch_10k:.1f} ms (target < 100 ms), per-draw loop ~{loop_10k / 1000:.1f} s "
        f"(500 draws timed, scaled): {loop_10k / batch_10k:.0f}x faster (target >= 50x)",
        f"peak memory for 100,000 draws: {peak / 1e6:.0f} MB (target < 300 MB)",
        f"scaling: 1,000 / 10,000 / 100,000 draws take {small:.1f} / {batch_10k:.1f} / {large:.0f} ms, "
        f"that is {per_draw[0]:.2f} / {per_draw[1]:.2f} / {per_draw[2]:.2f} µs a draw (linear: equal)",
    ]
    return "\n".join(lines)
