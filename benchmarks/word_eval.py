"""Sentence-level evaluation of the word layer: perturb one word of real human
translations and count what tqcheck flags, before (passage checks only) and after (the
word layer), in the same run.

    .venv/bin/python benchmarks/word_eval.py                 # test split, all directions
    .venv/bin/python benchmarks/word_eval.py --limit 100 --pairs en-es
    .venv/bin/python benchmarks/word_eval.py --calibrate     # word-order ceilings (train)
    .venv/bin/python benchmarks/word_eval.py --limit 150 --verdict   # and the verdict's flags

Sentences: FLORES-200 dev and NTREX-128 (English originals, professional translations),
both directions of en↔es and en↔ca (X→en uses the human Spanish/Catalan as the source
and the English original as the "translation"). Split by document with `split_of`.
Perturbations of the translation, one per case: drop one content word, add one
(an adjective from another sentence, next to a noun it agrees with), replace one by its
WordNet antonym (through the Apertium dictionary for es/ca, inflected like the word it
replaces by the language's Apertium generator), scramble the word order,
leave one dictionary-linked word in the source language. Back-translation: Apertium.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import random
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace

import corpus
from suite.split import split_of as suite_split_of

sys.path.insert(0, str(corpus.REPO))
from tqcheck import calibrate, lexicon  # noqa: E402
from tqcheck.align.words import align_words, fold  # noqa: E402
from tqcheck.checks import CHECKS, Context, build_checks, run_checks  # noqa: E402
from tqcheck.checks.grammar import disagreement  # noqa: E402
from tqcheck.lexicon import antonyms  # noqa: E402
from tqcheck.lexicon.apertium import ApertiumLexicon, mode_for_language  # noqa: E402
from tqcheck.model import AlignedUnit, Passage, Severity  # noqa: E402
from tqcheck.score import Scorer  # noqa: E402
from tqcheck.translate.apertium import ApertiumEngine  # noqa: E402

from tqcheck.verdict.wordfeatures import WORD_CHECKS  # noqa: E402
# The checks that read the word layer, and only run with it.
LAYER = frozenset(c for c, cls in CHECKS.items() if getattr(cls, "uses_words", False))
PERTURBATIONS = ("drop_word", "add_word", "antonym", "scramble", "untranslated_word")
TARGETS = {"drop_word": 0.6, "add_word": 0.6, "antonym": 0.6, "scramble": 0.6,
           "untranslated_word": 0.9}
OVERRIDES: dict[str, float] = {}  # --set name=value, to explore thresholds on train/dev
MAX_CLEAN_FLAGGED = 2.0  # per 100 clean sentences
PAIRS = ("en-es", "es-en", "en-ca", "ca-en")
CORPUS_CODE = {"es": "spa", "ca": "cat"}


def split_of(doc_id: str) -> str:
    """train / dev / test (60/20/20) by a hash of the document id: every sentence of a
    document lands in the same split, on every machine, whatever else is loaded."""
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if h < 6 else "dev" if h < 8 else "test"


def sentence_pairs(pair: str, split: str, suite_split: bool = False) -> list[tuple[str, str, str]]:
    """(doc_id, source, translation) of one direction and split. `suite_split`: only the
    documents the sentence suite (benchmarks/suite/split.py, on which the verdict is
    trained) puts in the same split too, so the verdict never saw them."""
    src, tgt = pair.split("-")
    other = tgt if src == "en" else src
    code = CORPUS_CODE[other]
    out = []
    for articles in (corpus.flores_articles(code), corpus.ntrex_articles(code)):
        for a in articles:
            if split_of(a.doc_id) != split or (suite_split and suite_split_of(a.corpus, a.doc_id) != split):
                continue
            for e, x in zip(a.src_sentences, a.tgt_sentences):
                if e.strip() and x.strip():
                    out.append((a.doc_id, e, x) if src == "en" else (a.doc_id, x, e))
    return out


MEANING = ("n", "vblex", "adj")
# The target language's Apertium generator: replacements take the form of the word they
# replace (a finite verb stays finite, a feminine adjective feminine).
GENERATORS = {lang: next(iter(sorted(glob.glob(f"/usr/share/apertium/apertium-eng-{code}/eng-{code}.autogen.bin"))), None)
              for lang, code in (("es", "spa"), ("ca", "cat"))}


def _replace(text: str, w, new: str) -> str:
    return " ".join((text[: w.start] + new + text[w.end:]).split())


def perturb(kind: str, src_words, tgt_words, text: str, rng: random.Random, ctx) -> str | None:
    content = [w for w in tgt_words if w.pos in MEANING and w.lemma not in lexicon.grammar_lemmas(ctx["tgt"])]
    if len(tgt_words) < 6 or not content:
        return None
    if kind == "drop_word":
        return _replace(text, rng.choice(content), "")
    if kind == "add_word":
        nouns = [w for w in tgt_words if w.pos == "n"]
        if not nouns or not ctx["donors"]:
            return None
        n = rng.choice(nouns)
        # An added adjective agrees with its noun, as an engine's would.
        fitting = [d for d, tags in ctx["donors"] if not disagreement(tags, n.tags)]
        if not fitting:
            return None
        extra = rng.choice(fitting)
        if fold(extra) in fold(text):
            return None
        at = n.start if ctx["tgt"] == "en" else n.end
        return " ".join((text[:at] + (f"{extra} " if ctx["tgt"] == "en" else f" {extra}") + text[at:]).split())
    if kind == "antonym":
        options = []
        for w in content:
            for a in ([w.lemma] if ctx["tgt"] == "en" else w.translations):
                for b in sorted(antonyms.table().get(a, ())):
                    new = b if ctx["tgt"] == "en" else ctx["inflect"](ctx["to_tgt"](b, w.pos), w)
                    if new and (ctx["tgt"] != "en" or w.text.lower() == w.lemma):
                        options.append((w, new))
        if not options:
            return None
        w, new = rng.choice(options)
        return _replace(text, w, new.capitalize() if w.text[:1].isupper() else new)
    if kind == "scramble":
        tokens = text.rstrip(".!?").split()
        end = text[len(text.rstrip(".!?")):]
        for _ in range(5):
            shuffled = tokens[:]
            rng.shuffle(shuffled)
            if shuffled != tokens:
                return " ".join(shuffled) + end
        return None
    if kind == "untranslated_word":
        wa = align_words(src_words, tgt_words, "", src_lang=ctx["src"], tgt_lang=ctx["tgt"], dictionary=True)
        links = [lk for lk in wa.links if lk.how == "dictionary" and src_words[lk.src].pos in MEANING
                 and fold(src_words[lk.src].text) != fold(tgt_words[lk.tgt].text)]
        if not links:
            return None
        lk = rng.choice(links)
        s, t = src_words[lk.src], tgt_words[lk.tgt]
        new = s.text.lower() if not t.text[:1].isupper() else s.text[:1].upper() + s.text[1:]
        return _replace(text, t, new)
    raise ValueError(kind)


def build(pair: str, split: str, limit: int, seed: int, suite_split: bool = False, mt: bool = False):
    """Clean and perturbed cases of one direction and split. `mt`: the engine's own forward
    translation of each source stands in for the human one (MT-like clean units, the
    sentence suite's second kind), perturbed the same way."""
    src, tgt = pair.split("-")
    rows = sentence_pairs(pair, split, suite_split)
    rng = random.Random(f"{seed}:{pair}:{split}")
    rng.shuffle(rows)
    rows = rows[:limit]
    if mt:
        forward = ApertiumEngine().translate_batch([r[1] for r in rows], src, tgt)
        rows = [(d, s, t) for (d, s, _), t in zip(rows, forward) if t.strip()]
    lex = lexicon.start([r[1] for r in rows], [r[2] for r in rows], src, tgt).result()
    train_tgt = [r[2] for r in sentence_pairs(pair, "train")[:300]]
    donor_words = lexicon.backend_for(tgt, src).start(train_tgt).result()
    donors = sorted({(w.text.lower(), w.tags) for ws in donor_words for w in ws if w.pos == "adj" and len(w.text) > 4})
    to_tgt_lex = ApertiumLexicon("en", tgt, *mode_for_language("en", tgt)) if tgt != "en" else None
    memo: dict[tuple[str, str], str | None] = {}

    def to_tgt(word: str, pos: str) -> str | None:
        if (word, pos) not in memo:
            got = to_tgt_lex.lookup([f"{word}<{pos}>"]) if to_tgt_lex else {}
            memo[(word, pos)] = next(iter(got.get((word, pos), ())), None)
        return memo[(word, pos)]

    gen = GENERATORS.get(tgt)
    made: dict[str, str | None] = {}

    def inflect(lemma: str | None, like) -> str | None:
        """`lemma` in the form of the word it replaces (its tags), by the language's
        Apertium generator; None where the generator has no such form."""
        if not lemma or not gen:
            return None
        key = f"^{lemma}<{like.pos}>" + "".join(f"<{t}>" for t in like.tags) + "$"
        if key not in made:
            out = subprocess.run(["lt-proc", "-g", gen], input=key, capture_output=True, text=True).stdout.strip()
            made[key] = None if not out or "#" in out or "<" in out else out
        return made[key]

    ctx = {"src": src, "tgt": tgt, "donors": donors, "to_tgt": to_tgt, "inflect": inflect}
    cases = []  # (kind, source, translation, document)
    for k, (doc, s, t) in enumerate(rows):
        cases.append(("clean", s, t, doc))
        for kind in PERTURBATIONS:
            got = perturb(kind, lex.src_words[k], lex.tgt_words[k], t, rng, ctx)
            if got and got != t:
                cases.append((kind, s, got, doc))
    return cases


def evaluate(pair: str, cases, *, with_words: bool, skip: tuple[str, ...] = ()):
    src, tgt = pair.split("-")
    engine = ApertiumEngine()
    back = engine.translate_batch([c[2] for c in cases], tgt, src)
    t0 = time.perf_counter()
    lex = lexicon.start([c[1] for c in cases], [c[2] for c in cases], src, tgt).result() if with_words else None
    scores, _ = Scorer(ter=False).score(back, [c[1] for c in cases])
    info = engine.info(tgt, src)
    cal = calibrate.find(src, tgt, info.name, info.model)
    thresholds = {**calibrate.DEFAULTS, **(cal.thresholds if cal else {}), **OVERRIDES}
    ids = [c for c in CHECKS if (with_words or c not in WORD_CHECKS) and c not in skip]
    checks = build_checks(ids)
    out = []
    for k, (kind, s, t, _) in enumerate(cases):
        u = AlignedUnit(0, "1-1", (Passage(0, s, 1, sentences=(s,), lang=src),),
                        (Passage(0, t, 1, sentences=(t,), lang=tgt),), back[k], scores[k],
                        back_sentences=(back[k],))
        if lex is not None:
            u = replace(u, words=align_words(lex.src_words[k], lex.tgt_words[k], back[k],
                                             src_lang=src, tgt_lang=tgt, dictionary=lex.src_dictionary))
        ctx = Context(src, tgt, scores[k].chrf or 0.0, thresholds, engine=info.name,
                      lexicon_src=lex.src_backend if lex else None,
                      lexicon_tgt=lex.tgt_backend if lex else None,
                      dictionary=bool(lex and lex.src_dictionary))
        found = [f for f in run_checks(u, checks, ctx) if f.severity.rank >= Severity.WARNING.rank]
        out.append((kind, found, u))
    return out, time.perf_counter() - t0


def judged(pair: str, split: str, cases, *, words: bool, decide: bool = True):
    """The cases checked the suite's way (tqcheck.verdict.training.check: each document's
    clean sentences make its article) and decided by the verdict at its sentence
    operating point: the words model with the word layer, the plain one without.
    `decide=False`: as `tqcheck check --enable all` without a calibration (the words model
    confirms the word checks' findings, the other checks flag as they do).
    Flagged: a finding at warning or above after the verdict (a likely-error included)."""
    from tqcheck import verdict
    from tqcheck.verdict.training import Item, check

    src, tgt = pair.split("-")
    items, index = [], -1
    for kind, s, t, doc in cases:
        index += kind == "clean"
        items.append(Item(pair, split, doc, index, "human", kind, s, t))
    engine = ApertiumEngine()
    st = verdict.status(src, tgt, engine.info(tgt, src), words=words)
    check(items, engine, st, words=words, decide=decide)
    out = [(u.kind, [f for f in u.checked.findings if f.severity.rank >= Severity.WARNING.rank], u.checked)
           for u in items]
    return out, st.signature


def table(pair: str, before, after, extra=()) -> list[str]:
    """`extra`: more (header, results) columns, e.g. the verdict's."""
    heads = "".join(f" {h} |" for h, _ in extra)
    lines = [f"\n{pair}", f"| case | n | flagged before | flagged after | by word checks |{heads} target |",
             "|---|---:|---:|---:|---:|" + "---:|" * len(extra) + "---:|"]
    for kind in ("clean", *PERTURBATIONS):
        b = [bool(f) for k, f, _ in before if k == kind]
        a = [bool(f) for k, f, _ in after if k == kind]
        w = [any(x.check in LAYER for x in f) for k, f, _ in after if k == kind]
        n = len(a)
        if not n:
            continue
        unit = "/100" if kind == "clean" else ""
        scale = 100 if kind == "clean" else 1
        fmt = (lambda v: f"{v * scale:.1f}{unit}") if kind == "clean" else (lambda v: f"{v:.2f}")
        tgt = f"≤ {MAX_CLEAN_FLAGGED:g}/100" if kind == "clean" else f"≥ {TARGETS[kind]:.2f}"
        more = "".join(f" {fmt(sum(bool(f) for k, f, _ in res if k == kind) / n)} |" for _, res in extra)
        lines.append(f"| {kind} | {n} | {fmt(sum(b) / n)} | {fmt(sum(a) / n)} | {fmt(sum(w) / n)} |{more} {tgt} |")
    by_check: dict[str, int] = defaultdict(int)
    for k, f, _ in after:
        if k == "clean":
            for c in {x.check for x in f}:
                by_check[c] += 1
    lines.append("clean flags by check (after): " + ", ".join(f"{c} {n}" for c, n in sorted(by_check.items())))
    return lines


def calibrate_order(pair: str, limit: int, seed: int) -> None:
    from tqcheck.checks.wordforms import crossing
    cases = [c for c in build(pair, "train", limit, seed) if c[0] == "clean"]
    res, _ = evaluate(pair, cases, with_words=True)
    xs = sorted(crossing([(lk.src, lk.tgt) for lk in u.words.links]) for _, _, u in res
                if len(u.words.links) >= 5)
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]  # noqa: E731
    print(f"{pair}: {len(xs)} clean train sentences; crossing p95 {q(.95):.3f} p98 {q(.98):.3f} p99 {q(.99):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int, default=200, help="sentences per direction")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--show", default="", help="print the findings of this case kind")
    ap.add_argument("--set", action="append", default=[], help="threshold name=value")
    ap.add_argument("--skip", action="append", default=[],
                    help="leave this check out of the word layer (an ablation: before/after a check)")
    ap.add_argument("--verdict", action="store_true",
                    help="also the verdict's flags (likely-error included), without and with the word layer; "
                         "only documents the sentence suite's split puts in --split too (the verdict's training "
                         "never saw them)")
    args = ap.parse_args()
    OVERRIDES.update({k: float(v) for k, v in (x.split("=") for x in args.set)})
    for pair in args.pairs.split(","):
        if args.calibrate:
            calibrate_order(pair, args.limit, args.seed)
            continue
        cases = build(pair, args.split, args.limit, args.seed, args.verdict)
        before, _ = evaluate(pair, cases, with_words=False)
        after, secs = evaluate(pair, cases, with_words=True)
        extra, sigs = [], []
        if args.skip:
            without, _ = evaluate(pair, cases, with_words=True, skip=tuple(args.skip))
            extra.append((f"after without {'+'.join(args.skip)}", without))
        if args.verdict:
            for words, decide, head in ((False, True, "verdict"), (True, True, "verdict + words"),
                                        (True, False, "check --enable all")):
                res, sig = judged(pair, args.split, cases, words=words, decide=decide)
                extra.append((head, res))
                sigs.append(f"{head}: {sig}")
        print("\n".join(table(pair, before, after, extra)))
        if sigs:
            print("verdict files: " + "; ".join(sigs))
        if args.show:
            for (kind, f, u) in after:
                if kind == args.show:
                    print("-", u.target_text[:150], "|", [(x.check, x.message[:90]) for x in f])


if __name__ == "__main__":
    main()
