"""Opening cases beside the work: a scenario file, a comparison file or a team member joins the
comparison; nothing typed is replaced without a trace.

Pure (no Streamlit): takes the session state, so it is tested with a dict. The upload
(ui/wizard/upload.py) and the team page (ui/team/open.py) call :func:`open_cases`; the page that draws the
comparison is ui/compare/view.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.i18n import Lang, text
from calculators.scenario.io import default_scenario, scenario_to_dict
from calculators.scenario.model import Scenario
from ui import session
from ui.comparison import (
    MAX_NAME_CHARS,
    MAX_SCENARIOS,
    Comparison,
    NamedScenario,
    Opened,
    Refused,
    Source,
)
from ui.form.state import form_scenario, form_values, load_into_state
from ui.form.steps import ALL_FIELDS, RESULTS_TABS
from ui.safe_text import escape_markdown
from ui.session import COMPARE_NAME_KEY, State, kept_tab_key

__all__ = ["form_case", "open_cases", "opened_message", "show_in_form"]


def show_in_form(state: State, comparison: Comparison, *, load: bool) -> None:
    """Keep ``comparison``; its active scenario's name goes into the name field and, with ``load``,
    its values into the form (without: the form already holds them)."""
    session.set_comparison(state, comparison)
    session.set_value(state, COMPARE_NAME_KEY, comparison.current.name)
    if load:
        load_into_state(state, ALL_FIELDS, comparison.current.scenario)


def form_case(state: Mapping[Any, Any]) -> Scenario | None:
    """The case in the form now, when it is valid and the user has changed anything (else None)."""
    scenario, _ = form_scenario(form_values(state), ALL_FIELDS)
    if scenario is None or scenario_to_dict(scenario) == scenario_to_dict(default_scenario()):
        return None
    return scenario


def _label(scenario: Scenario) -> str:
    return scenario.employee.label.strip()[:MAX_NAME_CHARS]


def _work(state: State, lang: Lang) -> tuple[NamedScenario, ...] | Comparison:
    """The work to keep beside what is opened: the comparison (its active scenario with what was
    typed since), else the changed form's case as a first scenario, else nothing."""
    held, current = session.comparison(state), form_case(state)
    if held is not None:
        return held if current is None else held.update_current(current)
    if current is None:
        return ()
    return (NamedScenario(_label(current) or text(lang, "compare.current_case"), current),)


def open_cases(state: State, opened: tuple[NamedScenario, ...], lang: Lang, *, source: Source) -> bool:
    """Open scenarios without replacing anyone's work: they are *added* to the comparison (which
    starts, when none is open, with the case in the form as its first scenario, if the user changed
    anything), and the first one opened goes into the form. Refused, changing nothing, when the
    comparison would hold more than its limit. Returns whether it was opened; the session's
    ``OPENED_KEY`` holds the message (both languages are built from it on every run).

    ``source`` names what was opened in the message: ``file``, ``comparison``, ``team`` or ``example``.
    """
    work = _work(state, lang)
    base = work.items if isinstance(work, Comparison) else work
    first = len(base)
    named = tuple(
        NamedScenario(
            item.name
            or _label(item.scenario)
            or text(lang, "compare.default_name", number=first + offset + 1),
            item.scenario,
        )
        for offset, item in enumerate(opened)
    )
    grown: Comparison | Refused
    if base:
        grown = Comparison.of(base, work.active if isinstance(work, Comparison) else 0).add(*named)
    elif len(named) <= MAX_SCENARIOS:
        grown = Comparison.of(named)
    else:
        grown = Refused("full", MAX_SCENARIOS, len(named))
    if isinstance(grown, Refused):
        session.set_opened(state, Opened("full", grown.count, limit=grown.limit))
        return False
    if len(grown.items) == 1:  # nothing to keep beside it: the form simply takes the case
        session.set_comparison(state, None)
        load_into_state(state, ALL_FIELDS, grown.current.scenario)
    else:
        show_in_form(state, grown, load=True)
    compared = len(grown.items) if base and len(grown.items) > 1 else 0
    session.set_opened(state, Opened(source, len(opened), grown.items[first].name, compared))
    if source == "comparison":
        session.set_value(state, kept_tab_key(RESULTS_TABS), "save")  # the results open on the comparison
    return True


def opened_message(state: Mapping[Any, Any], lang: Lang) -> tuple[str, str] | None:
    """The last opened case's message as (kind, words): kind ``success`` or ``error``."""
    message = session.opened(state)
    if message is None:
        return None
    if message.kind == "full":
        return "error", text(lang, "compare.open_full", max=message.limit, count=message.count)
    name = escape_markdown(message.name)
    key = {
        "file": "upload.loaded",
        "comparison": "compare.loaded",
        "team": "compare.opened_team",
        "example": "compare.opened_example",
    }
    words = text(lang, key[message.kind], count=message.count, name=name)
    if message.compared:
        words += " " + text(lang, "compare.opened_added", compared=message.compared)
    return "success", words
