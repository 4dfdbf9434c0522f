"""Team files for the tests: the template's headers, good rows, and small CSV and Excel files built
from them (shared by the test_team_* files; not a test module itself).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook  # type: ignore[import-untyped]

from calculators.team.errors import RowError, TeamFileError
from calculators.team.read import TeamFile, read_team_file

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "tests" / "corpus" / "team"
COLUMNS_YAML = yaml.safe_load((REPO / "content" / "team_columns.yaml").read_text(encoding="utf-8"))
NL = [column["header"]["nl"] for column in COLUMNS_YAML["columns"].values()]
EN = [column["header"]["en"] for column in COLUMNS_YAML["columns"].values()]
REQUIRED_NL = NL[:9]  # label … training hours; the columns after them are optional
GOOD = ["Monteur", "3100", "38", "6", "34", "stabiel", "huidige functie", "1650", "40"]


def dutch_csv(*rows: list[str], header: list[str] | None = None) -> bytes:
    lines = [";".join(header or REQUIRED_NL), *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def read(raw: bytes, name: str = "team.csv") -> TeamFile:
    return read_team_file(name, raw)


def refusal(raw: bytes, name: str = "team.csv") -> TeamFileError:
    with pytest.raises(TeamFileError) as caught:
        read_team_file(name, raw)
    return caught.value


def plain(message: str) -> str:
    """Messages use no-break spaces inside amounts (€ 100); compare with ordinary spaces."""
    return message.replace("\xa0", " ")


def code(error: RowError) -> str:
    return error.problem.code


def english_csv(*rows: list[str]) -> bytes:
    """A comma-separated file with the English header; cells with a comma are quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([EN[:9], *rows])
    return buffer.getvalue().encode("utf-8")


def workbook_bytes(*rows: list[object]) -> bytes:
    """An .xlsx with the Dutch header; strings stay text cells, numbers number cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(REQUIRED_NL)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_EN = ["Mechanic", "3100", "38", "6", "34", "stable", "current job", "1650", "40"]
GOOD_CELLS: list[object] = ["Monteur", 3100, 38, 6, 34, "stabiel", "huidige functie", 1650, 40]
SEMICOLONS_NL = "puntkomma's tussen de kolommen, zoals Nederlandse Excel ze schrijft"
SEMICOLONS_EN = "semicolons between the columns, as Dutch Excel writes them"
LONG_NAME = "Medewerker met een heel lange naam die niet in de kolom past"  # 60 characters
