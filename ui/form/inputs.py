"""Input widgets built from the field catalogue: label, help, unit, range and default all from content/.

Labels and help texts depend only on content and language, so they are computed once per process.

Rates are stored as fractions in the scenario and shown as percentages in the form. Number fields have
no browser-side bounds: a value outside the field's allowed range is kept as typed and refused by the
form's validation, which names the field and the range in the user's language. Every
widget keeps its value for the whole session (``persist_state="session"``), across steps,
pages, language and role switches.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import streamlit as st

from calculators.error_text import format_in_unit
from calculators.i18n import Lang, has_text, text
from calculators.scenario.fields import FieldSpec, field_spec
from calculators.sources import sources
from ui import session
from ui.form.widget_values import PERCENT_UNITS, to_widget
from ui.session import choice_widget_key, widget_key

__all__ = ["PERCENT_UNITS", "default_caption", "field", "help_text"]

# "%g" shows a number as it is: 3300 as "3300" (not "3300.00"), 6 % as "6" (not "6.0"), and a decimal
# only where the value has one. Streamlit's number field only takes a purely numeric printf format, so
# that decimal is a point in every language (said in the Dutch help text: inputs.decimal_point).
_FLOAT_FORMAT = "%g"
_STEPS = {
    "eur_per_month": 50.0,
    "eur_per_hour": 1.0,
    "eur": 50.0,
    "eur_per_year": 100.0,
    "ratio": 0.05,
    "hours": 1.0,
    "hours_per_week": 1.0,
    "years": 1.0,
}


@lru_cache(maxsize=512)
def help_text(spec: FieldSpec, lang: Lang) -> str:
    """Plain-language help, the allowed range, the default and why, and its sources."""
    parts = [text(lang, f"fields.{spec.path}.help")]
    if spec.minimum is not None and spec.maximum is not None:
        parts.append(
            text(
                lang,
                "inputs.allowed",
                min=format_in_unit(spec.minimum, spec.unit, lang),
                max=format_in_unit(spec.maximum, spec.unit, lang),
            )
        )
    if spec.type == "float":
        parts.append(text(lang, "inputs.decimal_point"))  # Streamlit's number field reads a point only
    parts.append(default_caption(spec, lang))
    return "\n\n".join(parts)


@lru_cache(maxsize=512)
def default_caption(spec: FieldSpec, lang: Lang) -> str:
    """ "Default: 2 %. Why. Source: …" — the reason behind a default, in one line."""
    if spec.type in {"int", "float"}:
        line = text(
            lang,
            "inputs.default",
            value=format_in_unit(spec.default, spec.unit, lang),
            basis=spec.basis(lang),
        )
    else:
        line = spec.basis(lang)
    cited = [sources()[sid].citation() for sid in spec.sources if sid in sources()]
    if cited:
        line += " " + text(lang, "inputs.sources", sources="; ".join(cited))
    return line


@lru_cache(maxsize=512)
def _label(spec: FieldSpec, lang: Lang) -> str:
    label = text(lang, f"fields.{spec.path}.label")
    suffix_key = f"inputs.unit_suffix.{spec.unit}"
    return f"{label} ({text(lang, suffix_key)})" if has_text(lang, suffix_key) else label


def _reset(path: str) -> None:
    spec = field_spec(path)
    session.set_value(st.session_state, widget_key(path), to_widget(spec, spec.default))


def field(
    path: str, lang: Lang, *, disabled: bool = False, reset: bool = False, caption: bool = False
) -> None:
    """The right widget for one scenario field.

    ``reset`` adds a button that puts the field back to its default (advisor mode);
    ``caption`` shows the default's reason and source under the widget.
    """
    spec = field_spec(path)
    if reset:
        main, side = st.columns([12, 1], vertical_alignment="bottom")
        with side:
            st.button(
                "",
                icon=":material/restart_alt:",
                key=f"reset__{widget_key(path)}",
                help=text(lang, "inputs.reset", label=text(lang, f"fields.{path}.label")),
                on_click=_reset,
                args=(path,),
                disabled=disabled,
            )
        with main:
            _widget(spec, lang, disabled)
    else:
        _widget(spec, lang, disabled)
    if caption:
        st.caption(default_caption(spec, lang))


def _widget(spec: FieldSpec, lang: Lang, disabled: bool) -> None:
    key = widget_key(spec.path)
    label, help_ = _label(spec, lang), help_text(spec, lang)
    if spec.type == "text":
        st.text_input(
            label, max_chars=spec.max_length, key=key, help=help_, disabled=disabled, persist_state="session"
        )
    elif spec.type == "bool":
        st.toggle(label, key=key, help=help_, disabled=disabled, persist_state="session")
    elif spec.type in {"choice", "choice_list"}:
        _choice(spec, lang, label, help_, disabled)
    else:
        _number(spec, lang, label, help_, disabled)


def _keep_choice(path: str, lang: Lang) -> None:
    state = st.session_state
    session.set_value(state, widget_key(path), session.value(state, choice_widget_key(path, lang)))


def _choice(spec: FieldSpec, lang: Lang, label: str, help_: str, disabled: bool) -> None:
    """A select box (or multi-select) whose options are shown in the user's language.

    The browser identifies the chosen option by its shown label; when the language changes, the
    labels change and a keyed widget would come back with the old language's label. So the value
    lives under the field's own key, and each language has its own widget, filled from that value
    before it is drawn and writing back on change.
    """
    key = choice_widget_key(spec.path, lang)
    value = session.field_value(st.session_state, spec.path, spec.default)
    session.set_value(st.session_state, key, list(value) if spec.type == "choice_list" else value)
    common: dict[str, Any] = {
        "options": list(spec.values),
        "format_func": lambda option: text(lang, f"choices.{spec.path}.{option}"),
        "key": key,
        "help": help_,
        "disabled": disabled,
        "on_change": _keep_choice,
        "args": (spec.path, lang),
    }
    if spec.type == "choice":
        st.selectbox(label, **common)
    else:
        st.multiselect(label, **common)


def _number(spec: FieldSpec, lang: Lang, label: str, help_: str, disabled: bool) -> None:
    """A number field without a browser-side bound: a bound would swap a typed 0 or 1e12 back to the
    old value with Streamlit's English hint. The value is kept as typed; the form's validation then
    names the field and its allowed range in the user's language and holds the step (ui/wizard/flow.py).
    The allowed range is in the help text."""
    if spec.type == "int":
        step: float | int = 1
        fmt = "%d"
    else:
        step = 0.5 if spec.unit in PERCENT_UNITS else _STEPS.get(spec.unit, 1.0)
        fmt = _FLOAT_FORMAT
    st.number_input(
        label,
        step=step,
        format=fmt,
        key=widget_key(spec.path),
        help=help_,
        disabled=disabled,
        placeholder=_placeholder(spec, lang),
        persist_state="session",
    )


def _placeholder(spec: FieldSpec, lang: Lang) -> str | None:
    """What an empty (nullable) number means, shown in the empty field."""
    return text(lang, f"fields.{spec.path}.empty") if spec.nullable else None
