"""The session model (ui/session.py) without Streamlit, on a plain dict; and the rule that makes it
the one place: outside it, no module indexes ``st.session_state`` or spells one of its keys.

Expected keys are written out by hand from the module's docstring.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path
from typing import Any

import pytest

from calculators import default_scenario
from calculators.i18n import Lang
from ui import session
from ui.comparison import Comparison, NamedScenario, Opened
from ui.session import KeptFile, Refusal, Role

REPO = Path(__file__).resolve().parents[3]
UI_MODULES = sorted(path for path in (REPO / "ui").rglob("*.py") if path.name != "session.py")
KEYS = {name: getattr(session, name) for name in session.__all__ if name.endswith("_KEY")}
PREFIXES = (session.INPUT_PREFIX, session.RANGE_PREFIX, "_leerwinst_")


class TestAccessors:
    def test_language_and_role_default_and_refuse_strangers(self) -> None:
        assert session.current_lang({}) is Lang.NL
        assert session.current_lang({"lang": "en"}) is Lang.EN
        assert session.current_lang({"lang": "de"}) is Lang.NL  # a tampered value reads as the default
        assert session.current_role({}) is Role.OWNER
        assert session.current_role({"role": "advisor"}) is Role.ADVISOR
        assert session.current_role({"role": "root"}) is Role.OWNER

    def test_step_starts_at_zero_and_is_kept(self) -> None:
        state: dict[str, Any] = {}
        assert session.step(state) == 0
        assert state == {"wizard_step": 0}  # kept from the first read, as the tests' helpers expect
        session.set_step(state, 3)
        assert session.step(state) == 3

    def test_flags_are_set_or_gone(self) -> None:
        state: dict[str, Any] = {}
        session.set_flag(state, session.CONFIRM_START_OVER_KEY, True)
        assert state == {"confirm_start_over": True}
        assert session.flag(state, session.CONFIRM_START_OVER_KEY)
        session.set_flag(state, session.CONFIRM_START_OVER_KEY, False)
        assert state == {}

    def test_comparison_only_reads_a_comparison(self) -> None:
        state: dict[str, Any] = {"compare": {"items": [], "active": 0}}  # the old dict shape
        assert session.comparison(state) is None
        held = Comparison.of([NamedScenario("A", default_scenario())])
        session.set_comparison(state, held)
        assert session.comparison(state) is held
        session.set_comparison(state, None)
        assert "compare" not in state

    def test_opened_message(self) -> None:
        state: dict[str, Any] = {}
        session.set_opened(state, Opened("file", 1, "Client B"))
        assert session.opened(state) == Opened("file", 1, "Client B", 0)
        session.set_opened(state, None)
        assert state == {}

    def test_upload_refusal_in_both_languages(self) -> None:
        state: dict[str, Any] = {}
        session.set_upload_message(state, Refusal(nl="Te groot.", en="Too large."))
        message = session.upload_message(state)
        assert message is not None
        assert (message.in_lang(Lang.NL), message.in_lang(Lang.EN)) == ("Te groot.", "Too large.")

    def test_the_team_file_is_kept_as_plain_data(self) -> None:
        state: dict[str, Any] = {"team_confirm_other_file": True, "team_open_row": 3}
        session.keep_team_file(state, KeptFile("team.csv", b"a;b\n", "id-1"))
        assert state["team_file"] == {"name": "team.csv", "data": b"a;b\n", "id": "id-1"}
        assert "team_confirm_other_file" not in state  # a new file: the question is no longer asked
        assert pickle.loads(pickle.dumps(state["team_file"])) == state["team_file"]
        assert session.kept_team_file(state) == KeptFile("team.csv", b"a;b\n", "id-1")
        session.forget_team_file(state)
        assert state == {}

    def test_clear_case_forgets_the_case_and_keeps_the_rest(self) -> None:
        state: dict[str, Any] = {
            "lang": "en",
            "role": "advisor",
            "in__employee__gross_monthly_salary_eur": 3100.0,
            "in__doubts__W4": True,
            "compare": "a comparison",
            "compare_name": "B",
            "compare_open_1": False,
            "opened_message": "said",
            "confirm_start_over": True,
            "_leerwinst_results_seen": True,
            "mc__draws": 5000,
            "team_file": {"name": "t.csv"},
            "wizard_step": 4,
        }
        session.clear_case(state)
        assert state == {
            "lang": "en",
            "role": "advisor",
            "mc__draws": 5000,
            "team_file": {"name": "t.csv"},
            "wizard_step": 4,  # the step is navigation's: start over moves it itself
        }

    def test_memo_stores_live_in_the_state(self) -> None:
        state: dict[str, Any] = {}
        session.memo_stores(state)["evaluate"] = 1
        assert state == {"_leerwinst_memo": {"evaluate": 1}}

    def test_kept_tab_and_report_made(self) -> None:
        state: dict[str, Any] = {"_leerwinst_open_tabs_results": "save"}
        assert session.kept_tab(state, "tabs_results") == "save"
        assert session.kept_tab(state, "tabs_money") is None
        session.set_report_made(state, "report", ("request",))
        assert session.report_made(state, "report") == ("request",)
        assert state["report_made"] == ("request",)


def test_every_key_is_named_once() -> None:
    """Two names for one key would let two parts of the app fight over it."""
    assert len(set(KEYS.values())) == len(KEYS)


# ---------------------------------------------------------------------------------- the one place


def _session_state_uses(tree: ast.AST) -> list[int]:
    """Lines where ``st.session_state`` is indexed, or a method or attribute of it is used."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript | ast.Attribute):
            inner = node.value
            if (
                isinstance(inner, ast.Attribute)
                and inner.attr == "session_state"
                and isinstance(inner.value, ast.Name)
                and inner.value.id == "st"
            ):
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda path: str(path.relative_to(REPO)))
def test_session_state_is_only_handed_to_the_session_model(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _session_state_uses(tree) == [], f"{path.name} reads st.session_state itself"


def _spelled_keys(tree: ast.AST) -> list[tuple[int, str]]:
    """Strings in code (docstrings and ``__all__`` aside: a function may share a key's name) that are
    a session key or start with a key prefix."""
    exported = {
        id(constant)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets)
        for constant in ast.walk(node.value)
    }
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    keys = set(KEYS.values())
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | exported
        and (node.value in keys or node.value.startswith(PREFIXES))
    ]


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda path: str(path.relative_to(REPO)))
def test_no_module_spells_a_session_key(path: Path) -> None:
    """Such a key is named in ui/session.py and used by its name."""
    assert _spelled_keys(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_checks_above_catch_what_they_look_for() -> None:
    """The two rules fail on code that breaks them (a check that cannot fail is no check)."""
    bad = ast.parse('st.session_state["lang"] = 1\nx = st.session_state.get("wizard_step")\n')
    assert _session_state_uses(bad) == [1, 2]
    assert _session_state_uses(ast.parse("session.step(st.session_state)\n")) == []
    spelled = ast.parse('"""A docstring may say "compare"."""\nKEY = "compare"\nkey = f"in__{path}"\n')
    assert _spelled_keys(spelled) == [(2, "compare"), (3, "in__")]
