"""The report's conversation guide: ui/guide.py's Markdown (one source for app and report), read
back into report blocks. Pure: no Streamlit."""

from __future__ import annotations

from calculators.i18n import Lang, text
from ui.guide import conversation_guide
from ui.report.case import Case
from ui.report.document import Block, Bullets, Heading, PageBreak, Paragraph

__all__ = ["guide_blocks"]


def guide_blocks(case: Case, lang: Lang, several: bool) -> list[Block]:
    """The conversation guide of ui/guide.py (one source for app and report), read back into blocks.

    Its title, sources and closing disclaimer are left out: the report has its own.
    """
    markdown = conversation_guide(case.scenario.doubts, list(case.cards), lang)
    blocks: list[Block] = [PageBreak(), Heading(text(lang, "guide.title"), 1)]
    if several:
        blocks.append(Paragraph(text(lang, "report.guide_scenario", name=case.name), "note"))
    stop = f"## {text(lang, 'guide.sources')}"
    items: list[tuple[str, str]] = []

    def flush() -> None:
        if items:
            blocks.append(Bullets(tuple(items)))
            items.clear()

    for line in markdown.splitlines()[1:]:
        if line in {stop, "---"}:
            break
        if line.startswith("- "):
            item = line[2:]
            if item.startswith("**") and "** " in item:
                lead, rest = item[2:].split("** ", 1)
                items.append((lead, rest))
            else:
                items.append(("", item))
            continue
        flush()
        if line.startswith("## "):
            blocks.append(Heading(line[3:], 2))
        elif line.startswith("**") and line.endswith("**"):
            blocks.append(Heading(line[2:-2], 3))
        elif line.strip():
            blocks.append(Paragraph(line))
    flush()
    return blocks
