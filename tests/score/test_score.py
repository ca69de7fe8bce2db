import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF

from tqcheck.score import Scorer, chrf_from_stats

HYPS = ["the cat sat on the mat", "a dog barked loudly", "", "completely different words"]
REFS = ["the cat sat on a mat", "the dog barked", "nothing here", "the cat sat on a mat"]


def test_passage_scores_match_sacrebleu():
    s = Scorer().passage(HYPS[0], REFS[0])
    assert s.chrf == pytest.approx(CHRF().sentence_score(HYPS[0], [REFS[0]]).score, abs=0.01)
    assert s.bleu == pytest.approx(
        BLEU(effective_order=True).sentence_score(HYPS[0], [REFS[0]]).score, abs=0.01)
    assert s.ter == pytest.approx(16.67, abs=0.01)


def test_article_chrf_matches_sacrebleu_corpus_score():
    a = Scorer().article(HYPS, REFS)
    assert a.chrf == pytest.approx(CHRF().corpus_score(HYPS, [REFS]).score, abs=0.01)
    assert a.chrf_ci[0] <= a.chrf <= a.chrf_ci[1]


def test_vectorised_chrf_equals_sacrebleu():
    chrf = CHRF()
    stats = np.asarray(chrf._extract_corpus_statistics(HYPS, [REFS]), dtype=float)
    rows = np.stack([stats.sum(0), stats[:2].sum(0), stats[2], stats[3]])
    ours = chrf_from_stats(rows)
    theirs = [chrf._compute_score_from_stats(list(r)).score for r in rows]
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_bootstrap_is_seeded():
    assert Scorer().article(HYPS, REFS).chrf_ci == Scorer().article(HYPS, REFS).chrf_ci


def test_empty_passage_scores_zero():
    assert Scorer().passage("", "x").chrf == 0.0
