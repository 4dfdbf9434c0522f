"""How ``make deploy-check`` reads nginx's access log: which process answered, and which browsers
reached more than one process. Hand-written logs; the expected verdicts follow from the rule that
only page A may move, once, off the killed process."""

from __future__ import annotations

from benchmarks.load_protocol import cookie_pair
from deploy.check import _affinity, _kind
from deploy.local import LogLine, parse_access_log

A, B = "a" * 32, "b" * 32
ONE, TWO = "127.0.0.1:9101", "127.0.0.1:9102"


def test_the_last_process_tried_is_the_one_that_answered() -> None:
    (line,) = parse_access_log(f"{A} {ONE}, {TWO} 200 GET /_stcore/health")
    assert line == LogLine(A, f"{ONE}, {TWO}", 200, "GET", "/_stcore/health")
    assert line.answered_by == TWO
    (itself,) = parse_access_log(f"{A} - 404 GET /nothing")
    assert itself.answered_by == "-"


def _log(*entries: tuple[str, str]) -> list[LogLine]:
    return [LogLine(route, upstream, 200, "GET", "/") for route, upstream in entries]


def test_browsers_that_stay_on_one_process_pass() -> None:
    assert _affinity(_log((A, ONE), (B, TWO), (A, ONE), (B, TWO)), killed_route=A, killed=ONE) == []


def test_page_a_may_move_once_off_the_killed_process() -> None:
    log = _log((A, ONE), (A, ONE), (A, f"{ONE}, {TWO}"), (A, TWO))
    assert _affinity(log, killed_route=A, killed=ONE) == []


def test_page_a_moving_back_or_from_a_live_process_fails() -> None:
    back = _log((A, ONE), (A, TWO), (A, ONE))
    assert _affinity(back, killed_route=A, killed=ONE) == [f"{A}: {ONE} → {TWO} → {ONE}"]
    from_live = _log((A, TWO), (A, ONE))
    assert _affinity(from_live, killed_route=A, killed=ONE) == [f"{A}: {TWO} → {ONE}"]


def test_any_other_browser_that_moves_fails() -> None:
    log = _log((A, ONE), (B, TWO), (B, ONE))
    assert _affinity(log, killed_route=A, killed=ONE) == [f"{B}: {TWO} → {ONE}"]


def test_requests_nginx_answered_itself_are_no_move() -> None:
    assert _affinity(_log((B, TWO), (B, "-"), (B, TWO)), killed_route=A, killed=ONE) == []


def test_request_kinds() -> None:
    assert _kind("/_stcore/upload_file/session/file") == "upload_file"
    assert _kind("/team/_stcore/host-config") == "host-config"
    assert _kind("/media/0a1b.csv") == "media"
    assert _kind("/team") == "page"
    assert _kind("/") == "page"


def test_the_wire_client_keeps_a_cookie_by_name_and_value_only() -> None:
    assert cookie_pair(f"leerwinst_route={A}; Path=/; HttpOnly; Secure; SameSite=Lax") == (
        "leerwinst_route",
        A,
    )
    assert cookie_pair("_streamlit_xsrf=2|ab|cd|17; Path=/") == ("_streamlit_xsrf", "2|ab|cd|17")
