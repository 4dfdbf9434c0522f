"""The loopback nginx configuration is the production file with only its marked lines changed.

Expected values are written out by hand from what the production file must say (one upstream line
per app port with the production fail-over parameters, a plain loopback listener, no TLS); the
"nothing else differs" check removes the expected loopback lines from the output by their own
shape, not through the generator's bookkeeping. ``nginx -t`` on both variants runs in ``make lint``
(python -m deploy.nginx_config), so these tests need no nginx.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from deploy.nginx_config import PRODUCTION_CONF, loopback_lines, loopback_nginx_conf, loopback_server_conf
from tests.e2e.server import REPO_ROOT

APP_PORTS = [9101, 9102, 9103]
LISTEN_PORT = 9180
PRODUCTION = PRODUCTION_CONF.read_text(encoding="utf-8")


def _block(conf: str, opening: str) -> str:
    """The block whose first line ends with ``opening``, up to its own closing line (a lone "}")."""
    lines = conf.splitlines()
    start = next(n for n, line in enumerate(lines) if line.split("#", 1)[0].rstrip().endswith(opening))
    indent = len(lines[start]) - len(lines[start].lstrip())
    closing = " " * indent + "}"
    end = next(n for n in range(start + 1, len(lines)) if lines[n].split("#", 1)[0].rstrip() == closing)
    return "\n".join(lines[start : end + 1])


def test_only_marked_lines_differ() -> None:
    """Pins that the loopback variant is no second copy: remove the loopback listener and upstream
    lines it adds, and what is left is the production file without its marked lines, in order."""
    generated = loopback_server_conf(APP_PORTS, LISTEN_PORT).splitlines()
    added = {f"    listen 127.0.0.1:{LISTEN_PORT};"} | {
        f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in APP_PORTS
    }
    unmarked = [line for line in PRODUCTION.splitlines() if "# loopback:" not in line]
    assert [line for line in generated if line not in added] == unmarked
    assert sum(line in added for line in generated) == len(added)  # each exactly once


def test_upstream_has_one_line_per_app_port_with_the_production_fail_over() -> None:
    upstream = _block(loopback_server_conf(APP_PORTS, LISTEN_PORT), "upstream leerwinst {")
    servers = [line.strip() for line in upstream.splitlines() if line.strip().startswith("server ")]
    assert servers == [
        "server 127.0.0.1:9101 max_fails=1 fail_timeout=10s;",
        "server 127.0.0.1:9102 max_fails=1 fail_timeout=10s;",
        "server 127.0.0.1:9103 max_fails=1 fail_timeout=10s;",
    ]
    assert "hash $leerwinst_route consistent;" in upstream


def test_loopback_listens_on_loopback_only_without_tls() -> None:
    conf = loopback_server_conf(APP_PORTS, LISTEN_PORT)
    listens = re.findall(r"^\s*listen\s+([^;]+);", conf, flags=re.MULTILINE)
    assert listens == ["127.0.0.1:9180"]
    assert "ssl_certificate" not in conf
    assert "return 301" not in conf


def test_production_serves_tls_and_redirects_plain_http() -> None:
    listens = re.findall(r"^\s*listen\s+([^;]+);", PRODUCTION, flags=re.MULTILINE)
    assert listens == ["80", "[::]:80", "443 ssl", "[::]:443 ssl"]
    assert re.search(r"^\s*ssl_certificate\s+/\S+;", PRODUCTION, flags=re.MULTILINE)
    assert re.search(r"^\s*ssl_certificate_key\s+/\S+;", PRODUCTION, flags=re.MULTILINE)
    assert "return 301 https://$host$request_uri;" in PRODUCTION


def test_the_route_cookie_is_a_random_key_for_new_browsers_and_kept_after() -> None:
    """A well-formed key (32 hex digits) is kept; anything else gets nginx's random $request_id, and
    only then is a cookie sent: a session cookie, HttpOnly, Secure, SameSite=Lax."""
    route_map = _block(PRODUCTION, "map $cookie_leerwinst_route $leerwinst_route {")
    assert '"~^[0-9a-f]{32}$"   $cookie_leerwinst_route;' in route_map
    assert "default             $request_id;" in route_map
    cookie_map = _block(PRODUCTION, "map $cookie_leerwinst_route $leerwinst_route_cookie {")
    cookie = re.search(r'default\s+"([^"]+)";', cookie_map)
    assert cookie is not None
    attributes = [part.strip() for part in cookie[1].split(";")]
    assert attributes == ["leerwinst_route=$request_id", "Path=/", "HttpOnly", "Secure", "SameSite=Lax"]
    assert "Max-Age" not in cookie_map and "Expires" not in cookie_map


def test_websocket_location_upgrades_and_waits_an_hour() -> None:
    stream = _block(PRODUCTION, "location /_stcore/stream {")
    for directive in (
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_set_header Host $http_host;",  # with the port: Streamlit compares Origin with Host
        "proxy_read_timeout 1h;",
        "proxy_send_timeout 1h;",
    ):
        assert directive in stream


def test_headers_are_added_at_server_level_only() -> None:
    """nginx drops every server-level add_header in a location that has one of its own."""
    openings = re.findall(r"^\s*(location [^{]+\{)", PRODUCTION, flags=re.MULTILINE)
    assert openings == ["location / {", "location /_stcore/stream {"]
    for opening in openings:
        assert "add_header" not in _block(PRODUCTION, opening)
    tls_server = _block(loopback_server_conf(APP_PORTS, LISTEN_PORT), "server {")  # the only one there
    assert "add_header Set-Cookie $leerwinst_route_cookie always;" in tls_server


def test_upload_limit_is_streamlits() -> None:
    """nginx must pass the largest upload Streamlit accepts (server.maxUploadSize, in MB)."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    (limit,) = re.findall(r"client_max_body_size (\d+)m;", PRODUCTION)
    assert int(limit) == config["server"]["maxUploadSize"] == 6


def test_whole_conf_keeps_every_file_in_the_working_directory(tmp_path: Path) -> None:
    """pid file, logs and temp paths of the test nginx: all under its own directory, none in /var."""
    conf = loopback_nginx_conf(APP_PORTS, LISTEN_PORT, tmp_path)
    written = re.findall(r"^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+(\S+?);?(?:\s|$)", conf, re.M)
    # pid, error log, access log and the five temp paths (client body, proxy, fastcgi, uwsgi, scgi)
    assert len(written) == 8
    assert all(path.startswith(f"{tmp_path}/") for path in written), written
    directives = "\n".join(line.split("#", 1)[0] for line in conf.splitlines())
    assert "/var/" not in directives
    assert "daemon off;" in conf  # a foreground process: the caller holds its pid


def test_marker_rules_refuse_what_they_cannot_do() -> None:
    with pytest.raises(ValueError, match="at least one app port"):
        loopback_lines([], LISTEN_PORT)
    two_ports = "server 127.0.0.1:1 backup 127.0.0.1:2;  # loopback: each app port"
    with pytest.raises(ValueError, match="exactly one :port"):
        loopback_lines([9101], LISTEN_PORT, two_ports)


def test_every_marked_line_is_changed() -> None:
    """A marked line whose loopback text equals the production text is a marker that does nothing."""
    for line in loopback_lines(APP_PORTS, LISTEN_PORT):
        if "# loopback:" in line.production:
            assert line.loopback != (line.production,)
            assert all("# loopback:" not in out for out in line.loopback)
