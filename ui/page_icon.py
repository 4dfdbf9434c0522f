"""The browser tab's icon, as a data URL built once per process.

A local file path would make Streamlit read, hash and register the file again on every rerun (about
0.3 ms, a seventh of a trivial app's whole rerun); a ":material/...:" icon would make the browser
fetch it from Google's font servers. A data URL is sent as it is, and the page fetches nothing.
"""

from __future__ import annotations

import base64
from pathlib import Path

__all__ = ["PAGE_ICON"]

_FILE = Path(__file__).resolve().parent / "assets" / "favicon.png"
PAGE_ICON = "data:image/png;base64," + base64.b64encode(_FILE.read_bytes()).decode("ascii")
