"""A LibreTranslate server over HTTP, so a newsroom can share one translation service.

A batch is cut into sub-batches (LibreTranslate's /translate takes `q` as a list) and
the sub-batches run on a small thread pool: one request would keep a single server
thread busy, while several spread over a load balancer's backends (and over the
waitress threads of one server). Timeouts, retries and backoff are the shared HTTP
client's (http.py); what LibreTranslate's refusals mean is read here.

LibreTranslate's API does not expose the version of the models behind it, so the
translation cache keys on the server's host and software version only: clear the
cache (or use --no-cache) after the server's models are upgraded.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tqcheck.errors import EngineError
from tqcheck.settings import Setting
from tqcheck.translate.base import Engine, EngineInfo
from tqcheck.translate.http import BACKOFF_BASE_S, CONNECT_TIMEOUT_S, RETRIES, JsonClient

DEFAULT_WORKERS = 4
# Small requests keep every worker busy and make a retry cheap; 64 sentences of news is
# ≈8 KB, well under any proxy's body limit.
MAX_TEXTS_PER_REQUEST = 64
MAX_BYTES_PER_REQUEST = 16 * 1024
# LibreTranslate translates the texts of a request one after another: the time a
# request may take grows with its length. 1 s a sentence is slow CPU with a big model.
READ_TIMEOUT_BASE_S = 30.0
READ_TIMEOUT_PER_TEXT_S = 1.0


class LibreTranslateEngine(Engine):
    name = "libretranslate"
    settings = (
        Setting("engine_url", str, None, "LibreTranslate server for --engine libretranslate, e.g. "
                "http://mt.internal:5000.", "engine:libretranslate", "--engine-url",
                env="TQCHECK_ENGINE_URL", metavar="URL", param="url"),
        Setting("api_key", str, None, "API key for the LibreTranslate server (better: $TQCHECK_API_KEY, "
                "kept out of shell history).", "engine:libretranslate", "--api-key",
                env="TQCHECK_API_KEY", metavar="KEY", secret=True),
    )

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
        self.http = JsonClient(url, what="the LibreTranslate server", flag="--engine-url",
                               connect_timeout=connect_timeout, read_timeout=read_timeout,
                               retries=retries, backoff=backoff, refusal=self._refusal)
        self.url, self.host = self.http.url, self.http.host
        self.api_key = api_key or None
        self.workers = max(1, workers)
        self.read_timeout = read_timeout
        self.max_texts = max(1, max_texts)
        self.max_bytes = max(1, max_bytes)
        self._languages: dict[str, frozenset[str]] | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # never the API key
        return f"LibreTranslateEngine(url={self.url!r})"

    # -- what the server offers ----------------------------------------------------
    def languages(self) -> dict[str, frozenset[str]]:
        """Source code → target codes, asked once per engine: a server's models do not
        change while one check runs."""
        with self._lock:
            if self._languages is None:
                data = self.http.request("GET", "/languages", None, self.read_timeout)
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
                        data = self.http.request("GET", path, None, self.read_timeout, retries=0)
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
        self.http.stop.clear()
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
                    self.http.stop.set()
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
        data = self.http.request("POST", "/translate", body, timeout)
        got = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
            raise EngineError(f"the LibreTranslate server at {self.url} answered /translate "
                              "without a list of translations (is it older than 1.3, without batch support?)")
        if len(got) != len(texts):
            raise EngineError(f"the LibreTranslate server at {self.url} returned {len(got)} "
                              f"translations for {len(texts)} texts")
        return [x.strip() for x in got]

    def _refusal(self, code: int, message: str, path: str) -> str | None:
        said = f"HTTP {code}" + (f": {message}" if message else "")
        where = f"the LibreTranslate server at {self.url}"
        if "api key" in message.lower() or "api_key" in message.lower():
            if self.api_key:
                return f"{where} rejected the API key ({said}): check --api-key"
            return (f"{where} requires an API key ({said}): pass --api-key (or api_key in "
                    "tqcheck.toml, or $TQCHECK_API_KEY)")
        if code == 404:
            return f"no LibreTranslate API at {self.url} ({path}: HTTP 404): check --engine-url"
        if code == 400 and "not supported" in message.lower():
            return f"{where} does not support the language pair ({said})"
        return None
