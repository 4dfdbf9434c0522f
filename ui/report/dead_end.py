"""The report's dead-end part: the options compared, the transition payment step by step, the
checklist and the legal notes, for an employee whose role has no future.

Pure: no Streamlit. Written with the app's own sentences (ui/dead_end/text.py).
"""

from __future__ import annotations

from calculators.dead_end.options import job_to_job_payment
from calculators.dead_end.results import DeadEndComparison, Option
from calculators.explain import answer_lines, comparison_headline, horizon_text
from calculators.i18n import Lang, text
from calculators.rules import rules_for
from ui.dead_end.text import (
    EXTRA_SOURCES,
    RULES_CITED,
    checklist,
    compensation_lines,
    options_table,
    payment_steps,
    sensitivity_lines,
)
from ui.report.case import Case, Sources
from ui.report.charts import dead_end_svg
from ui.report.document import Block, Bullets, Chart, Heading, Paragraph, Table

__all__ = ["dead_end_answer", "dead_end_blocks"]


def dead_end_answer(comparison: DeadEndComparison, lang: Lang) -> list[Block]:
    return [
        Heading(text(lang, "dead_end.answer_title"), 2),
        *(
            Paragraph(line, "good" if index == 0 else "plain")
            for index, line in enumerate(answer_lines(comparison, lang))
        ),
        Heading(text(lang, "dead_end.detail_title"), 2),
        Paragraph(text(lang, "dead_end.detail_explained"), "note"),
    ]


def dead_end_blocks(case: Case, comparison: DeadEndComparison, lang: Lang, cited: Sources) -> list[Block]:
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
