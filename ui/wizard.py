"""The guided flow: start, five questions, the answer — Back/Next, a progress bar, nothing lost.

Every input is keyed and kept for the session (``persist_state``), so switching steps, language or
role never loses a value. Owners see the few inputs that matter with the rest under
"assumptions"; advisors see every assumption, each with a reset-to-default button.
"""

from __future__ import annotations

import logging

import streamlit as st

from calculators.error_text import render_error
from calculators.errors import ScenarioError
from calculators.fields import field_spec
from calculators.i18n import Lang, text
from calculators.scenario import RoleOutlook, TrainingKind
from ui.cache import session_memo
from ui.compare_view import COMPARE_KEY, OPENED_KEY, show_opened
from ui.inputs import field, widget_key
from ui.language import current_lang
from ui.lazy import lazy_expander
from ui.navigation import LAST_STEP, STEP_KEY, go_to
from ui.results_step import render_results
from ui.role import Role, current_role
from ui.safe_text import escape_markdown
from ui.state import (
    SUBSIDY_COUNT_KEY,
    doubt_key,
    form_key,
    form_scenario,
    form_values,
    seed_fields,
    subsidy_key,
)
from ui.steps import (
    ALL_FIELDS,
    DEAD_END_ASSUMPTIONS,
    DEAD_END_QUESTIONS,
    DOUBT_QUESTIONS,
    STEPS,
    Step,
    step_of_field,
)
from ui.upload import upload_widget

__all__ = ["assumptions_key", "dead_end_assumptions_key", "render"]

_SEEDED = "_leerwinst_seeded"
_RESULTS_SEEN = "_leerwinst_results_seen"  # the user has had an answer in this session
_LOG = logging.getLogger(__name__)
_LAST = LAST_STEP


def assumptions_key(step_id: str) -> str:
    """Session key of the owner's "assumptions" expander on a step (True while it is open)."""
    return f"open_assumptions_{step_id}"


def dead_end_assumptions_key(role: Role) -> str:
    """Session key of the dead-end assumptions expander on the yields step, per role."""
    return f"open_dead_end_assumptions_{role.value}"


def _move(delta: int) -> None:
    st.session_state.pop(OPENED_KEY, None)  # the message of an opened case has been read by now
    go_to(int(st.session_state.get(STEP_KEY, 0)) + delta)


_CONFIRM_START_OVER = "confirm_start_over"


def _ask_start_over() -> None:
    st.session_state[_CONFIRM_START_OVER] = True


def _cancel_start_over() -> None:
    st.session_state.pop(_CONFIRM_START_OVER, None)


def _start_over() -> None:
    """Clear the case: every input back to its default, no comparison, the first step (confirmed)."""
    state = st.session_state
    for key in list(state.keys()):
        if isinstance(key, str) and key.startswith(_CASE_PREFIXES):
            del state[key]
    for key in (COMPARE_KEY, OPENED_KEY, _CONFIRM_START_OVER, _RESULTS_SEEN):
        state.pop(key, None)
    seed_fields(state, ALL_FIELDS)
    go_to(0)


# every key that holds part of the case: form fields, subsidy lines and doubts (in__…), the comparison
_CASE_PREFIXES = ("in__", "compare")


def _start_over_question(lang: Lang) -> None:
    """The confirmation, in the open above the navigation, while it is asked."""
    if not st.session_state.get(_CONFIRM_START_OVER):
        return
    with st.container(border=True, key="start_over_confirm"):
        st.warning(text(lang, "wizard.start_over_question"), icon=":material/warning:")
        with st.container(horizontal=True):
            st.button(text(lang, "wizard.start_over_yes"), key="start_over_yes", on_click=_start_over,
                      type="primary", icon=":material/delete_sweep:")  # fmt: skip
            st.button(text(lang, "wizard.start_over_no"), key="start_over_no", on_click=_cancel_start_over)


def _fields(paths: tuple[str, ...], lang: Lang, role: Role, *, captions: bool) -> None:
    advisor = role is Role.ADVISOR
    for path in paths:
        if path == "retention.study_cost_clause.enabled":
            _clause_switch(lang, advisor)
        elif path.startswith("retention.study_cost_clause.") and not st.session_state.get(
            widget_key("retention.study_cost_clause.enabled")
        ):
            continue  # the clause's details only matter when there is a clause
        elif (
            path.startswith("benefits.vacancy.")
            and path != "benefits.vacancy.filled_internally"
            and not (st.session_state.get(widget_key("benefits.vacancy.filled_internally")))
        ):
            continue
        else:
            field(path, lang, reset=advisor, caption=captions or advisor)


