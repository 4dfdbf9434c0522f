"""The report the advisor leaves with the client: one to four named scenarios in, PDF or HTML bytes out.

Pure functions, no Streamlit: every figure comes from the calculators (evaluate, break-even values,
the Monte Carlo simulation, the dead-end comparison, the argument cards) and is written with the
same sentences and formatting as the app (ui/results_text.py, calculators/formatting.py). The
content is built once as a :class:`ui.report_document.Document`; ui/report_html.py and
ui/report_pdf.py draw it, so both formats carry the same figures.

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
from collections.abc import Iterable
from dataclasses import dataclass

from babel.dates import format_date

from calculators.arguments import ChosenCard, select_cards
from calculators.break_even import Threshold, thresholds
from calculators.dead_end import DeadEndComparison, Option, compare_options, job_to_job_payment
from calculators.evaluate import Result, evaluate
from calculators.explain import (
    answer_lines,
    comparison_headline,
    headline,
    horizon_text,
    key_figures,
    what_if_lines,
)
from calculators.fields import field_spec
from calculators.formatting import BABEL_LOCALE, money
from calculators.i18n import Lang, text
from calculators.monte_carlo import (
    UNCERTAIN,
    Simulation,
    TornadoBar,
    plausible_range,
    ranges_for,
    simulate,
    tornado,
)
from calculators.rules import rules_for
from calculators.scenario import RoleOutlook, Scenario, Subsidy
from calculators.sources import sources
from ui.assumptions_table import assumptions_frame
from ui.dead_end_text import (
    EXTRA_SOURCES,
    RULES_CITED,
    checklist,
    compensation_lines,
    options_table,
    payment_steps,
    sensitivity_lines,
)
from ui.guide import conversation_guide
from ui.report_charts import cost_breakdown_svg, cumulative_svg, dead_end_svg, npv_comparison_svg
from ui.report_document import (
    Block,
    Bullets,
    Card,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    SourceList,
    Table,
)
from ui.report_html import render_html
from ui.report_pdf import render_pdf
from ui.safe_text import LINE_BREAKS
from ui.steps import DEAD_END_STEP_FIELDS, STEPS
from ui.uncertainty_text import share_text, summary_lines

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
MAX_NAME_CHARS = 80  # client and scenario names: the report shows at most this much of them
DEFAULT_DRAWS = 10_000
_INPUTS = tuple(path for step in STEPS for path in step.main if path not in {"employee.label", "doubts"})
_ASSUMPTIONS = tuple(path for step in STEPS for path in step.assumptions)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the advisor asks for: named scenarios (1 to 4), the client's name, language, date, guide.

    ``ranges`` and ``draws`` are the uncertainty settings the app used (ui/uncertainty_view.py: the
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


@dataclass(frozen=True, slots=True)
class _Case:
    """One scenario with everything the calculators say about it."""

    name: str
    scenario: Scenario
    result: Result
    simulation: Simulation
    bars: tuple[TornadoBar, ...]
    found: tuple[Threshold, ...]
    dead_end: DeadEndComparison | None
    cards: tuple[ChosenCard, ...]


def _one_line(value: str) -> str:
    """User text on one line, at most MAX_NAME_CHARS characters."""
    flat = " ".join(value.translate(LINE_BREAKS).split())
    return flat if len(flat) <= MAX_NAME_CHARS else flat[: MAX_NAME_CHARS - 1] + "…"


def _case(name: str, scenario: Scenario, request: ReportRequest) -> _Case:
    """Everything the app computes for one scenario, with the app's own uncertainty settings."""
    lang = Lang(request.lang)
    result = evaluate(scenario)
    found = () if result.pays_off else thresholds(scenario)
    dead_end = compare_options(scenario) if scenario.employee.role_outlook is RoleOutlook.DEAD_END else None
    cards = select_cards(scenario.doubts, scenario, result, lang, found=found, dead_end=dead_end)
    ranges = ranges_for(scenario, dict(request.ranges))
    simulation = simulate(scenario, request.draws, ranges=ranges)
    bars = tornado(scenario, ranges)
    return _Case(_one_line(name), scenario, result, simulation, bars, found, dead_end, tuple(cards))


