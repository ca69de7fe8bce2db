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
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from tqcheck.checks import CHECKS, Context
from tqcheck.model import AlignedUnit
from tqcheck.verdict.wordfeatures import word_features

if TYPE_CHECKING:
    from tqcheck.verdict.lexicon import Lexicon

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


# Morphological tags compared between the source and the back-translation (the same
# language): a swapped gender, number, tense or person survives the round trip as a tag
# the source does not have.
TAG_GROUPS = {"gender": {"m", "f"}, "number": {"sg", "pl"}, "person": {"p1", "p2", "p3"},
              "tense": {"pri", "pres", "past", "ifi", "pii", "fti", "cni", "prs", "pis"}}
NEGATORS = {"en": {"not", "no", "never", "n't", "nobody", "nothing", "none"},
            "es": {"no", "nunca", "jamás", "nadie", "nada", "ningún", "ninguna", "ninguno"},
            "ca": {"no", "mai", "ningú", "res", "cap"}}
LEXICAL_DEFAULTS = {"has_lexicon": 0.0, "tgt_unknown": 0.0, "src_unknown": 0.0, "unknown_excess": 0.0,
                    "tgt_foreign": 0.0, "tgt_foreign_any": 0.0, "negation_diff": 0.0, "order_discordance": 0.0,
                    **{f"morph_{g}": 0.0 for g in TAG_GROUPS}}


# Units tagged per analyser call: few processes for an article, bounded memory for a
# 50,000-passage file (all of it at once held ~3 GB of readings).
LEXICAL_CHUNK = 2000


def lexical(units: Sequence[AlignedUnit], src_lang: str, tgt_lang: str) -> list[dict[str, float]]:
    """`_lexical` over chunks of LEXICAL_CHUNK units."""
    out: list[dict[str, float]] = []
    for start in range(0, len(units), LEXICAL_CHUNK):
        out.extend(_lexical(units[start:start + LEXICAL_CHUNK], src_lang, tgt_lang))
    return out


def _lexical(units: Sequence[AlignedUnit], src_lang: str, tgt_lang: str) -> list[dict[str, float]]:
    """Per unit, from Apertium's analysers and tagger: the share of translation and source
    words unknown to their language, translation words foreign to it but known in the source
    language (left untranslated), and how the back-translation differs from the source in
    morphology, negation and word order. One tagger call (sources and back-translations)
    and two analyser calls on the distinct translation words: tagging the translation too
    cost a third of the verdict's time for the one bit it gave (known in the source language?)."""
    from tqcheck.verdict.lexicon import available

    tl, sl = available(tgt_lang, src_lang), available(src_lang, tgt_lang)
    if tl is None or sl is None or not units:
        return [{} for _ in units]
    n = len(units)
    tagged = sl.tag([u.source_text for u in units] + [u.back_translation for u in units])
    tgt_words, unknown = _analysed(units, tl, sl)
    out = []
    for k, u in enumerate(units):
        src_t, back_t = tagged[k], tagged[n + k]
        t_unknown = unknown[k]
        foreign = [w for w in t_unknown if w[:1].islower() and sl.readings(w)]
        src_words = [r for a, b, r in src_t if b - a > 2]
        s_rate = sum(1 for r in src_words if not r) / max(1, len(src_words))
        t_rate = len(t_unknown) / max(1, len(tgt_words[k]))
        row = {"has_lexicon": 1.0, "tgt_unknown": t_rate, "src_unknown": s_rate,
               "unknown_excess": max(0.0, t_rate - s_rate), "tgt_foreign": len(foreign) / max(1, len(tgt_words[k])),
               "tgt_foreign_any": float(bool(foreign)),
               "negation_diff": float(abs(_negations(u.source_text, src_lang) - _negations(u.back_translation, src_lang))),
               "order_discordance": _discordance(_words(u.source_text), _words(u.back_translation))}
        row.update(_morph(src_t, back_t))
        out.append(row)
    return out


def _analysed(units: Sequence[AlignedUnit], tl: Lexicon, sl: Lexicon) -> tuple[list[list[str]], list[list[str]]]:
    """Each unit's translation words, and those the translation's analyser does not know
    (both analysers see them once: their readings are memoised)."""
    tgt_words = [[w for w in _WORD.findall(u.target_text) if len(w) > 2] for u in units]
    tl.analyse([x for ws in tgt_words for w in ws for x in (w, w.lower())])
    unknown = [[w for w in ws if not (tl.readings(w) or tl.readings(w.lower()))] for ws in tgt_words]
    sl.analyse([w for ws in unknown for w in ws])
    return tgt_words, unknown


def warm(units: Sequence[AlignedUnit], src_lang: str, tgt_lang: str) -> None:
    """Analyse the translation words of many articles' units in one analyser call per
    side, so that `lexical` per article starts only the tagger. Word analyses do not
    depend on their neighbours; tags do, so the tagger still runs once per article,
    and an article's features are the same in a batch as alone."""
    from tqcheck.verdict.lexicon import available

    tl, sl = available(tgt_lang, src_lang), available(src_lang, tgt_lang)
    if tl is not None and sl is not None and units:
        _analysed(units, tl, sl)


def _negations(text: str, lang: str) -> int:
    words = NEGATORS.get(lang, set())
    return sum(1 for w in re.findall(r"[^\W\d_]+(?:'t)?", text.lower()) if w in words or w.endswith("n't"))


def _morph(src: list[tuple[int, int, str]], back: list[tuple[int, int, str]]) -> dict[str, float]:
    a, b = _tag_counts(src), _tag_counts(back)
    out = {}
    for group, tags in TAG_GROUPS.items():
        total = sum(a[t] + b[t] for t in tags)
        out[f"morph_{group}"] = sum(abs(a[t] - b[t]) for t in tags) / total if total else 0.0
    return out


_TAG = re.compile(r"<([^>]+)>")
_GROUPED = frozenset().union(*TAG_GROUPS.values())


@lru_cache(maxsize=65536)
def _reading_tags(reading: str) -> tuple[str, ...]:
    return tuple(t for t in _TAG.findall(reading) if t in _GROUPED)


def _tag_counts(spans: list[tuple[int, int, str]]) -> Counter[str]:
    return Counter(t for _, _, r in spans if r for t in _reading_tags(r))


def _discordance(src: list[str], back: list[str]) -> float:
    """Share of discordant pairs among the words found once on each side, in source order:
    0 when the back-translation keeps the source's order, near 0.5 when it is scrambled."""
    once_s = {w: i for i, w in enumerate(src) if src.count(w) == 1 and len(w) > 2}
    once_b = {w: i for i, w in enumerate(back) if back.count(w) == 1}
    seq = [once_b[w] for w in sorted(once_s, key=once_s.get) if w in once_b]  # type: ignore[arg-type]
    pairs = len(seq) * (len(seq) - 1) // 2
    if pairs == 0:
        return 0.0
    return sum(1 for i in range(len(seq)) for j in range(i + 1, len(seq)) if seq[i] > seq[j]) / pairs


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
    f.update(word_features(unit))
    f.update(LEXICAL_DEFAULTS)
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
