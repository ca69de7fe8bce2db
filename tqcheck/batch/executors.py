"""Where a batch's chunks of articles run: in this process, in a pool of local processes,
or on a Dask cluster (`--executor dask --scheduler tcp://HOST:PORT`, the `[dask]` extra).

Every executor runs the same task, `run_chunk`, which checks a few articles with one
engine batch on the worker and returns their results and rendered reports; this process
writes the reports and the resume state, so a Dask run's output is a local run's. On
Dask, a worker lost mid-run costs only its chunks: the scheduler runs them again on
another worker (up to `distributed.scheduler.allowed-failures` times); a chunk that
still fails is reported as its articles' error, and the rest go on.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from tqcheck.errors import ConfigError, EngineError

EXECUTORS = ("local", "dask")
# How long to try reaching a Dask scheduler before giving up (exit 3).
CONNECT_TIMEOUT_S = 5

Task = tuple[Any, ...]
# (index of the task, its result) as each finishes; an exception is a failed task.
Results = Iterator[tuple[int, Any]]


class Runner:
    """Runs `fn(*task)` for every task, yields results as they finish."""

    workers: int = 1

    def run(self, fn: Callable[..., Any], tasks: Sequence[Task]) -> Results:
        for i, task in enumerate(tasks):
            yield i, fn(*task)


class _Pool(Runner):
    def __init__(self, pool: ProcessPoolExecutor, workers: int) -> None:
        self.pool, self.workers = pool, workers

    def run(self, fn: Callable[..., Any], tasks: Sequence[Task]) -> Results:
        pending: dict[Future[Any], int] = {self.pool.submit(fn, *t): i for i, t in enumerate(tasks)}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                i = pending.pop(fut)
                exc = fut.exception()
                yield i, exc if exc is not None else fut.result()


class _Dask(Runner):
    def __init__(self, client: Any) -> None:
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))
        self.futures: list[Any] = []

    def run(self, fn: Callable[..., Any], tasks: Sequence[Task]) -> Results:
        from distributed import as_completed

        # pure=False: the same chunk submitted again (a resumed run) is run again.
        self.futures = [self.client.submit(fn, *t, pure=False, key=f"tqcheck-chunk-{i}-{os.getpid()}")
                        for i, t in enumerate(tasks)]
        index = {f.key: i for i, f in enumerate(self.futures)}
        for fut in as_completed(self.futures, loop=self.client.loop):
            try:
                got = fut.result()
            except Exception as exc:  # KilledWorker, a cancelled chunk: its articles' error
                got = exc
            yield index[fut.key], got
            fut.release()


@contextmanager
def open_runner(executor: str, jobs: int, scheduler: str | None = None) -> Iterator[Runner]:
    """The runner for `executor`; on any exception (Ctrl-C too) its unfinished work is
    cancelled and nothing waits for it."""
    if executor not in EXECUTORS:
        raise ConfigError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
    if executor == "dask":
        with _dask_runner(scheduler) as runner:
            yield runner
        return
    if scheduler:
        raise ConfigError("--scheduler is for --executor dask")
    if jobs <= 1:
        yield Runner()
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        yield _Pool(pool, jobs)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@contextmanager
def _dask_runner(scheduler: str | None) -> Iterator[Runner]:
    if not scheduler:
        raise ConfigError("--executor dask needs --scheduler tcp://HOST:PORT (the address `dask scheduler` prints)")
    try:
        from distributed import Client
    except ImportError as exc:
        raise EngineError("--executor dask needs the dask extra: pip install 'tqcheck[dask]'") from exc
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} within {CONNECT_TIMEOUT_S} s "
                          f"({exc.__class__.__name__}); is `dask scheduler` running there?") from exc
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"--scheduler {scheduler!r} is not a scheduler address "
                          f"(tcp://HOST:PORT): {exc}") from exc
    runner = _Dask(client)
    try:
        yield runner
    except BaseException:
        client.cancel(runner.futures, force=True)
        raise
    finally:
        client.close()
