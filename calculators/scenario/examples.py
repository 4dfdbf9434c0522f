"""The shipped example cases (content/examples/*.json): a start for an owner whose case looks alike.

Each file is an ordinary scenario file, read with the same checks as an upload
(:func:`calculators.scenario.io.load_scenario_json`); its name for the owner is in content/i18n
(``examples.cases.<file name>``), and a test checks that files and names match.
"""

from __future__ import annotations

from functools import lru_cache

from calculators.content import CONTENT_DIR
from calculators.i18n import Lang, group
from calculators.scenario.io import load_scenario_json
from calculators.scenario.model import Scenario

__all__ = ["EXAMPLES_DIR", "example_ids", "load_example"]

EXAMPLES_DIR = CONTENT_DIR / "examples"


def example_ids() -> tuple[str, ...]:
    """The examples in the order the start step offers them (content/i18n ``examples.cases``).

    >>> example_ids()[0]
    'garage_ev_course'
    """
    return group(Lang.NL, "examples.cases")


@lru_cache(maxsize=8)
def load_example(example_id: str) -> Scenario:
    """One example as a scenario (KeyError for a name that is not offered).

    >>> load_example("garage_ev_course").employee.label
    'Monteur'
    """
    if example_id not in example_ids():
        raise KeyError(f"no example {example_id!r}")
    return load_scenario_json((EXAMPLES_DIR / f"{example_id}.json").read_bytes())
