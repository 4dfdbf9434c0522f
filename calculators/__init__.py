"""Leerwinst's domain: scenario in, result out. Pure Python; no Streamlit, no I/O but content/.

>>> from calculators import default_scenario, evaluate
>>> evaluate(default_scenario()).horizon_months
36
"""

# The text layer first: it gives ScenarioError.message and str(error) their sentences (see errors.py).
import calculators.error_text  # noqa: F401
from calculators.errors import ScenarioError
from calculators.money.evaluate import Breakdown, MonthRow, Result, evaluate
from calculators.scenario.io import (
    default_scenario,
    json_schema,
    load_scenario_json,
    scenario_from_dict,
    scenario_to_dict,
    scenario_to_json,
    validate,
    validation_errors,
)
from calculators.scenario.model import (
    SCHEMA_VERSION,
    Benefits,
    ClauseCost,
    Company,
    Employee,
    RepaymentScale,
    Retention,
    RoleOutlook,
    Scenario,
    Sector,
    StudyCostClause,
    Subsidy,
    Training,
    TrainingKind,
    Vacancy,
)

__all__ = [
    "SCHEMA_VERSION",
    "Benefits",
    "Breakdown",
    "ClauseCost",
    "Company",
    "Employee",
    "MonthRow",
    "RepaymentScale",
    "Result",
    "Retention",
    "RoleOutlook",
    "Scenario",
    "ScenarioError",
    "Sector",
    "StudyCostClause",
    "Subsidy",
    "Training",
    "TrainingKind",
    "Vacancy",
    "default_scenario",
    "evaluate",
    "json_schema",
    "load_scenario_json",
    "scenario_from_dict",
    "scenario_to_dict",
    "scenario_to_json",
    "validate",
    "validation_errors",
]
