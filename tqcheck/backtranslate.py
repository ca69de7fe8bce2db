"""The back-translation as a job that runs beside the rest of the pipeline.

The engine is started as soon as the translation side is segmented; it works in its own
thread (an Apertium subprocess, CTranslate2 or HTTP requests all release the GIL) while
the pipeline does the source-side work, and hands its output over chunk by chunk, so
what depends on the back-translation starts on the first chunk, not the last. On two
cores the engine's own time is then the floor of a check.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence

from tqcheck.translate.base import Engine

# progress(stage, done, total)
Progress = Callable[[str, int, int], None]
# Sentences per engine call: bounded so progress moves and memory stays flat on huge
# files, and large enough that an engine's start-up cost (≈130 ms for an Apertium
# process) is paid rarely.
ENGINE_CHUNK = 2000


def back_translate(sentences: Sequence[str], engine: Engine, src: str, tgt: str,
                   progress: Progress) -> list[str]:
    """Translate `sentences` from src to tgt in engine-sized chunks, reporting progress."""
    out: list[str] = []
    for chunk in _chunks(sentences, engine, src, tgt, progress):
        out.extend(chunk)
    return out


def _chunks(sentences: Sequence[str], engine: Engine, src: str, tgt: str,
            progress: Progress) -> Iterator[list[str]]:
    total, done = len(sentences), 0
    progress("translate", 0, total)
    for start in range(0, total, ENGINE_CHUNK):
        got = engine.translate_batch(sentences[start:start + ENGINE_CHUNK], src, tgt)
        done += len(got)
        progress("translate", done, total)
        yield got


class BackTranslation:
    """`sentences` being translated in a background thread; iterate for the chunks in
    order. An engine error is raised where the chunks are read."""

    _END = object()

    def __init__(self, sentences: Sequence[str], engine: Engine, src: str, tgt: str,
                 progress: Progress) -> None:
        self._queue: queue.Queue[object] = queue.Queue()
        self._args = (sentences, engine, src, tgt, progress)
        # A daemon, so Ctrl-C in the main thread ends the process at once; the cache
        # keeps every chunk already translated.
        self._thread = threading.Thread(target=self._run, name="tqcheck-engine", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for chunk in _chunks(*self._args):
                self._queue.put(chunk)
        except BaseException as exc:  # handed to the reader, which raises it
            self._queue.put(exc)
        self._queue.put(self._END)

    def __iter__(self) -> Iterator[list[str]]:
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    def result(self) -> list[str]:
        return [s for chunk in self for s in chunk]
