"""form_key: the memo key of the wizard's form must change exactly when the form's scenario can."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ui.form.state import form_key, form_scenario, form_values, seed_fields
from ui.form.steps import ALL_FIELDS
from ui.session import SUBSIDY_COUNT_KEY, doubt_key, subsidy_key, widget_key

FEES = widget_key("training.course_fees_eur")
LABEL = widget_key("employee.label")


def _seeded() -> dict[str, Any]:
    state: dict[str, Any] = {}
    seed_fields(state, ALL_FIELDS)
    return state


def test_every_key_the_form_reads_changes_the_key() -> None:
    """Pins a new key for a changed field, subsidy line, subsidy count and doubt; and none for a key the
    form never reads (the step, the language, a chart tab)."""
    base = _seeded()
    for key, value in (
        (FEES, 1234.0),
        (SUBSIDY_COUNT_KEY, 1),
        (subsidy_key(0, "amount_eur"), 250.0),
        (doubt_key("W3"), True),
        (LABEL, "Sanne"),
    ):
        changed = {**base, key: value}
        assert form_key(changed) != form_key(base), key
    unrelated = {**base, "wizard_step": 4, "lang": "en", "tabs_money_nl": "Wat het oplevert"}
    assert form_key(unrelated) == form_key(base)


def test_a_missing_key_differs_from_any_value() -> None:
    """Pins that a field without a value (its default applies) never shares a key with a typed value."""
    base = _seeded()
    without = {key: value for key, value in base.items() if key != LABEL}
    for value in ("", "<missing>", None):
        assert form_key({**without, LABEL: value}) != form_key(without)


def test_a_list_and_a_tuple_are_one_key() -> None:
    """Pins that the multiselect's list is hashable in the key and equal to the same tuple."""
    covers = widget_key("retention.study_cost_clause.covers")
    base = _seeded()
    as_list = form_key({**base, covers: ["course_fees"]})
    assert as_list == form_key({**base, covers: ("course_fees",)})
    hash(as_list)


@settings(max_examples=60, deadline=None)
@given(
    fees=st.floats(min_value=0, max_value=50_000, allow_nan=False),
    label=st.text(max_size=40),
    count=st.integers(min_value=0, max_value=3),
    doubt=st.booleans(),
)
def test_equal_keys_mean_equal_scenarios(fees: float, label: str, count: int, doubt: bool) -> None:
    """Pins the memo's soundness: two states with the same key give the same form scenario and errors
    (state two is rebuilt from scratch, not copied)."""
    one = {**_seeded(), FEES: fees, LABEL: label, SUBSIDY_COUNT_KEY: count, doubt_key("W1"): doubt}
    two = {**_seeded(), doubt_key("W1"): doubt, SUBSIDY_COUNT_KEY: count, LABEL: label, FEES: fees}
    assert form_key(one) == form_key(two)
    (scenario_one, errors_one), (scenario_two, errors_two) = (
        form_scenario(state, ALL_FIELDS) for state in (one, two)
    )
    assert scenario_one == scenario_two
    assert [(error.field, str(error)) for error in errors_one] == [
        (error.field, str(error)) for error in errors_two
    ]


@settings(max_examples=60, deadline=None)
@given(
    fees=st.floats(min_value=-10, max_value=50_000, allow_nan=False),
    count=st.integers(min_value=0, max_value=3),
    amount=st.floats(min_value=-10, max_value=5_000, allow_nan=False),
    doubt=st.booleans(),
    drop_label=st.booleans(),
)
def test_the_values_read_once_give_the_same_form(
    fees: float, count: int, amount: float, doubt: bool, drop_label: bool
) -> None:
    """Pins that form_values keeps everything the form reads: the form built from it equals the form
    built from the whole state (with unrelated keys, subsidy lines, a doubt, a missing field, and
    amounts out of range so that errors are compared too)."""
    state = {
        **_seeded(),
        FEES: fees,
        SUBSIDY_COUNT_KEY: count,
        doubt_key("W2"): doubt,
        "wizard_step": 3,
        "lang": "en",
        "_leerwinst_memo": {},
    }
    for index in range(count):
        state |= {
            subsidy_key(index, "name"): f"fonds {index}",
            subsidy_key(index, "amount_eur"): amount,
            subsidy_key(index, "month"): 1,
        }
    if drop_label:
        del state[LABEL]
    values = form_values(state)
    assert "wizard_step" not in values and (LABEL in values) is not drop_label
    (scenario_all, errors_all), (scenario_read, errors_read) = (
        form_scenario(source, ALL_FIELDS) for source in (state, values)
    )
    assert scenario_all == scenario_read
    assert [(error.field, str(error)) for error in errors_all] == [
        (error.field, str(error)) for error in errors_read
    ]
