"""Team mode's exports: the team's results as CSV and as an Excel workbook.

Results are written as CSV (Dutch: ``;`` and a decimal comma; English: ``,`` and a point) and
.xlsx. Both list every employee row of the file in its order: a computed row with its figures, a
skipped row with empty figures and, in the last column (*Opmerking* / *Note*), why it was skipped;
the same column carries a shortened name's note. The workbook adds a sheet with one line per bad
cell of the skipped rows, and the totals. Every text cell is formula-safe
(:func:`calculators.team.write.safe_cell`; OWASP ASVS 5.0 requirement 1.2.10).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook  # type: ignore[import-untyped]

from calculators.i18n import Lang, text
from calculators.team.errors import RowError, RowNote
from calculators.team.figures import TeamMember, TeamResult
from calculators.team.read import SkippedRow, TeamRow
from calculators.team.write import bold_header, csv_bytes, fit_columns, safe_cell, xlsx_bytes

__all__ = [
    "export_csv",
    "export_xlsx",
]

_EXPORT_COLUMNS = (
    "row",
    "label",
    "npv",
    "break_even",
    "payback",
    "worst_case",
    "cost",
    "benefit",
    "dead_end",
    "soonest",
    "clause",
    "note",
)
_PROBLEM_COLUMNS = ("row", "label", "column", "reason")


def _note_text(notes: Sequence[RowNote], lang: Lang) -> list[str]:
    return [f"{note.column}: {note.message(lang)}" for note in notes]


def _problem_text(error: RowError, lang: Lang) -> str:
    """ "column: reason" (the column once, when the reason already starts with it)."""
    column, reason = error.column_name(lang), error.reason(lang)
    return reason if reason.startswith(f"{column}:") else f"{column}: {reason}"


def _skipped_text(row: SkippedRow, lang: Lang) -> str:
    """Why a row was skipped, every problem as "column: reason", then its notes."""
    reasons = " | ".join(_problem_text(error, lang) for error in row.errors)
    return " | ".join([text(lang, "team.export.skipped", reasons=reasons), *_note_text(row.notes, lang)])


def _export_rows(
    rows: Sequence[TeamRow], result: TeamResult, skipped: Sequence[SkippedRow], lang: Lang
) -> list[list[object]]:
    """One line per employee row of the file, in file order: computed rows with their figures,
    skipped rows with empty figures and why they were skipped."""

    def line(row: TeamRow, member: TeamMember) -> list[object]:
        return [
            row.row,
            row.label,
            round(member.npv_eur, 2),
            member.break_even_stay_months,
            member.payback_month,
            round(member.worst_case_eur, 2),
            round(member.total_cost_eur, 2),
            round(member.expected_benefit_eur, 2),
            member.dead_end_candidate,
            member.pays_off_soonest,
            member.clause_not_allowed,
            " | ".join(_note_text(row.notes, lang)) or None,
        ]

    lines = [(row.row, line(row, member)) for row, member in zip(rows, result.members, strict=True)]
    empty: list[object] = [None] * (len(_EXPORT_COLUMNS) - 3)
    lines += [(row.row, [row.row, row.label, *empty, _skipped_text(row, lang)]) for row in skipped]
    return [cells for _, cells in sorted(lines, key=lambda pair: pair[0])]


def _export_header(lang: Lang) -> list[object]:
    return [text(lang, f"team.columns.{name}") for name in _EXPORT_COLUMNS]


def export_csv(
    rows: Sequence[TeamRow], result: TeamResult, lang: Lang | str, *, skipped: Sequence[SkippedRow] = ()
) -> bytes:
    """The team's results as CSV: one line per employee row of the file, in its order (money
    rounded to cents, no thousands separators; an empty cell where a month does not exist; flags as
    yes/no). A skipped row has empty figures and, in the last column, every reason it was skipped;
    the same column holds a shortened name's note."""
    language = Lang(lang)
    return csv_bytes([_export_header(language), *_export_rows(rows, result, skipped, language)], language)


def _totals(result: TeamResult, skipped: int, lang: Lang) -> list[tuple[str, object]]:
    t = result.totals
    return [
        (text(lang, "team.totals.employees"), t.employees),
        (text(lang, "team.totals.paying"), t.paying),
        (text(lang, "team.totals.npv"), round(t.npv_eur, 2)),
        (text(lang, "team.totals.cost"), round(t.total_cost_eur, 2)),
        (text(lang, "team.totals.benefit"), round(t.expected_benefit_eur, 2)),
        (text(lang, "team.totals.worst_case"), round(t.worst_case_eur, 2)),
        (text(lang, "team.totals.dead_end"), t.dead_end_candidates),
        (text(lang, "team.totals.clause"), t.clause_not_allowed),
        (text(lang, "team.totals.soonest"), t.soonest_payback_month),
        (text(lang, "team.totals.skipped"), skipped),
    ]


def export_xlsx(
    rows: Sequence[TeamRow], result: TeamResult, lang: Lang | str, *, skipped: Sequence[SkippedRow] = ()
) -> bytes:
    """The team's results as an Excel workbook: the employees (every row of the file, as in the
    CSV), the totals, and the skipped rows' problems on a sheet of their own (one line per bad cell;
    only when rows were skipped).

    Money cells are numbers with a euro format, so they can be summed and sorted in Excel.
    """

    language = Lang(lang)
    money_format = '"€" #,##0.00;"€" -#,##0.00'
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text(language, "team.export.sheet")
    sheet.append([safe_cell(str(cell)) for cell in _export_header(language)])
    yes, no = text(language, "team.export.yes"), text(language, "team.export.no")
    money_columns = {_EXPORT_COLUMNS.index(name) for name in ("npv", "worst_case", "cost", "benefit")}
    for line in _export_rows(rows, result, skipped, language):
        cells = [
            (yes if cell else no)
            if isinstance(cell, bool)
            else safe_cell(cell)
            if isinstance(cell, str)
            else cell
            for cell in line
        ]
        sheet.append(cells)
        for index in money_columns:
            sheet.cell(row=sheet.max_row, column=index + 1).number_format = money_format
    bold_header(sheet)
    sheet.freeze_panes = "C2"
    fit_columns(sheet, [8, 24, 16, 14, 14, 16, 16, 16, 12, 12, 12, 60])
    totals = workbook.create_sheet(text(language, "team.export.totals_sheet"))
    for label, value in _totals(result, len(skipped), language):
        totals.append([safe_cell(label), value])
        if isinstance(value, float):
            totals.cell(row=totals.max_row, column=2).number_format = money_format
    fit_columns(totals, [44, 18])
    if skipped:
        problems = workbook.create_sheet(text(language, "team.export.skipped_sheet"))
        problems.append([text(language, f"team.export.problem_columns.{name}") for name in _PROBLEM_COLUMNS])
        for row in skipped:
            for error in row.errors:
                line = [row.row, row.label, error.column_name(language), error.reason(language)]
                problems.append([safe_cell(cell) if isinstance(cell, str) else cell for cell in line])
        bold_header(problems)
        problems.freeze_panes = "A2"
        fit_columns(problems, [8, 24, 28, 90])
    return xlsx_bytes(workbook)
