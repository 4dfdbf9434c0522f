"""Tailored arguments: cards that answer the employer's own doubt, with their numbers and sources.

Cards live in ``content/arguments/cards.yaml`` (see docs/arguments.md). Selecting them is pure:
the doubts the user ticked, the scenario and its results in; a ranked list of filled-in cards
out. A card is shown only when every condition it ``requires`` holds and none it ``excludes``
does, so no card contradicts the user's numbers (no "pays off" when NPV ≤ 0, no clause argument
when the clause would be void). When the training does not pay, the honest cards come first,
including what would have to be true for it to pay (break-even values found by solving the model).
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from calculators.content import ContentError, load_yaml
from calculators.dead_end.results import DeadEndComparison
from calculators.formatting import money, percent
from calculators.i18n import Lang, plural, text
from calculators.money.break_even import Direction, Lever, Threshold
from calculators.money.evaluate import Result
from calculators.money.retention import monthly_hazard
from calculators.money.study_cost_clause import reclaimable_costs, share_owed
from calculators.scenario.io import validate
from calculators.scenario.model import RoleOutlook, Scenario, TrainingKind
from calculators.scenario.wages import annual_salary
from calculators.sources import sources

__all__ = [
    "DOUBTS",
    "OWNER_CARDS",
    "PREDICATES",
    "THRESHOLD_FLAGS",
    "Card",
    "ChosenCard",
    "Facts",
    "cards",
    "facts",
    "placeholders",
    "select_cards",
]

DOUBTS = ("W1", "W2", "W3", "W4", "W5", "W6", "W7")
OWNER_CARDS = 3


@dataclass(frozen=True, slots=True)
class Card:
    """One argument card as written in content/arguments/cards.yaml."""

    id: str
    answers: tuple[str, ...]
    weight: int
    honest: bool  # a card that says plainly what does not work, shown first when it does not pay
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    title: Mapping[str, str]
    body: Mapping[str, str]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChosenCard:
    """A card selected for this user, with its text filled in for their language."""

    card: Card
    title: str
    body: str
    doubt: str  # the ticked doubt it is shown under


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything a card may test or quote, computed once from scenario and results."""

    flags: frozenset[str]
    values: Mapping[str, str]


