"""Command line of the calculators; the only module here that does I/O beyond reading content/.

    python -m calculators evaluate FILE.json|- [--format json|csv]
                                                        the training's result; csv: cash by month
    python -m calculators dead-end FILE.json|-          the four options for a dead-end track
    python -m calculators explain FILE.json|- [--lang nl|en] [--role owner|advisor] [--doubts W1,W4]
                                                        what the person reads: headline, figures,
                                                        what would have to change, the cards
    python -m calculators transition-payment --monthly-salary EUR --start YYYY-MM-DD --end YYYY-MM-DD
    python -m calculators schema                        the scenario file's JSON Schema

Output is one JSON object on standard output (``evaluate --format csv``: a CSV table). Invalid
input exits with status 2 and one line on standard error that names the field (or option), the
value and what is allowed, in the language of ``--lang nl|en`` (Dutch by default; before or after
the command). argparse's own usage errors (an unknown option, a missing value, a choice not
offered, a number or date it cannot read) are written in that language too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from calculators.dead_end.compare import compare_options
from calculators.dead_end.results import DeadEndComparison
from calculators.dead_end.transition_payment import SalaryBase, TransitionPayment, transition_payment
from calculators.error_text import render_error
from calculators.errors import ScenarioError
from calculators.explain import read
from calculators.formatting import number
from calculators.i18n import Lang, text
from calculators.money.cash_by_month import cash_csv
from calculators.money.evaluate import evaluate
from calculators.rules import available_years, rules_for
from calculators.scenario.fields import field_spec
from calculators.scenario.io import MAX_FILE_BYTES, json_schema, load_scenario_json
from calculators.scenario.model import Scenario
from calculators.usage_errors import usage_error

EXIT_INVALID = 2
# Contract dates this command accepts: any real contract, and far from the calendar's ends (9999-12-31).
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


COMMANDS = ("evaluate", "dead-end", "explain", "transition-payment", "schema")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr, in the user's language, and exit status 2."""

    lang = Lang.NL.value  # set by main() from the command line before parsing

    def error(self, message: str) -> NoReturn:
        said = " ".join(usage_error(message, self.lang, COMMANDS).splitlines())  # one line, always
        self.exit(EXIT_INVALID, f"{self.prog}: {said}\n")


def _language(argv: Sequence[str]) -> str:
    """The language asked for anywhere on the command line (the last --lang wins), else Dutch.

    argparse reports usage errors while it reads the line, before --lang is known to it.
    """
    known = {item.value for item in Lang}
    lang = Lang.NL.value
    for word, after in itertools.pairwise([*argv, ""]):
        asked = after if word == "--lang" else word.removeprefix("--lang=")
        if (word == "--lang" or word.startswith("--lang=")) and asked in known:
            lang = asked
    return lang


def _with_lang(command: argparse.ArgumentParser, help_text: str = "language of error messages") -> None:
    """``--lang`` after the command as well as before it: ``evaluate FILE --lang en``."""
    command.add_argument(
        "--lang",
        dest="command_lang",
        choices=[lang.value for lang in Lang],
        default=None,
        help=f"{help_text} (default: the global --lang, else nl)",
    )


