"""The tab icon is the project's own PNG, inline: the page needs no request for it."""

from __future__ import annotations

import base64
from pathlib import Path

from ui.page_icon import PAGE_ICON

ICON_FILE = Path(__file__).resolve().parents[3] / "ui" / "assets" / "favicon.png"


def test_icon_is_the_png_file_as_a_data_url() -> None:
    """Pins a data URL (Streamlit passes "data:" URLs through untouched) holding the file's bytes."""
    prefix = "data:image/png;base64,"
    assert PAGE_ICON.startswith(prefix)
    data = base64.b64decode(PAGE_ICON[len(prefix) :], validate=True)
    assert data == ICON_FILE.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
