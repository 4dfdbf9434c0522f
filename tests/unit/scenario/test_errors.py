"""Errors as plain data (calculators/errors.py), put into words by the text layer (calculators/error_text.py).

The dependency points one way: error_text imports errors, never the reverse (also an import contract in
pyproject.toml). ``ScenarioError.message`` and ``str(error)`` stay for callers not yet moved to the text
layer and must say exactly what :func:`render_error` says.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from calculators import errors
from calculators.error_text import render_error
from calculators.errors import Allowed, JsonProblem, ScenarioError

ERRORS_FILE = Path(__file__).resolve().parents[3] / "calculators" / "errors.py"

# One error of each shape: a range, a choice, a length, a count, a JSON problem, a rule with no value shown.
SAMPLES = (
    ScenarioError("horizon_months", 6, "out_of_range", Allowed(12, 120)),
    ScenarioError("company.sector", "mars", "not_one_of", Allowed(values=("care", "retail"))),
    ScenarioError("employee.label", "x" * 81, "too_long", Allowed(max_length=80)),
    ScenarioError("training.subsidies", [{}] * 6, "too_many", Allowed(max_items=5)),
    ScenarioError("training.subsidies[1].amount_eur", "y", "wrong_type_number", Allowed(0, 100_000)),
    ScenarioError("scenario", JsonProblem("expected_comma", 3, 5), "not_json"),
    ScenarioError("retention.study_cost_clause.enabled", True, "clause_void"),
)


def test_errors_module_imports_nothing_of_the_project() -> None:
    """Only the standard library: no text layer, no catalogue, no content."""
    tree = ast.parse(ERRORS_FILE.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported = {name.split(".")[0] for name in imported}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported


class TestData:
    """What a ScenarioError holds is data a caller can act on without any text."""

    def test_fields(self) -> None:
        """Field path, value, code and allowed range are kept as given; no range means Allowed()."""
        error = ScenarioError("training.hours", 900.0, "out_of_range", Allowed(0, 480))
        assert (error.field, error.value, error.code, error.allowed) == (
            "training.hours",
            900.0,
            "out_of_range",
            Allowed(minimum=0, maximum=480),
        )
        assert ScenarioError("scenario", "k", "duplicate_key").allowed == Allowed()
        assert isinstance(error, ValueError)

    def test_repr_shows_the_data(self) -> None:
        """The repr spells out the data, and stays short for a value of any size (10**5000 has 5,001 digits,
        more than Python prints)."""
        error = ScenarioError("horizon_months", 6, "out_of_range", Allowed(12, 120))
        assert repr(error) == (
            "ScenarioError(field='horizon_months', value=6, code='out_of_range', allowed=Allowed(minimum=12, "
            "maximum=120, values=(), max_length=None, max_items=None, multiple_of=None))"
        )
        assert "value=<int>" in repr(ScenarioError("horizon_months", 10**5000, "out_of_range"))

    def test_without_a_text_layer_str_is_the_data(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Were no renderer installed, str() would still say field and code, and message() would say why
        it cannot speak instead of guessing a language."""
        monkeypatch.setattr(errors.ScenarioError, "renderer", None)
        error = ScenarioError("horizon_months", 6, "out_of_range", Allowed(12, 120))
        assert str(error).startswith("horizon_months: out_of_range (value 6, allowed Allowed(minimum=12,")
        with pytest.raises(LookupError, match="error_text"):
            error.message("nl")


class TestText:
    """The text layer says it; the kept methods say exactly the same."""

    @pytest.mark.parametrize("error", SAMPLES, ids=lambda error: error.code)
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_message_is_render_error(self, error: ScenarioError, lang: str) -> None:
        """message(lang, path=...) == render_error(error, lang, path=...); str is the English one."""
        for path in (True, False):
            assert error.message(lang, path=path) == render_error(error, lang, path=path)
        assert str(error) == render_error(error, "en")
        assert error.message_nl == render_error(error, "nl")

    def test_path_left_out_for_people(self) -> None:
        """path=False drops the internal path in brackets; the label stays (hand-written from
        content/i18n/en: the field's label "Horizon", and the range 12 … 120 months)."""
        error = SAMPLES[0]
        with_path, plain = render_error(error, "en"), render_error(error, "en", path=False)
        assert "(horizon_months)" in with_path and "horizon_months" not in plain
        assert plain.startswith("Horizon: 6 months is outside the allowed range")
        assert "12 months" in plain and "120 months" in plain
