"""The shipped examples (calculators/scenario/examples.py): each file has a name, each name a file."""

from __future__ import annotations

from calculators.i18n import Lang, group, text
from calculators.scenario.examples import EXAMPLES_DIR, example_ids, load_example


def test_files_and_names_match_in_both_languages() -> None:
    """Pins one offered example per file in content/examples, named and described in nl and en."""
    files = {path.stem for path in EXAMPLES_DIR.glob("*.json")}
    assert set(example_ids()) == files
    for lang in Lang:
        assert set(group(lang, "examples.cases")) == files
        for example in files:
            assert text(lang, f"examples.cases.{example}.name")
            assert text(lang, f"examples.cases.{example}.about")


def test_every_example_loads_as_a_valid_scenario() -> None:
    """Pins that each example passes the upload's own checks, and the description's figures are its own."""
    garage = load_example("garage_ev_course")
    assert (garage.employee.age, garage.employee.years_of_service) == (36, 8)
    assert (garage.training.course_fees_eur, garage.training.hours) == (1650, 40)
    for example in example_ids():
        assert load_example(example).schema_version == 1
