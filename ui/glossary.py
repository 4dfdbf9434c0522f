"""The glossary: the result's words in plain language, a button in the header on every step and page.

:func:`glossary_markdown` is pure (texts in, markdown out); :func:`glossary_button` draws it.
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from calculators.i18n import Lang, text
from calculators.i18n import group as text_group

__all__ = ["glossary_button", "glossary_markdown"]


@lru_cache(maxsize=2)
def glossary_markdown(lang: Lang) -> str:
    """Every term in bold with its meaning, in the order of content/i18n (glossary.terms).

    >>> glossary_markdown(Lang.EN).splitlines()[0].startswith("**In today's money**")
    True
    """
    names = text_group(lang, "glossary.terms")
    return "\n\n".join(
        f"**{text(lang, f'glossary.terms.{name}.term')}**: {text(lang, f'glossary.terms.{name}.meaning')}"
        for name in names
    )


def glossary_button(lang: Lang) -> None:
    """A "Glossary" button in the header that opens the list over the page."""
    with st.popover(text(lang, "glossary.button"), icon=":material/menu_book:", key="glossary"):
        st.markdown(f"**{text(lang, 'glossary.title')}**")
        st.markdown(glossary_markdown(lang))
