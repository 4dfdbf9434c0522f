"""The scenario file: JSON in, validated :class:`Scenario` out, and back.

The same JSON is what the app saves and opens, what the command line reads and what the tests
feed in. Omitted fields take their defaults from ``content/defaults.yaml``; unknown fields,
wrong types and values outside the allowed range raise :class:`ScenarioError`, which names the
field, the value and what is allowed. ``schema_version`` guards the format (missing = current).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import fields
from functools import lru_cache
from typing import Any

from calculators.errors import Allowed, JsonProblem, ScenarioError
from calculators.fields import FieldSpec, field_spec, field_specs
from calculators.scenario import (
    SCHEMA_VERSION,
    Benefits,
    ClauseCost,
    Company,
    DeadEnd,
    Employee,
    RepaymentScale,
    Retention,
    RoleOutlook,
    Scenario,
    Sector,
    StudyCostClause,
    Subsidy,
    Training,
    TrainingKind,
    Vacancy,
)
from calculators.training_costs import time_costs
from calculators.wages import contract_hours_per_month

__all__ = [
    "MAX_FILE_BYTES",
    "default_scenario",
    "json_problem",
    "json_schema",
    "load_scenario_json",
    "scenario_from_dict",
    "scenario_to_dict",
    "scenario_to_json",
    "validate",
    "validation_errors",
]

MAX_FILE_BYTES = 200_000  # a real scenario is about 2 kB; anything near this is not one
MAX_TRAINING_HOURS_PER_MONTH = 300.0  # ten hours a day, every day: beyond it no one is learning
# Characters a name never holds: control characters (tab, line feed, escape, ...), line and paragraph
# separators, and lone surrogates. They would break a terminal, a report line or (surrogates) every
# UTF-8 encoder. Other invisible characters (no-break space, the joiner inside emoji) stay allowed.
_UNSHOWABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


_SECTIONS: dict[str, tuple[str, ...]] = {
    "": (
        "schema_version",
        "horizon_months",
        "doubts",
        "company",
        "employee",
        "training",
        "benefits",
        "retention",
        "dead_end",
    ),
    "company": ("employee_count", "sector", "rules_year", "discount_rate_annual"),
    "employee": (
        "label",
        "gross_monthly_salary_eur",
        "holiday_allowance_rate",
        "employer_oncost_rate",
        "hours_per_week",
        "years_of_service",
        "age",
        "role_outlook",
        "output_value_ratio",
    ),
    "training": (
        "kind",
        "course_fees_eur",
        "materials_exam_eur",
        "travel_eur",
        "hours",
        "share_in_working_time",
        "start_month",
        "duration_months",
        "backfill_hourly_cost_eur",
        "subsidies",
    ),
    "training.subsidies": ("name", "amount_eur", "month"),
    "benefits": (
        "productivity_gain",
        "ramp_up_months",
        "annual_decay",
        "employer_share",
        "other_yearly_benefits_eur",
        "vacancy",
    ),
    "benefits.vacancy": ("filled_internally", "avoided_hiring_cost_eur", "month"),
    "retention": (
        "annual_quit_probability",
        "quit_probability_change",
        "replacement_cost_share",
        "study_cost_clause",
    ),
    "retention.study_cost_clause": ("enabled", "repayment_months", "scale", "covers"),
    "dead_end": tuple(field.name for field in fields(DeadEnd)),
}


# --------------------------------------------------------------------------- reading values


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _object(value: object, field: str, section: str) -> Mapping[str, Any]:
    """A JSON object with only known keys."""
    if not isinstance(value, Mapping):
        raise ScenarioError(field or "scenario", value, "wrong_type_object")
    for key in value:
        if key not in _SECTIONS[section]:
            raise ScenarioError(_join(field, str(key)), value[key], "unknown_field")
    return value


def _number(value: object, field: str, spec: FieldSpec) -> float:
    allowed = Allowed(spec.minimum, spec.maximum)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(
            field, value, "wrong_type_int" if spec.type == "int" else "wrong_type_number", allowed
        )
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any float (JSON allows 10**400): beyond every range too
        raise ScenarioError(field, value, "out_of_range", allowed) from None
    if not math.isfinite(number):
        raise ScenarioError(field, value, "not_finite", allowed)
    if spec.type == "int" and not number.is_integer():
        raise ScenarioError(field, value, "wrong_type_int", allowed)
    return number


def _read(data: Mapping[str, Any], prefix: str, name: str) -> Any:
    """One field: its typed value, or its default when the file leaves it out."""
    field = _join(prefix, name)
    spec = field_spec(field)
    if name not in data or (spec.nullable and data[name] is None):
        if spec.type == "float":
            return None if spec.default is None else float(spec.default)
        return list(spec.default) if isinstance(spec.default, tuple) else spec.default
    value = data[name]
    if spec.type in {"int", "float"}:
        number = _number(value, field, spec)
        return int(number) if spec.type == "int" else number
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise ScenarioError(field, value, "wrong_type_bool")
        return value
    if spec.type == "text":
        if not isinstance(value, str):
            raise ScenarioError(field, value, "wrong_type_text", Allowed(max_length=spec.max_length))
        return value
    if spec.type == "choice":
        if not isinstance(value, str) or value not in spec.values:
            raise ScenarioError(field, value, "not_one_of", Allowed(values=spec.values))
        return value
    if spec.type == "choice_list":
        if not isinstance(value, list) or not all(isinstance(v, str) and v in spec.values for v in value):
            raise ScenarioError(field, value, "not_one_of", Allowed(values=spec.values))
        return [v for v in spec.values if v in value]  # canonical order, no duplicates
    if not isinstance(value, list):  # the one "list" field: subsidies
        raise ScenarioError(field, value, "wrong_type_list", Allowed(max_items=spec.max_items))
    return value


def _subsidies(items: list[Any]) -> tuple[Subsidy, ...]:
    spec = field_spec("training.subsidies")
    if spec.max_items is not None and len(items) > spec.max_items:
        raise ScenarioError("training.subsidies", items, "too_many", Allowed(max_items=spec.max_items))
    result = []
    for index, raw in enumerate(items):
        prefix = f"training.subsidies[{index}]"
        item = _object(raw, prefix, "training.subsidies")
        try:
            result.append(
                Subsidy(
                    name=_read(item, "training.subsidies", "name"),
                    amount_eur=_read(item, "training.subsidies", "amount_eur"),
                    month=_read(item, "training.subsidies", "month"),
                )
            )
        except ScenarioError as error:  # name the item: "training.subsidies[1].amount_eur"
            field = error.field.replace("training.subsidies", prefix, 1)
            raise ScenarioError(field, error.value, error.code, error.allowed) from None
    return tuple(result)


def scenario_from_dict(data: object, *, check: bool = True) -> Scenario:
    """Build and validate a scenario from its JSON form (a dict as ``json.load`` gives it).

    Types and structure are always checked; ``check=False`` skips the range and cross-field
    rules so that :func:`validation_errors` can list all of them at once.

    >>> scenario = scenario_from_dict({"employee": {"gross_monthly_salary_eur": 3200}})
    >>> scenario.employee.gross_monthly_salary_eur
    3200.0
    >>> scenario_from_dict({"horizon_months": 6})
    Traceback (most recent call last):
    ...
    calculators.errors.ScenarioError: Horizon (horizon_months): 6 months is outside the allowed range ...
    """
    root = _object(data, "", "")
    version = root.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or version != SCHEMA_VERSION:
        raise ScenarioError(
            "schema_version", version, "schema_version", Allowed(values=(str(SCHEMA_VERSION),))
        )

    def section(name: str) -> Mapping[str, Any]:
        return _object(root.get(name, {}), name, name)

    company, employee, training = section("company"), section("employee"), section("training")
    benefits, retention, dead_end = section("benefits"), section("retention"), section("dead_end")
    vacancy = _object(benefits.get("vacancy", {}), "benefits.vacancy", "benefits.vacancy")
    clause = _object(
        retention.get("study_cost_clause", {}), "retention.study_cost_clause", "retention.study_cost_clause"
    )
    subsidies = _subsidies(_read(training, "training", "subsidies"))

    def read(prefix: str, source: Mapping[str, Any]) -> Callable[[str], Any]:
        return lambda name: _read(source, prefix, name)

    c, e, t = read("company", company), read("employee", employee), read("training", training)
    b, r = read("benefits", benefits), read("retention", retention)
    v, k = read("benefits.vacancy", vacancy), read("retention.study_cost_clause", clause)
    scenario = Scenario(
        schema_version=SCHEMA_VERSION,
        horizon_months=_read(root, "", "horizon_months"),
        doubts=tuple(_read(root, "", "doubts")),
        company=Company(
            employee_count=c("employee_count"),
            sector=Sector(c("sector")),
            rules_year=c("rules_year"),
            discount_rate_annual=c("discount_rate_annual"),
        ),
        employee=Employee(
            label=e("label"),
            gross_monthly_salary_eur=e("gross_monthly_salary_eur"),
            holiday_allowance_rate=e("holiday_allowance_rate"),
            employer_oncost_rate=e("employer_oncost_rate"),
            hours_per_week=e("hours_per_week"),
            years_of_service=e("years_of_service"),
            age=e("age"),
            role_outlook=RoleOutlook(e("role_outlook")),
            output_value_ratio=e("output_value_ratio"),
        ),
        training=Training(
            kind=TrainingKind(t("kind")),
            course_fees_eur=t("course_fees_eur"),
            materials_exam_eur=t("materials_exam_eur"),
            travel_eur=t("travel_eur"),
            hours=t("hours"),
            share_in_working_time=t("share_in_working_time"),
            start_month=t("start_month"),
            duration_months=t("duration_months"),
            backfill_hourly_cost_eur=t("backfill_hourly_cost_eur"),
            subsidies=subsidies,
        ),
        benefits=Benefits(
            productivity_gain=b("productivity_gain"),
            ramp_up_months=b("ramp_up_months"),
            annual_decay=b("annual_decay"),
            employer_share=b("employer_share"),
            other_yearly_benefits_eur=b("other_yearly_benefits_eur"),
            vacancy=Vacancy(
                filled_internally=v("filled_internally"),
                avoided_hiring_cost_eur=v("avoided_hiring_cost_eur"),
                month=v("month"),
            ),
        ),
        retention=Retention(
            annual_quit_probability=r("annual_quit_probability"),
            quit_probability_change=r("quit_probability_change"),
            replacement_cost_share=r("replacement_cost_share"),
            study_cost_clause=StudyCostClause(
                enabled=k("enabled"),
                repayment_months=k("repayment_months"),
                scale=RepaymentScale(k("scale")),
                covers=tuple(ClauseCost(item) for item in k("covers")),
            ),
        ),
        dead_end=DeadEnd(**{name: _read(dead_end, "dead_end", name) for name in _SECTIONS["dead_end"]}),
    )
    if check:
        validate(scenario)
    return scenario


@lru_cache(maxsize=1)
def default_scenario() -> Scenario:
    """The scenario with every field at its default from ``content/defaults.yaml``."""
    return scenario_from_dict({})


def _one_value_per_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key occurs twice: which of two salaries would count?

    (``json`` silently keeps the last one; other programs keep the first.)
    """
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ScenarioError("scenario", key, "duplicate_key")
            seen.add(key)
    return data


