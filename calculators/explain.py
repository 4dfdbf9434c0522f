"""What the person reads, built once from the calculators' results: the headline in words, the key
figures formatted, "what would have to change" with its direction, the dead-end answer, and the
argument cards — for the results page, the report and ``python -m calculators explain`` alike.

Notes
-----
Every number in these texts is a named figure of a result object (:class:`~calculators.money.evaluate.
Result`, its ``breakdown``, :class:`~calculators.dead_end.results.DeadEndComparison`, the break-even
:class:`~calculators.money.break_even.Threshold` values): nothing here sums money a second time. The
headline's kind says which question it answers: ``pays`` / ``does_not_pay`` for the training on its
own, ``dead_end_comparison`` for an employee on a dead-end track, whose answer is the comparison's
(docs/dead-end-model.md §3.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from calculators.arguments import OWNER_CARDS, ChosenCard, select_cards
from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison
from calculators.formatting import money, percent
from calculators.i18n import Lang, plural, text
from calculators.money.break_even import Lever, Threshold, thresholds
from calculators.money.evaluate import Result, evaluate
from calculators.scenario.model import RoleOutlook, Scenario

__all__ = [
    "Change",
    "Headline",
    "HeadlineKind",
    "KeyFigures",
    "Reading",
    "answer_lines",
    "comparison_headline",
    "headline",
    "horizon_text",
    "key_figures",
    "option_name",
    "read",
    "what_if_lines",
    "what_would_change",
]


def horizon_text(months: int, lang: Lang | str) -> str:
    """'36 maanden' / '36 months' / '1 month'."""
    return plural(lang, "units.months", months, value=months)


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
    if stay == 0:
        # the training's own costs are covered at any stay (a clause, subsidies), yet the expectation is
        # negative: only what a certain stay leaves out can do that — more leavers to replace
        extra = result.breakdown.replacement_increase
        if extra >= 0.5:
            return text(lang, "results.headline_covered_but_replacement", extra=money(extra, lang), **values)
        return text(lang, "results.headline_covered_but_negative", **values)
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


_WHAT_IF = {
    Lever.PRODUCTIVITY_GAIN: "gain",
    Lever.COURSE_FEES: "fees",
    Lever.QUIT_PROBABILITY: "quit",
    Lever.EXTRA_SUBSIDY: "subsidy",
}


def what_if_lines(found: tuple[Threshold, ...], lang: Lang | str) -> list[str]:
    """One line per lever that can make the training pay on its own, worded by its direction
    ("at least" / "at most"); a lever whose current value already lies on the paying side is left
    out: it is no change, and the model says it does not pay (a lever that is not monotone)."""
    lines = []
    for item in found:
        if item.needed is None or item.direction is None or item.already_met:
            continue
        as_money = item.lever in {Lever.COURSE_FEES, Lever.EXTRA_SUBSIDY}
        shown = money if as_money else percent
        lines.append(
            text(
                lang,
                f"results.what_if_{_WHAT_IF[item.lever]}_{item.direction.value}",
                value=shown(item.needed, lang),
                current=shown(item.current, lang),
            )
        )
    if lines:  # a list of alternatives: each ends in ";" but the last
        lines[-1] = lines[-1].removesuffix(";") + "."
    return lines


def option_name(lang: Lang | str, option: str) -> str:
    """The name of a dead-end option in the user's language."""
    return text(lang, f"dead_end.options.{option}")


def comparison_headline(result: DeadEndComparison, lang: Lang) -> str:
    """The cheapest available option and its margin over the next available one."""
    return text(
        lang,
        "dead_end.cheapest",
        option=option_name(lang, result.cheapest.value),
        margin=money(result.margin_eur, lang),
        runner_up=option_name(lang, result.runner_up.value),
    )


