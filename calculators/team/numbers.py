"""Team mode's numbers: text typed the Dutch or the English way, and the notation a file shows.

Spreadsheet number cells are taken as they are. Text is read like this (euro signs around money
and a ``%`` after a percentage are allowed; a leading ``-`` or ``+`` is the sign):

- ``3250``, ``3250,5`` and ``3250.50`` — one separator that is not followed by exactly three digits
  is the decimal separator (Dutch comma or English point);
- ``3.250,50`` and ``3,250.50`` — with both separators, the last one is the decimal separator and
  the other must group thousands (``1.234.567,8``);
- ``1.250.000`` and ``1,250,000`` — the same separator twice or more groups thousands;
- ``1.800`` and ``1,800`` — one separator before exactly three digits (after one to three digits,
  not ``0``) can be read both ways. These are read by **the file's notation**, settled once per
  file: a semicolon-separated CSV is what Dutch Excel writes (Dutch), and every cell that can only
  be read one way shows its notation (``3.250,50``, ``3250,5`` and ``1.250.000`` are Dutch;
  ``3,250.50``, ``3250.5`` and ``1,250,000`` are English). In a Dutch file ``1.800`` is 1800 and
  ``1,800`` is 1.8; in an English file the other way round. A comma between the columns settles
  nothing (Google Sheets and LibreOffice write commas whatever the decimal mark). When the file
  gives no evidence, or evidence both ways, ``1.800`` is **refused as ambiguous** (a factor of a
  thousand on course fees is too costly a guess), and the message says which of the two it is and
  asks for ``1800`` or ``1,8``.

"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from calculators.formatting import number as format_number
from calculators.i18n import Lang, plural, text

__all__ = [
    "CellRefused",
    "Notation",
    "NotationEvidence",
    "NumberNotation",
    "ParsedNumber",
    "number_notation",
    "parse_decimal",
    "parse_number",
]

Notation = Literal["nl", "en"]  # Dutch 1.234,56 or English 1,234.56


@dataclass(frozen=True, slots=True)
class NotationEvidence:
    """What shows a file's number notation: a cell that can only be read one way (its row and its
    text), or, with ``row`` 0, the semicolons between the columns of a CSV (Dutch Excel's)."""

    row: int
    value: str = ""

    def describe(self, lang: Lang | str) -> str:
        """Where the evidence is, in ``lang``: "'3.250,50' in rij 2" or the semicolons."""
        if self.row == 0:
            return text(lang, "team.notation.semicolons")
        return text(lang, "team.notation.cell", value=self.value, row=self.row)


@dataclass(frozen=True, slots=True)
class NumberNotation:
    """How a file writes its numbers, settled once per file (see the module's notes).

    ``notation`` is None when the file shows no notation, or both (``dutch`` and ``english`` then
    say where). ``read`` counts the cells that could be read both ways and were read by
    ``notation``; ``example`` is the first of them.
    """

    notation: Notation | None = None
    dutch: NotationEvidence | None = None
    english: NotationEvidence | None = None
    read: int = 0
    example: NotationEvidence | None = None
    example_number: float = 0.0  # what the example was read as

    @property
    def mixed(self) -> bool:
        """Whether the file shows both notations."""
        return self.dutch is not None and self.english is not None

    def message(self, lang: Lang | str) -> str | None:
        """What the page says when numbers were read by the file's notation (else None).

        >>> note = NumberNotation("nl", NotationEvidence(0), read=1, example=NotationEvidence(3, "1.800"),
        ...                       example_number=1800.0)
        >>> print(note.message("en"))
        '1.800' in row 3 can be read two ways and was read as 1800, because the file writes numbers the ...
        """
        if self.notation is None or self.example is None or not self.read:
            return None
        evidence = self.dutch if self.notation == "nl" else self.english
        assert evidence is not None
        number = self.example_number
        reading = str(int(number)) if number.is_integer() else repr(number)
        if Lang(lang) is Lang.NL:
            reading = reading.replace(".", ",")
        return plural(
            lang,
            "team.notation.read",
            self.read,
            count=format_number(self.read, lang),
            example=self.example.value,
            row=self.example.row,
            reading=reading,
            notation=text(lang, f"team.notation.{self.notation}"),
            reason=evidence.describe(lang),
        )


class CellRefused(Exception):  # noqa: N818 — a signal inside the team reader; never leaves read_team_file
    """A cell could not be read."""

    def __init__(self, code: str, parts: tuple[str, str] = ("", "")) -> None:
        super().__init__(code)
        self.code = code
        self.parts = parts


_SIGNS = {"-": -1.0, "\u2212": -1.0, "+": 1.0}
_CURRENCY = re.compile(r"^(?:€|eur\b)\s*|\s*(?:€|eur)$", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9][0-9.,]*")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")  # what _unwrapped would leave as it is


