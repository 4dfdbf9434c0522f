"""The session model: every key the app keeps in the session, and typed ways to read and write them.

Pure: no Streamlit. Every accessor takes the state mapping; the Streamlit modules pass
``st.session_state`` and tests pass a dict. No other module spells a session key or indexes
``st.session_state`` (tests/unit/ui/test_session.py checks both). The families, by prefix or name:
the language and the role; the case (every input under ``INPUT_PREFIX``, the comparison under
``COMPARE_KEY`` as a :class:`ui.comparison.Comparison`, its name field); where the user is (the
step, open expanders and tabs, questions being asked); messages that outlive a rerun (the last
opened case, a refused upload); the uncertainty settings (under ``RANGE_PREFIX``); the team page's
file, order and chosen employee; the report made; the memory of computed results (ui/cache.py).

Buttons and download buttons carry keys of their own, named where they are drawn: nothing reads them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, MutableMapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from calculators.i18n import Lang
from ui.comparison import Comparison, Opened

__all__ = [
    "COMPARE_KEY",
    "COMPARE_NAME_KEY",
    "CONFIRM_START_OVER_KEY",
    "DRAWS_KEY",
    "FUND_LINE_KEY",
    "INPUT_PREFIX",
    "LANG_KEY",
    "MEMO_KEY",
    "OPENED_KEY",
    "RANGES_RESET_KEY",
    "RANGE_PREFIX",
    "RESULTS_SEEN_KEY",
    "ROLE_KEY",
    "SEEDED_KEY",
    "STEP_KEY",
    "SUBSIDY_COUNT_KEY",
    "TEAM_CONFIRM_KEY",
    "TEAM_FILE_KEY",
    "TEAM_OPEN_ROW_KEY",
    "TEAM_SORT_DESCENDING_KEY",
    "TEAM_SORT_KEY",
    "TEAM_UPLOAD_KEY",
    "UPLOAD_KEY",
    "UPLOAD_MESSAGE_KEY",
    "KeptFile",
    "Refusal",
    "Role",
    "State",
    "assumptions_key",
    "choice_widget_key",
    "clear_case",
    "compare_name",
    "comparison",
    "current_lang",
    "current_role",
    "dead_end_assumptions_key",
    "doubt_key",
    "example_choice_key",
    "field_value",
    "flag",
    "forget",
    "forget_team_file",
    "fund_line",
    "keep_team_file",
    "kept_tab",
    "kept_tab_key",
    "kept_team_file",
    "memo_stores",
    "opened",
    "range_key",
    "report_made",
    "report_made_key",
    "set_comparison",
    "set_flag",
    "set_fund_line",
    "set_opened",
    "set_report_made",
    "set_step",
    "set_upload_message",
    "set_value",
    "step",
    "subsidy_key",
    "tabs_key",
    "upload_message",
    "value",
    "widget_key",
]

State = MutableMapping[Any, Any]

LANG_KEY = "lang"
ROLE_KEY = "role"
INPUT_PREFIX = "in__"  # every form field, subsidy line and doubt: the case's inputs
SUBSIDY_COUNT_KEY = f"{INPUT_PREFIX}training__subsidies__count"
COMPARE_KEY = "compare"
COMPARE_NAME_KEY = "compare_name"
STEP_KEY = "wizard_step"
SEEDED_KEY = "_leerwinst_seeded"
RESULTS_SEEN_KEY = "_leerwinst_results_seen"  # the user has had an answer in this session
CONFIRM_START_OVER_KEY = "confirm_start_over"
OPENED_KEY = "opened_message"  # what the last opened case did, shown where the user lands
FUND_LINE_KEY = "fund_line_message"  # what the "add a line for the fund" button did, shown once
UPLOAD_KEY = "upload_scenario"
UPLOAD_MESSAGE_KEY = "upload_message"
MEMO_KEY = "_leerwinst_memo"
RANGE_PREFIX = "mc__"
DRAWS_KEY = f"{RANGE_PREFIX}draws"
RANGES_RESET_KEY = f"{RANGE_PREFIX}reset"  # the button that puts the runs and ranges back
TEAM_UPLOAD_KEY = "team_upload"
TEAM_FILE_KEY = "team_file"  # the file that was read, as plain data (see KeptFile)
TEAM_CONFIRM_KEY = "team_confirm_other_file"
TEAM_SORT_KEY = "team_sort"
TEAM_SORT_DESCENDING_KEY = "team_sort_descending"
TEAM_OPEN_ROW_KEY = "team_open_row"
# every key that holds part of the case: the inputs, the comparison and its name field ("compare…")
_CASE_PREFIXES = (INPUT_PREFIX, COMPARE_KEY)


class Role(StrEnum):
    """The two kinds of user (shared/context/users.md)."""

    OWNER = "owner"
    ADVISOR = "advisor"


# ---------------------------------------------------------------------------------- key functions


def widget_key(path: str) -> str:
    """The key of a field's widget (also its CSS class ``st-key-<key>``).

    >>> widget_key("employee.gross_monthly_salary_eur")
    'in__employee__gross_monthly_salary_eur'
    """
    return INPUT_PREFIX + path.replace(".", "__")


def choice_widget_key(path: str, lang: Lang) -> str:
    """Key of a choice widget: one per language (see ui/form/inputs.py ``_choice``).

    >>> choice_widget_key("company.sector", Lang.EN)
    'in__company__sector__en'
    """
    return f"{widget_key(path)}__{Lang(lang).value}"


def example_choice_key(lang: Lang) -> str:
    """Key of the welcome step's example picker, one per language like every choice widget (its
    options are shown in that language); not part of the case.

    >>> example_choice_key(Lang.NL)
    'example_choice__nl'
    """
    return f"example_choice__{Lang(lang).value}"


def subsidy_key(index: int, part: str) -> str:
    """Widget key of one part of subsidy line ``index`` (0-based).

    >>> subsidy_key(1, "amount_eur")
    'in__training__subsidies__1__amount_eur'
    """
    return f"{INPUT_PREFIX}training__subsidies__{index}__{part}"


def doubt_key(doubt: str) -> str:
    """Widget key of the check box for one doubt (W1 … W7).

    >>> doubt_key("W4")
    'in__doubts__W4'
    """
    return f"{INPUT_PREFIX}doubts__{doubt}"


def range_key(name: str, end: str) -> str:
    """Key of one end ("low"/"high") of an uncertain input's range, in percent.

    >>> range_key("benefits.productivity_gain", "low")
    'mc__low__benefits__productivity_gain'
    """
    return f"{RANGE_PREFIX}{end}__{name.replace('.', '__')}"


def assumptions_key(step_id: str) -> str:
    """Key of the owner's "assumptions" expander on a step (True while it is open).

    >>> assumptions_key("training")
    'open_assumptions_training'
    """
    return f"open_assumptions_{step_id}"


def dead_end_assumptions_key(role: Role) -> str:
    """Key of the dead-end assumptions expander on the yields step, per role.

    >>> dead_end_assumptions_key(Role.ADVISOR)
    'open_dead_end_assumptions_advisor'
    """
    return f"open_dead_end_assumptions_{Role(role).value}"


def tabs_key(name: str, lang: Lang) -> str:
    """Key of a tab widget: it holds the open tab's label (``name`` in ``lang``).

    >>> tabs_key("tabs_results", Lang.NL)
    'tabs_results_nl'
    """
    return f"{name}_{Lang(lang).value}"


def kept_tab_key(name: str) -> str:
    """Key that keeps the open tab's id in every language and while the tabs are not drawn
    (ui/lazy.py); setting it chooses the tab that opens the next time they are drawn.

    >>> kept_tab_key("tabs_results")
    '_leerwinst_open_tabs_results'
    """
    return f"_leerwinst_open_{name}"


def report_made_key(section: str) -> str:
    """Key of the request the report files on offer under ``section`` were made for.

    >>> report_made_key("report")
    'report_made'
    """
    return f"{section}_made"


# ---------------------------------------------------------------------------------- plain values


def value(state: Mapping[Any, Any], key: str, default: Any = None) -> Any:
    """The value under ``key`` (a name or key function of this module), ``default`` when unset."""
    return state.get(key, default)


def set_value(state: State, key: str, new: Any) -> None:
    """Put ``new`` under ``key`` (a name or key function of this module)."""
    state[key] = new


def forget(state: State, *keys: str) -> None:
    """Take ``keys`` out of the session (those not in it are skipped)."""
    for key in keys:
        state.pop(key, None)


def field_value(state: Mapping[Any, Any], path: str, default: Any = None) -> Any:
    """A form field's value as the form holds it (percent for rates), ``default`` when unset."""
    return state.get(widget_key(path), default)


