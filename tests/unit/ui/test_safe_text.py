"""escape_markdown: user-typed text shown through Streamlit's Markdown can never become markup.

CommonMark (and Streamlit's renderer on top of it) turns a backslash before any ASCII punctuation
character into that literal character. So if every ASCII punctuation character is escaped, no link,
image, HTML tag, emphasis, heading, list, code span, LaTeX or Streamlit directive can start, and the
reader sees exactly the characters that were typed.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.safe_text import LINE_BREAKS, escape_markdown

PUNCTUATION = set(string.punctuation)
# CommonMark's backslash escape: "\" followed by one ASCII punctuation character.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def rendered_text(markdown: str) -> str:
    """What a CommonMark renderer shows for text that has no markup left: the escapes resolved."""
    return _ESCAPE.sub(r"\1", markdown)


def unescaped_punctuation(markdown: str) -> list[str]:
    """ASCII punctuation characters that are not preceded by their escaping backslash."""
    found = []
    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char == "\\" and index + 1 < len(markdown) and markdown[index + 1] in PUNCTUATION:
            index += 2
            continue
        if char in PUNCTUATION:
            found.append(char)
        index += 1
    return found


class TestLinksAndImages:
    """Markdown links and images do not survive."""

    def test_image(self) -> None:
        """Pins the exact escaping of an image: "![x](http://evil/x.png)" loads nothing."""
        assert escape_markdown("![x](http://evil/x.png)") == r"\!\[x\]\(http\:\/\/evil\/x\.png\)"

    def test_link(self) -> None:
        """Pins that "[click](https://evil.example)" keeps no unescaped bracket or parenthesis."""
        escaped = escape_markdown("[click](https://evil.example)")
        assert unescaped_punctuation(escaped) == []
        assert rendered_text(escaped) == "[click](https://evil.example)"

    def test_autolink_and_reference(self) -> None:
        """Pins autolinks "<https://…>" and reference definitions "[a]: https://…" as plain text."""
        for value in ("<https://evil.example>", "[a]: https://evil.example", "[a][ref]"):
            escaped = escape_markdown(value)
            assert unescaped_punctuation(escaped) == []
            assert rendered_text(escaped) == value


class TestHtml:
    """HTML tags and entities are shown, not interpreted."""

    @pytest.mark.parametrize(
        "value",
        [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            "<b>bold</b>",
            "&lt;b&gt; &amp; &#60;",
            "<!-- comment -->",
        ],
    )
    def test_html_is_escaped(self, value: str) -> None:
        """Pins every "<", ">", "&" and quote escaped, so no tag, comment or entity is parsed."""
        escaped = escape_markdown(value)
        assert "<" not in escaped.replace("\\<", "")
        assert ">" not in escaped.replace("\\>", "")
        assert "&" not in escaped.replace("\\&", "")
        assert rendered_text(escaped) == value


class TestStreamlitDirectives:
    """Streamlit's own Markdown extensions cannot be triggered."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (":red[x]", r"\:red\[x\]"),
            (":material/home:", r"\:material\/home\:"),
            (":smile:", r"\:smile\:"),
            (":blue-background[hi]", r"\:blue\-background\[hi\]"),
            ("$x^2$", r"\$x\^2\$"),
        ],
    )
    def test_directive_escaped(self, value: str, expected: str) -> None:
        """Pins colour directives, material icons, emoji short codes and LaTeX as literal text."""
        assert escape_markdown(value) == expected

    def test_material_icon_marker_gone_from_source(self) -> None:
        """Pins that ":material/" no longer occurs: Streamlit's frontend rewrites that substring itself."""
        assert ":material/" not in escape_markdown("Sanne :material/home: de Vries")


class TestLayoutMarkup:
    """Emphasis, headings, lists, quotes, code and line structure cannot be introduced."""

    @pytest.mark.parametrize(
        "value",
        ["**bold**", "_it_", "# Heading", "- item", "1. item", "> quote", "`code`", "~~gone~~", "|a|b|"],
    )
    def test_block_and_inline_markup(self, value: str) -> None:
        """Pins that emphasis, headings, lists, quotes, code spans, strike-through and tables stay text."""
        escaped = escape_markdown(value)
        assert unescaped_punctuation(escaped) == []
        assert rendered_text(escaped) == value

    @pytest.mark.parametrize("value", ["a\nb", "a\n\n# b", "line one\n---\nline two"])
    def test_newlines_become_spaces(self, value: str) -> None:
        """Pins that a label stays on one line: no new paragraph, heading or rule can start."""
        escaped = escape_markdown(value)
        assert "\n" not in escaped
        assert rendered_text(escaped) == value.translate(LINE_BREAKS)

    def test_backslash_itself(self) -> None:
        r"""Pins that a typed backslash is escaped too, so "\*" shows as "\*" and not as "*"."""
        assert escape_markdown("\\*") == "\\\\\\*"
        assert rendered_text(escape_markdown("\\*")) == "\\*"


class TestPlainText:
    """Text without markup is left alone."""

    @pytest.mark.parametrize("value", ["Sanne", "Jürgen Öztürk", "Verkoper 2e lijn", "", "€ 1 234 ½ – ok"])
    def test_unchanged(self, value: str) -> None:
        """Pins letters (also accented), digits, spaces and non-ASCII symbols passing through unchanged."""
        assert escape_markdown(value) == value

    @given(st.text(max_size=80))
    def test_any_text_renders_as_typed(self, value: str) -> None:
        """Pins for any text: no ASCII punctuation left unescaped, and what renders is what was typed."""
        escaped = escape_markdown(value)
        assert unescaped_punctuation(escaped) == []
        assert "\n" not in escaped and "\r" not in escaped
        assert rendered_text(escaped) == value.translate(LINE_BREAKS)