def _ranges_changed(request: ReportRequest) -> bool:
    """Whether the advisor moved any range away from its plausible default."""
    return any(
        abs(low - plausible_range(name)[0]) > 1e-9 or abs(high - plausible_range(name)[1]) > 1e-9
        for name, (low, high) in request.ranges
        if name in UNCERTAIN
    )


class _Sources:
    """The sources cited so far, in order of first use."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[str]:
        """Remember ``ids`` and return their short citations."""
        known = [sid for sid in ids if sid in sources()]
        self.ids.extend(sid for sid in known if sid not in self.ids)
        return [sources()[sid].citation() for sid in known]

    def block(self) -> SourceList:
        return SourceList(
            tuple(
                (f"{sources()[sid].citation()}: {sources()[sid].title}.", sources()[sid].url)
                for sid in self.ids
            )
        )


# ---------------------------------------------------------------------------------- the parts


def _figure_rows(case: _Case, lang: Lang) -> list[tuple[str, str]]:
    figures = key_figures(case.result, lang)
    sim = case.simulation
    return [
        (text(lang, "results.npv_label"), figures.npv),
        (text(lang, "results.stay_label"), figures.break_even_stay),
        (text(lang, "results.payback_label"), figures.payback),
        (text(lang, "results.worst_label"), figures.worst_case),
        (text(lang, "results.roi_label"), figures.roi),
        (text(lang, "report.chance_label"), share_text(sim.chance_it_pays, lang)),
        (text(lang, "report.p10_label"), money(sim.p10_eur, lang)),
        (text(lang, "report.p50_label"), money(sim.p50_eur, lang)),
        (text(lang, "report.p90_label"), money(sim.p90_eur, lang)),
    ]


def _comparison(cases: list[_Case], lang: Lang) -> list[Block]:
    names = tuple(case.name for case in cases)
    per_case = [_figure_rows(case, lang) for case in cases]
    rows = tuple(
        (label, *(rows[index][1] for rows in per_case)) for index, (label, _) in enumerate(per_case[0])
    )
    widths = (1.6, *(1.0 for _ in cases))
    numeric = (False, *(True for _ in cases))
    blocks: list[Block] = [
        Heading(text(lang, "report.comparison_title"), 1),
        Paragraph(text(lang, "report.comparison_intro")),
        Table((text(lang, "report.figure"), *names), rows, widths, numeric),
        Chart(
            text(lang, "report.npv_chart_title"),
            npv_comparison_svg([(case.name, case.result) for case in cases], lang),
        ),
    ]
    shown = [_shown(case.scenario, lang) for case in cases]
    labels = list(dict.fromkeys(label for values in shown for label in values))
    differ = tuple(
        (label, *(values.get(label, "–") for values in shown))
        for label in labels
        if len({values.get(label, "–") for values in shown}) > 1
    )
    if differ:
        blocks += [
            Heading(text(lang, "report.differences_title"), 2),
            Table(
                (text(lang, "assumptions.field"), *names), differ, widths, (False, *(False for _ in cases))
            ),
        ]
    return blocks


def _subsidy(item: Subsidy, lang: Lang) -> str:
    month = text(lang, "units.month", value=item.month)
    return f"{item.name.strip() or '–'}: {money(item.amount_eur, lang)}, {month}"


def _shown(scenario: Scenario, lang: Lang) -> dict[str, str]:
    """Every input and assumption as the app shows it (label → value), subsidies as one line."""
    frame = assumptions_frame(scenario, _paths(scenario), lang)
    field, value = text(lang, "assumptions.field"), text(lang, "assumptions.value")
    shown = {str(label): str(item) for label, item in zip(frame[field], frame[value], strict=True)}
    subsidies = [_subsidy(item, lang) for item in scenario.training.subsidies]
    shown[text(lang, "fields.training.subsidies.label")] = "; ".join(subsidies) or "–"
    return shown


def _paths(scenario: Scenario) -> tuple[str, ...]:
    extra = DEAD_END_STEP_FIELDS if scenario.employee.role_outlook is RoleOutlook.DEAD_END else ()
    return _INPUTS + _ASSUMPTIONS + extra


def _cost_parts(result: Result, lang: Lang) -> tuple[tuple[str, str], ...]:
    """What the costs are made of, so that they read beside the chart's net cost of the training:
    the training after subsidies and, when the chance of leaving rises, the extra replacement."""
    b = result.breakdown
    parts = [(text(lang, "report.cost_training_label"), money(b.training_net, lang))]
    if b.replacement_increase >= 0.5:
        parts.append((text(lang, "report.cost_replacement_label"), money(b.replacement_increase, lang)))
    return tuple(parts)


def _results(case: _Case, lang: Lang, changed_ranges: bool) -> list[Block]:
    result = case.result
    blocks: list[Block] = [
        Paragraph(headline(case.scenario, result, lang), "good" if result.pays_off else "bad"),
        Heading(text(lang, "report.key_figures_title"), 3),
        Table(
            (text(lang, "report.figure"), text(lang, "assumptions.value")),
            (
                *_figure_rows(case, lang)[:5],
                (text(lang, "report.total_cost_label"), money(result.total_cost_eur, lang)),
                *_cost_parts(result, lang),
                (text(lang, "report.expected_benefit_label"), money(result.expected_benefit_eur, lang)),
            ),
            (2.2, 1.0),
            (False, True),
        ),
        Paragraph(text(lang, "results.figures_explained"), "note"),
        Chart(text(lang, "chart.cumulative_title"), cumulative_svg(result, lang)),
        Chart(text(lang, "chart.cost_title"), cost_breakdown_svg(result, lang)),
    ]
    if not result.pays_off:
        lines = what_if_lines(case.found, lang)
        horizon = horizon_text(result.horizon_months, lang)
        blocks.append(Heading(text(lang, "results.what_if_title"), 3))
        if lines:
            blocks += [
                Paragraph(text(lang, "results.what_if_intro", horizon=horizon)),
                Bullets(tuple(("", line) for line in lines)),
            ]
        else:
            blocks.append(Paragraph(text(lang, "results.what_if_none")))
    lines = summary_lines(case.scenario, case.simulation, case.bars, lang)
    blocks += [
        Heading(text(lang, "uncertainty.title"), 3),
        Paragraph(lines[1], "info"),
        *(Paragraph(line) for line in (lines[0], *lines[2:])),
        Paragraph(text(lang, "uncertainty.method"), "note"),
    ]
    if changed_ranges:
        blocks.append(Paragraph(text(lang, "uncertainty.advisor_ranges"), "note"))
    return blocks


def _dead_end_answer(comparison: DeadEndComparison, lang: Lang) -> list[Block]:
    return [
        Heading(text(lang, "dead_end.answer_title"), 2),
        *(
            Paragraph(line, "good" if index == 0 else "plain")
            for index, line in enumerate(answer_lines(comparison, lang))
        ),
        Heading(text(lang, "dead_end.detail_title"), 2),
        Paragraph(text(lang, "dead_end.detail_explained"), "note"),
    ]


def _dead_end(case: _Case, comparison: DeadEndComparison, lang: Lang, cited: _Sources) -> list[Block]:
    scenario = case.scenario
    rules = rules_for(scenario.company.rules_year)
    payment = job_to_job_payment(scenario)
    blocks: list[Block] = [
        Heading(text(lang, "dead_end.title"), 2),
        Paragraph(text(lang, "dead_end.intro", horizon=horizon_text(scenario.horizon_months, lang))),
        Paragraph(comparison_headline(comparison, lang), "info"),
    ]
    if comparison.robust:
        blocks.append(Paragraph(text(lang, "dead_end.robust")))
    else:
        blocks += [
            Paragraph(text(lang, "dead_end.sensitive_intro")),
            Bullets(tuple(("", line) for line in sensitivity_lines(comparison, lang))),
        ]
    frame = options_table(comparison, lang)
    blocks += [
        Chart(text(lang, "dead_end.chart_title"), dead_end_svg(comparison, lang)),
        Table(
            tuple(str(column) for column in frame.columns),
            tuple(tuple(str(cell) for cell in row) for row in frame.itertuples(index=False)),
            (1.3, 1.3, 1.0, 1.15, 0.6, 1.1, 1.0),
            (False, False, True, True, False, False, True),
        ),
        Heading(text(lang, "dead_end.tv_title"), 3),
        Bullets(
            tuple(
                ("", line)
                for line in payment_steps(
                    payment,
                    rules.year,
                    lang,
                    rules["transition_payment_cap_eur"].to_verify,
                    comparison.option(Option.JOB_TO_JOB),
                )
            ),
            numbered=True,
        ),
        Heading(text(lang, "dead_end.checklist_title"), 3),
        Bullets(
            tuple(
                (text(lang, f"dead_end.checklist_{status}"), words)
                for status, words in checklist(payment, list(rules.value("deduction_conditions")), lang)
            )
        ),
    ]
    if not scenario.dead_end.written_consent:
        blocks.append(Paragraph(text(lang, "dead_end.consent_missing"), "warning"))
    if scenario.dead_end.sickness_annual_probability > 0:
        blocks += [
            Heading(text(lang, "dead_end.compensation_title"), 3),
            *(Paragraph(line) for line in compensation_lines(scenario, lang)),
        ]
    if comparison.to_verify:
        items = ", ".join(text(lang, f"dead_end.rules.{key}") for key in comparison.to_verify)
        blocks.append(Paragraph(text(lang, "dead_end.to_verify", items=items), "warning"))
    notes: list[str] = []
    for option in comparison.options:
        notes.extend(note for note in option.notes if note not in notes)
    rule_sources = [sid for key in RULES_CITED for value in rules[key].values for sid in value.sources]
    cited_rules = cited.cite(dict.fromkeys([*rule_sources, *EXTRA_SOURCES, "wkadvocaten_herplaatsing"]))
    blocks += [
        Heading(text(lang, "dead_end.legal_title"), 3),
        Bullets(tuple(("", text(lang, f"dead_end.notes.{note}")) for note in notes)),
        Paragraph(text(lang, "dead_end.sources", sources="; ".join(cited_rules)), "note"),
        Paragraph(text(lang, "dead_end.not_legal_advice", year=rules.year), "note"),
    ]
    return blocks


def _table_of(scenario: Scenario, paths: tuple[str, ...], lang: Lang, cited: _Sources) -> Table:
    frame = assumptions_frame(scenario, paths, lang)
    for path in paths:
        cited.cite(field_spec(path).sources)
    return Table(
        tuple(str(column) for column in frame.columns),
        tuple(tuple(str(cell) for cell in row) for row in frame.itertuples(index=False)),
        (2.4, 1.45, 1.45, 1.15, 2.55),
        (False, False, False, False, False),
    )


def _inputs(case: _Case, lang: Lang, cited: _Sources) -> list[Block]:
    scenario = case.scenario
    blocks: list[Block] = [
        Heading(text(lang, "report.inputs_title"), 2),
        _table_of(scenario, _INPUTS, lang, cited),
    ]
    subsidies = scenario.training.subsidies
    if subsidies:
        blocks += [
            Heading(text(lang, "fields.training.subsidies.label"), 3),
            Table(
                (
                    text(lang, "fields.training.subsidies.name.label"),
                    text(lang, "fields.training.subsidies.amount_eur.label"),
                    text(lang, "fields.training.subsidies.month.label"),
                ),
                tuple(
                    (item.name.strip() or "–", money(item.amount_eur, lang), str(item.month))
                    for item in subsidies
                ),
                (3.0, 1.2, 1.0),
                (False, True, True),
            ),
        ]
    extra = DEAD_END_STEP_FIELDS if scenario.employee.role_outlook is RoleOutlook.DEAD_END else ()
    blocks += [
        Heading(text(lang, "assumptions.title"), 2),
        _table_of(scenario, _ASSUMPTIONS + extra, lang, cited),
    ]
    return blocks


def _inputs_as_first(case: _Case, first: _Case, lang: Lang, cited: _Sources) -> list[Block]:
    """A later scenario of a comparison: only where its inputs differ from the first scenario's."""
    for path in _paths(case.scenario):
        cited.cite(field_spec(path).sources)
    mine, theirs = _shown(case.scenario, lang), _shown(first.scenario, lang)
    rows = tuple(
        (label, theirs.get(label, "–"), value)
        for label, value in mine.items()
        if theirs.get(label, "–") != value
    )
    blocks: list[Block] = [Heading(text(lang, "report.inputs_title"), 2)]
    if not rows:
        return [*blocks, Paragraph(text(lang, "report.inputs_same", name=first.name))]
    return [
        *blocks,
        Paragraph(text(lang, "report.inputs_except", name=first.name)),
        Table(
            (text(lang, "assumptions.field"), first.name, case.name),
            rows,
            (2.0, 1.6, 1.6),
            (False, False, False),
        ),
    ]


