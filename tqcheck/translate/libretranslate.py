"""A LibreTranslate server over HTTP, so a newsroom can share one translation service.

Only the standard library: the server's own dependencies pin old versions of half of
PyPI (ENGINES.md), and tqcheck needs nothing from `requests` that urllib lacks.

A batch is cut into sub-batches (LibreTranslate's /translate takes `q` as a list) and
the sub-batches run on a small thread pool: one request would keep a single server
thread busy, while several spread over a load balancer's backends (and over the
waitress threads of one server). Failures the server may recover from (no connection,
429, 5xx) are retried with exponential backoff and jitter; anything else the server
says is final, so a bad API key fails at once instead of after a minute of retries.

LibreTranslate's API does not expose the version of the models behind it, so the
translation cache keys on the server's host and software version only: clear the
cache (or use --no-cache) after the server's models are upgraded.
"""
from __future__ import annotations

import email.utils
import http.client
import ipaddress
import json
import random
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from tqcheck.errors import ConfigError, EngineError
from tqcheck.translate.base import Engine, EngineInfo

DEFAULT_WORKERS = 4
# Small requests keep every worker busy and make a retry cheap; 64 sentences of news is
# ≈8 KB, well under any proxy's body limit.
MAX_TEXTS_PER_REQUEST = 64
MAX_BYTES_PER_REQUEST = 16 * 1024
CONNECT_TIMEOUT_S = 10.0
# LibreTranslate translates the texts of a request one after another: the time a
# request may take grows with its length. 1 s a sentence is slow CPU with a big model.
READ_TIMEOUT_BASE_S = 30.0
READ_TIMEOUT_PER_TEXT_S = 1.0
# Four attempts with 0.5 s doubling backoff: a refused connection fails in under 4 s,
# and a backend restarting behind a load balancer gets ≈4 s to come back.
RETRIES = 3
BACKOFF_BASE_S = 0.5
BACKOFF_MAX_S = 30.0
RETRY_AFTER_MAX_S = 60.0
USER_AGENT = "tqcheck"


