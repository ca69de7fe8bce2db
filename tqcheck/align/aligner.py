"""Passage alignment: a banded dynamic-programming aligner in the Gale–Church tradition,
scored by length and, when back-translations are given, by how similar the
back-translation is to the source (as Bleualign does).

Beads: 1-1, 1-0 (source passage omitted), 0-1 (translation passage added), 2-1 (two
source passages merged into one translation passage) and 1-2 (one split in two).
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from tqcheck.align.anchors import anchors, evidence

# Gale & Church (1993): variance of the length ratio, and bead priors.
VARIANCE = 6.8
PRIOR = {"1-1": 0.89, "1-0": 0.0099, "0-1": 0.0099, "2-1": 0.089 / 2, "1-2": 0.089 / 2}
# With back-translations, similarity dominates. It is a reward relative to SIM_FLOOR,
# not a penalty per bead: a per-bead penalty makes fewer, merged beads look cheaper.
# Pairing passages whose similarity is under the floor costs more than skipping them.
SIM_WEIGHT = 50.0
SIM_FLOOR = 0.18
SKIP_COST = 3.0
# 4-grams separate true from neighbouring pairs better than 3-grams or words on NTREX
# round trips (true median 0.48, neighbour median 0.14).
NGRAM = 4
MAX_LENGTH_COST = 12.0
FULL_TRUST_CHARS = 150
# Headings pair with headings: headlines are short and often rephrased, so length and
# similarity say little, while the document structure says a lot.
HEADING_BONUS = 3.0
MIN_BAND = 12
# Without back-translations, anchors (numbers, names, URLs) stand in for similarity:
# each shared one is a reward, each number on one side only a cost (both capped). A
# number without its counterpart is rare in a real pair, an English capital with none
# is not (names are translated), so only numbers count against a pairing.
ANCHOR_REWARD = 1.0
ANCHOR_CAP = 4
NUMBER_MISS = 1.0
NUMBER_MISS_CAP = 4
# Translators keep paragraphs: with no similarity to tell a real merge from a passage
# dropped next to another, merges must be as unlikely as omissions.
PRIOR_NO_BACK = {**PRIOR, "1-1": 0.96, "2-1": 0.01, "1-2": 0.01}
RATIO_MIN_CHARS = 40
RATIO_SEARCH_MAX = 60  # passages; a grid of 1/3…3 in steps of 2^(1/6)
RATIO_GRID_LOW, RATIO_GRID_STEP, RATIO_GRID_N = 1 / 3, 2 ** (1 / 6), 20
# Source rows between progress reports: cheap next to the row itself (band × 5 moves).
PROGRESS_EVERY = 200

# (source passages, translation passages) consumed by each bead kind.
MOVES = {"1-1": (1, 1), "1-0": (1, 0), "0-1": (0, 1), "2-1": (2, 1), "1-2": (1, 2)}


@dataclass(frozen=True)
class Bead:
    kind: str
    src: tuple[int, ...]
    tgt: tuple[int, ...]


def ngram_set(text: str) -> frozenset[str]:
    """The passage's lower-cased character 4-grams, the features of its similarity."""
    t = " ".join(text.lower().split())
    if len(t) < NGRAM:
        return frozenset([t]) if t else frozenset()
    return frozenset([t[i : i + NGRAM] for i in range(len(t) - NGRAM + 1)])  # a list first: 1.5x faster


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Character n-gram F1 between two n-gram sets, in [0, 1]."""
    return _f1(len(a & b), len(a), len(b))


def _f1(common: int, la: int, lb: int) -> float:
    if not la or not lb or not common:
        return 0.0
    p, r = common / lb, common / la
    return 2 * p * r / (p + r)


def _length_cost(a: int, b: int, ratio: float) -> float:
    """-log P(length match) for a source of `a` chars against a translation of `b` chars."""
    if a == 0 and b == 0:
        return 0.0
    mean = (a + b / ratio) / 2
    z = abs(ratio * a - b) / math.sqrt(VARIANCE * max(mean, 1e-9))
    pd = max(math.erfc(z / math.sqrt(2)), 1e-12)  # two-tailed normal probability
    # Capped so that an exact back-translation match can outweigh a length ratio that the
    # document-level estimate got wrong (e.g. one passage against thousands).
    return min(-math.log(pd), MAX_LENGTH_COST)


class _Overlaps:
    """|a ∩ c| for a row's passage against every column's, in one vectorised pass: n-grams
    are numbered, `a` is marked in a table, and the columns' numbers look it up."""

    # Numbers given before the table starts again (and the band's features are made
    # anew): keeps memory flat on very long files (~100 bytes a number).
    LIMIT = 1_000_000

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.next = 0  # numbers are unique, not contiguous: an n-gram seen before skips one
        self.mark = np.zeros(1024, dtype=bool)

    def full(self) -> bool:
        if self.next <= self.LIMIT:
            return False
        self.ids, self.next = {}, 0
        return True

    def number(self, grams: frozenset[str]) -> np.ndarray:
        start, self.next = self.next, self.next + len(grams)
        out = np.fromiter(map(self.ids.setdefault, grams, itertools.count(start)), dtype=np.int64,
                          count=len(grams))
        if self.next > len(self.mark):
            self.mark = np.zeros(2 * self.next, dtype=bool)
        return out

    def __call__(self, a: np.ndarray, columns: Sequence[np.ndarray]) -> list[int]:
        if not columns:
            return []
        flat = np.concatenate(columns)
        self.mark[a] = True
        hits = np.concatenate(([0], np.cumsum(self.mark[flat])))
        self.mark[a] = False
        ends = np.cumsum([len(c) for c in columns])
        return (hits[ends] - hits[ends - np.array([len(c) for c in columns])]).tolist()


