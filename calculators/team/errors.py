"""Team mode's refusals: a whole file refused (:class:`TeamFileError`), one problem in one row
(:class:`RowError`) and what the reader changed in a row it kept (:class:`RowNote`), each with its
message in Dutch and English (the texts live in ``content/i18n``).
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.errors import ScenarioError
from calculators.formatting import number as format_number
from calculators.i18n import Lang, has_text, text
from calculators.scenario.fields import spec_path
from calculators.team.cells import CellProblem
from calculators.team.columns import team_columns

__all__ = [
    "Headers",
    "Megabytes",
    "Named",
    "RowError",
    "RowNote",
    "TeamFileError",
]


class TeamFileError(ValueError):
    """The whole file is refused; ``message(lang)`` says why in Dutch or English."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: Lang | str) -> str:
        """The reason, in ``lang``."""
        values = {name: _shown(value, lang) for name, value in self.values.items()}
        return text(lang, f"team.file_errors.{self.code}", **values)


def _shown(value: object, lang: Lang | str) -> str:
    """A value for a message: counts with the language's separators, formats named by key."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, tuple):
        return ", ".join(_shown(item, lang) for item in value)
    if isinstance(value, Named):
        return text(lang, value.key)
    if isinstance(value, Megabytes):
        return f"{format_number(value.size / 1024 / 1024, lang, 1)} MB"
    if isinstance(value, Headers):
        return ", ".join(column.header(lang) for column in team_columns() if column.id in value.ids)
    return str(value)


@dataclass(frozen=True, slots=True)
class Named:
    """A value whose words depend on the language (a text key)."""

    key: str


@dataclass(frozen=True, slots=True)
class Megabytes:
    """A file size, shown in MB with the language's decimal mark."""

    size: int


@dataclass(frozen=True, slots=True)
class Headers:
    """Columns named by their template header in the message's language."""

    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one row: the row number as the spreadsheet shows it, the column, the reason."""

    row: int
    column: str  # the header as written in the file; "" when the problem lies in no single column
    problem: ScenarioError | CellProblem

    def column_name(self, lang: Lang | str) -> str:
        """The column as the user knows it: their header, else the field's name."""
        if self.column:
            return self.column
        key = f"fields.{spec_path(self.problem.field)}.label"
        return text(lang, key) if has_text(lang, key) else "–"

    def reason(self, lang: Lang | str) -> str:
        """What is wrong and what is allowed, in ``lang`` (never the field's internal path)."""
        if isinstance(self.problem, ScenarioError):
            return self.problem.message(str(lang), path=False)
        return self.problem.message(lang)


@dataclass(frozen=True, slots=True)
class RowNote:
    """Something the reader changed in a row that was still computed: a name shortened to fit.

    ``code``: label_shortened (``length`` characters in the file, ``max_length`` kept).
    """

    row: int
    column: str  # the header as written in the file
    code: str
    length: int = 0
    max_length: int = 0

    def message(self, lang: Lang | str) -> str:
        """What was changed and why, in ``lang``."""
        return text(lang, f"team.notes.{self.code}", length=self.length, max=self.max_length)
