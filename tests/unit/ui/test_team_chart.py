"""The team chart builder: sorted bars for a small team, a histogram for a large one."""

from __future__ import annotations

import pytest

from ui.charts import PALETTE
from ui.team.chart import MAX_BARS, team_npv_figure


class TestBars:
    """Up to 50 employees: one bar each, best first."""

    def test_sorted_best_first_with_colours_and_dutch_money(self) -> None:
        """Pins the order (€ 900, € 250, € -40), green for a gain, red for a loss, and the labels."""
        figure = team_npv_figure(["Anna", "Bo", "Cas"], [250.0, -40.0, 900.0], "nl")
        (bars,) = figure.data
        assert list(bars.x) == [900.0, 250.0, -40.0]
        assert list(figure.layout.yaxis.ticktext) == ["Cas", "Anna", "Bo"]
        assert list(bars.marker.color) == [PALETTE["good"], PALETTE["good"], PALETTE["bad"]]
        assert [t.replace("\xa0", " ") for t in bars.text] == ["€ 900", "€ 250", "€ -40"]
        assert figure.layout.separators == ",."
        assert figure.layout.yaxis.autorange == "reversed"  # the best at the top

    def test_same_label_twice_keeps_two_bars(self) -> None:
        """Pins that two employees both called "Monteur" are two bars (positions, not names, on the axis)."""
        figure = team_npv_figure(["Monteur", "Monteur"], [1.0, 2.0], "en")
        assert list(figure.data[0].y) == [0, 1]
        assert list(figure.layout.yaxis.ticktext) == ["Monteur", "Monteur"]
        assert list(figure.data[0].text) == ["€2", "€1"]

    def test_english_hover_and_title(self) -> None:
        """Pins the English hover text and title."""
        figure = team_npv_figure(["Anna"], [1234.4], "en")
        assert list(figure.data[0].hovertext) == ["Anna: €1,234"]
        assert figure.layout.title.text == "Net result per employee"

    def test_labels_are_text_not_markup(self) -> None:
        """Pins that a label typed as markup is escaped (plotly shows &lt; as <, but runs no tag)."""
        figure = team_npv_figure(['<a href="https://x.example">klik</a>'], [5.0], "en")
        assert list(figure.layout.yaxis.ticktext) == [
            "&lt;a href=&quot;https://x.example&quot;&gt;klik&lt;/a&gt;"
        ]
        assert "<a" not in figure.data[0].hovertext[0]


class TestHistogram:
    """More than 50 employees: how many fall in each band."""

    def test_counts_add_up_and_bands_are_coloured_by_sign(self) -> None:
        """Pins 51 employees at -100, 0, … 4,900 in steps of 100: 30 bands holding all 51."""
        npv = [-100.0 + 100.0 * i for i in range(MAX_BARS + 1)]
        figure = team_npv_figure([f"P{i}" for i in range(len(npv))], npv, "nl")
        (bars,) = figure.data
        assert sum(bars.y) == len(npv)
        assert len(bars.x) == 30
        colours = list(bars.marker.color)
        assert all(
            c == (PALETTE["good"] if x > 0 else PALETTE["bad"]) for c, x in zip(colours, bars.x, strict=True)
        )
        assert figure.layout.yaxis.title.text == "Aantal medewerkers"

    def test_everyone_the_same(self) -> None:
        """Pins one band of € 1 around a value all 60 employees share."""
        figure = team_npv_figure(["x"] * 60, [500.0] * 60, "en")
        assert sum(figure.data[0].y) == 60
        assert figure.data[0].x[0] == pytest.approx(499.5 + 1 / 60)


def test_names_and_results_must_match() -> None:
    """Pins the refusal of one name short."""
    with pytest.raises(ValueError, match="one name per result"):
        team_npv_figure(["a"], [1.0, 2.0], "nl")
