"""JSON over HTTP for engines that are servers: timeouts, retries with backoff and
jitter, Retry-After, no proxy for a server on this machine. Shared, so a second HTTP
engine is its API calls and nothing more.

Only the standard library: tqcheck needs nothing from `requests` that urllib lacks, and
servers' own client packages pin old versions of half of PyPI (ENGINES.md).

Failures a server may recover from (no connection, a timeout, 429, 5xx) are retried;
anything else it says is final, so a bad API key fails at once instead of after a
minute of retries. An engine reads a refusal its own way through `refusal`.
"""
from __future__ import annotations

import functools
import json
import random
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tqcheck.errors import ConfigError, EngineError

if TYPE_CHECKING:  # imported where used: urllib's modules cost every command 25 ms
    import http.client
    import urllib.error
    import urllib.request

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0
# Four attempts with 0.5 s doubling backoff: a refused connection fails in under 4 s,
# and a backend restarting behind a load balancer gets ≈4 s to come back.
RETRIES = 3
BACKOFF_BASE_S = 0.5
BACKOFF_MAX_S = 30.0
RETRY_AFTER_MAX_S = 60.0
USER_AGENT = "tqcheck"

# refusal(status, the server's message, path) → the user's message, or None for the default
Refusal = Callable[[int, str, str], "str | None"]


class _Retryable(Exception):
    """A failure worth another attempt; `message` is what the user sees if none is left."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class JsonClient:
    def __init__(self, url: str, *, what: str, flag: str, connect_timeout: float = CONNECT_TIMEOUT_S,
                 read_timeout: float = READ_TIMEOUT_S, retries: int = RETRIES,
                 backoff: float = BACKOFF_BASE_S, refusal: Refusal | None = None) -> None:
        self.url = url.rstrip("/")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{flag} {url!r} is not an http(s) URL, e.g. http://translate.internal:5000")
        self.host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        self.what = f"{what} at {self.url}"  # "the LibreTranslate server at http://…"
        self.flag = flag
        self._loopback = _is_loopback(parts.hostname)
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.refusal = refusal
        # Set when one of several concurrent requests failed: the others stop retrying.
        self.stop = threading.Event()

    def request(self, method: str, path: str, body: dict[str, Any] | None = None,
                read_timeout: float | None = None, retries: int | None = None) -> Any:
        """JSON in, JSON out, with retries on what a server can recover from."""
        retries = self.retries if retries is None else retries
        read_timeout = self.read_timeout if read_timeout is None else read_timeout
        attempt = 0
        while True:
            if self.stop.is_set():
                raise EngineError(f"request to {self.url}{path} cancelled: another one failed")
            try:
                return self._once(method, path, body, read_timeout)
            except _Retryable as exc:
                if attempt >= retries or self.stop.is_set():
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise EngineError(exc.message + tries) from exc
                delay = exc.retry_after if exc.retry_after is not None else self._backoff(attempt)
                attempt += 1
                if self.stop.wait(delay):
                    raise EngineError(exc.message) from exc

    def _backoff(self, attempt: int) -> float:
        # "Equal jitter": never less than half the exponential step, so retries do wait,
        # but spread, so many clients do not come back at the same instant.
        step = min(BACKOFF_MAX_S, self.backoff * 2 ** attempt)
        return step / 2 + random.uniform(0, step / 2)

    def _once(self, method: str, path: str, body: dict[str, Any] | None, read_timeout: float) -> Any:
        import http.client
        import urllib.error
        import urllib.request

        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with _opener(read_timeout, self._loopback).open(req, timeout=self.connect_timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            self._http_error(exc, path)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise _Retryable(f"{self.what} did not answer {path} within {read_timeout:.0f} s") from exc
            raise _Retryable(f"cannot reach {self.what}: {_describe(reason)}") from exc
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EngineError(f"{self.url}{path} did not answer JSON: is {self.flag} right?") from exc

    def _http_error(self, exc: urllib.error.HTTPError, path: str) -> None:
        code = exc.code
        message = _server_message(exc)
        said = f"HTTP {code}" + (f": {message}" if message else "")
        if code == 429 or code >= 500:
            verb = "is rate-limiting us" if code == 429 else "failed"
            raise _Retryable(f"{self.what} {verb} ({said})", retry_after(exc.headers.get("Retry-After")))
        own = self.refusal(code, message, path) if self.refusal else None
        raise EngineError(own or f"{self.what} refused {path} ({said})") from exc


def _opener(read_timeout: float, loopback: bool) -> urllib.request.OpenerDirector:
    import urllib.request

    http_handler, https_handler = _handlers()
    handlers: list[urllib.request.BaseHandler] = [http_handler(read_timeout), https_handler(read_timeout)]
    if loopback:
        # A proxy set for the internet has no business seeing a server on this machine.
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


@functools.lru_cache(maxsize=1)
def _handlers() -> tuple[type, type]:
    """urllib has one timeout for everything; these handlers connect with the request's
    timeout, then wait for the answer with `read_timeout`. Made on first use: importing
    urllib.request and http.client costs 25 ms, and every command imports this module
    (the LibreTranslate engine declares its settings with its constants)."""
    import http.client
    import urllib.request

    class HTTPHandler(urllib.request.HTTPHandler):
        def __init__(self, read_timeout: float) -> None:
            super().__init__()
            self.read_timeout = read_timeout

        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(_connection_class(http.client.HTTPConnection, self.read_timeout), req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def __init__(self, read_timeout: float) -> None:
            super().__init__()
            self.read_timeout = read_timeout

        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(_connection_class(http.client.HTTPSConnection, self.read_timeout), req,
                                context=getattr(self, "_context", None))

    return HTTPHandler, HTTPSHandler


def _connection_class(base: type[http.client.HTTPConnection], read_timeout: float) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            self.sock.settimeout(read_timeout)

    return Connection


def _server_message(exc: urllib.error.HTTPError) -> str:
    """A JSON {"error": "..."}, or the start of whatever else came back."""
    import http.client

    try:
        raw = exc.read(4096).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return data["error"].strip()
    text = " ".join(raw.split())
    return "" if text.startswith("<") else text[:200]


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        import email.utils

        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return min(RETRY_AFTER_MAX_S, max(0.0, seconds))



def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split()) or type(reason).__name__


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
