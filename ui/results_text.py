"""The plain-language reading of a result: headline and key figures as strings. Pure and tested."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from calculators.break_even import Lever, Threshold
from calculators.evaluate import Result
from calculators.formatting import money, percent
from calculators.i18n import Lang, text
from calculators.scenario import Scenario

__all__ = ["KeyFigures", "headline", "horizon_text", "key_figures", "what_if_lines"]


def horizon_text(months: int, lang: Lang | str) -> str:
    """'36 maanden' / '36 months' / '1 month'."""
    return text(lang, "units.months_one" if months == 1 else "units.months", value=months)


def _same(value: str) -> str:
    return value


def headline(
    scenario: Scenario, result: Result, lang: Lang | str, *, escape: Callable[[str], str] = _same
) -> str:
    """One sentence with the user's own numbers; says plainly when the training does not pay.

    ``escape`` is applied to the user's own label (the UI passes a Markdown escaper).
    """
    label = scenario.employee.label.strip()
    values = {
        "name": escape(label) if label else text(lang, "results.employee_fallback"),
        "npv": money(result.npv_eur, lang),
        "horizon": horizon_text(result.horizon_months, lang),
    }
    stay = result.break_even_stay_months
    if stay is not None:
        values["stay"] = horizon_text(stay, lang)
    if result.pays_off:
        if stay == 0:
            return text(lang, "results.headline_pays_at_once", **values)
        if stay is None:
            return text(lang, "results.headline_pays_by_retention", **values)
        return text(lang, "results.headline_pays", **values)
    if stay is not None:
        return text(lang, "results.headline_stay_but_risky", **values)
    return text(lang, "results.headline_no", **values)


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The figures shown as metrics, already formatted."""

    npv: str
    break_even_stay: str
    payback: str
    worst_case: str
    roi: str


def key_figures(result: Result, lang: Lang | str) -> KeyFigures:
    """Format the key figures of a result for display."""
    # metric cards are narrow: "> 36 maanden" there, the full sentence in the headline and help
    never = text(lang, "results.never_short", horizon=horizon_text(result.horizon_months, lang))
    stay = result.break_even_stay_months
    return KeyFigures(
        npv=money(result.npv_eur, lang),
        break_even_stay=horizon_text(stay, lang) if stay is not None else never,
        payback=text(lang, "units.month", value=result.payback_month) if result.payback_month else never,
        worst_case=money(result.worst_case_eur, lang),
        roi=percent(result.roi_pct / 100, lang, 0)
        if result.roi_pct is not None
        else text(lang, "results.not_defined"),
    )


def what_if_lines(found: tuple[Threshold, ...], lang: Lang | str) -> list[str]:
    """One line per lever that can make the training pay on its own."""
    lines = []
    for item in found:
        if item.needed is None:
            continue
        if item.lever is Lever.PRODUCTIVITY_GAIN:
            lines.append(
                text(
                    lang,
                    "results.what_if_gain",
                    value=percent(item.needed, lang),
                    current=percent(item.current, lang),
                )
            )
        elif item.lever is Lever.COURSE_FEES:
            lines.append(
                text(
                    lang,
                    "results.what_if_fees",
                    value=money(item.needed, lang),
                    current=money(item.current, lang),
                )
            )
        elif item.lever is Lever.QUIT_PROBABILITY:
            lines.append(
                text(
                    lang,
                    "results.what_if_quit",
                    value=percent(item.needed, lang),
                    current=percent(item.current, lang),
                )
            )
        else:
            lines.append(text(lang, "results.what_if_subsidy", value=money(item.needed, lang)))
    return lines
