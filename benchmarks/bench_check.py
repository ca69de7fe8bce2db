"""Benchmark `check` against the raw engine on the same sentences, in one run.

    .venv/bin/python benchmarks/bench_check.py [--articles 40] [--tgt spa]
    .venv/bin/python benchmarks/bench_check.py --tgt por      # a pivot route: pt→es→en

Prints one Markdown table: total check time for a set of NTREX articles with Apertium,
the raw engine time on the same sentences (one `apertium` call per leg of the route,
one after the other, each leg fed the previous one's output), their ratio, the cached
re-run time, and peak memory.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from tqcheck.pipeline import CheckOptions, check_pairs, prepare  # noqa: E402
from tqcheck.translate.apertium import mode_for  # noqa: E402
from tqcheck.translate.registry import get_engine  # noqa: E402


def raw_apertium(sentences: list[str], modes: list[str]) -> float:
    """The raw engine calls of a route, one after the other, each a single process."""
    payload = "\n".join(" ".join(s.split()) for s in sentences) + "\n"
    total = 0.0
    for mode in modes:
        t0 = time.perf_counter()
        payload = subprocess.run(["apertium", "-u", mode], input=payload, capture_output=True, text=True,
                                 check=True).stdout
        total += time.perf_counter() - t0
    return total


def route_modes(src: str, tgt: str) -> list[str]:
    engine = get_engine("apertium", src, tgt, cache=False)
    legs = getattr(engine, "legs", None)
    hops = [(leg.src, leg.tgt) for leg in legs] if legs else [(src, tgt)]
    return [mode_for(a, b) or "" for a, b in hops]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--tgt", default="spa", help="NTREX language file tag (spa, cat, …)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = ap.parse_args()
    articles = [a for a in corpus.ntrex_articles(args.tgt) if len(a.src_sentences) >= 8][: args.articles]
    work = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
    try:
        pairs = [corpus.write_pair(a, work / "pairs") for a in articles]
        lang = articles[0].tgt_lang
        modes = route_modes(lang, "en")
        mode = " then ".join(modes)
        prepared = [prepare(s, t, CheckOptions()) for s, t in pairs]
        sentences = [s for p in prepared for sents in p.tgt_sentences for s in sents]
        words = sum(len(s.split()) for s in sentences)
        raw = min(raw_apertium(sentences, modes) for _ in range(args.repeat))

        firsts, cached = [], []
        for run in range(args.repeat):
            opts = CheckOptions(engine="apertium", cache=work / f"cache-{run}.sqlite3")
            t0 = time.perf_counter()
            reports = check_pairs(pairs, opts)
            firsts.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            check_pairs(pairs, opts)
            cached.append(time.perf_counter() - t0)
        # Memory in a run of its own: tracemalloc slows Python down several times.
        tracemalloc.start()
        check_pairs(pairs, CheckOptions(engine="apertium", cache=False))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        first, again = min(firsts), min(cached)
        errors = [r for r in reports if not hasattr(r, "scores")]
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"NTREX-128 en→{lang}: {len(pairs)} articles, {len(sentences)} sentences, {words} words; "
              f"Apertium {mode}; best of {args.repeat}; {len(errors)} errors\n")
        print("| measure | value |")
        print("|---|---|")
        calls = " + ".join(f"`apertium -u {m}`" for m in modes)
        print(f"| raw engine ({calls}, one call each) | {raw:.2f} s ({words / raw:,.0f} words/s) |")
        print(f"| tqcheck check, cold cache (all articles) | {first:.2f} s |")
        print(f"| ratio check / raw engine | {first / raw:.2f}× |")
        print(f"| tqcheck check, cached re-run | {again:.2f} s ({again / first:.1%} of the first run) |")
        print(f"| peak traced Python memory during a check | {peak / 2**20:.1f} MiB |")
        print(f"| peak RSS of the benchmark process | {rss:.0f} MiB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