def _parser(lang: str = Lang.NL.value) -> _Parser:
    parser = _Parser(prog="python -m calculators", description="Leerwinst training cost/benefit model.")
    parser.lang = lang
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        default=Lang.NL.value,
        help="language of error messages (default: nl)",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    evaluate_cmd = commands.add_parser(
        "evaluate", help="evaluate a scenario file and print the result as JSON"
    )
    evaluate_cmd.add_argument("file", help="scenario JSON file, or - for standard input")
    evaluate_cmd.add_argument("--no-months", action="store_true", help="leave out the monthly table")
    evaluate_cmd.add_argument(
        "--format",
        choices=["json", "csv"],
        default="json",
        help="json: the whole result (default); csv: one row per month, money out and in, undiscounted "
        "and discounted, with running totals (the results page's 'cash by month'; --lang sets the "
        "spreadsheet notation)",
    )
    dead_end_cmd = commands.add_parser(
        "dead-end", help="compare the options for an employee on a dead-end track"
    )
    dead_end_cmd.add_argument("file", help="scenario JSON file, or - for standard input")
    explain_cmd = commands.add_parser(
        "explain", help="what the page says for a scenario: headline, figures, what would change, cards"
    )
    explain_cmd.add_argument("file", help="scenario JSON file, or - for standard input")
    _with_lang(explain_cmd, "language of the texts and errors")
    explain_cmd.add_argument(
        "--role",
        choices=("owner", "advisor"),
        default="owner",
        help="owner: the top cards, every ticked doubt answered; advisor: every card (default owner)",
    )
    explain_cmd.add_argument(
        "--doubts",
        default=None,
        metavar="W1,W4,...",
        help="the doubts ticked, comma-separated (default: the scenario file's own)",
    )
    tv = commands.add_parser("transition-payment", help="the statutory transition payment (art. 7:673 BW)")
    tv.add_argument(
        "--monthly-salary",
        required=True,
        type=_number,
        metavar="EUR",
        help="gross monthly base salary",
    )
    tv.add_argument("--start", required=True, type=_date, help="first day of the contract, YYYY-MM-DD")
    tv.add_argument("--end", required=True, type=_date, help="last day of the contract, YYYY-MM-DD")
    tv.add_argument(
        "--holiday-allowance",
        type=_number,
        default=0.08,
        metavar="RATE",
        help="holiday allowance as a fraction (default 0.08)",
    )
    tv.add_argument(
        "--fixed-extras",
        type=_number,
        default=0.0,
        metavar="EUR",
        help="fixed extras per year: a fixed 13th month or year-end payment, fixed overtime "
        "and shift pay of the last 12 months (one twelfth is added to the monthly salary)",
    )
    tv.add_argument(
        "--variable-3y",
        type=_number,
        default=0.0,
        metavar="EUR",
        help="bonuses and profit shares over the three calendar years before (one 36th is added)",
    )
    tv.add_argument(
        "--deductible-costs",
        type=_number,
        default=0.0,
        metavar="EUR",
        help="costs that meet every condition for deduction",
    )
    tv.add_argument("--year", type=int, default=None, help="rules year (default: the end date's year)")
    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of the scenario file")
    for command in (evaluate_cmd, dead_end_cmd, tv, schema_cmd):
        _with_lang(command)
    for command in (evaluate_cmd, dead_end_cmd, explain_cmd, tv, schema_cmd):
        assert isinstance(command, _Parser)
        command.lang = lang
    assert tuple(commands.choices) == COMMANDS
    return parser


def _number(raw: str) -> float:
    """A number as typed, with a decimal point or comma; argparse reports "invalid number value"."""
    value = float(raw.replace(",", "."))  # ValueError when it is no number
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


_number.__name__ = "number"


def _date(raw: str) -> dt.date:
    """A date as YYYY-MM-DD; argparse reports "invalid date value"."""
    return dt.date.fromisoformat(raw)


_date.__name__ = "date"


