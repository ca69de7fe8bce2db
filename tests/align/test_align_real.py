"""Alignment on real NTREX paragraphs with real Apertium back-translations."""
from __future__ import annotations

import pytest

from tests.conftest import CORPORA, counting_apertium, needs_apertium
from tqcheck.align.aligner import align
from tqcheck.read import read_document
from tqcheck.segment import split_sentences
from tqcheck.translate.apertium import ApertiumEngine

pytestmark = [needs_apertium, pytest.mark.apertium]
PAIRS = sorted((CORPORA / "ntrex" / "en-es").glob("*.en.md"))


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """(source paragraphs, translation paragraphs, back-translations) of each sample article."""
    engine = ApertiumEngine()
    out = []
    with counting_apertium(tmp_path_factory.mktemp("shim")) as started:
        out = _back_translated(engine)
        assert started() == len(PAIRS)  # one process per article
    return out


def _back_translated(engine):
    out = []
    for en in PAIRS:
        src = [p.text for p in read_document(en).passages]
        tgt = [p.text for p in read_document(en.with_name(en.name.replace(".en.", ".es."))).passages]
        sents = [split_sentences(t, "es") for t in tgt]
        flat = engine.translate_batch([s for ss in sents for s in ss], "es", "en")
        back, pos = [], 0
        for ss in sents:
            back.append(" ".join(flat[pos : pos + len(ss)]))
            pos += len(ss)
        out.append((src, tgt, back))
    return out


def non_trivial(beads):
    return [(b.kind, b.src, b.tgt) for b in beads if b.kind != "1-1"]


def test_clean_articles_align_one_to_one(articles):
    assert all(non_trivial(align(s, t, b)) == [] for s, t, b in articles)


@pytest.mark.parametrize("k", [1, 2, 3], ids=["second", "third", "fourth"])
def test_deleted_paragraph_is_the_omission(articles, k):
    found = [non_trivial(align(s, t[:k] + t[k + 1:], b[:k] + b[k + 1:])) for s, t, b in articles]
    hits = sum(f == [("1-0", (k,), ())] for f in found)
    assert hits >= len(articles) - 1, found


def test_unrelated_inserted_paragraph_is_the_addition(articles):
    hits = 0
    for n, (s, t, b) in enumerate(articles):
        _, ot, ob = articles[(n + 5) % len(articles)]
        found = non_trivial(align(s, t[:2] + [ot[3]] + t[2:], b[:2] + [ob[3]] + b[2:]))
        hits += found == [("0-1", (), (2,))]
    assert hits >= len(articles) - 1


def test_merged_and_split_paragraphs(articles):
    merged = split = 0
    for s, t, b in articles:
        merged += non_trivial(align(s, t[:2] + [t[2] + " " + t[3]] + t[4:],
                                    b[:2] + [b[2] + " " + b[3]] + b[4:])) == [("2-1", (2, 3), (2,))]
        split += non_trivial(align(s[:2] + [s[2] + " " + s[3]] + s[4:], t, b)) == [("1-2", (2,), (2, 3))]
    assert merged >= len(articles) - 1 and split >= len(articles) - 1


def test_swapped_paragraphs_are_not_silently_paired(articles):
    """Two swapped neighbours cannot be crossed by a monotone aligner: they come out as an
    omission plus an addition (or a merge), never as two wrong 1-1 pairs."""
    for s, t, b in articles:
        tt, bb = t[:2] + [t[3], t[2]] + t[4:], b[:2] + [b[3], b[2]] + b[4:]
        beads = align(s, tt, bb)
        wrong = [x for x in beads if x.kind == "1-1" and (x.src, x.tgt) in {((2,), (2,)), ((3,), (3,))}]
        assert not wrong
