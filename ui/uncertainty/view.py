"""The results page's "how sure is this?" section: chance it pays, NPV histogram, tornado and fan.

Owners see the answer with the default ranges; advisors can change the number of runs and each
uncertain input's range. The chosen ranges live in the user's session only and apply in both modes,
so switching role never changes the figures. Simulations are remembered per (scenario, ranges, runs)
in the session (ui/cache.py), so an unchanged page never runs the model again.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

import streamlit as st

from calculators.formatting import number, percent
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import (
    UNCERTAIN,
    Distribution,
    Simulation,
    TornadoBar,
    allowed_limits,
    ranges_for,
    simulate,
    tornado,
)
from calculators.scenario.model import Scenario
from ui.cache import session_memo
from ui.chart_view import show_chart
from ui.lazy import lazy_tabs
from ui.role import Role
from ui.safe_text import escape_markdown
from ui.session import DRAWS_KEY, RANGES_RESET_KEY, range_key
from ui.uncertainty.charts import fan_figure, npv_histogram_figure, tornado_figure, uncertain_label
from ui.uncertainty.settings import (
    DRAW_CHOICES,
    changed_by_advisor,
    chosen_draws,
    chosen_ranges,
    reset_settings,
    seed_settings,
    typed_range,
    within,
)
from ui.uncertainty.text import summary_lines

__all__ = ["session_simulation", "show_uncertainty"]


def _reset() -> None:
    reset_settings(st.session_state)


def _settings(ranges: Mapping[str, Distribution], lang: Lang) -> None:
    """Advisor mode: the number of runs and every range, each end bounded by the input's allowed range."""
    with st.expander(text(lang, "uncertainty.settings.title"), icon=":material/tune:"):
        st.caption(text(lang, "uncertainty.settings.intro"))
        st.select_slider(
            text(lang, "uncertainty.settings.draws_label"),
            options=DRAW_CHOICES,
            key=DRAWS_KEY,
            format_func=lambda value: number(value, lang),
            help=text(lang, "uncertainty.settings.draws_help"),
            persist_state="session",
        )
        chosen = chosen_ranges(st.session_state)
        for name in UNCERTAIN:
            label = uncertain_label(name, lang)
            lowest, highest = allowed_limits(name)
            help_ = text(
                lang,
                "uncertainty.settings.range_help",
                min=percent(lowest, lang, 0),
                max=percent(highest, lang, 0),
                mode=percent(ranges[name].mode, lang, 1),
            )
            left, right = st.columns(2)
            for column, end in ((left, "low"), (right, "high")):
                with column:
                    st.number_input(  # no browser-side bounds: refused out loud below instead
                        text(lang, f"uncertainty.settings.{end}_label", name=label),
                        step=0.5,
                        format="%g",
                        key=range_key(name, end),
                        help=help_,
                        persist_state="session",
                    )
            typed = typed_range(st.session_state, name)
            if any(
                isinstance(value, int | float) and not within(name, float(value) / 100.0) for value in typed
            ):
                st.error(
                    text(
                        lang,
                        "uncertainty.settings.out_of_range",
                        name=label,
                        min=percent(lowest, lang, 0),
                        max=percent(highest, lang, 0),
                    ),
                    icon=":material/error:",
                )
            given = chosen.get(name)
            used = ranges[name]
            if given is not None and (
                abs(min(given) - used.low) > 1e-9 or abs(max(given) - used.high) > 1e-9
            ):
                st.caption(
                    text(
                        lang,
                        "uncertainty.settings.widened",
                        name=label,
                        low=percent(used.low, lang, 1),
                        high=percent(used.high, lang, 1),
                    )
                )
        st.button(
            text(lang, "uncertainty.settings.reset"),
            key=RANGES_RESET_KEY,
            on_click=_reset,
            icon=":material/restart_alt:",
        )


SimulationKey = tuple[Scenario, tuple[tuple[str, Distribution], ...], int]


def session_simulation(scenario: Scenario) -> tuple[Simulation, SimulationKey]:
    """The simulation of a scenario with this session's ranges and run count (remembered per session)."""
    state = st.session_state
    seed_settings(state)
    ranges = ranges_for(scenario, chosen_ranges(state))
    draws = chosen_draws(state)
    key = (scenario, tuple(sorted(ranges.items())), draws)
    simulation: Simulation = session_memo("simulation", key, lambda: simulate(scenario, draws, ranges=ranges))
    return simulation, key


def show_uncertainty(scenario: Scenario, lang: Lang, role: Role) -> None:
    """The whole section, for a valid scenario."""
    simulation, key = session_simulation(scenario)
    ranges = dict(key[1])
    st.subheader(text(lang, "uncertainty.title"), anchor=False)
    if role is Role.ADVISOR:
        _settings(ranges, lang)
    elif changed_by_advisor(st.session_state):
        st.caption(text(lang, "uncertainty.advisor_ranges"))
    bars: tuple[TornadoBar, ...] = session_memo("tornado", key[:2], lambda: tornado(scenario, ranges))
    lines = summary_lines(scenario, simulation, bars, lang, escape_markdown)
    with st.container(key="uncertainty_summary"):
        st.markdown(f"**{lines[1]}**")
        for line in (lines[0], *lines[2:]):
            st.markdown(line)
    lazy_tabs(
        "tabs_uncertainty",
        lang,
        (
            (
                "histogram",
                text(lang, "uncertainty.tabs.histogram"),
                partial(show_chart, "histogram", (key, lang), lambda: npv_histogram_figure(simulation, lang)),
            ),
            (
                "fan",
                text(lang, "uncertainty.tabs.fan"),
                partial(show_chart, "fan", (key, lang), lambda: fan_figure(simulation, lang)),
            ),
            (
                "tornado",
                text(lang, "uncertainty.tabs.tornado"),
                partial(show_chart, "tornado", (key[:2], lang), lambda: tornado_figure(bars, lang)),
            ),
        ),
    )
    st.caption(text(lang, "uncertainty.method"))
