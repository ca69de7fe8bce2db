"""Shared fixtures: isolated caches and the sample corpus."""
from __future__ import annotations

import importlib
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
ARGOS_MISSING = "needs the argos extra: pip install 'tqcheck[argos]'"


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)  # the top package only: cheap, reads no settings
    except ImportError:
        return False
    return True


needs_argos = pytest.mark.skipif(not _importable("argostranslate"), reason=ARGOS_MISSING)


def hide_argos(folder: Path) -> dict[str, str]:
    """An environment in which `import argostranslate` fails, as without the argos extra."""
    fake = folder / "no-argos" / "argostranslate"
    fake.mkdir(parents=True, exist_ok=True)
    (fake / "__init__.py").write_text(
        'raise ModuleNotFoundError("No module named \'argostranslate\'", name="argostranslate")\n')
    return {"PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", str(ROOT))])}


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


def interruptible() -> None:
    """Popen's preexec_fn for a child the test will Ctrl-C: a shell without job control
    starts background jobs with SIGINT ignored, and a child inherits that (its Python then
    never raises KeyboardInterrupt), so the test restores the default a terminal gives."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    full_env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], capture_output=True,
                          text=True, cwd=cwd, env=full_env, timeout=timeout)


TINY_PAIRS = (("en", "es"), ("es", "en"))
# The background build of the tiny Argos packages, started once the tests are collected.
_tiny: dict[str, object] = {}


def _tiny_dir() -> Path:
    keep = os.environ.get("TQCHECK_TINYARGOS_DIR")
    if keep:
        return Path(keep)
    if "dir" not in _tiny:
        _tiny["dir"] = Path(tempfile.mkdtemp(prefix="tqcheck-tests-tinyargos-"))
    return _tiny["dir"]  # type: ignore[return-value]


def _tiny_path(work: Path, src: str, tgt: str) -> Path:
    return work / f"translate-{src}_{tgt}-1_0.argosmodel"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Training the tiny Argos models takes ~90 s of one core; the tests that need them
    come late in the run, so they are built in a process of their own while the others
    run (on 2 cores the suite mostly keeps one busy)."""
    if not any("tiny_argos" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    work = _tiny_dir()
    if all(_tiny_path(work, s, t).is_file() for s, t in TINY_PAIRS):
        return
    work.mkdir(parents=True, exist_ok=True)
    log = open(work / "build.log", "w", encoding="utf-8")  # noqa: SIM115 (closed when it ends)
    _tiny["log"] = log
    _tiny["proc"] = subprocess.Popen(
        [sys.executable, "-m", "tests.tinyargos.build", str(work), "--no-eval",
         "--pairs", ",".join(f"{s}-{t}" for s, t in TINY_PAIRS)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)})


def pytest_unconfigure(config: pytest.Config) -> None:
    proc = _tiny.get("proc")
    if isinstance(proc, subprocess.Popen) and proc.poll() is None:
        proc.kill()
        proc.wait()
    if "dir" in _tiny:
        shutil.rmtree(_tiny["dir"], ignore_errors=True)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def tiny_argos() -> dict[str, Path]:
    """Tiny real Argos packages en→es and es→en, built from nothing by tests/tinyargos
    (in the background since collection; see pytest_collection_finish).

    Set TQCHECK_TINYARGOS_DIR to keep the built .argosmodel files between local runs.
    """
    for module in ("argostranslate", "ctranslate2", "torch", "transformers", "sentencepiece", "onnx"):
        pytest.importorskip(module, reason=ARGOS_MISSING + " and the dev extra")
    from tests.tinyargos.build import build_package

    work = _tiny_dir()
    proc = _tiny.get("proc")
    if isinstance(proc, subprocess.Popen):
        proc.wait()
        _tiny["log"].close()  # type: ignore[union-attr]
    out = {}
    for src, tgt in TINY_PAIRS:
        built = _tiny_path(work, src, tgt)
        # Built here when the background build failed, so its error shows in this test.
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
    pytest.importorskip("argostranslate", reason=ARGOS_MISSING)
    import argostranslate.settings

    monkeypatch.setattr(argostranslate.settings, "package_dirs", [argos_packages])
    monkeypatch.setattr(argostranslate.settings, "package_data_dir", argos_packages)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_packages))
    return argos_packages
