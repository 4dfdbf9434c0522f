"""The dead-end comparison, against one ``evaluate()`` of the same scenario in the same run.

What the results page computes once per new dead-end case (``ui.cache.cached_dead_end``): the four
options with their legal routes and the "how sure" scan over six assumptions. The baseline is the
single-training evaluation of the same scenario, timed in the same run, so the ratio does not drift
with the machine's speed.

Target: the whole comparison, sensitivity scan included, within 150 evaluations' time, and the four
options alone within 15 (a page that answers within a second on this 2-core machine).
"""

from __future__ import annotations

from benchmarks.team import median_seconds
from calculators.content import CONTENT_DIR
from calculators.dead_end.compare import compare_options
from calculators.money.evaluate import evaluate
from calculators.scenario.io import load_scenario_json

TARGET_FULL = 150.0
TARGET_OPTIONS = 15.0


def measure(repeats: int = 15) -> dict[str, float]:
    """Median seconds of the baseline, the options alone and the full comparison (warehouse example)."""
    scenario = load_scenario_json((CONTENT_DIR / "examples" / "warehouse_dead_end.json").read_bytes())
    compare_options(scenario)  # warm the rules and content caches, as a running app has them
    return {
        "evaluate": median_seconds(lambda: evaluate(scenario), repeats * 4),
        "options": median_seconds(lambda: compare_options(scenario, with_sensitivity=False), repeats * 2),
        "full": median_seconds(lambda: compare_options(scenario), repeats),
    }


def report() -> str:
    """A small table: each time, its ratio to the baseline and whether it meets its target."""
    times = measure()
    base = times["evaluate"]
    rows = [
        f"  evaluate() baseline        {base * 1000:8.2f} ms",
        f"  four options               {times['options'] * 1000:8.2f} ms  "
        f"{times['options'] / base:6.1f}× (target ≤ {TARGET_OPTIONS:.0f}×)",
        f"  with the 'how sure' scan   {times['full'] * 1000:8.2f} ms  "
        f"{times['full'] / base:6.1f}× (target ≤ {TARGET_FULL:.0f}×)",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    print(report())