def _clause_switch(lang: Lang, advisor: bool) -> None:
    mandatory = st.session_state.get(widget_key("training.kind")) == TrainingKind.MANDATORY.value
    field("retention.study_cost_clause.enabled", lang, disabled=mandatory, reset=advisor)
    if mandatory:
        st.caption(text(lang, "page.clause_void_note"))


def _subsidies(lang: Lang) -> None:
    most = field_spec("training.subsidies").max_items or 0
    st.markdown(f"**{text(lang, 'fields.training.subsidies.label')}**")
    st.caption(text(lang, "fields.training.subsidies.help") + " " + text(lang, "wizard.slim_note"))
    # no browser-side bounds here either (see ui/inputs.py): the form's validation refuses out loud
    st.number_input(
        text(lang, "wizard.subsidy_count"),
        step=1,
        key=SUBSIDY_COUNT_KEY,
        persist_state="session",
    )
    # never more lines than a scenario may hold (a count beyond it is refused by the form's validation)
    for index in range(max(0, min(most, int(st.session_state.get(SUBSIDY_COUNT_KEY) or 0)))):
        name, amount, month = st.columns([3, 2, 2])
        label = text(lang, "wizard.subsidy_line", number=index + 1)
        with name:
            st.text_input(
                f"{label}: {text(lang, 'fields.training.subsidies.name.label')}",
                max_chars=field_spec("training.subsidies.name").max_length,
                key=subsidy_key(index, "name"),
                persist_state="session",
            )
        with amount:
            st.number_input(
                f"{text(lang, 'fields.training.subsidies.amount_eur.label')} (€)",
                step=50.0,
                format="%.0f",
                key=subsidy_key(index, "amount_eur"),
                persist_state="session",
            )
        with month:
            st.number_input(
                text(lang, "fields.training.subsidies.month.label"),
                step=1,
                key=subsidy_key(index, "month"),
                persist_state="session",
            )


def _folded_fields(
    label: str, key: str, paths: tuple[str, ...], problems: set[str], *, expanded: bool, captions: bool
) -> None:
    """Fields in an expander drawn only while open; a problem in one of them opens it."""
    box = lazy_expander(label, key, expanded=expanded, open_now=any(path in problems for path in paths))
    if box is not None:
        with box:
            _fields(paths, current_lang(), current_role(), captions=captions)


def _question_step(step: Step, lang: Lang, role: Role, problems: set[str]) -> None:
    captions = step.id == "yields"  # what it yields: every default with its reason and source
    _fields(step.main, lang, role, captions=captions)
    if step.id == "training":
        _subsidies(lang)
    if role is Role.ADVISOR:
        st.markdown(f"**{text(lang, 'wizard.assumptions')}**")
        _fields(step.assumptions, lang, role, captions=captions)
    else:
        _folded_fields(
            text(lang, "wizard.assumptions"),
            assumptions_key(step.id),
            step.assumptions,
            problems,
            expanded=False,
            captions=captions,
        )
    dead_end = st.session_state.get(widget_key("employee.role_outlook")) == RoleOutlook.DEAD_END.value
    if step.id == "yields" and dead_end:
        with st.container(border=True, key="dead_end_questions"):
            st.markdown(f"**{text(lang, 'dead_end.questions_title')}**")
            st.caption(text(lang, "dead_end.questions_intro"))
            _fields(DEAD_END_QUESTIONS, lang, role, captions=False)
        _folded_fields(
            text(lang, "dead_end.assumptions"),
            dead_end_assumptions_key(role),
            DEAD_END_ASSUMPTIONS,
            problems,
            expanded=role is Role.ADVISOR,
            captions=False,
        )


def _doubts_step(lang: Lang, role: Role) -> None:
    st.markdown(text(lang, "wizard.doubts_intro"))
    for doubt in field_spec("doubts").values:
        st.checkbox(text(lang, f"choices.doubts.{doubt}"), key=doubt_key(doubt), persist_state="session")
        linked = DOUBT_QUESTIONS.get(doubt)
        if linked and st.session_state.get(doubt_key(doubt)):
            # the assumption this worry is about, asked right here instead of folded away elsewhere
            with st.container(border=True, key=f"doubt_question_{doubt}"):
                st.caption(text(lang, f"wizard.doubt_question.{doubt}"))
                field(linked, lang, reset=role is Role.ADVISOR, caption=True)
    st.caption(text(lang, "wizard.doubts_note"))


def _start_step(lang: Lang) -> None:
    st.markdown(text(lang, "wizard.start_intro"))
    st.markdown(text(lang, "wizard.start_roles"))
    with st.expander(text(lang, "wizard.open_case")):
        upload_widget(lang)


