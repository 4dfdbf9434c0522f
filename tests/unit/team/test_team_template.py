"""The template (CSV and Excel with its guide) and the columns' content file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from calculators.content import ContentError
from calculators.team.columns import team_columns
from calculators.team.template import column_guide, template_csv, template_xlsx
from tests.unit.conftest import clear_content_caches
from tests.unit.team.team_files import COLUMNS_YAML, EN, NL, plain


class TestTemplate:
    """The downloadable template: both forms, both languages, the guide."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_csv_header_is_the_content_header(self, lang: str) -> None:
        """Pins the header row against content/team_columns.yaml, and the BOM Excel needs."""
        raw = template_csv(lang)
        assert raw.startswith(b"\xef\xbb\xbf")
        delimiter = ";" if lang == "nl" else ","
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
        assert header == (NL if lang == "nl" else EN)

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_xlsx_has_the_examples_a_guide_and_drop_downs(self, lang: str) -> None:
        """Pins the workbook: header + 3 examples, one guide line per column, lists for choices."""
        workbook = load_workbook(io.BytesIO(template_xlsx(lang)))
        sheet, guide = workbook.worksheets
        assert [cell.value for cell in sheet[1]] == (NL if lang == "nl" else EN)
        assert sheet.max_row == 1 + len(COLUMNS_YAML["examples"])
        assert [row[0] for row in guide.iter_rows(min_row=2, max_row=1 + len(NL), values_only=True)] == (
            NL if lang == "nl" else EN
        )
        choice_columns = sum(1 for c in COLUMNS_YAML["columns"].values() if c["kind"] in {"choice", "yes_no"})
        assert len(sheet.data_validations.dataValidation) == choice_columns

    def test_guide_states_ranges_from_the_field_catalogue(self) -> None:
        """Pins the salary line: required, € 100 to € 30.000 (content/defaults.yaml)."""
        line = next(g for g in column_guide("nl") if g.header == "Bruto maandsalaris (€)")
        assert line.required
        assert plain(line.allowed) == "Toegestaan: € 100 tot en met € 30.000."
        optional = next(g for g in column_guide("en") if g.header == "Productivity gain (%)")
        assert (optional.required, plain(optional.if_empty)) == (False, "2%")


class TestColumnsContent:
    """content/team_columns.yaml is checked when it is loaded."""

    def test_every_column_fills_a_known_field(self) -> None:
        """Pins 17 columns, 9 required, each header distinct in both languages."""
        columns = team_columns()
        assert len(columns) == 17 and sum(c.required for c in columns) == 9
        assert len({c.header_nl for c in columns}) == len({c.header_en for c in columns}) == 17

    def test_an_alias_naming_two_columns_is_a_content_error(self, content_copy: Path) -> None:
        """Pins that a header alias used by two columns stops the app (a defect, not user input)."""
        path = content_copy / "team_columns.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("[naam, label,", "[naam, salaris,"), encoding="utf-8"
        )
        clear_content_caches()
        team_columns.cache_clear()
        try:
            with pytest.raises(ContentError, match="salaris"):
                team_columns()
        finally:
            team_columns.cache_clear()
