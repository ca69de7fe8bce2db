"""Shared fixtures: isolated caches and the sample corpus."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Tests never share a translation cache with the user or with each other.
    monkeypatch.setenv("TQCHECK_CACHE", str(tmp_path_factory.mktemp("cache") / "t.sqlite3"))


needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium not installed")


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    full_env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], capture_output=True,
                          text=True, cwd=cwd, env=full_env, timeout=timeout)
