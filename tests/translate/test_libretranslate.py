"""The libretranslate engine against a real LibreTranslate 1.9.6 server serving the tiny
Argos packages (tests/libretranslate_server.py), plus its retry policy against a small
scripted HTTP double, and the settings that reach it.

The real server is built once per session (≈1.5 min for its venv, a few seconds to
start); TQCHECK_LT_VENV keeps the venv between local runs.
"""
from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.libretranslate_server import GOOD_KEY, ServerUnavailable, build_venv, free_port, running_server
from tests.tinyargos import grammar
from tqcheck.errors import ConfigError, EngineError
from tqcheck.translate.http import retry_after
from tqcheck.translate.libretranslate import LibreTranslateEngine
from tqcheck.translate.registry import get_engine, load

slow = pytest.mark.slow


@pytest.fixture(scope="session")
def lt_server(tiny_argos, tmp_path_factory):
    keep = os.environ.get("TQCHECK_LT_VENV")
    venv = Path(keep) if keep else tmp_path_factory.mktemp("lt-venv") / "venv"
    with contextlib.ExitStack() as stack:
        try:
            timings = build_venv(venv)
            server = stack.enter_context(running_server(venv, list(tiny_argos.values()),
                                                        tmp_path_factory.mktemp("lt-server")))
        except ServerUnavailable as exc:
            pytest.skip(f"no real LibreTranslate server: {exc}")
        server.timings.update(timings)
        yield server


@pytest.fixture
def lt_url(lt_server) -> str:
    return lt_server.url


def es_en(n: int, seed: int = 777) -> list[tuple[str, str]]:
    return grammar.pairs("es", "en", n, seed=seed)


def article(tmp_path: Path, n_paragraphs: int = 5, seed: int = 11) -> tuple[Path, Path]:
    pairs = grammar.pairs("en", "es", n_paragraphs * 3, seed=seed)
    paras = [pairs[i:i + 3] for i in range(0, len(pairs), 3)]
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    src.write_text("\n\n".join(" ".join(en for en, _ in p) for p in paras) + "\n", encoding="utf-8")
    tgt.write_text("\n\n".join(" ".join(es for _, es in p) for p in paras) + "\n", encoding="utf-8")
    return src, tgt


