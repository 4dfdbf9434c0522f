"""A team file's rows into scenarios: the fast path (whole columns at once) against the general one
(scenario_from_dict + validation_errors, row by row), on generated rows and on named cases.

The general path is the reference: a row the fast path clears must give the very scenario the
general path builds (compared as JSON, so 34 and 34.0 differ), and a row the general path refuses
must never be cleared. Rows come in the shape the team file's cells give them: per field path a
number, word or flag, None for an empty cell, and one subsidy amount (0: none).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.team import team_csv
from calculators.errors import ScenarioError
from calculators.scenario.fields import field_specs
from calculators.scenario.io import scenario_to_json
from calculators.scenario.model import Scenario
from calculators.team.columns import team_columns, value_field
from calculators.team.read import read_team_file
from calculators.team.rows import fast_scenarios, general_scenario, row_data, row_scenarios
from calculators.team.template import template_csv

Row = dict[str, Any]


def _number(path: str, *, optional: bool) -> st.SearchStrategy[Any]:
    """A cell value within the field's own range (what a checked cell gives), ints as whole floats."""
    spec = field_specs()[path]
    assert spec.minimum is not None and spec.maximum is not None
    if spec.type == "int":
        values: st.SearchStrategy[Any] = st.integers(int(spec.minimum), int(spec.maximum)).map(float)
    else:
        values = st.floats(spec.minimum, spec.maximum, allow_nan=False)
    return st.one_of(st.none(), values) if optional else values


def _cell(column_id: str) -> st.SearchStrategy[Any]:
    column = next(column for column in team_columns() if column.id == column_id)
    if column.kind == "text":
        return st.one_of(st.none(), st.sampled_from(["", "Monteur", "=1+1", "Zoë", "x" * 40]))
    if column.kind == "choice":
        return st.sampled_from(field_specs()[column.field].values)
    if column.kind == "yes_no":
        return st.one_of(st.none(), st.booleans())
    if column.kind == "subsidy":  # none, nothing, or any amount (often above the training's costs)
        return st.one_of(st.none(), st.just(0.0), _number(value_field(column), optional=False))
    return _number(column.field, optional=not column.required)


ROWS = st.fixed_dictionaries({column.field: _cell(column.id) for column in team_columns()})


def columns_of(rows: list[Row]) -> dict[str, list[Any]]:
    return {path: [row[path] for row in rows] for path in rows[0]}


def outcome_key(outcome: Scenario | list[ScenarioError]) -> object:
    """A comparable form: the scenario's JSON, or each error's field, code, value and allowed range."""
    if isinstance(outcome, Scenario):
        return scenario_to_json(outcome)
    return [(error.field, error.code, error.value, error.allowed) for error in outcome]


class TestFastAgainstGeneral:
    """The fast path gives the general path's scenario, or leaves the row to it."""

    @settings(max_examples=200, deadline=None)
    @given(st.lists(ROWS, min_size=1, max_size=6))
    def test_generated_rows(self, rows: list[Row]) -> None:
        """Pins, for generated rows, that a cleared row's scenario is the general path's and that no
        refused row is cleared; and that the two together give exactly the general answers."""
        general = [general_scenario(row) for row in rows]
        fast = fast_scenarios(columns_of(rows), len(rows))
        for cleared, reference in zip(fast, general, strict=True):
            if cleared is not None:
                assert isinstance(reference, Scenario), f"cleared a row the general path refuses: {reference}"
                assert scenario_to_json(cleared) == scenario_to_json(reference)
        combined = row_scenarios(columns_of(rows), len(rows))
        assert [outcome_key(o) for o in combined] == [outcome_key(o) for o in general]

    def test_a_varied_team_is_cleared_whole(self) -> None:
        """Pins that the fast path is taken (the property above is not vacuous): every row of a seeded,
        varied team of 300 (the benchmark's) and of the template is cleared, each equal to the general
        path's scenario."""
        for raw in (team_csv(300), template_csv("nl"), template_csv("en")):
            team = read_team_file("team.csv", raw)
            assert not team.skipped_rows
            rows = [_values_of(row.scenario) for row in team.rows]
            fast = fast_scenarios(columns_of(rows), len(rows))
            assert all(scenario is not None for scenario in fast)
            for cleared, row in zip(fast, team.rows, strict=True):
                assert cleared is not None
                assert scenario_to_json(cleared) == scenario_to_json(row.scenario)


def _values_of(scenario: Scenario) -> Row:
    """The cell values that give ``scenario`` (every column filled)."""
    values: Row = {}
    for column in team_columns():
        if column.kind == "subsidy":
            values[column.field] = scenario.training.subsidies_eur
            continue
        node: Any = scenario
        for part in column.field.split("."):
            node = getattr(node, part)
        values[column.field] = node.value if hasattr(node, "value") else node
    return values


GOOD: Row = {
    "employee.label": "Monteur",
    "employee.gross_monthly_salary_eur": 3100.0,
    "employee.hours_per_week": 38.0,
    "employee.years_of_service": 6.0,
    "employee.age": 34.0,
    "employee.role_outlook": "stable",
    "training.kind": "current_job",
    "training.course_fees_eur": 1650.0,
    "training.hours": 40.0,
}


class TestNamedRows:
    """Rows each rule refuses: never cleared, and refused with the general path's error."""

    @pytest.mark.parametrize(
        ("change", "field", "code"),
        [
            # a clause is void with mandatory training (art. 7:611a BW)
            (
                {"training.kind": "mandatory", "retention.study_cost_clause.enabled": True},
                "retention.study_cost_clause.enabled",
                "clause_void",
            ),
            # 8 hours a week, all training in working time (share 1.0, the default): 8 × 52 / 12 =
            # 34.7 contract hours a month, so over one month at most 34 hours; 100 is too many
            (
                {"employee.hours_per_week": 8.0, "training.hours": 100.0, "training.duration_months": 1.0},
                "training.hours",
                "out_of_range",
            ),
            # a subsidy of € 90,000 on a course of € 1,650 plus about 40 hours of time
            ({"training.subsidies": 90_000.0}, "training.subsidies", "subsidies_exceed_costs"),
        ],
    )
    def test_refused(self, change: Row, field: str, code: str) -> None:
        """Pins the fast path leaving each broken rule to the general path, which names it."""
        rows = [GOOD, {**GOOD, **change}]
        fast = fast_scenarios(columns_of(_filled(rows)), 2)
        assert fast[0] is not None and fast[1] is None
        outcome = row_scenarios(columns_of(_filled(rows)), 2)[1]
        assert isinstance(outcome, list)
        assert [(error.field, error.code) for error in outcome] == [(field, code)]

    def test_empty_cells_keep_the_defaults(self) -> None:
        """Pins that None (an empty cell) and a subsidy of 0 leave the field at its default: the
        same JSON form as a row without them."""
        row = _filled([GOOD])[0] | {"training.subsidies": 0.0, "training.travel_eur": None}
        assert row_data(row) == row_data(GOOD)
        (cleared,) = fast_scenarios(columns_of([row]), 1)
        assert cleared is not None
        assert cleared.training.subsidies == ()
        assert cleared.training.travel_eur == field_specs()["training.travel_eur"].default


def _filled(rows: list[Row]) -> list[Row]:
    """Rows with every field present (None where not given), as a team file's columns give them."""
    paths = {path for row in rows for path in row}
    return [{path: row.get(path) for path in sorted(paths)} for row in rows]
