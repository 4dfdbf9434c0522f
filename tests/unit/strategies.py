"""Hypothesis strategies for scenarios: every valid input the product accepts, in its JSON form.

Ranges come from the field catalogue (``calculators.scenario.fields.field_specs()``, i.e.
content/defaults.yaml), never from numbers written here, so the strategies follow the product when a
range changes. On top of the per-field ranges, :func:`valid_scenarios` respects every rule that ties
fields together
(calculators/scenario/validate.py ``cross_field_errors``, docs/money-model.md §1, §3, §4, §7):

- the training ends by month H − 1 (at least one month follows it);
- training hours fit in the contract hours per month (divided by the share in working time) and
  in 300 hours per month, over the training's months;
- subsidies together never exceed the training's own costs (each item is drawn within what is left);
- a subsidy arrives within the horizon; a vacancy filled internally arises in E + 1 … H;
- the quit probability once trained, q0 + change, stays within q0's own range [0, 0.95];
- no study-cost clause with mandatory training; ``yearly_steps`` needs whole years;
- a dead-end "job to job" exit lies in E + 1 … H − 1;
- text holds no control characters, line or paragraph separators or lone surrogates.
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from hypothesis import strategies as st

from calculators import SCHEMA_VERSION, Scenario, scenario_from_dict
from calculators.scenario.fields import field_spec, field_specs
from calculators.scenario.io import MAX_TRAINING_HOURS_PER_MONTH
from calculators.scenario.training_costs import time_costs
from calculators.scenario.wages import WEEKS_PER_YEAR

__all__ = [
    "NUMERIC_FIELDS",
    "SECTIONS",
    "SHOWABLE",
    "BadScenario",
    "accepted_alone",
    "beyond",
    "field_values",
    "invalid_scenarios",
    "json_trees",
    "numbers_in",
    "out_of_range_scenarios",
    "scenario_documents",
    "training_hours_cap",
    "valid_scenario_objects",
    "valid_scenarios",
    "with_value",
]


# Fields whose allowed values depend on other fields: drawn after the rest, in dependency order.
_DEPENDENT = frozenset(
    {
        "training.kind",
        "training.hours",
        "training.start_month",
        "training.duration_months",
        "benefits.vacancy.month",
        "retention.quit_probability_change",
        "retention.study_cost_clause.enabled",
        "retention.study_cost_clause.repayment_months",
        "employee.role_outlook",
        "dead_end.exit_month",
    }
)


# What a text field accepts: any character but control characters, line/paragraph separators and lone
# surrogates (scenario_validate._UNSHOWABLE).
SHOWABLE = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))


def numbers_in(path: str, low: float = -math.inf, high: float = math.inf) -> st.SearchStrategy[Any]:
    """Numbers allowed for a numeric field, optionally narrowed to [low, high]."""
    spec = field_spec(path)
    assert spec.minimum is not None and spec.maximum is not None, path
    whole = spec.type == "int"
    if (low, high) == (-math.inf, math.inf):
        return _whole_range(whole, spec.minimum, spec.maximum)
    return _numbers(whole, max(spec.minimum, low), min(spec.maximum, high))


def _numbers(whole: bool, low: float, high: float) -> st.SearchStrategy[Any]:
    if whole:
        return st.integers(math.ceil(low), math.floor(high))
    return st.floats(float(low), float(high), allow_nan=False, allow_infinity=False)


def field_values(path: str) -> st.SearchStrategy[Any]:
    """Any value the field's own spec allows (its JSON form), ignoring the cross-field rules."""
    spec = field_spec(path)
    if spec.type in {"int", "float"}:
        return numbers_in(path)
    if spec.type in {"bool", "text", "choice", "choice_list"}:
        return _other_values(spec.type, spec.values, spec.max_length or 0)
    raise AssertionError(f"{path}: type {spec.type} needs its own strategy")


