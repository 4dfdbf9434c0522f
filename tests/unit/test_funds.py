"""The sector funds table (content/funds.yaml via calculators/funds.py): complete, sourced, no amounts."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest

from calculators import funds
from calculators.content import ContentError, load_yaml
from calculators.i18n import Lang
from calculators.scenario.model import Sector
from calculators.sources import sources


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    funds.fund_guide.cache_clear()
    yield
    funds.fund_guide.cache_clear()


def test_every_sector_has_an_entry_or_says_there_is_none() -> None:
    """Pins one entry per sector of the app: a fund or contact with name and address, or a note why not."""
    guide = funds.fund_guide()
    assert set(guide.sectors) == set(Sector)
    for sector in Sector:
        entry = funds.fund_for(sector)
        if entry.kind is funds.FundKind.NO_SINGLE_FUND:
            assert all(entry.note_in(lang) for lang in Lang), sector
        else:
            assert entry.name and entry.url.startswith("https://"), sector
            assert all(entry.covers_in(lang) for lang in Lang), sector


def test_every_entry_is_sourced_and_dated() -> None:
    """Pins sources that exist in sources.yaml and a check date that is not in the future."""
    guide = funds.fund_guide()
    assert guide.checked <= dt.date.today()
    for entry in guide.sectors.values():
        assert entry.sources and all(source in sources() for source in entry.sources)
    assert all(source in sources() for source in guide.how_to_find_sources)


def test_no_amount_is_ever_promised() -> None:
    """Pins the rule that the table never names an amount (a fund's contributions change every year)."""
    money = re.compile(r"€|\beuro\b|\d+\s*%")
    for entry in funds.fund_guide().sectors.values():
        for lang in Lang:
            assert not money.search(entry.covers_in(lang) + entry.note_in(lang)), entry.sector


def test_the_examples_named_in_the_rules() -> None:
    """Pins the funds dutch-rules §5.3 names for installation (OTIB, now Wij Techniek) and metal (OOM)."""
    assert funds.fund_for("installation").name == "Wij Techniek"
    assert "OTIB" in funds.fund_for("installation").note_in("nl")
    assert funds.fund_for("metal").name == "OOM"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["sectors"].pop("care"), "without an entry"),
        (lambda raw: raw["sectors"]["metal"].update(url="http://www.oom.nl"), "https://"),
        (lambda raw: raw["sectors"]["metal"].update(sources=["no_such_source"]), "unknown sources"),
        (lambda raw: raw["sectors"]["care"].pop("note"), "note that says why"),
        (lambda raw: raw["sectors"]["metal"]["covers"].pop("en"), "every language"),
        (lambda raw: raw.update(checked="soon"), "must be a date"),
    ],
)
def test_a_broken_table_is_refused_at_start_up(
    monkeypatch: pytest.MonkeyPatch, change: Any, message: str
) -> None:
    """Pins a content error naming what is wrong, for each way the table can be broken."""
    raw = copy.deepcopy(load_yaml("funds.yaml"))
    change(raw)
    monkeypatch.setattr(funds, "load_yaml", lambda _path: raw)
    with pytest.raises(ContentError, match=message):
        funds.fund_guide()
