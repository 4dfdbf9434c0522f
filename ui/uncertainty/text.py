"""The plain sentences of "how sure is this?": simulation in, sentences out (pure, unit-tested)."""

from __future__ import annotations

from collections.abc import Callable

from calculators.explain import horizon_text
from calculators.formatting import money, number, percent
from calculators.i18n import Lang, text
from calculators.money.monte_carlo import Simulation, TornadoBar
from calculators.scenario.model import Scenario
from ui.uncertainty.charts import uncertain_label

__all__ = ["share_text", "summary_lines"]


def _same(value: str) -> str:
    return value


def share_text(share: float, lang: Lang | str) -> str:
    """A share of cases as a percentage that never rounds "almost all" to 100 % or "a few" to 0 %.

    >>> share_text(0.7312, "nl"), share_text(0.997, "en"), share_text(0.9999, "en"), share_text(0.0, "en")
    ('73\xa0%', '99.7%', '> 99.9%', '0%')
    """
    if 0 < share < 0.0005:
        return "< " + percent(0.001, lang, 1)
    if 0.9995 <= share < 1:
        return "> " + percent(0.999, lang, 1)
    return percent(share, lang, 1 if (0 < share < 0.01 or 0.99 < share < 1) else 0)


def _stay_line(scenario: Scenario, simulation: Simulation, lang: Lang, name: str) -> str:
    horizon = horizon_text(scenario.horizon_months, lang)
    never = share_text(simulation.never_breaks_even, lang)
    p50, p90 = simulation.break_even_p50, simulation.break_even_p90
    if p90 is not None and p90 == 0:
        return text(lang, "uncertainty.stay_at_once", name=name)
    if p50 is not None and p90 is not None:
        return text(
            lang,
            "uncertainty.stay_both",
            name=name,
            p50=horizon_text(int(p50), lang),
            p90=horizon_text(int(p90), lang),
        )
    if p50 is not None:
        return text(
            lang,
            "uncertainty.stay_half",
            name=name,
            p50=horizon_text(int(p50), lang),
            never=never,
            horizon=horizon,
        )
    return text(lang, "uncertainty.stay_never", name=name, never=never, horizon=horizon)


def summary_lines(
    scenario: Scenario,
    simulation: Simulation,
    bars: tuple[TornadoBar, ...],
    lang: Lang,
    escape: Callable[[str], str] = _same,
) -> list[str]:
    """The chance it pays, the range of outcomes, the break-even stays (with why more cases can pay
    than break even at any stay) and what matters most.

    ``escape`` is applied to the user's own label (the UI passes a Markdown escaper).
    """
    label = scenario.employee.label.strip()
    name = escape(label) if label else text(lang, "results.employee_fallback")
    lines = [
        text(lang, "uncertainty.intro", draws=number(simulation.draws, lang)),
        text(lang, "uncertainty.chance", share=share_text(simulation.chance_it_pays, lang)),
        text(
            lang,
            "uncertainty.range",
            p10=money(simulation.p10_eur, lang),
            p50=money(simulation.p50_eur, lang),
            p90=money(simulation.p90_eur, lang),
        ),
        _stay_line(scenario, simulation, lang, name),
    ]
    # More cases pay than break even at any stay: only the expected hiring costs saved because the
    # employee leaves less often (in the NPV, not in the value of a stay) can do that. Say so, or the
    # two sentences read as a contradiction.
    if simulation.chance_it_pays > 1.0 - simulation.never_breaks_even + 1e-9:
        lines.append(text(lang, "uncertainty.stay_vs_chance", name=name))
    moving = [bar for bar in bars if bar.swing_eur >= 0.5]
    if len(moving) >= 2:
        lines.append(
            text(
                lang,
                "uncertainty.most",
                first=uncertain_label(moving[0].name, lang).lower(),
                second=uncertain_label(moving[1].name, lang).lower(),
            )
        )
    return lines
