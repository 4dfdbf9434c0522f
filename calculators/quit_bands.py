"""A suggested yearly chance of leaving, by years of service and age (content/quit_bands.yaml).

Notes
-----
Turnover differs by tenure and by age: in 2022 Statistics Netherlands counted 8.5 % job changers a
quarter among staff with under two years' service against 2.8 % among the rest (sources.yaml:
cbs_2022_job_changers), and in 2017 6 % of those aged 45 and over changed jobs in a year against 13 %
of 25 to 45-year-olds (cbs_2017_job_changers, a secondary source: shown "to verify"). The bands turn
that into a *suggestion* beside the field; the scenario's value stays what the user chose. The first
band whose conditions hold applies: under two years' service, then 45 and over, then everyone else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from calculators.content import ContentError, load_yaml
from calculators.i18n import Lang
from calculators.scenario.fields import field_spec
from calculators.sources import source

__all__ = ["QuitBand", "quit_bands", "suggested_quit"]


@dataclass(frozen=True, slots=True)
class QuitBand:
    """One band: its conditions, the yearly chance of leaving, and why."""

    id: str
    years_of_service_below: float | None
    age_from: int | None
    value: float
    sources: tuple[str, ...]
    basis: Mapping[str, str]

    def applies(self, age: int, years_of_service: float) -> bool:
        """Whether every condition of the band holds."""
        if self.years_of_service_below is not None and not years_of_service < self.years_of_service_below:
            return False
        return self.age_from is None or age >= self.age_from

    @property
    def to_verify(self) -> bool:
        """A band that rests on a secondary source is shown with a "to verify" flag."""
        return any(source(item).confidence != "verified" for item in self.sources)

    def basis_in(self, lang: Lang | str) -> str:
        """Why this figure, in ``lang``."""
        return self.basis[Lang(lang).value]


@lru_cache(maxsize=1)
def quit_bands() -> tuple[QuitBand, ...]:
    """The bands in order; a malformed file, a value out of the field's range or a last band with
    conditions (someone would get no suggestion) is a content error."""
    raw = load_yaml("quit_bands.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("bands"), Mapping):
        raise ContentError("quit_bands.yaml must have a 'bands' mapping")
    spec = field_spec("retention.annual_quit_probability")
    bands = []
    for band_id, entry in raw["bands"].items():
        try:
            band = QuitBand(
                id=str(band_id),
                years_of_service_below=entry.get("years_of_service_below"),
                age_from=entry.get("age_from"),
                value=float(entry["value"]),
                sources=tuple(entry["sources"]),
                basis={lang.value: str(entry["basis"][lang.value]) for lang in Lang},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError(f"quit_bands.yaml: {band_id}: {exc!r}") from exc
        if not (spec.minimum or 0) <= band.value <= (spec.maximum or 1):
            raise ContentError(f"quit_bands.yaml: {band_id}: {band.value} is outside the field's range")
        for item in band.sources:
            source(item)  # KeyError for an unknown source: fail at start-up
        bands.append(band)
    if not bands or bands[-1].years_of_service_below is not None or bands[-1].age_from is not None:
        raise ContentError("quit_bands.yaml: the last band must apply to everyone")
    return tuple(bands)


def suggested_quit(age: int, years_of_service: float) -> QuitBand:
    """The band for this employee: the first whose conditions hold.

    >>> suggested_quit(52, 18).value, suggested_quit(30, 1).value, suggested_quit(30, 5).value
    (0.06, 0.3, 0.11)
    """
    return next(band for band in quit_bands() if band.applies(age, years_of_service))
