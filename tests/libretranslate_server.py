"""A real LibreTranslate server for tests, serving the tiny Argos packages, offline.

    venv = build_venv(path)                       # once; reused while its marker matches
    with running_server(venv, archives, workdir) as server:
        server.url                                # http://127.0.0.1:<port>

LibreTranslate pins old versions of many packages (ENGINES.md), so it gets a venv of its
own. torch 2.13.0 goes in first, from the CPU wheel on local disk and with --no-index,
so pip can never resolve it to a multi-GB CUDA build; LibreTranslate 1.9.6 itself does
not need torch (its argos-translate-lt fork dropped stanza), the pin guards against a
dependency that brings it back. CI builds the venv on every run (≈70 s, ~1 GB); set
TQCHECK_LT_VENV to a folder to keep it between local runs.

CLI: python -m tests.libretranslate_server VENV   (build it, report how long it took)
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.tinyargos import argos_env

LT_VERSION = "1.9.6"
TORCH = "torch==2.13.0"
MARKER = ".tqcheck-lt-ready"
START_TIMEOUT_S = 120
# With --api-keys the server accepts requests without a key and refuses unknown keys
# (403): one server serves the keyless tests and the API-key ones.
GOOD_KEY = "tqcheck-test-key"


class ServerUnavailable(RuntimeError):
    """The venv could not be built or the server did not start; the message says why."""


def _log(msg: str) -> None:
    print(f"[libretranslate] {msg}", file=sys.stderr, flush=True)


def _pip(venv: Path, *args: str) -> str:
    cmd = [str(venv / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        tail = " | ".join(out.strip().splitlines()[-3:])
        raise ServerUnavailable(f"`pip install {' '.join(args)}` failed in {venv}: {tail}")
    return out


def _installed_version(venv: Path, dist: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({dist!r}))"
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True)
    return proc.stdout.strip()


def build_venv(venv: Path, python: str | None = None) -> dict[str, float]:
    """Create the server's venv at `venv` unless a finished one is there; timings back."""
    venv = Path(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    # Several test sessions may share TQCHECK_LT_VENV: one builds, the others wait.
    with open(venv.parent / f".{venv.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = venv / MARKER
        if marker.is_file() and marker.read_text().strip() == LT_VERSION \
                and (venv / "bin" / "libretranslate").exists():
            return {"venv_build_s": 0.0}
        if venv.exists():
            shutil.rmtree(venv)  # half-built by an interrupted run
        # The base interpreter, not the project's venv: nothing of tqcheck's leaks in.
        base = python or getattr(sys, "_base_executable", None) or sys.executable
        t0 = time.monotonic()
        subprocess.run([base, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
        try:
            # --no-index: only a wheel on local disk (find-links) will do; never a download.
            _pip(venv, "--no-index", "--no-deps", TORCH)
        except ServerUnavailable as exc:
            raise ServerUnavailable(f"no {TORCH} CPU wheel on local disk (pip find-links), and "
                                    f"downloading one risks the 3 GB CUDA build: {exc}") from exc
        torch = _installed_version(venv, "torch")
        if not torch.endswith("+cpu"):
            raise ServerUnavailable(f"the local torch wheel is {torch!r}, not a CPU build")
        _pip(venv, TORCH)  # its small dependencies; torch itself is already satisfied
        t1 = time.monotonic()
        out = _pip(venv, f"libretranslate=={LT_VERSION}", TORCH)
        fetched = [line for line in out.splitlines()
                   if re.match(r"\s*(Downloading|Collecting)\s+(https?://\S*/)?torch\b", line)]
        if fetched or _installed_version(venv, "torch") != torch:
            raise ServerUnavailable(f"installing libretranslate tried to replace torch: {fetched[:2]}")
        marker.write_text(LT_VERSION + "\n")
        timings = {"venv_torch_s": round(t1 - t0, 1), "venv_libretranslate_s": round(time.monotonic() - t1, 1)}
        timings["venv_build_s"] = round(time.monotonic() - t0, 1)
        _log(f"built {venv}: {timings}")
        return timings


def server_env(home: Path, packages: Path) -> dict[str, str]:
    """An environment where Argos and LibreTranslate find only the test packages and
    have nowhere to download from."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LT_", "ARGOS_", "XDG_", "PYTHON", "VIRTUAL_ENV"))
           and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({
        "HOME": str(home),
        **argos_env(home, packages),
        "LT_UPDATE_MODELS": "false",
        "LT_FORCE_UPDATE_MODELS": "false",
        "HF_HUB_OFFLINE": "1",
        "PYTHONWARNINGS": "ignore",
    })
    return env


def install_packages(venv: Path, archives: Sequence[Path], env: dict[str, str]) -> None:
    """Install .argosmodel files with the server's own argostranslate (its fork)."""
    code = ("import sys, argostranslate.package as p\n"
            "for f in sys.argv[1:]: p.install_from_path(f)\n"
            "print(sorted(f'{x.from_code}-{x.to_code}' for x in p.get_installed_packages()))")
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", code, *map(str, archives)],
                          capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise ServerUnavailable(f"installing the tiny Argos packages into the server failed: "
                                f"{proc.stderr.strip().splitlines()[-1:]}")


def add_api_key(venv: Path, db: Path, env: dict[str, str], key: str = GOOD_KEY) -> None:
    # Not `ltmanage keys add`: it refuses a database the server has not created yet.
    db.parent.mkdir(parents=True, exist_ok=True)
    code = ("import sys; from libretranslate.api_keys import Database\n"
            "Database(sys.argv[1]).add(10_000_000, sys.argv[2])")
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", code, str(db), key],
                          capture_output=True, text=True, env=env, cwd=db.parent, timeout=120)
    if proc.returncode != 0:
        raise ServerUnavailable(f"cannot create the API key database {db}: {proc.stderr.strip()[-300:]}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    timings: dict[str, float] = field(default_factory=dict)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _languages(url: str) -> list[dict[str, object]] | None:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url + "/languages", timeout=2) as r:
            data = json.loads(r.read())
            return data if isinstance(data, list) else None
    except (OSError, urllib.error.URLError, ValueError):
        return None


@contextlib.contextmanager
def running_server(venv: Path, archives: Sequence[Path], workdir: Path,
                   languages: str = "en,es") -> Iterator[Server]:
    """Start `libretranslate` on a free loopback port with the packages and API keys;
    stop it on exit."""
    workdir.mkdir(parents=True, exist_ok=True)
    home, packages = workdir / "home", workdir / "packages"
    env = server_env(home, packages)
    t0 = time.monotonic()
    install_packages(venv, archives, env)
    db = workdir / "db" / "api_keys.db"
    add_api_key(venv, db, env)
    t1 = time.monotonic()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / "server.log"
    cmd = [str(venv / "bin" / "libretranslate"), "--host", "127.0.0.1", "--port", str(port),
           "--load-only", languages, "--disable-web-ui", "--disable-files-translation",
           "--api-keys", "--api-keys-db-path", str(db)]
    with open(log, "wb") as out:
        # Its own session, so stopping it reaches waitress and nothing else.
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=workdir,
                                start_new_session=True)
    server = Server(url, proc, log, {"install_packages_s": round(t1 - t0, 1)})
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while _languages(url) is None:
            if proc.poll() is not None:
                raise ServerUnavailable(f"libretranslate exited with {proc.returncode} at start-up:\n"
                                        f"{server.log_tail()}")
            if time.monotonic() > deadline:
                raise ServerUnavailable(f"libretranslate did not answer /languages within "
                                        f"{START_TIMEOUT_S} s:\n{server.log_tail()}")
            time.sleep(0.25)
        server.timings["server_start_s"] = round(time.monotonic() - t1, 1)
        _log(f"serving {url}: {server.timings}")
        yield server
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(build_venv(Path(args[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
