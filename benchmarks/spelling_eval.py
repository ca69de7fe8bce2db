"""The spelling check on clean professional translations, per language: false flags per 100
passages, and recall on a seeded misspelling (benchmarks/perturb.py `misspell`).

    .venv/bin/python benchmarks/spelling_eval.py --split test              # the table
    .venv/bin/python benchmarks/spelling_eval.py --split train --show --langs ca,fr

Articles: every document of NTREX-128, FLORES-200 dev and TICO-19 in that language whose
suite split (benchmarks/suite/split.py) is `--split`, laid out as in evaluate.py, checked
with `--engine none` and the spelling check alone. A finding is one passage flagged; every
finding on a clean article is a false flag, unless all its words are real misspellings of
the reference itself, checked by hand (benchmarks/reference_errors.tsv): those are
counted apart, as found errors. `--show` prints each with its passage, to
look at root causes (train/dev only: the test split is for the figures).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import corpus
import evaluate
from perturb import PERTURBATIONS
from suite.split import split_of

sys.path.insert(0, str(corpus.REPO))
from tqcheck.pipeline import CheckOptions, check_pairs  # noqa: E402
from tqcheck.result import Report  # noqa: E402

SOURCES = corpus.language_sources()


def articles(lang: str, split: str) -> list[corpus.Article]:
    return [a for load, code in SOURCES[lang] for a in load(code) if split_of(a.corpus, a.doc_id) == split]


def _changed(article: corpus.Article, at: tuple[int, ...]) -> str:
    src, tgt = evaluate.paragraphs(article)
    case = PERTURBATIONS["misspell"](src, tgt, random.Random(f"0:{article.doc_id}:misspell"), [])
    before, after = " ".join(tgt[at[0]]).split(), " ".join(case.tgt[at[0]]).split()
    return " ".join(f"{a} → {b}" for a, b in zip(before, after) if a != b)


def run(lang: str, split: str, seed: int, show: bool) -> dict:
    pool = articles(lang, split)
    cases = [("clean", a, *evaluate.paragraphs(a), ()) for a in pool]
    for a in pool:
        src, tgt = evaluate.paragraphs(a)
        case = PERTURBATIONS["misspell"](src, tgt, random.Random(f"{seed}:{a.doc_id}:misspell"), [])
        if case is not None:
            cases.append(("misspell", a, case.src, case.tgt, case.tgt_at))
    opts = CheckOptions(src_lang="en", tgt_lang=lang, engine="none", cache=False, enable=("spelling",))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (_, _, src, tgt, _) in enumerate(cases):
            paths.append((Path(tmp) / f"{k}.en.md", Path(tmp) / f"{k}.{lang}.md"))
            evaluate.write(src, paths[-1][0])
            evaluate.write(tgt, paths[-1][1])
        reports = check_pairs(paths, opts)
    known = corpus.reference_errors()
    passages = flags = reference = found = perturbed = 0
    for (kind, article, _, _, at), report in zip(cases, reports):
        if not isinstance(report, Report):
            raise SystemExit(f"{article.doc_id}: {report}")
        if kind == "misspell":
            perturbed += 1
            lines = {2 * i + 1 for i in at}
            hit = any(f.check == "spelling" for u in report.units if {p.line for p in u.target} & lines
                      for f in u.findings)
            found += hit
            if show and not hit:
                print(f"{lang} missed {article.corpus} {article.doc_id[-40:]}: {_changed(article, at)}")
            continue
        passages += len(report.units)
        for u in report.units:
            for f in u.findings:
                if evaluate.reference_error(f, known.get((article.corpus, article.name), frozenset())):
                    reference += 1
                    continue
                flags += 1
                if show:
                    print(f"{lang} {article.corpus} {article.doc_id[-40:]}: {f.message}\n"
                          f"  source      {u.source_text[:400]}\n  translation {u.target_text[:400]}\n")
    return {"lang": lang, "articles": len(pool), "passages": passages, "flags": flags, "reference": reference,
            "per_100": 100 * flags / max(1, passages), "raw_per_100": 100 * (flags + reference) / max(1, passages),
            "misspelt": perturbed,
            "recall": found / max(1, perturbed)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "dev", "test"], default="test")
    ap.add_argument("--langs", default=",".join(SOURCES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print each false flag with its passage")
    args = ap.parse_args(argv)
    rows = [run(lang, args.split, args.seed, args.show) for lang in args.langs.split(",")]
    print(f"spelling on clean professional translations ({args.split} documents of NTREX-128, "
          f"FLORES-200 dev, TICO-19), engine none, seed {args.seed}\n")
    print("| lang | articles | passages | flags | real errors of the reference | false flags | "
          "false flags / 100 passages | all flags / 100 | misspelt cases | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['lang']} | {r['articles']} | {r['passages']} | {r['flags'] + r['reference']} | "
              f"{r['reference']} | {r['flags']} | {r['per_100']:.2f} | {r['raw_per_100']:.2f} | "
              f"{r['misspelt']} | {r['recall']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
