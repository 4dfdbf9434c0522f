"""Turns a :class:`ScenarioError` (plain data, :mod:`calculators.errors`) into a sentence in the
user's language: :func:`render_error`. Texts live in ``content/i18n``.

Values are shown in the field's own unit (percentages for rates, euros for money), so the
message reads like the form the user filled in.

This module imports the errors, never the reverse; when imported it installs :func:`render_error` as
the renderer behind ``ScenarioError.message`` and ``str(error)`` (kept for callers not yet moved here).
"""

from __future__ import annotations

import math
import re
import reprlib
from decimal import Decimal

from calculators.errors import JsonProblem, ScenarioError, install_renderer
from calculators.formatting import money, number, percent
from calculators.i18n import has_text, plural, text
from calculators.scenario.fields import field_specs, spec_path

__all__ = ["field_label", "format_in_unit", "json_problem_text", "render_error"]

_PERCENT_UNITS = {"fraction", "fraction_of_annual_salary"}
_MONEY_UNITS = {"eur", "eur_per_month", "eur_per_year", "eur_per_hour"}
_SHOWN_CHARS = 40  # of a value that is not a number: enough to recognise it
_FIELD_CHARS = 80  # of a field name: a file can name fields of any length
_HUGE = 1e15  # no input is meant to be this large: shown as a power of ten, not as 300 digits

# Values that are not numbers (wrong types, unknown fields) can be whole JSON trees of any size or depth:
# show a short, shallow sketch of them. (Python 3.11's Repr takes no keyword arguments.)
_SKETCH = reprlib.Repr()
_SKETCH.maxlevel, _SKETCH.maxlist, _SKETCH.maxdict, _SKETCH.maxtuple = 2, 3, 3, 3
_SKETCH.maxstring = _SKETCH.maxother = _SKETCH.maxlong = _SHOWN_CHARS


def _visible(value: str, limit: int) -> str:
    r"""``value`` on one readable line: control and format characters, line breaks and lone surrogates
    as escapes (a message must not move a terminal's cursor or break a line), cut at ``limit``.

    >>> _visible("a\x1b[2J\r\nb\ud800", 40)
    'a\\x1b[2J\\r\\nb\\ud800'
    """
    shown = "".join(char if char.isprintable() else char.encode("unicode_escape").decode() for char in value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _power_of_ten(value: float) -> str:
    """A huge number as ``1e+308`` (exact for integers of any size, which float() could not hold).

    >>> _power_of_ten(10**400), _power_of_ten(-1.5e20)
    ('1e+400', '-1.5e+20')
    """
    mantissa, exponent = f"{Decimal(value):.3e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"


def format_in_unit(value: object, unit: str, lang: str) -> str:
    """A value as the user would type it in this unit.

    >>> format_in_unit(0.95, "fraction", "nl")
    '95\\xa0%'
    >>> format_in_unit(-0.03, "fraction_points", "en")
    '-3 points'
    >>> format_in_unit("abc", "eur", "en")
    '"abc"'
    >>> [format_in_unit(value, unit, "en") for value, unit in ((2026, "year"), (1, "months"), (2, "months"))]
    ['2026', '1 month', '2 months']
    """
    if isinstance(value, str):
        return f'"{_visible(value, _SHOWN_CHARS)}"'
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            return _visible(_SKETCH.repr(value), _SHOWN_CHARS)
        except ValueError:  # an integer beyond Python's 4,300-digit limit for printing, inside a list
            return type(value).__name__
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if abs(value) >= _HUGE:
        return _power_of_ten(value)
    if unit in _PERCENT_UNITS:
        return percent(value, lang, 1 if abs(value * 100 - round(value * 100)) > 1e-9 else 0)
    if unit == "fraction_points":
        return text(
            lang, "units.fraction_points", value=number(value * 100, lang, 1).rstrip("0").rstrip(",.")
        )
    if unit in _MONEY_UNITS:
        return money(value, lang, cents=abs(value - round(value)) > 1e-9)
    if unit == "year":
        return str(int(value))  # 2026, never "2.026"
    shown = number(value, lang, 0 if float(value).is_integer() else 2)
    key = f"units.{unit}"
    if has_text(lang, key):
        return text(lang, key, value=shown)
    try:
        return plural(lang, key, float(value), value=shown)  # CLDR plural rules through Babel
    except KeyError:
        return shown


def field_label(field: str, lang: str) -> str:
    path = spec_path(field)
    key = f"fields.{path}.label"
    label = text(lang, key) if has_text(lang, key) else _visible(path, _FIELD_CHARS)
    match = re.search(r"\[(\d{1,6})\]", field)  # our own item numbers; a file's key may hold any
    if match:
        label = text(lang, "errors.item", label=label, number=int(match.group(1)) + 1)
    return label


def json_problem_text(problem: JsonProblem, lang: str) -> str:
    """Why a file is not JSON, in ``lang``, with the line and column when known.

    >>> json_problem_text(JsonProblem("expected_comma", 3, 5), "nl")
    'hier ontbreekt een komma (regel 3, kolom 5)'
    >>> json_problem_text(JsonProblem("not_a_number", detail="NaN"), "en")
    'NaN is not a number in JSON'
    """
    reason = text(lang, f"errors.json.{problem.kind}", name=_visible(problem.detail, _SHOWN_CHARS))
    if problem.line is None or problem.column is None:
        return reason
    return text(lang, "errors.json.where", reason=reason, line=problem.line, column=problem.column)


def render_error(error: ScenarioError, lang: str, *, path: bool = True) -> str:
    """The whole message: which field (by its label, and its path unless ``path`` is False), what
    was wrong, what is allowed.

    >>> from calculators.errors import Allowed
    >>> error = ScenarioError("horizon_months", 6, "out_of_range", Allowed(12, 120))
    >>> render_error(error, "en", path=False)
    'Horizon: 6 months is outside the allowed range ...'
    """
    spec = field_specs().get(spec_path(error.field))
    unit = spec.unit if spec else ""
    allowed = error.allowed

    def shown(value: object) -> str:
        return format_in_unit(value, unit, lang)

    values = {
        "value": shown(error.value) if error.code != "subsidies_exceed_costs" else error.value,
        "min": shown(allowed.minimum) if allowed.minimum is not None else "",
        "max": shown(allowed.maximum) if allowed.maximum is not None else "",
        "values": ", ".join(allowed.values),
        "max_length": allowed.max_length or "",
        "max_items": allowed.max_items or "",
        "length": len(error.value) if isinstance(error.value, str) else "",
        "count": len(error.value) if isinstance(error.value, list | tuple) else "",
    }
    if isinstance(error.value, JsonProblem):
        values["value"] = json_problem_text(error.value, lang)
    if error.code == "subsidies_exceed_costs" and allowed.maximum is not None:
        values["value"] = money(float(error.value), lang) if isinstance(error.value, int | float) else "?"
        values["max"] = money(allowed.maximum, lang)
    key = f"errors.{error.code}"
    if not has_text(lang, key):
        key = f"robustness.errors.{error.code}"  # codes added with the bad-input corpus (issue 8)
    problem = text(lang, key, **values)
    if not path:
        return text(lang, "errors.line_plain", label=field_label(error.field, lang), problem=problem)
    field = _visible(error.field, _FIELD_CHARS)
    return text(lang, "errors.line", label=field_label(error.field, lang), field=field, problem=problem)


install_renderer(lambda error, lang, path: render_error(error, lang, path=path))
