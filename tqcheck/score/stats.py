"""chrF sufficient statistics, extracted once per text and shared by the scorer and the checks.

sacreBLEU's chrF (character 6-grams, whitespace removed, case kept, β = 2, effective-order
averaging) re-extracts both texts' n-grams on every call; a passage is compared against
its source by the scorer, by the copy check and, sentence by sentence, by the coverage
checks. Here each text's n-gram counts are made once (with sacreBLEU's own extractor)
and kept in a bounded store, and the match statistics and score follow sacreBLEU's
`CHRF._get_match_statistics` and `_compute_f_score` exactly; `tests/score/test_stats.py`
compares the numbers with sacreBLEU's on real text.
"""
from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence

CHAR_ORDER = 6
BETA = 2.0
# Texts whose n-grams are kept: a unit's sentences and passages, which the checks compare
# with each other. Not the whole article: a 400-character text's n-grams take ~240 KB
# (keeping an article's 1,000 texts raised a check's peak memory by 150 MB; 128 texts, 30 MB).
STORE_SIZE = 32

NGrams = tuple[tuple[Counter[str], int], ...]  # per order: counts and their total


def extract(text: str) -> NGrams:
    """Character n-gram counts of orders 1..6, whitespace removed (chrF's `space:no`)."""
    line = "".join(text.split())
    # Each order's n-grams from the previous order's by appending one character: half the
    # time of slicing every n-gram anew, and the same counts.
    grams = list(line)
    out = [(Counter(grams), len(line))]
    for n in range(2, CHAR_ORDER + 1):
        grams = [g + ch for g, ch in zip(grams, line[n - 1:])]
        out.append((Counter(grams), len(grams)))
    return tuple(out)


def match(hyp: NGrams, ref: NGrams) -> list[int]:
    """[hyp count, ref count, matches] per order, flattened, as sacreBLEU lays them out."""
    stats: list[int] = []
    for (h, h_total), (r, r_total) in zip(hyp, ref):
        # The shared n-grams by a C-level set intersection, then min counts over those.
        common = h.keys() & r.keys()
        hits = sum(map(min, map(h.__getitem__, common), map(r.__getitem__, common)))
        stats += [h_total if r else 0, r_total, hits]
    return stats


def f_score(stats: Sequence[float], beta: float = BETA) -> float:
    """sacreBLEU's chrF from summed statistics (effective-order smoothing)."""
    factor = beta ** 2
    avg_p = avg_r = 0.0
    order = 0
    for i in range(0, len(stats), 3):
        n_hyp, n_ref, n_match = stats[i:i + 3]
        if n_hyp > 0 and n_ref > 0:
            avg_p += n_match / n_hyp
            avg_r += n_match / n_ref
            order += 1
    if order == 0:
        return 0.0
    avg_p /= order
    avg_r /= order
    if not avg_p + avg_r:
        return 0.0
    # In sacreBLEU's order of operations, so the floats are the same, not just close.
    score = (1 + factor) * avg_p * avg_r
    score /= (factor * avg_p) + avg_r
    return 100 * score


def unigram_bound(hyp: str, ref: str, beta: float = BETA) -> float:
    """The F-score of character unigrams alone: a cheap ceiling on chrF (longer n-grams
    match no better than their characters; `tests/score/test_stats.py` holds it on real
    text). A check that only wants chrF above a bar skips the 6-gram extraction below it."""
    a, b = Counter("".join(hyp.split())), Counter("".join(ref.split()))
    hits, n_hyp, n_ref = sum((a & b).values()), a.total(), b.total()
    if not hits:
        return 0.0
    p, r = hits / n_hyp, hits / n_ref
    return 100 * (1 + beta ** 2) * p * r / (beta ** 2 * p + r)


class ChrfStore:
    """n-grams per text, made once; the chrF of any two texts from them."""

    def __init__(self, size: int = STORE_SIZE) -> None:
        self._grams: OrderedDict[str, NGrams] = OrderedDict()
        self._size = size

    def grams(self, text: str) -> NGrams:
        got = self._grams.get(text)
        if got is None:
            got = self._grams[text] = extract(text)
            if len(self._grams) > self._size:
                self._grams.popitem(last=False)
        return got

    def stats(self, hyp: str, ref: str) -> list[int]:
        return match(self.grams(hyp), self.grams(ref))

    def chrf(self, hyp: str, ref: str) -> float:
        """What `CHRF().sentence_score(hyp, [ref]).score` gives."""
        return f_score(self.stats(hyp, ref))
