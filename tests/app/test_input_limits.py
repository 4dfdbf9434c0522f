"""Every input is honoured or refused out loud, and user text never becomes markup (issues 8, 16).

Walks every wizard step, as owner and as advisor, with every optional part of the form opened (a
dead-end track, a study-cost clause, a vacancy filled internally, the most subsidy lines): a number
above its allowed range is kept and refused by name with the step held; every text input has a maximum
length. Then types Markdown, HTML and links as the employee's label and checks the results page shows
them only escaped.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from calculators.i18n import text
from calculators.scenario.fields import field_spec
from tests.app.helpers import each_results_tab, goto
from ui.form.inputs import PERCENT_UNITS
from ui.form.steps import ALL_FIELDS, STEPS
from ui.safe_text import escape_markdown
from ui.session import (
    ROLE_KEY,
    SUBSIDY_COUNT_KEY,
    Role,
    assumptions_key,
    dead_end_assumptions_key,
    doubt_key,
    subsidy_key,
    widget_key,
)

APP = Path(__file__).resolve().parents[2] / "app.py"
LABEL = widget_key("employee.label")
MAX_SUBSIDIES = field_spec("training.subsidies").max_items or 0
# Every optional part of the form open, so every widget the wizard has is drawn somewhere.
EVERYTHING_OPEN: dict[str, Any] = {
    widget_key("employee.role_outlook"): "dead_end",
    widget_key("retention.study_cost_clause.enabled"): True,
    widget_key("benefits.vacancy.filled_internally"): True,
    SUBSIDY_COUNT_KEY: MAX_SUBSIDIES,
    # the owner's folded assumptions (drawn only while open) and the dead-end assumptions
    **{assumptions_key(step.id): True for step in STEPS},
    **{dead_end_assumptions_key(role): True for role in Role},
}
PUNCTUATION = set(string.punctuation)


def session(role: str, state: dict[str, Any]) -> AppTest:
    """A fresh session in ``role`` with ``state`` entered, on the start step."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[ROLE_KEY] = role
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _path_of(key: str) -> str:
    """The field (spec) path of a number widget's key: in__employee__age → employee.age."""
    if key == SUBSIDY_COUNT_KEY:
        return "training.subsidies"
    parts = key.removeprefix("in__").split("__")
    if parts[:2] == ["training", "subsidies"]:
        return f"training.subsidies.{parts[3]}"
    return ".".join(parts)


def _beyond(path: str) -> float:
    """A value above the field's allowed range, in the widget's own unit (percent for rates)."""
    spec = field_spec(path)
    if path == "training.subsidies":
        return float((spec.max_items or 0) + 1)
    assert spec.maximum is not None
    scale = 100.0 if spec.unit in PERCENT_UNITS else 1.0
    return float(spec.maximum) * scale + (1 if spec.type == "int" else 1000.0)


@pytest.mark.parametrize("role", ["owner", "advisor"])
def test_every_number_is_refused_out_loud(role: str) -> None:
    """Issue 16: on every step, a number above its allowed range is kept as typed (not swapped for the
    old value), a message in Dutch names the field by its label, and Volgende is held; putting the old
    value back frees the step. Text inputs keep their maximum length. The walk must see a widget for
    every numeric and text field of the form."""
    at = session(role, EVERYTHING_OPEN)
    seen: set[str] = set()
    for step in STEPS:
        goto(at, step.id)
        for key in [str(widget.key) for widget in at.number_input]:
            path = _path_of(key)
            old = at.number_input(key=key).value
            at.number_input(key=key).set_value(_beyond(path)).run()
            assert not at.exception, at.exception
            assert at.number_input(key=key).value == _beyond(path), key  # kept as typed
            label = escape_markdown(text("nl", f"fields.{path}.label"))  # as the page shows it
            assert any(label in str(error.value) for error in at.error), (
                step.id,
                key,
                [e.value for e in at.error],
            )
            assert all("__" not in str(error.value) for error in at.error)  # no internal key or path
            assert at.button(key="nav_next").disabled, (step.id, key)
            at.number_input(key=key).set_value(old).run()
            assert not at.button(key="nav_next").disabled or step.id == "results", (step.id, key)
            seen.add(key)
        for text_widget in at.text_input:
            assert text_widget.proto.max_chars > 0, (step.id, text_widget.key, text_widget.label)
            seen.add(str(text_widget.key))
        assert not at.text_area, [area.key for area in at.text_area]  # none yet; each would need a limit
    numeric_or_text = [path for path in ALL_FIELDS if field_spec(path).type in {"int", "float", "text"}]
    lines = [
        subsidy_key(index, part) for index in range(MAX_SUBSIDIES) for part in ("name", "amount_eur", "month")
    ]
    missing = {widget_key(path) for path in numeric_or_text} | set(lines) | {SUBSIDY_COUNT_KEY}
    assert missing - seen == set()


