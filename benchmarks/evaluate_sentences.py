"""The sentence-level evaluation: MQM-typed perturbations of real human translations and
of the engine's own output, checked unit by unit, before and after the verdict.

    .venv/bin/python benchmarks/evaluate_sentences.py --split test           # the benchmark
    .venv/bin/python benchmarks/evaluate_sentences.py --root corpora/eval/sentences --sentences 15   # CI-sized

Seeded: the same arguments and split signature give the same table.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from suite import measure, split, units  # noqa: E402

import tqcheck  # noqa: E402
from tqcheck import verdict  # noqa: E402
from tqcheck.translate.registry import get_engine  # noqa: E402


def run(directions: list[str], split_name: str, n: int, seed: int, root: Path | None,
        cache: str | bool, apply_verdict: bool = True, words: bool = False
        ) -> tuple[list, dict]:  # type: ignore[type-arg]
    everything: list = []  # type: ignore[type-arg]
    signatures = {}
    for d in directions:
        us = units.build(d, split_name, n, seed, root, cache)
        units.check(us, d, cache, apply_verdict, words=words)
        if apply_verdict:
            src, tgt = d.split("-")
            st = verdict.status(src, tgt, get_engine("apertium", tgt, src, cache=False).info(tgt, src), words=words)
            signatures[f"verdict:{d}"] = st.signature
        everything += us
        lang = d.replace("en", "").strip("-")
        signatures[lang] = split.signature(split.load(lang, root))
    return everything, signatures


def signature_line(signatures: dict, split_name: str, n: int, seed: int, words: bool = False) -> str:
    sigs = ";".join(f"{lang}:{sig}" for lang, sig in sorted(signatures.items()))
    layer = "|words:on" if words else ""
    return (f"tqcheck-sentences:{tqcheck.__version__}|eval:{split_name}|sentences:{n}|seed:{seed}|"
            f"engine:apertium{layer}|{sigs}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=split.SPLITS, default="test")
    ap.add_argument("--sentences", type=int, default=150, help="sentences sampled per direction")
    ap.add_argument("--direction", action="append", choices=units.DIRECTIONS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--root", type=Path, help="corpora like ../shared/corpora, or a sample TSV folder")
    ap.add_argument("--cache", default=False, help="translation cache file to reuse between runs")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--words", action="store_true",
                    help="with the word layer and every check (--enable all), and the words verdict")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    directions = args.direction or list(units.DIRECTIONS)
    us, sigs = run(directions, args.split, args.sentences, args.seed, args.root, args.cache, words=args.words)
    result = measure.measure(us)
    sig = signature_line(sigs, args.split, args.sentences, args.seed, args.words)
    print(measure.table(result, f"sentence-level evaluation, {time.perf_counter() - started:.0f} s\nsignature: {sig}"))
    print(f"\nsignature: {sig}")
    if args.json:
        args.json.write_text(json.dumps({"signature": sig, "result": result}, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
