"""The field catalogue: unit, default, allowed range and source of every scenario field.

Read from ``content/defaults.yaml`` so that product, schema, forms and tests share one truth.
A field is named by its dotted path in the scenario JSON (``employee.gross_monthly_salary_eur``);
items of a list share one spec (``training.subsidies.amount_eur``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from calculators.content import ContentError, load_yaml
from calculators.rules import available_years

__all__ = ["FieldSpec", "field_spec", "field_specs", "spec_path"]

_TYPES = {"int", "float", "bool", "text", "choice", "choice_list", "list"}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What the product accepts for one field, and where its default comes from."""

    path: str
    type: str
    unit: str
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    plausible: tuple[float, float] | None = None
    values: tuple[str, ...] = ()
    max_length: int | None = None
    max_items: int | None = None
    nullable: bool = False  # a number the user may leave empty: None means "use the documented default rule"
    sources: tuple[str, ...] = ()
    judgment: bool = False
    basis_nl: str = ""
    basis_en: str = ""

    def basis(self, lang: str) -> str:
        """Why this default, in the user's language."""
        return self.basis_nl if lang == "nl" else self.basis_en


def _spec(path: str, raw: Mapping[str, Any]) -> FieldSpec:
    kind = raw.get("type")
    if kind not in _TYPES:
        raise ContentError(f"defaults.yaml: {path}: unknown type {kind!r}")
    if not raw.get("sources") and not raw.get("judgment"):
        raise ContentError(f"defaults.yaml: {path}: needs sources or judgment: true")
    basis = raw.get("basis") or {}
    if not basis.get("nl") or not basis.get("en"):
        raise ContentError(f"defaults.yaml: {path}: needs a basis in nl and en")
    if kind in {"int", "float"} and ("min" not in raw or "max" not in raw):
        raise ContentError(f"defaults.yaml: {path}: a number needs min and max")
    if raw.get("nullable") and kind != "float":
        raise ContentError(f"defaults.yaml: {path}: only a float may be nullable")
    plausible = raw.get("plausible")
    default = raw.get("default")
    return FieldSpec(
        path=path,
        type=kind,
        unit=str(raw.get("unit", "")),
        default=tuple(default) if isinstance(default, list) else default,  # hashable: specs are cache keys
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        plausible=(float(plausible[0]), float(plausible[1])) if plausible else None,
        values=tuple(raw.get("values", ())),
        max_length=raw.get("max_length"),
        max_items=raw.get("max_items"),
        nullable=bool(raw.get("nullable", False)),
        sources=tuple(raw.get("sources", ())),
        judgment=bool(raw.get("judgment", False)),
        basis_nl=str(basis["nl"]),
        basis_en=str(basis["en"]),
    )


@lru_cache(maxsize=1)
def field_specs() -> Mapping[str, FieldSpec]:
    """All field specs by dotted path, in file order.

    The rules year's range and default follow the files in ``content/rules/``: adding a year's
    file is all it takes to offer that year (the newest is the default).
    """
    raw = load_yaml("defaults.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("fields"), Mapping):
        raise ContentError("defaults.yaml must have a 'fields' mapping")
    specs = {path: _spec(path, spec) for path, spec in raw["fields"].items()}
    years = available_years()
    specs["company.rules_year"] = replace(
        specs["company.rules_year"],
        minimum=years[0],
        maximum=years[-1],
        default=years[-1],
        plausible=(float(years[0]), float(years[-1])),
    )
    return specs


def spec_path(field: str) -> str:
    """The spec path of a concrete field: list indices dropped.

    >>> spec_path("training.subsidies[2].amount_eur")
    'training.subsidies.amount_eur'
    """
    parts = [part.split("[", 1)[0] for part in field.split(".")]
    return ".".join(parts)


def field_spec(field: str) -> FieldSpec:
    """The spec of a concrete field path (list indices allowed).

    >>> field_spec("company.discount_rate_annual").default
    0.06
    """
    return field_specs()[spec_path(field)]
