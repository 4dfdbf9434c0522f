"""Team mode's columns: which spreadsheet column fills which scenario field, and how a header or
a choice word is recognised.

The columns, their header texts in Dutch and English, the words accepted in choice columns and
the template's example rows live in ``content/team_columns.yaml``. Each employee row becomes one
scenario: the row's values on top of the defaults of ``content/defaults.yaml`` (see
:mod:`calculators.team.read`). Headers and words are compared folded: case, punctuation, spacing
and units in brackets do not count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from calculators.content import ContentError, load_yaml
from calculators.i18n import Lang
from calculators.scenario.fields import field_spec, field_specs, spec_path

__all__ = [
    "TeamColumn",
    "column_for_field",
    "fold_words",
    "header_key",
    "is_money",
    "team_columns",
    "team_examples",
    "value_field",
]

_KINDS = {"number", "percent", "text", "choice", "yes_no", "subsidy"}


def fold_words(value: str) -> str:
    """Text folded for matching: case, accents' forms, punctuation and spacing do not count.

    >>> fold_words("  Dead-End_track ")
    'dead end track'
    """
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(re.findall(r"[^\W_]+", folded))


def header_key(value: str) -> str:
    """A header folded for matching; units in brackets do not count.

    >>> header_key("Bruto maandsalaris (€)")
    'bruto maandsalaris'
    """
    return fold_words(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", value))


@dataclass(frozen=True, slots=True)
class TeamColumn:
    """One column of the team file (content/team_columns.yaml)."""

    id: str
    field: str
    kind: str
    required: bool
    header_nl: str
    header_en: str
    names: frozenset[str]
    words: Mapping[str, str]  # folded word -> stored value
    template_words: Mapping[str, tuple[str, str]]  # stored value -> (Dutch word, English word)

    def header(self, lang: Lang | str) -> str:
        """The template's header text in ``lang``."""
        return self.header_nl if Lang(lang) is Lang.NL else self.header_en

    def word(self, value: str, lang: Lang | str) -> str:
        """The template's word for a stored choice value."""
        nl, en = self.template_words[value]
        return nl if Lang(lang) is Lang.NL else en


def _column(column_id: str, raw: Mapping[str, Any]) -> TeamColumn:
    where = f"team_columns.yaml: {column_id}"
    kind, field = raw.get("kind"), str(raw.get("field", ""))
    if kind not in _KINDS:
        raise ContentError(f"{where}: unknown kind {kind!r}")
    if field not in field_specs():
        raise ContentError(f"{where}: unknown field {field!r}")
    header = raw.get("header") or {}
    if not header.get("nl") or not header.get("en"):
        raise ContentError(f"{where}: needs a header in nl and en")
    names = {header_key(header["nl"]), header_key(header["en"])}
    names.update(header_key(str(alias)) for alias in raw.get("aliases", ()))
    words: dict[str, str] = {}
    template_words: dict[str, tuple[str, str]] = {}
    if kind in {"choice", "yes_no"}:
        allowed = field_spec(field).values if kind == "choice" else ("yes", "no")
        values = raw.get("values") or {}
        if set(values) != set(allowed):
            raise ContentError(f"{where}: values must be exactly {list(allowed)}")
        for value in allowed:
            per_lang = values[value]
            if not per_lang.get("nl") or not per_lang.get("en"):
                raise ContentError(f"{where}: value {value!r} needs nl and en words")
            template_words[value] = (str(per_lang["nl"][0]), str(per_lang["en"][0]))
            for word in [value, *per_lang["nl"], *per_lang["en"]]:
                key = fold_words(str(word))
                if words.setdefault(key, value) != value:
                    raise ContentError(f"{where}: the word {word!r} stands for two values")
    return TeamColumn(
        id=column_id,
        field=field,
        kind=str(kind),
        required=bool(raw.get("required", False)),
        header_nl=str(header["nl"]),
        header_en=str(header["en"]),
        names=frozenset(names),
        words=words,
        template_words=template_words,
    )


@lru_cache(maxsize=1)
def team_columns() -> tuple[TeamColumn, ...]:
    """Every column of the team file, in template order.

    >>> [column.id for column in team_columns()][:3]
    ['label', 'salary', 'hours_per_week']
    """
    raw = load_yaml("team_columns.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("columns"), Mapping):
        raise ContentError("team_columns.yaml must have a 'columns' mapping")
    columns = tuple(_column(str(column_id), spec) for column_id, spec in raw["columns"].items())
    seen: dict[str, str] = {}
    for column in columns:
        for name in column.names:
            if seen.setdefault(name, column.id) != column.id:
                raise ContentError(f"team_columns.yaml: header {name!r} names {seen[name]} and {column.id}")
    return columns


def column_for_field(field: str) -> TeamColumn | None:
    path = spec_path(field)
    for column in team_columns():
        if column.field == path or (column.kind == "subsidy" and path.startswith(column.field)):
            return column
    return None


@lru_cache(maxsize=1)
def team_examples() -> tuple[Mapping[str, Any], ...]:
    raw = load_yaml("team_columns.yaml")
    examples = raw.get("examples") or []
    ids = {column.id for column in team_columns()}
    for example in examples:
        unknown = set(example) - ids
        if unknown:
            raise ContentError(f"team_columns.yaml: example with unknown columns {sorted(unknown)}")
    return tuple(examples)


def value_field(column: TeamColumn) -> str:
    """The field a number column's cell holds (a subsidy cell is one subsidy's amount)."""
    return "training.subsidies.amount_eur" if column.kind == "subsidy" else column.field


def is_money(column: TeamColumn) -> bool:
    return field_specs()[value_field(column)].unit.startswith("eur")
