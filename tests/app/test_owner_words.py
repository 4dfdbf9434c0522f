"""The owner's words (issue 18) in AppTest: the glossary on every step, each key figure explained on
the page itself, and number fields without English trailing decimals."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculators.i18n import Lang, group, text
from ui.form.steps import STEPS
from ui.session import LANG_KEY, STEP_KEY, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"


def _app(lang: Lang) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    at.session_state[LANG_KEY] = lang.value
    at.run()
    return at


@pytest.mark.parametrize("lang", list(Lang))
def test_the_glossary_is_in_reach_on_every_step(lang: Lang) -> None:
    """Pins the header's glossary on each step: its label, and every term with its meaning."""
    at = _app(lang)
    for index, step in enumerate(STEPS):
        at.session_state[STEP_KEY] = index
        at.run()
        assert not at.exception, (step.id, at.exception)
        (popover,) = [p for p in at.get("popover") if p.proto.popover.label == text(lang, "glossary.button")]
        shown = " ".join(block.value for block in popover.markdown)
        for name in group(lang, "glossary.terms"):
            assert text(lang, f"glossary.terms.{name}.term") in shown, (step.id, name)
            assert text(lang, f"glossary.terms.{name}.meaning") in shown, (step.id, name)


@pytest.mark.parametrize("lang", list(Lang))
def test_each_key_figure_says_what_it_means(lang: Lang) -> None:
    """Pins the five result cards: the plain label and its one-line meaning beside it on the page."""
    at = _app(lang)
    at.session_state[STEP_KEY] = len(STEPS) - 1
    at.run()
    labels = [m.label for m in at.metric]
    captions = [c.value for c in at.caption]
    for name in ("npv", "stay", "payback", "worst", "roi"):
        assert text(lang, f"results.{name}_label") in labels
        assert text(lang, f"results.{name}_plain") in captions


def test_number_fields_show_numbers_as_they_are() -> None:
    """Pins "%g" on the salary field (3300, not 3300.00) and on a percentage (6, not 6.0)."""
    at = _app(Lang.NL)
    at.session_state[STEP_KEY] = next(i for i, s in enumerate(STEPS) if s.id == "employee")
    at.run()
    salary = at.number_input(key=widget_key("employee.gross_monthly_salary_eur"))
    assert salary.proto.format == "%g"


@pytest.mark.parametrize("lang", list(Lang))
def test_new_work_is_asked_on_the_yields_step_and_counts(lang: Lang) -> None:
    """Pins the owner's question for new work in the open on the yields step, in the page's language,
    and its effect: 400 a month more margin raises the result by what the calculators say."""
    from calculators import evaluate
    from ui.form.state import scenario_from_state
    from ui.form.steps import ALL_FIELDS

    at = _app(lang)
    at.session_state[STEP_KEY] = next(i for i, s in enumerate(STEPS) if s.id == "yields")
    at.run()
    key = widget_key("benefits.extra_margin_per_month_eur")
    field = at.number_input(key=key)
    assert field.label.startswith(text(lang, "fields.benefits.extra_margin_per_month_eur.label"))
    before = evaluate(scenario_from_state(at.session_state.to_dict(), ALL_FIELDS))
    field.set_value(400.0).run()
    after = evaluate(scenario_from_state(at.session_state.to_dict(), ALL_FIELDS))
    assert after.breakdown.new_work > 0 and after.npv_eur > before.npv_eur


def test_a_decimal_field_says_to_type_a_point() -> None:
    """Pins the hint in a decimal field's help (Streamlit's number field reads only a decimal point),
    and its absence on a whole-number field."""
    at = _app(Lang.NL)
    at.session_state[STEP_KEY] = next(i for i, s in enumerate(STEPS) if s.id == "employee")
    at.run()
    hint = text(Lang.NL, "inputs.decimal_point")
    assert hint in at.number_input(key=widget_key("employee.gross_monthly_salary_eur")).help
    assert hint not in at.number_input(key=widget_key("employee.age")).help
