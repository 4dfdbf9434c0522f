"""The pointer to the sector's O&O fund on the training step (pure: sector in, text out).

Every fact comes from content/funds.yaml (calculators/funds.py); the words around them from
content/i18n (funds.*). Never an amount: what a fund grants, the user enters as a subsidy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date

from calculators.funds import FundKind, fund_for, fund_guide
from calculators.i18n import BABEL_LOCALE, Lang, text
from calculators.scenario.model import Sector
from calculators.sources import source

__all__ = ["FundPointer", "fund_pointer"]


@dataclass(frozen=True, slots=True)
class FundPointer:
    """What the training step says about the sector's fund."""

    title: str
    body: str  # markdown: the fund, its address and what it typically supports, or why there is none
    verify: str  # the "to verify" flag: when and against what it was checked
    subsidy_name: str  # the name for a subsidy line from this fund ("" when there is no fund)


def _date(lang: Lang, day: dt.date) -> str:
    """A date as the language writes it in full: "6 december 2026" / "6 December 2026"."""
    return format_date(day, format="long", locale=BABEL_LOCALE[lang])


def fund_pointer(sector: Sector | str, lang: Lang | str) -> FundPointer:
    """The pointer for ``sector`` in ``lang`` (content only, so built once per pair and process)."""
    return _pointer(Sector(sector).value, Lang(lang))


@lru_cache(maxsize=64)
def _pointer(sector: str, lang: Lang) -> FundPointer:
    """The pointer for ``sector`` in ``lang``.

    >>> p = fund_pointer("installation", "nl")
    >>> "Wij Techniek" in p.body and "https://www.wij-techniek.nl" in p.body, p.subsidy_name
    (True, 'Wij Techniek')
    >>> fund_pointer("care", "en").subsidy_name
    ''
    """
    language = Lang(lang)
    entry = fund_for(sector)
    guide = fund_guide()
    if entry.kind is FundKind.NO_SINGLE_FUND:
        body = text(
            language, "funds.none", note=entry.note_in(language), how=guide.how_to_find[language.value]
        )
    else:
        key = "funds.fund" if entry.kind is FundKind.FUND else "funds.contact"
        body = text(language, key, name=entry.full_name, url=entry.url, covers=entry.covers_in(language))
        if entry.note_in(language):
            body += " " + entry.note_in(language)
        body += "\n\n" + text(language, "funds.enter")
    cited = ", ".join(source(item).citation() for item in entry.sources)
    flag = "funds.verify_none" if entry.kind is FundKind.NO_SINGLE_FUND else "funds.verify"
    verify = text(language, flag, date=_date(language, entry.checked), sources=cited)
    return FundPointer(
        title=text(language, "funds.title"),
        body=body,
        verify=verify,
        subsidy_name="" if entry.kind is FundKind.NO_SINGLE_FUND else entry.name,
    )
