"""Privacy in real Chromium: nothing leaves the app's host, nothing is stored, nothing is logged.

Each walk runs on a private server (tests/e2e/private.py: a fresh copy of the app with its own
TMPDIR and HOME, every request routed, every websocket recorded, the files compared before and
after). The owner's main flow, with every results tab, a download and a team upload and export, is
walked that way by test_wizard_flow.py::test_full_flow in both languages; this file walks the
dead-end comparison and what a user sees when code fails.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from calculators.i18n import Lang, text
from tests.e2e.flows import dead_end_to_results, next_step, open_in, owner_steps
from tests.e2e.helpers import by_key, open_app, wait_for_app_idle
from tests.e2e.private import (
    PLANTED,
    PRIVATE_CASE,
    Traffic,
    Tree,
    assert_log_clean,
    assert_private,
    start,
)
from tests.e2e.server import REPO_ROOT, Server


@pytest.fixture(scope="module")
def probe_server(private_tree: Tree) -> Iterator[Server]:
    """The app with a planted defect (private.FAULT_PROBE), served from the private tree."""
    yield from start(private_tree, "fault_probe.py")


def test_dead_end_flow_is_private(
    private_server: Server, private_tree: Tree, context: BrowserContext, page: Page
) -> None:
    """Pins the dead-end comparison, in English, as private: only local requests, Streamlit's
    cookie, no files written, no name or amount in the log."""
    before = private_tree.snapshot()
    traffic = Traffic(context)
    open_in(page, private_server.url, Lang.EN)
    dead_end_to_results(page, Lang.EN)
    expect(page.get_by_role("heading", name=text(Lang.EN, "dead_end.title"))).to_be_visible()
    assert_private(traffic, context, private_tree, before)
    assert_log_clean(private_server, [PRIVATE_CASE.name], PRIVATE_CASE.amounts)


def test_config_hides_error_details() -> None:
    """Pins the production setting the browser checks below rely on."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showErrorLinks"] is False


def _page_text(page: Page) -> str:
    return page.locator("body").inner_text()


def test_a_defect_shows_no_traceback(probe_server: Server, private_tree: Tree, page: Page) -> None:
    """Pins what a user sees when code fails: a plain message, no traceback, no error text.

    Inside the wizard's error boundary (a planted defect in the results step) the wizard's own
    message appears and the inputs are kept; outside it, Streamlit's redacted notice.
    """
    before = private_tree.snapshot()
    open_in(page, probe_server.url, Lang.EN)
    for step in owner_steps(page, Lang.EN, PRIVATE_CASE):
        if step.id == "doubts":
            break
    next_step(page)  # the results step runs the planted defect
    expect(page.get_by_text(text(Lang.EN, "wizard.failure"))).to_be_visible()
    shown = _page_text(page)
    for leak in (PLANTED, "Traceback", "RuntimeError", 'File "'):
        assert leak not in shown
    by_key(page, "failure_restart").locator("button").click()
    wait_for_app_idle(page)
    next_step(page)
    next_step(page)
    expect(by_key(page, "in__employee__label").locator("input")).to_have_value(PRIVATE_CASE.name)

    open_app(page, f"{probe_server.url}/?fault=uncaught")
    expect(page.get_by_test_id("stException")).to_have_count(1)
    shown = _page_text(page)
    assert "redacted" in shown  # Streamlit's generic notice, so the check below looks at the right page
    for leak in (PLANTED, "Traceback", "RuntimeError", 'File "'):
        assert leak not in shown
    assert PLANTED in probe_server.log_text(), "the full error goes to the server log, for the operator"
    assert private_tree.snapshot() == before
