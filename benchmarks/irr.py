"""IRR of 10,000 cash-flow series: the batch solver against a loop of numpy-financial's irr, same run.

Target (issue 6): at least 20× faster, with the same answers. The series look like a training's:
costs in the first months, then returns, 36 months.
"""

from __future__ import annotations

import time

import numpy as np
import numpy_financial as npf

from calculators.money.irr_batch import irr_batch

TARGET_RATIO = 20.0


def _series(count: int, months: int = 36, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    flows = np.zeros((count, months))
    flows[:, 0] = -rng.uniform(500, 5000, count)
    flows[:, 1] = -rng.uniform(0, 800, count)
    flows[:, 2:] = rng.uniform(0, 250, (count, months - 2))
    return flows


def report(count: int = 10_000) -> str:
    """Both timings, the ratio and the largest difference in the answers."""
    flows = _series(count)
    start = time.perf_counter()
    batch = irr_batch(flows)
    batch_s = time.perf_counter() - start
    start = time.perf_counter()
    loop = np.array([npf.irr(row) for row in flows])
    loop_s = time.perf_counter() - start
    both = np.isfinite(loop)
    difference = float(np.max(np.abs(batch[both] - loop[both]))) if both.any() else 0.0
    ratio = loop_s / batch_s
    verdict = "ok" if ratio >= TARGET_RATIO else "UNDER"
    return (
        f"{count:,} series: batch {batch_s * 1000:.1f} ms, numpy-financial loop {loop_s * 1000:.0f} ms, "
        f"{ratio:.1f}x faster (target >= {TARGET_RATIO:.0f}x) {verdict}; largest difference {difference:.1e}"
    )
