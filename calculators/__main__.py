"""Command line: ``python -m calculators evaluate FILE.json`` (or ``-`` for standard input).

The only module in calculators/ that does I/O beyond reading content/. Output is one JSON
object on standard output. Invalid input exits with status 2 and one line on standard error
that names the field, the value and the allowed range (``--lang nl|en``, Dutch by default).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from calculators.errors import ScenarioError
from calculators.evaluate import evaluate
from calculators.i18n import Lang, text
from calculators.scenario_io import MAX_FILE_BYTES, json_schema, load_scenario_json

EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INVALID, f"{self.prog}: {message}\n")


def _parser() -> _Parser:
    parser = _Parser(prog="python -m calculators", description="Leerwinst training cost/benefit model.")
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
    commands.add_parser("schema", help="print the JSON Schema of the scenario file")
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        scenario = load_scenario_json(_read(args.file, args.lang))
    except ScenarioError as error:
        return _fail(error.message(args.lang))
    result = evaluate(scenario)
    print(json.dumps(result.to_dict(with_months=not args.no_months), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
