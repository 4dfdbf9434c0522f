"""The conversation guide for advisors: questions for the employer per ticked doubt, questions for
the development talk with the employee, and the arguments that apply — as a printable Markdown text.
Pure: scenario, results and cards in, text out."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from calculators.arguments import ChosenCard
from calculators.content import ContentError, load_yaml
from calculators.i18n import Lang, text
from calculators.sources import sources

__all__ = ["conversation_guide", "guide_questions"]


@lru_cache(maxsize=1)
def guide_questions() -> Mapping[str, Any]:
    """content/arguments/guide.yaml, checked for both languages."""
    raw = load_yaml("arguments/guide.yaml")
    if not isinstance(raw, Mapping) or "employer" not in raw or "employee" not in raw:
        raise ContentError("arguments/guide.yaml needs 'employer' and 'employee'")
    return raw


def conversation_guide(
    doubts: tuple[str, ...], chosen: list[ChosenCard], lang: Lang | str, client: str = ""
) -> str:
    """The guide as Markdown: one section per ticked doubt, then the employee talk, then sources."""
    lang = Lang(lang)
    questions = guide_questions()
    lines = [f"# {text(lang, 'guide.title')}", ""]
    if client:
        lines += [text(lang, "guide.for", client=client), ""]
    lines += [text(lang, "guide.intro"), ""]
    cited: list[str] = []
    for doubt in doubts:
        lines += [
            f"## {text(lang, f'choices.doubts.{doubt}')}",
            "",
            f"**{text(lang, 'guide.ask_employer')}**",
            "",
        ]
        lines += [f"- {question}" for question in questions["employer"][doubt][lang.value]]
        arguments = [card for card in chosen if card.doubt == doubt]
        if arguments:
            lines += ["", f"**{text(lang, 'guide.arguments')}**", ""]
            for card in arguments:
                lines.append(f"- **{card.title}** {card.body}")
                cited.extend(source_id for source_id in card.card.sources if source_id not in cited)
        lines.append("")
    lines += [f"## {text(lang, 'guide.employee_title')}", "", text(lang, "guide.employee_intro"), ""]
    lines += [f"- {question}" for question in questions["employee"][lang.value]]
    if cited:
        lines += ["", f"## {text(lang, 'guide.sources')}", ""]
        lines += [
            f"- {sources()[sid].citation()}: {sources()[sid].title}. {sources()[sid].url}" for sid in cited
        ]
    lines += ["", "---", text(lang, "page.disclaimer"), ""]
    return "\n".join(lines)
