"""The walked case of issue 14, shared by the AppTest and browser tests of the dead-end flow.

A bakery of 40 people; a cashier of 18 years (52, 32 hours a week, € 2.800 a month) whose role
disappears in month 24 (self-checkouts); a course of € 2.500 and 80 hours over 4 months for work
elsewhere. Everything else stays at its default, so the calculators get exactly what the form holds.
"""

from __future__ import annotations

from typing import Any

BAKERY: dict[str, Any] = {
    "company": {"employee_count": 40},
    "employee": {
        "gross_monthly_salary_eur": 2800,
        "hours_per_week": 32,
        "years_of_service": 18,
        "age": 52,
        "role_outlook": "dead_end",
    },
    "training": {"kind": "external_job", "course_fees_eur": 2500, "hours": 80, "duration_months": 4},
}


def bakery(**dead_end: Any) -> dict[str, Any]:
    """The bakery case with the given dead-end answers (e.g. ``internal_role_available=True``)."""
    return {**BAKERY, "dead_end": dead_end}