class _Scorer:
    """Bead costs, a whole row of the DP at a time."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], back: Sequence[str] | None,
                 src_kinds: Sequence[str] | None = None, tgt_kinds: Sequence[str] | None = None,
                 grams: Mapping[str, frozenset[str]] | None = None) -> None:
        self.headings = (
            ({i for i, k in enumerate(src_kinds) if k == "heading"},
             {j for j, k in enumerate(tgt_kinds) if k == "heading"})
            if src_kinds is not None and tgt_kinds is not None else (set(), set()))
        self.ls = [len(s) for s in src]
        self.lt = [len(t) for t in tgt]
        self.prior = {k: -math.log(p) for k, p in PRIOR.items()}
        ratio = (sum(self.lt) / sum(self.ls)) if sum(self.ls) and sum(self.lt) else 1.0
        # Totals mislead when whole passages are missing on one side; real language pairs
        # stay well inside this range (CJK against Latin script is about 0.3).
        self.ratio = min(max(ratio, 0.25), 4.0)
        self.use_sim = back is not None
        self.src, self.back = src, back or []
        # Features are made when the band first reaches a passage and dropped once it
        # has passed: holding them all took ~7 KB a passage (1 GB at 50,000 passages).
        # Keys: k for passage k, (k,) for passages k-1 and k together.
        self.gs: dict[object, np.ndarray] = {}
        self.gb: dict[object, np.ndarray] = {}
        # n-gram sets made earlier (the pipeline makes them while the engine runs), by text.
        self.made = grams or {}
        self.overlaps = _Overlaps()
        self.skip = SKIP_COST if self.use_sim else -math.log(PRIOR["1-0"])
        self.anchors: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None

    def use_anchors(self, src: Sequence[str], tgt: Sequence[str]) -> None:
        self.anchors = ([anchors(t) for t in src], [anchors(t) for t in tgt])
        self.prior = {k: -math.log(p) for k, p in PRIOR_NO_BACK.items()}

    def forget_before(self, i: int, j: int) -> None:
        for cache, limit in ((self.gs, i), (self.gb, j)):
            for k in [k for k in cache if (k[0] if isinstance(k, tuple) else k) < limit]:
                del cache[k]

    def _get(self, cache: dict[object, np.ndarray], texts: Sequence[str], k: int, two: bool) -> np.ndarray:
        key: object = (k,) if two else k
        got = cache.get(key)
        if got is None:
            if two:
                got = np.union1d(self._get(cache, texts, k - 1, False), self._get(cache, texts, k, False))
            else:
                made = self.made.get(texts[k])
                got = self.overlaps.number(made if made is not None else ngram_set(texts[k]))
            cache[key] = got
        return got

    def row(self, i: int, lo: int, hi: int) -> dict[str, list[float]]:
        """Costs of the beads that end at source i and translation j, for j in lo..hi
        (inf where a bead cannot end there); the skip beads cost `self.skip`."""
        width = hi - lo + 1
        out = {}
        if self.overlaps.full():
            self.gs.clear()
            self.gb.clear()
        for kind in ("1-1", "2-1", "1-2"):
            di, dj = MOVES[kind]
            first = max(lo, dj)
            row = [math.inf] * width
            if i >= di and first <= hi:
                js = range(first, hi + 1)
                a = self.ls[i - 1] if di == 1 else self.ls[i - 2] + self.ls[i - 1]
                bs = [self.lt[j - 1] if dj == 1 else self.lt[j - 2] + self.lt[j - 1] for j in js]
                base = self.prior[kind]
                costs = [base + _length_cost(a, b, self.ratio) for b in bs]
                if self.use_sim:
                    fa = self._get(self.gs, self.src, i - 1, di == 2)
                    cols = [self._get(self.gb, self.back, j - 1, dj == 2) for j in js]
                    common = self.overlaps(fa, cols)
                    for x, (b, c, col) in enumerate(zip(bs, common, cols)):
                        # Short passages (headlines, bylines) give noisy similarity: trust
                        # it less. The shorter side decides, so merging passages never buys
                        # extra weight.
                        weight = SIM_WEIGHT * min(1.0, min(a, b) / FULL_TRUST_CHARS)
                        costs[x] += weight * (SIM_FLOOR - _f1(c, len(fa), len(col)))
                elif self.anchors is not None:
                    for x, j in enumerate(js):
                        costs[x] += self._anchor_cost(i, j, di, dj)
                if kind == "1-1" and i - 1 in self.headings[0]:
                    for x, j in enumerate(js):
                        if j - 1 in self.headings[1]:
                            costs[x] -= HEADING_BONUS
                row[first - lo:] = costs
            out[kind] = row
        return out

    def _anchor_cost(self, i: int, j: int, di: int, dj: int) -> float:
        sa, ta = self.anchors  # type: ignore[misc]
        a = sa[i - 1] if di == 1 else sa[i - 2] | sa[i - 1]
        b = ta[j - 1] if dj == 1 else ta[j - 2] | ta[j - 1]
        shared, missed = evidence(a, b)
        return NUMBER_MISS * min(missed, NUMBER_MISS_CAP) - ANCHOR_REWARD * min(shared, ANCHOR_CAP)


def _windows(n: int, m: int, band: int) -> list[tuple[int, int]]:
    """Columns [lo, hi] kept for each row: a band around the diagonal, widened so that
    consecutive rows overlap; this keeps a path from (0, 0) to (n, m) always possible."""
    centre = [round(i * m / n) if n else m for i in range(n + 1)]
    out = []
    for i in range(n + 1):
        lo = min(centre[max(i - 1, 0)], centre[i]) - band
        hi = max(centre[i], centre[min(i + 1, n)]) + band
        out.append((max(lo, 0), min(hi, m)))
    out[0] = (0, out[0][1])
    out[n] = (out[n][0], m)
    return out


def align(src: Sequence[str], tgt: Sequence[str], back: Sequence[str] | None = None, *,
          band: int | None = None, src_kinds: Sequence[str] | None = None,
          tgt_kinds: Sequence[str] | None = None, use_anchors: bool = False,
          grams: Mapping[str, frozenset[str]] | None = None,
          progress: Callable[[int, int], None] | None = None) -> list[Bead]:
    """Align source passages to translation passages; every index appears in exactly one
    bead, in order. `back` holds the back-translations of `tgt` (same length) or None;
    the kinds (paragraph, heading, …) let headings pair with headings; `grams` holds
    `ngram_set(text)` already made for some texts. Without `back`, `use_anchors`
    adds the numbers, names and URLs the passages share as evidence. `progress(done, total)`
    hears about the source rows as they are aligned (the first pass only)."""
    beads, cost = _align(src, tgt, back, band, src_kinds, tgt_kinds, use_anchors, None, grams, progress)
    if back is not None or not use_anchors or all(b.kind == "1-1" for b in beads):
        return beads
    # Without back-translations length is most of the evidence, and the article's total
    # length ratio is skewed by the very passages that are missing (one paragraph dropped
    # from a short article halves it). Long articles: the paired passages of a first pass
    # tell the ratio. Short ones, where that median rests on two or three passages: the
    # ratio under which the whole alignment is most probable.
    ratios = sorted(len(tgt[b.tgt[0]]) / len(src[b.src[0]]) for b in beads
                    if b.kind == "1-1" and len(src[b.src[0]]) >= RATIO_MIN_CHARS and tgt[b.tgt[0]])
    candidates = [ratios[len(ratios) // 2]] if ratios else []
    if max(len(src), len(tgt)) <= RATIO_SEARCH_MAX:
        candidates += [RATIO_GRID_LOW * RATIO_GRID_STEP ** k for k in range(RATIO_GRID_N)]
    for ratio in candidates:
        got, c = _align(src, tgt, back, band, src_kinds, tgt_kinds, use_anchors, ratio, grams, None)
        if c < cost:
            beads, cost = got, c
    return beads


def _align(src: Sequence[str], tgt: Sequence[str], back: Sequence[str] | None, band: int | None,
           src_kinds: Sequence[str] | None, tgt_kinds: Sequence[str] | None, use_anchors: bool,
           ratio: float | None, grams: Mapping[str, frozenset[str]] | None,
           progress: Callable[[int, int], None] | None) -> tuple[list[Bead], float]:
    n, m = len(src), len(tgt)
    if back is not None and len(back) != m:
        raise ValueError("back must have one back-translation per translation passage")
    if band is None:
        band = max(MIN_BAND, 2 * abs(n - m) // max(1, min(n, m) // 50 + 1) + 10)
    band = min(band, max(n, m) + 2)
    scorer = _Scorer(src, tgt, back, src_kinds, tgt_kinds, grams)
    if ratio is not None:
        scorer.ratio = min(max(ratio, 0.25), 4.0)
    if use_anchors and back is None:
        scorer.use_anchors(src, tgt)
    win = _windows(n, m, band)
    inf = math.inf
    kinds = list(MOVES)
    # Only the last three cost rows are needed; the back pointers (one byte a cell, an
    # index into `kinds`) are kept for the traceback.
    cost: dict[int, list[float]] = {}
    back_ptr: list[bytearray] = []
    skip = scorer.skip
    for i in range(n + 1):
        lo, hi = win[i]
        row = [inf] * (hi - lo + 1)
        ptr = bytearray(hi - lo + 1)
        beads_here = scorer.row(i, lo, hi) if i > 0 else {}
        # The previous rows each bead kind starts from, with their windows.
        above = [(cost.get(i - di), win[i - di] if i >= di else (0, -1)) for di, _ in MOVES.values()]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, how = inf, 0
            for k, (kind, (di, dj)) in enumerate(MOVES.items()):
                pj = j - dj
                if i - di < 0 or pj < 0:
                    continue
                if di == 0:
                    prev = row[pj - lo] if pj >= lo else inf
                else:
                    prow, (plo, phi) = above[k]
                    if not plo <= pj <= phi:
                        continue
                    prev = prow[pj - plo]  # type: ignore[index]
                if prev == inf:
                    continue
                c = prev + (skip if di == 0 or dj == 0 else beads_here[kind][j - lo])
                if c < best:
                    best, how = c, k
            row[j - lo], ptr[j - lo] = best, how
        cost[i] = row
        cost.pop(i - 3, None)
        back_ptr.append(ptr)
        if i >= 2:
            scorer.forget_before(i - 2, win[i - 2][0] - 2)
        if progress is not None and i % PROGRESS_EVERY == 0:
            progress(i, n)
    if progress is not None:
        progress(n, n)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        kind = kinds[back_ptr[i][j - win[i][0]]]
        di, dj = MOVES[kind]
        beads.append(Bead(kind, tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, cost[n][m - win[n][0]]
