"""The command line's transition-payment and dead-end commands, run as a user runs them.

``test_prints_the_payment`` and ``test_bad_file_exits_2`` start a real ``python -m calculators``
process; the others call ``main`` in this process with the same arguments (tests/cli_runner.py).
"""

from __future__ import annotations

import pytest

from tests.cli_runner import run_in_process, run_process


class TestTransitionPaymentCommand:
    """python -m calculators transition-payment ..."""

    def test_prints_the_payment(self) -> None:
        """3000 × 1.08 / 3 × 12 years = 12 960; rules year from the end date (2026), not capped."""
        done = run_process(
            "transition-payment", "--monthly-salary", "3000", "--start", "2014-07-01", "--end", "2026-06-30"
        )
        assert done.code == 0, done.stderr
        data = done.json()
        assert data["amount_eur"] == pytest.approx(12960.0)
        assert data["before_deduction_eur"] == pytest.approx(12960.0)
        assert (data["cap_eur"], data["capped"], data["deduction_eur"]) == (102000.0, False, 0.0)
        assert data["service_years"] == pytest.approx(12.0)
        assert data["rules_year"] == 2026
        assert "transition_payment_cap_eur" in data["to_verify"]

    def test_deductible_costs_and_year(self) -> None:
        """Year 2025 and 500 deductible: 12 960 − 500 = 12 460."""
        done = run_in_process(
            "transition-payment", "--monthly-salary", "3000", "--start", "2014-07-01", "--end", "2026-06-30",
            "--deductible-costs", "500", "--year", "2025",
        )  # fmt: skip
        data = done.json()
        assert (data["amount_eur"], data["deduction_eur"], data["rules_year"]) == (12460.0, 500.0, 2025)

    @pytest.mark.parametrize(
        ("args", "names"),
        [
            (
                ["--monthly-salary", "veel", "--start", "2020-01-01", "--end", "2025-01-01"],
                "--monthly-salary",
            ),
            (["--monthly-salary", "3000", "--start", "1-1-2020", "--end", "2025-01-01"], "--start"),
            (["--monthly-salary", "3000", "--start", "2020-01-01", "--end", "2019-01-01"], "--end"),
            (
                ["--monthly-salary", "-3000", "--start", "2020-01-01", "--end", "2025-01-01"],
                "--monthly-salary",
            ),
            (["--monthly-salary", "3000", "--start", "2020-01-01", "--end", "2031-01-01"], "--year"),
            (["--start", "2020-01-01", "--end", "2025-01-01"], "--monthly-salary"),
        ],
    )
    def test_bad_arguments_exit_2_with_one_line(self, args: list[str], names: str) -> None:
        """Pins kind refusals: status 2, one line on stderr naming the option, nothing on stdout."""
        done = run_in_process("transition-payment", *args)
        assert done.code == 2
        assert done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1
        assert names in done.stderr


class TestDeadEndCommand:
    """python -m calculators dead-end FILE."""

    def test_example_prints_four_options(self) -> None:
        """Pins the JSON: four options with costs, the cheapest, its margin and the sensitivities."""
        done = run_in_process("dead-end", "content/examples/warehouse_dead_end.json")
        assert done.code == 0, done.stderr
        data = done.json()
        assert [item["option"] for item in data["options"]] == [
            "keep",
            "retrain_internal",
            "job_to_job",
            "dismiss",
        ]
        available = [item for item in data["options"] if item["available"]]
        cheapest = min(available, key=lambda item: item["net_cost_eur"])
        assert data["cheapest"] == cheapest["option"]
        costs = sorted(item["net_cost_eur"] for item in available)
        # Each figure is rounded to cents on its own, so their difference may be one cent off the margin.
        assert data["margin_eur"] == pytest.approx(costs[1] - costs[0], abs=0.0101)
        assert {item["field"] for item in data["sensitivities"]} >= {"dead_end.dismissal_failure_probability"}

    def test_bad_file_exits_2(self) -> None:
        """Pins a refused file: status 2, one line naming the field."""
        done = run_process("--lang", "en", "dead-end", "-", stdin=b'{"dead_end": {"exit_month": 500}}')
        assert done.code == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "dead_end.exit_month" in done.stderr