class _Retryable(Exception):
    """A failure worth another attempt; `message` is what the user sees if none is left."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class LibreTranslateEngine(Engine):
    name = "libretranslate"

    def __init__(self, threads: int | None = None, *, url: str | None = None,
                 api_key: str | None = None, workers: int = DEFAULT_WORKERS,
                 connect_timeout: float = CONNECT_TIMEOUT_S,
                 read_timeout: float = READ_TIMEOUT_BASE_S, retries: int = RETRIES,
                 backoff: float = BACKOFF_BASE_S, max_texts: int = MAX_TEXTS_PER_REQUEST,
                 max_bytes: int = MAX_BYTES_PER_REQUEST) -> None:
        # `threads` is CTranslate2's thread count for the local engines; the server
        # chooses its own.
        if not url:
            raise EngineError("the libretranslate engine needs a server: --engine-url URL "
                              "(or engine_url in tqcheck.toml, or $TQCHECK_ENGINE_URL)")
        self.url = url.rstrip("/")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"--engine-url {url!r} is not an http(s) URL, e.g. http://translate.internal:5000")
        self.host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        self._loopback = _is_loopback(parts.hostname)
        self.api_key = api_key or None
        self.workers = max(1, workers)
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_texts = max(1, max_texts)
        self.max_bytes = max(1, max_bytes)
        self._languages: dict[str, frozenset[str]] | None = None
        self._version: str | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def __repr__(self) -> str:  # never the API key
        return f"LibreTranslateEngine(url={self.url!r})"

    # -- what the server offers ----------------------------------------------------
    def languages(self) -> dict[str, frozenset[str]]:
        """Source code → target codes, asked once per engine: a server's models do not
        change while one check runs."""
        with self._lock:
            if self._languages is None:
                data = self._request("GET", "/languages", None, self.read_timeout)
                if not isinstance(data, list):
                    raise EngineError(f"{self.url} does not look like a LibreTranslate server: "
                                      "/languages is not a list")
                langs: dict[str, frozenset[str]] = {}
                for entry in data:
                    if isinstance(entry, dict) and isinstance(entry.get("code"), str):
                        targets = entry.get("targets") or []
                        langs[entry["code"]] = frozenset(t for t in targets if isinstance(t, str))
                self._languages = langs
            return self._languages

    def _code(self, lang: str) -> str:
        """The server's code for an ISO 639-1 code: LibreTranslate names Chinese zh-Hans."""
        langs = self.languages()
        if lang in langs:
            return lang
        return next((c for c in sorted(langs) if c.split("-")[0].lower() == lang.lower()), lang)

    def supports(self, src: str, tgt: str) -> bool:
        """Raises EngineError when the server cannot be asked: that is not a missing pair."""
        if src == tgt:
            return False
        s, t = self._code(src), self._code(tgt)
        return t != s and t in self.languages().get(s, frozenset())

    def pairs(self) -> list[tuple[str, str]]:
        return sorted((s, t) for s, targets in self.languages().items() for t in targets if s != t)

    def why_unsupported(self, src: str, tgt: str) -> str:
        offered = ", ".join(f"{s}→{t}" for s, t in self.pairs()) or "nothing"
        return f"the LibreTranslate server at {self.url} does not translate {src}→{tgt} (it offers {offered})"

    def version(self) -> str:
        """The server's software version, or "" when it does not say."""
        # An unreachable server must fail here, with retries, rather than leave an empty
        # version behind that would key the cache differently.
        self.languages()
        with self._lock:
            if self._version is None:
                self._version = ""
                # 1.9 reports it only in its OpenAPI document; later ones may add it here.
                for path, where in (("/frontend/settings", ()), ("/spec", ("info",))):
                    try:
                        data = self._request("GET", path, None, self.read_timeout, retries=0)
                    except EngineError:
                        continue
                    for key in where:
                        data = data.get(key) if isinstance(data, dict) else None
                    found = data.get("version") if isinstance(data, dict) else None
                    if isinstance(found, str) and found not in ("", "?"):
                        self._version = found
                        break
            return self._version

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(self.name, self.host, self.version())

    # -- translation ----------------------------------------------------------------
    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        out = [""] * len(texts)
        # Blank texts are not worth a request, and a newline inside a text would come
        # back as a line break in the middle of the back-translation.
        todo = [(i, " ".join(t.split())) for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return out
        if not self.supports(src, tgt):
            raise EngineError(self.why_unsupported(src, tgt))
        s, t = self._code(src), self._code(tgt)
        chunks = self._chunks([text for _, text in todo])
        self._stop.clear()
        if len(chunks) == 1 or self.workers == 1:
            results = [self._translate_chunk(c, s, t) for c in chunks]
        else:
            with ThreadPoolExecutor(max_workers=min(self.workers, len(chunks)),
                                    thread_name_prefix="libretranslate") as pool:
                futures = [pool.submit(self._translate_chunk, c, s, t) for c in chunks]
                try:
                    results = [f.result() for f in futures]
                except BaseException:
                    # The first failure decides; the others should not go on retrying.
                    self._stop.set()
                    for f in futures:
                        f.cancel()
                    raise
        flat = [text for chunk in results for text in chunk]
        for (i, _), text in zip(todo, flat):
            out[i] = text
        return out

    def _chunks(self, texts: list[str]) -> list[list[str]]:
        chunks: list[list[str]] = []
        size = 0
        for text in texts:
            n = len(text.encode("utf-8"))
            if not chunks or len(chunks[-1]) >= self.max_texts or (chunks[-1] and size + n > self.max_bytes):
                chunks.append([])
                size = 0
            chunks[-1].append(text)
            size += n
        return chunks

    def _translate_chunk(self, texts: list[str], src: str, tgt: str) -> list[str]:
        body: dict[str, Any] = {"q": texts, "source": src, "target": tgt, "format": "text"}
        if self.api_key:
            body["api_key"] = self.api_key
        timeout = self.read_timeout + READ_TIMEOUT_PER_TEXT_S * len(texts)
        data = self._request("POST", "/translate", body, timeout)
        got = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
            raise EngineError(f"the LibreTranslate server at {self.url} answered /translate "
                              "without a list of translations (is it older than 1.3, without batch support?)")
        if len(got) != len(texts):
            raise EngineError(f"the LibreTranslate server at {self.url} returned {len(got)} "
                              f"translations for {len(texts)} texts")
        return [x.strip() for x in got]

    # -- HTTP -----------------------------------------------------------------------
    def _request(self, method: str, path: str, body: dict[str, Any] | None, read_timeout: float,
                 retries: int | None = None) -> Any:
        """JSON in, JSON out, with retries on what a server can recover from."""
        retries = self.retries if retries is None else retries
        attempt = 0
        while True:
            if self._stop.is_set():
                raise EngineError(f"request to {self.url}{path} cancelled: another one failed")
            try:
                return self._once(method, path, body, read_timeout)
            except _Retryable as exc:
                if attempt >= retries or self._stop.is_set():
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise EngineError(exc.message + tries) from exc
                delay = exc.retry_after if exc.retry_after is not None else self._backoff(attempt)
                attempt += 1
                if self._stop.wait(delay):
                    raise EngineError(exc.message) from exc

    def _backoff(self, attempt: int) -> float:
        # "Equal jitter": never less than half the exponential step, so retries do wait,
        # but spread, so many clients do not come back at the same instant.
        step = min(BACKOFF_MAX_S, self.backoff * 2 ** attempt)
        return step / 2 + random.uniform(0, step / 2)

    def _once(self, method: str, path: str, body: dict[str, Any] | None, read_timeout: float) -> Any:
        url = self.url + path
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with _opener(read_timeout, self._loopback).open(req, timeout=self.connect_timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            self._http_error(exc, path)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise _Retryable(f"the LibreTranslate server at {self.url} did not answer {path} "
                                 f"within {read_timeout:.0f} s") from exc
            raise _Retryable(f"cannot reach the LibreTranslate server at {self.url}: {_describe(reason)}") from exc
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EngineError(f"{self.url}{path} did not answer JSON: is --engine-url a "
                              "LibreTranslate server?") from exc

    def _http_error(self, exc: urllib.error.HTTPError, path: str) -> None:
        code = exc.code
        message = _server_message(exc)
        said = f"HTTP {code}" + (f": {message}" if message else "")
        if code == 429 or code >= 500:
            verb = "is rate-limiting us" if code == 429 else "failed"
            raise _Retryable(f"the LibreTranslate server at {self.url} {verb} ({said})",
                             _retry_after(exc.headers.get("Retry-After")))
        if "api key" in message.lower() or "api_key" in message.lower():
            if self.api_key:
                raise EngineError(f"the LibreTranslate server at {self.url} rejected the API key "
                                  f"({said}): check --api-key") from exc
            raise EngineError(f"the LibreTranslate server at {self.url} requires an API key ({said}): "
                              "pass --api-key (or api_key in tqcheck.toml, or $TQCHECK_API_KEY)") from exc
        if code == 404:
            raise EngineError(f"no LibreTranslate API at {self.url} ({path}: HTTP 404): "
                              "check --engine-url") from exc
        if code == 400 and "not supported" in message.lower():
            raise EngineError(f"the LibreTranslate server at {self.url} does not support the language "
                              f"pair ({said})") from exc
        raise EngineError(f"the LibreTranslate server at {self.url} refused {path} ({said})") from exc


def _opener(read_timeout: float, loopback: bool) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_HTTPHandler(read_timeout), _HTTPSHandler(read_timeout)]
    if loopback:
        # A proxy set for the internet has no business seeing a server on this machine.
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


class _HTTPHandler(urllib.request.HTTPHandler):
    """urllib has one timeout for everything; this one connects with the request's
    timeout, then waits for the answer with `read_timeout`."""

    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self.read_timeout = read_timeout

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection_class(http.client.HTTPConnection, self.read_timeout), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self.read_timeout = read_timeout

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection_class(http.client.HTTPSConnection, self.read_timeout), req,
                            context=getattr(self, "_context", None))


def _connection_class(base: type[http.client.HTTPConnection], read_timeout: float) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            self.sock.settimeout(read_timeout)

    return Connection


def _server_message(exc: urllib.error.HTTPError) -> str:
    """LibreTranslate's {"error": "..."}, or the start of whatever else came back."""
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


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
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
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
