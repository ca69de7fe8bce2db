"""Command-line polish a new user asked for: `tqcheck checks` at 80 columns, and an
interrupted --no-cache run that promises nothing it did not keep."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import interruptible, needs_apertium, run_cli
from tqcheck.checks import CHECKS


def test_checks_fit_80_columns_one_line_each():
    r = run_cli("checks", env={"COLUMNS": "80"})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert len(lines) <= len(CHECKS) + 5  # a long title may take two lines
    first = lines[0].split()
    assert first[0] in CHECKS and first[1] in ("error", "warning", "info")


def test_one_check_or_verbose_gives_the_description():
    cid, cls = next(iter(CHECKS.items()))
    one = run_cli("checks", cid, env={"COLUMNS": "80"})
    assert one.returncode == 0 and cls.title in one.stdout
    assert " ".join(cls.description.split()[:6]) in " ".join(one.stdout.split())
    verbose = run_cli("checks", "--verbose", env={"COLUMNS": "80"})
    assert all(len(line) <= 80 for line in verbose.stdout.splitlines())
    assert len(verbose.stdout.splitlines()) > 2 * len(CHECKS)
    bad = run_cli("checks", "nope")
    assert bad.returncode == 2 and "unknown check 'nope'" in bad.stderr


@needs_apertium
@pytest.mark.parametrize("no_cache", [True, False], ids=["no-cache", "cache"])
def test_interrupted_run_says_what_is_kept(tmp_path, no_cache):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "b.es.txt"
    src.write_text("The council met today and approved the plan.\n\n" * 6000, encoding="utf-8")
    tgt.write_text("El consejo se reunió hoy y aprobó el plan.\n\n" * 6000, encoding="utf-8")
    args = [sys.executable, "-m", "tqcheck", "check", str(src), str(tgt), "--engine", "apertium",
            "-f", "json", "-o", str(tmp_path / "r.json")] + (["--no-cache"] if no_cache else [])
    with subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, preexec_fn=interruptible,
                          env={**os.environ, "NO_COLOR": "1"}) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the first progress line: the run is under way
        assert first.startswith(("tqcheck: read", "tqcheck: translate")), first
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=60) == 130, rest
    if no_cache:
        assert "--no-cache, so nothing is kept" in rest and "translations" not in rest, rest
    else:
        assert "finished translations and articles are kept" in rest, rest
