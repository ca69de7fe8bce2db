"""Benchmark `tqcheck batch` against the raw engine on the same sentences, in one run.

    .venv/bin/python benchmarks/bench_batch.py [--articles 100] [--repeat 1]

Builds NTREX-128 en→es article pairs, then prints one Markdown table: one raw `apertium`
call per direction on all their sentences, `tqcheck batch` with --jobs 1 and 2 and no
cache, a cached re-run (--fresh, so the state file does not short-cut it), and peak
memory for 25, 50 and 100 articles. Every measurement runs in a wrapper process of its
own, so RUSAGE_CHILDREN holds that measurement alone.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from tqcheck.pipeline import CheckOptions, prepare  # noqa: E402

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


def measure(argv: list[str], stdin: Path | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    r = subprocess.run([sys.executable, "-c", WRAPPER, str(stdin) if stdin else "-", *argv],
                       capture_output=True, text=True, check=True)
    m = json.loads(r.stdout)
    if m["rc"] not in ok:
        sys.exit(f"{' '.join(argv)} exited {m['rc']}:\n{m['stderr']}")
    return m


def best(runs: list[dict]) -> dict:
    """The fastest run's time; the highest memory seen in any run."""
    out = dict(min(runs, key=lambda m: m["wall"]))
    out["maxrss_kib"] = max(m["maxrss_kib"] for m in runs)
    out["tree_kib"] = max(m["tree_kib"] for m in runs)
    return out


def one_per_line(sentences: list[str], path: Path) -> Path:
    path.write_text("\n".join(" ".join(s.split()) for s in sentences) + "\n", encoding="utf-8")
    return path


def _timings(out: Path, name: str) -> dict:
    return json.loads((out / "articles" / f"{name}.json").read_text(encoding="utf-8"))["timings"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1, help="runs per timing; the fastest is kept")
    args = ap.parse_args()
    if shutil.which("apertium") is None:
        sys.exit("apertium is not installed")
    tqcheck = str(Path(sys.executable).parent / "tqcheck")
    articles = corpus.ntrex_articles("spa")[: args.articles]
    n = len(articles)
    work = Path(tempfile.mkdtemp(prefix="tqcheck-bench-batch-"))
    try:
        pairs = [corpus.write_pair(a, work / "pairs") for a in articles]
        # The sentences tqcheck itself sends to the engine, and their English originals.
        back = [s for src, tgt in pairs for sents in prepare(src, tgt, CheckOptions()).tgt_sentences
                for s in sents]
        forward = [s for a in articles for s in a.src_sentences]
        words = sum(len(s.split()) for s in back)
        spa_in = one_per_line(back, work / "spa.txt")
        eng_in = one_per_line(forward, work / "eng.txt")

        def timed(argv: list[str], stdin: Path | None = None, ok: tuple[int, ...] = (0, 1)) -> dict:
            return best([measure(argv, stdin, ok) for _ in range(args.repeat)])

        def batch(folder: Path, name: str, *extra: str) -> list[str]:
            out = work / "out" / name
            return [tqcheck, "batch", str(folder), "--engine", "apertium", "-O", str(out), "-q", *extra]

        rows: list[tuple[str, dict]] = []
        raw = timed(["apertium", "-u", "spa-eng"], spa_in, ok=(0,))
        rows.append((f"raw `apertium -u spa-eng`, one call ({len(back)} sentences, back-translation)", raw))
        rows.append((f"raw `apertium -u eng-spa`, one call ({len(forward)} sentences, forward)",
                     timed(["apertium", "-u", "eng-spa"], eng_in, ok=(0,))))
        rows.append(("`tqcheck batch --jobs 1 --no-cache`",
                     timed(batch(work / "pairs", "j1", "--jobs", "1", "--no-cache", "--fresh"))))
        rows.append(("`tqcheck batch --jobs 2 --no-cache`",
                     timed(batch(work / "pairs", "j2", "--jobs", "2", "--no-cache", "--fresh"))))
        cache = work / "cache.sqlite3"
        measure(batch(work / "pairs", "prime", "--jobs", "1", "--cache", str(cache)), ok=(0, 1))
        again = timed(batch(work / "pairs", "cached", "--jobs", "1", "--cache", str(cache), "--fresh"))
        # The report cache is keyed on tqcheck's own code too: an edit between the two runs
        # leaves only the translations cached. A served report keeps its first timings.
        hits = sum(_timings(work / "out" / "prime", name) == _timings(work / "out" / "cached", name)
                   for name in (tgt.name.removesuffix(".es.md") for _, tgt in pairs))
        rows.append((f"`tqcheck batch --jobs 1`, cached re-run (`--fresh`; {hits}/{n} finished reports "
                     "served from the cache)", again))

        flat: list[tuple[int, dict]] = []
        for size in (25, 50, 100):
            if size > n:
                break
            if size == n:
                flat.append((size, rows[2][1]))  # the --jobs 1 run above
                continue
            folder = work / f"first{size}"
            folder.mkdir()
            for src, tgt in pairs[:size]:
                shutil.copyfile(src, folder / src.name)
                shutil.copyfile(tgt, folder / tgt.name)
            flat.append((size, measure(batch(folder, f"flat{size}", "--jobs", "1", "--no-cache"), ok=(0, 1))))

        summary = json.loads((work / "out" / "j1" / "summary.json").read_text(encoding="utf-8"))
        print(f"NTREX-128 en→es: {n} articles, {len(back)} Spanish sentences, {words:,} words; Apertium; "
              f"fastest of {args.repeat}; batch result {summary['passed']} passed, {summary['failed']} failed, "
              f"{summary['errors']} errors\n")
        print("| measure | wall | × raw spa-eng | articles/s | peak RSS, largest process | peak RSS, process tree |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, m in rows:
            print(f"| {label} | {m['wall']:.2f} s | {m['wall'] / raw['wall']:.2f}× | {n / m['wall']:.1f} "
                  f"| {m['maxrss_kib'] / 1024:.0f} MiB | {m['tree_kib'] / 1024:.0f} MiB |")
        for size, m in flat:
            print(f"| memory: `--jobs 1 --no-cache`, {size} articles | {m['wall']:.2f} s | | "
                  f"{size / m['wall']:.1f} | {m['maxrss_kib'] / 1024:.0f} MiB | {m['tree_kib'] / 1024:.0f} MiB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
