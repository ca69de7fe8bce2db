import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from tqcheck.score import Scorer, chrf_from_stats

HYPS = ["the cat sat on the mat", "a dog barked loudly", "", "completely different words"]
REFS = ["the cat sat on a mat", "the dog barked", "nothing here", "the cat sat on a mat"]


def test_passage_scores_match_sacrebleu_sentence_scores():
    passages, _ = Scorer().score(HYPS, REFS)
    for (h, r), s in zip(zip(HYPS, REFS), passages):
        if not h:
            assert s.chrf == 0.0 and s.ter is None
            continue
        assert s.chrf == pytest.approx(CHRF().sentence_score(h, [r]).score, abs=0.01)
        assert s.bleu == pytest.approx(BLEU(effective_order=True).sentence_score(h, [r]).score, abs=0.01)
        assert s.ter == pytest.approx(TER().sentence_score(h, [r]).score, abs=0.01)


def test_article_scores_match_sacrebleu_corpus_scores():
    _, a = Scorer().score(HYPS, REFS)
    assert a.chrf == pytest.approx(CHRF().corpus_score(HYPS, [REFS]).score, abs=0.01)
    assert a.bleu == pytest.approx(BLEU().corpus_score(HYPS, [REFS]).score, abs=0.01)
    assert a.ter == pytest.approx(TER().corpus_score(HYPS, [REFS]).score, abs=0.01)
    assert a.chrf_ci[0] <= a.chrf <= a.chrf_ci[1]


def test_vectorised_chrf_equals_sacrebleu():
    chrf = CHRF()
    stats = np.asarray(chrf._extract_corpus_statistics(HYPS, [REFS]), dtype=float)
    rows = np.stack([stats.sum(0), stats[:2].sum(0), stats[2], stats[3]])
    ours = chrf_from_stats(rows)
    theirs = [chrf._compute_score_from_stats(list(r)).score for r in rows]
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_bootstrap_is_seeded_and_widens_with_fewer_units():
    one = Scorer().score(HYPS, REFS)[1]
    assert one.chrf_ci == Scorer().score(HYPS, REFS)[1].chrf_ci
    many = Scorer().score(HYPS * 25, REFS * 25)[1]
    assert many.chrf_ci[1] - many.chrf_ci[0] < one.chrf_ci[1] - one.chrf_ci[0]


def test_ter_skipped_for_long_passages():
    long = " ".join(["word"] * 200)
    passages, article = Scorer().score([long], [long])
    assert passages[0].ter is None and article.ter is None


def test_nothing_to_score():
    assert Scorer().score([], []) == ([], Scorer().score([], [])[1])
