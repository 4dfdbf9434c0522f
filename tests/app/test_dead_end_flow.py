"""The dead-end flow in AppTest: the questions that decide the answer are asked in the open, default
to "no", and change the one answer on top; nothing is marked "met" that the owner did not say.

The walked case is the bakery of issue 14: 40 people, a cashier of 18 years whose role disappears in
month 24 (self-checkouts), a course for work elsewhere.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from calculators import scenario_from_dict
from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import Option
from calculators.explain import answer_lines
from calculators.i18n import Lang, text
from tests.app.helpers import goto, set_number
from tests.bakery_case import BAKERY, bakery
from ui.form.steps import DEAD_END_QUESTIONS
from ui.role import Role
from ui.session import choice_widget_key, dead_end_assumptions_key, widget_key

INTERNAL_ROLE = widget_key("dead_end.internal_role_available")
CONSENT = widget_key("dead_end.written_consent")
SETTLEMENT = widget_key("dead_end.settlement_amount_eur")


def _bakery(at: AppTest, lang: str) -> AppTest:
    """Fill in the bakery case through the form, as an owner would."""
    at.segmented_control(key="lang").set_value(lang).run()
    goto(at, "company")
    set_number(at, widget_key("company.employee_count"), 40)
    goto(at, "employee")
    set_number(at, widget_key("employee.gross_monthly_salary_eur"), 2800.0)
    set_number(at, widget_key("employee.hours_per_week"), 32.0)
    set_number(at, widget_key("employee.years_of_service"), 18.0)
    set_number(at, widget_key("employee.age"), 52)
    at.selectbox(key=choice_widget_key("employee.role_outlook", Lang(lang))).select("dead_end").run()
    goto(at, "training")
    at.selectbox(key=choice_widget_key("training.kind", Lang(lang))).select("external_job").run()
    set_number(at, widget_key("training.course_fees_eur"), 2500.0)
    set_number(at, widget_key("training.hours"), 80.0)
    set_number(at, widget_key("training.duration_months"), 4)
    goto(at, "yields")
    return at


def _answer(at: AppTest) -> str:
    """The first box on the results page (the dead-end answer is drawn before anything else)."""
    return str(at.success[0].value)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_questions_are_asked_in_the_open_and_default_to_no(app: AppTest, lang: str) -> None:
    """Pins the yields step of a dead-end case: the role's end, another job in the firm and written
    consent are asked outside any folded section, and both yes/no questions start at "no"."""
    _bakery(app, lang)
    app.session_state[dead_end_assumptions_key(Role.OWNER)] = False  # folded: not drawn
    app.run()
    assert app.get_by_key("dead_end_questions") is not None
    for path in DEAD_END_QUESTIONS:
        assert app.session_state[widget_key(path)] is not None
    assert app.toggle(key=INTERNAL_ROLE).value is False
    assert app.toggle(key=CONSENT).value is False
    assert app.toggle(key=INTERNAL_ROLE).label == text(lang, "fields.dead_end.internal_role_available.label")
    titles = [block.value for block in app.markdown]
    assert f"**{text(lang, 'dead_end.questions_title')}**" in titles
    # the settlement amount is an assumption (folded), empty until the user enters one
    assert app.session_state[SETTLEMENT] is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bakery_gives_one_answer_on_top(app: AppTest, lang: str) -> None:
    """Pins the walked case: the first box on the results is the comparison's answer (the cheapest
    option that exists, computed independently here from the same scenario), retraining is said to be
    left out because there is no other job, and the training's own figures follow as explained detail."""
    _bakery(app, lang)
    goto(app, "results")
    expected = compare_options(scenario_from_dict(BAKERY))
    assert not expected.option(Option.RETRAIN_INTERNAL).available
    answer = _answer(app)
    assert answer == "\n\n".join(answer_lines(expected, Lang(lang)))
    assert text(lang, f"dead_end.options.{expected.cheapest.value}") in answer
    assert text(lang, "dead_end.unavailable.no_internal_role") in answer
    subheaders = [sub.value for sub in app.subheader]
    assert subheaders.index(text(lang, "dead_end.answer_title")) < subheaders.index(
        text(lang, "dead_end.detail_title")
    )
    assert text(lang, "dead_end.detail_explained") in [caption.value for caption in app.caption]
    # the comparison's own headline, in its tab, names the same option and margin
    assert text(lang, "dead_end.title") in subheaders
    assert any(info.value == answer.split("\n\n")[0] for info in app.info)


def _checklist_line(at: AppTest, condition: str) -> str:
    """The checklist's line for one deduction condition (its words, a dash and its status)."""
    words = text("nl", f"dead_end.conditions.{condition}")
    (checklist,) = [block.value for block in at.markdown if words in block.value]
    return next(line for line in checklist.splitlines() if words in line)


def test_nothing_is_met_that_the_owner_did_not_say(app: AppTest) -> None:
    """Pins the checklist: without the owner saying so, consent and the written specification are
    "niet voldaan", never "voldaan"; once the owner switches consent on, they are met."""
    _bakery(app, "nl")
    goto(app, "results")
    met, fails = text("nl", "dead_end.checklist_ok"), text("nl", "dead_end.checklist_fails")
    for condition in ("consent_in_writing", "specified_in_writing"):
        assert _checklist_line(app, condition).endswith(f"— {fails}")
    assert text("nl", "dead_end.consent_missing") in [warning.value for warning in app.warning]
    goto(app, "yields")
    app.toggle(key=CONSENT).set_value(True).run()
    goto(app, "results")
    for condition in ("consent_in_writing", "specified_in_writing"):
        assert _checklist_line(app, condition).endswith(f"— {met}")
    assert text("nl", "dead_end.consent_missing") not in [warning.value for warning in app.warning]


def test_another_job_in_the_firm_changes_the_answer(app: AppTest) -> None:
    """Pins that the question decides the answer: with another job in the firm, retraining is counted
    and (at the bakery's numbers) becomes the cheapest option, and the answer no longer leaves it out."""
    _bakery(app, "nl")
    app.toggle(key=INTERNAL_ROLE).set_value(True).run()
    goto(app, "results")
    expected = compare_options(
        scenario_from_dict(bakery(internal_role_available=True)),
    )
    assert expected.cheapest is Option.RETRAIN_INTERNAL
    answer = _answer(app)
    assert answer == "\n\n".join(answer_lines(expected, Lang.NL))
    assert text("nl", "dead_end.unavailable.no_internal_role") not in answer


def test_a_settlement_amount_is_used_and_kept(app: AppTest) -> None:
    """Pins the settlement amount: left empty, the transition payment is the starting point; an amount
    the owner enters is used for both settlements and survives a trip back to the questions."""
    _bakery(app, "nl")
    app.session_state[dead_end_assumptions_key(Role.OWNER)] = True  # open the folded part
    app.run()
    set_number(app, SETTLEMENT, 40000.0)
    goto(app, "results")
    expected = compare_options(
        scenario_from_dict(bakery(settlement_amount_eur=40000)),
    )
    assert expected.option(Option.DISMISS).settlement_eur == 40000
    assert _answer(app) == "\n\n".join(answer_lines(expected, Lang.NL))
    goto(app, "yields")
    assert app.session_state[SETTLEMENT] == 40000.0
