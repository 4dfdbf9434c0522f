"""Comparison files: named scenarios saved and opened together, every refusal naming the scenario.

Expected values are written by hand from the file format in calculators/comparison.py's docstring.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import scenario_from_dict, scenario_to_dict
from calculators.comparison import (
    MAX_SCENARIOS,
    ComparisonError,
    NamedScenario,
    comparison_from_dict,
    comparison_to_json,
    load_case_json,
)
from calculators.errors import ScenarioError
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.evaluate import evaluate
from calculators.money.monte_carlo import simulate
from ui.compare.charts import comparison_figure

WITH = scenario_from_dict({"training": {"course_fees_eur": 500}})
WITHOUT = scenario_from_dict({})


def _file(*items: Any, **top: Any) -> dict[str, Any]:
    return {"schema_version": 1, "kind": "leerwinst-comparison", "scenarios": list(items), **top}


def _item(name: Any, scenario: Any) -> dict[str, Any]:
    return {"name": name, "scenario": scenario}


class TestRoundTrip:
    def test_saved_scenarios_open_as_they_were(self) -> None:
        """Pins names, order and every field through JSON text and back."""
        items = (NamedScenario("Zonder beding", WITHOUT), NamedScenario("Cursus B — €500", WITH))
        assert load_case_json(comparison_to_json(items)) == items

    def test_file_layout(self) -> None:
        """Pins the documented layout: schema_version 1, kind, and name/scenario pairs."""
        data = json.loads(comparison_to_json((NamedScenario("A", WITHOUT),)))
        assert data == {
            "schema_version": 1,
            "kind": "leerwinst-comparison",
            "scenarios": [{"name": "A", "scenario": scenario_to_dict(WITHOUT)}],
        }

    def test_a_plain_scenario_file_opens_as_one_scenario(self) -> None:
        """Pins that the same loader still opens a scenario file (the upload uses one loader)."""
        assert load_case_json(json.dumps(scenario_to_dict(WITH))) == WITH


class TestRefusals:
    @pytest.mark.parametrize(
        ("data", "code"),
        [
            (_file(), "no_scenarios"),
            (_file(*[_item("x", {})] * (MAX_SCENARIOS + 1)), "too_many"),
            (_file(scenarios={"name": "x"}), "not_a_list"),
            (_file(["not", "an", "item"]), "not_an_item"),
            (_file({"name": "no scenario"}), "not_an_item"),
            (_file(_item("x" * 41, {})), "bad_name"),
            (_file(_item(7, {})), "bad_name"),
            (_file(kind="something-else"), "bad_kind"),
            (_file(schema_version=2), "schema_version"),
        ],
    )
    def test_file_level_refusals(self, data: dict[str, Any], code: str) -> None:
        """Pins one ComparisonError per kind of broken file, with a message in both languages."""
        with pytest.raises(ComparisonError) as caught:
            comparison_from_dict(data)
        assert caught.value.code == code
        assert caught.value.message("nl") and caught.value.message("en")

    def test_a_bad_scenario_is_named_by_number_and_name(self) -> None:
        """Scenario 2 with a negative salary: the message names 'Scenario 2', its name and the field."""
        bad = _item("Cursus B", {"employee": {"gross_monthly_salary_eur": -5}})
        with pytest.raises(ComparisonError) as caught:
            load_case_json(json.dumps(_file(_item("A", {}), bad)))
        error = caught.value
        assert (error.code, error.number, error.name) == ("in_scenario", 2, "Cursus B")
        assert isinstance(error.inner, ScenarioError)
        assert error.inner.field == "employee.gross_monthly_salary_eur"
        assert error.message("nl").startswith("Scenario 2 ('Cursus B'): ")
        assert error.inner.message("en") in error.message("en")

    @pytest.mark.parametrize(
        "raw",
        [b"", b"{", b'{"scenarios": [NaN]}', b"\xff\xfe", b'{"scenarios": [], "scenarios": []}'],
        ids=["empty", "truncated", "nan", "not-utf8", "duplicate-key"],
    )
    def test_not_json_gets_the_scenario_loaders_refusal(self, raw: bytes) -> None:
        """Pins that malformed text is refused as the scenario loader refuses it (one message style)."""
        with pytest.raises(ScenarioError):
            load_case_json(raw)

    def test_too_large(self) -> None:
        """A file over 4 × 200,000 bytes is refused before parsing."""
        with pytest.raises(ScenarioError) as caught:
            load_case_json(b" " * 800_001)
        assert caught.value.code == "too_large"


class TestChart:
    @pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
    def test_bars_and_whiskers(self, lang: Lang) -> None:
        """Pins a bar at each NPV, whiskers down to P10 and up to P90, red for a loss, green for a gain."""
        results = [evaluate(WITHOUT), evaluate(WITH)]
        sims = [simulate(WITHOUT, 500), simulate(WITH, 500)]
        figure = comparison_figure(["A", "B"], results, sims, lang)
        bar = figure.data[0]
        assert list(bar.x) == ["A", "B"]
        assert list(bar.y) == [r.npv_eur for r in results]
        assert list(bar.error_y.arrayminus) == pytest.approx(
            [r.npv_eur - s.p10_eur for r, s in zip(results, sims, strict=True)]
        )
        assert list(bar.error_y.array) == pytest.approx(
            [s.p90_eur - r.npv_eur for r, s in zip(results, sims, strict=True)]
        )
        assert results[0].npv_eur < 0 < results[1].npv_eur
        assert bar.marker.color[0] != bar.marker.color[1]
        assert list(bar.text) == [money(r.npv_eur, lang) for r in results]
        assert figure.layout.title.text == text(lang, "compare.chart_title")
