"""The command line, run as a user runs it: ``python -m calculators`` from the repo root.

Pins calculators/__main__.py: one JSON object on standard output; invalid input exits with status 2
and exactly one line on standard error (naming the field for a bad value), nothing on standard output.

The tests that use ``run_process`` start a real process (the entry point, standard input, an
accepted and a refused scenario in each language, a usage error, the schema's bytes); the others call
``main`` in this process with the same arguments (tests/cli_runner.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculators import evaluate, json_schema, load_scenario_json
from tests.cli_runner import REPO, Run, run_in_process, run_process

EXAMPLES = sorted((REPO / "content" / "examples").glob("*.json"))
EXIT_INVALID = 2
RESULT_KEYS = {
    "npv_eur",
    "irr_annual",
    "roi_pct",
    "benefit_cost_ratio",
    "payback_month",
    "break_even_stay_months",
    "worst_case_eur",
    "total_cost_eur",
    "expected_benefit_eur",
    "months",
}


def expected_output(path: Path, *, with_months: bool = True) -> Any:
    """What the library says about an example, through the same JSON encoding."""
    result = evaluate(load_scenario_json(path.read_bytes()))
    return json.loads(json.dumps(result.to_dict(with_months=with_months)))


def assert_refused(run: Run) -> str:
    """Exit status 2, nothing on stdout, exactly one line on stderr; returns that line."""
    assert run.code == EXIT_INVALID, run
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert run.stderr.endswith("\n")
    return lines[0]


class TestEvaluate:
    """``evaluate FILE``: the result as one JSON object."""

    @pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
    def test_examples(self, path: Path) -> None:
        """Every example prints one JSON object (one line) whose numbers equal evaluate(...).to_dict()."""
        run = run_in_process("evaluate", str(path.relative_to(REPO)))
        assert (run.code, run.stderr) == (0, "")
        assert run.stdout.count("\n") == 1 and run.stdout.endswith("\n")
        output = run.json()
        assert isinstance(output, dict)
        assert output.keys() >= RESULT_KEYS
        assert isinstance(output["months"], list)
        assert len(output["months"]) == output["horizon_months"]
        assert output == expected_output(path)

    def test_standard_input(self) -> None:
        """``-`` reads the scenario from standard input and prints the same as the file."""
        path = REPO / "content" / "examples" / "bakery_shift_leader.json"
        run = run_process("evaluate", "-", stdin=path.read_bytes())
        assert (run.code, run.stderr) == (0, "")
        assert run.json() == expected_output(path)

    def test_no_months(self) -> None:
        """``--no-months`` leaves the monthly table out and nothing else."""
        path = REPO / "content" / "examples" / "bakery_shift_leader.json"
        run = run_in_process("evaluate", str(path), "--no-months")
        assert (run.code, run.stderr) == (0, "")
        output = run.json()
        assert "months" not in output
        assert RESULT_KEYS - {"months"} <= output.keys()
        assert output == expected_output(path, with_months=False)


class TestInvalidInput:
    """Exit status 2, one line on standard error, nothing on standard output."""

    def test_bad_value_names_the_field(self, tmp_path: Path) -> None:
        """A value out of range: the line names the field's dotted path (in Dutch by default)."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({"employee": {"gross_monthly_salary_eur": 50}}), encoding="utf-8")
        line = assert_refused(run_process("evaluate", str(path)))
        assert "employee.gross_monthly_salary_eur" in line
        assert "valt buiten het toegestane bereik" in line

    def test_bad_value_on_standard_input(self) -> None:
        """The same refusal when the scenario comes from standard input."""
        line = assert_refused(run_in_process("evaluate", "-", stdin=b'{"training": {"hours": -1}}'))
        assert "training.hours" in line

    def test_cross_field_rule(self) -> None:
        """A rule between fields (a clause on mandatory training) is refused the same way."""
        raw = b'{"training": {"kind": "mandatory"}, "retention": {"study_cost_clause": {"enabled": true}}}'
        line = assert_refused(run_in_process("evaluate", "-", stdin=raw))
        assert "retention.study_cost_clause.enabled" in line
        assert "7:611a" in line

    def test_malformed_json(self) -> None:
        """Text that is not JSON: one line about the file."""
        line = assert_refused(run_in_process("evaluate", "-", stdin=b'{"horizon_months": 36,'))
        assert "(scenario)" in line

    def test_too_large(self) -> None:
        """A file over the size limit is refused, not read in full."""
        line = assert_refused(run_in_process("evaluate", "-", stdin=b" " * 300_000))
        assert "(scenario)" in line

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist: one line naming the path."""
        missing = tmp_path / "nope.json"
        line = assert_refused(run_in_process("evaluate", str(missing)))
        assert str(missing) in line

    def test_no_arguments(self) -> None:
        """No command at all: one usage line, not argparse's multi-line usage block."""
        assert_refused(run_process())

    def test_unknown_command(self) -> None:
        """An unknown command: one line that names it."""
        line = assert_refused(run_in_process("frobnicate"))
        assert "frobnicate" in line

    def test_english_message(self) -> None:
        """``--lang en`` gives the English sentence with English number formatting."""
        raw = b'{"employee": {"gross_monthly_salary_eur": 50}}'
        line = assert_refused(run_process("--lang", "en", "evaluate", "-", stdin=raw))
        assert "employee.gross_monthly_salary_eur" in line
        assert "is outside the allowed range" in line
        assert "€100" in line and "€30,000" in line


