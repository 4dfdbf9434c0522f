"""The scenario file: defaults, round trips, the JSON Schema, and every way input is refused.

Pins calculators/scenario/io.py: what comes in is either a valid Scenario or a ScenarioError that
names the field (dotted path), says what is wrong (``code``) and what is allowed, in Dutch and English.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from calculators import (
    RepaymentScale,
    Scenario,
    ScenarioError,
    TrainingKind,
    default_scenario,
    json_schema,
    load_scenario_json,
    scenario_from_dict,
    scenario_to_dict,
    scenario_to_json,
    validate,
    validation_errors,
)
from calculators.errors import JsonProblem
from calculators.scenario.fields import field_specs
from calculators.scenario.io import MAX_FILE_BYTES
from tests.unit.strategies import valid_scenario_objects

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((REPO / "content" / "examples").glob("*.json"))
SCHEMA_FILE = REPO / "content" / "scenario.schema.json"
LANGS = ("nl", "en")


def example_ids() -> list[str]:
    """Test ids: the example's file name without .json."""
    return [path.stem for path in EXAMPLES]


def message(error: ScenarioError, lang: str) -> str:
    """The message in ``lang`` with Babel's no-break spaces as plain spaces ("€\xa0100" → "€ 100")."""
    return error.message(lang).replace("\xa0", " ")


def json_form(value: Any) -> Any:
    """A catalogue default as it is written in JSON (list defaults may be held as tuples)."""
    return list(value) if isinstance(value, list | tuple) else value


def refusal(data: object) -> ScenarioError:
    """The error scenario_from_dict raises for ``data``."""
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data)
    return caught.value


def test_examples_present() -> None:
    """The example files these tests run over exist."""
    assert len(EXAMPLES) >= 4


class TestDefaults:
    """Omitted fields take their defaults from content/defaults.yaml."""

    def test_dict_of_every_default_equals_default_scenario(self) -> None:
        """A dict that spells out every field at its catalogue default gives default_scenario()."""
        data: dict[str, Any] = {}
        for path, spec in field_specs().items():
            if path.startswith("training.subsidies."):
                continue  # item fields: there are no items by default
            *parents, name = path.split(".")
            node = data
            for part in parents:
                node = node.setdefault(part, {})
            node[name] = json_form(spec.default)
        assert scenario_from_dict(data) == default_scenario()

    def test_empty_dict_is_default_scenario(self) -> None:
        """Every field may be left out: {} is the default scenario, and it is valid."""
        assert scenario_from_dict({}) == default_scenario()
        assert validation_errors(default_scenario()) == []

    def test_default_scenario_matches_the_catalogue(self) -> None:
        """Each field of default_scenario() written out equals its default in defaults.yaml."""
        written = scenario_to_dict(default_scenario())
        for path, spec in field_specs().items():
            if path.startswith("training.subsidies."):
                continue
            value: Any = written
            for part in path.split("."):
                value = value[part]
            assert value == json_form(spec.default), path


class TestRoundTrip:
    """scenario_to_dict / scenario_to_json and back give the same scenario."""

    @pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
    def test_examples(self, path: Path) -> None:
        """Example → Scenario → dict → Scenario is the identity; bytes and str read the same."""
        scenario = load_scenario_json(path.read_bytes())
        assert scenario_from_dict(scenario_to_dict(scenario)) == scenario
        assert load_scenario_json(path.read_text(encoding="utf-8")) == scenario
        assert load_scenario_json(scenario_to_json(scenario)) == scenario

    @given(valid_scenario_objects())
    def test_drawn_scenarios(self, scenario: Scenario) -> None:
        """Any valid scenario survives dict and JSON text unchanged (floats included)."""
        assert scenario_from_dict(scenario_to_dict(scenario)) == scenario
        text = scenario_to_json(scenario)
        assert json.loads(text) == scenario_to_dict(scenario)
        assert load_scenario_json(text.encode("utf-8")) == scenario

    def test_json_is_pretty_and_ends_with_newline(self) -> None:
        """scenario_to_json writes an indented document with a final newline (what the app offers)."""
        text = scenario_to_json(default_scenario())
        assert text.endswith("}\n")
        assert '\n  "horizon_months": 36,' in text


