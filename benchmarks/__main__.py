"""``python -m benchmarks``: run every benchmark and print ratios against in-run baselines."""

from __future__ import annotations

import argparse
import logging

from benchmarks import dead_end, irr, monte_carlo, rerun, team
from benchmarks.arguments import whole_number

# AppTest runs the app outside a server, and Streamlit warns about that on every call from the
# benchmark's own thread. It resets its loggers' levels from its config whenever an AppTest parses
# it, so a level set here does not hold; a filter on that one logger does.
_BARE_MODE_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"


class _DropBareModeWarning(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning, which AppTest makes harmless."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


def main() -> None:
    """Run the benchmarks."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument(
        "--runs", type=whole_number(1, 1000), default=25, help="reruns per page, 1–1000 (default 25)"
    )
    args = parser.parse_args()
    logging.getLogger(_BARE_MODE_LOGGER).addFilter(_DropBareModeWarning())
    print("Wizard rerun time (AppTest), ratio to a trivial one-widget app in the same run")
    print(rerun.report(rerun.measure(args.runs)))
    print()
    print("IRR, batch solver against a numpy-financial loop in the same run")
    print(irr.report())
    print()
    print("Monte Carlo, batch model against a per-draw loop over the deterministic model")
    print(monte_carlo.report())
    print()
    print("Team mode, one vectorised pass against a loop of evaluate() in the same run")
    print(team.report())
    print()
    print("Dead-end comparison (routes and the 'how sure' scan), against one evaluate() in the same run")
    print(dead_end.report())


if __name__ == "__main__":
    main()
