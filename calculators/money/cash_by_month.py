"""Cash by month: what goes out and what comes in each month, undiscounted, and the running totals.

Notes
-----
An owner thinks in "what do I pay, and when do I get it back", before any discounting. Every figure
here is a named line of the month table of :func:`calculators.money.evaluate.evaluate`
(docs/money-model.md §8, "Monthly table"), regrouped, never recomputed:

- **money out** = direct costs + wage cost of the training hours + lost output or cover (§3) + any
  increase in expected replacement costs (§6);
- **money in** = subsidies and fund contributions (§3) + productivity + other yearly benefits + the
  margin of new work + the vacancy filled internally (§5) + the saving on replacement costs (§6)
  + the clause's recovery (§7);
- **net** = money in − money out, which is the model's net flow of the month (the subsidies move
  from "costs minus subsidies" to "money in"; the difference is nothing);
- **running total** = Σ net up to the month, undiscounted; the discounted net ``d(m) × net(m)`` and
  its running total are the cumulative line of the chart on the page (§1, §8).

Every line is an *expected* amount: benefits and recoveries weighted by the chance the employee is
still there (§4), so a month's figure is an average over what can happen, not a bank transfer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from calculators.i18n import Lang, text
from calculators.money.evaluate import MonthRow, Result

__all__ = [
    "CASH_COLUMNS",
    "CashMonth",
    "CashTotals",
    "cash_by_month",
    "cash_csv",
    "cash_header",
    "cash_totals",
    "cash_xlsx",
]

# the columns in order: the field of CashMonth, its header is content key cash.columns.<name>
CASH_COLUMNS = (
    "month",
    "money_out_eur",
    "money_in_eur",
    "net_eur",
    "running_total_eur",
    "discounted_net_eur",
    "running_discounted_eur",
)


@dataclass(frozen=True, slots=True)
class CashMonth:
    """One month of the cash view (amounts in euros, expected over who stays)."""

    month: int
    money_out_eur: float
    money_in_eur: float
    net_eur: float
    running_total_eur: float
    discounted_net_eur: float
    running_discounted_eur: float


def money_out(row: MonthRow) -> float:
    """Direct + wage + lost output/cover + replacement increase (§3, §6)."""
    return row.direct_cost + row.wage_cost + row.lost_output + max(row.replacement_change, 0.0)


def money_in(row: MonthRow) -> float:
    """Subsidies + productivity + other + new work + vacancy + replacement saving + clause recovery
    (§3, §5–§7)."""
    return (
        row.subsidy
        + row.productivity
        + row.other_benefit
        + row.new_work
        + row.vacancy
        + row.replacement_saving
        + row.clause_recovery
    )


def cash_by_month(result: Result) -> tuple[CashMonth, ...]:
    """The months of ``result`` as money out, money in, net and the running totals.

    >>> from calculators.money.evaluate import evaluate
    >>> from calculators.scenario.io import scenario_from_dict
    >>> r = evaluate(scenario_from_dict({"training": {"course_fees_eur": 1000, "hours": 0},
    ...     "benefits": {"productivity_gain": 0}, "retention": {"quit_probability_change": 0}}))
    >>> first = cash_by_month(r)[0]
    >>> first.money_out_eur, first.money_in_eur, first.running_total_eur  # the fee, nothing back
    (1000.0, 0.0, -1000.0)
    """
    months = []
    running = 0.0
    for row in result.months:
        running += row.net
        months.append(
            CashMonth(
                month=row.month,
                money_out_eur=money_out(row),
                money_in_eur=money_in(row),
                net_eur=row.net,
                running_total_eur=running,
                discounted_net_eur=row.discounted_net,
                running_discounted_eur=row.cumulative_discounted_net,
            )
        )
    return tuple(months)


@dataclass(frozen=True, slots=True)
class CashTotals:
    """The horizon's money out and in, undiscounted; ``net_eur`` is the last running total."""

    money_out_eur: float
    money_in_eur: float
    net_eur: float


def cash_totals(months: Sequence[CashMonth]) -> CashTotals:
    """Σ money out and Σ money in over the months, and the running total of the last month.

    >>> cash_totals([CashMonth(1, 100.0, 20.0, -80.0, -80.0, -80.0, -80.0),
    ...              CashMonth(2, 0.0, 50.0, 50.0, -30.0, 49.0, -31.0)])
    CashTotals(money_out_eur=100.0, money_in_eur=70.0, net_eur=-30.0)
    """
    return CashTotals(
        money_out_eur=sum(m.money_out_eur for m in months),
        money_in_eur=sum(m.money_in_eur for m in months),
        net_eur=months[-1].running_total_eur if months else 0.0,
    )


def cash_header(lang: Lang | str) -> tuple[str, ...]:
    """The column headers in ``lang`` (content/i18n: cash.columns.*)."""
    return tuple(text(lang, f"cash.columns.{name}") for name in CASH_COLUMNS)


def _values(month: CashMonth) -> list[float | int]:
    return [getattr(month, name) for name in CASH_COLUMNS]


def cash_csv(result: Result, lang: Lang | str) -> bytes:
    """The cash view as CSV for a spreadsheet in ``lang``: Dutch Excel reads ``;`` and a decimal comma,
    English ``,`` and a point. Only numbers and our own headers, so no cell can start a formula
    (OWASP ASVS 5.0 1.2.10; sources.yaml: owasp_asvs_formula_injection). UTF-8 with a BOM (for €).

    >>> from calculators.money.evaluate import evaluate
    >>> from calculators.scenario.io import default_scenario
    >>> cash_csv(evaluate(default_scenario()), "nl").decode("utf-8-sig").splitlines()[0].split(";")[0]
    'Maand'
    """
    language = Lang(lang)
    delimiter, decimal = (";", ",") if language is Lang.NL else (",", ".")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(cash_header(language))
    for month in cash_by_month(result):
        cells = _values(month)
        writer.writerow([str(cells[0]), *(f"{value:.2f}".replace(".", decimal) for value in cells[1:])])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def cash_xlsx(result: Result, lang: Lang | str) -> bytes:
    """The cash view as an Excel workbook: one sheet, numbers as numbers (two decimals shown)."""
    language = Lang(lang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text(language, "cash.sheet")
    sheet.append(list(cash_header(language)))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for month in cash_by_month(result):
        sheet.append(_values(month))
    for row in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = "#,##0.00"
    for letter, width in zip("ABCDEFG", _widths(cash_header(language)), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _widths(header: Sequence[str]) -> list[int]:
    return [max(10, len(name) + 2) for name in header]