class TestSchema:
    """content/scenario.schema.json: generated from the catalogue, committed, and valid."""

    def test_committed_schema_is_current(self) -> None:
        """The committed schema equals json_schema(), so it never drifts from defaults.yaml."""
        committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        assert committed == json_schema(), (
            "content/scenario.schema.json is out of date; regenerate it with "
            "`python -m calculators schema > content/scenario.schema.json`"
        )

    def test_schema_is_valid_draft_2020_12(self) -> None:
        """The schema itself is a valid draft 2020-12 JSON Schema."""
        Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))

    @pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
    def test_examples_validate(self, path: Path) -> None:
        """Every example file is valid against the committed schema."""
        validator = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
        errors = [error.message for error in validator.iter_errors(json.loads(path.read_bytes()))]
        assert errors == []

    @given(valid_scenario_objects())
    def test_drawn_scenarios_validate(self, scenario: Scenario) -> None:
        """What the product accepts, the schema accepts too (it holds the same per-field ranges)."""
        Draft202012Validator(json_schema()).validate(scenario_to_dict(scenario))

    def test_schema_refuses_what_the_product_refuses(self) -> None:
        """An out-of-range value and an unknown field fail the schema as they fail scenario_from_dict."""
        validator = Draft202012Validator(json_schema())
        assert not validator.is_valid({"employee": {"gross_monthly_salary_eur": 50}})
        assert not validator.is_valid({"employee": {"salary": 3000}})
        assert not validator.is_valid({"schema_version": 2})


class Refusal(NamedTuple):
    """Input the product must refuse, and the error it must give."""

    raw: bytes
    field: str
    code: str
    bounds: dict[str, tuple[str, str]] | None = None  # per language: (min, max) as shown


def as_bytes(data: object) -> bytes:
    """A dict written as a JSON file."""
    return json.dumps(data).encode("utf-8")


