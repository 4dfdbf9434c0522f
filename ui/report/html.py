"""The report as one self-contained HTML file: styles inline, charts as inline SVG, nothing fetched.

Opening the file makes no request at all: no fonts, scripts, images or style sheets from elsewhere,
and a Content-Security-Policy that forbids them even if something slipped in. Addresses of sources
appear only as text in the sources list, never as links or attributes. Every text is HTML-escaped
(user-typed names included). Printing gives A4 pages with the browser's own page breaks, kept out
of table rows, charts and cards.
"""

from __future__ import annotations

from calculators.i18n import text
from ui.report import document as doc
from ui.report.charts import escape_text

__all__ = ["render_html"]

# default-src 'none': the page may load nothing; the one <style> element is allowed inline.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

_CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f3; color: #1d2429; font-family: "DejaVu Sans", Verdana, Arial,
  Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; overflow-wrap: break-word; }
main { max-width: 210mm; margin: 0 auto; background: #ffffff; padding: 16mm; }
h1 { font-size: 17pt; margin: 1.4em 0 0.5em; color: #123f34; }
h1.title { font-size: 21pt; margin-top: 0; }
h2 { font-size: 13.5pt; margin: 1.3em 0 0.4em; padding-bottom: 2px; border-bottom: 1px solid #c9d2d8; }
h3 { font-size: 11pt; margin: 1.1em 0 0.3em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0.4em 0 0.6em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 1em; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.box { padding: 8px 12px; border-left: 4px solid; border-radius: 2px; }
.good { background: #e7f3ef; border-color: #1f6f5c; }
.bad { background: #fbeceb; border-color: #b3261e; }
.info { background: #eaf1f8; border-color: #3b6ea8; }
.warning { background: #fdf4e1; border-color: #c77c02; }
.note { font-size: 9pt; color: #4a555c; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 0.9em; font-size: 9pt; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #dde3e7; }
th { background: #eef1f3; }
td { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr, figure, .card, .box, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0.6em 0 1em; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 4px; }
.card { border: 1px solid #dde3e7; border-left: 4px solid #1f6f5c; padding: 6px 12px; margin: 0.5em 0; }
.card h4 { margin: 0.2em 0; font-size: 10.5pt; }
ul, ol { margin: 0.3em 0 0.8em; padding-left: 1.4em; }
ol.sources { font-size: 8.5pt; color: #3a454c; }
.page-break { break-before: page; page-break-before: always; }
footer { margin-top: 2em; font-size: 8.5pt; color: #5f6b73; border-top: 1px solid #c9d2d8; padding-top: 4px; }
@media print {
  body { background: #ffffff; }
  main { max-width: none; padding: 0; }
}
"""


def _e(value: str) -> str:
    return escape_text(value)


def _block(block: doc.Block) -> str:
    """One block as HTML; every text escaped."""
    match block:
        case doc.Heading(content, level):
            return f"<h{level}>{_e(content)}</h{level}>"
        case doc.Paragraph(content, tone):
            css = "" if tone == "plain" else (' class="note"' if tone == "note" else f' class="box {tone}"')
            return f"<p{css}>{_e(content)}</p>"
        case doc.Bullets(items, numbered):
            tag = "ol" if numbered else "ul"
            lines = "".join(
                f"<li>{f'<strong>{_e(lead)}</strong> – ' if lead else ''}{_e(rest)}</li>"
                for lead, rest in items
            )
            return f"<{tag}>{lines}</{tag}>"
        case doc.Table(header, rows, widths, numeric):
            total = sum(widths)
            columns = "".join(f'<col style="width:{width / total * 100:.1f}%">' for width in widths)

            def cells(tag: str, values: tuple[str, ...]) -> str:
                return "".join(
                    f"<{tag}{' class=num' if right else ''}>{_e(value)}</{tag}>"
                    for value, right in zip(values, numeric, strict=True)
                )

            body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
            head = f"<thead><tr>{cells('th', header)}</tr></thead>"
            return f"<table><colgroup>{columns}</colgroup>{head}<tbody>{body}</tbody></table>"
        case doc.Chart(title, svg):
            # inline SVG needs no namespace in HTML; dropping it keeps every address out of the markup
            inline = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
            return f"<figure><figcaption>{_e(title)}</figcaption>{inline}</figure>"
        case doc.Card(title, body, cited):
            cited_line = f'<p class="note">{_e(cited)}</p>'
            return f'<div class="card"><h4>{_e(title)}</h4><p>{_e(body)}</p>{cited_line}</div>'
        case doc.SourceList(items):
            lines = "".join(f"<li>{_e(described)} {_e(url)}</li>" for described, url in items)
            return f'<ol class="sources">{lines}</ol>'
        case doc.PageBreak():
            return '<div class="page-break"></div>'
    raise TypeError(f"unknown report block {block!r}")


def render_html(document: doc.Document) -> bytes:
    """The document as a UTF-8 HTML page."""
    lang = document.lang.value
    meta = "".join(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in document.meta)
    title = f"{document.title} – {document.client}" if document.client else document.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body><main>",
        f'<h1 class="title">{_e(document.title)}</h1>',
        f'<dl class="meta">{meta}</dl>',
        *(_block(block) for block in document.blocks),
        f"<footer>{_e(document.footer)} · {_e(text(document.lang, 'report.made_with'))}</footer>",
        "</main></body></html>",
    ]
    return "\n".join(parts).encode("utf-8")
