"""One scenario's monthly cash flows: row 0 of the one money model (:mod:`calculators.money.kernel`).

Every line follows docs/money-model.md (§3 costs, §4 survival, §5 benefits, §6 replacement,
§7 clause), computed by the kernel over rows × months; here a single scenario is the one-row case
and its lines are plain arrays over months 1 … H (index 0 is month 1). Costs are positive numbers
in their own lines; ``net = benefits − costs``.

Sources for the shape of the model: fully loaded costs and the ROI/BCR definitions follow the
ROI Institute (sources.yaml: roi_institute_calculator, phillips_principles); the productivity
gain per training hour and the share kept by the employer follow almeida_carneiro_2009,
lopes_teixeira_2013 and dearden_2006; skill decay allen_vandervelden_2002; the replacement cost
of a leaver boushey_glynn_2012.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import numpy.typing as npt

from calculators.money import inputs as model_inputs
from calculators.money import kernel
from calculators.scenario.model import Scenario

__all__ = ["monthly_cash_flows", "row", "stay_values"]

FloatArray = npt.NDArray[np.float64]


def row(model: kernel.Flows, index: int = 0) -> kernel.Flows:
    """One row of the kernel's lines as plain arrays over the months."""
    horizon = model.months.size
    lines = {}
    for item in fields(kernel.Flows):
        value = getattr(model, item.name)
        lines[item.name] = (
            value if item.name == "months" else np.broadcast_to(value, (index + 1, horizon))[index]
        )
    return kernel.Flows(**lines)


def monthly_cash_flows(scenario: Scenario) -> kernel.Flows:
    """Expected cash flows per month, weighted by the chance the employee is still there."""
    return row(kernel.flows(model_inputs.inputs_for([scenario])))


def stay_values(scenario: Scenario) -> FloatArray:
    """``V(n)`` for n = 0 … H − E: the training's value if the employee leaves n months after it
    (docs/money-model.md §8; :func:`calculators.money.kernel.stay_values`)."""
    inputs = model_inputs.inputs_for([scenario])
    values, _ = kernel.stay_values(inputs, kernel.flows(inputs))
    return np.asarray(
        values[0, : scenario.horizon_months - scenario.training.end_month + 1], dtype=np.float64
    )
