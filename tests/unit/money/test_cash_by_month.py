"""Cash by month (calculators/money/cash_by_month.py): hand-computed months, the two downloads and the CLI.

The case, chosen so every month can be worked out on paper (docs/money-model.md):
gross 3,000 a month, no holiday allowance or on-cost, output ratio 1, so Wm = Vm = 3,000 (§2);
a one-month course in month 1 with fees 1,200, no training hours, and a fund paying 200 in month 1;
gain 10 % kept wholly by the employer, no ramp-up and no decay, so 0.10 × 3,000 = 300 a month from
month 2 (§5); nobody ever leaves (quit probability 0), so every survival weight is 1 (§4).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from openpyxl import load_workbook  # type: ignore[import-untyped]

from calculators import evaluate, scenario_from_dict
from calculators.money.cash_by_month import CASH_COLUMNS, cash_by_month, cash_csv, cash_xlsx
from calculators.scenario.io import scenario_to_json
from tests.cli_runner import run_process
from tests.unit.strategies import valid_scenarios


def _case(rate: float = 0.0) -> dict[str, Any]:
    return {
        "horizon_months": 12,
        "company": {"discount_rate_annual": rate},
        "employee": {
            "gross_monthly_salary_eur": 3000,
            "holiday_allowance_rate": 0,
            "employer_oncost_rate": 0,
            "output_value_ratio": 1,
        },
        "training": {
            "course_fees_eur": 1200,
            "materials_exam_eur": 0,
            "travel_eur": 0,
            "hours": 0,
            "start_month": 1,
            "duration_months": 1,
            "subsidies": [{"name": "fonds", "amount_eur": 200, "month": 1}],
        },
        "benefits": {
            "productivity_gain": 0.10,
            "employer_share": 1,
            "ramp_up_months": 0,
            "annual_decay": 0,
            "other_yearly_benefits_eur": 0,
        },
        "retention": {"annual_quit_probability": 0, "quit_probability_change": 0},
    }


class TestHandComputed:
    def test_first_and_second_month(self) -> None:
        """Pins month 1: out 1,200 (the fees), in 200 (the fund), net −1,000; month 2: in 300, total −700."""
        months = cash_by_month(evaluate(scenario_from_dict(_case())))
        first, second = months[0], months[1]
        assert (first.money_out_eur, first.money_in_eur, first.net_eur) == pytest.approx((1200, 200, -1000))
        assert first.running_total_eur == pytest.approx(-1000)
        assert (second.money_out_eur, second.money_in_eur) == pytest.approx((0, 300))
        assert second.running_total_eur == pytest.approx(-700)  # −1,000 + 300

    def test_running_total_over_the_year(self) -> None:
        """Pins month 12's total: −1,000 + 11 × 300 = 2,300; without discounting it equals the NPV."""
        months = cash_by_month(evaluate(scenario_from_dict(_case())))
        assert [m.month for m in months] == list(range(1, 13))
        assert months[-1].running_total_eur == pytest.approx(2300)
        assert months[-1].running_discounted_eur == pytest.approx(2300)

    def test_discounted_columns(self) -> None:
        """Pins month 2 at 12 % a year: 300 × 1.12^(−1/12) = 300 / 1.0094888 = 297.1801; the running
        discounted total −1,000 + 297.1801 = −702.8199 (month 1 is not discounted, §1)."""
        months = cash_by_month(evaluate(scenario_from_dict(_case(rate=0.12))))
        assert months[1].net_eur == pytest.approx(300)  # undiscounted stays 300
        assert months[1].discounted_net_eur == pytest.approx(297.1801, abs=1e-4)
        assert months[1].running_discounted_eur == pytest.approx(-702.8199, abs=1e-4)


@settings(max_examples=30, deadline=None)
@given(valid_scenarios(max_horizon=60))
def test_in_minus_out_is_the_models_net(data: dict[str, Any]) -> None:
    """Pins, for any valid scenario, in − out = the month table's net, and the last discounted total = NPV."""
    result = evaluate(scenario_from_dict(data))
    months = cash_by_month(result)
    scale = max(1.0, result.total_cost_eur + result.expected_benefit_eur)
    for month, row in zip(months, result.months, strict=True):
        assert month.money_in_eur - month.money_out_eur == pytest.approx(row.net, abs=1e-9 * scale)
    assert months[-1].running_discounted_eur == pytest.approx(result.npv_eur, abs=1e-9 * scale)
    assert months[-1].running_total_eur == pytest.approx(
        sum(row.net for row in result.months), abs=1e-9 * scale
    )


class TestDownloads:
    def test_csv_in_dutch_notation(self) -> None:
        """Pins the Dutch CSV: ';' between cells, a decimal comma, a header and one row per month."""
        rows = list(
            csv.reader(
                io.StringIO(cash_csv(evaluate(scenario_from_dict(_case())), "nl").decode("utf-8-sig")),
                delimiter=";",
            )
        )
        assert rows[0][0] == "Maand" and len(rows[0]) == len(CASH_COLUMNS)
        assert len(rows) == 13
        assert rows[1] == ["1", "1200,00", "200,00", "-1000,00", "-1000,00", "-1000,00", "-1000,00"]
        assert rows[12][4] == "2300,00"

    def test_csv_in_english_notation(self) -> None:
        """Pins the English CSV: ',' between cells and a decimal point."""
        text = cash_csv(evaluate(scenario_from_dict(_case())), "en").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][0] == "Month"
        assert rows[2][:3] == ["2", "0.00", "300.00"]

    def test_xlsx_has_numbers_not_text(self) -> None:
        """Pins the workbook: a header row, then numbers (never text or formulas) per month."""
        raw = cash_xlsx(evaluate(scenario_from_dict(_case())), "nl")
        sheet = load_workbook(io.BytesIO(raw)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Maand"
        assert rows[1][:3] == (1, pytest.approx(1200), pytest.approx(200))
        assert all(isinstance(value, int | float) for row in rows[1:] for value in row)
        assert len(rows) == 13


def test_cli_prints_one_row_per_month(tmp_path: Path) -> None:
    """Pins ``python -m calculators evaluate FILE --format csv``: a header and one row per month."""
    path = tmp_path / "case.json"
    path.write_text(scenario_to_json(scenario_from_dict(_case())), encoding="utf-8")
    done = run_process("--lang", "en", "evaluate", str(path), "--format", "csv")
    assert done.code == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0][:2] == ["Month", "Out (€)"]
    assert len(rows) == 13 and rows[12][4] == "2300.00"