# A scenario draws some 70 values, each from a strategy built from its field's spec. A field's whole
# range and its other kinds are built once per distinct spec (strategies are immutable) rather than
# once per draw, which takes a quarter off the cost of a draw; the key is what the strategy is built
# from, so a changed spec gets its own. A range narrowed by other fields is built for each draw.
@functools.cache
def _whole_range(whole: bool, low: float, high: float) -> st.SearchStrategy[Any]:
    return _numbers(whole, low, high)


@functools.cache
def _other_values(kind: str, values: tuple[str, ...], max_length: int) -> st.SearchStrategy[Any]:
    if kind == "bool":
        return st.booleans()
    if kind == "text":
        return st.text(SHOWABLE, max_size=max_length)
    if kind == "choice":
        return st.sampled_from(values)
    return st.lists(st.sampled_from(values), unique=True)


def training_hours_cap(hours_per_week: float, share_in_working_time: float, duration_months: int) -> float:
    """Most training hours allowed: contract hours per month / share (at most 300 h a month) × D.

    Written with the same operations as the validator so the cap itself is accepted exactly.
    """
    contract = hours_per_week * WEEKS_PER_YEAR / 12
    per_month = min(
        MAX_TRAINING_HOURS_PER_MONTH,
        contract / share_in_working_time if share_in_working_time > 0 else math.inf,
    )
    return min(float(field_spec("training.hours").maximum or 0), per_month * duration_months)


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[name] = value