def flag(state: Mapping[Any, Any], key: str) -> bool:
    """Whether a yes/no key (``CONFIRM_START_OVER_KEY``, ``RESULTS_SEEN_KEY``, ``SEEDED_KEY``,
    ``TEAM_CONFIRM_KEY``) is set."""
    return bool(state.get(key))


def set_flag(state: State, key: str, on: bool) -> None:
    """Set a yes/no key, or take it out of the session."""
    if on:
        state[key] = True
    else:
        state.pop(key, None)


def current_lang(state: Mapping[Any, Any]) -> Lang:
    """The session's language (Dutch until the user picks English; anything else reads as Dutch)."""
    chosen = state.get(LANG_KEY, Lang.NL.value)
    return Lang(chosen) if chosen in {lang.value for lang in Lang} else Lang.NL


def current_role(state: Mapping[Any, Any]) -> Role:
    """The session's role (owner until the user picks advisor)."""
    chosen = state.get(ROLE_KEY, Role.OWNER.value)
    return Role(chosen) if chosen in {role.value for role in Role} else Role.OWNER


def step(state: State) -> int:
    """The wizard's step (0 at the start, kept in the session from the first read on)."""
    return int(state.setdefault(STEP_KEY, 0))


def set_step(state: State, index: int) -> None:
    """Put the wizard on step ``index`` (ui/form/navigation.py keeps it within the steps)."""
    state[STEP_KEY] = index


