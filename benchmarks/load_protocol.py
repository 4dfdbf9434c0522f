"""A session that speaks Streamlit's own WebSocket protocol, without a browser (benchmarks/load.py).

The browser rounds of the load benchmark run up to 25 Chromium pages on the server's own two
cores, and Chromium needs several times the server's CPU for each change (the table shows it), so
at 25 sessions they measure Chromium waiting for a core. On a deployment every user's browser runs
on the user's own computer. This client does what the page does on the wire and nothing more: it
opens ``/_stcore/stream``, asks for script runs with the widget values a user would send (a click is
a trigger, a typed number a value), reads every message the server sends, and fetches each chart's
data file (``/media/...``) as the page does. It draws nothing, so the time it measures is the
server's: from sending a change until the server's "script finished" message for the results run
arrives.

Widgets are found by their keys (Streamlit's element id ends with ``-<key>``). A run request
carries only the widgets that change; the server keeps every other widget's value from the run
before, as it does for a page that sends them unchanged.

Like a browser, a session keeps the cookies it is given: it loads the page (``/``) and the health
check first, as the page does before it connects, and sends the cookies with the WebSocket and
every file it fetches. Behind the proxy (deploy/nginx) the route cookie keeps a session on one
process; on a bare server the only cookie is Streamlit's XSRF token.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

__all__ = ["ProtocolSession", "cookie_pair"]

_FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
TIMEOUT_S = 60.0


@dataclass
class _Run:
    """What one script run sent: widget ids by key, metric values by label, chart data files."""

    widgets: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    media: list[str] = field(default_factory=list)
    exception: bool = False


class ProtocolSession:
    """One user's session on the wire: ``await open()``, then ``click``/``type`` and read ``metrics``."""

    def __init__(self, url: str) -> None:
        self._http = url.rstrip("/")
        parsed = urlparse(self._http)
        self._ws_url = f"ws://{parsed.netloc}/_stcore/stream"
        self._socket: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._current = _Run()
        self.last = _Run()  # the last finished run
        self.runs = 0
        self.finished_at = 0.0
        self._ran = asyncio.Event()
        self.doing = "opening"
        self.cookies: dict[str, str] = {}

    async def open(self) -> None:
        """Load the page, check health, connect and run the app once, as a page load does."""
        for path in ("/", "/_stcore/health"):
            await asyncio.to_thread(self._fetch, path)
        headers = {"Cookie": self._cookie_header()} if self.cookies else None
        self._socket = await websockets.connect(
            self._ws_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            additional_headers=headers,
        )
        self._reader = asyncio.create_task(self._read())
        await self._rerun([])

    async def close(self) -> None:
        if self._reader is not None:
            if self._reader.done() and not self._reader.cancelled():
                self._reader.exception()  # the connection was lost earlier (a killed server): seen
            self._reader.cancel()
        if self._socket is not None:
            await self._socket.close()

    async def _read(self) -> None:
        async for payload in self._socket:
            if isinstance(payload, str):
                continue
            message = ForwardMsg()
            message.ParseFromString(payload)
            self._take(message)

    def _take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            name = element.WhichOneof("type")
            proto = getattr(element, name) if name else None
            widget_id = getattr(proto, "id", "")
            if widget_id and "-" in widget_id:
                self._current.widgets[widget_id.rsplit("-", 1)[-1]] = widget_id
            if name == "metric":
                self._current.metrics[element.metric.label] = element.metric.body
            elif name == "exception":
                self._current.exception = True
            elif name == "plotly_chart" and element.plotly_chart.spec.startswith("/media/"):
                self._current.media.append(element.plotly_chart.spec)  # a large figure comes as a file
        elif kind == "script_finished":
            if message.script_finished == _FINISHED:
                self.last, self._current = self._current, _Run()
                self.runs += 1
                self.finished_at = time.perf_counter()
                self._ran.set()
            else:  # a run that was cut short by the next one: its elements were never complete
                self._current = _Run()

    async def _rerun(self, widgets: list[WidgetState]) -> None:
        request = BackMsg()
        request.rerun_script.query_string = ""
        request.rerun_script.page_script_hash = ""
        request.rerun_script.widget_states.widgets.extend(widgets)
        before = self.runs
        await self._socket.send(request.SerializeToString())
        async with asyncio.timeout(TIMEOUT_S):
            while self.runs <= before:
                self._ran.clear()
                await self._ran.wait()
        for path in self.last.media:  # the page fetches each chart's data from the server
            await asyncio.to_thread(self._fetch, path)

    def _cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def _fetch(self, path: str) -> bytes:
        """GET a path of the app with this session's cookies; keep the cookies it sets."""
        request = urllib.request.Request(f"{self._http}{path}")
        if self.cookies:
            request.add_header("Cookie", self._cookie_header())
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = cookie_pair(header)
                self.cookies[name] = value
            body: bytes = response.read()
            return body

    def _widget(self, key: str) -> str:
        try:
            return self.last.widgets[key]
        except KeyError:
            raise LookupError(f"no widget with key {key!r} on the page") from None

    async def click(self, key: str) -> None:
        """Press the button with this key."""
        self.doing = f"clicking {key}"
        await self._rerun([WidgetState(id=self._widget(key), trigger_value=True)])

    async def type(self, key: str, value: float) -> float:
        """Commit a number into the input with this key; when it was sent."""
        self.doing = f"typing {value} into {key}"
        state = WidgetState(id=self._widget(key), double_value=float(value))
        sent = time.perf_counter()
        await self._rerun([state])
        return sent


def cookie_pair(set_cookie: str) -> tuple[str, str]:
    """The name and value of a ``Set-Cookie`` header (its attributes are a browser's business).

    >>> cookie_pair("leerwinst_route=0a1b; Path=/; HttpOnly; Secure; SameSite=Lax")
    ('leerwinst_route', '0a1b')
    >>> cookie_pair("_streamlit_xsrf=2|ab|cd|17; Path=/; SameSite=Lax")
    ('_streamlit_xsrf', '2|ab|cd|17')
    """
    name, _, value = set_cookie.split(";", 1)[0].partition("=")
    return name.strip(), value.strip()
