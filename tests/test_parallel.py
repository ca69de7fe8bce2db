"""split_map: the tail of the work in a forked child, the same results as a plain map."""
from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from tests.conftest import CORPORA, needs_apertium
from tqcheck import parallel
from tqcheck.pipeline import CheckOptions, check_pair

pytestmark = pytest.mark.skipif(not parallel.may_fork(), reason="needs fork and two cores")


@pytest.fixture
def forked(monkeypatch):
    """The pids split_map forks."""
    pids, fork = [], os.fork

    def record():
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", record)
    return pids


def assert_reaped(pids):
    assert pids
    for pid in pids:  # waited for already: no such child any more
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_the_same_results_in_the_same_order():
    items = list(range(500))
    assert parallel.split_map(lambda x: (x, x * x), items, [1 + x % 7 for x in items]) == \
        [(x, x * x) for x in items]


def test_the_tail_is_done_in_another_process():
    items = list(range(200))
    pids = parallel.split_map(lambda _: os.getpid(), items)
    assert pids[0] == os.getpid() and pids[-1] != os.getpid()
    assert len(set(pids)) == 2


def test_little_work_stays_here():
    pids = parallel.split_map(lambda _: os.getpid(), list(range(parallel.MIN_ITEMS - 1)))
    assert set(pids) == {os.getpid()}


def test_a_child_that_dies_costs_only_time():
    me = os.getpid()

    def work(x):
        if os.getpid() != me:
            os._exit(3)  # a crash in the child: no result comes back
        return x + 1

    assert parallel.split_map(work, list(range(100))) == list(range(1, 101))


def test_a_stuck_child_is_given_up_and_its_half_done_here(monkeypatch, forked):
    me = os.getpid()
    monkeypatch.setattr(parallel, "STUCK_S", 0.3)

    def work(x):
        if os.getpid() != me:
            time.sleep(3600)  # as if waiting for a lock no thread of the child will free
        return -x

    assert parallel.split_map(work, list(range(100))) == [-x for x in range(100)]
    assert_reaped(forked)


def test_an_error_in_the_childs_part_is_raised_here():
    def work(x):
        if x == 150:
            raise ValueError("bad unit 150")
        return x

    with pytest.raises(ValueError, match="bad unit 150"):
        parallel.split_map(work, list(range(200)))


def test_an_error_here_leaves_no_child_behind(forked):
    def work(x):
        if x == 3:
            raise KeyError(x)
        return "y" * 100_000  # more than a pipe holds, so the child blocks writing

    with pytest.raises(KeyError):
        parallel.split_map(work, list(range(200)))
    assert_reaped(forked)


def test_progress_is_told_here_for_every_item_of_the_head():
    seen = []
    parallel.split_map(lambda x: x, list(range(100)), on_item=seen.append)
    assert seen == list(range(len(seen))) and 0 < len(seen) <= 100


@needs_apertium
def test_a_check_split_over_two_processes_reports_what_one_process_does(tmp_path, monkeypatch):
    """Twelve NTREX articles as one (79 units), on real Apertium, with every check."""
    sides = {}
    for side in ("en", "es"):
        parts = [p.read_text(encoding="utf-8") for p in sorted((CORPORA / "ntrex" / "en-es").glob(f"*.{side}.md"))]
        sides[side] = tmp_path / f"all.{side}.md"
        sides[side].write_text("\n\n".join(parts), encoding="utf-8")
    opts = CheckOptions(engine="apertium", cache=False, enable=("all",))
    forks, fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    split = check_pair(sides["en"], sides["es"], opts)
    assert forks  # the checks were split
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    whole = check_pair(sides["en"], sides["es"], opts)
    assert len(whole.units) >= 64  # well over split_map's MIN_ITEMS
    assert replace(split, timings={}) == replace(whole, timings={})
    assert any(u.findings for u in whole.units)
