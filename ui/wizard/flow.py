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
from calculators.i18n import Lang, text
from calculators.scenario.fields import field_spec
from calculators.scenario.model import RoleOutlook, Sector, TrainingKind
from ui import session
from ui.cache import session_memo
from ui.compare.view import show_opened
from ui.form.inputs import field
from ui.form.navigation import LAST_STEP, current_step, go_to, go_to_results, move
from ui.form.state import form_key, form_scenario, form_values, seed_fields
from ui.form.steps import (
    ALL_FIELDS,
    DEAD_END_ASSUMPTIONS,
    DEAD_END_QUESTIONS,
    DOUBT_QUESTIONS,
    STEPS,
    Step,
    step_of_field,
)
from ui.language import current_lang
from ui.lazy import lazy_expander
from ui.results.step import render_results
from ui.role import Role, current_role
from ui.safe_text import escape_markdown
from ui.session import (
    CONFIRM_START_OVER_KEY,
    RESULTS_SEEN_KEY,
    SEEDED_KEY,
    SUBSIDY_COUNT_KEY,
    assumptions_key,
    dead_end_assumptions_key,
    doubt_key,
    subsidy_key,
)
from ui.wizard.example_start import example_picker
from ui.wizard.fund_pointer import fund_pointer
from ui.wizard.quit_suggestion import QUIT, quit_suggestion
from ui.wizard.upload import upload_widget

__all__ = ["render"]

_LOG = logging.getLogger(__name__)
_LAST = LAST_STEP


def _ask_start_over(on: bool) -> None:
    session.set_flag(st.session_state, CONFIRM_START_OVER_KEY, on)


def _start_over() -> None:
    """Clear the case: every input back to its default, no comparison, the first step (confirmed)."""
    session.clear_case(st.session_state)
    seed_fields(st.session_state, ALL_FIELDS)
    go_to(0)


def _start_over_question(lang: Lang) -> None:
    """The confirmation, in the open above the navigation, while it is asked."""
    if not session.flag(st.session_state, CONFIRM_START_OVER_KEY):
        return
    with st.container(border=True, key="start_over_confirm"):
        st.warning(text(lang, "wizard.start_over_question"), icon=":material/warning:")
        with st.container(horizontal=True):
            st.button(text(lang, "wizard.start_over_yes"), key="start_over_yes", on_click=_start_over,
                      type="primary", icon=":material/delete_sweep:")  # fmt: skip
            st.button(text(lang, "wizard.start_over_no"), key="start_over_no", on_click=_ask_start_over,
                      args=(False,))  # fmt: skip


def _fields(paths: tuple[str, ...], lang: Lang, role: Role, *, captions: bool) -> None:
    advisor = role is Role.ADVISOR
    for path in paths:
        if path == "retention.study_cost_clause.enabled":
            _clause_switch(lang, advisor)
        elif path.startswith("retention.study_cost_clause.") and not session.field_value(
            st.session_state, "retention.study_cost_clause.enabled"
        ):
            continue  # the clause's details only matter when there is a clause
        elif (
            path.startswith("benefits.vacancy.")
            and path != "benefits.vacancy.filled_internally"
            and not session.field_value(st.session_state, "benefits.vacancy.filled_internally")
        ):
            continue
        else:
            field(path, lang, reset=advisor, caption=captions or advisor)
            if path == QUIT:
                quit_suggestion(lang)  # the CBS figure for this service and age, used only on a click


def _clause_switch(lang: Lang, advisor: bool) -> None:
    mandatory = session.field_value(st.session_state, "training.kind") == TrainingKind.MANDATORY.value
    field("retention.study_cost_clause.enabled", lang, disabled=mandatory, reset=advisor)
    if mandatory:
        st.caption(text(lang, "page.clause_void_note"))


def _add_fund_line(name: str) -> None:
    """A new subsidy line named after the sector's fund, in the training's first month; its amount is
    the user's to type. Lines already there are never touched."""
    most = field_spec("training.subsidies").max_items or 0
    count = int(session.value(st.session_state, SUBSIDY_COUNT_KEY) or 0)
    if count >= most:
        session.set_fund_line(st.session_state, "full", name)
        return
    session.set_value(st.session_state, subsidy_key(count, "name"), name)
    session.set_value(st.session_state, subsidy_key(count, "amount_eur"), 0.0)
    start = session.field_value(st.session_state, "training.start_month") or 1
    session.set_value(st.session_state, subsidy_key(count, "month"), int(start))
    session.set_value(st.session_state, SUBSIDY_COUNT_KEY, count + 1)
    session.set_fund_line(st.session_state, "added", name)


