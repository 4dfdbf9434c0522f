"""The report as an A4 PDF, drawn with fpdf2.

Why fpdf2: it is pure Python from PyPI (pinned in requirements.txt) and needs no system library, no
browser and no network — so the PDF is made the same way on a laptop, in CI and on a server without
internet. The alternatives need more: WeasyPrint needs Pango and Cairo from the operating system;
printing the HTML with Chromium, or plotly's image export (kaleido), needs a browser process on the
server for every report; ReportLab would do, but fpdf2 also draws our SVG charts as vector paths
(``FPDF.image`` with an SVG byte stream), so the PDF shows exactly the charts of the HTML report.

fpdf2's built-in fonts are Latin-1 only (no €); the report embeds DejaVu Sans from
ui/assets/fonts/ (shipped with the repository with its licence, so nothing depends on the fonts of
the machine). A character the font has no glyph for is printed as "?" rather than silently dropped,
and control characters become spaces, so no user-typed name can break the layout.

Layout: A4 portrait, 18 mm margins, page numbers in the footer, headings kept with what follows,
charts and argument cards never split over two pages, table rows never cut (fpdf2's table moves a
row that does not fit to the next page and repeats the header row there).
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.util import Padding

from calculators.i18n import text
from ui.report import document as doc
from ui.report.charts import PDF_FONT

__all__ = ["FONT_DIR", "render_pdf"]

FONT_DIR = Path(__file__).resolve().parents[1] / "assets" / "fonts"  # ui/assets/fonts
_MARGIN = 18.0
_PAGES_ALIAS = "{nb}"  # replaced by the page count when the PDF is written (about as wide)
_INK = (29, 36, 41)
_MUTED = (74, 85, 92)
_RULE = (201, 210, 216)
_FILLS: dict[doc.Tone, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    "good": ((231, 243, 239), (31, 111, 92)),
    "bad": ((251, 236, 235), (179, 38, 30)),
    "info": ((234, 241, 248), (59, 110, 168)),
    "warning": ((253, 244, 225), (199, 124, 2)),
}
_HEADING_SIZES = {1: 15.0, 2: 12.5, 3: 10.5}
_BODY = 9.5
_LINE = 4.6


class _ReportPDF(FPDF):
    """FPDF with the report's footer: its own line on the left, "page n of m" on the right."""

    def __init__(self, document: doc.Document) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.document = document
        self.add_font(PDF_FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(PDF_FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        regular, bold = self.fonts[PDF_FONT], self.fonts[f"{PDF_FONT}B"]
        self.glyphs = frozenset(regular.cmap) & frozenset(bold.cmap)  # type: ignore[union-attr]
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, margin=_MARGIN)
        self.alias_nb_pages(_PAGES_ALIAS)

    def clean(self, value: str) -> str:
        """Text the font can print: unknown characters become "?", control characters a space."""
        out = []
        for char in value.replace(_PAGES_ALIAS, ""):
            if char == "\n":
                out.append(char)
            elif unicodedata.category(char) in {"Cc", "Zl", "Zp"}:
                out.append(" ")
            elif unicodedata.category(char) in {"Cf", "Mn"} and ord(char) not in self.glyphs:
                continue  # invisible formatting or a combining mark the font lacks: leave it out
            else:
                out.append(char if ord(char) in self.glyphs else "?")
        return "".join(out)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(PDF_FONT, "", 7.5)
        self.set_text_color(*_MUTED)
        self.set_draw_color(*_RULE)
        self.line(self.l_margin, self.get_y() - 1, self.w - self.r_margin, self.get_y() - 1)
        self.cell(0, 5, self.clean(self.document.footer), align="L")
        self.set_x(self.l_margin)
        page = text(self.document.lang, "report.page", page=self.page_no(), pages=_PAGES_ALIAS)
        self.cell(0, 5, page, align="R")

    # ------------------------------------------------------------------ blocks

    def font(self, size: float = _BODY, bold: bool = False, colour: tuple[int, int, int] = _INK) -> None:
        self.set_font(PDF_FONT, "B" if bold else "", size)
        self.set_text_color(*colour)

    def height_of(self, width: float, line: float, content: str, padding: Padding | None = None) -> float:
        """How tall ``content`` would be as a multi_cell in the current font (nothing is drawn)."""
        measured = self.multi_cell(
            width, line, content, align="L", padding=padding or 0, dry_run=True, output="HEIGHT"
        )
        return float(measured)  # type: ignore[arg-type]  # output="HEIGHT" returns a number

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres still fit on this one."""
        if self.will_page_break(height):
            self.add_page()

    def paragraph(self, content: str, tone: doc.Tone) -> None:
        content = self.clean(content)
        if tone == "note":
            self.font(8.0, colour=_MUTED)
            self.multi_cell(0, 3.9, content, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1.5)
            return
        self.font()
        if tone == "plain":
            self.multi_cell(0, _LINE, content, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1.8)
            return
        fill, edge = _FILLS[tone]
        padding = Padding(2.2, 3.0, 2.2, 4.0)
        height = self.height_of(0, _LINE, content, padding)
        self.keep(height)
        top = self.get_y()
        self.set_fill_color(*fill)
        self.multi_cell(
            0, _LINE, content, align="L", fill=True, padding=padding, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_fill_color(*edge)
        self.rect(self.l_margin, top, 1.2, self.get_y() - top, style="F")
        self.ln(2.5)

    def heading_height(self, content: str, level: int) -> float:
        size = _HEADING_SIZES.get(level, _BODY)
        self.font(size, bold=True)
        return (3.5 if level > 1 else 5.0) + self.height_of(0, size * 0.5, self.clean(content)) + 2.8

    def heading(self, content: str, level: int, following: Sequence[doc.Block]) -> None:
        """A heading, on a new page unless it fits together with the headings right after it and
        the first lines of what they introduce (no heading alone at the foot of a page)."""
        needed = self.heading_height(content, level) + 30.0
        for block in following:
            if not isinstance(block, doc.Heading):
                break
            needed += self.heading_height(block.text, block.level)
        self.keep(needed)
        size = _HEADING_SIZES.get(level, _BODY)
        self.ln(3.5 if level > 1 else 5.0)
        self.font(size, bold=True, colour=(18, 63, 52) if level == 1 else _INK)
        self.multi_cell(0, size * 0.5, self.clean(content), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if level <= 2:
            self.set_draw_color(*_RULE)
            self.line(self.l_margin, self.get_y() + 0.6, self.w - self.r_margin, self.get_y() + 0.6)
        self.ln(2.2)

    def bullets(self, items: tuple[tuple[str, str], ...], numbered: bool) -> None:
        indent = 6.0
        for number, (lead, rest) in enumerate(items, start=1):
            self.keep(2 * _LINE)
            self.font()
            self.set_x(self.l_margin + 1.0)
            self.cell(indent - 1.0, _LINE, f"{number}." if numbered else "•")
            left = self.l_margin
            self.set_left_margin(left + indent)
            if lead:
                self.font(bold=True)
                self.write(_LINE, self.clean(lead) + " – ")
                self.font()
            self.write(_LINE, self.clean(rest))
            self.set_left_margin(left)
            self.ln(_LINE + 1.2)
        self.ln(1.0)

    def table_block(self, block: doc.Table) -> None:
        self.font(8.2)
        self.set_draw_color(*_RULE)
        align = tuple("RIGHT" if right else "LEFT" for right in block.numeric)
        heading_style = FontFace(emphasis="BOLD", fill_color=(238, 241, 243), color=_INK)
        self.keep(3 * _LINE + 6)
        self.set_fill_color(255, 255, 255)  # rows unfilled: no colour left over from a box drawn before
        with self.table(
            cell_fill_mode=TableCellFillMode.NONE,
            col_widths=block.widths,
            text_align=align,
            v_align="TOP",
            line_height=3.9,
            padding=(1.2, 1.6),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            headings_style=heading_style,
            width=self.epw,
        ) as table:
            for row in (block.header, *block.rows):
                cells = table.row()
                for value in row:
                    cells.cell(self.clean(value))
        self.ln(3.0)

    def chart(self, title: str, svg: str) -> None:
        width = self.epw
        svg_width, svg_height = _svg_size(svg)
        height = width * svg_height / svg_width
        self.keep(height + 9)
        self.font(9.5, bold=True)
        self.multi_cell(0, 5, self.clean(title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        # the chart's labels through the same filter as all other text (a glyph the font lacks → "?")
        printable = re.sub(r"(<text[^>]*>)([^<]*)(</text>)", lambda m: m[1] + self.clean(m[2]) + m[3], svg)
        self.image(io.BytesIO(printable.encode("utf-8")), x=self.l_margin, w=width)
        self.ln(3.0)

    def card(self, block: doc.Card) -> None:
        inner = self.epw - 5.0
        self.font(bold=True)
        title_h = self.height_of(inner, _LINE, self.clean(block.title))
        self.font()
        body_h = self.height_of(inner, _LINE, self.clean(block.body))
        self.font(8.0)
        cited_h = self.height_of(inner, 3.9, self.clean(block.sources))
        self.keep(title_h + body_h + cited_h + 4)
        top = self.get_y()
        left = self.l_margin + 4.0
        self.font(bold=True)
        self.set_x(left)
        self.multi_cell(inner, _LINE, self.clean(block.title), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.font()
        self.multi_cell(inner, _LINE, self.clean(block.body), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.font(8.0, colour=_MUTED)
        self.multi_cell(inner, 3.9, self.clean(block.sources), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_fill_color(31, 111, 92)
        self.rect(self.l_margin, top, 1.2, self.get_y() - top, style="F")
        self.ln(3.0)

    def source_list(self, items: tuple[tuple[str, str], ...]) -> None:
        for number, (described, url) in enumerate(items, start=1):
            self.keep(8.0)
            self.font(7.8, colour=_MUTED)
            self.set_x(self.l_margin)
            self.cell(7.0, 3.7, f"{number}.")
            self.multi_cell(
                0, 3.7, self.clean(f"{described} {url}"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            self.ln(0.8)

    def block(self, block: doc.Block, following: Sequence[doc.Block]) -> None:
        match block:
            case doc.Heading(content, level):
                self.heading(content, level, following)
            case doc.Paragraph(content, tone):
                self.paragraph(content, tone)
            case doc.Bullets(items, numbered):
                self.bullets(items, numbered)
            case doc.Table():
                self.table_block(block)
            case doc.Chart(title, svg):
                self.chart(title, svg)
            case doc.Card():
                self.card(block)
            case doc.SourceList(items):
                self.source_list(items)
            case doc.PageBreak():
                self.add_page()
            case _:
                raise TypeError(f"unknown report block {block!r}")


def _svg_size(svg: str) -> tuple[float, float]:
    """Width and height from the ``viewBox`` the report's charts always carry."""
    start = svg.index('viewBox="') + len('viewBox="')
    _, _, width, height = (float(part) for part in svg[start : svg.index('"', start)].split())
    return width, height


def render_pdf(document: doc.Document, created: datetime.date | None = None) -> bytes:
    """The document as PDF bytes (A4)."""
    pdf = _ReportPDF(document)
    pdf.set_title(pdf.clean(document.title))
    pdf.set_author("Leerwinst")
    pdf.set_creator("Leerwinst")
    pdf.set_lang(document.lang.value)
    if created is not None:
        moment = datetime.datetime.combine(created, datetime.time(12), tzinfo=datetime.UTC)
        pdf.set_creation_date(moment)
    pdf.add_page()
    pdf.font(19.0, bold=True, colour=(18, 63, 52))
    pdf.multi_cell(0, 9, pdf.clean(document.title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2.0)
    for label, value in document.meta:
        pdf.font(bold=True)
        pdf.cell(42, _LINE + 0.6, pdf.clean(label))
        pdf.font()
        pdf.multi_cell(0, _LINE + 0.6, pdf.clean(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3.0)
    for index, block in enumerate(document.blocks):
        pdf.block(block, document.blocks[index + 1 :])
    return bytes(pdf.output())
