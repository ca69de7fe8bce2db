"""The word layer's one step in the pipeline: analyse both sides (started before the
engine runs, so the two overlap) and attach a WordAlignment to every paired unit."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tqcheck import lexicon
from tqcheck.align.words import WordAlignment, align_words, unit_words
from tqcheck.model import AlignedUnit, Document

if TYPE_CHECKING:
    from tqcheck.options import CheckOptions, Prepared


def start(source: Document, translation: Document, src_lang: str, tgt_lang: str
          ) -> lexicon.PendingLexical:
    return lexicon.start([p.text for p in source.passages], [p.text for p in translation.passages],
                         src_lang, tgt_lang)


PendingLexical = lexicon.PendingLexical


class Done:
    """An analysis already collected, in the shape analyse() takes."""

    def __init__(self, lex: lexicon.Lexical) -> None:
        self.lex = lex

    def result(self) -> lexicon.Lexical:
        return self.lex


class Batch:
    """The articles of one language pair analysed together: one process per side for the
    whole batch, started before the engine; `parts()` gives each article its share."""

    def __init__(self, docs: Sequence[tuple[Document, Document]], src_lang: str, tgt_lang: str) -> None:
        self.sizes = [(len(s.passages), len(t.passages)) for s, t in docs]
        self.pending = lexicon.start([p.text for s, _ in docs for p in s.passages],
                                     [p.text for _, t in docs for p in t.passages], src_lang, tgt_lang)

    def parts(self) -> list[Done]:
        lex = self.pending.result()
        out, a, b = [], 0, 0
        for ns, nt in self.sizes:
            out.append(Done(replace(lex, src_words=lex.src_words[a:a + ns] if lex.src_words else (),
                                    tgt_words=lex.tgt_words[b:b + nt] if lex.tgt_words else ())))
            a, b = a + ns, b + nt
        return out


def context(lex: lexicon.Lexical) -> dict[str, object]:
    """The Context fields that tell checks which lexicons exist (see Check.unavailable)."""
    return {"lexicon_src": lex.src_backend, "lexicon_tgt": lex.tgt_backend,
            "dictionary": lex.src_dictionary}


def attach(units: Sequence[AlignedUnit], lex: lexicon.Lexical) -> list[AlignedUnit]:
    """Units with `.words` set where both sides have words to align."""
    if lex.src_backend is None or lex.tgt_backend is None:
        return list(units)
    from tqcheck.parallel import split_map

    def one(u: AlignedUnit) -> WordAlignment | None:
        if not u.source or not u.target:
            return None
        return align_words(unit_words(u.source, lex.src_words), unit_words(u.target, lex.tgt_words),
                           u.back_translation, src_lang=lex.src_lang, tgt_lang=lex.tgt_lang,
                           dictionary=lex.src_dictionary)

    found = split_map(one, units, [u.size for u in units])
    return [u if wa is None else replace(u, words=wa) for u, wa in zip(units, found)]


# The pipeline's calls: start the analysis before the engine runs, attach it after.
def start_for(prep: Prepared, opts: CheckOptions) -> PendingLexical | None:
    """Start the lexical analysis of both sides (Apertium's analysers run in processes of
    their own), so that it runs while the engine translates."""
    if not uses_words(opts):
        return None
    return start(prep.source, prep.translation, prep.src_lang, prep.tgt_lang)


def start_batch(preps: Sequence[Prepared], src: str, tgt: str, opts: CheckOptions):
    """The same for all articles of one language pair: one process per side for the batch."""
    if not uses_words(opts):
        return None
    return Batch([(p.source, p.translation) for p in preps], src, tgt)


def uses_words(opts: CheckOptions) -> bool:
    from tqcheck.checks import build_checks

    checks = build_checks(opts.enable or None, opts.disable, opts.severities)
    return any(getattr(c, "uses_words", False) for c in checks)


def on_units(prep: Prepared, units: list[AlignedUnit], checks: Sequence[object],
                lexical: PendingLexical | Done | None) -> tuple[list[AlignedUnit], dict]:
    """Word alignments on the units, and what the checks' Context says about the lexicons
    (tqcheck/align/py); nothing is analysed when no chosen check reads words."""
    if not any(getattr(c, "uses_words", False) for c in checks):
        return units, {}
    lex = (lexical or start(prep.source, prep.translation, prep.src_lang,
                                      prep.tgt_lang)).result()
    return attach(units, lex), context(lex)
