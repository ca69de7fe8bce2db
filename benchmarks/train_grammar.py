"""Count the part-of-speech steps of professional human text, per Apertium tagger, for
the `grammar` check: tqcheck/lexicon/data/tagsteps-<mode>.json.

    .venv/bin/python benchmarks/train_grammar.py              # es ca en pt fr gl
    .venv/bin/python benchmarks/train_grammar.py --langs es

Text: every sentence of the documents that are in the train split of both the sentence
suite (benchmarks/suite/split.py) and word_eval.py, from FLORES-200 dev, NTREX-128 and
TICO-19; the operating point is chosen on the documents that either puts in dev and
neither in test. Test documents are never read here. The table records the signature
of the text it counted, and its operating point, chosen on dev text: the setting that
flags the most sentences with one word dropped while at most --rate (1%) of the clean
ones are flagged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import corpus  # noqa: E402
from suite.split import split_of as suite_split  # noqa: E402
from word_eval import split_of as word_split  # noqa: E402

from tqcheck.lexicon import tagseq  # noqa: E402
from tqcheck.lexicon.apertium import ApertiumLexicon, mode_for_language  # noqa: E402

SOURCES = corpus.language_sources()
ORDER = [corpus.flores_articles, corpus.ntrex_articles, corpus.tico_articles]
ENGLISH_FROM = "es"  # the English originals of the Spanish sets cover all three corpora
GRID_EXPECTED = (10.0, 20.0, 35.0, 50.0, 75.0, 100.0, 150.0)
PARTNERS = {"en": ("es", "ca"), "es": ("en",), "ca": ("en",), "pt": ("es",), "fr": ("es",), "gl": ("en",)}


def sentences(lang: str, split: str) -> list[str]:
    """train: the sentences of the documents both splits put in train. dev: those of the
    other documents that neither puts in test."""
    out: dict[str, None] = {}
    # The tagger's context runs across lines, so the order of the text is fixed too.
    for load, code in sorted(SOURCES[ENGLISH_FROM if lang == "en" else lang], key=lambda s: ORDER.index(s[0])):
        for a in load(code):
            both = (suite_split(a.corpus, a.doc_id), word_split(a.doc_id))
            if (both == ("train", "train")) == (split == "train") and "test" not in both:
                for s in (a.src_sentences if lang == "en" else a.tgt_sentences):
                    if s.strip():
                        out[s.strip()] = None
    return list(out)


def dropped(words, text: str, rng: random.Random) -> str | None:
    """`text` with one of its nouns, verbs or adjectives dropped (None: it has none)."""
    content = [w for w in words if w.pos in ("n", "vblex", "adj")]
    if not content:
        return None
    w = rng.choice(content)
    return " ".join((text[:w.start] + text[w.end:]).split())


def limit_at(table: tagseq.Table, clean: list, least: float, rate: float) -> float | None:
    """The highest surprise at which at most `rate` of the clean sentences are flagged
    (None: more than that take a step never seen at all)."""
    worst = sorted(w[0] if (w := table.worst_step(q, least)) else 1.0 for q in clean)
    allowed = int(rate * len(worst))
    if allowed >= len(worst) or worst[allowed] <= 0.0:
        return None
    return min(tagseq.MAX_SURPRISE, worst[allowed] * 0.999)


def operating_point(table: tagseq.Table, clean: list, broken: list, rate: float) -> tuple[float, float, float]:
    """(min_expected, max_surprise, share of `broken` flagged): the setting that flags the
    most dev sentences with a word dropped while flagging at most `rate` of the clean ones."""
    best = (tagseq.MIN_EXPECTED, 0.0, -1.0)
    for least in GRID_EXPECTED:
        limit = limit_at(table, clean, least, rate)
        if limit is None:
            continue
        hit = sum(1 for q in broken if (w := table.worst_step(q, least)) and w[0] <= limit) / max(1, len(broken))
        if hit > best[2]:
            best = (least, limit, hit)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="es,ca,en,pt,fr,gl")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=tagseq.DATA, help="folder for the tables (%(default)s)")
    ap.add_argument("--rate", type=float, default=0.01, help="share of dev sentences flagged (%(default)s)")
    args = ap.parse_args()
    args.out.mkdir(exist_ok=True)
    for lang in args.langs.split(","):
        texts, dev = sentences(lang, "train"), sentences(lang, "dev")
        signature = (f"train split, {len(texts)} sentences, sha256 "
                     + hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12])
        modes = {m for other in PARTNERS[lang] if (m := mode_for_language(lang, other))}
        for mode, _ in sorted(modes):
            lex = ApertiumLexicon(lang, "", mode, False)
            words = lex.start(texts).result()
            table = tagseq.count(mode, signature, [tagseq.sequence(ws, t) for ws, t in zip(words, texts)])
            dev_words = lex.start(dev).result()
            rng = random.Random(f"{args.seed}:{mode}")
            broken = [b for ws, t in zip(dev_words, dev) if (b := dropped(ws, t, rng))]
            clean = [tagseq.sequence(ws, t) for ws, t in zip(dev_words, dev)]
            broken_seqs = [tagseq.sequence(ws, t) for ws, t in zip(lex.start(broken).result(), broken)]
            least, limit, hit = operating_point(table, clean, broken_seqs, args.rate)
            # A passage of k sentences takes k chances: its limit is the one for rate / k.
            longer = [limit_at(table, clean, least, args.rate / k) for k in range(2, tagseq.LONGEST + 1)]
            table = replace(table, min_expected=least, max_surprise=round(limit, 5),
                            longer=tuple(round(x, 5) if x is not None else -1.0 for x in longer))
            path = args.out / tagseq.path_for(mode).name
            path.write_text(json.dumps(table.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{lang} {mode}: {len(texts)} sentences, {table.total} classes, "
                  f"{len(table.bigrams)} steps; on {len(dev)} dev sentences, at {args.rate:.1%} of them "
                  f"flagged: min expected {least:g}, max surprise {table.max_surprise} "
                  f"(passages of 2–{tagseq.LONGEST}+ sentences: {', '.join(map(str, table.longer))}), "
                  f"{hit:.0%} of them with a word dropped flagged → {path}")


if __name__ == "__main__":
    main()
