"""The pure parts of "how sure is this?": the three figures and the sentences.

Expected values are computed independently here: the histogram's shares by counting the draws per
bin with plain Python, the fan's rows from the simulation's percentiles, the tornado's bar ends from
the tornado bars, and the sentences' figures with the formatting functions.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from calculators import evaluate, scenario_from_dict
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import (
    FAN_PERCENTILES,
    Distribution,
    Simulation,
    default_ranges,
    simulate,
    tornado,
)
from ui.uncertainty.charts import fan_figure, npv_histogram_figure, tornado_figure, uncertain_label
from ui.uncertainty.text import share_text, summary_lines

LANGS = [Lang.NL, Lang.EN]
SCENARIO = scenario_from_dict({"employee": {"label": "Sanne"}, "benefits": {"productivity_gain": 0.03}})


@pytest.fixture(scope="module")
def simulation() -> Simulation:
    return simulate(SCENARIO, 4000, seed=7)


class TestHistogram:
    @pytest.mark.parametrize("lang", LANGS)
    def test_bars_hold_every_draw_and_zero_is_marked(self, simulation: Simulation, lang: Lang) -> None:
        """Pins that the bar heights are the shares of draws per bin (counted here by hand) and add up
        to one, losses are red and gains green, and a vertical line stands at € 0."""
        figure = npv_histogram_figure(simulation, lang)
        bar = figure.data[0]
        shares = np.array(bar.y)
        assert shares.sum() == pytest.approx(1.0)
        width = bar.width
        centres = np.array(bar.x)
        draws = simulation.npv_eur
        for index in (0, len(centres) // 2, len(centres) - 1):
            # the bin's edges, rebuilt from centre and width (a rounding hair wide: the extreme draws
            # lie exactly on the outer edges)
            tol = 1e-9 * (1 + abs(centres[index]))
            low, high = centres[index] - width / 2 - tol, centres[index] + width / 2 - tol
            last = index == len(centres) - 1
            inside = sum(1 for v in draws if low <= v and (v < high or (last and v <= high + 2 * tol)))
            assert shares[index] == pytest.approx(inside / len(draws), abs=1e-9)
        colours = {c > 0: colour for c, colour in zip(centres, bar.marker.color, strict=True)}
        assert colours[True] != colours[False]
        (line,) = figure.layout.shapes
        assert (line.x0, line.x1) == (0, 0)
        assert figure.layout.title.text == text(lang, "uncertainty.chart.histogram_title")

    def test_a_point_distribution_still_draws(self) -> None:
        """Pins that draws that are all equal give one visible bar instead of an error."""
        point = {name: Distribution(d.mode, d.mode, d.mode) for name, d in default_ranges(SCENARIO).items()}
        figure = npv_histogram_figure(simulate(SCENARIO, 100, ranges=point), Lang.NL)
        assert max(figure.data[0].y) == pytest.approx(1.0)


class TestFan:
    @pytest.mark.parametrize("lang", LANGS)
    def test_bands_and_middle_line_are_the_simulations_percentiles(
        self, simulation: Simulation, lang: Lang
    ) -> None:
        """Pins the middle line = P50, the inner band = P25…P75, the outer band = P10…P90, month by month."""
        figure = fan_figure(simulation, lang)
        rows = dict(zip(FAN_PERCENTILES, simulation.fan, strict=True))
        by_name = {trace.name: trace for trace in figure.data if trace.name}
        assert list(by_name[text(lang, "uncertainty.chart.fan_middle")].y) == list(rows[50])
        assert list(by_name[text(lang, "uncertainty.chart.fan_inner")].y) == list(rows[75])
        assert list(by_name[text(lang, "uncertainty.chart.fan_outer")].y) == list(rows[90])
        lower_edges = [trace for trace in figure.data if not trace.name]
        assert [list(trace.y) for trace in lower_edges] == [list(rows[10]), list(rows[25])]
        assert list(figure.data[0].x) == list(range(1, SCENARIO.horizon_months + 1))


class TestTornado:
    @pytest.mark.parametrize("lang", LANGS)
    def test_bars_run_from_the_npv_to_each_end(self, lang: Lang) -> None:
        """Pins each bar: base at the scenario's NPV (evaluate's, independently), length = NPV at that
        end − NPV; widest on top."""
        bars = tornado(SCENARIO)
        npv = evaluate(SCENARIO).npv_eur
        figure = tornado_figure(bars, lang)
        low, high = figure.data
        assert list(low.y) == [uncertain_label(bar.name, lang) for bar in reversed(bars)]
        assert list(low.x) == pytest.approx([bar.npv_at_low_eur - npv for bar in reversed(bars)])
        assert list(high.x) == pytest.approx([bar.npv_at_high_eur - npv for bar in reversed(bars)])
        assert low.base == pytest.approx(npv, rel=1e-12)
        assert low.y[-1] == uncertain_label(bars[0].name, lang)
        assert bars[0].swing_eur >= bars[-1].swing_eur


class TestSentences:
    @pytest.mark.parametrize(
        ("share", "nl", "en"),
        [
            (0.0, "0\xa0%", "0%"),
            (0.3149, "31\xa0%", "31%"),  # 31.49 % rounds down
            (0.005, "0,5\xa0%", "0.5%"),  # below 1 %: one decimal, never "1 %" or "0 %"
            (0.0002, "<\xa00,1\xa0%".replace("<\xa0", "< "), "< 0.1%"),
            (0.997, "99,7\xa0%", "99.7%"),  # above 99 %: one decimal, never "100 %"
            (0.9996, "> 99,9\xa0%", "> 99.9%"),
            (1.0, "100\xa0%", "100%"),
        ],
    )
    def test_share_never_rounds_to_certainty(self, share: float, nl: str, en: str) -> None:
        """Pins the shares as written by hand: only 0 and 1 themselves read as 0 % and 100 %."""
        assert (share_text(share, Lang.NL), share_text(share, Lang.EN)) == (nl, en)

    @pytest.mark.parametrize("lang", LANGS)
    def test_lines_carry_the_simulations_figures(self, simulation: Simulation, lang: Lang) -> None:
        """Pins the chance, P10/P50/P90 in money, and the two inputs that matter most, in order."""
        bars = tornado(SCENARIO)
        lines = summary_lines(SCENARIO, simulation, bars, lang)
        assert share_text(simulation.chance_it_pays, lang) in lines[1]
        for value in (simulation.p10_eur, simulation.p50_eur, simulation.p90_eur):
            assert money(value, lang) in lines[2]
        assert "Sanne" in lines[3]
        first, second = (uncertain_label(bar.name, lang).lower() for bar in bars[:2])
        assert lines[-1] == text(lang, "uncertainty.most", first=first, second=second)

    @pytest.mark.parametrize(
        ("chance", "never", "explained"),
        [
            (0.72, 0.53, True),  # 72 % pay, but only 47 % break even at some stay: needs the reason
            (0.47, 0.53, False),  # exactly the cases that break even: nothing to explain
            (0.40, 0.53, False),
            (0.99, 0.0, False),
        ],
    )
    def test_more_paying_than_breaking_even_is_explained(
        self, simulation: Simulation, chance: float, never: float, explained: bool
    ) -> None:
        """Pins the sentence that reconciles "chance it pays" with "never pays back, however long
        {name} stays": shown exactly when more cases pay than break even at any stay (1 − never)."""
        changed = replace(simulation, chance_it_pays=chance, never_breaks_even=never)
        for lang in LANGS:
            lines = summary_lines(SCENARIO, changed, tornado(SCENARIO), lang)
            reason = text(lang, "uncertainty.stay_vs_chance", name="Sanne")
            assert (reason in lines) is explained

    def test_money_accepts_numpy_floats(self) -> None:
        """Regression: money(np.float64) failed because numpy 2's repr is 'np.float64(…)'."""
        assert money(np.float64(-1234.4), Lang.NL) == "€\xa0-1.234"

    def test_label_is_escaped(self) -> None:
        """Pins that the escaper is applied to the user's label and nothing else."""
        scenario = scenario_from_dict({"employee": {"label": "*Sanne*"}})
        sim = simulate(scenario, 200)
        lines = summary_lines(scenario, sim, tornado(scenario), Lang.EN, lambda s: s.replace("*", "\\*"))
        assert "\\*Sanne\\*" in lines[3]
