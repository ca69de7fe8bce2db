"""The second core for one article: after the engine, the checks are pure Python on one
core, and the other one sits idle (the engine, which used both, is done). `split_map`
runs the tail of a list in a forked child while the parent does the head.

Only in the main process of a run: a `batch --jobs N` or Dask worker already has the
cores busy, and a child of each would only add work. Without fork (Windows, macOS's
spawn default does not matter: os.fork is used directly) or on one core, everything runs
here. A child that fails in any way costs nothing but time: its part is done again here,
so a deterministic error is raised by the parent, as without the split.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this much work a fork (≈5–15 ms with tqcheck's libraries loaded) and the pickled
# results cost more than the half they save.
MIN_ITEMS = 48
# A child not done STUCK_FACTOR times (plus STUCK_S) after the parent finished its own
# half is given up, and its half done here.
STUCK_FACTOR = 4
STUCK_S = 10.0


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def may_fork() -> bool:
    # The main thread only: a fork beside another thread that runs checks could copy a
    # lock that thread holds.
    import multiprocessing  # here: a cached re-run imports this module and never forks

    return (hasattr(os, "fork") and cores() >= 2 and multiprocessing.parent_process() is None
            and threading.current_thread() is threading.main_thread())


def _cut(weights: Sequence[int]) -> int:
    """The index that splits the work in two halves by weight."""
    total, run = sum(weights), 0
    for i, w in enumerate(weights):
        run += w
        if 2 * run >= total:
            return i + 1
    return len(weights)


def split_map(fn: Callable[[T], R], items: Sequence[T], weights: Sequence[int] | None = None,
              on_item: Callable[[int], None] | None = None, min_items: int | None = None) -> list[R]:
    """[fn(x) for x in items], the second half (by `weights`) in a forked child, when there
    are at least `min_items` (MIN_ITEMS). `on_item(k)` is called in the parent before each
    of its items (for progress)."""
    def here(part: Sequence[T], start: int = 0) -> list[R]:
        out = []
        for k, item in enumerate(part, start):
            if on_item is not None:
                on_item(k)
            out.append(fn(item))
        return out

    if len(items) < (MIN_ITEMS if min_items is None else min_items) or len(items) < 2 or not may_fork():
        return here(items)
    # The first item here, before the fork: what it loads on first use (dictionaries,
    # compiled patterns, derived tables) is then loaded once, and shared.
    first = here(items[:1])
    cut = max(1, _cut(weights or [1] * len(items)))
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return first + here(items[1:], 1)
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers
        code = 1
        try:
            os.close(read_fd)
            with os.fdopen(write_fd, "wb") as out:
                pickle.dump([fn(x) for x in items[cut:]], out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    done = False
    try:
        started = time.monotonic()
        head = first + here(items[1:cut], 1)
        # The child's half is about as much work as this one: one that takes far longer
        # is stuck (a lock a thread of this process held when it forked), not slow.
        tail = _receive(read_fd, deadline=time.monotonic() + STUCK_FACTOR * (time.monotonic() - started) + STUCK_S)
        done = True
    finally:
        os.close(read_fd)
        if not done or tail is None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if tail is None or status != 0 or len(tail) != len(items) - cut:
        tail = here(items[cut:], cut)
    return head + tail


def _receive(fd: int, deadline: float) -> list[Any] | None:
    """The child's pickled results, or None if it died, sent garbage or missed the deadline."""
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    try:
        got = pickle.loads(b"".join(chunks))
    except Exception:  # cut short: the child died while writing
        return None
    return got if isinstance(got, list) else None