def _read(path: str, lang: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SystemExit(
            _fail(text(lang, "cli.cannot_read", path=path, reason=exc.strerror or str(exc)))
        ) from None


def _fail(message: str) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return EXIT_INVALID


def _transition_payment(args: argparse.Namespace) -> int:
    """The transition-payment command: validate the options, compute, print."""
    year = args.year if args.year is not None else args.end.year
    checks = [
        ("--monthly-salary", args.monthly_salary, 0.0, 1_000_000.0),
        ("--holiday-allowance", args.holiday_allowance, 0.0, 0.25),
        ("--fixed-extras", args.fixed_extras, 0.0, 10_000_000.0),
        ("--variable-3y", args.variable_3y, 0.0, 10_000_000.0),
        ("--deductible-costs", args.deductible_costs, 0.0, 10_000_000.0),
    ]
    for option, value, low, high in checks:
        if not low <= value <= high:
            shown = {
                name: number(v, args.lang, 2) for name, v in (("value", value), ("min", low), ("max", high))
            }
            return _fail(text(args.lang, "cli.out_of_range", option=option, **shown))
    earliest, latest = DATE_RANGE
    for option, day in (("--start", args.start), ("--end", args.end)):
        if not earliest <= day <= latest:
            key = "robustness.cli.date_out_of_range"
            return _fail(text(args.lang, key, option=option, value=day, min=earliest, max=latest))
    if args.end < args.start:
        return _fail(text(args.lang, "cli.end_before_start", start=args.start, end=args.end))
    years = available_years()
    if year not in years:
        return _fail(text(args.lang, "cli.no_rules_year", year=year, years=", ".join(map(str, years))))
    salary = SalaryBase(
        args.monthly_salary,
        args.holiday_allowance,
        fixed_year_end_eur=args.fixed_extras,
        variable_components_3y_eur=args.variable_3y,
    )
    result = transition_payment(
        salary, args.start, args.end, rules_for(year), extra_deductible_eur=args.deductible_costs
    )
    print(json.dumps(_transition_payment_json(result), ensure_ascii=False))
    return 0


def _transition_payment_json(tp: TransitionPayment) -> dict[str, Any]:
    return {
        "amount_eur": round(tp.amount_eur, 2),
        "before_deduction_eur": round(tp.before_deduction_eur, 2),
        "before_cap_eur": round(tp.before_cap_eur, 2),
        "cap_eur": round(tp.cap_eur, 2),
        "capped": tp.capped,
        "deduction_eur": round(tp.deduction_eur, 2),
        "service_years": round(tp.service.in_years, 6),
        "service": {"years": tp.service.years, "months": tp.service.months, "days": tp.service.days},
        "monthly_salary_eur": round(tp.monthly_salary_eur, 2),
        "rules_year": tp.rules_year,
        "to_verify": list(tp.to_verify),
    }


def _dead_end_json(result: DeadEndComparison) -> dict[str, Any]:
    return {
        "rules_year": result.rules_year,
        "cheapest": result.cheapest.value,
        "runner_up": result.runner_up.value,
        "margin_eur": round(result.margin_eur, 2),
        "cheapest_without_compensation": result.cheapest_without_compensation.value,
        "robust": result.robust,
        "options": [
            {
                "option": item.option.value,
                "route": item.route.value,
                "available": item.available,
                "unavailable_reason": item.unavailable_reason,
                "net_cost_eur": round(item.net_cost_eur, 2),
                "net_cost_without_compensation_eur": round(item.net_cost_without_compensation_eur, 2),
                "components_eur": {name: round(value, 2) for name, value in item.components.items()},
                "procedure_months": item.procedure_months,
                "notice_months": item.notice_months,
                "notice_served_months": item.notice_served_months,
                "exit_month": item.exit_month,
                "transition_payment_eur": round(item.transition_payment_eur, 2),
                "deduction_eur": round(item.deduction_eur, 2),
                "settlement_eur": None if item.settlement_eur is None else round(item.settlement_eur, 2),
                "notes": list(item.notes),
            }
            for item in result.options
        ],
        "sensitivities": [
            {"field": item.field, "current": item.current, "lower": item.lower, "upper": item.upper}
            for item in result.sensitivities
        ],
        "to_verify": list(result.to_verify),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _language(words)
    args = _parser(lang).parse_args(words)
    args.lang = lang  # "evaluate FILE --lang en" as well as "--lang en evaluate FILE": the last one counts
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "transition-payment":
        return _transition_payment(args)
    try:
        scenario = load_scenario_json(_read(args.file, args.lang))
    except ScenarioError as error:
        return _fail(render_error(error, args.lang))
    if args.command == "dead-end":
        try:
            comparison = compare_options(scenario)  # checks the case as a dead end, whatever its outlook
        except ScenarioError as error:
            return _fail(render_error(error, args.lang))
        print(json.dumps(_dead_end_json(comparison), ensure_ascii=False))
        return 0
    if args.command == "explain":
        return _explain(scenario, args)
    result = evaluate(scenario)
    if args.format == "csv":
        sys.stdout.write(cash_csv(result, args.lang).decode("utf-8-sig"))
        return 0
    print(json.dumps(result.to_dict(with_months=not args.no_months), ensure_ascii=False))
    return 0


def _explain(scenario: Scenario, args: argparse.Namespace) -> int:
    """The explain command: what the results page and the report say, as JSON."""
    doubts: tuple[str, ...] | None = None
    if args.doubts is not None:
        allowed = field_spec("doubts").values
        given = tuple(item.strip().upper() for item in args.doubts.split(",") if item.strip())
        unknown = [item for item in given if item not in allowed]
        if unknown:
            return _fail(
                text(
                    args.lang,
                    "cli.not_one_of",
                    option="--doubts",
                    value=unknown[0],
                    values=", ".join(allowed),
                )
            )
        doubts = tuple(item for item in allowed if item in given)  # canonical order, no duplicates
    reading = read(scenario, args.lang, owner=args.role == "owner", doubts=doubts)
    print(json.dumps(reading.to_dict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
