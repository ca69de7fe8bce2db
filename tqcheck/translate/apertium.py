"""Apertium through its Debian command line: one process per batch, one sentence a line.

One process per document runs at ~8,000 words/s; one per sentence at ~90 (start-up
cost), so a batch is always one process.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO

from tqcheck.errors import EngineError
from tqcheck.translate import debian_pairs
from tqcheck.translate.base import Engine, EngineInfo

MODES_DIR = Path("/usr/share/apertium/modes")
TIMEOUT_BASE_S = 60
TIMEOUT_PER_KB_S = 0.5


def _binary(src: str = "es", tgt: str = "en") -> str:
    path = shutil.which("apertium")
    if path is None:
        package = debian_pairs.package_for(src, tgt)
        if package is None:
            raise EngineError(f"Apertium is not installed, and {debian_pairs.install_hint(src, tgt)}"
                              " (use --engine argos)")
        raise EngineError(f"Apertium is not installed: apt-get install apertium {package} "
                          "(or use --engine argos)")
    return path


@lru_cache(maxsize=1)
def installed_modes() -> frozenset[str]:
    """Mode names without variants (eng-cat, es-pt; not eng-cat_valencia)."""
    names: set[str] = set()
    if MODES_DIR.is_dir():
        names = {p.stem for p in MODES_DIR.glob("*.mode")}
    else:
        try:
            out = subprocess.run([_binary(), "-l"], capture_output=True, text=True, timeout=30).stdout
            names = {line.strip() for line in out.splitlines() if line.strip()}
        except (OSError, subprocess.SubprocessError):
            names = set()
    return frozenset(n for n in names if "_" not in n and n.count("-") == 1)


def mode_for(src: str, tgt: str) -> str | None:
    modes = installed_modes()
    for a in sorted(debian_pairs.apertium_codes(src)):
        for b in sorted(debian_pairs.apertium_codes(tgt)):
            if f"{a}-{b}" in modes:
                return f"{a}-{b}"
    return None


@lru_cache(maxsize=32)
def _package_version(mode: str) -> str:
    a, b = mode.split("-")
    for name in (f"apertium-{a}-{b}", f"apertium-{b}-{a}"):
        version = _package_version_of(name)
        if version:
            return version
    return ""


# dpkg's database: every install, upgrade or removal rewrites it.
_DPKG_STATUS = Path("/var/lib/dpkg/status")


@lru_cache(maxsize=64)
def _package_version_of(name: str) -> str:
    """The installed version of a Debian package, or "" when it is not installed. Kept in
    the derived-table cache while dpkg's database is unchanged: a `dpkg-query` costs 10 ms,
    and a cached re-run of a check would otherwise pay it for every pair it names."""
    if not _DPKG_STATUS.is_file():
        return _query_package_version(name)
    from tqcheck.cache.derived import cached

    return cached(f"dpkg-version-{name}", [_DPKG_STATUS], lambda: _query_package_version(name))


def _query_package_version(name: str) -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}|${Version}", name],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    status, _, version = out.stdout.strip().partition("|")
    # A removed package keeps a version in dpkg's database while its config files stay.
    return version if out.returncode == 0 and status == "install ok installed" else ""


class ApertiumEngine(Engine):
    name = "apertium"

    def __init__(self, threads: int | None = None) -> None:
        pass  # nothing to set up: one process per batch

    def supports(self, src: str, tgt: str) -> bool:
        return shutil.which("apertium") is not None and mode_for(src, tgt) is not None

    def why_unsupported(self, src: str, tgt: str) -> str:
        _binary(src, tgt)  # a missing apertium binary is the clearer message
        package = debian_pairs.package_for(src, tgt)
        if package and _package_version_of(package):
            # Some pair packages translate one way only (apertium-eo-en: en→eo).
            return f"{package} is installed but has no {src}→{tgt} mode (use --engine argos)"
        return f"no Apertium mode for {src}→{tgt}: {debian_pairs.install_hint(src, tgt)}"

    def pairs(self) -> list[tuple[str, str]]:
        if shutil.which("apertium") is None:
            return []  # modes without the binary translate nothing
        out = []
        for mode in sorted(installed_modes()):
            a, b = mode.split("-")
            out.append((debian_pairs.iso_for(a), debian_pairs.iso_for(b)))
        return sorted(out)

    def info(self, src: str, tgt: str) -> EngineInfo:
        mode = mode_for(src, tgt) or f"{src}-{tgt}"
        return EngineInfo(self.name, mode, _package_version(mode))

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        return self.translate_chain(texts, [(src, tgt)])

    def translate_chain(self, texts: Sequence[str], hops: Sequence[tuple[str, str]]) -> list[str]:
        """All hops as one pipeline of `apertium -u MODE` processes, one sentence a line:
        the hops of a pivot run side by side on the cores, with no text back in Python
        in between."""
        binary = _binary(hops[0][0], hops[-1][1])
        modes = []
        for src, tgt in hops:
            mode = mode_for(src, tgt)
            if mode is None:
                raise EngineError(self.why_unsupported(src, tgt))
            modes.append(mode)
        # Newlines inside a text would shift every following line of the output.
        lines = [" ".join(t.split()) for t in texts]
        todo = [i for i, line in enumerate(lines) if line]
        out = [""] * len(lines)
        if not todo:
            return out
        payload = "\n".join(lines[i] for i in todo) + "\n"
        label = ">".join(modes)
        timeout = len(modes) * (TIMEOUT_BASE_S + TIMEOUT_PER_KB_S * len(payload) / 1024)
        got = _pipeline([[binary, "-u", m] for m in modes], payload, timeout, label).split("\n")
        if got and got[-1] == "":
            got.pop()
        if len(got) != len(todo):
            raise EngineError(f"apertium {label} returned {len(got)} lines for {len(todo)}")
        for i, line in zip(todo, got):
            out[i] = line.strip()
        return out


def _pipeline(commands: list[list[str]], payload: str, timeout: float, label: str) -> str:
    """stdin → commands[0] | commands[1] | … → stdout, like a shell pipe, with each
    stage's failure reported (a pipe would hide all but the last one's)."""
    procs: list[subprocess.Popen[str]] = []
    errs = [tempfile.TemporaryFile(mode="w+") for _ in commands]
    try:
        try:
            for cmd, err in zip(commands, errs):
                stdin = procs[-1].stdout if procs else subprocess.PIPE
                procs.append(subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=err,
                                              text=True, encoding="utf-8"))
                if len(procs) > 1 and procs[-2].stdout is not None:
                    procs[-2].stdout.close()  # the next stage owns it now
        except OSError as exc:
            raise EngineError(f"cannot run apertium: {exc}") from exc
        # A writer thread feeds the first stage while the last is read, so neither pipe
        # buffer can fill up and block the other; and in one blocking write, not
        # communicate()'s 512-byte select turns, each of which waits for the GIL while
        # the pipeline works beside the engine (tqcheck/backtranslate.py).
        writer = threading.Thread(target=_feed, args=(procs[0].stdin, payload), daemon=True)
        writer.start()
        procs[0].stdin = None  # the writer's now: communicate() only reads
        try:
            out, _ = procs[-1].communicate(None if writer else payload, timeout=timeout)
            for p in procs[:-1]:
                p.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise EngineError(f"apertium {label} took over {timeout:.0f} s") from exc
        if writer is not None:
            writer.join(timeout=5)
        for cmd, p, err in zip(commands, procs, errs):
            if p.returncode != 0:
                err.seek(0)
                raise EngineError(f"apertium {cmd[-1]} failed: {err.read().strip()[:300]}")
        return out
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        for err in errs:
            err.close()


def _feed(stdin: IO[str] | None, payload: str) -> None:
    if stdin is None:
        return
    try:
        stdin.write(payload)
        stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the stage died; its return code says why
