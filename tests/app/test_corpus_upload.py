"""The bad scenario files (tests/corpus/scenario) opened in the app: one fresh session per file.

A refused file, after the user has entered inputs of their own: an error in the user's language that
names the field (every punctuation character of it escaped, so nothing in a file can become markup),
the same error in the other language after a switch, every input exactly as it was, and the app still
going on to the results step and showing a result.

An accepted (hostile but valid) file opens, and on the results step its label is shown escaped: no
HTML, image or link from the file survives.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from calculators.error_text import field_label
from calculators.i18n import text
from tests.app.helpers import each_results_tab, goto
from tests.corpus.scenario_cases import Case, all_cases, fixed_words, problem_template
from ui.session import COMPARE_KEY, LANG_KEY, UPLOAD_KEY, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
CASES = all_cases()
LABEL = widget_key("employee.label")
SALARY = widget_key("employee.gross_monthly_salary_eur")
# What the user entered before opening the file: values no default has, on three steps.
USER_INPUTS: dict[str, Any] = {
    widget_key("company.employee_count"): 23,
    LABEL: "Sanne",
    SALARY: 3777.0,
    widget_key("training.course_fees_eur"): 2150.0,
    widget_key("benefits.productivity_gain"): 4.5,  # per cent, as the form shows it
}
PUNCTUATION = set(string.punctuation)


def unescaped(markdown: str) -> str:
    """What Markdown shows for backslash-escaped text (CommonMark: a backslash before punctuation)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def bare_punctuation(markdown: str) -> list[str]:
    """Punctuation characters without the backslash that makes Markdown show them as typed."""
    bare, index = [], 0
    while index < len(markdown):
        if markdown[index] == "\\" and index + 1 < len(markdown) and markdown[index + 1] in PUNCTUATION:
            index += 2
            continue
        if markdown[index] in PUNCTUATION:
            bare.append(markdown[index])
        index += 1
    return bare


def escaped_by_hand(value: str) -> str:
    """A backslash before each ASCII punctuation character (what ui/safe_text.py promises)."""
    return "".join(f"\\{char}" if char in PUNCTUATION else char for char in value)


def inputs(at: AppTest) -> dict[str, Any]:
    """Every form value in the session."""
    return {key: value for key, value in at.session_state.to_dict().items() if key.startswith("in__")}


def session_with_user_inputs() -> AppTest:
    """A fresh session in which the user has filled in USER_INPUTS (Dutch, the default language)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in USER_INPUTS.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, case: Case) -> None:
    """Open the case's file with the start step's uploader."""
    at.file_uploader(key=UPLOAD_KEY).set_value((case.name, case.data, "application/json")).run()
    assert not at.exception, at.exception


def check_refusal(at: AppTest, case: Case, lang: str) -> None:
    """One error: "not opened", then the field and the problem in ``lang``, all of it escaped."""
    assert len(at.error) == 1, [error.value for error in at.error]
    shown = at.error[0].value
    prefix = text(lang, "upload.refused") + " "
    assert shown.startswith(prefix)
    message = shown[len(prefix) :]
    assert bare_punctuation(message) == []
    readable = unescaped(message)
    assert case.field is not None
    assert readable.startswith(field_label(case.field, lang) + ": "), readable  # the field by its label
    assert f"({case.field})" not in readable, readable  # never the internal path
    assert fixed_words(problem_template(case.code, lang)) in readable, readable
    assert text(lang, "upload.kept") in [caption.value for caption in at.caption]


def check_result(at: AppTest) -> None:
    """The results step shows its figures, no failure and no "cannot be calculated"."""
    goto(at, "results")
    assert not at.exception, at.exception
    assert at.metric, "no result on the results step"
    warnings = [warning.value for warning in at.warning]
    assert not any(text(lang, "wizard.cannot_calculate") in warnings for lang in ("nl", "en"))
    assert not any(text(lang, "wizard.failure") in error.value for error in at.error for lang in ("nl", "en"))


@pytest.mark.parametrize("case", [case for case in CASES if case.refused], ids=lambda case: case.name)
def test_refused_file_keeps_every_input(case: Case) -> None:
    """Refused in Dutch, then in English after a switch; inputs unchanged; results still computed."""
    at = session_with_user_inputs()
    before = inputs(at)
    upload(at, case)
    check_refusal(at, case, "nl")
    at.segmented_control(key=LANG_KEY).set_value("en").run()
    check_refusal(at, case, "en")
    assert inputs(at) == before
    goto(at, "employee")
    assert at.number_input(key=SALARY).value == USER_INPUTS[SALARY]
    assert at.text_input(key=LABEL).value == USER_INPUTS[LABEL]
    check_result(at)


@pytest.mark.parametrize("case", [case for case in CASES if not case.refused], ids=lambda case: case.name)
def test_accepted_file_shows_its_label_escaped(case: Case) -> None:
    """The file opens; on the results step the label appears only escaped, never as markup."""
    at = session_with_user_inputs()
    upload(at, case)
    # added beside the user's own case, which the comparison keeps (issue 16): nothing is overwritten
    assert [box.value for box in at.success] == [
        text("nl", "upload.loaded") + " " + text("nl", "compare.opened_added", compared=2)
    ]
    label = at.session_state[LABEL]
    assert label != USER_INPUTS[LABEL]  # the form shows the opened file
    kept = at.session_state[COMPARE_KEY].items[0].scenario
    assert kept.employee.label == USER_INPUTS[LABEL]  # the user's own case, one click away
    check_result(at)
    shown = []
    for _ in each_results_tab(at):  # every tab: the label may appear in any of them
        shown += [element.value for element in (*at.success, *at.warning, *at.markdown)]
    assert any(escaped_by_hand(label) in value for value in shown), shown
    if any(char in PUNCTUATION for char in label):
        assert not any(label in value for value in shown), "the label reached Markdown unescaped"
