"""Team mode's template: the downloadable spreadsheet to fill in (CSV or Excel), with the example
rows of ``content/team_columns.yaml``, drop-down lists for the choice columns and a guide that says
what each column means, accepts and counts as when left empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from calculators.error_text import format_in_unit
from calculators.i18n import Lang, has_text, text
from calculators.scenario.fields import field_spec
from calculators.team.columns import TeamColumn, team_columns, team_examples
from calculators.team.read import MAX_ROWS
from calculators.team.write import csv_bytes, fit_columns, safe_cell, xlsx_bytes

__all__ = [
    "GuideRow",
    "column_guide",
    "template_csv",
    "template_xlsx",
]


@dataclass(frozen=True, slots=True)
class GuideRow:
    """One line of the column guide (template sheet and page): what to fill in where."""

    header: str
    required: bool
    meaning: str
    allowed: str
    if_empty: str


def _allowed(column: TeamColumn, lang: Lang) -> str:
    spec = field_spec(column.field if column.kind != "subsidy" else "training.subsidies.amount_eur")
    if column.kind in {"choice", "yes_no"}:
        return ", ".join(column.word(value, lang) for value in column.template_words)
    if column.kind == "text":
        return text(lang, "team.guide.text_allowed", max_length=spec.max_length or 0)
    assert spec.minimum is not None and spec.maximum is not None
    low = format_in_unit(spec.minimum, spec.unit, lang.value)
    high = format_in_unit(spec.maximum, spec.unit, lang.value)
    return text(lang, "inputs.allowed", min=low, max=high)


def _if_empty(column: TeamColumn, lang: Lang) -> str:
    if column.kind == "text":
        return text(lang, "team.guide.label_empty")
    if column.required:
        return text(lang, "team.guide.required_value")
    if column.kind == "subsidy":
        return text(lang, "team.guide.no_subsidy")
    spec = field_spec(column.field)
    if column.kind == "yes_no":
        return column.word("yes" if spec.default else "no", lang)
    return format_in_unit(spec.default, spec.unit, lang.value)


def column_guide(lang: Lang | str) -> tuple[GuideRow, ...]:
    """What each column means, what it accepts and what an empty cell counts as."""
    language = Lang(lang)
    rows = []
    for column in team_columns():
        key = f"team.guide.meaning.{column.id}"
        meaning = (
            text(language, key) if has_text(language, key) else text(language, f"fields.{column.field}.help")
        )
        rows.append(
            GuideRow(
                header=column.header(language),
                required=column.required,
                meaning=meaning,
                allowed=_allowed(column, language),
                if_empty=_if_empty(column, language),
            )
        )
    return tuple(rows)


def _example_cell(column: TeamColumn, example: Mapping[str, Any], lang: Lang) -> object:
    value = example.get(column.id)
    if isinstance(value, Mapping):
        value = value[lang.value]
    if value is None:
        return None
    if column.kind in {"choice", "yes_no"}:
        return column.word(str(value), lang)
    return value


def _example_rows(lang: Lang) -> list[list[object]]:
    return [
        [_example_cell(column, example, lang) for column in team_columns()] for example in team_examples()
    ]


def template_csv(lang: Lang | str) -> bytes:
    """The template as CSV: the header in ``lang`` and the example rows (UTF-8 with BOM)."""
    language = Lang(lang)
    header: list[object] = [column.header(language) for column in team_columns()]
    return csv_bytes([header, *_example_rows(language)], language)


def template_xlsx(lang: Lang | str) -> bytes:
    """The template as an Excel workbook: an employee sheet with the examples, drop-down lists for
    the choice columns, and a sheet that explains every column."""

    language = Lang(lang)
    columns = team_columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text(language, "team.template.sheet")
    sheet.append([safe_cell(column.header(language)) for column in columns])
    for row in _example_rows(language):
        sheet.append([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    fit_columns(sheet, [max(12, min(30, len(column.header(language)) + 2)) for column in columns])
    for index, column in enumerate(columns, start=1):
        if column.kind in {"choice", "yes_no"}:
            words = ",".join(column.word(value, language) for value in column.template_words)
            validation = DataValidation(type="list", formula1=f'"{words}"', allow_blank=not column.required)
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(validation)
    guide = workbook.create_sheet(text(language, "team.template.guide_sheet"))
    guide.append([text(language, f"team.guide.columns.{name}") for name in GuideRow.__slots__])
    for line in column_guide(language):
        required = text(language, "team.export.yes" if line.required else "team.export.no")
        guide.append([safe_cell(line.header), required, line.meaning, line.allowed, line.if_empty])
    guide.append([])
    for key in ("numbers", "limits", "privacy"):
        guide.append([text(language, f"team.template.note_{key}")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    fit_columns(guide, [28, 10, 60, 36, 24])
    return xlsx_bytes(workbook)
