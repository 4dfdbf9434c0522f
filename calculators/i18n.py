"""User-facing text in Dutch and English, looked up by key in ``content/i18n/``.

Each language has a main file ``<lang>.yaml`` and may have area files ``<lang>/<area>.yaml`` (team
mode, report, ...): every area file adds top-level groups, and a group defined twice is an error.

No user-facing sentence lives in code: the code asks for a key and fills in named values.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Any

from babel import Locale

from calculators.content import CONTENT_DIR, ContentError, load_yaml

__all__ = ["BABEL_LOCALE", "Lang", "flat_keys", "group", "has_text", "plural", "text"]


class Lang(StrEnum):
    """The product's languages; Dutch first."""

    NL = "nl"
    EN = "en"


# Irish English: a euro locale, so an English reader never takes the Dutch thousands dot for a decimal point
BABEL_LOCALE = {Lang.NL: "nl_NL", Lang.EN: "en_IE"}


@lru_cache(maxsize=4)
def _locale(lang: Lang | str) -> Locale:
    return Locale.parse(BABEL_LOCALE[Lang(lang)])


@lru_cache(maxsize=4)
def _catalog(lang: Lang | str) -> Mapping[str, Any]:
    code = Lang(lang).value
    areas = sorted(f"i18n/{code}/{path.name}" for path in (CONTENT_DIR / "i18n" / code).glob("*.yaml"))
    files = [f"i18n/{code}.yaml", *areas]
    merged: dict[str, Any] = {}
    for relative in files:
        data = load_yaml(relative)
        if not isinstance(data, Mapping):
            raise ContentError(f"{relative} must be a mapping")
        for group, node in data.items():
            if group in merged:
                raise ContentError(f"{relative}: text group {group!r} is already defined elsewhere")
            merged[str(group)] = node
    return merged


@lru_cache(maxsize=8192)
def _lookup(lang: Lang | str, key: str) -> Any:
    """A text or group by key (texts never change while the app runs, so lookups are remembered)."""
    node: Any = _catalog(lang)
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise KeyError(f"no text for {key!r} in language {lang!s}")
        node = node[part]
    return node


def has_text(lang: Lang | str, key: str) -> bool:
    """Whether ``key`` names a text in ``lang``."""
    try:
        return isinstance(_lookup(lang, key), str)
    except KeyError:
        return False


def text(lang: Lang | str, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` with ``{name}`` placeholders filled from ``values``.

    >>> text("en", "app.title")
    'Leerwinst'
    """
    node = _lookup(lang, key)
    if not isinstance(node, str):
        raise KeyError(f"{key!r} is a group of texts, not a text")
    return node.format(**values) if values else node


def plural(lang: Lang | str, key: str, number: float, **values: object) -> str:
    """The text for ``number`` of something: ``key`` is a group with one text per plural category of
    the language (CLDR's rules through Babel: ``one`` and ``other`` for Dutch and English), never a
    hand-made "one" check.

    >>> plural("nl", "units.months", 1, value=1), plural("nl", "units.months", 2, value=2)
    ('1 maand', '2 maanden')
    >>> plural("en", "units.persons", 1, value=1), plural("en", "units.persons", 1.5, value="1.5")
    ('1 person', '1.5 persons')
    """
    node = _lookup(lang, key)
    if not isinstance(node, Mapping) or "other" not in node:
        raise KeyError(f"{key!r} has no plural forms (one of them must be 'other')")
    form = _locale(lang).plural_form(abs(number))
    chosen = node.get(form, node["other"])
    return str(chosen).format(**{"count": number, **values})  # ``count=`` may pass it formatted


def group(lang: Lang | str, key: str) -> tuple[str, ...]:
    """The names in a group of texts, in the content file's order.

    >>> group("en", "glossary.terms")[:2]
    ('today_money', 'earns')
    """
    node = _lookup(lang, key)
    if not isinstance(node, Mapping):
        raise KeyError(f"{key!r} is a text, not a group of texts")
    return tuple(str(name) for name in node)


def flat_keys(lang: Lang | str) -> set[str]:
    """Every text key of a language, dotted (used by the parity test)."""
    keys: set[str] = set()

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, Mapping):
            for name, child in node.items():
                walk(child, f"{prefix}.{name}" if prefix else str(name))
        else:
            keys.add(prefix)

    walk(_catalog(lang), "")
    return keys
