"""argparse's usage errors in the user's language, for the command line (calculators/__main__.py).

argparse reports a usage error in English, as one sentence. The kinds below are recognised and
written again from content/ (``cli.*``), naming the option, the value and what is allowed; anything
else is passed on as argparse wrote it. The patterns follow Python 3.11's wording and allow the
later one, which no longer quotes the choices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from calculators.i18n import text

__all__ = ["usage_error"]

_ARGUMENT = re.compile(r"argument (?P<option>[^:]+): (?P<detail>.*)", re.DOTALL)
_CHOICE = re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)", re.DOTALL)
_TYPED = re.compile(r"invalid (?P<kind>number|date|int) value: (?P<value>.*)", re.DOTALL)
_TYPE_KEYS = {"number": "cli.not_a_number", "date": "cli.not_a_date", "int": "cli.not_a_whole_number"}
_UNKNOWN = "unrecognized arguments: "
_MISSING = "the following arguments are required: "
_COMMAND = "command"  # the dest of the sub-command, as argparse names it


def usage_error(message: str, lang: str, commands: Sequence[str]) -> str:
    """argparse's usage error in ``lang``, naming the option, the value and what is allowed.

    >>> usage_error("argument --monthly-salary: invalid number value: 'veel'", "nl", ())
    "--monthly-salary: 'veel' is geen getal; vul een getal in, zoals 3000 of 3000,50."
    >>> usage_error("unrecognized arguments: --colour", "en", ())
    'Not recognised: --colour. --help lists the options.'
    >>> usage_error("the following arguments are required: command", "nl", ("evaluate", "schema"))
    'Geef een opdracht: evaluate, schema.'
    >>> usage_error("argument --x: invalid choice: 'b' (choose from a, c)", "en", ())  # Python 3.12+
    "--x: 'b' is not a valid choice; allowed: a, c."
    >>> usage_error("ambiguous option: --l could match --lang, --list", "en", ())  # not one of ours
    'ambiguous option: --l could match --lang, --list'
    """
    if message.startswith(_UNKNOWN):
        return text(lang, "cli.unknown_arguments", arguments=message.removeprefix(_UNKNOWN))
    if message.startswith(_MISSING):
        missing = message.removeprefix(_MISSING)
        if missing == _COMMAND:
            return text(lang, "cli.missing_command", commands=", ".join(commands))
        return text(lang, "cli.missing_arguments", arguments=missing)
    argument = _ARGUMENT.fullmatch(message)
    if argument is None:
        return message
    option = text(lang, "cli.command") if argument["option"] == _COMMAND else argument["option"]
    detail = argument["detail"]
    if choice := _CHOICE.fullmatch(detail):
        values = ", ".join(part.strip().strip("'") for part in choice["choices"].split(","))
        return text(lang, "cli.not_one_of", option=option, value=choice["value"], values=values)
    if typed := _TYPED.fullmatch(detail):
        return text(lang, _TYPE_KEYS[typed["kind"]], option=option, value=typed["value"])
    if detail == "expected one argument":
        return text(lang, "cli.value_missing", option=option)
    return message
