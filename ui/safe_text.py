"""Showing user-typed text safely: Streamlit renders Markdown, so user text is escaped first."""

from __future__ import annotations

import string

__all__ = ["LINE_BREAKS", "escape_markdown"]

_PUNCTUATION = frozenset(string.punctuation)
# every character str.splitlines() breaks on (\n, \r, form feed, Unicode line separators, ...)
LINE_BREAKS = {ord(char): " " for char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def escape_markdown(value: str) -> str:
    r"""Backslash-escape every ASCII punctuation character, so no link, image, HTML or
    Streamlit directive (``:red[...]``, ``:material/...:``) typed by a user can take effect.

    >>> escape_markdown("![x](http://a.b/c.png)")
    '\\!\\[x\\]\\(http\\:\\/\\/a\\.b\\/c\\.png\\)'
    >>> escape_markdown("Sanne")
    'Sanne'
    """
    escaped = "".join(f"\\{char}" if char in _PUNCTUATION else char for char in value)
    return escaped.translate(LINE_BREAKS)  # one line: no new paragraph, heading or code block
