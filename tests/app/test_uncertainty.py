"""The results page's "how sure is this?" section in AppTest: it shows the calculators' figures,
advisors can change the run count and the ranges, and the choice survives role and language switches.

Expected sentences come from calculators.money.monte_carlo.simulate with the same ranges and run count,
phrased by ui.uncertainty.text (the page must show exactly those).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculators import scenario_from_dict
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import UNCERTAIN, ranges_for, simulate, tornado
from tests.app.helpers import goto, open_results_tab
from ui.safe_text import escape_markdown
from ui.session import DRAWS_KEY, range_key, tabs_key
from ui.uncertainty.text import summary_lines

APP = Path(__file__).resolve().parents[2] / "app.py"
GAIN = "benefits.productivity_gain"


def _app(role: str = "owner", lang: Lang = Lang.NL) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    if lang is not Lang.NL:
        at.segmented_control(key="lang").set_value(lang.value).run()
    at.segmented_control(key="role").set_value(role).run()
    return open_results_tab(goto(at, "results"), "uncertainty", lang.value)  # it stays open from here on


def _expected(
    lang: Lang, draws: int = 10_000, chosen: dict[str, tuple[float, float]] | None = None
) -> list[str]:
    scenario = scenario_from_dict({})
    ranges = ranges_for(scenario, chosen)
    return summary_lines(
        scenario, simulate(scenario, draws, ranges=ranges), tornado(scenario, ranges), lang, escape_markdown
    )


def _shown(at: AppTest) -> list[str]:
    return [element.value for element in at.markdown]


@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_owner_sees_the_calculators_answer_without_settings(lang: Lang) -> None:
    """Pins the heading, every sentence (chance in bold), three charts (a tab each), no range inputs."""
    at = _app("owner", lang)
    assert not at.exception
    assert text(lang, "uncertainty.title") in [h.value for h in at.subheader]
    lines = _expected(lang)
    shown = _shown(at)
    assert f"**{lines[1]}**" in shown
    for line in (lines[0], *lines[2:]):
        assert line in shown
    for tab, key in (("histogram", "chart_histogram"), ("fan", "chart_fan"), ("tornado", "chart_tornado")):
        at.session_state[tabs_key("tabs_uncertainty", lang)] = text(lang, f"uncertainty.tabs.{tab}")
        at.run()  # a tab draws its chart only while it is open
        chart_ids = [chart.proto.id for chart in at.get("plotly_chart")]
        assert sum(chart_id.endswith(f"-{key}") for chart_id in chart_ids) == 1, key
    assert not [widget for widget in at.number_input if widget.key and widget.key.startswith("mc__")]


def test_advisor_changes_runs_and_a_range() -> None:
    """Pins that 1,000 runs and a productivity gain range of 1 … 8 % give the calculators' sentences."""
    at = _app("advisor")
    assert len([w for w in at.number_input if w.key and w.key.startswith("mc__")]) == 2 * len(UNCERTAIN)
    at.select_slider(key=DRAWS_KEY).set_value(1_000).run()
    at.number_input(key=range_key(GAIN, "low")).set_value(1.0).run()
    at.number_input(key=range_key(GAIN, "high")).set_value(8.0).run()
    assert not at.exception
    lines = _expected(Lang.NL, 1_000, {GAIN: (0.01, 0.08)})
    assert f"**{lines[1]}**" in _shown(at)
    assert lines[0] in _shown(at)
    assert "1.000" in lines[0]


def test_range_choice_survives_role_and_language_switch() -> None:
    """Pins that an advisor's range still applies in owner mode (with a note) and in English."""
    at = _app("advisor")
    at.number_input(key=range_key(GAIN, "high")).set_value(12.0).run()
    chosen = {GAIN: (0.0, 0.12)}
    at.segmented_control(key="role").set_value("owner").run()
    assert f"**{_expected(Lang.NL, chosen=chosen)[1]}**" in _shown(at)
    assert text(Lang.NL, "uncertainty.advisor_ranges") in [c.value for c in at.caption]
    at.segmented_control(key="lang").set_value("en").run()
    assert f"**{_expected(Lang.EN, chosen=chosen)[1]}**" in _shown(at)
    at.segmented_control(key="role").set_value("advisor").run()
    assert at.number_input(key=range_key(GAIN, "high")).value == 12.0


def test_reset_restores_the_default_ranges() -> None:
    """Pins the reset button: back to 10,000 runs and the plausible ranges, the default sentences."""
    at = _app("advisor")
    at.number_input(key=range_key(GAIN, "high")).set_value(20.0).run()
    at.button(key="mc__reset").click().run()
    assert at.number_input(key=range_key(GAIN, "high")).value == 5.0  # plausible 0 … 5 % (defaults.yaml)
    assert f"**{_expected(Lang.NL)[1]}**" in _shown(at)


def test_a_range_that_misses_the_value_is_widened_with_a_note() -> None:
    """Gain 2 % (default) with a chosen range 3 … 6 %: the low end becomes 2 % and a note says so."""
    at = _app("advisor")
    at.number_input(key=range_key(GAIN, "high")).set_value(6.0).run()
    at.number_input(key=range_key(GAIN, "low")).set_value(3.0).run()
    captions = [c.value for c in at.caption]
    assert any(
        c.startswith(text(Lang.NL, "uncertainty.inputs.benefits__productivity_gain")) for c in captions
    )
    assert f"**{_expected(Lang.NL, chosen={GAIN: (0.03, 0.06)})[1]}**" in _shown(at)
