"""The batch IRR agrees with numpy-financial's irr, series by series."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators.money.irr_batch import irr_batch

money = st.floats(min_value=0.01, max_value=1e5, allow_nan=False, allow_infinity=False)


@st.composite
def conventional(draw: st.DrawFn) -> list[float]:
    """Costs first (some months), then returns (some months): exactly one change of sign."""
    costs = draw(st.lists(money, min_size=1, max_size=6))
    gap = draw(st.lists(st.just(0.0), max_size=3))
    returns = draw(st.lists(st.one_of(money, st.just(0.0)), min_size=1, max_size=40))
    if not any(value > 0 for value in returns):
        returns[-1] = 1.0
    return [-value for value in costs] + gap + returns


def _npf(flows: list[float]) -> float:
    rate = float(npf.irr(flows))
    return rate if math.isfinite(rate) else math.nan


class TestAgreement:
    """Same answers as numpy-financial, wherever it gives one."""

    @settings(max_examples=300, deadline=None)
    @given(st.lists(conventional(), min_size=1, max_size=20))
    def test_one_sign_change(self, batch: list[list[float]]) -> None:
        """Pins agreement within 1e-6 for series with one change of sign (the unique IRR)."""
        width = max(len(series) for series in batch)
        flows = np.array([series + [0.0] * (width - len(series)) for series in batch])
        ours = irr_batch(flows)
        for row, series in enumerate(batch):
            theirs = _npf(series)
            if math.isnan(theirs):
                continue  # numpy-financial found no real root (rounding in np.roots)
            assert abs(ours[row] - theirs) <= 1e-6 * max(1.0, abs(theirs)), (series, ours[row], theirs)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.one_of(st.just(0.0), money, money.map(lambda value: -value)), min_size=2, max_size=30))
    @example([0.0, 0.0, 0.0, 0.0, 0.03125, -201.0])  # found by a CI run: leading zeros slowed Newton
    def test_any_series(self, series: list[float]) -> None:
        """Pins agreement (or NaN for both) for arbitrary series of cents to € 100.000, several sign
        changes included (amounts below a cent, or rates above 10^9 a month, are not cash flows)."""
        ours = float(irr_batch([series])[0])
        theirs = _npf(series)
        if math.isnan(theirs):
            signs = {math.copysign(1, value) for value in series if value != 0}
            if len(signs) < 2:
                assert math.isnan(ours)
            return
        assert abs(ours - theirs) <= 1e-6 * max(1.0, abs(theirs)), (series, ours, theirs)

    def test_leading_zeros_do_not_change_the_rate(self) -> None:
        """Pins full precision after leading zeros (they make x = 0 a multiple root of p).

        0,03125 in month 4 and −201 in month 5: 0,03125·(1 + r) = 201, so 1 + r = 201 / 0,03125 =
        6432 and r = 6431 a month. Before the fix Newton crawled and stopped at 6431,049.
        """
        assert abs(irr_batch([[0.0, 0.0, 0.0, 0.0, 0.03125, -201.0]])[0] - 6431.0) <= 1e-9 * 6431.0
        # and a training paid in month 2: −100, 0, 50, 60 from month 2 on. With x = 1/(1 + r):
        # −100 + 50x² + 60x³ = 0 has one positive root; same rate as without the two leading zeros
        shifted, plain = irr_batch([[0.0, 0.0, -100.0, 0.0, 50.0, 60.0], [-100.0, 0.0, 50.0, 60.0, 0.0, 0.0]])
        assert abs(shifted - plain) <= 1e-12
        x = 1.0 / (1.0 + plain)
        assert abs(-100.0 + 50.0 * x**2 + 60.0 * x**3) <= 1e-9

    def test_no_sign_change_is_nan(self) -> None:
        """Pins NaN for series that are all costs, all returns, or all zero."""
        assert np.isnan(irr_batch([[-1.0, -2.0, 0.0], [1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])).all()

    def test_known_value(self) -> None:
        """−1000 now and 1100 after twelve months: (1.1)^(1/12) − 1 = 0.0079741404 a month."""
        flows = [-1000.0] + [0.0] * 11 + [1100.0]
        assert (
            irr_batch([flows])[0] == np.float64(1.1 ** (1 / 12) - 1).round(15)
            or abs(irr_batch([flows])[0] - (1.1 ** (1 / 12) - 1)) < 1e-12
        )
