"""Singular and plural by the language's own rules (Babel's CLDR data), never by hand-made keys."""

from __future__ import annotations

import pytest

from calculators.error_text import format_in_unit
from calculators.i18n import Lang, flat_keys, plural


@pytest.mark.parametrize(
    ("lang", "unit", "value", "expected"),
    [
        ("nl", "persons", 1, "1 persoon"),  # was "Toegestaan: 1 personen"
        ("nl", "persons", 249, "249 personen"),
        ("en", "persons", 1, "1 person"),
        ("nl", "months", 1, "1 maand"),
        ("nl", "months", 12, "12 maanden"),
        ("en", "years", 1, "1 year"),
        ("en", "years", 2, "2 years"),
        ("en", "hours", 1.5, "1.50 hours"),  # a fraction is "other" in English (two decimals, as every range)
    ],
)
def test_units_take_the_right_form(lang: str, unit: str, value: float, expected: str) -> None:
    """Pins the unit texts of range messages and figures for one and for many."""
    assert format_in_unit(value, unit, lang) == expected


def test_team_counts() -> None:
    """Pins "1 medewerker" / "3 medewerkers" and the English forms of the team page's count."""
    assert plural("nl", "team.computed", 1) == "1 medewerker doorgerekend."
    assert plural("nl", "team.computed", 3) == "3 medewerkers doorgerekend."
    assert plural("en", "team.skipped", 1).startswith("1 row skipped")


def test_no_hand_made_singular_keys_are_left() -> None:
    """Pins that no text key ends in "_one": singular forms live in plural groups (one/other)."""
    for lang in Lang:
        assert not [key for key in flat_keys(lang) if key.rsplit(".", 1)[-1].endswith("_one")]
