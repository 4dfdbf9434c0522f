"""Opening cases beside the work (ui/compare/open.py) on a plain dict: no Streamlit needed.

Expected comparisons are written out by hand: which scenarios, in which order, which one active.
"""

from __future__ import annotations

from typing import Any

from calculators import default_scenario, scenario_from_dict
from calculators.i18n import Lang, text
from ui import session
from ui.compare.open import open_cases, opened_message
from ui.comparison import Comparison, NamedScenario, Opened
from ui.form.state import form_scenario, seed_fields
from ui.form.steps import ALL_FIELDS, RESULTS_TABS
from ui.session import widget_key

SALARY = widget_key("employee.gross_monthly_salary_eur")
CLIENT_B = scenario_from_dict({"employee": {"label": "Client B", "gross_monthly_salary_eur": 4200}})


def fresh() -> dict[str, Any]:
    state: dict[str, Any] = {}
    seed_fields(state, ALL_FIELDS)
    return state


def in_form(state: dict[str, Any]) -> float:
    scenario, errors = form_scenario(state, ALL_FIELDS)
    assert scenario is not None, errors
    return scenario.employee.gross_monthly_salary_eur


def test_an_untouched_form_simply_takes_the_case() -> None:
    state = fresh()
    assert open_cases(state, (NamedScenario("", CLIENT_B),), Lang.NL, source="file")
    assert session.comparison(state) is None
    assert in_form(state) == 4200.0
    assert session.opened(state) == Opened("file", 1, "Client B", 0)
    assert opened_message(state, Lang.NL) == ("success", text(Lang.NL, "upload.loaded"))


def test_typed_work_becomes_the_first_scenario() -> None:
    """A salary of 3100 typed, then Client B opened: [the typed case, Client B], Client B active."""
    state = fresh()
    state[SALARY] = 3100.0
    assert open_cases(state, (NamedScenario("", CLIENT_B),), Lang.EN, source="team")
    held = session.comparison(state)
    assert held is not None
    assert held.names == (text(Lang.EN, "compare.current_case"), "Client B")
    assert held.items[0].scenario.employee.gross_monthly_salary_eur == 3100.0
    assert held.active == 1 and in_form(state) == 4200.0
    assert state[session.COMPARE_NAME_KEY] == "Client B"
    assert session.opened(state) == Opened("team", 1, "Client B", 2)


def test_a_full_comparison_refuses_and_changes_nothing() -> None:
    state = fresh()
    four = Comparison.of([NamedScenario(name, default_scenario()) for name in "ABCD"], active=0)
    session.set_comparison(state, four)
    before = dict(state)
    assert not open_cases(state, (NamedScenario("", CLIENT_B),), Lang.NL, source="file")
    assert session.comparison(state) is four
    assert {key: value for key, value in state.items() if key != session.OPENED_KEY} == before
    assert opened_message(state, Lang.NL) == ("error", text(Lang.NL, "compare.open_full", max=4, count=1))


def test_a_comparison_file_opens_on_the_comparison_tab() -> None:
    """Two named scenarios from a file into an untouched form: a comparison of those two, the first
    active, and the results will open on "save and compare"."""
    state = fresh()
    opened = (NamedScenario("Met beding", CLIENT_B), NamedScenario("", default_scenario()))
    assert open_cases(state, opened, Lang.NL, source="comparison")
    held = session.comparison(state)
    assert held is not None
    assert held.names == ("Met beding", text(Lang.NL, "compare.default_name", number=2))
    assert held.active == 0 and in_form(state) == 4200.0
    assert session.kept_tab(state, RESULTS_TABS) == "save"
