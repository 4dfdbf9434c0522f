"""The one error type for invalid scenario input, with a message in Dutch and in English.

Every refusal names the field, the value that was given and what is allowed, so a user can fix
it without guessing. The sentences live in ``content/i18n``; this module only fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Allowed", "JsonProblem", "ScenarioError"]


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


class ScenarioError(ValueError):
    """Invalid input: names the field (dotted path), the value and the allowed range.

    ``code`` says what is wrong (``out_of_range``, ``wrong_type``, ``not_one_of``, ``too_long``,
    ``too_many``, ``unknown_field``, ``not_finite``, ``clause_void``, ``multiple_of``,
    ``subsidies_exceed_costs``, ``schema_version``, ``not_json``, ``not_object``, ``too_large``,
    ``invalid_characters``, ``duplicate_key``; the texts of the last two are in
    content/i18n/<lang>/robustness.yaml).
    """

    def __init__(self, field: str, value: object, code: str, allowed: Allowed | None = None) -> None:
        self.field = field
        self.value = value
        self.code = code
        self.allowed = allowed or Allowed()
        super().__init__(self.message("en"))

    def message(self, lang: str, *, path: bool = True) -> str:
        """The full message in ``lang`` ("nl" or "en"). ``path=False`` leaves out the field's internal
        path (``employee.gross_monthly_salary_eur``): for people; the command line keeps it."""
        from calculators.error_text import render_error  # late: the text layer imports this module

        return render_error(self, lang, path=path)

    @property
    def message_nl(self) -> str:
        """The message in Dutch."""
        return self.message("nl")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")
