"""The Comparison value (ui/comparison.py) without Streamlit: every operation returns a new
comparison or a refusal with its reason, never loses an item, and keeps ``active`` on an item.

Expected items are written out by hand (names "A", "B", … in the order they were added); the
property tests compare against a plain list model of the same operations.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import default_scenario, scenario_from_dict
from ui.comparison import MAX_NAME_CHARS, MAX_SCENARIOS, Comparison, NamedScenario, Refused

BASE = default_scenario()
OTHER = scenario_from_dict({"training": {"course_fees_eur": 500}})


def named(name: str) -> NamedScenario:
    return NamedScenario(name, BASE)


def of(*names: str, active: int = 0) -> Comparison:
    return Comparison.of([named(name) for name in names], active)


class TestConstruction:
    def test_holds_one_to_the_limit(self) -> None:
        assert of("A").names == ("A",)
        assert len(of(*"ABCD").items) == MAX_SCENARIOS == 4

    @pytest.mark.parametrize("count", [0, MAX_SCENARIOS + 1])
    def test_refuses_none_or_more_than_the_limit(self, count: int) -> None:
        with pytest.raises(ValueError, match="holds 1 to 4"):
            Comparison.of([named(str(index)) for index in range(count)])

    @pytest.mark.parametrize("active", [-1, 2])
    def test_active_must_be_an_item(self, active: int) -> None:
        with pytest.raises(ValueError, match=f"no scenario {active}"):
            of("A", "B", active=active)

    def test_is_frozen(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            of("A").active = 1  # type: ignore[misc]


class TestAdd:
    def test_appends_in_order_and_activates_the_first_added(self) -> None:
        grown = of("A", "B").add(named("C"), named("D"))
        assert isinstance(grown, Comparison)
        assert grown.names == ("A", "B", "C", "D")
        assert grown.active == 2  # the first of the added: "C"

    def test_can_keep_the_active_one(self) -> None:
        grown = of("A", "B", active=1).add(named("C"), activate=False)
        assert isinstance(grown, Comparison) and grown.active == 1

    def test_refused_whole_when_they_would_not_all_fit(self) -> None:
        """Three held, two more asked for: 3 + 2 = 5 > 4, so neither is added."""
        held = of("A", "B", "C")
        assert held.add(named("D"), named("E")) == Refused("full", limit=4, count=2)
        assert held.names == ("A", "B", "C")  # the value itself never changes

    def test_full(self) -> None:
        assert not of("A", "B", "C").full
        assert of(*"ABCD").full


class TestRemove:
    def test_removing_the_active_one_activates_the_one_before(self) -> None:
        left = of("A", "B", "C", active=2).remove(2)
        assert isinstance(left, Comparison)
        assert (left.names, left.active) == (("A", "B"), 1)

    def test_removing_the_first_active_one_activates_the_new_first(self) -> None:
        left = of("A", "B", "C", active=0).remove(0)
        assert isinstance(left, Comparison)
        assert (left.names, left.active) == (("B", "C"), 0)

    def test_removing_one_before_the_active_keeps_the_same_scenario_active(self) -> None:
        left = of("A", "B", "C", active=2).remove(0)
        assert isinstance(left, Comparison)
        assert left.current.name == "C" and left.active == 1

    def test_the_last_item_stays(self) -> None:
        assert of("A").remove(0) == Refused("last_item", limit=4)

    @pytest.mark.parametrize("index", [-1, 2])
    def test_no_such_item(self, index: int) -> None:
        assert of("A", "B").remove(index) == Refused("no_such_item", limit=4)


class TestActivateDuplicateUpdate:
    def test_activate(self) -> None:
        chosen = of("A", "B").activate(1)
        assert isinstance(chosen, Comparison) and chosen.current.name == "B"
        assert of("A", "B").activate(2) == Refused("no_such_item", limit=4)

    def test_duplicate_copies_the_active_scenario_under_a_shortened_name(self) -> None:
        held = Comparison.of([named("A"), NamedScenario("B", OTHER)], active=1)
        copied = held.duplicate("x" * (MAX_NAME_CHARS + 5))
        assert isinstance(copied, Comparison)
        assert copied.current == NamedScenario("x" * 40, OTHER) and copied.active == 2

    def test_duplicate_refused_when_full(self) -> None:
        assert of(*"ABCD").duplicate("E") == Refused("full", limit=4, count=1)

    def test_update_current_keeps_the_name_when_none_or_blank_is_given(self) -> None:
        held = of("A", "B", active=1)
        assert held.update_current(OTHER).current == NamedScenario("B", OTHER)
        assert held.update_current(OTHER, "   ").current == NamedScenario("B", OTHER)
        assert held.update_current(OTHER, "  Met beding ").current == NamedScenario("Met beding", OTHER)
        assert held.update_current(OTHER).items[0] == named("A")  # the others untouched


# ---------------------------------------------------------------------------------- properties

NAMES = st.text(alphabet="ABCDEFGH", min_size=1, max_size=3)


@st.composite
def comparisons(draw: st.DrawFn) -> Comparison:
    names = draw(st.lists(NAMES, min_size=1, max_size=MAX_SCENARIOS))
    active = draw(st.integers(0, len(names) - 1))
    return of(*names, active=active)


@given(comparisons(), NAMES)
def test_adding_then_removing_keeps_the_others_in_their_order(held: Comparison, name: str) -> None:
    grown = held.add(named(name))
    if held.full:
        assert grown == Refused("full", MAX_SCENARIOS, 1)
        return
    assert isinstance(grown, Comparison)
    left = grown.remove(len(grown.items) - 1)
    assert isinstance(left, Comparison)
    assert left.items == held.items


@given(comparisons(), st.data())
def test_removing_keeps_every_other_item_in_order(held: Comparison, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(held.items) - 1))
    left = held.remove(index)
    if len(held.items) == 1:
        assert left == Refused("last_item", MAX_SCENARIOS)
        return
    assert isinstance(left, Comparison)
    expected = [item for position, item in enumerate(held.items) if position != index]
    assert list(left.items) == expected


OPERATIONS = st.one_of(
    st.tuples(st.just("add"), st.lists(NAMES, max_size=3)),
    st.tuples(st.just("remove"), st.integers(-1, MAX_SCENARIOS)),
    st.tuples(st.just("activate"), st.integers(-1, MAX_SCENARIOS)),
    st.tuples(st.just("duplicate"), NAMES),
)


@given(comparisons(), st.lists(OPERATIONS, max_size=12))
def test_any_sequence_keeps_active_on_an_item_and_loses_nothing_silently(
    held: Comparison, operations: list[tuple[str, object]]
) -> None:
    """Against a plain list: every operation either does exactly what it says or is refused with
    the value unchanged; the active index always points at an item."""
    for operation, argument in operations:
        before = held
        if operation == "add":
            assert isinstance(argument, list)
            outcome = held.add(*(named(name) for name in argument))
            expected = [*before.items, *(named(name) for name in argument)]
        elif operation == "remove":
            assert isinstance(argument, int)
            outcome = held.remove(argument)
            expected = [item for position, item in enumerate(before.items) if position != argument]
        elif operation == "activate":
            assert isinstance(argument, int)
            outcome = held.activate(argument)
            expected = list(before.items)
        else:
            assert isinstance(argument, str)
            outcome = held.duplicate(argument)
            expected = [*before.items, NamedScenario(argument, before.current.scenario)]
        if isinstance(outcome, Refused):
            assert outcome.reason in {"full", "last_item", "no_such_item"}
            continue
        assert list(outcome.items) == expected
        assert 0 <= outcome.active < len(outcome.items) <= MAX_SCENARIOS
        held = outcome