# the start of each message of Python's json module -> JsonProblem.kind (json/decoder.py, json/scanner.py)
_JSON_MESSAGES = (
    ("Expecting value", "expected_value"),
    ("Expecting ',' delimiter", "expected_comma"),
    ("Expecting ':' delimiter", "expected_colon"),
    ("Expecting property name", "expected_name"),
    ("Unterminated string", "unterminated_string"),
    ("Invalid control character", "control_character"),
    ("Invalid \\", "bad_escape"),
    ("Extra data", "extra_data"),
)


def json_problem(exc: json.JSONDecodeError) -> JsonProblem:
    """What the json module found, where, as a :class:`JsonProblem` (its own words are English).

    >>> try:
    ...     json.loads('{"a": 1 "b": 2}')
    ... except json.JSONDecodeError as exc:
    ...     json_problem(exc)
    JsonProblem(kind='expected_comma', line=1, column=9, detail='')
    """
    if not exc.doc.strip():
        return JsonProblem("empty")
    kind = next((kind for start, kind in _JSON_MESSAGES if exc.msg.startswith(start)), "syntax")
    return JsonProblem(kind, exc.lineno, exc.colno)


def load_scenario_json(raw: bytes | str, *, max_bytes: int = MAX_FILE_BYTES) -> Scenario:
    """Parse a scenario file; anything that is not a valid scenario raises :class:`ScenarioError`.

    NaN and Infinity are refused (JSON has no such numbers), as are files over ``max_bytes`` and
    objects with a key twice. A UTF-8 byte order mark is skipped (Windows editors write one; RFC 8259
    §8.1 lets a reader ignore it).

    >>> load_scenario_json(b"[1, 2]")
    Traceback (most recent call last):
    ...
    calculators.errors.ScenarioError: Scenario file (scenario): the file does not contain a scenario ...
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > max_bytes:
        raise ScenarioError("scenario", size, "too_large", Allowed(maximum=max_bytes))
    try:
        text_value = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise ScenarioError("scenario", JsonProblem("not_utf8"), "not_json") from None

    def refuse_constant(name: str) -> float:
        raise ScenarioError("scenario", JsonProblem("not_a_number", detail=name), "not_json")

    try:
        data = json.loads(text_value, parse_constant=refuse_constant, object_pairs_hook=_one_value_per_key)
    except ScenarioError:
        raise
    except json.JSONDecodeError as exc:
        raise ScenarioError("scenario", json_problem(exc), "not_json") from None
    except (ValueError, RecursionError):  # nested deeper than Python's parser goes
        raise ScenarioError("scenario", JsonProblem("too_deep"), "not_json") from None
    if not isinstance(data, dict):
        raise ScenarioError("scenario", data, "not_object")
    return scenario_from_dict(data)


# --------------------------------------------------------------------------- writing


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The JSON form of a scenario (every field written, enums as their string values)."""
    s = scenario
    return {
        "schema_version": s.schema_version,
        "horizon_months": s.horizon_months,
        "doubts": list(s.doubts),
        "company": {
            "employee_count": s.company.employee_count,
            "sector": s.company.sector.value,
            "rules_year": s.company.rules_year,
            "discount_rate_annual": s.company.discount_rate_annual,
        },
        "employee": {
            "label": s.employee.label,
            "gross_monthly_salary_eur": s.employee.gross_monthly_salary_eur,
            "holiday_allowance_rate": s.employee.holiday_allowance_rate,
            "employer_oncost_rate": s.employee.employer_oncost_rate,
            "hours_per_week": s.employee.hours_per_week,
            "years_of_service": s.employee.years_of_service,
            "age": s.employee.age,
            "role_outlook": s.employee.role_outlook.value,
            "output_value_ratio": s.employee.output_value_ratio,
        },
        "training": {
            "kind": s.training.kind.value,
            "course_fees_eur": s.training.course_fees_eur,
            "materials_exam_eur": s.training.materials_exam_eur,
            "travel_eur": s.training.travel_eur,
            "hours": s.training.hours,
            "share_in_working_time": s.training.share_in_working_time,
            "start_month": s.training.start_month,
            "duration_months": s.training.duration_months,
            "backfill_hourly_cost_eur": s.training.backfill_hourly_cost_eur,
            "subsidies": [
                {"name": item.name, "amount_eur": item.amount_eur, "month": item.month}
                for item in s.training.subsidies
            ],
        },
        "benefits": {
            "productivity_gain": s.benefits.productivity_gain,
            "ramp_up_months": s.benefits.ramp_up_months,
            "annual_decay": s.benefits.annual_decay,
            "employer_share": s.benefits.employer_share,
            "other_yearly_benefits_eur": s.benefits.other_yearly_benefits_eur,
            "vacancy": {
                "filled_internally": s.benefits.vacancy.filled_internally,
                "avoided_hiring_cost_eur": s.benefits.vacancy.avoided_hiring_cost_eur,
                "month": s.benefits.vacancy.month,
            },
        },
        "retention": {
            "annual_quit_probability": s.retention.annual_quit_probability,
            "quit_probability_change": s.retention.quit_probability_change,
            "replacement_cost_share": s.retention.replacement_cost_share,
            "study_cost_clause": {
                "enabled": s.retention.study_cost_clause.enabled,
                "repayment_months": s.retention.study_cost_clause.repayment_months,
                "scale": s.retention.study_cost_clause.scale.value,
                "covers": [item.value for item in s.retention.study_cost_clause.covers],
            },
        },
        "dead_end": {name: getattr(s.dead_end, name) for name in _SECTIONS["dead_end"]},
    }