def _arguments(case: _Case, lang: Lang, cited: _Sources) -> list[Block]:
    if not case.cards:
        return []
    blocks: list[Block] = [
        Heading(text(lang, "arguments.title"), 2),
        Paragraph(text(lang, "arguments.intro")),
    ]
    for doubt in case.scenario.doubts:
        chosen = [card for card in case.cards if card.doubt == doubt]
        if not chosen:
            continue
        blocks.append(Heading(text(lang, f"choices.doubts.{doubt}"), 3))
        for card in chosen:
            citations = "; ".join(cited.cite(card.card.sources))
            blocks.append(Card(card.title, card.body, text(lang, "arguments.sources", sources=citations)))
    return blocks


def _guide(case: _Case, lang: Lang, several: bool) -> list[Block]:
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


# ---------------------------------------------------------------------------------- the document


def build_document(request: ReportRequest) -> Document:
    """Compute every scenario and lay the report out as blocks (see the module docstring)."""
    lang = Lang(request.lang)
    cases = [_case(name, scenario, request) for name, scenario in request.scenarios]
    several = len(cases) > 1
    cited = _Sources()
    blocks: list[Block] = [Paragraph(text(lang, "report.estimates"), "note")]
    if several:
        blocks += _comparison(cases, lang)
    for index, case in enumerate(cases):
        if several:
            blocks += [PageBreak(), Heading(text(lang, "report.scenario_title", name=case.name), 1)]
        else:
            blocks.append(Heading(text(lang, "report.results_title"), 1))
        # one answer on top: the comparison's; the training's own figures follow as detail
        if case.dead_end is not None:
            blocks += _dead_end_answer(case.dead_end, lang)
        blocks += _results(case, lang, _ranges_changed(request))
        if case.dead_end is not None:
            blocks += _dead_end(case, case.dead_end, lang, cited)
        blocks += _inputs(case, lang, cited) if index == 0 else _inputs_as_first(case, cases[0], lang, cited)
        blocks += _arguments(case, lang, cited)
    if request.include_guide:
        blocks += _guide(cases[0], lang, several)
    blocks += [
        Heading(text(lang, "report.about_title"), 1),
        Paragraph(text(lang, "report.estimates_long")),
        Paragraph(text(lang, "page.disclaimer")),
        Heading(text(lang, "guide.sources"), 2),
        cited.block(),
    ]
    client = _one_line(request.client)
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
