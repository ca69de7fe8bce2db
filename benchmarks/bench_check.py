"""Benchmark `tqcheck check` against the raw engine on the same sentences, in one run.

    .venv/bin/python benchmarks/bench_check.py [--sentences 997] [--repeat 5]
    .venv/bin/python benchmarks/bench_check.py --lang pt     # a pivot route: pt→es→en

The article is all of FLORES-200 dev en→es (997 sentences, the split in ../shared/corpora)
as one article. Each round runs, in turn: one raw `apertium -u spa-eng` call on the
sentences tqcheck sends to the engine, `tqcheck check --no-cache`, a cached re-run of the
same command, and `tqcheck --help`, each as a new process, as a user runs them. Prints one
Markdown table of medians with the round-by-round ratio to the raw engine.

With --lang pt or fr the translation has no direct Apertium pair into English and is
checked through the route tqcheck picks (pt-es then spa-eng): the raw engine is then one
`apertium -u MODE` call per leg, the second fed the first one's output, and their sum
is what the check is compared with.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import timing  # noqa: E402

from tqcheck.pipeline import CheckOptions, prepare  # noqa: E402
from tqcheck.translate.apertium import mode_for  # noqa: E402
from tqcheck.translate.registry import get_engine  # noqa: E402

FLORES = {"es": "spa", "pt": "por", "fr": "fra", "ca": "cat"}


def flores_article(limit: int, lang: str = "es") -> corpus.Article:
    docs = corpus.flores_articles(FLORES[lang])
    src = tuple(s for d in docs for s in d.src_sentences)[:limit]
    tgt = tuple(s for d in docs for s in d.tgt_sentences)[:limit]
    return corpus.Article("flores200-dev-all", "flores200-dev", "en", lang, src, tgt)


def route_modes(src: str, tgt: str) -> list[str]:
    """The Apertium modes of the route tqcheck takes from src to tgt, in order."""
    engine = get_engine("apertium", src, tgt, cache=False)
    legs = getattr(engine, "legs", None)
    return [mode_for(leg.src, leg.tgt) or "" for leg in legs] if legs else [mode_for(src, tgt) or ""]


def raw_legs(modes: list[str], lines: Path) -> list[timing.Command]:
    """One raw command per leg, each fed what the previous leg made of the sentences."""
    out = []
    for k, mode in enumerate(modes):
        out.append(timing.Command(f"raw engine, leg {k + 1}: one `apertium -u {mode}` call",
                                  ["apertium", "-u", mode], lines, ok=(0,)))
        if k + 1 < len(modes):
            nxt = lines.with_name(f"leg{k + 1}.txt")
            with lines.open("rb") as fin, nxt.open("wb") as fout:
                subprocess.run(["apertium", "-u", mode], stdin=fin, stdout=fout, check=True)
            lines = nxt
    return out


def summed(legs: list[timing.Command]) -> timing.Command:
    """The legs as one raw engine: per round, the sum of their walls."""
    total = timing.Command("raw engine: " + " + ".join(f"`{' '.join(c.argv[1:])}`" for c in legs) + " (sum)", [])
    for runs in zip(*(c.runs for c in legs)):
        total.runs.append({"wall": sum(r["wall"] for r in runs),
                           "maxrss_kib": max(r["maxrss_kib"] for r in runs),
                           "tree_kib": max(r["tree_kib"] for r in runs)})
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=997, help="first N sentences of FLORES dev")
    ap.add_argument("--repeat", type=int, default=5, help="counted rounds (after one warm-up)")
    ap.add_argument("--lang", choices=sorted(FLORES), default="es",
                    help="translation language; pt and fr go through a pivot route")
    args = ap.parse_args()
    if shutil.which("apertium") is None:
        sys.exit("apertium is not installed")
    work = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
    try:
        article = flores_article(args.sentences, args.lang)
        src, tgt = corpus.write_pair(article, work, name="flores")
        prep = prepare(src, tgt, CheckOptions(src_lang="en", tgt_lang=args.lang))
        sentences = [s for sents in prep.tgt_sentences for s in sents]
        words = sum(len(s.split()) for s in sentences)
        lines = work / "spa.txt"
        lines.write_text("\n".join(" ".join(s.split()) for s in sentences) + "\n", encoding="utf-8")
        tq = [sys.executable, "-m", "tqcheck"]
        check = [*tq, "check", str(src), str(tgt), "--engine", "apertium", "-q", "-f", "json",
                 "-o", str(work / "r.json")]
        cache = work / "cache.sqlite3"
        legs = raw_legs(route_modes(args.lang, "en"), lines)
        cold = timing.Command("`tqcheck check --no-cache`", [*check, "--no-cache"])
        warm = timing.Command("`tqcheck check`, cached re-run", [*check, "--cache", str(cache)])
        helps = timing.Command("`tqcheck --help`", [*tq, "--help"], ok=(0,))
        timing.rounds([*legs, cold, warm, helps], args.repeat)
        raw = legs[0] if len(legs) == 1 else summed(legs)
        commands = [*legs, *([raw] if len(legs) > 1 else []), cold, warm, helps]
        cached_share = timing.ratio(warm, cold)
        print(f"FLORES-200 dev en→{args.lang} as one article: {len(prep.source.passages)} source passages, "
              f"{len(sentences)} translation sentences, {words:,} words; Apertium "
              f"{' then '.join(c.argv[-1] for c in legs)}; median of {args.repeat} rounds after a warm-up\n")
        print(timing.table(commands, raw, {
            "check / raw engine": f"{timing.ratio(cold, raw):.2f}×",
            "cached re-run / first run": f"{cached_share:.1%}",
        }))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
