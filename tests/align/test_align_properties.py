"""The aligner's guarantee on any input: every passage in exactly one bead, in order."""
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.align.aligner import MOVES, align

texts = st.lists(st.text(max_size=80), max_size=60)


def assert_covers(beads, n, m):
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n))
    assert tgt == list(range(m))
    for b in beads:
        assert (len(b.src), len(b.tgt)) == MOVES[b.kind]


@settings(max_examples=150, deadline=None)
@given(src=texts, tgt=texts, with_back=st.booleans())
def test_every_passage_exactly_once(src, tgt, with_back):
    back = [t[::-1] for t in tgt] if with_back else None
    assert_covers(align(src, tgt, back), len(src), len(tgt))


@settings(max_examples=30, deadline=None)
@given(src=texts, tgt=texts, band=st.integers(min_value=0, max_value=5))
def test_narrow_bands_still_reach_the_end(src, tgt, band):
    assert_covers(align(src, tgt, tgt, band=band), len(src), len(tgt))


def test_one_against_ten_thousand():
    rng = random.Random(0)
    vocab = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "pu", "ra", "si", "to") for b in ("bel", "dor", "fin", "gus", "han")]
    tgt = [" ".join(rng.choice(vocab) for _ in range(8)) for _ in range(10_000)]
    beads = align([tgt[5000]], tgt, tgt)
    assert_covers(beads, 1, 10_000)
    assert [b.tgt for b in beads if b.kind == "1-1"] == [(5000,)]


def test_empty_sides():
    assert align([], []) == []
    assert [b.kind for b in align(["a", "b"], [])] == ["1-0", "1-0"]
    assert [b.kind for b in align([], ["a"])] == ["0-1"]