def memo_stores(state: State) -> dict[str, Any]:
    """The per-session memory of computed results, one store per kind (ui/cache.py)."""
    stores: dict[str, Any] = state.setdefault(MEMO_KEY, {})
    return stores


def kept_tab(state: Mapping[Any, Any], name: str) -> str | None:
    """The id of the tab last open in the tabs ``name`` (None before any)."""
    kept = state.get(kept_tab_key(name))
    return kept if isinstance(kept, str) else None


def report_made(state: Mapping[Any, Any], section: str) -> Hashable | None:
    """The request the report files under ``section`` were made for (None before any)."""
    made: Hashable | None = state.get(report_made_key(section))
    return made


def set_report_made(state: State, section: str, request: Hashable) -> None:
    state[report_made_key(section)] = request


# ---------------------------------------------------------------------------------- the case


def comparison(state: Mapping[Any, Any]) -> Comparison | None:
    """The scenarios being compared, or None before the user starts a comparison."""
    kept = state.get(COMPARE_KEY)
    return kept if isinstance(kept, Comparison) else None


def set_comparison(state: State, new: Comparison | None) -> None:
    """Keep ``new`` as the comparison (None: there is none)."""
    if new is None:
        state.pop(COMPARE_KEY, None)
    else:
        state[COMPARE_KEY] = new


def compare_name(state: Mapping[Any, Any]) -> str | None:
    """What the active scenario's name field holds (None before it is drawn)."""
    name = state.get(COMPARE_NAME_KEY)
    return None if name is None else str(name)


def opened(state: Mapping[Any, Any]) -> Opened | None:
    """What the last opened case did, until it has been said."""
    message = state.get(OPENED_KEY)
    return message if isinstance(message, Opened) else None


def set_opened(state: State, message: Opened | None) -> None:
    """Keep the message of an opened case (None: it has been said)."""
    if message is None:
        state.pop(OPENED_KEY, None)
    else:
        state[OPENED_KEY] = message


def clear_case(state: State) -> None:
    """Forget the case: every input, the comparison, the last message, "start over?" and "an answer
    was seen". The language, the role, the settings and the team page's file stay."""
    forget(state, *[key for key in list(state) if isinstance(key, str) and key.startswith(_CASE_PREFIXES)])
    forget(state, COMPARE_KEY, OPENED_KEY, CONFIRM_START_OVER_KEY, RESULTS_SEEN_KEY)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused upload's reason in both languages, so a language switch afterwards still says it."""

    nl: str
    en: str

    def in_lang(self, lang: Lang) -> str:
        return self.nl if Lang(lang) is Lang.NL else self.en


def upload_message(state: Mapping[Any, Any]) -> Refusal | None:
    """Why the last scenario upload was refused (None when it was not)."""
    message = state.get(UPLOAD_MESSAGE_KEY)
    return message if isinstance(message, Refusal) else None


def set_upload_message(state: State, message: Refusal | None) -> None:
    if message is None:
        state.pop(UPLOAD_MESSAGE_KEY, None)
    else:
        state[UPLOAD_MESSAGE_KEY] = message


# ---------------------------------------------------------------------------------- the team page


@dataclass(frozen=True, slots=True)
class KeptFile:
    """The team file that was read: its name, its bytes and the upload's id. Kept in the session
    as a plain dict (``{"name", "data", "id"}``), so the session holds only plain data."""

    name: str
    data: bytes
    upload_id: str


def kept_team_file(state: Mapping[Any, Any]) -> KeptFile | None:
    """The team file kept for this session, or None."""
    kept = state.get(TEAM_FILE_KEY)
    if not isinstance(kept, dict):
        return None
    return KeptFile(str(kept["name"]), bytes(kept["data"]), str(kept["id"]))


def keep_team_file(state: State, kept: KeptFile) -> None:
    """Keep a file that was read (a new file: "other file?" is no longer asked)."""
    state[TEAM_FILE_KEY] = {"name": kept.name, "data": kept.data, "id": kept.upload_id}
    state.pop(TEAM_CONFIRM_KEY, None)


def forget_team_file(state: State) -> None:
    """ "Other file", confirmed: the kept file, the question and the chosen employee go."""
    forget(state, TEAM_FILE_KEY, TEAM_CONFIRM_KEY, TEAM_OPEN_ROW_KEY)


def set_fund_line(state: State, outcome: str, name: str) -> None:
    """Remember what the fund button did (``"added"`` or ``"full"``) for the next run to say."""
    state[FUND_LINE_KEY] = (outcome, name)


def fund_line(state: State) -> tuple[str, str] | None:
    """What the fund button did, once: the message is taken out of the session as it is read."""
    kept = state.pop(FUND_LINE_KEY, None)
    return (str(kept[0]), str(kept[1])) if isinstance(kept, tuple) and len(kept) == 2 else None
