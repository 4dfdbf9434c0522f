"""The scenario's dataclasses are the one list of fields (calculators/scenario/walk.py).

Reading, writing, range checks and the JSON Schema all walk the tree built from the dataclasses, so a
new field needs only its line in a dataclass and its spec in content/defaults.yaml. These tests add a
field to a throwaway copy of the tree (a subclass with one more field, and a spec patched into the
catalogue) and check that it is read, written, checked and described without any other change.
"""

from __future__ import annotations

from dataclasses import make_dataclass
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from calculators.content import ContentError
from calculators.errors import Allowed, ScenarioError
from calculators.scenario import fields as catalogue
from calculators.scenario import io as scenario_io
from calculators.scenario.fields import FieldSpec, field_specs
from calculators.scenario.io import json_schema, scenario_from_dict, scenario_to_dict
from calculators.scenario.model import Company, Scenario, Sector, Subsidy, Training
from calculators.scenario.walk import Kind, Node, scenario_tree


def _spec(path: str, kind: str, default: Any, **extra: Any) -> FieldSpec:
    return FieldSpec(
        path=path, type=kind, unit=extra.pop("unit", "count"), default=default, judgment=True,
        basis_nl="Alleen voor deze test.", basis_en="Only for this test.", **extra,
    )  # fmt: skip


def _with_specs(monkeypatch: pytest.MonkeyPatch, *added: FieldSpec) -> None:
    """The catalogue as if these specs were in content/defaults.yaml."""
    specs = {**field_specs(), **{spec.path: spec for spec in added}}
    monkeypatch.setattr(catalogue, "field_specs", lambda: specs)


def _all_paths(node: Node) -> set[str]:
    """Every spec path in the tree, list items included."""
    paths: set[str] = set()
    for child in node.children:
        if child.kind is Kind.SECTION:
            paths |= _all_paths(child)
        elif child.kind is Kind.ITEMS:
            assert child.item is not None
            paths |= {child.path} | _all_paths(child.item)
        elif child.kind is Kind.VALUE:
            paths.add(child.path)
    return paths


class TestOneNewField:
    """A field added to a dataclass (and its spec) is read, written, range-checked and in the schema."""

    @pytest.fixture
    def with_apprentices(self, monkeypatch: pytest.MonkeyPatch) -> type:
        """Company gains ``apprentices: int`` (0 … 50, default 2): one line in the dataclass, one spec."""
        _with_specs(monkeypatch, _spec("company.apprentices", "int", 2, minimum=0, maximum=50))
        company = make_dataclass("Company", [("apprentices", int)], bases=(Company,), frozen=True)
        root = make_dataclass("Scenario", [("company", company)], bases=(Scenario,), frozen=True)
        monkeypatch.setattr(scenario_io, "Scenario", root)  # stands in for editing the class itself
        return root

    def test_read_with_its_default_and_written(self, with_apprentices: type) -> None:
        """Left out, it takes the spec's default (2); given, its value; written back as given."""
        assert scenario_from_dict({}).company.apprentices == 2  # type: ignore[attr-defined]
        scenario = scenario_from_dict({"company": {"apprentices": 7, "sector": "care"}})
        assert isinstance(scenario, with_apprentices)
        assert scenario.company.apprentices == 7  # type: ignore[attr-defined]
        assert scenario.company.sector is Sector.CARE  # the fields that were there still are
        written = scenario_to_dict(scenario)
        assert list(written["company"])[-1] == "apprentices"  # after the four fields Company had
        assert written["company"]["apprentices"] == 7
        assert scenario_from_dict(written) == scenario

    @pytest.mark.usefixtures("with_apprentices")
    def test_range_and_type_checked(self) -> None:
        """51 is above the spec's maximum 50; "seven" is no integer; both name the new field."""
        with pytest.raises(ScenarioError) as caught:
            scenario_from_dict({"company": {"apprentices": 51}})
        assert (caught.value.field, caught.value.code) == ("company.apprentices", "out_of_range")
        assert caught.value.allowed == Allowed(0, 50)
        with pytest.raises(ScenarioError) as caught:
            scenario_from_dict({"company": {"apprentices": "seven"}})
        assert (caught.value.field, caught.value.code) == ("company.apprentices", "wrong_type_int")

    @pytest.mark.usefixtures("with_apprentices")
    def test_in_the_schema(self) -> None:
        """The schema describes it from its spec, and accepts what the writer writes."""
        schema = json_schema()
        assert schema["properties"]["company"]["properties"]["apprentices"] == {
            "description": "Only for this test. Unit: count.",
            "default": 2,
            "type": "integer",
            "minimum": 0,
            "maximum": 50,
        }
        Draft202012Validator(schema).validate(scenario_to_dict(scenario_from_dict({})))

    @pytest.mark.usefixtures("with_apprentices")
    def test_other_unknown_fields_still_refused(self) -> None:
        """Only the new field became known: a misspelling of it is still refused by name."""
        with pytest.raises(ScenarioError) as caught:
            scenario_from_dict({"company": {"apprentice": 1}})
        assert (caught.value.field, caught.value.code) == ("company.apprentice", "unknown_field")


