"""Tailored arguments on the results page: the top three for an owner, all that apply for an advisor,
grouped by doubt, with the conversation guide to download. Shown only when there is something to say."""

from __future__ import annotations

import streamlit as st

from calculators.arguments import OWNER_CARDS, ChosenCard, select_cards
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from calculators.scenario.model import RoleOutlook, Scenario
from calculators.sources import sources
from ui.cache import cached_dead_end, cached_thresholds, session_memo
from ui.guide import conversation_guide
from ui.role import Role
from ui.safe_text import escape_markdown

__all__ = ["has_arguments", "show_arguments"]


def _chosen(scenario: Scenario, result: Result, lang: Lang, role: Role) -> list[ChosenCard]:
    found = () if result.pays_off else cached_thresholds(scenario)
    dead_end = cached_dead_end(scenario) if scenario.employee.role_outlook is RoleOutlook.DEAD_END else None
    return select_cards(
        scenario.doubts,
        scenario,
        result,
        lang,
        found=found,
        dead_end=dead_end,
        limit=OWNER_CARDS if role is Role.OWNER else None,
        escape=escape_markdown,
    )


def _card(card: ChosenCard, lang: Lang) -> None:
    with st.container(border=True, key=f"argument_{card.card.id}"):
        st.markdown(f"**{card.title}**")
        st.markdown(card.body)
        links = [
            f"[{sources()[sid].citation()}]({sources()[sid].url})"
            for sid in card.card.sources
            if sid in sources()
        ]
        # markdown, not a caption: Streamlit fades links in captions below readable contrast
        st.markdown(text(lang, "arguments.sources", sources="; ".join(links)))


def _session_chosen(scenario: Scenario, result: Result, lang: Lang, role: Role) -> list[ChosenCard]:
    if not scenario.doubts:
        return []
    return session_memo("arguments", (scenario, lang, role), lambda: _chosen(scenario, result, lang, role))


def has_arguments(scenario: Scenario, result: Result, lang: Lang, role: Role) -> bool:
    """True when at least one argument card applies to the doubts ticked (else the section is left out)."""
    return bool(_session_chosen(scenario, result, lang, role))


def show_arguments(scenario: Scenario, result: Result, lang: Lang, role: Role) -> None:
    """The arguments section (nothing at all when no doubt is ticked or no card applies)."""
    chosen = _session_chosen(scenario, result, lang, role)
    if not chosen:
        return
    st.subheader(text(lang, "arguments.title"))
    st.caption(text(lang, "arguments.intro"))
    if role is Role.OWNER:
        for card in chosen:
            _card(card, lang)
        return
    for doubt in scenario.doubts:
        cards = [card for card in chosen if card.doubt == doubt]
        if cards:
            st.markdown(f"##### {text(lang, f'choices.doubts.{doubt}')}")
            for card in cards:
                _card(card, lang)
    guide = conversation_guide(scenario.doubts, chosen, lang)
    st.download_button(
        text(lang, "guide.download"),
        data=guide.encode("utf-8"),
        file_name=text(lang, "guide.file_name"),
        mime="text/markdown",
        key="download_guide",
        on_click="ignore",
        icon=":material/forum:",
    )
