"""The report's parts for every scenario: the comparison, the answer and key figures, the inputs and
assumptions with their sources, the arguments for the employer's doubts.

Pure: no Streamlit. Each part is a list of :mod:`ui.report.document` blocks written from a
:class:`ui.report.case.Case`; ui/report/build.py puts them in order.
"""

from __future__ import annotations

from calculators.explain import headline, horizon_text, key_figures, what_if_lines
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.evaluate import Result
from calculators.scenario.fields import field_spec
from calculators.scenario.model import RoleOutlook, Scenario, Subsidy
from ui.assumptions_table import assumptions_frame
from ui.form.steps import DEAD_END_STEP_FIELDS, STEPS
from ui.report.case import Case, Sources
from ui.report.charts import cost_breakdown_svg, cumulative_svg, npv_comparison_svg
from ui.report.document import Block, Bullets, Card, Chart, Heading, Paragraph, Table
from ui.uncertainty.text import share_text, summary_lines

__all__ = [
    "argument_blocks",
    "comparison_blocks",
    "figure_rows",
    "input_blocks",
    "inputs_as_first",
    "result_blocks",
]

_INPUTS = tuple(path for step in STEPS for path in step.main if path not in {"employee.label", "doubts"})
_ASSUMPTIONS = tuple(path for step in STEPS for path in step.assumptions)


def figure_rows(case: Case, lang: Lang) -> list[tuple[str, str]]:
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


def comparison_blocks(cases: list[Case], lang: Lang) -> list[Block]:
    names = tuple(case.name for case in cases)
    per_case = [figure_rows(case, lang) for case in cases]
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


def result_blocks(case: Case, lang: Lang, changed_ranges: bool) -> list[Block]:
    result = case.result
    blocks: list[Block] = [
        Paragraph(headline(case.scenario, result, lang), "good" if result.pays_off else "bad"),
        Heading(text(lang, "report.key_figures_title"), 3),
        Table(
            (text(lang, "report.figure"), text(lang, "assumptions.value")),
            (
                *figure_rows(case, lang)[:5],
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


def _table_of(scenario: Scenario, paths: tuple[str, ...], lang: Lang, cited: Sources) -> Table:
    frame = assumptions_frame(scenario, paths, lang)
    for path in paths:
        cited.cite(field_spec(path).sources)
    return Table(
        tuple(str(column) for column in frame.columns),
        tuple(tuple(str(cell) for cell in row) for row in frame.itertuples(index=False)),
        (2.4, 1.45, 1.45, 1.15, 2.55),
        (False, False, False, False, False),
    )


def input_blocks(case: Case, lang: Lang, cited: Sources) -> list[Block]:
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


def inputs_as_first(case: Case, first: Case, lang: Lang, cited: Sources) -> list[Block]:
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


def argument_blocks(case: Case, lang: Lang, cited: Sources) -> list[Block]:
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