@st.composite
def valid_scenarios(
    draw: st.DrawFn, max_horizon: int | None = None, *, only_dead_end: bool = False
) -> dict[str, Any]:
    """A complete scenario dict (JSON form) that ``scenario_from_dict`` accepts.

    ``max_horizon`` caps the horizon, for properties of searches whose cost grows with it.
    ``only_dead_end`` draws only dead-end cases (role outlook "dead_end", so the training ends by month
    H − 2), directly rather than by throwing the other outlooks away.
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for path in field_specs():
        if path not in _DEPENDENT and not path.startswith("training.subsidies"):
            _put(data, path, draw(field_values(path)))
    if max_horizon is not None:
        data["horizon_months"] = draw(numbers_in("horizon_months", high=max_horizon))
    horizon: int = data["horizon_months"]
    employee, training = data["employee"], data["training"]
    benefits, retention, dead_end = data["benefits"], data["retention"], data["dead_end"]
    clause = retention["study_cost_clause"]

    # §1: the training ends by month H − 1.
    last = horizon - 2 if only_dead_end else horizon - 1  # a dead-end exit needs a month after the training
    start = draw(numbers_in("training.start_month", high=last))
    duration = draw(numbers_in("training.duration_months", high=last + 1 - start))
    end = start + duration - 1
    training["start_month"], training["duration_months"] = start, duration

    # §3: hours per month within contract hours / share and 300 h.
    cap = training_hours_cap(employee["hours_per_week"], training["share_in_working_time"], duration)
    training["hours"] = draw(numbers_in("training.hours", high=cap))

    # §7: a clause is void for mandatory training; yearly steps need whole years.
    training["kind"] = draw(field_values("training.kind"))
    clause["enabled"] = training["kind"] != "mandatory" and draw(st.booleans())
    if clause["scale"] == "yearly_steps":
        spec = field_spec("retention.study_cost_clause.repayment_months")
        assert spec.minimum is not None and spec.maximum is not None
        years = range(math.ceil(spec.minimum / 12), math.floor(spec.maximum / 12) + 1)
        clause["repayment_months"] = 12 * draw(st.sampled_from(years))
    else:
        clause["repayment_months"] = draw(field_values("retention.study_cost_clause.repayment_months"))

    # §5: a vacancy filled internally arises after the training, within the horizon.
    vacancy = benefits["vacancy"]
    if vacancy["filled_internally"]:
        vacancy["month"] = draw(numbers_in("benefits.vacancy.month", end + 1, horizon))
    else:
        vacancy["month"] = draw(field_values("benefits.vacancy.month"))

    # §4: 0 ≤ q0 + change ≤ 0.95 (q1 keeps q0's own range).
    q0: float = retention["annual_quit_probability"]
    q_max = float(field_spec("retention.annual_quit_probability").maximum or 0)
    retention["quit_probability_change"] = draw(
        numbers_in("retention.quit_probability_change", -q0, q_max - q0)
    )

    # dead-end track: leaving "job to job" after the training and before the horizon's end.
    outlooks = field_spec("employee.role_outlook").values
    if end + 1 > horizon - 1:
        outlooks = tuple(value for value in outlooks if value != "dead_end")
    if only_dead_end:
        outlooks = ("dead_end",)
    employee["role_outlook"] = draw(st.sampled_from(outlooks))
    if employee["role_outlook"] == "dead_end":
        dead_end["exit_month"] = draw(numbers_in("dead_end.exit_month", end + 1, horizon - 1))
    else:
        dead_end["exit_month"] = draw(field_values("dead_end.exit_month"))

    # §3: subsidies within the horizon, together at most the training's own costs.
    training["subsidies"] = []
    built = scenario_from_dict(data)
    left = built.training.direct_costs_eur + time_costs(built.training, built.employee).total_eur
    count = draw(st.integers(0, field_spec("training.subsidies").max_items or 0))
    for _ in range(count):
        amount = draw(numbers_in("training.subsidies.amount_eur", high=max(0.0, left)))
        left -= amount
        training["subsidies"].append(
            {
                "name": draw(field_values("training.subsidies.name")),
                "amount_eur": amount,
                "month": draw(numbers_in("training.subsidies.month", high=horizon)),
            }
        )
    return data


def valid_scenario_objects(max_horizon: int | None = None) -> st.SearchStrategy[Scenario]:
    """Valid scenarios as :class:`Scenario` objects."""
    return valid_scenarios(max_horizon).map(scenario_from_dict)


# --------------------------------------------------------------------------- invalid input
#
# What a scenario file can hold when something went wrong: wrong types, numbers out of range or beyond
# any float, NaN and infinity, unknown fields, sections that are not objects, too many subsidy lines,
# control characters, text cut short or re-encoded. The properties in test_bad_input_properties.py
# feed them to every entry point and expect the one refusal (ScenarioError) naming the field.

_UNSHOWABLE_TEXT = st.text(st.characters(categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=3)
_HUGE_INTEGERS = st.sampled_from([10**400, -(10**400), 2**64, -(2**63) - 1, 10**308 * 7])
_EXTREME_FLOATS = st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 1.7976931348623157e308])


def json_trees(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Any JSON-like value, including what JSON cannot hold (NaN, infinity, lone surrogates) and
    integers no float can hold, nested a few levels deep."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        _HUGE_INTEGERS,
        st.floats(),  # NaN and ±infinity included
        _EXTREME_FLOATS,
        st.text(max_size=12),
        _UNSHOWABLE_TEXT,
    )
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=max_leaves,
    )


def accepted_alone(path: str, value: Any) -> bool:
    """Whether ``value`` fits field ``path`` by itself: its type, range, length, choices.

    Written from the field catalogue, not with the product's own checks, so the properties compare two
    readings of content/defaults.yaml. Rules tying fields together are not considered.
    """
    spec = field_spec(path)
    if spec.type in {"int", "float"}:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, float) and not (
            math.isfinite(value) and (spec.type == "float" or value.is_integer())
        ):
            return False
        assert spec.minimum is not None and spec.maximum is not None
        return spec.minimum <= value <= spec.maximum
    if spec.type == "bool":
        return isinstance(value, bool)
    if spec.type == "text":
        return (
            isinstance(value, str)
            and len(value) <= (spec.max_length or 0)
            and all(unicodedata.category(char) not in {"Cc", "Cs", "Zl", "Zp"} for char in value)
        )
    if spec.type == "choice":
        return isinstance(value, str) and value in spec.values
    if spec.type == "choice_list":
        return isinstance(value, list) and all(
            isinstance(item, str) and item in spec.values for item in value
        )
    return isinstance(value, list)  # the subsidies; their items are fields of their own


def beyond(path: str) -> st.SearchStrategy[Any]:
    """Values just outside a field's range or length, and the extreme numbers."""
    spec = field_spec(path)
    if spec.type in {"int", "float"}:
        assert spec.minimum is not None and spec.maximum is not None
        below = st.floats(max_value=spec.minimum, exclude_max=True, allow_nan=False)
        above = st.floats(min_value=spec.maximum, exclude_min=True, allow_nan=False)
        if spec.type == "int":
            below = st.integers(max_value=math.ceil(spec.minimum) - 1)
            above = st.integers(min_value=math.floor(spec.maximum) + 1)
        return st.one_of(below, above, _HUGE_INTEGERS, _EXTREME_FLOATS)
    if spec.type == "text":
        too_long = st.text(
            SHOWABLE, min_size=(spec.max_length or 0) + 1, max_size=(spec.max_length or 0) + 20
        )
        return too_long | st.tuples(st.text(SHOWABLE, max_size=5), _UNSHOWABLE_TEXT).map("".join)
    if spec.type == "choice":
        return st.text(max_size=20)
    return json_trees()


