"""Small Playwright helpers for driving a Streamlit app (patterns from streamlit/e2e_playwright)."""

import contextlib
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Written on every run, so not kept in git (the README's pictures are copies in docs/). Not under
# test-results/: pytest-playwright empties that folder at the start of every pytest session.
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "screenshots"

# Streamlit reruns the script on every interaction; anything slower than this is a bug worth seeing.
IDLE_TIMEOUT_MS = 30_000


def open_app(page: Page, url: str) -> None:
    """Load the app and wait until its first script run has finished."""
    response = page.goto(url)
    assert response is not None and response.ok, f"GET {url} failed: {response and response.status}"
    page.get_by_test_id("stAppViewContainer").wait_for(state="attached", timeout=IDLE_TIMEOUT_MS)
    wait_for_app_idle(page)


def wait_for_app_idle(page: Page, timeout_ms: float = IDLE_TIMEOUT_MS) -> None:
    """Wait until the server is connected, the script has stopped and nothing is still loading."""
    # The rerun an interaction causes starts a moment later (debounced widgets send their value late):
    # without waiting for it we could see the "notRunning" state of the run *before* the interaction.
    # Wait until it starts (usually a few tens of milliseconds), or at most 250 ms when the interaction
    # causes no rerun at all; then until it has finished.
    running = page.locator("[data-testid='stApp'][data-test-script-state='running']")
    with contextlib.suppress(PlaywrightTimeoutError):  # none started, or over before we looked
        running.wait_for(state="attached", timeout=250)
    for state in ("data-test-connection-state='CONNECTED'", "data-test-script-state='notRunning'"):
        page.locator(f"[data-testid='stApp'][{state}]").wait_for(state="attached", timeout=timeout_ms)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout_ms)


def by_key(page: Page | Locator, key: str) -> Locator:
    """The element created with ``key=...``; Streamlit tags it with the CSS class ``st-key-<key>``."""
    # Same sanitising as the Streamlit frontend: anything outside [a-zA-Z0-9_-] becomes "-".
    css_class = "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())
    return page.locator(f".{css_class}")


def set_viewport_tall(page: Page) -> None:
    """Make the whole page visible: Streamlit scrolls inside its own container, so full_page=True
    screenshots would only capture the window."""
    page.set_viewport_size({"width": 1280, "height": 2400})


def screenshot(page: Page, name: str) -> Path:
    """Save ``screenshots/<name>.png`` to look at after the run."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    # Animations off so two runs of the same state give the same picture.
    page.screenshot(path=path, animations="disabled")
    return path
