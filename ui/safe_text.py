"""Showing user-typed text safely: Streamlit renders Markdown, so user text is escaped first."""

from __future__ import annotations

import string

__all__ = ["escape_markdown"]

_PUNCTUATION = frozenset(string.punctuation)


def escape_markdown(value: str) -> str:
    r"""Backslash-escape every ASCII punctuation character, so no link, image, HTML or
    Streamlit directive (``:red[...]``, ``:material/...:``) typed by a user can take effect.

    >>> escape_markdown("![x](http://a.b/c.png)")
    '\\!\\[x\\]\\(http\\:\\/\\/a\\.b\\/c\\.png\\)'
    >>> escape_markdown("Sanne")
    'Sanne'
    """
    return "".join(f"\\{char}" if char in _PUNCTUATION else char for char in value).replace("\n", " ")
