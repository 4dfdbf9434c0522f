"""The report the advisor leaves with the client: one to four named scenarios in, PDF or HTML bytes out.

Pure functions, no Streamlit: every figure comes from the calculators (evaluate, break-even values,
the Monte Carlo simulation, the dead-end comparison, the argument cards) and is written with the
same sentences and formatting as the app (ui/results_text.py, calculators/formatting.py). The
content is built once as a :class:`ui.report.document.Document`; ui/report/html.py and
ui/report/pdf.py draw it, so both formats carry the same figures. The parts are written in
ui/report/sections.py, ui/report/dead_end.py and ui/report/guide.py, each from one computed
scenario (ui/report/case.py).

Contents: title, client, date and rules year; for two to four scenarios a comparison first (the key
figures side by side, the inputs that differ, the NPV per scenario); then per scenario the answer,
the key figures, the charts, what would have to be true when it does not pay, the chance it pays,
the dead-end comparison when the role has no future, the inputs and assumptions with the sources
of their defaults, and the arguments for the employer's doubts; then the conversation guide when
asked for, the sources, and the "not legal advice" and "figures are estimates" notes.

>>> import datetime
>>> from calculators import default_scenario
>>> request = ReportRequest((("Basis", default_scenario()),), "", Lang.NL, datetime.date(2026, 11, 28), False)
>>> report_html(request)[:15]
b'<!DOCTYPE html>'
>>> report_pdf(request)[:5]
b'%PDF-'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel.dates import format_date

from calculators.formatting import BABEL_LOCALE
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import UNCERTAIN, plausible_range
from calculators.scenario.model import Scenario
from ui.report.case import MAX_NAME_CHARS, Sources, compute_case, one_line
from ui.report.dead_end import dead_end_answer, dead_end_blocks
from ui.report.document import Block, Document, Heading, PageBreak, Paragraph
from ui.report.guide import guide_blocks
from ui.report.html import render_html
from ui.report.pdf import render_pdf
from ui.report.sections import (
    argument_blocks,
    comparison_blocks,
    input_blocks,
    inputs_as_first,
    result_blocks,
)

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_SCENARIOS",
    "ReportRequest",
    "build_document",
    "report_files",
    "report_html",
    "report_pdf",
]

MAX_SCENARIOS = 4
DEFAULT_DRAWS = 10_000


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the advisor asks for: named scenarios (1 to 4), the client's name, language, date, guide.

    ``ranges`` and ``draws`` are the uncertainty settings the app used (ui/uncertainty/view.py: the
    advisor's (low, high) per uncertain input, as fractions, and the number of runs), so the report's
    chance that it pays is the one on screen; left out, the default ranges and 10,000 runs.
    """

    scenarios: tuple[tuple[str, Scenario], ...]
    client: str
    lang: Lang
    prepared_on: datetime.date
    include_guide: bool
    ranges: tuple[tuple[str, tuple[float, float]], ...] = ()
    draws: int = DEFAULT_DRAWS

    def __post_init__(self) -> None:
        if not 1 <= len(self.scenarios) <= MAX_SCENARIOS:
            raise ValueError(f"a report holds 1 to {MAX_SCENARIOS} scenarios, not {len(self.scenarios)}")


def _ranges_changed(request: ReportRequest) -> bool:
    """Whether the advisor moved any range away from its plausible default."""
    return any(
        abs(low - plausible_range(name)[0]) > 1e-9 or abs(high - plausible_range(name)[1]) > 1e-9
        for name, (low, high) in request.ranges
        if name in UNCERTAIN
    )


def build_document(request: ReportRequest) -> Document:
    """Compute every scenario and lay the report out as blocks (see the module docstring)."""
    lang = Lang(request.lang)
    cases = [
        compute_case(name, scenario, lang, request.ranges, request.draws)
        for name, scenario in request.scenarios
    ]
    several = len(cases) > 1
    cited = Sources()
    blocks: list[Block] = [Paragraph(text(lang, "report.estimates"), "note")]
    if several:
        blocks += comparison_blocks(cases, lang)
    for index, case in enumerate(cases):
        if several:
            blocks += [PageBreak(), Heading(text(lang, "report.scenario_title", name=case.name), 1)]
        else:
            blocks.append(Heading(text(lang, "report.results_title"), 1))
        # one answer on top: the comparison's; the training's own figures follow as detail
        if case.dead_end is not None:
            blocks += dead_end_answer(case.dead_end, lang)
        blocks += result_blocks(case, lang, _ranges_changed(request))
        if case.dead_end is not None:
            blocks += dead_end_blocks(case, case.dead_end, lang, cited)
        blocks += (
            input_blocks(case, lang, cited) if index == 0 else inputs_as_first(case, cases[0], lang, cited)
        )
        blocks += argument_blocks(case, lang, cited)
    if request.include_guide:
        blocks += guide_blocks(cases[0], lang, several)
    blocks += [
        Heading(text(lang, "report.about_title"), 1),
        Paragraph(text(lang, "report.estimates_long")),
        Paragraph(text(lang, "page.disclaimer")),
        Heading(text(lang, "guide.sources"), 2),
        cited.block(),
    ]
    client = one_line(request.client)
    years = sorted({case.scenario.company.rules_year for case in cases})
    meta = (
        (text(lang, "report.client"), client or "–"),
        (text(lang, "report.date"), format_date(request.prepared_on, "long", locale=BABEL_LOCALE[lang])),
        (text(lang, "report.rules_year"), ", ".join(str(year) for year in years)),
        (text(lang, "report.scenarios"), ", ".join(case.name for case in cases)),
    )
    return Document(
        lang=lang,
        title=text(lang, "report.title"),
        client=client,
        meta=meta,
        blocks=tuple(blocks),
        footer=text(
            lang, "report.footer", date=format_date(request.prepared_on, "short", locale=BABEL_LOCALE[lang])
        ),
    )


def report_files(request: ReportRequest) -> tuple[bytes, bytes]:
    """The report as (PDF, HTML) from one document: every scenario computed and laid out once."""
    document = build_document(request)
    return render_pdf(document, request.prepared_on), render_html(document)


def report_html(request: ReportRequest) -> bytes:
    """The report as one self-contained HTML file (UTF-8): no request leaves it when it is opened."""
    return render_html(build_document(request))


def report_pdf(request: ReportRequest) -> bytes:
    """The report as an A4 PDF."""
    return render_pdf(build_document(request), request.prepared_on)
