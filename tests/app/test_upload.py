"""Opening a saved case: good files load; bad files are refused by name and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculators.error_text import field_label
from calculators.i18n import text
from calculators.scenario.io import MAX_FILE_BYTES
from tests.app.helpers import goto, set_number
from ui.session import UPLOAD_KEY, widget_key

EXAMPLES = Path(__file__).resolve().parents[2] / "content" / "examples"
SALARY = widget_key("employee.gross_monthly_salary_eur")


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.expander[0]  # the "open a saved scenario" expander holds the uploader
    at.file_uploader(key=UPLOAD_KEY).set_value((name, data, "application/json")).run()
    assert not at.exception, at.exception
    return at


def _errors(at: AppTest) -> list[str]:
    return [error.value.replace("\\", "") for error in at.error]


class TestGoodFile:
    """A valid scenario file fills in the form."""

    def test_example_loads_into_every_step(self, app: AppTest) -> None:
        """Pins that uploading the garage example sets its salary, training and clause in the form."""
        _upload(app, "garage.json", (EXAMPLES / "garage_ev_course.json").read_bytes())
        assert [box.value for box in app.success] == [text("nl", "upload.loaded")]
        goto(app, "employee")
        assert app.number_input(key=SALARY).value == 3100.0
        goto(app, "training")
        assert app.number_input(key=widget_key("training.course_fees_eur")).value == 1650.0
        assert app.toggle(key=widget_key("retention.study_cost_clause.enabled")).value is True
        assert app.number_input(key="in__training__subsidies__count").value == 1


BAD_FILES = [
    ("not_json", b"{this is not json", "scenario"),
    ("array", b"[1, 2, 3]", "scenario"),
    ("nan", b'{"horizon_months": NaN}', "scenario"),
    ("wrong_version", json.dumps({"schema_version": 99}).encode(), "schema_version"),
    (
        "out_of_range",
        json.dumps({"employee": {"gross_monthly_salary_eur": -5}}).encode(),
        "employee.gross_monthly_salary_eur",
    ),
    ("unknown_field", json.dumps({"employee": {"surname": "Jansen"}}).encode(), "employee.surname"),
    ("wrong_type", json.dumps({"training": {"hours": "veel"}}).encode(), "training.hours"),
    (
        "clause_void",
        json.dumps(
            {"training": {"kind": "mandatory"}, "retention": {"study_cost_clause": {"enabled": True}}}
        ).encode(),
        "retention.study_cost_clause.enabled",
    ),
    ("not_utf8", b'{"employee": {"label": "\xff\xfe"}}', "scenario"),
    ("too_large", b" " * (MAX_FILE_BYTES + 1), "scenario"),
]


class TestBadFiles:
    """Bad files: a message naming what is wrong, in the user's language, and the inputs untouched."""

    @pytest.mark.parametrize(("name", "data", "field"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_refused_with_the_field_named_and_inputs_kept(
        self, app: AppTest, name: str, data: bytes, field: str, lang: str
    ) -> None:
        """Pins the refusal: error names the field by its label (never the internal path), the current
        salary stays, the app still works."""
        app.segmented_control(key="lang").set_value(lang).run()
        goto(app, "employee")
        set_number(app, SALARY, 3777.0)
        goto(app, "start")
        _upload(app, f"{name}.json", data)
        errors = _errors(app)
        assert errors and errors[0].startswith(text(lang, "upload.refused"))
        assert field_label(field, lang) in errors[0].replace("\\", "")
        assert f"({field})" not in errors[0]
        goto(app, "employee")
        assert app.number_input(key=SALARY).value == 3777.0
        goto(app, "results")
        assert app.metric, "the app still computes after a refused file"