def _card(raw: Mapping[str, Any]) -> Card:
    where = f"arguments/cards.yaml: {raw.get('id', '?')}"
    try:
        card = Card(
            id=str(raw["id"]),
            answers=tuple(raw["answers"]),
            weight=int(raw["weight"]),
            honest=bool(raw.get("honest", False)),
            requires=tuple(raw.get("requires", ())),
            excludes=tuple(raw.get("excludes", ())),
            title={lang.value: str(raw["title"][lang.value]) for lang in Lang},
            body={lang.value: str(raw["body"][lang.value]) for lang in Lang},
            sources=tuple(raw["sources"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(f"{where}: {exc!r}") from exc
    unknown = [
        name
        for name in (*card.requires, *card.excludes)
        if name not in PREDICATES and name not in THRESHOLD_FLAGS
    ]
    if unknown:
        raise ContentError(f"{where}: unknown condition(s) {unknown}")
    if not set(card.answers) <= set(DOUBTS) or not card.answers:
        raise ContentError(f"{where}: answers must be among {DOUBTS}")
    if not card.sources or any(source_id not in sources() for source_id in card.sources):
        raise ContentError(f"{where}: every card needs sources that exist in sources.yaml")
    return card


@lru_cache(maxsize=1)
def cards() -> tuple[Card, ...]:
    """All cards, checked (unknown conditions or sources are a content error)."""
    raw = load_yaml("arguments/cards.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("cards"), list):
        raise ContentError("arguments/cards.yaml must have a 'cards' list")
    loaded = tuple(_card(item) for item in raw["cards"])
    if len({card.id for card in loaded}) != len(loaded):
        raise ContentError("arguments/cards.yaml: card ids must be unique")
    return loaded


# ----------------------------------------------------------------------------------- facts


def _expected_stay_months(scenario: Scenario) -> float:
    """Expected months the trained employee stays (constant monthly hazard: 1/h), capped at 10 years."""
    hazard = monthly_hazard(scenario.retention.quit_probability_with_training)
    return 120.0 if hazard <= 0 else min(120.0, 1.0 / hazard)


def _threshold(
    found: tuple[Threshold, ...], lever: Lever, direction: Direction | None = None
) -> float | None:
    """The break-even value of ``lever``; with ``direction``, only when that side is the paying one
    (a card that says "up to" must not quote a value above which it pays)."""
    return next(
        (
            item.needed
            for item in found
            if item.lever is lever and (direction is None or item.direction is direction)
        ),
        None,
    )


@dataclass(frozen=True, slots=True)
class _Situation:
    scenario: Scenario
    result: Result
    dead_end: DeadEndComparison | None


def _stay_within_expected(x: _Situation) -> bool:
    stay = x.result.break_even_stay_months
    return stay is not None and stay <= _expected_stay_months(x.scenario)


# The conditions a card may require or exclude (docs/arguments.md lists them in words).
PREDICATES: Mapping[str, Callable[[_Situation], bool]] = {
    "pays_off": lambda x: x.result.npv_eur > 0,
    "not_pays_off": lambda x: x.result.npv_eur <= 0,
    "break_even_known": lambda x: x.result.break_even_stay_months is not None,
    "pays_at_once": lambda x: x.result.worst_case_eur >= 0,
    "stay_within_expected": _stay_within_expected,
    "clause_allowed": lambda x: x.scenario.training.kind is not TrainingKind.MANDATORY,
    "clause_on": lambda x: x.scenario.retention.study_cost_clause.enabled,
    "mandatory": lambda x: x.scenario.training.kind is TrainingKind.MANDATORY,
    "current_job": lambda x: x.scenario.training.kind is TrainingKind.CURRENT_JOB,
    "broadening": lambda x: (
        x.scenario.training.kind in {TrainingKind.INTERNAL_BROADENING, TrainingKind.EXTERNAL_JOB}
    ),
    "dead_end": lambda x: x.scenario.employee.role_outlook is RoleOutlook.DEAD_END,
    # training for another role in the firm, for an employee whose role lapses: redeployment, never
    # deductible (art. 7:669 lid 1, 7:611a lid 1 BW; Stb. 2020, 188)
    "redeployment": lambda x: (
        x.scenario.employee.role_outlook is RoleOutlook.DEAD_END
        and x.scenario.training.kind is TrainingKind.INTERNAL_BROADENING
    ),
    "dead_end_training_cheapest": lambda x: (
        x.dead_end is not None and x.dead_end.cheapest.value in {"retrain_internal", "job_to_job"}
    ),
    "retention_effect": lambda x: x.scenario.retention.quit_probability_change < 0,
    "poaching_fear": lambda x: x.scenario.retention.quit_probability_change > 0,
    "no_leaving_effect": lambda x: x.scenario.retention.quit_probability_change == 0,
    "cover_hired": lambda x: x.scenario.training.backfill_hourly_cost_eur > 0,
    "vacancy": lambda x: x.scenario.benefits.vacancy.filled_internally,
    "has_subsidy": lambda x: x.scenario.training.subsidies_eur > 0,
    "hours_in_working_time": lambda x: (
        x.scenario.training.hours * x.scenario.training.share_in_working_time > 0
    ),
    "small_firm": lambda x: x.scenario.company.employee_count < 25,
    "gain_positive": lambda x: x.scenario.benefits.productivity_gain > 0,
}
# Flags set when a break-even value exists (a card quoting one must require its flag).
THRESHOLD_FLAGS = ("has_needed_gain", "has_needed_fees", "has_needed_subsidy", "has_needed_quit")


def _money_or_dash(value: float | None, lang: Lang) -> str:
    return money(value, lang) if value is not None and math.isfinite(value) else "–"


def facts(
    scenario: Scenario,
    result: Result,
    lang: Lang | str,
    found: tuple[Threshold, ...] = (),
    dead_end: DeadEndComparison | None = None,
    escape: Callable[[str], str] = str,
) -> Facts:
    """The flags a card may require and the values it may quote, formatted for ``lang``.

    ``escape`` is applied to the user's own label (the UI passes a Markdown escaper).
    """
    lang = Lang(lang)
    s, r = scenario, result
    situation = _Situation(s, r, dead_end)
    flags = frozenset(name for name, test in PREDICATES.items() if test(situation))
    clause = s.retention.study_cost_clause
    expected_stay = round(_expected_stay_months(s))

    refund_12 = reclaimable_costs(clause, s.training, s.employee) * float(
        share_owed(clause, np.array([12]))[0]
    )
    replacement = s.retention.replacement_cost_share * annual_salary(s.employee)
    values: dict[str, str] = {
        "name": escape(s.employee.label.strip())
        if s.employee.label.strip()
        else text(lang, "results.employee_fallback"),
        "npv": money(r.npv_eur, lang),
        "horizon": plural(lang, "units.months", r.horizon_months, value=r.horizon_months),
        "break_even_stay": plural(
            lang, "units.months", r.break_even_stay_months, value=r.break_even_stay_months
        )
        if r.break_even_stay_months is not None
        else "–",
        "payback_month": str(r.payback_month) if r.payback_month is not None else "–",
        "worst_case": money(r.worst_case_eur, lang),
        "total_cost": money(r.total_cost_eur, lang),
        "expected_benefit": money(r.expected_benefit_eur, lang),
        "course_fees": money(s.training.course_fees_eur, lang),
        "direct_costs": money(s.training.direct_costs_eur, lang),
        "training_hours": f"{s.training.hours:g}",
        # the result's own present values, so a card says what the cost chart shows
        "time_cost": money(r.breakdown.hours_cost, lang),
        "backfill_rate": money(s.training.backfill_hourly_cost_eur, lang, cents=True),
        "stays_whole_period": money(r.stays_whole_period_eur, lang),
        "subsidy_total": money(s.training.subsidies_eur, lang),
        "gain": percent(s.benefits.productivity_gain, lang),
        "employer_share": percent(s.benefits.employer_share, lang, 0),
        "decay": percent(s.benefits.annual_decay, lang, 0),
        "quit_probability": percent(s.retention.annual_quit_probability, lang, 0),
        "quit_probability_trained": percent(s.retention.quit_probability_with_training, lang, 0),
        "replacement_cost": money(replacement, lang),
        "waiting_cost_year": money(replacement * s.retention.annual_quit_probability, lang),
        "expected_stay": plural(lang, "units.months", expected_stay, value=expected_stay),
        "clause_refund_12": money(refund_12, lang),
        "clause_months": plural(lang, "units.months", clause.repayment_months, value=clause.repayment_months),
        "hiring_cost": money(s.benefits.vacancy.avoided_hiring_cost_eur, lang),
        "needed_gain": percent(v, lang)
        if (v := _threshold(found, Lever.PRODUCTIVITY_GAIN)) is not None
        else "–",
        "needed_fees": _money_or_dash(_threshold(found, Lever.COURSE_FEES), lang),
        "needed_subsidy": _money_or_dash(_threshold(found, Lever.EXTRA_SUBSIDY), lang),
        "needed_quit": percent(v, lang)
        if (v := _threshold(found, Lever.QUIT_PROBABILITY, Direction.AT_MOST)) is not None
        else "–",
        "dead_end_cheapest": text(lang, f"dead_end.options.{dead_end.cheapest.value}") if dead_end else "–",
        "dead_end_margin": money(dead_end.margin_eur, lang) if dead_end else "–",
        "dead_end_runner_up": text(lang, f"dead_end.options.{dead_end.runner_up.value}") if dead_end else "–",
    }
    # a card may only quote a threshold that exists: a missing one removes its flag
    extra = {
        f"has_{name}"
        for name in ("needed_gain", "needed_fees", "needed_subsidy", "needed_quit")
        if values[name] != "–"
    }
    return Facts(flags | extra, values)


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a card text uses.

    >>> sorted(placeholders("{name} stays {break_even_stay}"))
    ['break_even_stay', 'name']
    """
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# ----------------------------------------------------------------------------------- selection


def _applies(card: Card, flags: frozenset[str]) -> bool:
    return all(name in flags for name in card.requires) and not any(name in flags for name in card.excludes)


def select_cards(
    doubts: tuple[str, ...],
    scenario: Scenario,
    result: Result,
    lang: Lang | str,
    *,
    found: tuple[Threshold, ...] = (),
    dead_end: DeadEndComparison | None = None,
    limit: int | None = None,
    escape: Callable[[str], str] = str,
) -> list[ChosenCard]:
    """The cards for the ticked doubts, ranked, filled in; ``limit`` keeps the top few (owner mode),
    with at least one card for every ticked doubt that has one.

    Ranking: when the training does not pay, honest cards first; then by weight, then by id.
    Each card appears once, under the first ticked doubt it answers. An invalid scenario raises
    :class:`~calculators.errors.ScenarioError`, an unknown language ValueError.
    """
    validate(scenario)
    lang = Lang(lang)
    known = facts(scenario, result, lang, found, dead_end, escape)
    ticked = [doubt for doubt in DOUBTS if doubt in doubts]
    honest_first = "not_pays_off" in known.flags
    chosen: list[ChosenCard] = []
    seen: set[str] = set()
    candidates = [
        card
        for card in cards()
        if _applies(card, known.flags) and any(doubt in card.answers for doubt in ticked)
    ]
    candidates.sort(key=lambda card: (not (honest_first and card.honest), -card.weight, card.id))
    picked = _answering_every_doubt(candidates, ticked, limit)
    for card in picked:
        if card.id in seen:
            continue
        seen.add(card.id)
        doubt = next(doubt for doubt in ticked if doubt in card.answers)
        chosen.append(
            ChosenCard(
                card=card,
                title=card.title[lang.value].format(**known.values),
                body=card.body[lang.value].format(**known.values),
                doubt=doubt,
            )
        )
    return chosen


def _answering_every_doubt(ranked: list[Card], ticked: list[str], limit: int | None) -> list[Card]:
    """An owner's cards: the best card for each ticked doubt in turn, then each doubt's next best, and
    so on, until ``limit`` — at least ``OWNER_CARDS``, two per ticked doubt, at most six, but never
    fewer than one per ticked doubt — so no ticked doubt goes unanswered and no one doubt crowds out
    the others. Shown in rank order."""
    if limit is None:
        return ranked
    target = max(len(ticked), min(6, max(limit, 2 * len(ticked))))
    keep: list[str] = []
    while len(keep) < target:
        before = len(keep)
        for doubt in ticked:
            best = next((card for card in ranked if doubt in card.answers and card.id not in keep), None)
            if best is not None and len(keep) < target:
                keep.append(best.id)
        if len(keep) == before:
            break
    return [card for card in ranked if card.id in keep]
