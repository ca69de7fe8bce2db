"""False flags on clean human translations: every finding on an unperturbed NTREX-128 pair.

    .venv/bin/python benchmarks/false_flags.py --pair ca --docs calibration   # the table
    .venv/bin/python benchmarks/false_flags.py --pair es --docs evaluation --show
    .venv/bin/python benchmarks/false_flags.py --pair pt-en --split dev --check numbers --show
    .venv/bin/python benchmarks/false_flags.py --pair en-ar --engine none --split train --show
    .venv/bin/python benchmarks/false_flags.py --pair es --split dev --words --show   # with the word layer

`--docs evaluation` are the documents benchmarks/evaluate.py perturbs; `--docs
calibration` the 60 it holds out (they made the shipped calibration, so low-score is
tuned on them, but nothing else is); `--split` the NTREX documents of one split of the
sentence suite (tune on train and dev, report on test). Articles are laid out as in
evaluate.py, with its pairs (pt-en: the Portuguese translation checked as the source).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import corpus
import evaluate

sys.path.insert(0, str(corpus.REPO))
from tqcheck.model import Severity  # noqa: E402
from tqcheck.pipeline import CheckOptions, check_pairs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pair", choices=evaluate.PAIRS, default="es")
    ap.add_argument("--docs", choices=["evaluation", "calibration"], default="calibration")
    ap.add_argument("--split", choices=["train", "dev", "test"], help="instead of --docs")
    ap.add_argument("--engine", default="apertium", help="apertium, none, …")
    ap.add_argument("--check", action="append", help="only the findings of this check (repeatable)")
    ap.add_argument("--cache", type=Path, help="translation cache to reuse between runs")
    ap.add_argument("--show", action="store_true", help="print each false flag with its passage")
    ap.add_argument("--words", action="store_true", help="with the word layer: every check (--enable all)")
    args = ap.parse_args(argv)
    src_lang, tgt_lang = evaluate.parse_pair(args.pair)
    if args.split:
        articles = evaluate.articles_for(args.pair, split=args.split)
    else:
        pool = evaluate.articles_for(args.pair)
        full = corpus.ntrex_articles(evaluate.CODES[tgt_lang if src_lang == "en" else src_lang])
        held = full[-evaluate.HELD_OUT_FOR_CALIBRATION:]
        articles = ([a if src_lang == "en" else a.reversed() for a in held]
                    if args.docs == "calibration" else pool)
    opts = CheckOptions(src_lang=src_lang, tgt_lang=tgt_lang, engine=args.engine,
                        cache=str(args.cache) if args.cache else False,
                        **({"enable": ("all",)} if args.words else {}))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, article in enumerate(articles):
            src, tgt = evaluate.paragraphs(article)
            paths.append((Path(tmp) / f"{k}.{src_lang}.md", Path(tmp) / f"{k}.{tgt_lang}.md"))
            evaluate.write(src, paths[-1][0])
            evaluate.write(tgt, paths[-1][1])
        reports = check_pairs(paths, opts)
    by_check: Counter[str] = Counter()
    passages = 0
    for article, report in zip(articles, reports):
        passages += len(report.units)
        for u in report.units:
            for f in u.findings:
                if f.severity is Severity.INFO or (args.check and f.check not in args.check):
                    continue  # information flags nothing (as in evaluate.py)
                by_check[f.check] += 1
                if args.show:
                    print(f"{article.doc_id} {f.check}: {f.message}\n  source      {u.source_text[:600]}\n"
                          f"  translation {u.target_text[:600]}\n")
    print(f"NTREX-128 {src_lang}→{tgt_lang}, {args.split or args.docs} documents: {len(articles)} articles, {passages} passages\n")
    print("| check | false flags | per 100 clean passages |\n|---|---:|---:|")
    for check, n in sorted(by_check.items()):
        print(f"| {check} | {n} | {100 * n / max(1, passages):.2f} |")
    total = sum(by_check.values())
    print(f"| all | {total} | {100 * total / max(1, passages):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
