"""The word layer's one step in the pipeline: analyse both sides (started before the
engine runs, so the two overlap) and attach a WordAlignment to every paired unit."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tqcheck import lexicon
from tqcheck.align.words import align_words, unit_words
from tqcheck.model import AlignedUnit, Document


def start(source: Document, translation: Document, src_lang: str, tgt_lang: str
          ) -> lexicon.PendingLexical:
    return lexicon.start([p.text for p in source.passages], [p.text for p in translation.passages],
                         src_lang, tgt_lang)


PendingLexical = lexicon.PendingLexical


def context(lex: lexicon.Lexical) -> dict[str, object]:
    """The Context fields that tell checks which lexicons exist (see Check.unavailable)."""
    return {"lexicon_src": lex.src_backend, "lexicon_tgt": lex.tgt_backend,
            "dictionary": lex.src_dictionary}


def attach(units: Sequence[AlignedUnit], lex: lexicon.Lexical) -> list[AlignedUnit]:
    """Units with `.words` set where both sides have words to align."""
    if lex.src_backend is None or lex.tgt_backend is None:
        return list(units)
    out = []
    for u in units:
        if not u.source or not u.target:
            out.append(u)
            continue
        wa = align_words(unit_words(u.source, lex.src_words), unit_words(u.target, lex.tgt_words),
                         u.back_translation, src_lang=lex.src_lang, tgt_lang=lex.tgt_lang,
                         dictionary=lex.src_dictionary)
        out.append(replace(u, words=wa))
    return out
