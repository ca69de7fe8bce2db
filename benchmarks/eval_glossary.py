"""Key terms on a glossary test set made from real data: every violated term flagged, no
respected one.

    .venv/bin/python benchmarks/eval_glossary.py [--articles 40]

Terms: content words of NTREX-128 English paragraphs, translated word by word by
Apertium (eng-spa); a term is kept where its translation really is in the professional
Spanish paragraph (case-insensitive, any inflection): that paragraph respects it. Each
kept term then makes three cases on its own paragraph: respected (the human translation),
violated (its translation replaced by another term's translation) and forbidden (a word
listed in the glossary's forbidden column put in its place). Documents held out from
calibration only, seeded.
"""
from __future__ import annotations

import argparse
import random
import re
import sys

import corpus
from evaluate import HELD_OUT_FOR_CALIBRATION, paragraphs

sys.path.insert(0, str(corpus.REPO))
from tqcheck.checks import CHECKS, Context  # noqa: E402
from tqcheck.glossary import Glossary, Term, find  # noqa: E402
from tqcheck.lang import get as language  # noqa: E402
from tqcheck.model import AlignedUnit, Passage  # noqa: E402
from tqcheck.translate.registry import get_engine  # noqa: E402

FUNCTION = language("es").function_words
STOP = set("about after again against also among another because before being between could during "
           "every first other their there these those through under until where which while would "
           "people years today think still since said says".split())


def flagged(term: Term, src: str, tgt: str) -> bool:
    unit = AlignedUnit(0, "1-1", (Passage(0, src, 1),), (Passage(0, tgt, 1),))
    return bool(CHECKS["key-term"]().run(unit, Context("en", "es", glossary=Glossary("test", (term,)))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-v", action="store_true", help="print the violated terms not flagged")
    args = ap.parse_args()
    pool = corpus.ntrex_articles("spa")[:-HELD_OUT_FOR_CALIBRATION]
    rng = random.Random(args.seed)
    pairs = [(" ".join(s), " ".join(t)) for a in rng.sample(pool, min(args.articles, len(pool)))
             for s, t in zip(*paragraphs(a))]
    words = sorted({w.lower() for s, _ in pairs for w in re.findall(r"[a-z]{5,}", s) if w.lower() not in STOP})
    engine = get_engine("apertium", "en", "es", cache=False)
    translated = dict(zip(words, engine.translate_batch(words, "en", "es")))
    cases = []  # (term, source paragraph, respected target)
    seen = set()
    for src, tgt in pairs:
        for w in sorted({w.lower() for w in re.findall(r"[a-z]{5,}", src)} & set(words)):
            es = translated[w].strip().lower()
            if w in seen or not es or "*" in es or " " in es or es == w or es in FUNCTION:
                continue
            hit = find(es, tgt, "es")
            if hit and find(w, src, "en"):
                seen.add(w)
                cases.append((w, es, src, tgt, hit))
    others = [c[1] for c in cases]
    results = {"respected": [0, 0], "violated": [0, 0], "forbidden": [0, 0]}
    for w, es, src, tgt, hit in cases:
        wrong = next(o for o in rng.sample(others, len(others)) if not find(o, tgt, "es") and o != es)
        term = Term(w, (es,), ("zzplaceholder",))
        results["respected"][0] += flagged(term, src, tgt)
        results["respected"][1] += 1
        broken = tgt
        for _ in range(5):  # every inflection of the term in the paragraph
            found = find(es, broken, "es")
            if not found:
                break
            broken = re.sub(rf"(?<!\w){re.escape(found)}(?!\w)", wrong, broken)
        got = flagged(Term(w, (es,)), src, broken)
        results["violated"][0] += got
        if not got and "-v" in sys.argv:
            print("MISS", w, es, hit, "->", wrong, "| still:", find(es, broken, "es"))
        results["violated"][1] += 1
        results["forbidden"][0] += flagged(Term(w, (es, wrong), (hit,)), src, tgt)
        results["forbidden"][1] += 1
    print(f"glossary test set: NTREX-128 en→es, {args.articles} articles, {len(cases)} terms, seed {args.seed}\n")
    print("| case | terms | flagged | target |\n|---|---:|---:|---|")
    for name, (hits, n) in results.items():
        target = "none" if name == "respected" else "all"
        print(f"| {name} | {n} | {hits} ({hits / max(1, n):.1%}) | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
