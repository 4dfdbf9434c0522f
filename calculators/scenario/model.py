"""The scenario: one typed, immutable description of a training decision for one employee.

Field meanings, units, defaults and allowed ranges are in ``content/defaults.yaml`` (the only
place defaults live: build a scenario with :func:`calculators.scenario.io.scenario_from_dict`,
which fills them in and validates). Rates and shares are fractions (0.08 = 8 %).

These dataclasses are the one list of fields: the scenario file is read, written and described (JSON
Schema) by walking them, so a new field needs only its line here and its spec in defaults.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "SCHEMA_VERSION",
    "Benefits",
    "ClauseCost",
    "Company",
    "DeadEnd",
    "Employee",
    "RepaymentScale",
    "Retention",
    "RoleOutlook",
    "Scenario",
    "Sector",
    "StudyCostClause",
    "Subsidy",
    "Training",
    "TrainingKind",
    "Vacancy",
]

SCHEMA_VERSION = 1


class Sector(StrEnum):
    """The employer's sector (information only in the money model)."""

    MOTOR_VEHICLES = "motor_vehicles"
    CARE = "care"
    CONSTRUCTION = "construction"
    INSTALLATION = "installation"
    METAL = "metal"
    RETAIL = "retail"
    HOSPITALITY = "hospitality"
    LOGISTICS = "logistics"
    FOOD = "food"
    BUSINESS_SERVICES = "business_services"
    OTHER = "other"


class RoleOutlook(StrEnum):
    """The future of the employee's current role; ``DEAD_END`` is the "doodlopend spoor"."""

    STABLE = "stable"
    UNCERTAIN = "uncertain"
    DEAD_END = "dead_end"


class TrainingKind(StrEnum):
    """Why the training is given. ``MANDATORY`` = required by law or cao (art. 7:611a BW)."""

    MANDATORY = "mandatory"
    CURRENT_JOB = "current_job"
    INTERNAL_BROADENING = "internal_broadening"
    EXTERNAL_JOB = "external_job"


class RepaymentScale(StrEnum):
    """How the share to repay under a study-cost clause slides to zero."""

    LINEAR = "linear"
    YEARLY_STEPS = "yearly_steps"


class ClauseCost(StrEnum):
    """Direct cost items a study-cost clause can cover (never wages)."""

    COURSE_FEES = "course_fees"
    MATERIALS_EXAM = "materials_exam"
    TRAVEL = "travel"


@dataclass(frozen=True, slots=True)
class Company:
    """The employer."""

    employee_count: int
    sector: Sector
    rules_year: int
    discount_rate_annual: float


@dataclass(frozen=True, slots=True)
class Employee:
    """The employee (a first name or label at most; nothing that identifies them)."""

    label: str
    gross_monthly_salary_eur: float
    holiday_allowance_rate: float
    employer_oncost_rate: float
    hours_per_week: float
    years_of_service: float
    age: int
    role_outlook: RoleOutlook
    output_value_ratio: float


@dataclass(frozen=True, slots=True)
class Subsidy:
    """A subsidy or fund contribution received in a given month."""

    name: str
    amount_eur: float
    month: int


@dataclass(frozen=True, slots=True)
class Training:
    """The training: its kind, costs, hours and timing."""

    kind: TrainingKind
    course_fees_eur: float
    materials_exam_eur: float
    travel_eur: float
    hours: float
    share_in_working_time: float
    start_month: int
    duration_months: int
    backfill_hourly_cost_eur: float
    subsidies: tuple[Subsidy, ...]

    @property
    def end_month(self) -> int:
        """The last month of the training (E in docs/money-model.md)."""
        return self.start_month + self.duration_months - 1

    @property
    def direct_costs_eur(self) -> float:
        """Course fees + materials and exam + travel."""
        return self.course_fees_eur + self.materials_exam_eur + self.travel_eur

    @property
    def subsidies_eur(self) -> float:
        """All subsidies and fund contributions together."""
        return sum(item.amount_eur for item in self.subsidies)


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A vacancy this employee fills after the training, so no outside hire is needed."""

    filled_internally: bool
    avoided_hiring_cost_eur: float
    month: int


@dataclass(frozen=True, slots=True)
class Benefits:
    """What the training yields while the employee stays."""

    productivity_gain: float
    ramp_up_months: int
    annual_decay: float
    employer_share: float
    other_yearly_benefits_eur: float
    extra_margin_per_month_eur: float  # gross margin a month from new work the training makes possible
    extra_margin_decays: bool  # whether that margin fades like the productivity gain (default: it does not)
    vacancy: Vacancy


@dataclass(frozen=True, slots=True)
class StudyCostClause:
    """A study-cost clause (studiekostenbeding): repayment of direct costs on leaving, sliding to 0."""

    enabled: bool
    repayment_months: int
    scale: RepaymentScale
    covers: tuple[ClauseCost, ...]


@dataclass(frozen=True, slots=True)
class Retention:
    """Whether the employee stays, and what a leaver costs."""

    annual_quit_probability: float
    quit_probability_change: float
    replacement_cost_share: float
    study_cost_clause: StudyCostClause

    @property
    def quit_probability_with_training(self) -> float:
        """Annual quit probability once trained (q1 = q0 + change)."""
        return self.annual_quit_probability + self.quit_probability_change


@dataclass(frozen=True, slots=True)
class DeadEnd:
    """What the dead-end comparison needs beyond the rest (docs/dead-end-model.md)."""

    fixed_year_end_eur: float
    fixed_components_12m_eur: float
    variable_components_3y_eur: float
    role_end_month: int
    productivity_gap: float
    productivity_gap_growth: float
    sickness_annual_probability: float
    sick_pay_year1: float
    sick_pay_year2: float
    sickness_replacement_share: float
    reintegration_cost_per_month_eur: float
    dismissal_procedure_months: int
    dismissal_procedure_cost_eur: float
    dismissal_failure_probability: float
    exit_month: int
    mutual_procedure_cost_eur: float
    written_consent: bool  # the employee agreed in writing, before the costs, that they may be deducted
    internal_role_available: bool  # there is another job in the firm this employee could do after training
    settlement_amount_eur: float | None  # the amount the employee agrees to in a settlement (None: default)
    whk_premium_category: str  # "small", "medium_large" or "unknown": decides compensation under bill 36 869


@dataclass(frozen=True, slots=True)
class Scenario:
    """One training decision: the whole input of the money model.

    The order of the fields (here and in every section) is the order of the scenario file: reading,
    writing and the JSON Schema are all walked off these dataclasses (calculators/scenario/walk.py).
    """

    schema_version: int  # the file format's version: always SCHEMA_VERSION (no spec in defaults.yaml)
    horizon_months: int
    doubts: tuple[str, ...]  # W1 … W7: the employer's reluctances from the study (content/i18n doubts.*)
    company: Company
    employee: Employee
    training: Training
    benefits: Benefits
    retention: Retention
    dead_end: DeadEnd
