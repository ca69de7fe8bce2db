"""tqcheck is for people who are offline most of the time: nothing but `models install`
may touch the network, and that one must fail fast and clearly when there is none.

Two ways to cut the network: a sitecustomize that makes every Python socket connection
fail and records it (so we see *what* was attempted, even a DNS look-up), and a fresh
network namespace with no interfaces (`unshare -n`), which also covers code that is not
Python and sockets opened before any patch could apply.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import CORPORA, needs_apertium, run_cli

SAMPLE = CORPORA / "sample"
# What a user gets with no ARGOS_PACKAGE_INDEX set; the guard stops the look-up before
# any packet leaves, so naming the real host costs nothing and tests the real path.
ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"

GUARD = textwrap.dedent('''
    """Test guard: every network connection attempt is logged, then fails (or, in
    "log" mode, is logged and let through to an OS that has no network)."""
    import errno
    import os
    import socket

    _LOG = os.environ["TQCHECK_NETGUARD_LOG"]
    _BLOCK = os.environ.get("TQCHECK_NETGUARD_MODE", "block") == "block"
    with open(_LOG + ".loaded", "a") as f:
        f.write(f"{os.getpid()}\\n")


    def _note(what, target):
        with open(_LOG, "a") as f:
            f.write(f"{what} {target!r}\\n")


    def _local(sock):
        return getattr(sock, "family", None) == getattr(socket, "AF_UNIX", object())


    def _guard(name, original, is_method):
        def wrapper(*args, **kwargs):
            if is_method and _local(args[0]):
                return original(*args, **kwargs)  # Unix sockets are IPC, not network
            target = args[1] if is_method else (args[:2] if name == "getaddrinfo" else args[0])
            _note(name, target)
            if _BLOCK:
                raise OSError(errno.ENETUNREACH, f"network blocked by test guard ({name} {target!r})")
            return original(*args, **kwargs)
        return wrapper


    socket.socket.connect = _guard("connect", socket.socket.connect, True)
    socket.socket.connect_ex = _guard("connect_ex", socket.socket.connect_ex, True)
    socket.create_connection = _guard("create_connection", socket.create_connection, False)
    socket.getaddrinfo = _guard("getaddrinfo", socket.getaddrinfo, False)
''')


@pytest.fixture
def guard(tmp_path) -> dict[str, object]:
    """Environment that loads the guard in every Python process, children included."""
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {"log": log, "env": {"PYTHONPATH": path, "TQCHECK_NETGUARD_LOG": str(log)}}


def attempts(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def guard_was_loaded(log: Path) -> bool:
    loaded = Path(str(log) + ".loaded")
    return loaded.exists() and loaded.read_text().strip() != ""


def small_batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for lang in ("en", "es"):
        shutil.copy(SAMPLE / f"article.{lang}.md", folder / f"sample.{lang}.md")
    return folder


def offline_commands(tmp_path: Path) -> dict[str, list[str]]:
    src, tgt = str(SAMPLE / "article.en.md"), str(SAMPLE / "article.es.md")
    return {
        "check": ["check", src, tgt, "--engine", "apertium", "-q", "-f", "json",
                  "-o", str(tmp_path / "r.json")],
        "checks": ["checks"],
        "engines": ["engines"],
        "models-list": ["models", "list"],
        "batch": ["batch", str(small_batch_folder(tmp_path)), "--engine", "apertium", "-q",
                  "-j", "2", "--out-dir", str(tmp_path / "out")],
        "help": ["--help"],
    }


def assert_ran_normally(name: str, r: subprocess.CompletedProcess[str]) -> None:
    # check and batch may fail the quality gate (1); anything else is not "as normal".
    ok = (0, 1) if name in ("check", "batch") else (0,)
    assert r.returncode in ok, f"{name}: exit {r.returncode}\n{r.stderr}"
    assert "Traceback" not in r.stderr, r.stderr


def assert_offline_install_failure(r: subprocess.CompletedProcess[str], elapsed: float) -> None:
    assert r.returncode == 3, r.stderr
    assert elapsed < 30, f"took {elapsed:.1f} s to notice there is no network"
    assert "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("tqcheck: error:") and "offline" in lines[0], lines[0]
    assert "--from-file" in lines[0]  # says what to do instead


def install_env(extra: dict[str, str], packages: Path) -> dict[str, str]:
    return {**extra, "ARGOS_PACKAGE_INDEX": ARGOS_INDEX, "ARGOS_PACKAGES_DIR": str(packages)}


# ------------------------------------------------------------- the Python-level guard

@needs_apertium
def test_everyday_commands_never_touch_the_network(guard, tmp_path):
    for name, args in offline_commands(tmp_path).items():
        r = run_cli(*args, env=guard["env"], timeout=300)
        assert_ran_normally(name, r)
        assert attempts(guard["log"]) == [], f"{name} tried the network: {attempts(guard['log'])}"
    assert guard_was_loaded(guard["log"])  # else an empty log would prove nothing
    assert (tmp_path / "out" / "summary.json").is_file()


def test_models_install_offline_fails_fast_and_clearly(guard, tmp_path):
    t0 = time.monotonic()
    r = run_cli("models", "install", "en", "es", timeout=120,
                env=install_env(guard["env"], tmp_path / "packages"))
    assert_offline_install_failure(r, time.monotonic() - t0)
    assert guard_was_loaded(guard["log"])
    seen = attempts(guard["log"])
    assert seen, "no connection was even attempted: the offline message would be a guess"
    index_host = urlparse(ARGOS_INDEX).hostname
    assert all(repr(index_host) in line for line in seen), seen


# --------------------------------------------------- the OS-level variant: unshare -n

def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "--net", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


needs_unshare = pytest.mark.skipif(not _can_unshare(),
                                   reason="unshare --net not permitted (needs root or user namespaces)")


def run_without_network(*args: str, env: dict[str, str], timeout: float = 300
                        ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1", **env}
    return subprocess.run(["unshare", "--net", "--", sys.executable, "-m", "tqcheck", *args],
                          capture_output=True, text=True, env=full_env, timeout=timeout)


@pytest.fixture
def log_only(guard) -> dict[str, object]:
    # The namespace does the blocking; the guard only records what was tried.
    return {**guard, "env": {**guard["env"], "TQCHECK_NETGUARD_MODE": "log"}}


@needs_unshare
@needs_apertium
def test_everyday_commands_in_a_namespace_without_network(log_only, tmp_path):
    for name, args in offline_commands(tmp_path).items():
        r = run_without_network(*args, env=log_only["env"])
        assert_ran_normally(name, r)
        assert attempts(log_only["log"]) == [], f"{name}: {attempts(log_only['log'])}"
    assert guard_was_loaded(log_only["log"])


@needs_unshare
def test_models_install_in_a_namespace_without_network(log_only, tmp_path):
    t0 = time.monotonic()
    r = run_without_network("models", "install", "en", "es", timeout=120,
                            env=install_env(log_only["env"], tmp_path / "packages"))
    assert_offline_install_failure(r, time.monotonic() - t0)
    seen = attempts(log_only["log"])
    index_host = urlparse(ARGOS_INDEX).hostname
    assert seen and all(repr(index_host) in line for line in seen), seen