class TestNewFieldInListItems:
    """A field added to the dataclass of a list's items (a subsidy) is walked in every item."""

    @pytest.fixture
    def with_reference(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Subsidy gains ``reference: str`` (at most 8 characters, default "")."""
        _with_specs(monkeypatch, _spec("training.subsidies.reference", "text", "", unit="text", max_length=8))
        subsidy = make_dataclass("Subsidy", [("reference", str)], bases=(Subsidy,), frozen=True)
        items: Any = tuple[subsidy, ...]  # type: ignore[valid-type]  # a class made at run time
        training = make_dataclass("Training", [("subsidies", items)], bases=(Training,), frozen=True)
        root = make_dataclass("Scenario", [("training", training)], bases=(Scenario,), frozen=True)
        monkeypatch.setattr(scenario_io, "Scenario", root)

    @pytest.mark.usefixtures("with_reference")
    def test_read_written_checked_and_described(self) -> None:
        """Each item reads and writes it; the second item's 9 characters (> 8) are refused by item."""
        items: list[dict[str, Any]] = [{"amount_eur": 100, "reference": "AB-1"}, {"amount_eur": 50}]
        scenario = scenario_from_dict({"training": {"subsidies": items}})
        references = [item.reference for item in scenario.training.subsidies]  # type: ignore[attr-defined]
        assert references == ["AB-1", ""]
        written = scenario_to_dict(scenario)["training"]["subsidies"]
        assert written[0] == {"name": "", "amount_eur": 100.0, "month": 1, "reference": "AB-1"}
        items[1]["reference"] = "123456789"
        with pytest.raises(ScenarioError) as caught:
            scenario_from_dict({"training": {"subsidies": items}})
        assert (caught.value.field, caught.value.code) == ("training.subsidies[1].reference", "too_long")
        item_schema = json_schema()["properties"]["training"]["properties"]["subsidies"]["items"]
        assert item_schema["properties"]["reference"] == {
            "description": "Only for this test. Unit: text.",
            "default": "",
            "type": "string",
            "maxLength": 8,
        }


class TestTreeAndCatalogue:
    """The dataclasses and content/defaults.yaml describe the same fields, and agree on their types."""

    def test_every_spec_is_a_field_and_every_field_has_a_spec(self) -> None:
        """The set of spec paths equals the set of field paths (schema_version has no spec)."""
        assert _all_paths(scenario_tree(Scenario)) == set(field_specs())

    def test_a_field_without_a_spec_is_refused(self) -> None:
        """A field added to a dataclass but not to defaults.yaml fails loudly, naming its path."""
        company = make_dataclass("Company", [("orphan", int)], bases=(Company,), frozen=True)
        root = make_dataclass("Scenario", [("company", company)], bases=(Scenario,), frozen=True)
        with pytest.raises(ContentError, match=r"company\.orphan"):
            scenario_tree(root)

    def test_a_spec_of_another_type_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bool field whose spec says int: the walker would read one and build the other."""
        _with_specs(monkeypatch, _spec("company.audited", "int", 0, minimum=0, maximum=1))
        company = make_dataclass("Company", [("audited", bool)], bases=(Company,), frozen=True)
        root = make_dataclass("Scenario", [("company", company)], bases=(Scenario,), frozen=True)
        with pytest.raises(ContentError, match=r"company\.audited.*bool"):
            scenario_tree(root)

    def test_choices_must_equal_the_enum(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A StrEnum field whose spec lists other values could build an enum member that does not exist."""
        _with_specs(monkeypatch, _spec("company.second_sector", "choice", "care", values=("care", "mars")))
        company = make_dataclass("Company", [("second_sector", Sector)], bases=(Company,), frozen=True)
        root = make_dataclass("Scenario", [("company", company)], bases=(Scenario,), frozen=True)
        with pytest.raises(ContentError, match=r"company\.second_sector.*Sector"):
            scenario_tree(root)


class TestWhichErrorFirst:
    """With several problems, structure before values (calculators/scenario/read.py), as before."""

    def test_an_unknown_key_before_a_wrong_value(self) -> None:
        """horizon_months is a value, dead_end.nope a key of an object: the object's shape comes first."""
        error = _refusal({"horizon_months": "x", "dead_end": {"nope": 1}})
        assert (error.field, error.code) == ("dead_end.nope", "unknown_field")

    def test_shapes_breadth_first(self) -> None:
        """Every section of the root before any section inside one: dead_end (depth 1, last) is
        checked before benefits.vacancy (depth 2, inside benefits, which comes before dead_end)."""
        error = _refusal({"benefits": {"vacancy": 5}, "dead_end": {"zzz": 1}})
        assert (error.field, error.code) == ("dead_end.zzz", "unknown_field")

    def test_list_items_before_other_values(self) -> None:
        """A wrong amount in a subsidy is found before a wrong horizon."""
        error = _refusal({"horizon_months": "x", "training": {"subsidies": [{"amount_eur": "y"}]}})
        assert (error.field, error.code) == ("training.subsidies[0].amount_eur", "wrong_type_number")


def _refusal(data: object) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data)
    return caught.value
