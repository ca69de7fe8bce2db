"""Whole-process timings for the benchmarks: each command runs in a wrapper process of
its own (so RUSAGE_CHILDREN holds that command alone), the commands of one round run in
turn, A B C A B C …, and ratios are taken round by round, so a comparison holds while
a shared machine's speed drifts. Medians are quoted. Stdlib only.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Runs argv, reports wall time, the largest RSS of any process in the tree
# (RUSAGE_CHILDREN.ru_maxrss) and the largest sum of the tree's RSS, sampled from /proc:
# with --jobs 2 three Python processes and Apertium's pipeline are alive at once.
WRAPPER = r'''
import json, os, resource, subprocess, sys, threading, time

def tree_rss(root):
    kids, rss = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            kids.setdefault(int(fields[1]), []).append(int(pid))
            rss[int(pid)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(kids.get(pid, []))
    return total

stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else subprocess.DEVNULL
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = [0]
def sample():
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_rss(proc.pid))
        time.sleep(0.02)
threading.Thread(target=sample, daemon=True).start()
err = proc.stderr.read()
rc = proc.wait()
wall = time.perf_counter() - t0
print(json.dumps({"rc": rc, "wall": wall, "stderr": err.decode(errors="replace")[-2000:],
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "tree_kib": peak[0]}))
'''


@dataclass
class Command:
    label: str
    argv: list[str]
    stdin: Path | None = None
    ok: tuple[int, ...] = (0, 1)
    runs: list[dict] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(m["wall"] for m in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        walls = [m["wall"] for m in self.runs]
        return min(walls), max(walls)

    @property
    def maxrss_mib(self) -> float:
        return max(m["maxrss_kib"] for m in self.runs) / 1024

    @property
    def tree_mib(self) -> float:
        return max(m["tree_kib"] for m in self.runs) / 1024


# A shell with PYTHONDONTWRITEBYTECODE set (some containers set it) compiles every module
# of an editable install on every start: 50–60 ms a command that no user pays. The
# warm-up round writes the bytecode; the counted rounds read it, as a user's runs do.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: Sequence[str], stdin: Path | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    r = subprocess.run([sys.executable, "-c", WRAPPER, str(stdin) if stdin else "-", *argv],
                       capture_output=True, text=True, check=True, env=_ENV)
    m = json.loads(r.stdout)
    if m["rc"] not in ok:
        sys.exit(f"{' '.join(argv)} exited {m['rc']}:\n{m['stderr']}")
    return m


def rounds(commands: Sequence[Command], repeat: int, warmup: int = 1) -> None:
    """Run every command `warmup` times uncounted, then `repeat` rounds in turn."""
    for _ in range(warmup):
        for c in commands:
            measure(c.argv, c.stdin, c.ok)
    for _ in range(repeat):
        for c in commands:
            c.runs.append(measure(c.argv, c.stdin, c.ok))


def ratio(a: Command, b: Command) -> float:
    """Median of the round-by-round ratios a/b."""
    return statistics.median(x["wall"] / y["wall"] for x, y in zip(a.runs, b.runs))


def table(commands: Sequence[Command], base: Command, extra: Mapping[str, str] | None = None) -> str:
    """One Markdown table: median wall, min–max, the round-by-round ratio to `base`, memory."""
    lines = ["| measure | wall (median) | min–max | × raw engine | peak RSS, largest process "
             "| peak RSS, process tree |", "|---|---:|---:|---:|---:|---:|"]
    for c in commands:
        lo, hi = c.spread
        lines.append(f"| {c.label} | {c.wall:.3f} s | {lo:.2f}–{hi:.2f} | {ratio(c, base):.2f}× "
                     f"| {c.maxrss_mib:.0f} MiB | {c.tree_mib:.0f} MiB |")
    for k, v in (extra or {}).items():
        lines.append(f"| {k} | {v} | | | | |")
    return "\n".join(lines)
