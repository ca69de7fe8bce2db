"""Progress for long checks: a rich bar on a terminal, plain lines in CI logs."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tqcheck.backtranslate import Progress as ProgressFn
from tqcheck.cli.console import real

# Small articles finish before a bar would be worth drawing.
MIN_TOTAL = 500
PLAIN_EVERY_S = 5.0


@contextmanager
def progress_for(console: Any, enabled: bool = True) -> Iterator[ProgressFn]:
    if not enabled:
        yield lambda stage, done, total: None
        return
    if console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=real(console), transient=True) as bar:
            tasks: dict[str, int] = {}

            def update(stage: str, done: int, total: int) -> None:
                if total < MIN_TOTAL:
                    return
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            yield update
        return
    last = [0.0]
    announced: set[str] = set()
    printed: set[tuple[str, int]] = set()

    def plain(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        # Each phase is announced when it starts (aligning 20,000 passages takes half a
        # minute), once: reading and translating run side by side and report in turns.
        due = stage not in announced or now - last[0] >= PLAIN_EVERY_S or done == total
        if total >= MIN_TOTAL and due and (stage, done) not in printed:
            last[0] = now
            announced.add(stage)
            printed.add((stage, done))
            console.print(f"tqcheck: {stage} {done}/{total}", markup=False, highlight=False)

    yield plain