# The objects a scenario is made of, by the name a refusal gives them.
SECTIONS = (
    "company",
    "employee",
    "training",
    "benefits",
    "benefits.vacancy",
    "retention",
    "retention.study_cost_clause",
    "dead_end",
)


@dataclass(frozen=True)
class BadScenario:
    """A scenario in JSON form with one thing wrong, and the field its refusal must name."""

    data: Any
    field: str
    change: str  # what was done, for the report of a failing example


def _node(data: dict[str, Any], path: str) -> Any:
    """The value at a dotted path with list indices (``training.subsidies[1].name``)."""
    node: Any = data
    for part in path.split("."):
        name, _, index = part.partition("[")
        node = node[name] if name else node
        if index:
            node = node[int(index.rstrip("]"))]
    return node


def _replace(data: dict[str, Any], path: str, value: Any) -> None:
    parent, _, last = path.rpartition(".")
    container = _node(data, parent) if parent else data
    name, _, index = last.partition("[")
    if index:
        container[name][int(index.rstrip("]"))] = value
    else:
        container[name] = value


def _known_names(section: str) -> set[str]:
    prefix = f"{section}." if section else ""
    names = {path[len(prefix) :].split(".")[0] for path in field_specs() if path.startswith(prefix)}
    return names | ({"schema_version", *SECTIONS} if not section else set())


@st.composite
def invalid_scenarios(draw: st.DrawFn, max_horizon: int | None = None) -> BadScenario:
    """A valid scenario with exactly one thing made wrong."""
    data = draw(valid_scenarios(max_horizon))
    items = len(data["training"]["subsidies"])
    change = draw(
        st.sampled_from(("value", "unknown_field", "not_an_object", "schema_version", "lines", "root"))
    )
    if change == "value":
        leaves = [path for path in field_specs() if not path.startswith("training.subsidies.")]
        leaves += [
            f"training.subsidies[{i}].{part}"
            for i in range(items)
            for part in ("name", "amount_eur", "month")
        ]
        path = draw(st.sampled_from(leaves))
        plain = path.split("[")[0] + ("." + path.rsplit(".", 1)[1] if "[" in path else "")
        value = draw(st.one_of(beyond(plain), json_trees()).filter(lambda v: not accepted_alone(plain, v)))
        _replace(data, path, value)
        return BadScenario(data, path, f"{path} = {value!r}")
    if change == "unknown_field":
        where = draw(st.sampled_from(("", *SECTIONS, *(f"training.subsidies[{i}]" for i in range(items)))))
        known = _known_names("training.subsidies" if "[" in where else where)
        key = draw(st.text(max_size=30).filter(lambda name: name not in known))
        (_node(data, where) if where else data)[key] = draw(json_trees())
        return BadScenario(data, f"{where}.{key}" if where else key, f"unknown {key!r} in {where or 'root'}")
    if change == "not_an_object":
        where = draw(st.sampled_from((*SECTIONS, *(f"training.subsidies[{i}]" for i in range(items)))))
        value = draw(json_trees().filter(lambda v: not isinstance(v, dict)))
        _replace(data, where, value)
        return BadScenario(data, where, f"{where} = {value!r}")
    if change == "schema_version":
        version = draw(json_trees().filter(lambda v: isinstance(v, bool) or v != SCHEMA_VERSION))
        data["schema_version"] = version
        return BadScenario(data, "schema_version", f"schema_version = {version!r}")
    if change == "lines":
        most = field_spec("training.subsidies").max_items or 0
        count = draw(st.integers(most + 1, most + 1000))
        data["training"]["subsidies"] = [{"name": "", "amount_eur": 0, "month": 1}] * count
        return BadScenario(data, "training.subsidies", f"{count} subsidy lines")
    value = draw(json_trees().filter(lambda v: not isinstance(v, dict)))
    return BadScenario(value, "scenario", f"the whole file is {value!r}")


