"""The dead-end comparison's "how sure is that order" sentences: thresholds in the units people use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison, Sensitivity
from calculators.i18n import Lang
from calculators.scenario.examples import load_example
from ui.dead_end.text import sensitivity_lines


@pytest.fixture(scope="module")
def comparison() -> DeadEndComparison:
    return compare_options(load_example("warehouse_dead_end"), with_sensitivity=False)


def _lines(comparison: DeadEndComparison, *items: Sensitivity, lang: Lang) -> list[str]:
    return [
        line.replace("\xa0", " ")
        for line in sensitivity_lines(replace(comparison, sensitivities=items), lang)
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (Lang.NL, "Cursusgeld hoger is dan € 11.438 (nu € 2.500);"),
        (Lang.EN, "Course fees above €11,438 (now €2,500);"),
    ],
)
def test_a_threshold_in_euros_is_whole_euros(
    comparison: DeadEndComparison, lang: Lang, expected: str
) -> None:
    """Pins € 11.438 for a threshold of 11,438.42 (half up: .42 rounds down), as every amount on the page.

    The screenshot dead_end_en_results_internal_job.png showed "€11,438.42": a precision the
    assumptions behind a threshold do not have.
    """
    item = Sensitivity(field="training.course_fees_eur", current=2500.0, lower=None, upper=11438.42)
    assert _lines(comparison, item, lang=lang) == [expected]


def test_a_threshold_rounds_half_up_to_the_euro(comparison: DeadEndComparison) -> None:
    """Pins 11,438.50 → € 11.439 and a lower bound of 99.49 → € 99."""
    item = Sensitivity(field="training.course_fees_eur", current=2500.0, lower=99.49, upper=11438.5)
    assert _lines(comparison, item, lang=Lang.NL) == [
        "Cursusgeld lager is dan € 99 (nu € 2.500);",
        "Cursusgeld hoger is dan € 11.439 (nu € 2.500);",
    ]


def test_an_hourly_rate_keeps_its_cents(comparison: DeadEndComparison) -> None:
    """Pins € 23,47 for an hourly cover rate of 23.4712: cents matter at that scale."""
    item = Sensitivity(field="training.backfill_hourly_cost_eur", current=20.0, lower=None, upper=23.4712)
    assert _lines(comparison, item, lang=Lang.NL) == [
        "Kosten vervanging per uur hoger is dan € 23,47 (nu € 20);"
    ]


def test_a_fraction_stays_a_percentage_with_one_decimal(comparison: DeadEndComparison) -> None:
    """Pins 0.05412 → 5,4 % (rounded to 4 decimals, 0.0541, shown with one decimal of a percent)."""
    item = Sensitivity(field="dead_end.sickness_annual_probability", current=0.01, lower=None, upper=0.05412)
    (line,) = _lines(comparison, item, lang=Lang.NL)
    assert "5,4 %" in line
    assert "(nu 1 %)" in line
