"""Apertium through its Debian command line: one process per batch, one sentence a line.

One process per document runs at ~8,000 words/s; one per sentence at ~90 (start-up
cost), so a batch is always one process.
"""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from tqcheck.errors import EngineError
from tqcheck.translate.base import Engine, EngineInfo
from tqcheck.translate.pipe import run_filter

MODES_DIR = Path("/usr/share/apertium/modes")
# ISO 639-1 → the codes Apertium pair packages use (three-letter where they exist).
ISO3 = {"en": "eng", "es": "spa", "ca": "cat", "pt": "por", "fr": "fra", "gl": "glg",
        "eu": "eus", "it": "ita", "oc": "oci", "ro": "ron", "ar": "ara", "de": "deu",
        "nl": "nld", "an": "arg", "ast": "ast", "br": "bre", "cy": "cym", "eo": "epo"}
TIMEOUT_BASE_S = 60
TIMEOUT_PER_KB_S = 0.5


def _binary() -> str:
    path = shutil.which("apertium")
    if path is None:
        raise EngineError("Apertium is not installed: apt-get install apertium apertium-eng-spa "
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
    for a, b in ((ISO3.get(src, src), ISO3.get(tgt, tgt)), (src, tgt)):
        if f"{a}-{b}" in modes:
            return f"{a}-{b}"
    return None


def package_for(src: str, tgt: str) -> str:
    """The Debian package to suggest; pair packages name both directions in one order."""
    a, b = ISO3.get(src, src), ISO3.get(tgt, tgt)
    return f"apertium-{min(a, b)}-{max(a, b)}" if "eng" not in (a, b) else f"apertium-eng-{b if a == 'eng' else a}"


@lru_cache(maxsize=32)
def _package_version(mode: str) -> str:
    a, b = mode.split("-")
    for name in (f"apertium-{a}-{b}", f"apertium-{b}-{a}"):
        try:
            out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True,
                                 text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return ""
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return ""


class ApertiumEngine(Engine):
    name = "apertium"

    def __init__(self, threads: int | None = None) -> None:
        self.calls = 0  # engine processes started, for tests and benchmarks

    def supports(self, src: str, tgt: str) -> bool:
        return shutil.which("apertium") is not None and mode_for(src, tgt) is not None

    def why_unsupported(self, src: str, tgt: str) -> str:
        _binary()  # a missing apertium binary is the clearer message
        return f"no Apertium mode for {src}→{tgt}: apt-get install {package_for(src, tgt)}"

    def pairs(self) -> list[tuple[str, str]]:
        rev = {v: k for k, v in ISO3.items()}
        out = []
        for mode in sorted(installed_modes()):
            a, b = mode.split("-")
            out.append((rev.get(a, a), rev.get(b, b)))
        return out

    def info(self, src: str, tgt: str) -> EngineInfo:
        mode = mode_for(src, tgt) or f"{src}-{tgt}"
        return EngineInfo(self.name, mode, _package_version(mode))

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        binary = _binary()
        mode = mode_for(src, tgt)
        if mode is None:
            raise EngineError(self.why_unsupported(src, tgt))
        # Newlines inside a text would shift every following line of the output.
        lines = [" ".join(t.split()) for t in texts]
        todo = [i for i, line in enumerate(lines) if line]
        out = [""] * len(lines)
        if not todo:
            return out
        payload = "\n".join(lines[i] for i in todo) + "\n"
        timeout = TIMEOUT_BASE_S + TIMEOUT_PER_KB_S * len(payload) / 1024
        self.calls += 1
        try:
            returncode, stdout, stderr = run_filter([binary, "-u", mode], payload, timeout)
        except subprocess.TimeoutExpired as exc:
            raise EngineError(f"apertium {mode} took over {timeout:.0f} s") from exc
        except OSError as exc:
            raise EngineError(f"cannot run apertium: {exc}") from exc
        if returncode != 0:
            raise EngineError(f"apertium {mode} failed: {stderr.strip()[:300]}")
        got = stdout.split("\n")
        if got and got[-1] == "":
            got.pop()
        if len(got) != len(todo):
            raise EngineError(f"apertium {mode} returned {len(got)} lines for {len(todo)}")
        for i, line in zip(todo, got):
            out[i] = line.strip()
        return out
