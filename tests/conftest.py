"""Shared fixtures: isolated caches and the sample corpus."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.tinyargos import argos_env

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"

# argostranslate reads its folders from the environment once, at import, and creates
# them: point every one at a throwaway home before anything imports it, so tests never
# see the user's models nor write to ~/.local, and its index URL at a closed port so no
# test can reach the network through it.
ARGOS_HOME = Path(tempfile.mkdtemp(prefix="tqcheck-tests-argos-"))
os.environ.update(argos_env(ARGOS_HOME, ARGOS_HOME / "no-packages"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Tests never share a translation cache with the user or with each other.
    monkeypatch.setenv("TQCHECK_CACHE", str(tmp_path_factory.mktemp("cache") / "t.sqlite3"))


needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium not installed")


@contextmanager
def counting_apertium(folder: Path) -> Iterator[Callable[[], int]]:
    """Apertium processes started, counted from outside the engine: a shim first on PATH
    logs each start and runs the real binary."""
    real = shutil.which("apertium")
    assert real is not None
    log = folder / "apertium-starts.log"
    shim = folder / "bin" / "apertium"
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
    shim.chmod(0o755)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PATH", f"{shim.parent}{os.pathsep}{os.environ['PATH']}")
        yield lambda: len(log.read_text().splitlines()) if log.exists() else 0


@contextmanager
def counting_ctranslate2() -> Iterator[list[int]]:
    """CTranslate2 translate_batch calls, counted by wrapping the library's Translator."""
    import ctranslate2

    calls = [0]
    real = ctranslate2.Translator

    class Counting:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self._inner = real(*args, **kwargs)

        def translate_batch(self, *args: object, **kwargs: object) -> object:
            calls[0] += 1
            return self._inner.translate_batch(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ctranslate2, "Translator", Counting)
        yield calls


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    full_env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], capture_output=True,
                          text=True, cwd=cwd, env=full_env, timeout=timeout)


@pytest.fixture(scope="session")
def tiny_argos(tmp_path_factory) -> dict[str, Path]:
    """Tiny real Argos packages en→es and es→en, built from nothing by tests/tinyargos.

    Set TQCHECK_TINYARGOS_DIR to keep the built .argosmodel files between local runs.
    """
    from tests.tinyargos.build import build_package

    keep = os.environ.get("TQCHECK_TINYARGOS_DIR")
    work = Path(keep) if keep else tmp_path_factory.mktemp("tinyargos")
    out = {}
    for src, tgt in (("en", "es"), ("es", "en")):
        built = work / f"translate-{src}_{tgt}-1_0.argosmodel"
        out[f"{src}_{tgt}"] = built if built.is_file() else build_package(work, src, tgt)
    return out


@pytest.fixture(scope="session")
def argos_packages(tiny_argos, tmp_path_factory) -> Path:
    """A packages folder with both tiny packages, installed by the real CLI, which uses
    argostranslate's own install_from_path."""
    folder = tmp_path_factory.mktemp("argos-packages")
    for archive in tiny_argos.values():
        r = run_cli("models", "install", "--from-file", str(archive),
                    env={"ARGOS_PACKAGES_DIR": str(folder)})
        assert r.returncode == 0, r.stderr
    return folder


@pytest.fixture
def use_argos_packages(argos_packages, monkeypatch) -> Path:
    """In-process: make argostranslate (already imported or not) look only there."""
    import argostranslate.settings

    monkeypatch.setattr(argostranslate.settings, "package_dirs", [argos_packages])
    monkeypatch.setattr(argostranslate.settings, "package_data_dir", argos_packages)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_packages))
    return argos_packages
