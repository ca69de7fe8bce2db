"""Benchmark `tqcheck check` against the raw engine on the same sentences, in one run.

    .venv/bin/python benchmarks/bench_check.py [--sentences 997] [--repeat 5]

The article is all of FLORES-200 dev en→es (997 sentences, the split in ../shared/corpora)
as one article. Each round runs, in turn: one raw `apertium -u spa-eng` call on the
sentences tqcheck sends to the engine, `tqcheck check --no-cache`, a cached re-run of the
same command, and `tqcheck --help`, each as a new process, as a user runs them. Prints one
Markdown table of medians with the round-by-round ratio to the raw engine.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import timing  # noqa: E402

from tqcheck.pipeline import CheckOptions, prepare  # noqa: E402


def flores_article(limit: int) -> corpus.Article:
    docs = corpus.flores_articles("spa")
    src = tuple(s for d in docs for s in d.src_sentences)[:limit]
    tgt = tuple(s for d in docs for s in d.tgt_sentences)[:limit]
    return corpus.Article("flores200-dev-all", "flores200-dev", "en", "es", src, tgt)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=997, help="first N sentences of FLORES dev")
    ap.add_argument("--repeat", type=int, default=5, help="counted rounds (after one warm-up)")
    args = ap.parse_args()
    if shutil.which("apertium") is None:
        sys.exit("apertium is not installed")
    work = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
    try:
        article = flores_article(args.sentences)
        src, tgt = corpus.write_pair(article, work, name="flores")
        prep = prepare(src, tgt, CheckOptions(src_lang="en", tgt_lang="es"))
        sentences = [s for sents in prep.tgt_sentences for s in sents]
        words = sum(len(s.split()) for s in sentences)
        lines = work / "spa.txt"
        lines.write_text("\n".join(" ".join(s.split()) for s in sentences) + "\n", encoding="utf-8")
        tq = [sys.executable, "-m", "tqcheck"]
        check = [*tq, "check", str(src), str(tgt), "--engine", "apertium", "-q", "-f", "json",
                 "-o", str(work / "r.json")]
        cache = work / "cache.sqlite3"
        raw = timing.Command("raw engine: one `apertium -u spa-eng` call", ["apertium", "-u", "spa-eng"],
                             lines, ok=(0,))
        cold = timing.Command("`tqcheck check --no-cache`", [*check, "--no-cache"])
        warm = timing.Command("`tqcheck check`, cached re-run", [*check, "--cache", str(cache)])
        helps = timing.Command("`tqcheck --help`", [*tq, "--help"], ok=(0,))
        commands = [raw, cold, warm, helps]
        timing.rounds(commands, args.repeat)
        cached_share = timing.ratio(warm, cold)
        print(f"FLORES-200 dev en→es as one article: {len(prep.source.passages)} source passages, "
              f"{len(sentences)} Spanish sentences, {words:,} words; Apertium; median of "
              f"{args.repeat} rounds after a warm-up\n")
        print(timing.table(commands, raw, {
            "check / raw engine": f"{timing.ratio(cold, raw):.2f}×",
            "cached re-run / first run": f"{cached_share:.1%}",
        }))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
