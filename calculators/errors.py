"""Invalid scenario input, as plain data: which field, what was given, what is wrong, what is allowed.

Every refusal names the field, the value that was given and what is allowed, so a user can fix it
without guessing. This module holds only that data and imports nothing: the sentences, in Dutch and
English, are made by the text layer, :func:`calculators.error_text.render_error` (texts in
``content/i18n``). Callers that want text call it.

``ScenarioError.message(lang)`` (and ``str(error)``, in English) still give the sentence, for callers
not yet moved to the text layer: the text layer installs its renderer here when it is imported, and
the package ``calculators`` imports it first thing, so it is always there. The dependency points one
way only: error_text → errors.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

__all__ = ["Allowed", "JsonProblem", "ScenarioError", "install_renderer"]


@dataclass(frozen=True, slots=True)
class Allowed:
    """What a field accepts: a numeric range, a list of values, or a maximum length/count."""

    minimum: float | None = None
    maximum: float | None = None
    values: tuple[str, ...] = ()
    max_length: int | None = None
    max_items: int | None = None
    multiple_of: int | None = None


@dataclass(frozen=True, slots=True)
class JsonProblem:
    """Why a file is not JSON, in words of no language (the message puts it into the user's).

    ``kind`` is one of ``not_utf8``, ``empty``, ``not_a_number`` (``detail`` names the constant,
    e.g. NaN), ``too_deep``, ``expected_value``, ``expected_comma``, ``expected_colon``,
    ``expected_name``, ``unterminated_string``, ``control_character``, ``bad_escape``,
    ``extra_data`` or ``syntax``; ``line`` and ``column`` (from 1) say where, when known.
    """

    kind: str
    line: int | None = None
    column: int | None = None
    detail: str = ""


Renderer = Callable[["ScenarioError", str, bool], str]  # (error, lang, path) -> the sentence


def install_renderer(render: Renderer) -> None:
    """Let :meth:`ScenarioError.message` speak: called once, by the text layer (calculators.error_text)
    as it is imported. What it sets is a function, the same for every session; never a user's data."""
    ScenarioError.renderer = render


class ScenarioError(ValueError):
    """Invalid input: names the field (dotted path), the value and the allowed range.

    ``code`` says what is wrong (``out_of_range``, ``wrong_type``, ``not_one_of``, ``too_long``,
    ``too_many``, ``unknown_field``, ``not_finite``, ``clause_void``, ``multiple_of``,
    ``subsidies_exceed_costs``, ``schema_version``, ``not_json``, ``not_object``, ``too_large``,
    ``invalid_characters``, ``duplicate_key``; the texts of the last two are in
    content/i18n/<lang>/robustness.yaml).

    >>> error = ScenarioError("horizon_months", 6, "out_of_range", Allowed(12, 120))
    >>> error
    ScenarioError(field='horizon_months', value=6, code='out_of_range', allowed=Allowed(minimum=12, ...))
    >>> error.field, error.code, error.allowed.maximum
    ('horizon_months', 'out_of_range', 120)
    """

    renderer: ClassVar[Renderer | None] = None  # set by install_renderer

    def __init__(self, field: str, value: object, code: str, allowed: Allowed | None = None) -> None:
        self.field = field
        self.value = value
        self.code = code
        self.allowed = allowed or Allowed()
        super().__init__(field, code)

    def __repr__(self) -> str:
        return (
            f"ScenarioError(field={self.field!r}, value={_sketch(self.value)}, code={self.code!r}, "
            f"allowed={self.allowed!r})"
        )

    def __str__(self) -> str:
        """The English sentence (what a traceback shows); the bare data if no text layer is loaded."""
        if ScenarioError.renderer is None:
            return f"{self.field}: {self.code} (value {_sketch(self.value)}, allowed {self.allowed})"
        return self.message("en")

    def message(self, lang: str, *, path: bool = True) -> str:
        """The full message in ``lang`` ("nl" or "en"); ``path=False`` leaves out the field's internal
        path. Kept for callers not yet moved: it calls :func:`calculators.error_text.render_error`,
        which new code calls itself."""
        if ScenarioError.renderer is None:
            raise LookupError("no text layer: import calculators.error_text")
        return ScenarioError.renderer(self, lang, path)

    @property
    def message_nl(self) -> str:
        """The message in Dutch."""
        return self.message("nl")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")


def _sketch(value: object) -> str:
    """A short repr of a value of any size (a file may hold an integer of 10,000 digits)."""
    try:
        return reprlib.repr(value)
    except ValueError:  # an integer beyond Python's 4,300-digit limit for printing
        return f"<{type(value).__name__}>"
