"""What the verdict reads of the word layer (`unit.words`, a WordAlignment), when it ran.

Counts and shares of the content words each side leaves unaligned, of those that leave
a hole (their neighbours' counterparts touch) or that the back-translation lost too, of
translation words no lexicon knows, how far the links cross, and how many findings the
word checks made. Without the word layer every value is its neutral one and
`has_alignment` is 0, so a model trained without it (the plain model files) reads the
same numbers as before. Feature names are the model file's contract: add, never rename.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from tqcheck.model import AlignedUnit, Finding, Severity

# The checks that read the word layer (tqcheck/checks/words.py, wordforms.py, codemix.py).
WORD_CHECKS = ("omitted-words", "added-words", "mistranslation", "opposite", "non-word", "word-order",
               "leaked-word", "grammar")
MEANING_POS = frozenset({"n", "vblex", "adj", "np"})

NEUTRAL: dict[str, float] = {
    "has_alignment": 0.0, "align_src_coverage": 1.0, "align_tgt_coverage": 1.0,
    "words_src_unaligned": 0.0, "words_tgt_unaligned": 0.0,
    "words_src_unaligned_share": 0.0, "words_tgt_unaligned_share": 0.0,
    "words_src_lost": 0.0, "words_src_holes": 0.0, "words_tgt_holes": 0.0,
    "words_tgt_unknown": 0.0, "words_crossing": 0.0, "words_dictionary_links": 0.0,
    "words_findings": 0.0, "words_findings_error": 0.0,
    "words_grammar_rarity": 0.0, "words_grammar_disagree": 0.0,
    **{f"count:{c}": 0.0 for c in WORD_CHECKS},
}


def word_features(unit: AlignedUnit) -> dict[str, float]:
    from tqcheck.align.words import WordAlignment

    wa = getattr(unit, "words", None)
    if not isinstance(wa, WordAlignment):
        return dict(NEUTRAL)
    from tqcheck.checks.wordforms import crossing
    from tqcheck.checks.wordspan import gap

    cs, ct = wa.content_src(), wa.content_tgt()
    un_s, un_t = set(wa.unaligned_src), set(wa.unaligned_tgt)
    # Meaning words only (nouns, verbs, adjectives, names): what a dropped or added word is.
    ms = [i for i in cs if i in un_s and wa.src_words[i].pos in MEANING_POS]
    mt = [j for j in ct if j in un_t and wa.tgt_words[j].pos in MEANING_POS]
    lost = [i for i in ms if not wa.src_in_back[i]]
    f = {
        "has_alignment": 1.0,
        "align_src_coverage": float(wa.coverage_src),
        "align_tgt_coverage": float(wa.coverage_tgt),
        "words_src_unaligned": float(len(ms)),
        "words_tgt_unaligned": float(len(mt)),
        "words_src_unaligned_share": len(ms) / max(1, len(cs)),
        "words_tgt_unaligned_share": len(mt) / max(1, len(ct)),
        "words_src_lost": float(len(lost)),
        "words_src_holes": float(sum(_hole(gap(wa, i, "src")) for i in lost)),
        "words_tgt_holes": float(sum(_hole(gap(wa, j, "tgt")) for j in mt)),
        "words_tgt_unknown": float(sum(1 for w in wa.tgt_words if not w.known and not w.name_like
                                       and len(w.text) > 3)),
        "words_crossing": crossing([(lk.src, lk.tgt) for lk in wa.links]),
        "words_dictionary_links": sum(lk.how == "dictionary" for lk in wa.links) / max(1, len(wa.links)),
    }
    f.update(_grammar(unit, wa))
    f.update(_findings(unit.findings))
    return f


def _grammar(unit: AlignedUnit, wa) -> dict[str, float]:
    """How rare the translation's rarest part-of-speech step is (-log10 of observed over
    expected, 0 when common or unrated) and how many articles disagree with their noun."""
    from tqcheck.checks.grammar import GENDER, NUMBER, disagree
    from tqcheck.lexicon import tagseq

    table = tagseq.table_for_pair(wa.tgt_lang, wa.src_lang) if wa.tgt_lang else None
    worst = table.worst_step(tagseq.sequence(wa.tgt_words, unit.target_text)) if table else None
    words = wa.tgt_words
    return {"words_grammar_rarity": max(0.0, -math.log10(worst[0] + 1e-3)) if worst else 0.0,
            # In gender too, as the shipped +words models were trained: weak alone, it is
            # still evidence beside the others.
            "words_grammar_disagree": float(sum(bool(disagree(a, b, (GENDER, NUMBER)))
                                                for a, b in zip(words, words[1:])))}


def _hole(g: tuple[int, float] | None) -> bool:
    """Neighbours' counterparts (nearly) touch: nothing stands where the word was."""
    return g is not None and g[0] <= 1


def _findings(findings: Sequence[Finding]) -> dict[str, float]:
    out = {f"count:{c}": 0.0 for c in WORD_CHECKS}
    errors = 0
    for x in findings:
        if f"count:{x.check}" in out:
            out[f"count:{x.check}"] += 1.0
            errors += x.severity == Severity.ERROR
    out["words_findings"] = sum(out.values())
    out["words_findings_error"] = float(errors)
    return out