def answer_lines(result: DeadEndComparison, lang: Lang) -> list[str]:
    """The one answer for a dead-end case, as the page and the report put it on top: the cheapest
    available option, how robust that is, what compensation would change, what was left out."""
    lines = [comparison_headline(result, lang)]
    lines.append(text(lang, "dead_end.answer_robust" if result.robust else "dead_end.answer_sensitive"))
    cheapest = result.option(result.cheapest)
    if result.settlement_limit_eur is not None and cheapest.settlement_eur is not None:
        key = (
            "dead_end.answer_settlement_assumed"
            if cheapest.settlement_assumed
            else "dead_end.answer_settlement"
        )
        lines.append(
            text(
                lang,
                key,
                amount=money(cheapest.settlement_eur, lang),
                limit=money(result.settlement_limit_eur, lang),
                runner_up=option_name(lang, result.runner_up.value),
            )
        )
    if result.cheapest_without_compensation is not result.cheapest:
        option = option_name(lang, result.cheapest_without_compensation.value)
        lines.append(text(lang, "dead_end.answer_compensation_differs", option=option))
    left_out = [
        f"{option_name(lang, item.option.value)} ({text(lang, f'dead_end.unavailable.{reason}')})"
        for item in result.options
        if (reason := item.unavailable_reason) is not None
    ]
    if left_out:
        lines.append(text(lang, "dead_end.answer_unavailable", options="; ".join(left_out)))
    return lines


@dataclass(frozen=True, slots=True)
class Change:
    """One "what would have to change": a scenario field, the value at which NPV = 0, and the side
    that pays (``at_least`` / ``at_most``)."""

    field: str
    value: float
    direction: str


def what_would_change(found: tuple[Threshold, ...]) -> list[Change]:
    """The changes :func:`what_if_lines` words, as data (same filter: a value already met is no change)."""
    return [
        Change(item.lever.value, item.needed, item.direction.value)
        for item in found
        if item.needed is not None and item.direction is not None and not item.already_met
    ]


class HeadlineKind(StrEnum):
    """Which question the headline answers."""

    PAYS = "pays"
    DOES_NOT_PAY = "does_not_pay"
    DEAD_END_COMPARISON = "dead_end_comparison"


@dataclass(frozen=True, slots=True)
class Headline:
    """The first thing the person reads."""

    kind: HeadlineKind
    text: str


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the results page, the report and the command line put into words for one case."""

    headline: Headline
    result: Result
    what_would_change: tuple[Change, ...]
    cards: tuple[ChosenCard, ...]
    dead_end: DeadEndComparison | None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON: headline, figures (the keys of ``evaluate``), what_would_change and cards."""
        return {
            "headline": {"kind": self.headline.kind.value, "text": self.headline.text},
            "figures": self.result.to_dict(with_months=False),
            "what_would_change": [
                {"field": item.field, "value": round(item.value, 6), "direction": item.direction}
                for item in self.what_would_change
            ],
            "cards": [
                {
                    "id": card.card.id,
                    "title": card.title,
                    "body": card.body,
                    "doubts": [card.doubt],
                    "sources": list(card.card.sources),
                }
                for card in self.cards
            ],
        }


def read(
    scenario: Scenario,
    lang: Lang | str,
    *,
    owner: bool = True,
    doubts: tuple[str, ...] | None = None,
    result: Result | None = None,
    found: tuple[Threshold, ...] | None = None,
    dead_end: DeadEndComparison | None = None,
    escape: Callable[[str], str] = str,
) -> Reading:
    """What the person reads for ``scenario``: an owner sees the top cards (each ticked doubt
    answered), an advisor all of them. ``doubts`` replaces the scenario's own ticked doubts.

    Results already computed (the page caches them) may be passed in; missing ones are computed here
    with the same functions, so the page, the report and the command line say the same.

    >>> from calculators.scenario.io import default_scenario
    >>> reading = read(default_scenario(), "en", doubts=("W4",))
    >>> reading.headline.kind.value, reading.cards[0].card.id
    ('does_not_pay', 'w4_honest_too_short')
    """
    lang = Lang(lang)
    result = result if result is not None else evaluate(scenario)
    if found is None:
        found = () if result.pays_off else thresholds(scenario)
    is_dead_end = scenario.employee.role_outlook is RoleOutlook.DEAD_END
    if is_dead_end and dead_end is None:
        dead_end = compare_options(scenario)
    if is_dead_end and dead_end is not None:
        top = Headline(HeadlineKind.DEAD_END_COMPARISON, "\n\n".join(answer_lines(dead_end, lang)))
    else:
        kind = HeadlineKind.PAYS if result.pays_off else HeadlineKind.DOES_NOT_PAY
        top = Headline(kind, headline(scenario, result, lang, escape=escape))
    cards = select_cards(
        scenario.doubts if doubts is None else doubts,
        scenario,
        result,
        lang,
        found=found,
        dead_end=dead_end,
        limit=OWNER_CARDS if owner else None,
        escape=escape,
    )
    changes = () if result.pays_off else tuple(what_would_change(found))
    return Reading(top, result, changes, tuple(cards), dead_end)
