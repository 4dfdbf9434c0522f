"""What the dead-end comparison returns: the options, each option's result and the comparison
(docs/dead-end-model.md §3)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from calculators.dead_end.contract_end import (
    Route,
)

__all__ = [
    "COMPONENTS",
    "ILLNESS_MONTHS",
    "ILLNESS_TV",
    "DeadEndComparison",
    "Option",
    "OptionResult",
    "Sensitivity",
]

FloatArray = npt.NDArray[np.float64]


ILLNESS_MONTHS = 24  # 104 weeks of sick pay (rules: sick_pay_weeks), in months

COMPONENTS = (
    "wages",
    "output",
    "sickness",
    "training",
    "procedure",
    "transition_payment",
    "settlement",
    "hiring_avoided",
)
ILLNESS_TV = "illness_transition_payment"  # kept apart: UWV compensates it under art. 7:673e BW


class Option(StrEnum):
    """The four options of docs/dead-end-model.md §3.2."""

    KEEP = "keep"
    RETRAIN_INTERNAL = "retrain_internal"
    JOB_TO_JOB = "job_to_job"
    DISMISS = "dismiss"


@dataclass(frozen=True, slots=True)
class OptionResult:
    """One option: its discounted net cost by component (positive = cost), its route and legal notes."""

    option: Option
    net_cost_eur: float  # with UWV's compensation after illness, as the law stands (art. 7:673e BW)
    net_cost_without_compensation_eur: float  # the same if UWV did not compensate (bill 36 869)
    components: dict[str, float]
    route: Route
    available: bool
    unavailable_reason: str | None  # key under dead_end.unavailable in content/i18n
    procedure_months: int  # UWV's procedure before notice (0 for a settlement or no ending)
    notice_months: int | None  # statutory notice, by service when it is given (None: no ending)
    notice_served_months: int | None  # after the shortening (permit) or as agreed (settlement)
    exit_month: int | None  # the month the contract ends (success branch), None when it does not
    transition_payment_eur: float  # statutory, at exit, before deduction, discounting and weighting
    deduction_eur: float  # training costs deducted (a settlement: the employer's opening position)
    settlement_eur: float | None  # the amount agreed in a settlement (None: no settlement)
    settlement_assumed: bool  # True when the amount is the default rule's, not one the user entered
    settlement_weight: float  # euros of net cost per euro of settlement (discount × chance still employed)
    notes: tuple[str, ...]  # keys under dead_end.notes in content/i18n


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """How far one assumption must move, within its allowed range, before the cheapest option changes."""

    field: str
    current: float
    lower: float | None  # below this value another option is cheapest (None: not within range)
    upper: float | None  # above this value another option is cheapest


@dataclass(frozen=True, slots=True)
class DeadEndComparison:
    """The four options, the cheapest available one, its margin and how robust the order is."""

    options: tuple[OptionResult, ...]
    cheapest: Option  # the cheapest *available* option
    runner_up: Option  # the next available option
    margin_eur: float  # runner-up's net cost minus the cheapest's
    cheapest_without_compensation: Option  # the same choice if UWV did not compensate after illness
    settlement_limit_eur: (
        float | None
    )  # cheapest is a settlement: the amount at which it stops being cheapest
    sensitivities: tuple[Sensitivity, ...]
    rules_year: int
    to_verify: tuple[str, ...]

    def option(self, which: Option) -> OptionResult:
        """The result of one option."""
        return next(item for item in self.options if item.option is which)

    @property
    def robust(self) -> bool:
        """True when no single assumption within its allowed range changes the cheapest option."""
        return all(item.lower is None and item.upper is None for item in self.sensitivities)
