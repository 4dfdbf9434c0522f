"""The team table's display: a month beyond the horizon, written short enough for its column."""

from __future__ import annotations

import pandas as pd
import pytest

from calculators.i18n import Lang
from calculators.scenario.fields import field_spec
from ui.team.table import COLUMN_WIDTHS, header, styled

# The data grid draws cells in a 14 px sans-serif with 8 px of padding each side. Its widest digits
# and letters take about 7 px, so a column of w pixels shows (w - 16) / 7 characters uncut. Seen in
# the team screenshot: "niet binnen 36 mnd" (18 characters) was cut in the 115 px payback column,
# where (115 - 16) / 7 = 14 characters fit.
_PADDING_PX = 16
_CHARACTER_PX = 7


def _frame(lang: Lang, break_even: int, payback: int) -> pd.DataFrame:
    values = {"npv": 10.0, "break_even": break_even, "payback": payback, "worst_case": -5.0, "cost": 5.0}
    return pd.DataFrame({header(name, lang): [value] for name, value in {**values, "benefit": 15.0}.items()})


@pytest.mark.parametrize(("lang", "never"), [(Lang.NL, "> 36 mnd"), (Lang.EN, "> 36 mo")])
def test_a_month_beyond_the_horizon_reads_as_more_than_the_horizon(lang: Lang, never: str) -> None:
    """Pins that the stored horizon + 1 (37 at 36 months) shows as "> 36 mnd", a month within as a number."""
    shown = styled(_frame(lang, 37, 12), 36, lang).to_string()
    row = shown.splitlines()[1]
    assert never in row
    assert " 12 " in f"{row} "
    assert "37" not in row


@pytest.mark.parametrize("lang", list(Lang))
def test_the_longest_never_text_fits_the_narrowest_month_column(lang: Lang) -> None:
    """Pins that "> 120 mnd" at the longest horizon fits uncut in both month columns."""
    longest = int(field_spec("horizon_months").maximum or 0)
    assert longest == 120  # the schema's maximum: if it grows, this text grows with it
    shown = styled(_frame(lang, longest + 1, longest + 1), longest, lang).to_string().splitlines()[1]
    never = f"> {longest} " + ("mnd" if lang is Lang.NL else "mo")
    assert shown.count(never) == 2
    narrowest = min(COLUMN_WIDTHS["break_even"], COLUMN_WIDTHS["payback"])
    assert len(never) <= (narrowest - _PADDING_PX) // _CHARACTER_PX
