"""Run a filter process (text in, text out) without stalling on the GIL.

`subprocess.run(input=...)` feeds stdin 512 bytes at a time from a select loop, and each
turn of that loop must win the GIL back: with the pipeline busy in another thread (the
engine runs beside the source-side work) a 150 KB article took ~300 turns of up to 5 ms
each. Here stdin is written in one blocking call from its own thread and stdout read in
one blocking call, both with the GIL released, so the engine runs at its own speed.
"""
from __future__ import annotations

import subprocess
import threading
from collections.abc import Sequence


def run_filter(argv: Sequence[str], text: str, timeout: float) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of argv fed `text`; raises subprocess.TimeoutExpired
    (the process killed) after `timeout` seconds, and OSError when it cannot start."""
    proc = subprocess.Popen(list(argv), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdin and proc.stdout and proc.stderr
    err: list[bytes] = []

    def feed() -> None:
        try:
            proc.stdin.write(text.encode("utf-8"))  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass  # the process ended early: its exit status and stderr tell why

    expired = threading.Event()

    def kill() -> None:
        expired.set()
        proc.kill()

    helpers = [threading.Thread(target=feed, daemon=True),
               threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)]  # type: ignore[union-attr]
    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    for t in helpers:
        t.start()
    timer.start()
    try:
        out = proc.stdout.read()
        proc.wait()
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    for t in helpers:
        t.join()
    proc.stdout.close()
    proc.stderr.close()
    if expired.is_set():
        raise subprocess.TimeoutExpired(list(argv), timeout)
    return proc.returncode, out.decode("utf-8", "replace"), b"".join(err).decode("utf-8", "replace")