def _grouped(number: str, separator: str) -> bool:
    groups = number.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


class ParsedNumber(NamedTuple):  # a tuple, not a dataclass: one per distinct number of a file, cheaply
    """A number read from text, the notation its writing shows (None: none), and for a number that
    could be read both ways, its two parts."""

    value: float
    shows: Notation | None = None
    ambiguous: tuple[str, str] | None = None


def _unwrapped(raw: str, *, money: bool, percent: bool) -> tuple[float, str]:
    """The sign and the digits with their separators, once spaces, sign, euro and % are taken off."""
    value = raw.strip()
    if percent:
        value = value.removesuffix("%").rstrip()
    sign = 1.0
    if value[:1] in _SIGNS:
        sign, value = _SIGNS[value[0]], value[1:].lstrip()
    if money:
        value = _CURRENCY.sub("", value, count=2).strip()
        if value[:1] in _SIGNS and sign == 1.0:  # "€ -500"
            sign, value = _SIGNS[value[0]], value[1:].lstrip()
    if value[:1] in {".", ","}:
        value = "0" + value  # ",5" is a half
    if not _DIGITS.fullmatch(value) or value[-1] in ".,":
        raise CellRefused("not_a_number")
    return sign, value


def parse_number(raw: str, *, money: bool, percent: bool, notation: Notation | None) -> ParsedNumber:
    """A number read from text (see the module's notes); raises :class:`CellRefused`."""
    if _PLAIN.fullmatch(raw):  # most cells ("3250", "3250,45"): no space, sign, euro or % to take off
        sign, value = 1.0, raw
    else:
        sign, value = _unwrapped(raw, money=money, percent=percent)
    dots, commas = value.count("."), value.count(",")
    shows: Notation | None
    ambiguous = None
    if dots and commas:
        decimal, group = (".", ",") if value.rfind(".") > value.rfind(",") else (",", ".")
        whole, _, fraction = value.rpartition(decimal)
        if decimal in whole or not _grouped(whole, group):
            raise CellRefused("not_a_number")
        digits = f"{whole.replace(group, '')}.{fraction}"
        shows = "nl" if decimal == "," else "en"
    elif dots + commas == 0:
        digits, shows = value, None
    elif dots + commas > 1:
        separator = "." if dots else ","
        if not _grouped(value, separator):
            raise CellRefused("not_a_number")
        digits = value.replace(separator, "")
        shows = "nl" if separator == "." else "en"  # a dot grouping thousands: the comma is decimal
    else:
        separator = "." if dots else ","
        whole, _, fraction = value.partition(separator)
        if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
            if notation is None:
                raise CellRefused("ambiguous", (whole, fraction))
            grouping = (separator == ".") == (notation == "nl")
            digits = whole + fraction if grouping else f"{whole}.{fraction}"
            shows, ambiguous = None, (whole, fraction)
        else:
            digits = f"{whole}.{fraction}"
            shows = "nl" if separator == "," else "en"
    number = sign * float(digits)
    if not math.isfinite(number):
        raise CellRefused("not_a_number")
    return ParsedNumber(number, shows, ambiguous)


def parse_decimal(
    raw: str, *, money: bool = False, percent: bool = False, notation: Notation | None = None
) -> float:
    """A number typed the Dutch or the English way (see the module's notes); ``notation`` reads the
    numbers that could be read both ways (``1.800``), which are refused without it.

    >>> parse_decimal("3.250,50"), parse_decimal("3250,5"), parse_decimal("3250.50")
    (3250.5, 3250.5, 3250.5)
    >>> parse_decimal("1,250,000"), parse_decimal("-0,25"), parse_decimal("€ 1.650,00", money=True)
    (1250000.0, -0.25, 1650.0)
    >>> parse_decimal("2,5%", percent=True)
    2.5
    >>> parse_decimal("1.800", notation="nl"), parse_decimal("1.800", notation="en")
    (1800.0, 1.8)
    >>> parse_decimal("3.250")
    Traceback (most recent call last):
    ...
    calculators.team.numbers.CellRefused: ambiguous
    """
    return parse_number(raw, money=money, percent=percent, notation=notation).value


def number_notation(raw: str, *, money: bool = False, percent: bool = False) -> Notation | None:
    """The notation a typed number shows: ``"nl"``, ``"en"``, or None when it shows none (no
    separator, one that could be read both ways, or not a number).

    >>> number_notation("3.250,50"), number_notation("3250.5"), number_notation("1.250.000")
    ('nl', 'en', 'nl')
    >>> number_notation("1.800"), number_notation("3250"), number_notation("veel")
    (None, None, None)
    """
    try:
        return parse_number(raw, money=money, percent=percent, notation=None).shows
    except CellRefused:
        return None
