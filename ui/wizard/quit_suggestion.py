"""The suggested yearly chance of leaving for this employee's service and age, beside the field.

The suggestion comes from calculators/quit_bands.py (CBS figures by band); the field keeps what the
user typed until they press the button: nothing is replaced on its own.
"""

from __future__ import annotations

import math

import streamlit as st

from calculators.formatting import number, percent
from calculators.i18n import Lang, text
from calculators.quit_bands import QuitBand, suggested_quit
from calculators.scenario.fields import field_spec
from calculators.sources import source
from ui import session
from ui.cache import session_memo
from ui.form.widget_values import from_widget, to_widget

__all__ = ["quit_suggestion"]

QUIT = "retention.annual_quit_probability"


def _use(value: float) -> None:
    session.set_value(st.session_state, session.widget_key(QUIT), to_widget(field_spec(QUIT), value))


def _suggestion(age: int, years: float, lang: Lang) -> tuple[QuitBand, str]:
    """The band for this service and age, and the sentence that names it with its source."""
    band = suggested_quit(age, years)
    cited = ", ".join(source(item).citation() for item in band.sources)
    words = text(
        lang,
        "quit_bands.suggestion",
        age=age,
        years=number(years, lang, 0 if years.is_integer() else 1),
        value=percent(band.value, lang, 0),
        basis=band.basis_in(lang),
        sources=cited,
    )
    if band.to_verify:
        words += " " + text(lang, "quit_bands.to_verify")
    return band, words


def quit_suggestion(lang: Lang) -> None:
    """A caption with the band's figure and why, and a button to use it when the field differs."""
    state = st.session_state
    age = session.field_value(state, "employee.age")
    years = session.field_value(state, "employee.years_of_service")
    if not isinstance(age, int | float) or not isinstance(years, int | float):
        return  # the employee step's own validation names what is missing
    band, words = session_memo(
        "quit_suggestion", (int(age), float(years), lang), lambda: _suggestion(int(age), float(years), lang)
    )
    st.caption(words)
    current = from_widget(field_spec(QUIT), session.field_value(state, QUIT))
    if not isinstance(current, int | float) or not math.isclose(current, band.value, abs_tol=1e-9):
        st.button(
            text(lang, "quit_bands.use", value=percent(band.value, lang, 0)),
            key="quit_use_suggestion",
            on_click=_use,
            args=(band.value,),
            icon=":material/input:",
        )
