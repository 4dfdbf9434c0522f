"""The team page's table: one line per employee, in the order chosen, formatted the language's way.

Pure (pandas, no Streamlit): the page (ui/team/results.py) draws what is built here, and the headers
come from the content catalogue in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd

from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.team.figures import TeamResult
from calculators.team.read import TeamFile, TeamRow

__all__ = [
    "COLUMN_WIDTHS",
    "FLAGS",
    "SORTS",
    "header",
    "row_name",
    "sorted_frame",
    "styled",
    "team_frame",
]

SORTS = ("row", "npv", "break_even", "payback", "worst_case", "cost", "benefit")
FLAGS = ("dead_end", "soonest", "clause")  # yes/no columns, drawn as check boxes
_MONEY = ("npv", "worst_case", "cost", "benefit")
_MONTHS = ("break_even", "payback")
COLUMN_WIDTHS = {  # pixels; together they fit the page at a 1280-pixel-wide window
    "row": 45,
    "label": 140,
    "npv": 100,
    "break_even": 125,
    "payback": 115,
    "worst_case": 115,
    "cost": 95,
    "benefit": 105,
    "dead_end": 90,
    "soonest": 90,
    "clause": 90,
}


def row_name(row: TeamRow, lang: Lang) -> str:
    return row.label or text(lang, "team.row_label", row=row.row)


def header(name: str, lang: Lang) -> str:
    return text(lang, f"team.table.{name}")


def team_frame(team: TeamFile, result: TeamResult, lang: Lang) -> pd.DataFrame:
    """One line per employee with raw values, so numbers sort as numbers; headers in ``lang``.

    A month that is never reached within the horizon (no payback, no break-even stay) is stored as
    horizon + 1: it sorts after every real month, and the table shows it as "> horizon" ("> 36 mnd").
    """
    never = team.rows[0].scenario.horizon_months + 1 if team.rows else 1

    def month(value: int | None) -> int:
        return never if value is None else value

    members = result.members
    data: dict[str, list[object]] = {
        header("row", lang): [row.row for row in team.rows],
        header("label", lang): [row_name(row, lang) for row in team.rows],
        header("npv", lang): [m.npv_eur for m in members],
        header("break_even", lang): [month(m.break_even_stay_months) for m in members],
        header("payback", lang): [month(m.payback_month) for m in members],
        header("worst_case", lang): [m.worst_case_eur for m in members],
        header("cost", lang): [m.total_cost_eur for m in members],
        header("benefit", lang): [m.expected_benefit_eur for m in members],
        header("dead_end", lang): [m.dead_end_candidate for m in members],
        header("soonest", lang): [m.pays_off_soonest for m in members],
        header("clause", lang): [m.clause_not_allowed for m in members],
    }
    return pd.DataFrame(data)


def styled(frame: pd.DataFrame, horizon: int, lang: Lang) -> pd.io.formats.style.Styler:
    """Money the language's way (€ 1.234); a month beyond the horizon as "> 36 mnd" (it fits the column)."""
    money_columns: list[Hashable] = [header(name, lang) for name in _MONEY]
    month_columns: list[Hashable] = [header(name, lang) for name in _MONTHS]
    never = text(lang, "team.never", horizon=horizon)
    styler = frame.style.format(_money_formatter(lang), subset=money_columns)
    return styler.format(_month_formatter(horizon, never), subset=month_columns)


def _money_formatter(lang: Lang) -> Callable[[Any], str]:
    return lambda value: money(float(value), lang)


def _month_formatter(horizon: int, never: str) -> Callable[[Any], str]:
    return lambda value: never if int(value) > horizon else str(int(value))


def sorted_frame(frame: pd.DataFrame, by: str, descending: bool, lang: Lang) -> pd.DataFrame:
    """The table in the chosen order (``by`` one of :data:`SORTS`); ties keep the file's order.

    A month never reached is stored as horizon + 1 (see :func:`team_frame`), so it sorts after
    every real month.
    """
    column = header(by if by in SORTS else "row", lang)
    return frame.sort_values(column, ascending=not descending, kind="stable").reset_index(drop=True)
