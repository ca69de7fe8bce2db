"""The aligner's shortcuts change no bead: n-gram sets made beforehand (as the pipeline
makes them while the engine runs) and the numbering restarted mid-file (as on very
long files) align a real article exactly as the plain path does."""
from pathlib import Path

import pytest

from tqcheck.align import aligner
from tqcheck.align.aligner import align, ngram_set

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample"


def _passages(name: str) -> list[str]:
    text = (SAMPLE / name).read_text(encoding="utf-8")
    return [p.strip().lstrip("# ") for p in text.split("\n\n") if p.strip()]


@pytest.fixture
def article() -> tuple[list[str], list[str], list[str]]:
    src, tgt = _passages("article.en.md"), _passages("article.es.md")
    # A merged pair and a dropped passage, with the source as a stand-in back-translation
    # whose words are shuffled, so similarity and length both matter.
    tgt = [tgt[0], tgt[1] + " " + tgt[2], *tgt[4:]]
    back = [" ".join(reversed(t.split())) for t in [src[0], src[1] + " " + src[2], *src[4:]]]
    return src * 3, tgt * 3, back * 3


def test_prefilled_ngrams_and_restarted_numbering_give_the_same_beads(article, monkeypatch):
    src, tgt, back = article
    plain = align(src, tgt, back)
    assert {b.kind for b in plain} >= {"1-1", "1-0", "2-1"}
    made = {t: ngram_set(t) for t in [*src, *back]}
    assert align(src, tgt, back, grams=made) == plain
    monkeypatch.setattr(aligner._Overlaps, "LIMIT", 200)
    assert align(src, tgt, back) == plain
