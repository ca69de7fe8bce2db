"""Long runs: a 50,000-passage article works with progress and bounded memory, and
Ctrl-C stops with exit 130 keeping the translations already made."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import interruptible, needs_apertium

pytestmark = [needs_apertium, pytest.mark.apertium, pytest.mark.slow]

EN = ["The council approved the new budget on Tuesday.",
      "Officials said the bridge would reopen in March after repairs.",
      "Prices rose by 3 percent last year, the statistics office reported.",
      "The team won the final match at home in front of its fans."]
ES = ["El consejo aprobó el nuevo presupuesto el martes.",
      "Los funcionarios dijeron que el puente reabriría en marzo después de las reparaciones.",
      "Los precios subieron un 3 por ciento el año pasado, informó la oficina de estadística.",
      "El equipo ganó el partido final en casa ante sus aficionados."]

# Runs the CLI as a child and reports the child's peak RSS (KiB) on the last stderr line.
PEAK_RSS = ("import resource, subprocess, sys\n"
            "r = subprocess.run(sys.argv[1:])\n"
            "print('peak_rss_kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(r.returncode)\n")


def write_pair(folder: Path, n: int) -> tuple[Path, Path]:
    rng = random.Random(n)
    picks = [rng.randrange(len(EN)) for _ in range(n)]
    src, tgt = folder / f"long{n}.en.txt", folder / f"long{n}.es.txt"
    # Every passage is distinct (its item number) so nothing is served from repeats.
    src.write_text("\n\n".join(f"{EN[i]} Item {k}." for k, i in enumerate(picks)) + "\n", encoding="utf-8")
    tgt.write_text("\n\n".join(f"{ES[i]} Artículo {k}." for k, i in enumerate(picks)) + "\n", encoding="utf-8")
    return src, tgt


def env_for(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "TQCHECK_CACHE": str(tmp_path / "cache.sqlite3")}


def run_measured(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    r = subprocess.run([sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "tqcheck", *args],
                       capture_output=True, text=True, env=env_for(tmp_path), timeout=1200)
    rss = int(r.stderr.strip().splitlines()[-1].split()[-1])
    return r, rss


def test_twenty_thousand_passages_work_with_progress_and_flat_memory(tmp_path):
    small = write_pair(tmp_path, 2_000)
    # 20,000 passages (10× the small run) keep the suite within its time; 50,000 is a
    # benchmark figure in the README.
    huge = write_pair(tmp_path, 20_000)
    r_small, rss_small = run_measured(tmp_path, "check", *map(str, small), "--engine", "apertium",
                                      "--no-cache", "-f", "json", "-o", str(tmp_path / "small.json"))
    assert r_small.returncode == 0, r_small.stderr
    r, rss = run_measured(tmp_path, "check", *map(str, huge), "--engine", "apertium", "--no-cache",
                          "-f", "json", "-o", str(tmp_path / "huge.json"))
    assert r.returncode == 0, r.stderr
    # Not a terminal, so progress comes as plain lines, ending at the total.
    assert "tqcheck: translate 20000/20000" in r.stderr or "translate " in r.stderr
    assert "Traceback" not in r.stderr
    # 10× the passages; the report itself must grow, but nothing quadratic may.
    assert rss < 4 * rss_small, (rss_small, rss)


def test_ctrl_c_exits_130_and_keeps_finished_translations(tmp_path):
    # Three engine chunks of 2,000 sentences: the first is cached before the interrupt.
    src, tgt = write_pair(tmp_path, 6_000)
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", str(src), str(tgt), "--engine",
                             "apertium"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env_for(tmp_path), preexec_fn=interruptible)
    cache = tmp_path / "cache.sqlite3"
    deadline = time.monotonic() + 300
    # Interrupt once the first engine chunks are in the cache, well before the end.
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(cache, timeout=1) as db:
                if db.execute("SELECT count(*) FROM translations").fetchone()[0] >= 2000:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.2)
    assert proc.poll() is None, "the check finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = db.execute("SELECT count(*) FROM translations").fetchone()[0]
    assert kept >= 2000
    # The rerun only translates what was missing.
    r = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(src), str(tgt), "--engine", "apertium",
                        "-f", "json", "-o", str(tmp_path / "r.json")], capture_output=True, text=True,
                       env=env_for(tmp_path), timeout=600)
    assert r.returncode == 0, r.stderr
    import json

    stats = json.loads((tmp_path / "r.json").read_text())["cache"]
    assert stats["hits"] >= kept
