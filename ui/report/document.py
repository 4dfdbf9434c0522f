"""The report as a list of plain blocks: what it says, without how it looks.

ui/report/build.py fills a :class:`Document` from the calculators; ui/report/html.py and ui/report/pdf.py
each draw the same document, so the HTML and the PDF always say the same thing. Every text here is
plain text (never Markdown or HTML): user-typed text included, which each renderer makes safe for
its own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from calculators.i18n import Lang

__all__ = [
    "Block",
    "Bullets",
    "Card",
    "Chart",
    "Document",
    "Heading",
    "PageBreak",
    "Paragraph",
    "SourceList",
    "Table",
    "Tone",
]

Tone = Literal["plain", "good", "bad", "info", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title; level 1 for the report's parts, 2 for sections, 3 for sub-sections."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; a tone other than "plain" draws it as a coloured box (or small print, "note")."""

    text: str
    tone: Tone = "plain"


@dataclass(frozen=True, slots=True)
class Bullets:
    """A list; each item is (a bold lead, possibly empty; the rest of the line)."""

    items: tuple[tuple[str, str], ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``widths`` are relative column widths, ``numeric`` columns align right."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as an SVG string (ui/report/charts.py) with its title."""

    title: str
    svg: str


@dataclass(frozen=True, slots=True)
class Card:
    """One tailored argument: title, text, and the line naming its sources."""

    title: str
    body: str
    sources: str


@dataclass(frozen=True, slots=True)
class SourceList:
    """The bibliography: (citation and title, address) per source, numbered in order of first use."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page (in print)."""


Block = Heading | Paragraph | Bullets | Table | Chart | Card | SourceList | PageBreak


@dataclass(frozen=True, slots=True)
class Document:
    """The whole report: title, the facts under it (client, date, rules year), the blocks, the footer."""

    lang: Lang
    title: str
    client: str  # as typed, on one line; "" when none was given
    meta: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]
    footer: str
