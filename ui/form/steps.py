"""The wizard's steps and which fields each one asks: pure data, shared by the pages and the tests.

``main`` fields are what an owner is asked; ``assumptions`` sit at their sourced defaults, in an
expander for owners and in the open for advisors.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ALL_FIELDS",
    "DEAD_END_ASSUMPTIONS",
    "DEAD_END_QUESTIONS",
    "DEAD_END_STEP_FIELDS",
    "DOUBT_QUESTIONS",
    "RESULTS_TABS",
    "STEPS",
    "Step",
    "step_of_field",
]

RESULTS_TABS = "tabs_results"  # the results step's tabs (ui.lazy.tabs_key gives their state key)


@dataclass(frozen=True, slots=True)
class Step:
    """One screen of the wizard."""

    id: str
    main: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field this step shows."""
        return self.main + self.assumptions


STEPS: tuple[Step, ...] = (
    Step("start"),
    Step(
        "company",
        main=("company.employee_count", "company.sector"),
        assumptions=("company.rules_year", "company.discount_rate_annual", "horizon_months"),
    ),
    Step(
        "employee",
        main=(
            "employee.label",
            "employee.gross_monthly_salary_eur",
            "employee.hours_per_week",
            "employee.years_of_service",
            "employee.age",
            "employee.role_outlook",
        ),
        assumptions=(
            "employee.holiday_allowance_rate",
            "employee.employer_oncost_rate",
            "employee.output_value_ratio",
        ),
    ),
    Step(
        "training",
        main=(
            "training.kind",
            "training.course_fees_eur",
            "training.hours",
            "training.duration_months",
            "retention.study_cost_clause.enabled",
        ),
        assumptions=(
            "training.materials_exam_eur",
            "training.travel_eur",
            "training.share_in_working_time",
            "training.start_month",
            "training.backfill_hourly_cost_eur",
            "retention.study_cost_clause.repayment_months",
            "retention.study_cost_clause.scale",
            "retention.study_cost_clause.covers",
        ),
    ),
    Step(
        "yields",
        main=(
            "benefits.productivity_gain",
            "benefits.extra_margin_per_month_eur",
            "retention.annual_quit_probability",
            "benefits.vacancy.filled_internally",
        ),
        assumptions=(
            "benefits.vacancy.avoided_hiring_cost_eur",
            "benefits.vacancy.month",
            "benefits.ramp_up_months",
            "benefits.annual_decay",
            "benefits.employer_share",
            "benefits.extra_margin_decays",
            "benefits.other_yearly_benefits_eur",
            "retention.quit_probability_change",
            "retention.replacement_cost_share",
        ),
    ),
    Step("doubts", main=("doubts",)),
    Step("results"),
)

# Asked in the open on the yields step whenever the outlook is dead-end: each can flip the answer,
# and a legal condition never defaults to "met" (docs/dead-end-model.md §3.3).
DEAD_END_QUESTIONS = (
    "dead_end.role_end_month",
    "dead_end.internal_role_available",
    "dead_end.written_consent",
)
DEAD_END_ASSUMPTIONS = (
    "dead_end.productivity_gap",
    "dead_end.productivity_gap_growth",
    "dead_end.exit_month",
    "dead_end.settlement_amount_eur",
    "dead_end.dismissal_failure_probability",
    "dead_end.dismissal_procedure_months",
    "dead_end.dismissal_procedure_cost_eur",
    "dead_end.mutual_procedure_cost_eur",
    "dead_end.sickness_annual_probability",
    "dead_end.sick_pay_year1",
    "dead_end.sick_pay_year2",
    "dead_end.sickness_replacement_share",
    "dead_end.reintegration_cost_per_month_eur",
    "dead_end.fixed_year_end_eur",
    "dead_end.fixed_components_12m_eur",
    "dead_end.variable_components_3y_eur",
    "dead_end.whk_premium_category",
)
DEAD_END_STEP_FIELDS = DEAD_END_QUESTIONS + DEAD_END_ASSUMPTIONS

# A ticked worry asks, right under it, the one assumption it is about (otherwise folded on its step):
# "she'll leave once trained" the training's effect on leaving, "I can't miss her" the cost of cover.
DOUBT_QUESTIONS = {
    "W4": "retention.quit_probability_change",
    "W6": "training.backfill_hourly_cost_eur",
}

ALL_FIELDS: tuple[str, ...] = tuple(path for step in STEPS for path in step.fields) + DEAD_END_STEP_FIELDS


def step_of_field(path: str) -> int:
    """The index of the step that asks a field (dead-end fields and subsidies: the yields/training step).

    >>> step_of_field("training.subsidies[1].amount_eur"), step_of_field("dead_end.exit_month")
    (3, 4)
    """
    plain = path.split("[", 1)[0]
    if plain.startswith("training.subsidies"):
        return 3
    if plain.startswith("dead_end."):
        return 4
    for index, step in enumerate(STEPS):
        if plain in step.fields:
            return index
    return 1 if plain == "scenario" else len(STEPS) - 1