class CountingEngine(LibreTranslateEngine):
    """Records how many requests were in flight at once, at its HTTP client."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.in_flight = self.max_in_flight = self.posts = 0
        self.count_lock = threading.Lock()
        once = self.http._once

        def counted(method, *args, **kwargs):
            with self.count_lock:
                self.posts += method == "POST"
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                return once(method, *args, **kwargs)
            finally:
                with self.count_lock:
                    self.in_flight -= 1

        self.http._once = counted


# -- the real server --------------------------------------------------------------------
@slow
def test_held_out_sentences_come_back_as_the_grammar_says(lt_url):
    pairs = es_en(100)
    out = LibreTranslateEngine(url=lt_url).translate_batch([es for es, _ in pairs], "es", "en")
    exact = sum(got == en for got, (_, en) in zip(out, pairs)) / len(pairs)
    assert exact >= 0.8, [(g, en) for g, (_, en) in zip(out, pairs) if g != en][:5]


@slow
def test_server_agrees_with_the_local_argos_engine(lt_url, use_argos_packages):
    from tqcheck.translate.argos import ArgosEngine

    texts = [es for es, _ in es_en(60, seed=778)]
    remote = LibreTranslateEngine(url=lt_url).translate_batch(texts, "es", "en")
    local = ArgosEngine().translate_batch(texts, "es", "en")
    same = sum(a == b for a, b in zip(remote, local)) / len(texts)
    assert same >= 0.8, [(a, b) for a, b in zip(remote, local) if a != b][:5]


@slow
def test_order_is_kept_over_concurrent_sub_batches(lt_url):
    texts = [es for es, _ in es_en(200, seed=779)]
    texts[17] = ""  # blanks are not sent and come back blank, in place
    engine = CountingEngine(url=lt_url, max_texts=16, workers=4)
    t0 = time.monotonic()
    out = engine.translate_batch(texts, "es", "en")
    elapsed = time.monotonic() - t0
    one = LibreTranslateEngine(url=lt_url, max_texts=1000, workers=1)
    assert out == one.translate_batch(texts, "es", "en")
    assert out[17] == "" and all(out[i] for i in range(len(texts)) if i != 17)
    assert engine.posts == 13 and engine.max_in_flight > 1, (engine.posts, engine.max_in_flight)
    print(f"200 texts in {engine.posts} requests, 4 workers: {elapsed:.2f} s")


@slow
def test_info_names_the_server_and_its_version(lt_url):
    engine = LibreTranslateEngine(url=lt_url + "/")
    info = engine.info("es", "en")
    assert (info.name, info.model, info.version) == ("libretranslate", lt_url.split("//")[1], "1.9.6")
    assert engine.pairs() == [("en", "es"), ("es", "en")]
    assert engine.supports("es", "en") and not engine.supports("es", "fr") and not engine.supports("en", "en")


@slow
def test_check_end_to_end_passes_a_faithful_article(tmp_path, lt_url):
    src, tgt = article(tmp_path)
    out = tmp_path / "r.json"
    r = run_cli("check", str(src), str(tgt), "--engine", "libretranslate", "--engine-url", lt_url,
                "-f", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    rep = json.loads(out.read_text())
    engine = rep["engine"]
    assert (engine["name"], engine["model"], engine["version"]) == \
        ("libretranslate", lt_url.split("//")[1], "1.9.6"), engine
    assert rep["summary"]["chrf"] > 80


@slow
def test_url_and_key_from_the_environment_and_config(tmp_path, lt_url):
    src, tgt = article(tmp_path, seed=12)
    (tmp_path / "tqcheck.toml").write_text(f'engine = "libretranslate"\nengine_url = "{lt_url}"\n')
    r = run_cli("check", str(src), str(tgt), "-q", cwd=tmp_path, env={"TQCHECK_API_KEY": GOOD_KEY})
    assert r.returncode == 0, r.stderr
    r = run_cli("check", str(src), str(tgt), "-q", "--no-cache", cwd=tmp_path, env={"TQCHECK_API_KEY": "nope"})
    assert r.returncode == 3 and "rejected the API key" in r.stderr, r.stderr


@slow
def test_unsupported_pair_exits_3_naming_the_server(tmp_path, lt_url):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.fr.txt"
    src.write_text("The red cat eats the fish. The dogs open the door.\n", encoding="utf-8")
    tgt.write_text("Le chat rouge mange le poisson. Les chiens ouvrent la porte.\n", encoding="utf-8")
    r = run_cli("check", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "fr",
                "--engine", "libretranslate", "--engine-url", lt_url)
    assert r.returncode == 3, r.stderr
    assert lt_url in r.stderr and "fr→en" in r.stderr and "en→es" in r.stderr, r.stderr


@slow
def test_a_valid_api_key_is_accepted_and_a_bad_one_refused_at_once(lt_url, monkeypatch):
    texts = ["El gato rojo come el pescado."]
    good = LibreTranslateEngine(url=lt_url, api_key=GOOD_KEY)
    assert good.translate_batch(texts, "es", "en")[0]
    bad = LibreTranslateEngine(url=lt_url, api_key="not-a-key")
    bad.languages()
    posts = count_requests(monkeypatch)
    with pytest.raises(EngineError, match="rejected the API key") as err:
        bad.translate_batch(texts, "es", "en")
    assert lt_url in str(err.value) and "not-a-key" not in str(err.value)
    assert posts == ["POST"]  # a 403 is an answer, not an outage: no retry


def count_requests(monkeypatch) -> list[str]:
    """The HTTP methods sent, seen at urllib, below the engine."""
    import urllib.request

    sent: list[str] = []
    real = urllib.request.OpenerDirector.open

    def spy(self, req, *args, **kwargs):
        sent.append(req.get_method())
        return real(self, req, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", spy)
    return sent


# -- no server needed ---------------------------------------------------------------------
def test_unreachable_server_exits_3_fast_with_one_line(tmp_path):
    src, tgt = article(tmp_path, n_paragraphs=2)
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there any more
    t0 = time.monotonic()
    r = run_cli("check", str(src), str(tgt), "--engine", "libretranslate", "--engine-url", url)
    elapsed = time.monotonic() - t0
    assert r.returncode == 3, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and url in lines[0] and "connection refused" in lines[0], lines
    assert elapsed < 10


def test_missing_or_bad_url_is_a_clear_error():
    with pytest.raises(EngineError, match="--engine-url"):
        load("libretranslate")
    with pytest.raises(ConfigError, match="not an http"):
        load("libretranslate", engine_url="localhost:5000")


def test_other_engines_ignore_the_server_settings():
    engine = load("apertium", engine_url="http://x", api_key="k")
    assert engine.name == "apertium"


def test_api_key_stays_out_of_repr():
    from tqcheck.pipeline import CheckOptions
    from tqcheck.settings import EngineSettings

    given = {"engine_url": "http://x", "api_key": "s3cret"}
    opts = CheckOptions(engine_settings=EngineSettings.of(given, LibreTranslateEngine.settings))
    assert "s3cret" not in repr(opts) and "http://x" in repr(opts)
    assert opts.engine_options() == {"engine_url": "http://x", "api_key": "s3cret", "via": None,
                                     "order": None}
    assert "s3cret" not in repr(LibreTranslateEngine(url="http://x", api_key="s3cret"))


def test_precedence_cli_over_config_over_environment(tmp_path):
    from tqcheck.cli.options import build_run

    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text('engine_url = "http://from-config:5000"\n')
    env = {"TQCHECK_ENGINE_URL": "http://from-env:5000", "TQCHECK_API_KEY": "env-key"}

    def server(**cli):
        opts = build_run(cli).options.engine_options()
        return opts.get("engine_url"), opts.get("api_key")

    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        assert server(config=cfg, engine_url="http://cli:1")[0] == "http://cli:1"
        assert server(config=cfg) == ("http://from-config:5000", "env-key")
        empty = tmp_path / "empty.toml"
        empty.write_text("")
        assert server(config=empty)[0] == "http://from-env:5000"


def test_sub_batches_respect_count_and_size():
    engine = LibreTranslateEngine(url="http://x", max_texts=3, max_bytes=10)
    chunks = engine._chunks(["aaaa", "bbbb", "c", "d", "e", "f", "g" * 40, "h"])
    assert chunks == [["aaaa", "bbbb", "c"], ["d", "e", "f"], ["g" * 40], ["h"]]


@pytest.mark.parametrize("header,expected", [("3", 3.0), ("0", 0.0), ("9999", 60.0), ("soon", None),
                                             (None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
                         ids=["seconds", "zero", "capped", "garbage", "absent", "past-date"])
def test_retry_after(header, expected):
    assert retry_after(header) == expected


# -- the retry policy, against a scripted double -------------------------------------------
class Script:
    """Answers for POST /translate, one per request; the last one repeats."""

    def __init__(self, *answers: tuple[int, dict[str, str], object]) -> None:
        self.answers = list(answers)
        self.times: list[float] = []
        self.lock = threading.Lock()

    def next(self) -> tuple[int, dict[str, str], object]:
        with self.lock:  # the double answers on several threads
            self.times.append(time.monotonic())
            return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


@contextlib.contextmanager
def scripted_server(script: Script) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _send(self, status: int, headers: dict[str, str], body: object) -> None:
            raw = json.dumps(body).encode()
            self.send_response(status)
            for k, v in {"Content-Type": "application/json", **headers}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            if self.path == "/languages":
                self._send(200, {}, [{"code": "es", "targets": ["en"]}, {"code": "en", "targets": ["es"]}])
            else:
                self._send(404, {}, {"error": "not found"})

        def do_POST(self) -> None:
            q = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["q"]
            status, headers, body = script.next()
            self._send(status, headers, {"translatedText": [t.upper() for t in q]} if body is None else body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


OK = (200, {}, None)


def test_503_then_200_is_retried():
    script = Script((503, {}, {"error": "busy"}), OK)
    with scripted_server(script) as url:
        engine = LibreTranslateEngine(url=url, backoff=0.01)
        assert engine.translate_batch(["a", "b"], "es", "en") == ["A", "B"]
    assert len(script.times) == 2  # one failure, one retry


def test_429_honours_retry_after():
    script = Script((429, {"Retry-After": "1"}, {"error": "Slowdown"}), OK)
    with scripted_server(script) as url:
        assert LibreTranslateEngine(url=url, backoff=0.01).translate_batch(["a"], "es", "en") == ["A"]
    assert script.times[1] - script.times[0] >= 0.95


def test_server_error_after_retries_names_the_url_and_the_error():
    script = Script((500, {}, {"error": "Cannot translate text: boom"}))
    with scripted_server(script) as url:
        with pytest.raises(EngineError) as err:
            LibreTranslateEngine(url=url, backoff=0.01, retries=2).translate_batch(["a"], "es", "en")
    assert len(script.times) == 3
    assert url in str(err.value) and "boom" in str(err.value) and "3 attempts" in str(err.value)


@pytest.mark.parametrize("status,body,message", [
    (400, {"error": "Invalid request: missing q parameter"}, "refused /translate"),
    (400, {"error": "Please contact the server operator to get an API key"}, "requires an API key"),
    (403, {"error": "Too many request limits violations"}, "refused /translate"),
], ids=["bad-request", "key-required", "banned"])
def test_other_4xx_fail_at_once(status, body, message):
    script = Script((status, {}, body))
    with scripted_server(script) as url:
        with pytest.raises(EngineError, match=message):
            LibreTranslateEngine(url=url, backoff=0.01).translate_batch(["a"], "es", "en")
    assert len(script.times) == 1


def test_one_failing_sub_batch_fails_the_batch_and_stops_the_rest():
    script = Script(OK, (400, {}, {"error": "nope"}), OK)
    with scripted_server(script) as url:
        engine = LibreTranslateEngine(url=url, max_texts=1, workers=2, backoff=0.01)
        with pytest.raises(EngineError, match="nope"):
            engine.translate_batch([str(i) for i in range(50)], "es", "en")
    assert len(script.times) < 50


def test_wrong_number_of_translations_is_an_error():
    script = Script((200, {}, {"translatedText": ["only one"]}))
    with scripted_server(script) as url:
        with pytest.raises(EngineError, match="returned 1 translations for 2 texts"):
            LibreTranslateEngine(url=url).translate_batch(["a", "b"], "es", "en")


def test_get_engine_reports_an_unsupported_pair_with_what_the_server_offers():
    with scripted_server(Script(OK)) as url:
        with pytest.raises(EngineError, match=r"does not translate fr→en \(it offers en→es, es→en\)"):
            get_engine("libretranslate", "fr", "en", cache=False, engine_url=url)