def scenario_to_json(scenario: Scenario) -> str:
    """The scenario as a pretty-printed JSON document (what the app offers for download)."""
    return json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- validation


def _value_at(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node[part]
    return node


def _range_errors(data: Mapping[str, Any]) -> Iterator[ScenarioError]:
    """Every value checked against its field's allowed range, length and count."""
    for path, spec in field_specs().items():
        if path.startswith("training.subsidies."):
            continue
        yield from _check(path, _value_at(data, path), spec)
    for index, item in enumerate(data["training"]["subsidies"]):
        for name in ("name", "amount_eur", "month"):
            path = f"training.subsidies.{name}"
            yield from _check(f"training.subsidies[{index}].{name}", item[name], field_spec(path))


def _check(field: str, value: Any, spec: FieldSpec) -> Iterator[ScenarioError]:
    if value is None and spec.nullable:
        return
    if spec.type in {"int", "float"}:
        assert spec.minimum is not None and spec.maximum is not None
        if isinstance(value, float) and not math.isfinite(value):  # an int is finite, however large
            yield ScenarioError(field, value, "not_finite", Allowed(spec.minimum, spec.maximum))
        elif not spec.minimum <= value <= spec.maximum:
            yield ScenarioError(field, value, "out_of_range", Allowed(spec.minimum, spec.maximum))
    elif spec.type == "text" and spec.max_length is not None and len(value) > spec.max_length:
        yield ScenarioError(field, value, "too_long", Allowed(max_length=spec.max_length))
    elif spec.type == "text" and any(unicodedata.category(char) in _UNSHOWABLE for char in value):
        yield ScenarioError(field, value, "invalid_characters", Allowed(max_length=spec.max_length))
    elif spec.type == "list" and spec.max_items is not None and len(value) > spec.max_items:
        yield ScenarioError(field, value, "too_many", Allowed(max_items=spec.max_items))


def _cross_field_errors(s: Scenario) -> Iterator[ScenarioError]:
    """Rules that tie fields together (docs/money-model.md §1, §3, §4, §7)."""
    horizon = s.horizon_months
    t = s.training
    if t.start_month > horizon - 1:
        yield ScenarioError("training.start_month", t.start_month, "out_of_range", Allowed(1, horizon - 1))
    elif t.end_month > horizon - 1:
        # at least one month must follow the training, or it can never yield anything
        yield ScenarioError(
            "training.duration_months", t.duration_months, "out_of_range", Allowed(1, horizon - t.start_month)
        )
    hours_per_month = min(
        MAX_TRAINING_HOURS_PER_MONTH,
        contract_hours_per_month(s.employee) / t.share_in_working_time
        if t.share_in_working_time > 0
        else math.inf,
    )
    max_hours = min(float(field_spec("training.hours").maximum or 0), hours_per_month * t.duration_months)
    if t.hours > max_hours + 1e-9:
        yield ScenarioError("training.hours", t.hours, "out_of_range", Allowed(0, math.floor(max_hours)))
    for index, item in enumerate(t.subsidies):
        if item.month > horizon:
            yield ScenarioError(
                f"training.subsidies[{index}].month", item.month, "out_of_range", Allowed(1, horizon)
            )
    costs = t.direct_costs_eur + time_costs(t, s.employee).total_eur
    if t.subsidies_eur > costs + 0.005:
        yield ScenarioError(
            "training.subsidies", t.subsidies_eur, "subsidies_exceed_costs", Allowed(0, costs)
        )
    vacancy = s.benefits.vacancy
    if vacancy.filled_internally and not t.end_month + 1 <= vacancy.month <= horizon:
        yield ScenarioError(
            "benefits.vacancy.month", vacancy.month, "out_of_range", Allowed(t.end_month + 1, horizon)
        )
    r = s.retention
    q1 = r.quit_probability_with_training
    if not 0.0 <= q1 <= 0.95 + 1e-12:
        yield ScenarioError(
            "retention.quit_probability_change",
            r.quit_probability_change,
            "out_of_range",
            Allowed(-r.annual_quit_probability, 0.95 - r.annual_quit_probability),
        )
    exit_month = s.dead_end.exit_month
    if s.employee.role_outlook is RoleOutlook.DEAD_END and not t.end_month + 1 <= exit_month <= horizon - 1:
        # leaving "job to job" comes after the training and before the horizon's end
        yield ScenarioError(
            "dead_end.exit_month", exit_month, "out_of_range", Allowed(t.end_month + 1, horizon - 1)
        )
    clause = r.study_cost_clause
    if clause.enabled and t.kind is TrainingKind.MANDATORY:
        yield ScenarioError("retention.study_cost_clause.enabled", True, "clause_void")
    if clause.scale is RepaymentScale.YEARLY_STEPS and clause.repayment_months % 12:
        yield ScenarioError(
            "retention.study_cost_clause.repayment_months",
            clause.repayment_months,
            "multiple_of",
            Allowed(12, 60, multiple_of=12),
        )


def validation_errors(scenario: Scenario) -> list[ScenarioError]:
    """Every problem with a scenario, in field order (empty when it is valid)."""
    errors = list(_range_errors(scenario_to_dict(scenario)))
    if errors:
        return errors  # cross-field rules assume each field is in range
    return list(_cross_field_errors(scenario))


def validate(scenario: Scenario) -> Scenario:
    """Raise the first :class:`ScenarioError` of a scenario, or return it unchanged."""
    errors = validation_errors(scenario)
    if errors:
        raise errors[0]
    return scenario


# --------------------------------------------------------------------------- JSON Schema


def _schema_for(spec: FieldSpec) -> dict[str, Any]:
    default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
    schema: dict[str, Any] = {"description": f"{spec.basis_en} Unit: {spec.unit}.", "default": default}
    if spec.type in {"int", "float"}:
        kind = "integer" if spec.type == "int" else "number"
        schema.update(
            type=[kind, "null"] if spec.nullable else kind, minimum=spec.minimum, maximum=spec.maximum
        )
    elif spec.type == "bool":
        schema["type"] = "boolean"
    elif spec.type == "text":
        schema.update(type="string", maxLength=spec.max_length)
    elif spec.type == "choice":
        schema.update(type="string", enum=list(spec.values))
    elif spec.type == "choice_list":
        schema.update(type="array", items={"type": "string", "enum": list(spec.values)}, uniqueItems=True)
    return schema


def _object_schema(section: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name in _SECTIONS[section]:
        path = _join(section, name)
        if path in _SECTIONS:
            child = _object_schema(path)
            if path == "training.subsidies":
                spec = field_spec(path)
                properties[name] = {
                    "type": "array",
                    "maxItems": spec.max_items,
                    "items": child,
                    "description": spec.basis_en,
                    "default": [],
                }
            else:
                properties[name] = child
        elif path == "schema_version":
            properties[name] = {"const": SCHEMA_VERSION, "description": "Version of this file format."}
        else:
            properties[name] = _schema_for(field_spec(path))
    return {"type": "object", "additionalProperties": False, "properties": properties}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the scenario file, generated from the field catalogue.

    It covers types and per-field ranges; rules that tie fields together (the training must end
    before the horizon, a clause is void for mandatory training, ...) are checked by
    :func:`validate` and described in docs/money-model.md.
    """
    schema = _object_schema("")
    schema.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "urn:leerwinst:scenario:1",
            "title": "Leerwinst scenario",
            "description": "One training decision for one employee. Omitted fields take their defaults.",
        }
    )
    return schema
