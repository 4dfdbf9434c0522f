"""The bibliography (``content/sources.yaml``): every default, rule and argument cites an id here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from calculators.content import ContentError, load_yaml

__all__ = ["Source", "source", "sources"]


@dataclass(frozen=True, slots=True)
class Source:
    """One source: what it is, where to find it, how sure it is and what it shows."""

    id: str
    title: str
    publisher: str
    year: int
    url: str
    confidence: str  # "verified" or "secondary"
    shows_nl: str
    shows_en: str

    def shows(self, lang: str) -> str:
        """What the source shows, in the user's language."""
        return self.shows_nl if lang == "nl" else self.shows_en

    def citation(self) -> str:
        """Short citation: publisher (year)."""
        return f"{self.publisher} ({self.year})"


@lru_cache(maxsize=1)
def sources() -> Mapping[str, Source]:
    """All sources by id; a malformed entry is a content error at start-up."""
    raw = load_yaml("sources.yaml")
    if not isinstance(raw, Mapping) or not isinstance(raw.get("sources"), Mapping):
        raise ContentError("sources.yaml must have a 'sources' mapping")
    result: dict[str, Source] = {}
    for source_id, entry in raw["sources"].items():
        try:
            result[source_id] = Source(
                id=source_id,
                title=str(entry["title"]),
                publisher=str(entry["publisher"]),
                year=int(entry["year"]),
                url=str(entry["url"]),
                confidence=str(entry["confidence"]),
                shows_nl=str(entry["shows"]["nl"]),
                shows_en=str(entry["shows"]["en"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError(f"sources.yaml: {source_id}: {exc!r}") from exc
    return result


def source(source_id: str) -> Source:
    """One source by id (KeyError when it does not exist)."""
    return sources()[source_id]
