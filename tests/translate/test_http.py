"""The shared HTTP client (tqcheck/translate/http.py) on its own, against a local server:
what a second HTTP engine gets for free."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tqcheck.errors import ConfigError, EngineError
from tqcheck.translate.http import JsonClient


@pytest.fixture
def server():
    answers: list[tuple[int, dict]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            status, payload = answers.pop(0) if len(answers) > 1 else answers[0]
            data = json.dumps({**payload, "echo": body}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", answers
    httpd.shutdown()
    httpd.server_close()


def test_json_round_trip_and_retry_on_5xx(server):
    url, answers = server
    answers += [(503, {"error": "busy"}), (200, {"ok": True})]
    client = JsonClient(url, what="the echo server", flag="--echo-url", backoff=0.01)
    assert client.request("POST", "/x", {"q": ["a"]}) == {"ok": True, "echo": {"q": ["a"]}}


def test_refusals_are_final_and_read_by_the_engine(server):
    url, answers = server
    answers += [(401, {"error": "bad token"})]
    client = JsonClient(url, what="the echo server", flag="--echo-url", backoff=0.01,
                        refusal=lambda code, msg, path: f"token refused: {msg}" if code == 401 else None)
    with pytest.raises(EngineError, match="token refused: bad token"):
        client.request("POST", "/x", {})
    answers[:] = [(418, {"error": "teapot"})]
    with pytest.raises(EngineError, match=r"the echo server at .* refused /x \(HTTP 418: teapot\)"):
        client.request("POST", "/x", {})


def test_bad_url_names_the_flag():
    with pytest.raises(ConfigError, match="--echo-url 'localhost:1' is not an http"):
        JsonClient("localhost:1", what="the echo server", flag="--echo-url")
