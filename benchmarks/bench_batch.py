"""Benchmark `tqcheck batch` against the raw engine on the same sentences, in one run.

    .venv/bin/python benchmarks/bench_batch.py [--articles 100] [--repeat 3] [--no-dask]

Builds NTREX-128 en→es article pairs, then runs in turn, round after round: one raw
`apertium -u spa-eng` call on all the sentences tqcheck sends to the engine, `tqcheck
batch` with --jobs 1 and 2 and no cache, a cached re-run (--fresh, so the state file
does not short-cut it), and, with the `[dask]` extra, `--executor dask` on a local
cluster of 2 worker processes. Prints one Markdown table of medians with the
round-by-round ratio to the raw engine, then peak memory for 25, 50 and 100 articles.
"""
from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import timing  # noqa: E402

from tqcheck.pipeline import CheckOptions, prepare  # noqa: E402


@contextlib.contextmanager
def local_cluster(enabled: bool) -> Iterator[str | None]:
    """A dask.distributed cluster of 2 single-threaded worker processes on loopback."""
    try:
        if not enabled:
            raise ImportError
        from distributed import LocalCluster
    except ImportError:
        yield None
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def copy_first(pairs: list[tuple[Path, Path]], n: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for src, tgt in pairs[:n]:
        shutil.copyfile(src, folder / src.name)
        shutil.copyfile(tgt, folder / tgt.name)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3, help="counted rounds (after one warm-up)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask row")
    args = ap.parse_args()
    if shutil.which("apertium") is None:
        sys.exit("apertium is not installed")
    tq = [sys.executable, "-m", "tqcheck"]
    articles = corpus.ntrex_articles("spa")[: args.articles]
    n = len(articles)
    work = Path(tempfile.mkdtemp(prefix="tqcheck-bench-batch-"))
    try:
        pairs = [corpus.write_pair(a, work / "pairs") for a in articles]
        # The sentences tqcheck itself sends to the engine.
        back = [s for src, tgt in pairs for sents in prepare(src, tgt, CheckOptions()).tgt_sentences
                for s in sents]
        words = sum(len(s.split()) for s in back)
        spa_in = work / "spa.txt"
        spa_in.write_text("\n".join(" ".join(s.split()) for s in back) + "\n", encoding="utf-8")

        def batch(folder: Path, name: str, *extra: str) -> list[str]:
            return [*tq, "batch", str(folder), "--engine", "apertium", "-O", str(work / "out" / name),
                    "-q", "--fresh", *extra]

        cache = work / "cache.sqlite3"
        timing.measure(batch(work / "pairs", "prime", "--jobs", "1", "--cache", str(cache)), ok=(0, 1))
        raw = timing.Command(f"raw `apertium -u spa-eng`, one call ({len(back)} sentences)",
                             ["apertium", "-u", "spa-eng"], spa_in, ok=(0,))
        j1 = timing.Command("`tqcheck batch --jobs 1 --no-cache`",
                            batch(work / "pairs", "j1", "--jobs", "1", "--no-cache"))
        j2 = timing.Command("`tqcheck batch --jobs 2 --no-cache`",
                            batch(work / "pairs", "j2", "--jobs", "2", "--no-cache"))
        again = timing.Command("`tqcheck batch --jobs 1`, cached re-run (`--fresh`)",
                               batch(work / "pairs", "cached", "--jobs", "1", "--cache", str(cache)))
        with local_cluster(not args.no_dask) as address:
            commands = [raw, j1, j2, again]
            dask = None
            if address:
                dask = timing.Command("`tqcheck batch --executor dask` (LocalCluster, 2 worker processes)",
                                      batch(work / "pairs", "dask", "--executor", "dask", "--scheduler",
                                            address, "--no-cache"))
                commands.append(dask)
            timing.rounds(commands, args.repeat)
        flat = []
        for size in (25, 50, 100):
            if size <= n:
                folder = copy_first(pairs, size, work / f"first{size}")
                flat.append((size, timing.measure(batch(folder, f"flat{size}", "--jobs", "1", "--no-cache"),
                                                  ok=(0, 1))))
        print(f"NTREX-128 en→es: {n} articles, {len(back)} Spanish sentences, {words:,} words; Apertium; "
              f"median of {args.repeat} rounds after a warm-up\n")
        extra = {
            "speed-up `--jobs 2` over `--jobs 1`": f"{timing.ratio(j1, j2):.2f}×",
            "`--jobs 1` / raw engine (1 core)": f"{timing.ratio(j1, raw):.2f}×",
            "`--jobs 2` / raw engine per core (wall × 2 / raw)": f"{2 * timing.ratio(j2, raw):.2f}×",
        }
        if dask is not None:
            extra["Dask / `--jobs 2`"] = f"{timing.ratio(dask, j2):.2f}×"
        print(timing.table(commands, raw, extra))
        print("\n| memory: `--jobs 1 --no-cache` | wall | peak RSS, largest process | peak RSS, process tree |")
        print("|---|---:|---:|---:|")
        for size, m in flat:
            print(f"| {size} articles | {m['wall']:.2f} s | {m['maxrss_kib'] / 1024:.0f} MiB "
                  f"| {m['tree_kib'] / 1024:.0f} MiB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