def _fund_pointer(lang: Lang) -> None:
    """Where the money may come from: the sector's O&O fund (content/funds.yaml), flagged to verify."""
    sector = session.field_value(st.session_state, "company.sector") or Sector.OTHER.value
    pointer = fund_pointer(sector if sector in {s.value for s in Sector} else Sector.OTHER, lang)
    with st.container(border=True, key="fund_pointer"):
        st.markdown(f"**{pointer.title}**\n\n{pointer.body}")  # one element: the step stays quick
        st.caption(pointer.verify)
        if pointer.subsidy_name:
            st.button(
                text(lang, "funds.add", name=pointer.subsidy_name),
                key="fund_add_line",
                on_click=_add_fund_line,
                args=(pointer.subsidy_name,),
                icon=":material/add:",
            )
        done = session.fund_line(st.session_state)
        if done is not None:
            outcome, name = done
            most = field_spec("training.subsidies").max_items or 0
            message = text(lang, f"funds.{outcome}", name=name, most=most)
            (st.success if outcome == "added" else st.warning)(message)


def _subsidies(lang: Lang) -> None:
    most = field_spec("training.subsidies").max_items or 0
    _fund_pointer(lang)
    st.markdown(f"**{text(lang, 'fields.training.subsidies.label')}**")
    st.caption(text(lang, "fields.training.subsidies.help") + " " + text(lang, "wizard.slim_note"))
    # no browser-side bounds here either (see ui/form/inputs.py): the form's validation refuses out loud
    st.number_input(
        text(lang, "wizard.subsidy_count"),
        step=1,
        key=SUBSIDY_COUNT_KEY,
        persist_state="session",
    )
    # never more lines than a scenario may hold (a count beyond it is refused by the form's validation)
    for index in range(max(0, min(most, int(session.value(st.session_state, SUBSIDY_COUNT_KEY) or 0)))):
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
                format="%g",
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
    dead_end = session.field_value(st.session_state, "employee.role_outlook") == RoleOutlook.DEAD_END.value
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
        if linked and session.flag(st.session_state, doubt_key(doubt)):
            # the assumption this worry is about, asked right here instead of folded away elsewhere
            with st.container(border=True, key=f"doubt_question_{doubt}"):
                st.caption(text(lang, f"wizard.doubt_question.{doubt}"))
                field(linked, lang, reset=role is Role.ADVISOR, caption=True)
    st.caption(text(lang, "wizard.doubts_note"))


def _start_step(lang: Lang) -> None:
    st.markdown(text(lang, "wizard.start_intro"))
    st.markdown(text(lang, "wizard.start_roles"))
    example_picker(lang)
    with st.expander(text(lang, "wizard.open_case")):
        upload_widget(lang)


def _asked_here(index: int) -> set[str]:
    """Fields this step asks besides its own: under a ticked doubt, the assumption it is about."""
    if STEPS[index].id != "doubts":
        return set()
    return {
        path for doubt, path in DOUBT_QUESTIONS.items() if session.flag(st.session_state, doubt_key(doubt))
    }


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
            on_click=move,
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
                args=(True,),
                icon=":material/restart_alt:",
            )
        if session.flag(st.session_state, RESULTS_SEEN_KEY) and 0 < index < _LAST - 1:
            # after a first answer, one click back to it from any question: change one number, see it
            st.button(
                text(lang, "wizard.to_results"),
                key="nav_results",
                on_click=go_to_results,
                disabled=blocked,
                icon=":material/fast_forward:",
            )
    with forward:
        label = text(lang, "wizard.start") if index == 0 else text(lang, "wizard.next")
        st.button(
            label,
            key="nav_next",
            on_click=move,
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
            session.set_flag(state, RESULTS_SEEN_KEY, True)
    else:
        # a form reads best at a laptop's reading width, not stretched over a wide screen
        with st.container(width=820):
            _question_step(step, lang, role, {error.field for error in errors})
    _errors(errors, lang, index)
    return not any(_on_this_step(error, index) for error in errors)


def render() -> None:
    """The wizard page."""
    lang, role = current_lang(), current_role()
    state = st.session_state
    if not session.flag(state, SEEDED_KEY):  # once per session: every widget keeps its value after that
        seed_fields(state, ALL_FIELDS)
        session.set_flag(state, SEEDED_KEY, True)
    index = current_step()
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