def _asked_here(index: int) -> set[str]:
    """Fields this step asks besides its own: under a ticked doubt, the assumption it is about."""
    if STEPS[index].id != "doubts":
        return set()
    return {path for doubt, path in DOUBT_QUESTIONS.items() if st.session_state.get(doubt_key(doubt))}


def _on_this_step(error: ScenarioError, index: int) -> bool:
    return step_of_field(error.field) == index or error.field.split("[", 1)[0] in _asked_here(index)


def _errors(errors: list[ScenarioError], lang: Lang, here: int) -> None:
    """Problems on this step, or — on the results step — all of them with a way to fix each."""
    for error in errors:
        target = step_of_field(error.field)
        if here == _LAST or _on_this_step(error, here):
            st.error(escape_markdown(render_error(error, lang, path=False)), icon=":material/error:")
            if here == _LAST:
                st.button(
                    text(lang, "wizard.fix", step=text(lang, f"wizard.steps.{STEPS[target].id}")),
                    key=f"fix__{error.field}__{target}",
                    on_click=go_to,
                    args=(target,),
                )


def _progress(index: int, lang: Lang) -> None:
    title = text(lang, f"wizard.steps.{STEPS[index].id}")
    if 0 < index < _LAST:
        st.progress(
            index / (_LAST - 1),
            text=text(lang, "wizard.progress", number=index, total=_LAST - 1, title=title),
        )
    st.header(title)


def _navigation(index: int, lang: Lang, blocked: bool) -> None:
    back, middle, forward = st.columns([2, 6, 2])
    with back:
        st.button(
            text(lang, "wizard.back"),
            key="nav_back",
            on_click=_move,
            args=(-1,),
            disabled=index == 0,
            icon=":material/arrow_back:",
            width="stretch",
        )
    with middle, st.container(horizontal=True, horizontal_alignment="right"):
        if index > 0:
            st.button(
                text(lang, "wizard.start_over"),
                key="nav_start_over",
                on_click=_ask_start_over,
                icon=":material/restart_alt:",
            )
        if st.session_state.get(_RESULTS_SEEN) and 0 < index < _LAST - 1:
            # after a first answer, one click back to it from any question: change one number, see it
            st.button(
                text(lang, "wizard.to_results"),
                key="nav_results",
                on_click=go_to,
                args=(_LAST,),
                disabled=blocked,
                icon=":material/fast_forward:",
            )
    with forward:
        label = text(lang, "wizard.start") if index == 0 else text(lang, "wizard.next")
        st.button(
            label,
            key="nav_next",
            on_click=_move,
            args=(1,),
            disabled=index == _LAST or blocked,
            type="primary",
            icon=":material/arrow_forward:",
            width="stretch",
        )


def _body(index: int, lang: Lang, role: Role) -> bool:
    """Draw one step; True when the user may go on."""
    step = STEPS[index]
    state = st.session_state
    values = form_values(state)  # each key read once: Streamlit's state is slow to read
    scenario, errors = session_memo("form", form_key(values), lambda: form_scenario(values, ALL_FIELDS))
    if step.id == "start":
        _start_step(lang)
    elif step.id == "doubts":
        _doubts_step(lang, role)
    elif step.id == "results":
        if scenario is None:
            st.warning(text(lang, "wizard.cannot_calculate"))
        else:
            render_results(scenario, lang, role)
            state[_RESULTS_SEEN] = True
    else:
        # a form reads best at a laptop's reading width, not stretched over a wide screen
        with st.container(width=820):
            _question_step(step, lang, role, {error.field for error in errors})
    _errors(errors, lang, index)
    return not any(_on_this_step(error, index) for error in errors)


def render() -> None:
    """The wizard page."""
    lang, role = current_lang(), current_role()
    if not st.session_state.get(_SEEDED):  # once per session: every widget keeps its value after that
        seed_fields(st.session_state, ALL_FIELDS)
        st.session_state[_SEEDED] = True
    index = int(st.session_state.setdefault(STEP_KEY, 0))
    _progress(index, lang)
    show_opened(lang)  # what the last opened file or team member did, where the user lands
    try:
        may_continue = _body(index, lang, role)
    except Exception:  # a defect must never show a traceback or lose the user's inputs
        _LOG.exception("wizard step %s failed", STEPS[index].id)  # no user values in the log line
        st.error(text(lang, "wizard.failure"), icon=":material/sentiment_dissatisfied:")
        st.button(text(lang, "wizard.back_to_start"), key="failure_restart", on_click=go_to, args=(0,))
        may_continue = False
    st.divider()
    _start_over_question(lang)
    _navigation(index, lang, blocked=not may_continue)
    st.caption(text(lang, "page.privacy") + " " + text(lang, "page.disclaimer"))
