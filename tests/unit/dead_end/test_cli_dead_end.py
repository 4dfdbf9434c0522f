"""The command line for the dead-end track: ``transition-payment`` and ``dead-end``.

Output is one JSON object on stdout; invalid input exits with status 2, exactly one line on stderr and
nothing on stdout (calculators/__main__.py). Amounts are hand-computed from docs/dead-end-model.md §1:
gross 3000 with 8 % holiday allowance → M = 3240, 1080 per year of service.

``test_english_error``, ``test_standard_input`` and ``test_invalid_value`` start a real
``python -m calculators`` process; the others call ``main`` in this process with the same arguments
(tests/cli_runner.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import REPO, Run, run_in_process, run_process

EXAMPLE = REPO / "content" / "examples" / "warehouse_dead_end.json"


def ok_json(*args: str) -> Any:
    """Run in this process, expect status 0 and nothing on stderr, return the parsed JSON."""
    result = run_in_process(*args)
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    return result.json()


def assert_refused(result: Run, *fragments: str) -> None:
    """Status 2, nothing on stdout, exactly one non-empty line on stderr containing each fragment."""
    assert result.code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].strip()
    for fragment in fragments:
        assert fragment in lines[0]


TP = ("transition-payment",)


class TestTransitionPayment:
    """``python -m calculators transition-payment``."""

    def test_whole_years(self) -> None:
        """1 Jan 2020 – 31 Dec 2025: 6 years × 1080 = 6480.

        Rules year 2025 (the end date's year), cap 98 000."""
        out = ok_json(*TP, "--monthly-salary", "3000", "--start", "2020-01-01", "--end", "2025-12-31")
        for key in (
            "amount_eur",
            "before_deduction_eur",
            "cap_eur",
            "capped",
            "deduction_eur",
            "service_years",
        ):
            assert key in out
        assert out["amount_eur"] == pytest.approx(6480.0)
        assert out["before_deduction_eur"] == pytest.approx(6480.0)
        assert out["cap_eur"] == pytest.approx(98000.0)
        assert out["capped"] is False
        assert out["deduction_eur"] == pytest.approx(0.0)
        assert out["service_years"] == pytest.approx(6.0)
        assert out["rules_year"] == 2025

    def test_rules_year_defaults_to_the_end_year(self) -> None:
        """End in 2026 → rules 2026, cap 102 000 and the 2026 cap flagged "to verify".

        15 Mar 2021 – 20 Jun 2026 = 5 y 3 m 6 d: 1080 × (5 + 3/12 + 6/365) = 5400 + 270 + 17.75 = 5687.75.
        """
        out = ok_json(*TP, "--monthly-salary", "3000", "--start", "2021-03-15", "--end", "2026-06-20")
        assert out["rules_year"] == 2026
        assert out["cap_eur"] == pytest.approx(102000.0)
        assert out["service"] == {"years": 5, "months": 3, "days": 6}
        assert out["service_years"] == pytest.approx(5 + 3 / 12 + 6 / 365, abs=1e-6)
        assert out["amount_eur"] == pytest.approx(5687.75, abs=0.005)
        assert set(out["to_verify"]) == {"transition_payment_pro_rata", "transition_payment_cap_eur"}

    def test_explicit_year(self) -> None:
        """--year 2024 with an end in 2025: rules 2024, cap 94 000."""
        out = ok_json(
            *TP, "--monthly-salary", "3000", "--start", "2020-01-01", "--end", "2025-12-31", "--year", "2024"
        )
        assert out["rules_year"] == 2024
        assert out["cap_eur"] == pytest.approx(94000.0)

    def test_cap_and_deduction(self) -> None:
        """Gross 7000 (M = 7560, 12 × M = 90 720), 40 years, rules 2024.

        2520 × 40 = 100 800 > 94 000 → capped at 94 000; deductible costs 4000 → 90 000."""
        out = ok_json(
            *TP,
            "--monthly-salary",
            "7000",
            "--start",
            "1985-01-01",
            "--end",
            "2024-12-31",
            "--deductible-costs",
            "4000",
        )
        assert out["capped"] is True
        assert out["cap_eur"] == pytest.approx(94000.0)
        assert out["before_deduction_eur"] == pytest.approx(94000.0)
        assert out["deduction_eur"] == pytest.approx(4000.0)
        assert out["amount_eur"] == pytest.approx(90000.0)

    def test_fixed_extras_and_variable_pay(self) -> None:
        """--fixed-extras 3000 (+250 a month) and --variable-3y 7200 (+200): M = 3240 + 250 + 200 = 3690;
        6 years: 3690 / 3 × 6 = 7380."""
        out = ok_json(
            *TP,
            "--monthly-salary",
            "3000",
            "--start",
            "2020-01-01",
            "--end",
            "2025-12-31",
            "--fixed-extras",
            "3000",
            "--variable-3y",
            "7200",
        )
        assert out["monthly_salary_eur"] == pytest.approx(3690.0)
        assert out["amount_eur"] == pytest.approx(7380.0)

    def test_deduction_never_below_zero(self) -> None:
        """1 year (1080) with 5000 deductible: amount 0, deduction 1080."""
        out = ok_json(
            *TP,
            "--monthly-salary",
            "3000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
            "--deductible-costs",
            "5000",
        )
        assert out["amount_eur"] == 0.0
        assert out["deduction_eur"] == pytest.approx(1080.0)

    @pytest.mark.parametrize(
        ("args", "fragment"),
        [
            (("--monthly-salary", "abc", "--start", "2020-01-01", "--end", "2025-12-31"), "--monthly-salary"),
            (("--monthly-salary", "3000", "--start", "2020-02-30", "--end", "2025-12-31"), "--start"),
            (("--monthly-salary", "3000", "--start", "2020-01-01", "--end", "31-12-2025"), "--end"),
            (("--monthly-salary", "3000", "--start", "2025-01-01", "--end", "2024-12-31"), "--end"),
            (("--monthly-salary", "-5", "--start", "2020-01-01", "--end", "2025-12-31"), "--monthly-salary"),
            (("--monthly-salary", "3000", "--start", "2020-01-01", "--end", "2023-12-31"), "2023"),
            (
                (
                    "--monthly-salary",
                    "3000",
                    "--start",
                    "2020-01-01",
                    "--end",
                    "2025-12-31",
                    "--year",
                    "2030",
                ),
                "2030",
            ),
            (("--start", "2020-01-01", "--end", "2025-12-31"), "--monthly-salary"),
            (("--monthly-salary", "3000", "--end", "2025-12-31"), "--start"),
            (
                (
                    "--monthly-salary",
                    "3000",
                    "--start",
                    "2020-01-01",
                    "--end",
                    "2025-12-31",
                    "--holiday-allowance",
                    "nan",
                ),
                "--holiday-allowance",
            ),
            (
                (
                    "--monthly-salary",
                    "3000",
                    "--start",
                    "2020-01-01",
                    "--end",
                    "2025-12-31",
                    "--deductible-costs",
                    "-1",
                ),
                "--deductible-costs",
            ),
        ],
        ids=[
            "non-number",
            "bad-date",
            "date-not-iso",
            "end-before-start",
            "negative-salary",
            "year-without-rules-from-end",
            "year-without-rules-explicit",
            "missing-salary",
            "missing-start",
            "nan",
            "negative-deduction",
        ],
    )
    def test_bad_arguments(self, args: tuple[str, ...], fragment: str) -> None:
        """Exit 2, one line on stderr naming the option (or the year), nothing on stdout."""
        assert_refused(run_in_process(*TP, *args), fragment)

    def test_english_error(self) -> None:
        """--lang en: the end-before-start message in English, still one line."""
        result = run_process(
            "--lang", "en", *TP, "--monthly-salary", "3000", "--start", "2025-01-01", "--end", "2024-12-31"
        )
        assert_refused(result, "--end")


class TestDeadEnd:
    """``python -m calculators dead-end FILE``."""

    def test_warehouse_example(self) -> None:
        """Four options in order, each with its route; the cheapest is the *available* one with the
        lowest net cost, and the margin is the next available one's net cost minus the cheapest's.

        The example has no other job in the firm for the employee, so retraining internally is
        unavailable with its reason, whatever it would cost."""
        out = ok_json("dead-end", str(EXAMPLE))
        options = out["options"]
        assert [item["option"] for item in options] == ["keep", "retrain_internal", "job_to_job", "dismiss"]
        available = [item for item in options if item["available"]]
        assert [item["option"] for item in options if not item["available"]] == ["retrain_internal"]
        retrain = options[1]
        assert retrain["unavailable_reason"] == "no_internal_role"
        assert all(item["unavailable_reason"] is None for item in available)
        costs = sorted(item["net_cost_eur"] for item in available)
        cheapest = min(available, key=lambda item: item["net_cost_eur"])
        assert out["cheapest"] == cheapest["option"]
        assert out["runner_up"] == sorted(available, key=lambda item: item["net_cost_eur"])[1]["option"]
        assert out["margin_eur"] == pytest.approx(costs[1] - costs[0], abs=0.011)
        assert out["rules_year"] == 2026
        assert [item["route"] for item in options] == ["uwv_permit", "none", "settlement", "settlement"]
        for item in options:
            assert set(item["components_eur"]) == {
                "wages",
                "output",
                "sickness",
                "training",
                "procedure",
                "transition_payment",
                "settlement",
                "hiring_avoided",
            }
            assert item["net_cost_without_compensation_eur"] >= item["net_cost_eur"] - 0.011
            assert item["net_cost_eur"] == pytest.approx(sum(item["components_eur"].values()), abs=0.05)
        assert isinstance(out["robust"], bool)
        assert {item["field"] for item in out["sensitivities"]} >= {"dead_end.dismissal_failure_probability"}
        assert "transition_payment_cap_eur" in out["to_verify"]

    def test_warehouse_example_job_to_job_deduction(self) -> None:
        """The example's training is for a job elsewhere with written consent: its direct costs
        3500 + 300 + 200 = 4000 come off the transition payment as the employer's opening position.

        Exit in month 10 (exit_month 9 + 1): service 12 + 9/12 = 12.75 years; M = 2600 × 1.08 = 2808;
        TV = 2808 / 3 × 12.75 = 11 934; settlement by default 11 934 − 4000 = 7934.
        Notice at 12 years of service: 3 months, respected (agreed in month 10 − 3 = 7)."""
        out = ok_json("dead-end", str(EXAMPLE))
        job = next(item for item in out["options"] if item["option"] == "job_to_job")
        assert job["deduction_eur"] == pytest.approx(4000.0)
        assert job["transition_payment_eur"] == pytest.approx(11934.0)
        assert job["settlement_eur"] == pytest.approx(7934.0)
        assert (job["route"], job["exit_month"], job["notice_months"], job["notice_served_months"]) == (
            "settlement",
            10,
            3,
            3,
        )
        assert "job_to_job_deduction" in job["notes"]

    def test_warehouse_example_keep_notice_shortened(self) -> None:
        """Keep: the role lapses in month 24; 12 years of service → statutory notice 3 months; UWV's
        procedure of 2 months shortens it to max(1, 3 − 2) = 1 month (art. 7:672 lid 4 BW). Asked
        ahead so that 2 + 1 months later the contract ends in month 24: start in month 21."""
        out = ok_json("dead-end", str(EXAMPLE))
        keep = out["options"][0]
        assert (keep["route"], keep["procedure_months"], keep["notice_months"]) == ("uwv_permit", 2, 3)
        assert (keep["notice_served_months"], keep["exit_month"]) == (1, 24)

    def test_standard_input(self) -> None:
        """``-`` reads the scenario from standard input: the same answer as from the file."""
        result = run_process("dead-end", "-", stdin=EXAMPLE.read_bytes())
        assert result.code == 0, result.stderr
        assert result.json() == ok_json("dead-end", str(EXAMPLE))

    def test_not_json(self, tmp_path: Path) -> None:
        """A file that is not JSON: exit 2, one line."""
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        assert_refused(run_in_process("dead-end", str(bad)))

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist: exit 2, one line naming it."""
        missing = tmp_path / "nothing.json"
        assert_refused(run_in_process("dead-end", str(missing)), str(missing))

    def test_invalid_value(self, tmp_path: Path) -> None:
        """A valid JSON scenario with an out-of-range field: exit 2, one line naming the field."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["horizon_months"] = 5
        bad = tmp_path / "short.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        assert_refused(run_process("dead-end", str(bad)), "horizon_months")

    def test_missing_file_argument(self) -> None:
        """No file argument: exit 2, one line."""
        assert_refused(run_in_process("dead-end"))
