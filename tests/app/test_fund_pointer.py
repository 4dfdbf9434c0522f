"""The sector fund pointer on the training step (AppTest, nl and en): what it says per sector, and
the button that adds a subsidy line for the fund without touching the lines already there."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculators.i18n import Lang, text
from calculators.scenario.fields import field_spec
from ui.form.steps import STEPS
from ui.session import LANG_KEY, STEP_KEY, SUBSIDY_COUNT_KEY, subsidy_key, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
TRAINING = next(index for index, step in enumerate(STEPS) if step.id == "training")


def _training_step(sector: str, lang: Lang = Lang.NL) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    at.session_state[LANG_KEY] = lang.value
    at.session_state[widget_key("company.sector")] = sector
    at.session_state[STEP_KEY] = TRAINING
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _pointer_text(at: AppTest) -> str:
    return " ".join(block.value for block in at.markdown) + " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", list(Lang))
def test_installation_points_to_its_fund_with_a_verify_flag(lang: Lang) -> None:
    """Pins Wij Techniek and its address for an installation firm, the "to verify" flag, no amount."""
    at = _training_step("installation", lang)
    shown = _pointer_text(at)
    assert "Wij Techniek" in shown and "https://www.wij-techniek.nl" in shown
    assert text(lang, "funds.verify").split(":")[0] in shown
    assert at.button(key="fund_add_line").label == text(lang, "funds.add", name="Wij Techniek")


def test_a_sector_without_one_fund_says_so_and_offers_no_line() -> None:
    """Pins care: no single fund, how to find out, and no button to add a fund line."""
    at = _training_step("care")
    assert "niet één fonds" in _pointer_text(at)
    assert not [b for b in at.button if b.key == "fund_add_line"]


def test_the_button_adds_a_line_and_keeps_the_lines_there() -> None:
    """Pins a second line named after the fund, amount 0 and month = the training's start, with the
    user's first line (name, amount, month) untouched."""
    at = _training_step("metal")
    at.number_input(key=SUBSIDY_COUNT_KEY).set_value(1).run()
    at.text_input(key=subsidy_key(0, "name")).input("SLIM").run()
    at.number_input(key=subsidy_key(0, "amount_eur")).set_value(400.0).run()
    at.button(key="fund_add_line").click().run()
    assert not at.exception
    assert at.session_state[SUBSIDY_COUNT_KEY] == 2
    assert at.text_input(key=subsidy_key(0, "name")).value == "SLIM"
    assert at.number_input(key=subsidy_key(0, "amount_eur")).value == 400.0
    assert at.text_input(key=subsidy_key(1, "name")).value == "OOM"
    assert at.number_input(key=subsidy_key(1, "amount_eur")).value == 0.0
    start = at.session_state[widget_key("training.start_month")]
    assert at.number_input(key=subsidy_key(1, "month")).value == start
    assert [s.value for s in at.success] == [text("nl", "funds.added", name="OOM")]


def test_a_full_list_is_refused_by_name() -> None:
    """Pins the refusal when every subsidy line is used: a warning naming the limit, nothing changed."""
    most = field_spec("training.subsidies").max_items or 0
    at = _training_step("metal")
    at.number_input(key=SUBSIDY_COUNT_KEY).set_value(most).run()
    at.button(key="fund_add_line").click().run()
    assert at.session_state[SUBSIDY_COUNT_KEY] == most
    assert [w.value for w in at.warning] == [text("nl", "funds.full", most=most)]
