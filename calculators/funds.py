"""The sector's O&O fund (opleidings- en ontwikkelingsfonds): who may contribute to a course.

Notes
-----
Most SMEs that get money for training get it from their sector's O&O fund, a foundation of the cao's
social partners financed by a levy on the wage bill (sources.yaml: sol_oo_fonds; dutch-rules §0 and
§5.3: SLIM rarely fits one person's course). ``content/funds.yaml`` names, per sector of the app,
the fund (or the body that runs the cao's training arrangements, or that there is no single fund),
its web address, what it typically supports in our own words, its sources and the day it was
checked. It never holds an amount: a fund's contributions change every year, and what it grants is
the user's to enter as a subsidy (docs/money-model.md §3). Every entry is shown with a "to verify"
flag: it was checked against stored copies of its sources, not the live sites.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from calculators.content import ContentError, load_yaml
from calculators.i18n import Lang
from calculators.scenario.model import Sector
from calculators.sources import sources

__all__ = ["FundGuide", "FundKind", "SectorFund", "fund_for", "fund_guide"]


class FundKind(StrEnum):
    """What the sector has."""

    FUND = "fund"  # a fund that may contribute
    CONTACT = "contact"  # the body that runs the cao's training arrangements, not confirmed as a fund
    NO_SINGLE_FUND = "no_single_fund"  # many cao's, or none with a fund


@dataclass(frozen=True, slots=True)
class SectorFund:
    """One sector's entry of content/funds.yaml."""

    sector: Sector
    kind: FundKind
    name: str  # short name ("" without a fund)
    full_name: str
    url: str  # the fund's own web address ("" without a fund)
    covers: Mapping[str, str]  # what it typically supports, by language ({} without a fund)
    note: Mapping[str, str]  # a caveat, by language
    sources: tuple[str, ...]
    checked: dt.date

    def covers_in(self, lang: Lang | str) -> str:
        """What the fund typically supports, in ``lang`` ("" when there is no fund)."""
        return self.covers.get(Lang(lang).value, "")

    def note_in(self, lang: Lang | str) -> str:
        """The entry's caveat, in ``lang``."""
        return self.note.get(Lang(lang).value, "")


@dataclass(frozen=True, slots=True)
class FundGuide:
    """Every sector's entry, and how to find a fund when the sector is not listed."""

    checked: dt.date
    how_to_find: Mapping[str, str]
    how_to_find_sources: tuple[str, ...]
    sectors: Mapping[Sector, SectorFund]


def _texts(entry: Mapping[str, object], key: str, where: str) -> dict[str, str]:
    raw = entry.get(key, {})
    if not isinstance(raw, Mapping) or (raw and set(raw) != {lang.value for lang in Lang}):
        raise ContentError(f"funds.yaml: {where}.{key} needs a text in every language")
    return {str(lang): str(value) for lang, value in raw.items()}


def _sources(raw: object, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise ContentError(f"funds.yaml: {where}.sources needs at least one source id")
    unknown = [item for item in raw if item not in sources()]
    if unknown:
        raise ContentError(f"funds.yaml: {where} cites unknown sources {unknown}")
    return tuple(str(item) for item in raw)


def _entry(sector: Sector, entry: Mapping[str, object], checked: dt.date) -> SectorFund:
    where = f"sectors.{sector.value}"
    try:
        kind = FundKind(str(entry["kind"]))
    except (KeyError, ValueError) as exc:
        raise ContentError(f"funds.yaml: {where}.kind must be one of {[k.value for k in FundKind]}") from exc
    named = kind is not FundKind.NO_SINGLE_FUND
    url = str(entry.get("url", ""))
    if named and (not entry.get("name") or not url.startswith("https://")):
        raise ContentError(f"funds.yaml: {where} needs a name and an https:// web address")
    covers = _texts(entry, "covers", where)
    note = _texts(entry, "note", where)
    if named and not covers:
        raise ContentError(f"funds.yaml: {where} needs what the fund typically supports")
    if not named and not note:
        raise ContentError(f"funds.yaml: {where} without a fund needs a note that says why")
    return SectorFund(
        sector=sector,
        kind=kind,
        name=str(entry.get("name", "")),
        full_name=str(entry.get("full_name", entry.get("name", ""))),
        url=url,
        covers=covers,
        note=note,
        sources=_sources(entry.get("sources"), where),
        checked=checked,
    )


@lru_cache(maxsize=1)
def fund_guide() -> FundGuide:
    """content/funds.yaml, checked: every sector has an entry; a malformed one is a content error.

    >>> guide = fund_guide()
    >>> guide.sectors[Sector.INSTALLATION].name, guide.sectors[Sector.CARE].kind.value
    ('Wij Techniek', 'no_single_fund')
    """
    raw = load_yaml("funds.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("sectors"), Mapping):
        raise ContentError("funds.yaml must have a 'sectors' mapping")
    checked = raw.get("checked")
    if not isinstance(checked, dt.date):
        raise ContentError("funds.yaml: 'checked' must be a date (YYYY-MM-DD)")
    entries = raw["sectors"]
    missing = [sector.value for sector in Sector if sector.value not in entries]
    unknown = [name for name in entries if name not in {sector.value for sector in Sector}]
    if missing or unknown:
        raise ContentError(f"funds.yaml: sectors without an entry {missing}, unknown sectors {unknown}")
    return FundGuide(
        checked=checked,
        how_to_find=_texts(raw, "how_to_find", "how_to_find"),
        how_to_find_sources=_sources(raw.get("how_to_find_sources"), "how_to_find"),
        sectors={sector: _entry(sector, entries[sector.value], checked) for sector in Sector},
    )


def fund_for(sector: Sector | str) -> SectorFund:
    """The entry of one sector.

    >>> fund_for("metal").url
    'https://www.oom.nl'
    """
    return fund_guide().sectors[Sector(sector)]