PAYMENT = ("--start", "2020-01-01", "--end", "2025-01-01")


class TestUsageErrors:
    """argparse's own refusals, in the language asked for (before or after the command), naming the
    option, the value and what is allowed: the lines below are written out by hand."""

    @pytest.mark.parametrize(
        ("args", "line"),
        [
            (
                ("transition-payment", "--monthly-salary", "veel", *PAYMENT),
                "python -m calculators transition-payment: --monthly-salary: 'veel' is geen getal; "
                "vul een getal in, zoals 3000 of 3000,50.",
            ),
            (
                ("--lang", "en", "transition-payment", "--monthly-salary", "inf", *PAYMENT),
                "python -m calculators transition-payment: --monthly-salary: 'inf' is not a number; "
                "enter a number such as 3000 or 3000.50.",
            ),
            (
                (
                    "transition-payment",
                    "--monthly-salary",
                    "3000",
                    "--start",
                    "1-1-2020",
                    "--end",
                    "2025-01-01",
                ),
                "python -m calculators transition-payment: --start: '1-1-2020' is geen datum; "
                "schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-01-31.",
            ),
            (
                (
                    "transition-payment",
                    "--monthly-salary",
                    "3000",
                    *PAYMENT,
                    "--year",
                    "twee",
                    "--lang",
                    "en",
                ),
                "python -m calculators transition-payment: --year: 'twee' is not a whole number; "
                "enter a whole number such as 2026.",
            ),
            (
                ("transition-payment", *PAYMENT),
                "python -m calculators transition-payment: Ontbreekt: --monthly-salary.",
            ),
            (
                ("transition-payment", "--monthly-salary"),
                "python -m calculators transition-payment: --monthly-salary: de waarde erachter ontbreekt.",
            ),
            (
                ("evaluate", "x.json", "--format", "xml", "--lang", "en"),
                "python -m calculators evaluate: --format: 'xml' is not a valid choice; allowed: json, csv.",
            ),
            (
                ("--lang=en", "evaluate", "x.json", "--colour"),
                "python -m calculators: Not recognised: --colour. --help lists the options.",
            ),
            (
                ("frobnicate",),
                "python -m calculators: opdracht: 'frobnicate' is geen geldige keuze; "
                "toegestaan: evaluate, dead-end, explain, transition-payment, schema.",
            ),
            (
                ("--lang", "en"),
                "python -m calculators: Give a command: "
                "evaluate, dead-end, explain, transition-payment, schema.",
            ),
            (
                ("evaluate", "--lang", "xx", "x.json"),
                "python -m calculators evaluate: --lang: 'xx' is geen geldige keuze; toegestaan: nl, en.",
            ),
        ],
    )
    def test_usage_error_in_the_users_language(self, args: tuple[str, ...], line: str) -> None:
        """Pins each kind of usage error, word for word, in Dutch by default and in English on request."""
        assert assert_refused(run_in_process(*args)) == line

    def test_lang_after_the_command(self, tmp_path: Path) -> None:
        """Pins ``evaluate FILE --lang en``: the refusal in English, as with ``--lang en`` first."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({"employee": {"gross_monthly_salary_eur": 50}}), encoding="utf-8")
        after = assert_refused(run_in_process("evaluate", str(path), "--lang", "en"))
        before = assert_refused(run_in_process("--lang", "en", "evaluate", str(path)))
        assert after == before
        assert "is outside the allowed range" in after

    def test_a_value_with_a_line_break_stays_one_line(self) -> None:
        """Pins one line on stderr when the typed value holds a line break."""
        line = assert_refused(run_in_process("transition-payment", "--monthly-salary", "3\n000", *PAYMENT))
        assert line.startswith("python -m calculators transition-payment: --monthly-salary: ")


class TestSchema:
    """``schema``: the JSON Schema of the scenario file."""

    def test_prints_the_schema(self) -> None:
        """The printed schema is json_schema(), byte for byte the committed file."""
        run = run_process("schema")
        assert (run.code, run.stderr) == (0, "")
        assert run.json() == json_schema()
        committed = (REPO / "content" / "scenario.schema.json").read_text(encoding="utf-8")
        assert run.stdout == committed
