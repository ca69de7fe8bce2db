"""What the span-level checks share: the gaps of a word alignment, the evidence of a
span, and the reasons a check cannot run without lexical data."""
from __future__ import annotations

from collections.abc import Sequence

from tqcheck.align.words import WordAlignment, fold
from tqcheck.checks.base import Check, Context
from tqcheck.lexicon import Word, grammar_lemmas
from tqcheck.model import AlignedUnit, Finding, Severity

# Parts of speech whose loss or addition changes what a sentence says.
MEANING_POS = frozenset({"n", "vblex", "adj", "np"})
# Share of content words linked on each side below which single words are no evidence
# (benchmarks/word_eval.py, train split).
MIN_COVERAGE = 0.8
# Relative distance (0..1) at which an unaligned word counts as standing in the place.
NEAR = 0.2


def meaning(w: Word, lang: str) -> bool:
    """A word whose loss or addition changes what is said (not a grammar lemma such as an
    auxiliary)."""
    return (len(w.text) > 2 and (w.pos in MEANING_POS or (not w.pos and w.content))
            and w.lemma not in grammar_lemmas(lang))


def words_of(unit: AlignedUnit) -> WordAlignment | None:
    wa = unit.words
    return wa if isinstance(wa, WordAlignment) else None


def need_words(ctx: Context, *, dictionary: bool = False) -> str | None:
    if ctx.lexicon_src is None:
        return f"no lexicon for {ctx.src_lang} (apt-get install the Apertium pair, or pip install wordfreq)"
    if ctx.lexicon_tgt is None:
        return f"no lexicon for {ctx.tgt_lang} (apt-get install the Apertium pair, or pip install wordfreq)"
    if dictionary and not ctx.dictionary:
        return f"no bilingual dictionary for {ctx.src_lang}→{ctx.tgt_lang} (an Apertium pair)"
    return None


def gap(wa: WordAlignment, i: int, side: str) -> tuple[int, float] | None:
    """Where word i would sit on the other side: the number of words between the
    counterparts of its nearest linked neighbours (0: they are adjacent, a hole), and the
    relative distance to the nearest unaligned content word of the other side (1: none),
    which may be what stands in its place. None without a linked neighbour on each side."""
    if side == "src":
        mine = wa.src_to_tgt
        theirs, n_mine, n_other = wa.unaligned_tgt, len(wa.src_words), len(wa.tgt_words)
        content = set(wa.content_tgt())
    else:
        mine = wa.tgt_to_src
        theirs, n_mine, n_other = wa.unaligned_src, len(wa.tgt_words), len(wa.src_words)
        content = set(wa.content_src())
    left = next((mine[k] for k in range(i - 1, -1, -1) if k in mine), None)
    right = next((mine[k] for k in range(i + 1, n_mine) if k in mine), None)
    if left is None or right is None:
        return None
    rel = i / max(1, n_mine - 1)
    near = min((abs(j / max(1, n_other - 1) - rel) for j in theirs if j in content), default=1.0)
    return abs(right - left) - 1, near


def hole(wa: WordAlignment, i: int, side: str, ctx: Context | None, max_width: float) -> bool:
    """Word i left a hole: its neighbours' counterparts (nearly) touch and no unaligned
    content word of the other side is anywhere near. Without a context, the defaults."""
    t = ctx.threshold if ctx else _default
    g = gap(wa, i, side)
    return g is not None and g[0] <= t(f"max_hole_{side}", max_width) and g[1] >= t("min_stand_in_distance", NEAR)


def coverage(wa: WordAlignment, side: str) -> tuple[float, float]:
    """The share of one side's content words that are linked, leaving the one word in
    question aside, and the other side's coverage."""
    linked = wa.src_to_tgt if side == "src" else wa.tgt_to_src
    content = wa.content_src() if side == "src" else wa.content_tgt()
    own = sum(i in linked for i in content) / max(1, len(content) - 1)
    return own, wa.coverage_tgt if side == "src" else wa.coverage_src


def reliable(wa: WordAlignment, ctx: Context | None, side: str) -> bool:
    """Whether the alignment covers enough of both sides, leaving the one word in question
    aside on its side, that one unaligned word stands out: in a free translation most
    words are unaligned and none is evidence."""
    return min(coverage(wa, side)) >= (ctx.threshold if ctx else _default)("min_word_coverage", MIN_COVERAGE)


def hand_rule(wa: WordAlignment, i: int, side: str, aligned: bool, ctx: Context | None = None) -> bool:
    """What omitted-words (src) and added-words (tgt) flag without a learned score: a hole
    in a unit `reliable` finds well aligned (the caller's, once a unit); on the source side,
    a word the analyser knows that did not come back in the back-translation either. The
    learned scores read it as one feature."""
    if not aligned or (side == "src" and (wa.src_in_back[i] or not wa.src_words[i].known)):
        return False
    return hole(wa, i, side, ctx, 1 if side == "src" else 0)


def forms(unit: AlignedUnit, wa: WordAlignment) -> tuple[set[str], set[str]]:
    """The folded tokens of the back-translation, and the folded forms and lemmas of the
    source: where an added word's dictionary renderings are looked for."""
    back = {fold(t) for t in unit.back_translation.split()}
    return back, {fold(x.lemma) for x in wa.src_words} | {fold(x.text) for x in wa.src_words}


def _default(_name: str, value: float) -> float:
    return value


def span_evidence(unit: AlignedUnit, wa: WordAlignment, *, src: Sequence[int] = (),
                  tgt: Sequence[int] = ()) -> dict[str, object]:
    # Spans as [start, end] offsets into the unit's source / translation text (the
    # reports' convention), and the words with their lemmas beside them.
    ev: dict[str, object] = {
        "source_spans": [[wa.src_words[i].start, wa.src_words[i].end] for i in src],
        "target_spans": [[wa.tgt_words[i].start, wa.tgt_words[i].end] for i in tgt],
        "source_words": [wa.src_words[i].text for i in src],
        "target_words": [wa.tgt_words[i].text for i in tgt],
        "expected": sorted({t for i in src for t in wa.src_words[i].translations}),
        "back_translation": unit.back_translation,
        "source_line": unit.source[0].line if unit.source else None,
        "target_line": unit.target[0].line if unit.target else None,
    }
    return ev


class WordCheck(Check):
    """A check that reads unit.words; `needs_dictionary` also needs the bilingual one."""

    needs_dictionary = False
    uses_words = True
    default = False

    def unavailable(self, ctx: Context) -> str | None:
        return need_words(ctx, dictionary=self.needs_dictionary)

    def graded(self, message: str, confirmed: bool, **evidence: object) -> Finding:
        """Error when two independent signals agree, else a warning (never above the
        configured severity)."""
        sev = self.severity if confirmed else min(self.severity, Severity.WARNING, key=lambda s: s.rank)
        return Finding(self.id, sev, message, evidence)
