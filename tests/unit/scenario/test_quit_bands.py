"""The quit-probability bands (content/quit_bands.yaml via calculators/quit_bands.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators import quit_bands
from calculators.content import ContentError, load_yaml


@pytest.fixture(autouse=True)
def _fresh() -> Any:
    quit_bands.quit_bands.cache_clear()
    yield
    quit_bands.quit_bands.cache_clear()


@pytest.mark.parametrize(
    ("age", "years", "expected", "band"),
    [
        (25, 0.5, 0.30, "new_staff"),  # under two years' service, whatever the age
        (58, 1.9, 0.30, "new_staff"),
        (45, 2, 0.06, "age_45_plus"),  # 45 exactly is in the band
        (52, 18, 0.06, "age_45_plus"),
        (44, 2, 0.11, "settled_staff"),  # two years exactly is no longer new
        (30, 10, 0.11, "settled_staff"),
    ],
)
def test_the_first_band_that_holds(age: int, years: float, expected: float, band: str) -> None:
    """Pins each band's edges: under 2 years first, then 45 and over, then everyone."""
    found = quit_bands.suggested_quit(age, years)
    assert (found.value, found.id) == (expected, band)


def test_only_the_secondary_source_is_flagged() -> None:
    """Pins "to verify" on the 45-plus band (a summary of CBS figures) and not on the CBS-based ones."""
    flags = {band.id: band.to_verify for band in quit_bands.quit_bands()}
    assert flags == {"new_staff": False, "age_45_plus": True, "settled_staff": False}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["bands"]["settled_staff"].update(age_from=18), "apply to everyone"),
        (lambda raw: raw["bands"]["new_staff"].update(value=1.5), "outside the field's range"),
        (lambda raw: raw["bands"]["new_staff"].pop("basis"), "new_staff"),
    ],
)
def test_a_broken_file_is_refused(monkeypatch: pytest.MonkeyPatch, change: Any, message: str) -> None:
    """Pins a content error naming the problem."""
    raw = copy.deepcopy(load_yaml("quit_bands.yaml"))
    change(raw)
    monkeypatch.setattr(quit_bands, "load_yaml", lambda _path: raw)
    with pytest.raises(ContentError, match=message):
        quit_bands.quit_bands()
