"""The assumptions table: each field's value next to its default, and whether the user changed it."""

from __future__ import annotations

import pandas as pd
import pytest

from calculators import scenario_from_dict
from calculators.i18n import Lang, text
from ui.assumptions_table import assumptions_frame
from ui.form.steps import ALL_FIELDS

PATHS = [path for path in ALL_FIELDS if path != "doubts"]


def _row(frame: pd.DataFrame, lang: Lang, path: str) -> dict[str, str]:
    label = text(lang, f"fields.{path}.label")
    (row,) = frame[frame[text(lang, "assumptions.field")] == label].to_dict("records")
    return {str(key): str(value) for key, value in row.items()}


@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_defaults_are_never_marked_changed(lang: Lang) -> None:
    """Pins "not changed" on every row of an untouched case, the list of clause costs included (it
    arrives as a list from the form and is a tuple in the defaults: the same choice)."""
    frame = assumptions_frame(scenario_from_dict({}), PATHS, lang)
    changed = frame[text(lang, "assumptions.changed")]
    assert set(changed) == {text(lang, "assumptions.no")}
    covers = _row(frame, lang, "retention.study_cost_clause.covers")
    items = ("course_fees", "materials_exam", "travel")  # defaults.yaml: the clause covers all three
    listed = ", ".join(text(lang, f"choices.retention.study_cost_clause.covers.{item}") for item in items)
    assert covers[text(lang, "assumptions.value")] == listed
    assert covers[text(lang, "assumptions.default")] == listed


def test_changed_fields_are_marked_with_value_and_default() -> None:
    """Pins fees of € 1.500 against the default € 1.000, and a clause over the course fees only."""
    case = {
        "training": {"course_fees_eur": 1500},
        "retention": {"study_cost_clause": {"enabled": True, "covers": ["course_fees"]}},
    }
    frame = assumptions_frame(scenario_from_dict(case), PATHS, Lang.NL)
    fees = _row(frame, Lang.NL, "training.course_fees_eur")
    assert (fees["Waarde"], fees["Standaard"], fees["Aangepast"]) == (
        "€\u00a01.500",
        "€\u00a01.000",
        "ja",
    )  # a no-break space after €
    covers = _row(frame, Lang.NL, "retention.study_cost_clause.covers")
    assert (covers["Waarde"], covers["Aangepast"]) == ("Cursusgeld", "ja")
    changed = frame[frame["Aangepast"] == "ja"]["Gegeven"].tolist()
    assert changed == ["Cursusgeld", "Studiekostenbeding", "Kosten onder het beding"]
