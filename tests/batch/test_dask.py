"""`tqcheck batch --executor dask` on a real dask.distributed LocalCluster: two worker
processes on loopback, real Apertium, NTREX-128 pairs. A Dask run gives a local run's
results, summary, state and reports; a worker killed mid-run costs only its chunk, which
runs again; an interrupted run resumes; bad settings fail at once with one line."""
from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.batch.test_batch_real import NAMES, copy_ntrex
from tests.conftest import needs_apertium, run_cli
from tqcheck.batch import discover, run_batch
from tqcheck.batch.run import STATE_FILE
from tqcheck.pipeline import CheckOptions

distributed = pytest.importorskip("distributed")
pytestmark = [needs_apertium, pytest.mark.apertium]
ARTICLES = NAMES[:4]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> Path:
    return copy_ntrex(tmp_path_factory.mktemp("dask") / "pairs", ARTICLES)


@pytest.fixture(scope="module")
def local_out(pairs) -> Path:
    out = pairs.parent / "local"
    r = run_cli("batch", str(pairs), "--engine", "apertium", "--jobs", "1", "--no-cache", "--out-dir", str(out), "-q")
    assert r.returncode in (0, 1), r.stderr
    return out


def comparable(out: Path) -> dict:
    """Everything a run wrote, less what measures the run itself (timings, cache counts)
    and the name of its output folder."""
    def read(path: Path) -> str:
        return path.read_text(encoding="utf-8").replace(str(out), "OUT")

    got = {"summary": json.loads(read(out / "summary.json")), "summary.md": read(out / "summary.md"),
           "state": sorted(json.loads(line)["key"] for line in state_lines(out))}
    for report in sorted((out / "articles").glob("*.json")):
        doc = json.loads(read(report))
        doc.pop("timings"), doc.pop("cache")
        got[report.name] = doc
    return got


def state_lines(out: Path) -> list[str]:
    path = out / STATE_FILE
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_a_dask_run_writes_what_a_local_run_writes(cluster, pairs, local_out):
    out = pairs.parent / "dask"
    r = run_cli("batch", str(pairs), "--engine", "apertium", "--no-cache", "--out-dir", str(out), "-q",
                "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert r.returncode in (0, 1), r.stderr
    assert comparable(out) == comparable(local_out)
    assert sorted(p.name for p in (out / "articles").glob("*.json")) == [f"{n}.json" for n in ARTICLES]


def test_a_lost_worker_costs_only_its_chunk(cluster, pairs, local_out):
    out = pairs.parent / "lost"
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_a_busy_worker(done, total, result):
        if result is None or killed:
            return
        # A worker with a chunk in hand; the other chunks finish or wait.
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            killed.append(busy[0])
            os.kill(pids[busy[0]], signal.SIGKILL)

    specs = discover(pairs, None)
    results = run_batch(specs, CheckOptions(engine="apertium", cache=False), out, jobs=1,
                        progress=kill_a_busy_worker, executor="dask", scheduler=cluster.scheduler_address)
    client.close()
    assert killed, "no chunk was running when the first one finished"
    assert all(r.status in ("passed", "failed") for r in results), [r.message for r in results]
    want = {x["name"]: (x["status"], x["chrf"], x["findings"]) for x in comparable(local_out)["summary"]["results"]}
    assert {r.name: (r.status, r.chrf, r.findings) for r in results} == want


def test_an_interrupted_dask_run_resumes(cluster, pairs, local_out):
    out = pairs.parent / "resumed"
    specs = discover(pairs, None)
    opts = CheckOptions(engine="apertium", cache=False)

    def interrupt(done, total, result):
        if result is not None:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(specs, opts, out, progress=interrupt, executor="dask", scheduler=cluster.scheduler_address)
    first = state_lines(out)
    assert 1 <= len(first) < len(ARTICLES)
    results = run_batch(specs, opts, out, executor="dask", scheduler=cluster.scheduler_address)
    assert len(results) == len(ARTICLES)
    assert state_lines(out)[: len(first)] == first  # finished articles were not redone
    assert sorted(json.loads(x)["result"]["name"] for x in state_lines(out)) == ARTICLES


@pytest.mark.parametrize("extra, code, message", [
    (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"], 3, "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    (["--executor", "dask"], 2, "--executor dask needs --scheduler"),
    (["--executor", "spark"], 2, "unknown executor 'spark'; choose from local, dask"),
    (["--scheduler", "tcp://127.0.0.1:9"], 2, "--scheduler is for --executor dask"),
])
def test_bad_executor_settings_fail_at_once_with_one_line(pairs, tmp_path, extra, code, message):
    r = run_cli("batch", str(pairs), "--engine", "apertium", "--out-dir", str(tmp_path / "out"), *extra, timeout=60)
    assert r.returncode == code, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"tqcheck: error: {message}"), r.stderr
    assert not state_lines(tmp_path / "out")  # nothing started, nothing lost


def test_without_the_extra_dask_is_unavailable(pairs, tmp_path):
    # A site-packages shadow where `distributed` cannot be imported, as without the extra.
    shadow = tmp_path / "nodask"
    shadow.mkdir()
    (shadow / "distributed.py").write_text("raise ImportError('no dask here')\n", encoding="utf-8")
    path = os.pathsep.join([str(shadow), os.environ.get("PYTHONPATH", "")])
    r = run_cli("batch", str(pairs), "--engine", "apertium", "--out-dir", str(tmp_path / "out"),
                "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", env={"PYTHONPATH": path})
    assert r.returncode == 3, r.stderr
    assert r.stderr.strip() == "tqcheck: error: --executor dask needs the dask extra: pip install 'tqcheck[dask]'"
