"""Word-level check tables on real analyses: each case runs the real lexicon (Apertium's
data, or wordfreq) and the real Apertium back-translation, then one check."""
from __future__ import annotations

from functools import lru_cache

from tqcheck import lexicon
from tqcheck.align.wordlayer import context
from tqcheck.align.words import align_words
from tqcheck.checks import CHECKS, Context
from tqcheck.model import AlignedUnit, Finding, Passage, Scores
from tqcheck.translate.apertium import ApertiumEngine, mode_for


@lru_cache(maxsize=256)
def word_unit(source: str, target: str, pair: str) -> tuple[AlignedUnit, Context]:
    src, tgt = pair.split("-")
    back = ApertiumEngine().translate_batch([target], tgt, src)[0] if mode_for(tgt, src) else ""
    lex = lexicon.start([source], [target], src, tgt).result()
    wa = align_words(lex.src_words[0], lex.tgt_words[0], back, src_lang=src, tgt_lang=tgt,
                     dictionary=lex.src_dictionary)
    u = AlignedUnit(0, "1-1", (Passage(0, source, 1, lang=src),), (Passage(0, target, 1, lang=tgt),),
                    back, Scores(chrf=60.0), back_sentences=(back,), words=wa)
    return u, Context(src, tgt, 60.0, {}, **context(lex))


def word_findings(check_id: str, source: str, target: str, pair: str = "en-es") -> list[Finding]:
    u, ctx = word_unit(source, target, pair)
    check = CHECKS[check_id]()
    assert check.unavailable(ctx) is None, check.unavailable(ctx)
    return check.run(u, ctx)


def fails(check_id: str, source: str, target: str, pair: str = "en-es") -> bool:
    return bool(word_findings(check_id, source, target, pair))


def passes(check_id: str, source: str, target: str, pair: str = "en-es") -> bool:
    return not fails(check_id, source, target, pair)
