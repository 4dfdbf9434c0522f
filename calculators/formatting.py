"""Numbers, money and percentages written the way each language reads them.

Dutch: ``€ 1.234,56`` and ``12,5 %``. English: ``€1,234.56`` and ``12.5%`` (Irish English, a euro
locale, so an English reader never mistakes the Dutch thousands dot for a decimal point).
Formatting is done in Python (Babel) so that every text, table, chart and report shows the same
string and tests can check it.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, format_currency, format_decimal, parse_pattern

from calculators.i18n import BABEL_LOCALE, Lang

__all__ = [
    "BABEL_LOCALE",
    "MINUS",
    "WORD_JOINER",
    "money",
    "number",
    "percent",
    "rounded_half_up",
    "signed_money",
]

# Digits enough for any float (the largest has 309 before the point). The default 28 makes rounding
# fail from 1e26 up — amounts only bad input reaches, but its error message must still show them.
_DIGITS = 400
# A sign in front of "€" may be split from it at the end of a line ("-" / "€1,950" on a phone): the
# typographic minus sign, glued to the amount by a word joiner (Unicode UAX #14: no break beside U+2060).
MINUS = "\u2212"
WORD_JOINER = "\u2060"


@cache
def _locale(lang: Lang | str) -> Locale:
    """The Babel locale, parsed once (parsing it on every call was half the cost of a figure)."""
    return Locale.parse(BABEL_LOCALE[Lang(lang)])


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def _half_up(value: float, decimals: int) -> Decimal:
    """Round half away from zero, as people do (Python's round() would give 12 for 12.5)."""
    with localcontext(prec=_DIGITS):
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rounded_half_up(value: float, decimals: int = 0) -> float:
    """The value as this module shows it: rounded half away from zero, as a float.

    >>> rounded_half_up(11438.5), rounded_half_up(-2.5), rounded_half_up(23.4712, 2)
    (11439.0, -3.0, 23.47)
    """
    return float(_half_up(value, decimals))


def money(value: float, lang: Lang | str, *, cents: bool = False) -> str:
    """Euros, whole by default.

    >>> money(1234.56, "nl", cents=True)
    '€\\xa01.234,56'
    >>> money(-1234.4, "en")  # a minus sign that never leaves its amount at a line end
    '\u2212\u2060€1,234'
    >>> money(-1234.4, "nl")  # Dutch puts the sign after "€ ", joined by a no-break space already
    '€\xa0-1.234'
    """
    if not math.isfinite(value):
        return "–"
    pattern = (
        None if cents else _pattern("¤\xa0#,##0;¤\xa0-#,##0" if Lang(lang) is Lang.NL else "¤#,##0;-¤#,##0")
    )
    with localcontext(prec=_DIGITS):
        rounded = _half_up(value, 2 if cents else 0)
        if rounded == 0:
            rounded = Decimal(0)  # never print "-€0"
        formatted = format_currency(
            rounded, "EUR", format=pattern, locale=_locale(lang), currency_digits=cents
        )
    return MINUS + WORD_JOINER + formatted[1:] if formatted.startswith("-") else formatted


def signed_money(value: float, lang: Lang | str) -> str:
    """Whole euros with an explicit + for gains (for deltas).

    >>> signed_money(250, "nl")
    '+\\u2060€\\xa0250'
    """
    text = money(value, lang)
    return f"+{WORD_JOINER}{text}" if _half_up(value, 0) > 0 else text


def number(value: float, lang: Lang | str, decimals: int = 0) -> str:
    """A plain number with the language's separators.

    >>> number(1234.5, "nl", 1)
    '1.234,5'
    """
    if not math.isfinite(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    with localcontext(prec=_DIGITS):
        rounded = _half_up(value, decimals)
        if rounded == 0:
            rounded = Decimal(0)
        return format_decimal(
            rounded, format=_pattern(pattern), locale=_locale(lang), decimal_quantization=False
        )


def percent(fraction: float, lang: Lang | str, decimals: int = 1) -> str:
    """A fraction as a percentage (Dutch puts a space before the sign).

    >>> percent(0.125, "nl")
    '12,5\\xa0%'
    >>> percent(0.125, "en", 0)
    '13%'
    """
    if not math.isfinite(fraction):
        return "–"
    figure = number(fraction * 100, lang, decimals)
    return f"{figure}\xa0%" if Lang(lang) is Lang.NL else f"{figure}%"