def test_text_limits_are_the_field_catalogues() -> None:
    """Pins the limits themselves: the label's 40 characters and a subsidy name's 60 (defaults.yaml)."""
    at = session("owner", EVERYTHING_OPEN)
    goto(at, "employee")
    assert at.text_input(key=LABEL).proto.max_chars == 40
    goto(at, "training")
    assert at.text_input(key=subsidy_key(0, "name")).proto.max_chars == 60


def escaped_by_hand(value: str) -> str:
    """A backslash before each ASCII punctuation character: Markdown then shows the text as typed."""
    return "".join(f"\\{char}" if char in PUNCTUATION else char for char in value)


def rendered_texts(at: AppTest) -> list[str]:
    """The source of every element Streamlit renders as Markdown."""
    groups = (at.markdown, at.success, at.warning, at.info, at.error, at.caption, at.subheader, at.header)
    return [str(element.value) for group in groups for element in group]


# The payload, in pieces of at most 40 characters (the label's limit).
PAYLOADS = [
    "**bold** ![x](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "[link](http://evil.example)",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_label_is_shown_escaped_on_the_results_page(payload: str) -> None:
    """Typed as the label: the headline and the argument cards hold the escaped form, and nowhere on the
    page does any part of the payload appear otherwise (so no image loads, no link or tag is made)."""
    doubts = {doubt_key(doubt): True for doubt in field_spec("doubts").values}
    pays = {widget_key("benefits.productivity_gain"): 10.0}  # so the headline names the employee
    at = session("advisor", doubts | pays)
    goto(at, "employee")
    at.text_input(key=LABEL).input(payload).run()
    goto(at, "results")
    assert not at.exception, at.exception
    shown = rendered_texts(at)
    opened = []
    for section in each_results_tab(at):  # every tab: any of them may show the label
        opened.append(section)
        shown += rendered_texts(at)
    assert "doubts" in opened
    escaped = escaped_by_hand(payload)
    assert sum(escaped in value for value in shown) >= 2, shown  # the headline and at least one card
    rest = [value.replace(escaped, "") for value in shown]
    for marker in ("evil", "alert", "bold"):
        assert not any(marker in value for value in rest if marker in payload), marker


def test_the_whole_payload_is_cut_to_the_limit() -> None:
    """The issue's whole 97-character payload exceeds the label's 40. Typed, the field takes none of it
    (as a browser with max_chars would); sent by a client that ignores the limit, Streamlit keeps the
    first 40 characters — "**bold** ![x](http://evil.example/x.png)" — which the results page shows
    escaped, with no other trace of the payload."""
    payload = " ".join(PAYLOADS[:3])
    assert len(payload) == 97
    at = session("owner", {LABEL: "Sanne", widget_key("benefits.productivity_gain"): 10.0})
    goto(at, "employee")
    at.text_input(key=LABEL).input(payload).run()
    assert at.text_input(key=LABEL).value == "Sanne"
    at.text_input(key=LABEL).set_value(payload).run()
    assert at.text_input(key=LABEL).value == PAYLOADS[0]
    goto(at, "results")
    assert not at.exception, at.exception
    escaped = escaped_by_hand(PAYLOADS[0])
    shown = rendered_texts(at)
    assert any(escaped in value for value in shown), shown
    assert not any("evil" in value.replace(escaped, "") for value in shown)
