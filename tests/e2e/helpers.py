"""Small Playwright helpers for driving a Streamlit app (patterns from streamlit/e2e_playwright)."""

import contextlib
import re
from pathlib import Path

from playwright.sync_api import Locator, Page
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


# Counts every change of the app's script state (notRunning → running → notRunning, or a requested
# rerun) since it was last armed, so a rerun that starts and ends between two polls is still seen.
# The observer watches the whole document, so it survives React replacing the stApp element.
_ARM_RUN_COUNTER = """() => {
  window.__leerwinstRuns = 0;
  if (!window.__leerwinstRunObserver) {
    window.__leerwinstRunObserver = new MutationObserver((records) => {
      for (const record of records) {
        if (record.target.getAttribute("data-testid") === "stApp") window.__leerwinstRuns += 1;
      }
    });
    window.__leerwinstRunObserver.observe(document.documentElement, {
      subtree: true, attributes: true, attributeFilter: ["data-test-script-state"],
    });
  }
}"""
# -1: not armed (a page just loaded); 0: no run since armed; n > 0: n state changes since armed.
_RUNS_SINCE_ARMED = "() => window.__leerwinstRuns === undefined ? -1 : window.__leerwinstRuns"
# The rerun an interaction causes starts a moment later (usually a few tens of milliseconds);
# an interaction that causes no rerun at all costs at most this long.
RERUN_START_MS = 250


# The app is idle when it is connected, its script is not running and nothing shows a loading
# skeleton: all three checked together by one script in the page, every POLL_MS.
_APP_IDLE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app !== null && app.getAttribute("data-test-connection-state") === "CONNECTED"
    && app.getAttribute("data-test-script-state") === "notRunning"
    && document.querySelector("[data-testid='stSkeleton']") === null;
}"""
POLL_MS = 50


def wait_for_app_idle(page: Page, timeout_ms: float = IDLE_TIMEOUT_MS) -> None:
    """Wait until the server is connected, the script has stopped and nothing is still loading.

    Without first waiting for the rerun an interaction causes, we could see the "notRunning" state
    of the run *before* the interaction. A counter armed at the end of the previous wait tells
    whether a run has started since, however short it was; on a freshly loaded page (not armed yet)
    we look for the running state itself.
    """
    with contextlib.suppress(PlaywrightTimeoutError):  # no rerun at all: the interaction needed none
        page.wait_for_function(
            f"() => ({_RUNS_SINCE_ARMED})() !== 0", timeout=RERUN_START_MS, polling=POLL_MS / 2
        )
    if page.evaluate(_RUNS_SINCE_ARMED) == -1:
        running = page.locator("[data-testid='stApp'][data-test-script-state='running']")
        with contextlib.suppress(PlaywrightTimeoutError):  # none started, or over before we looked
            running.wait_for(state="attached", timeout=RERUN_START_MS)
    page.wait_for_function(_APP_IDLE, timeout=timeout_ms, polling=POLL_MS)
    page.evaluate(_ARM_RUN_COUNTER)


# Plotly draws its traces a moment after its svg appears. A plot is drawn when plotly has laid out
# its data (gd._fullData) and every visible trace has its <g class="trace"> in the svg.
_PLOTS_DRAWN = """() => {
  const plots = [...document.querySelectorAll(".js-plotly-plot")];
  return plots.length > 0 && plots.every((plot) => plot._fullData && plot.querySelector(".main-svg")
    && plot.querySelectorAll("g.trace").length >= plot._fullData.filter((t) => t.visible === true).length);
}"""


def wait_for_plots_drawn(page: Page, timeout_ms: float = IDLE_TIMEOUT_MS) -> None:
    """Wait until every plotly chart on the page has drawn its traces (there is at least one)."""
    page.wait_for_function(_PLOTS_DRAWN, timeout=timeout_ms)


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