SALARY_BOUNDS = {"nl": ("€ 100", "€ 30.000"), "en": ("€100", "€30,000")}
HORIZON_BOUNDS = {"nl": ("12 maanden", "120 maanden"), "en": ("12 months", "120 months")}
_BAKERY = (REPO / "content" / "examples" / "bakery_shift_leader.json").read_bytes()
TRUNCATED = _BAKERY[: len(_BAKERY) // 2]
DEEP = b"[" * 100_000 + b"]" * 100_000  # 200,000 bytes: within the size limit, beyond any parser stack

REFUSALS = {
    "unknown_field": Refusal(as_bytes({"employee": {"salary": 3000}}), "employee.salary", "unknown_field"),
    "unknown_section": Refusal(as_bytes({"colour": "red"}), "colour", "unknown_field"),
    "unknown_subsidy_field": Refusal(
        as_bytes({"training": {"subsidies": [{"amount": 5}]}}),
        "training.subsidies[0].amount",
        "unknown_field",
    ),
    "string_for_number": Refusal(
        as_bytes({"employee": {"gross_monthly_salary_eur": "2800"}}),
        "employee.gross_monthly_salary_eur",
        "wrong_type_number",
        SALARY_BOUNDS,
    ),
    "bool_for_number": Refusal(
        as_bytes({"employee": {"gross_monthly_salary_eur": True}}),
        "employee.gross_monthly_salary_eur",
        "wrong_type_number",
        SALARY_BOUNDS,
    ),
    "float_for_int": Refusal(
        as_bytes({"horizon_months": 36.5}), "horizon_months", "wrong_type_int", HORIZON_BOUNDS
    ),
    "out_of_range": Refusal(
        as_bytes({"employee": {"gross_monthly_salary_eur": 50}}),
        "employee.gross_monthly_salary_eur",
        "out_of_range",
        SALARY_BOUNDS,
    ),
    "above_range": Refusal(
        as_bytes({"horizon_months": 121}), "horizon_months", "out_of_range", HORIZON_BOUNDS
    ),
    "percent_out_of_range": Refusal(
        as_bytes({"company": {"discount_rate_annual": 0.5}}),
        "company.discount_rate_annual",
        "out_of_range",
        {"nl": ("0 %", "20 %"), "en": ("0%", "20%")},
    ),
    "subsidy_item_out_of_range": Refusal(
        as_bytes({"training": {"subsidies": [{"amount_eur": 100, "month": 1}, {"amount_eur": -1}]}}),
        "training.subsidies[1].amount_eur",
        "out_of_range",
        {"nl": ("€ 0", "€ 100.000"), "en": ("€0", "€100,000")},
    ),
    "not_one_of": Refusal(as_bytes({"training": {"kind": "compulsory"}}), "training.kind", "not_one_of"),
    "text_too_long": Refusal(as_bytes({"employee": {"label": "x" * 41}}), "employee.label", "too_long"),
    "too_many_subsidies": Refusal(
        as_bytes({"training": {"subsidies": [{"amount_eur": 1}] * 6}}), "training.subsidies", "too_many"
    ),
    "section_not_object": Refusal(as_bytes({"employee": [1]}), "employee", "wrong_type_object"),
    "nan": Refusal(b'{"horizon_months": NaN}', "scenario", "not_json"),
    "infinity": Refusal(b'{"employee": {"gross_monthly_salary_eur": Infinity}}', "scenario", "not_json"),
    "minus_infinity": Refusal(b'{"training": {"hours": -Infinity}}', "scenario", "not_json"),
    "not_utf8": Refusal(b'{"employee": {"label": "Jo\xebl"}}', "scenario", "not_json"),
    "truncated": Refusal(TRUNCATED, "scenario", "not_json"),
    "empty_file": Refusal(b"", "scenario", "not_json"),
    "array": Refusal(b"[1, 2]", "scenario", "not_object"),
    "string": Refusal(b'"scenario"', "scenario", "not_object"),
    "too_large": Refusal(
        b'{"employee": {"label": "' + b"x" * MAX_FILE_BYTES + b'"}}', "scenario", "too_large"
    ),
    "deeply_nested": Refusal(DEEP, "scenario", "not_json"),
    "deeply_nested_object": Refusal(b'{"a":' * 30_000 + b"1" + b"}" * 30_000, "scenario", "not_json"),
    "schema_version_2": Refusal(as_bytes({"schema_version": 2}), "schema_version", "schema_version"),
    "schema_version_text": Refusal(as_bytes({"schema_version": "1"}), "schema_version", "schema_version"),
    "schema_version_bool": Refusal(as_bytes({"schema_version": True}), "schema_version", "schema_version"),
}


class TestRefusals:
    """Anything that is not a valid scenario file raises ScenarioError, never another exception."""

    @pytest.mark.parametrize("case", REFUSALS.values(), ids=REFUSALS.keys())
    def test_field_and_code(self, case: Refusal) -> None:
        """The error names the field (dotted path, list items indexed) and says what is wrong."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(case.raw)
        assert (caught.value.field, caught.value.code) == (case.field, case.code)

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("case", REFUSALS.values(), ids=REFUSALS.keys())
    def test_message(self, case: Refusal, lang: str) -> None:
        """The message names the dotted path and, for range and type errors, both bounds in the language."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(case.raw)
        text = message(caught.value, lang)
        assert f"({case.field})" in text
        assert "\n" not in text
        if case.bounds:
            low, high = case.bounds[lang]
            assert low in text
            assert high in text
        assert caught.value.message(lang) == (
            caught.value.message_nl if lang == "nl" else caught.value.message_en
        )

    def test_messages_differ_per_language(self) -> None:
        """Dutch and English are different sentences (the Dutch one is not a fallback to English)."""
        error = refusal({"employee": {"gross_monthly_salary_eur": 50}})
        assert error.message_nl != error.message_en
        assert "valt buiten het toegestane bereik" in error.message_nl
        assert "is outside the allowed range" in error.message_en
        assert str(error) == error.message_en

    def test_nan_in_a_dict(self) -> None:
        """A NaN that arrives without JSON text (a dict built in Python) is refused for its field."""
        error = refusal({"training": {"hours": float("nan")}})
        assert (error.field, error.code) == ("training.hours", "not_finite")
        error = refusal({"employee": {"gross_monthly_salary_eur": float("inf")}})
        assert (error.field, error.code) == ("employee.gross_monthly_salary_eur", "not_finite")

    def test_integral_float_for_int_is_accepted(self) -> None:
        """36.0 is a whole number: accepted for an int field and stored as an int."""
        scenario = scenario_from_dict({"horizon_months": 36.0})
        assert scenario.horizon_months == 36
        assert isinstance(scenario.horizon_months, int)

    def test_size_limit_is_inclusive(self) -> None:
        """A file of exactly MAX_FILE_BYTES is read; one byte more is refused as too large."""
        padded = b'{"employee": {"label": ""}}'.ljust(MAX_FILE_BYTES)
        assert load_scenario_json(padded) == default_scenario()
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(padded + b" ")
        assert caught.value.code == "too_large"

    def test_size_message_in_each_language(self) -> None:
        """Pins the size in the language's notation: 300.000 bytes (nl), 300,000 bytes (en)."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(b" " * 300_000)
        assert "het bestand is 300.000 bytes groot; toegestaan is hoogstens 200.000 bytes" in (
            caught.value.message("nl")
        )
        assert "the file is 300,000 bytes; at most 200,000 bytes are allowed" in caught.value.message("en")


class TestCrossFieldRules:
    """One test per rule of scenario_validate.cross_field_errors (docs/money-model.md §1, §3, §4, §7)."""

    @staticmethod
    def check(data: dict[str, Any], field: str, code: str, bounds: dict[str, tuple[str, str]] | None) -> None:
        """scenario_from_dict refuses ``data`` for ``field`` with ``code``; messages show the bounds."""
        error = refusal(data)
        assert (error.field, error.code) == (field, code)
        for lang in LANGS:
            text = message(error, lang)
            assert f"({field})" in text
            if bounds:
                assert bounds[lang][0] in text, text
                assert bounds[lang][1] in text, text

    def test_training_starts_too_late(self) -> None:
        """§1: the training must leave at least one month: start ≤ H − 1."""
        self.check(
            {"horizon_months": 12, "training": {"start_month": 12}},
            "training.start_month",
            "out_of_range",
            {"nl": ("maand 1", "maand 11"), "en": ("month 1", "month 11")},
        )

    def test_training_ends_at_the_horizon(self) -> None:
        """§1: E = S + D − 1 ≤ H − 1, so with H = 12 and S = 6 the duration is at most 6."""
        self.check(
            {"horizon_months": 12, "training": {"start_month": 6, "duration_months": 7}},
            "training.duration_months",
            "out_of_range",
            {"nl": ("1 maand", "6 maanden"), "en": ("1 month", "6 months")},
        )

    def test_more_hours_than_contract_hours(self) -> None:
        """§3: 38 h a week = 164.67 h a month; 200 training hours in one month do not fit."""
        self.check(
            {"training": {"hours": 200, "duration_months": 1}},
            "training.hours",
            "out_of_range",
            {"nl": ("0 uur", "164 uur"), "en": ("0 hours", "164 hours")},
        )

    def test_more_than_300_hours_a_month(self) -> None:
        """§3: with half the hours outside working time the contract allows 329 h, the cap is 300 h."""
        self.check(
            {"training": {"hours": 301, "share_in_working_time": 0.5}},
            "training.hours",
            "out_of_range",
            {"nl": ("0 uur", "300 uur"), "en": ("0 hours", "300 hours")},
        )
        scenario_from_dict({"training": {"hours": 300, "share_in_working_time": 0.5}})  # the cap itself

    def test_subsidies_over_costs(self) -> None:
        """§3: default costs are € 1,000 fees + 24 h × € 23.87 = € 1,572.97; € 2,000 subsidy is too much."""
        self.check(
            {"training": {"subsidies": [{"amount_eur": 1500}, {"amount_eur": 500}]}},
            "training.subsidies",
            "subsidies_exceed_costs",
            {"nl": ("€ 2.000", "€ 1.573"), "en": ("€2,000", "€1,573")},
        )
        scenario_from_dict({"training": {"subsidies": [{"amount_eur": 1572.96}]}})  # just within

    def test_subsidy_after_the_horizon(self) -> None:
        """A subsidy must arrive within the horizon."""
        self.check(
            {"horizon_months": 24, "training": {"subsidies": [{"amount_eur": 100, "month": 25}]}},
            "training.subsidies[0].month",
            "out_of_range",
            {"nl": ("maand 1", "maand 24"), "en": ("month 1", "month 24")},
        )

    def test_vacancy_before_the_training_ends(self) -> None:
        """§5: a vacancy filled internally arises in E + 1 … H (here E = 4, H = 36)."""
        vacancy = {"filled_internally": True, "month": 4}
        self.check(
            {"training": {"start_month": 3, "duration_months": 2}, "benefits": {"vacancy": vacancy}},
            "benefits.vacancy.month",
            "out_of_range",
            {"nl": ("maand 5", "maand 36"), "en": ("month 5", "month 36")},
        )
        vacancy["filled_internally"] = False  # not filled: the month does not matter
        scenario_from_dict(
            {"training": {"start_month": 3, "duration_months": 2}, "benefits": {"vacancy": vacancy}}
        )

    def test_quit_probability_once_trained_below_zero(self) -> None:
        """§4: q1 = 0.11 − 0.20 < 0; the change may go from −11 to +84 percentage points."""
        self.check(
            {"retention": {"annual_quit_probability": 0.11, "quit_probability_change": -0.2}},
            "retention.quit_probability_change",
            "out_of_range",
            {
                "nl": ("-11 punten", "84 punten"),
                "en": ("-11 points", "84 points"),
            },
        )

    def test_quit_probability_once_trained_above_095(self) -> None:
        """§4: q1 = 0.90 + 0.10 > 0.95."""
        self.check(
            {"retention": {"annual_quit_probability": 0.9, "quit_probability_change": 0.1}},
            "retention.quit_probability_change",
            "out_of_range",
            {
                "nl": ("-90 punten", "5 punten"),
                "en": ("-90 points", "5 points"),
            },
        )

    def test_clause_with_mandatory_training(self) -> None:
        """§7: a study-cost clause is void for training required by law or cao (art. 7:611a lid 4 BW)."""
        data = {"training": {"kind": "mandatory"}, "retention": {"study_cost_clause": {"enabled": True}}}
        self.check(data, "retention.study_cost_clause.enabled", "clause_void", None)
        error = refusal(data)
        assert "7:611a" in error.message_nl
        assert "7:611a" in error.message_en

    def test_yearly_steps_need_whole_years(self) -> None:
        """§7: yearly steps need a repayment period that is a multiple of 12 months."""
        clause = {"enabled": True, "scale": "yearly_steps", "repayment_months": 18}
        self.check(
            {"retention": {"study_cost_clause": clause}},
            "retention.study_cost_clause.repayment_months",
            "multiple_of",
            {"nl": ("12 maanden", "60 maanden"), "en": ("12 months", "60 months")},
        )
        clause["scale"] = "linear"  # a linear scale takes any period
        scenario_from_dict({"retention": {"study_cost_clause": clause}})

    def test_dead_end_exit_after_the_horizon(self) -> None:
        """Dead-end track: leaving "job to job" lies in E + 1 … H − 1."""
        self.check(
            {"employee": {"role_outlook": "dead_end"}, "dead_end": {"exit_month": 36}},
            "dead_end.exit_month",
            "out_of_range",
            {"nl": ("maand 2", "maand 35"), "en": ("month 2", "month 35")},
        )


class TestValidationErrors:
    """validation_errors lists every problem; validate raises the first."""

    def test_several_range_errors_at_once(self) -> None:
        """Three fields out of range on one scenario: all three are listed, in field order."""
        s = default_scenario()
        bad = replace(
            s,
            horizon_months=6,
            employee=replace(s.employee, gross_monthly_salary_eur=50.0),
            retention=replace(s.retention, replacement_cost_share=4.0),
        )
        errors = validation_errors(bad)
        assert [(e.field, e.code) for e in errors] == [
            ("horizon_months", "out_of_range"),
            ("employee.gross_monthly_salary_eur", "out_of_range"),
            ("retention.replacement_cost_share", "out_of_range"),
        ]
        with pytest.raises(ScenarioError) as caught:
            validate(bad)
        assert caught.value.field == "horizon_months"

    def test_several_cross_field_errors_at_once(self) -> None:
        """In-range fields that break three rules together: all three rules are reported."""
        s = default_scenario()
        clause = replace(s.retention.study_cost_clause, enabled=True, repayment_months=18)
        bad = replace(
            s,
            training=replace(s.training, kind=TrainingKind.MANDATORY),
            benefits=replace(
                s.benefits, vacancy=replace(s.benefits.vacancy, filled_internally=True, month=1)
            ),
            retention=replace(
                s.retention, study_cost_clause=replace(clause, scale=RepaymentScale.YEARLY_STEPS)
            ),
        )
        codes = {(e.field, e.code) for e in validation_errors(bad)}
        assert codes == {
            ("benefits.vacancy.month", "out_of_range"),
            ("retention.study_cost_clause.enabled", "clause_void"),
            ("retention.study_cost_clause.repayment_months", "multiple_of"),
        }

    def test_valid_scenario_passes_unchanged(self) -> None:
        """validate returns the very scenario it was given."""
        s = default_scenario()
        assert validate(s) is s


class TestNotJsonInTheUsersLanguage:
    """Why a file is not JSON is said in the user's language, with the place, never in the json
    module's English."""

    # (file, kind, line, column); places counted by hand, from 1
    CASES = (
        (b'{"a": 1 "b": 2}', "expected_comma", 1, 9),  # the second " stands where a comma belongs
        (b'{"a" 1}', "expected_colon", 1, 6),
        (b"{a: 1}", "expected_name", 1, 2),
        (b'{"a": "b', "unterminated_string", 1, 7),  # the string starts at its opening quote
        (b'{"a": "b\x01"}', "control_character", 1, 9),
        (b'{"a": "\\q"}', "bad_escape", 1, 8),
        (b'{"a": 1} x', "extra_data", 1, 10),
        (b'{\n  "a": }', "expected_value", 2, 8),  # second line: two spaces, "a", colon, space
    )

    @pytest.mark.parametrize(("raw", "kind", "line", "column"), CASES)
    def test_kind_and_place(self, raw: bytes, kind: str, line: int, column: int) -> None:
        """Pins each of the json module's messages to its kind and the place it names."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(raw)
        assert caught.value.value == JsonProblem(kind, line, column)

    @pytest.mark.parametrize(
        ("raw", "problem"),
        [
            (b"", JsonProblem("empty")),
            (b"  \n", JsonProblem("empty")),
            (b'{"horizon_months": NaN}', JsonProblem("not_a_number", detail="NaN")),
            (b'{"employee": {"label": "Jo\xebl"}}', JsonProblem("not_utf8")),
            (b"[" * 100_000 + b"]" * 100_000, JsonProblem("too_deep")),
        ],
    )
    def test_problems_without_a_place(self, raw: bytes, problem: JsonProblem) -> None:
        """Pins the refusals that have no line and column."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(raw)
        assert caught.value.value == problem

    def test_the_sentences(self) -> None:
        """Pins the whole sentence in both languages, and no English from the json module in Dutch."""
        with pytest.raises(ScenarioError) as caught:
            load_scenario_json(b'{"a": 1 "b": 2}')
        dutch, english = caught.value.message("nl"), caught.value.message("en")
        assert dutch.endswith(
            "het bestand is geen geldig JSON-bestand: hier ontbreekt een komma (regel 1, kolom 9)."
        )
        assert english.endswith("the file is not valid JSON: a comma is missing here (line 1, column 9).")
        for message in (dutch, english):
            assert "Expecting" not in message and "delimiter" not in message
