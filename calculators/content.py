"""Read-only access to the product's content files (``content/``).

Content is data with sources: defaults, texts, rules. It is read once per process and never
changes while the app runs, so caching it at module level is safe for every session.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["CONTENT_DIR", "ContentError", "load_yaml"]

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class ContentError(RuntimeError):
    """A content file is missing or malformed: a defect of the product, not of user input."""


@lru_cache(maxsize=64)
def load_yaml(relative_path: str) -> Any:
    """Load one YAML file below ``content/``.

    >>> load_yaml("defaults.yaml")["schema_version"]
    1
    """
    path = CONTENT_DIR / relative_path
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        # ValueError: YAML turns an unquoted date such as 2026-13-01 into datetime.date and fails there.
        raise ContentError(f"cannot read content file {relative_path}: {exc}") from exc