@st.composite
def scenario_documents(draw: st.DrawFn) -> bytes:
    """The bytes of a scenario file after something may have gone wrong: a valid or broken scenario,
    or any JSON-like tree, written out (NaN and Infinity as literals), then perhaps cut short, spliced
    with other bytes or re-encoded; or plain random bytes."""
    source = draw(st.one_of(valid_scenarios(), invalid_scenarios().map(lambda bad: bad.data), json_trees()))
    raw = json.dumps(source, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(("none", "cut", "splice", "utf-16", "bom", "random")))
    if damage == "cut":
        return raw[: draw(st.integers(0, max(0, len(raw) - 1)))]
    if damage == "splice":
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if damage == "utf-16":
        return raw.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass")
    if damage == "bom":
        return b"\xef\xbb\xbf" + raw
    if damage == "random":
        return draw(st.binary(max_size=200))
    return raw


# Numeric fields of the Scenario object (subsidy lines aside), by their dotted path.
NUMERIC_FIELDS = tuple(
    path
    for path, spec in field_specs().items()
    if spec.type in {"int", "float"} and not path.startswith("training.subsidies")
)


def with_value(scenario: Any, path: str, value: Any) -> Any:
    """``scenario`` with the field at a dotted path replaced (nested frozen dataclasses)."""
    head, _, rest = path.partition(".")
    if not rest:
        return replace(scenario, **{head: value})
    return replace(scenario, **{head: with_value(getattr(scenario, head), rest, value)})


@st.composite
def out_of_range_scenarios(draw: st.DrawFn, max_horizon: int | None = None) -> tuple[Scenario, str]:
    """A valid Scenario object with one number made invalid — below or above its range, NaN, ±infinity,
    ±1e308, an integer beyond any float — as a caller building scenarios in code could; and its path.

    Values keep the field's declared type (an ``int`` field gets integers); a float field may also get
    a huge integer, as Python's numeric tower allows.
    """
    scenario = draw(valid_scenario_objects(max_horizon))
    path = draw(st.sampled_from(NUMERIC_FIELDS))
    spec = field_spec(path)
    assert spec.minimum is not None and spec.maximum is not None
    if spec.type == "int":
        values = st.one_of(
            st.integers(max_value=math.ceil(spec.minimum) - 1),
            st.integers(min_value=math.floor(spec.maximum) + 1),
            _HUGE_INTEGERS,
        )
    else:
        values = st.one_of(
            st.floats(max_value=spec.minimum, exclude_max=True),
            st.floats(min_value=spec.maximum, exclude_min=True),  # ±infinity included
            _EXTREME_FLOATS,
            _HUGE_INTEGERS,
        )
    return with_value(scenario, path, draw(values)), path
