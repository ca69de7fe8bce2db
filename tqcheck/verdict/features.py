"""What the verdict sees of an aligned unit: one flat dict of numbers.

Everything here reads what the pipeline already computed (scores, passages, back-
translation, findings) and what other layers attach when present (the word alignment,
`unit.words`); a missing layer gives its neutral value and a 0 in its `has_*` flag, so one
model file works with and without it. Feature names are the model file's contract: add,
never rename.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from tqcheck.checks import CHECKS, Context
from tqcheck.model import AlignedUnit

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_NUMBER = re.compile(r"\d+")
STEM = 5  # words compared by their first letters: a cheap stand-in for lemmas across inflections
SEVERITY = {"info": 1, "warning": 2, "error": 3}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _stems(words: Iterable[str]) -> set[str]:
    return {w[:STEM] for w in words if len(w) > 3}


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 1.0


def _log_ratio(a: float, b: float) -> float:
    return math.log((a + 1.0) / (b + 1.0))


def unknown_rates(units: Sequence[AlignedUnit], src_lang: str, tgt_lang: str) -> list[dict[str, float]]:
    """Per unit, the share of words Apertium's analysers do not know: in the translation,
    in the source, and translation words foreign to its language but known in the source
    language (left untranslated). One analyser call per side for all the units."""
    from tqcheck.verdict.lexicon import available

    tl, sl = available(tgt_lang, src_lang), available(src_lang, tgt_lang)
    if tl is None or sl is None:
        return [{} for _ in units]
    tgt = [[w for w in _WORD.findall(u.target_text) if len(w) > 2] for u in units]
    src = [[w for w in _WORD.findall(u.source_text) if len(w) > 2] for u in units]
    tl.analyse([x for ws in tgt for w in ws for x in (w, w.lower())])
    sl.analyse([x for ws in tgt + src for w in ws for x in (w, w.lower())])

    def known(lex, w: str) -> bool:  # type: ignore[no-untyped-def]
        return bool(lex.readings(w) or lex.readings(w.lower()))

    out = []
    for tw, sw in zip(tgt, src):
        t_unknown = [w for w in tw if not known(tl, w)]
        foreign = [w for w in t_unknown if w[:1].islower() and known(sl, w)]
        s_unknown = sum(1 for w in sw if not known(sl, w))
        t_rate, s_rate = len(t_unknown) / max(1, len(tw)), s_unknown / max(1, len(sw))
        out.append({"has_lexicon": 1.0, "tgt_unknown": t_rate, "src_unknown": s_rate,
                    "unknown_excess": max(0.0, t_rate - s_rate), "tgt_foreign": len(foreign) / max(1, len(tw)),
                    "tgt_foreign_any": float(bool(foreign))})
    return out


def features(unit: AlignedUnit, ctx: Context, extra: dict[str, float] | None = None) -> dict[str, float]:
    src, tgt, back = unit.source_text, unit.target_text, unit.back_translation
    sw, tw, bw = _words(src), _words(tgt), _words(back)
    ss, ts, bs = _stems(sw), _stems(tw), _stems(bw)
    sc = unit.scores
    f: dict[str, float] = {
        "chrf": (sc.chrf or 0.0) / 100.0,
        "bleu": (sc.bleu or 0.0) / 100.0,
        "ter": min(2.0, (sc.ter or 0.0) / 100.0),
        "has_ter": float(sc.ter is not None),
        "chrf_below_article": max(0.0, ctx.article_chrf - (sc.chrf or 0.0)) / 100.0,
        # Length against the article's usual ratio (each article is its own reference).
        "length_vs_usual": _log_ratio(len(tgt), len(src) * ctx.length_ratio),
        "abs_length_vs_usual": abs(_log_ratio(len(tgt), len(src) * ctx.length_ratio)),
        "back_length": _log_ratio(len(back), len(src)),
        "words_log": math.log1p(len(sw)),
        # Round-trip word coverage both ways (source content covered by the back-translation,
        # and back-translation content found in the source).
        "src_covered": _share(ss, bs),
        "back_in_src": _share(bs, ss),
        # Words the engine passed through unchanged (unknown to it, or names), and words of
        # the translation that are the source's own (left untranslated).
        "passthrough": _share(ts, bs) if ts else 0.0,
        "tgt_in_src": _share(ts, ss) if ts else 0.0,
        "numbers_missing": float(len(set(_NUMBER.findall(src)) - set(_NUMBER.findall(tgt)))),
        "numbers_added": float(len(set(_NUMBER.findall(tgt)) - set(_NUMBER.findall(src)))),
        "sentences_diff": float(sum(len(p.sentences) for p in unit.target) - sum(len(p.sentences) for p in unit.source)),
        "tgt_is_src_lang": float(any(p.lang == ctx.src_lang for p in unit.target)),
        "repeated_words": _repeats(tw),
    }
    f.update(_alignment(unit))
    f.update({"has_lexicon": 0.0, "tgt_unknown": 0.0, "src_unknown": 0.0, "unknown_excess": 0.0,
              "tgt_foreign": 0.0, "tgt_foreign_any": 0.0})
    f.update(extra or {})
    worst = 0
    for check in CHECKS:
        f[f"check:{check}"] = 0.0
    for finding in unit.findings:
        f[f"check:{finding.check}"] = 1.0
        worst = max(worst, SEVERITY[finding.severity.value])
    f["worst_severity"] = float(worst)
    return f


def _repeats(words: list[str]) -> float:
    return float(sum(1 for a, b in zip(words, words[1:]) if a == b and len(a) > 2))


def _alignment(unit: AlignedUnit) -> dict[str, float]:
    """Word-alignment coverage both ways, from the word layer when it is attached."""
    words = getattr(unit, "words", None)
    src_cov = getattr(words, "src_coverage", None) if words is not None else None
    tgt_cov = getattr(words, "tgt_coverage", None) if words is not None else None
    if src_cov is None or tgt_cov is None:
        return {"has_alignment": 0.0, "align_src_coverage": 1.0, "align_tgt_coverage": 1.0}
    return {"has_alignment": 1.0, "align_src_coverage": float(src_cov), "align_tgt_coverage": float(tgt_cov)}


