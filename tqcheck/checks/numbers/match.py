"""Which numbers of the two sides stand for each other: a matching, not a first-come pass.

A greedy pass gives `20,000` (twenty thousand, or 20.0) to the first `20` it meets, the
`20 %` that stands for "twenty per cent", and then reports the `20 000` left over. Here
every quantity is a vertex, an edge joins two that may be equal, and augmenting paths
(Kuhn's algorithm) re-route earlier pairs so that as many numbers as possible find an
equal. Numbers written in words are optional vertices: they may take a number of the
other side, and give it up to a number in digits, but are never reported missing.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class Vertex(Protocol):
    optional: bool


Edge = Callable[[Vertex, Vertex], bool]


def unmatched(src: Sequence[Vertex], tgt: Sequence[Vertex], tiers: Sequence[Edge]
              ) -> tuple[list[int], list[int]]:
    """Indices of the quantities of each side that no matching could pair. `tiers`: edge
    kinds tried in order (equal values, then conversions): a later tier may re-route the
    pairs of an earlier one but never leaves a paired number of digits unpaired."""
    mate_s: list[int | None] = [None] * len(src)
    mate_t: list[int | None] = [None] * len(tgt)
    adj_s: list[list[int]] = [[] for _ in src]
    adj_t: list[list[int]] = [[] for _ in tgt]
    for tier in tiers:
        for i, a in enumerate(src):
            for j, b in enumerate(tgt):
                if not (a.optional and b.optional) and j not in adj_s[i] and tier(a, b):
                    adj_s[i].append(j)
                    adj_t[j].append(i)
        for i in range(len(src)):
            if mate_s[i] is None and not src[i].optional:
                _augment(i, src, adj_s, mate_s, mate_t, set())
        for j in range(len(tgt)):
            if mate_t[j] is None and not tgt[j].optional:
                _augment(j, tgt, adj_t, mate_t, mate_s, set())
    return ([i for i, m in enumerate(mate_s) if m is None],
            [j for j, m in enumerate(mate_t) if m is None])


def _augment(v: int, side: Sequence[Vertex], adj: list[list[int]], mate: list[int | None],
             other_mate: list[int | None], seen: set[int]) -> bool:
    """Pair `v` (of `side`) along an alternating path: the number it takes is given up by
    its partner if that is a number in words, or the partner is re-paired further on."""
    for w in adj[v]:
        if w in seen:
            continue
        seen.add(w)
        u = other_mate[w]
        if u is None or side[u].optional or _augment(u, side, adj, mate, other_mate, seen):
            if u is not None and mate[u] == w:
                mate[u] = None  # a number in words, left without a partner
            mate[v], other_mate[w] = w, v
            return True
    return False
