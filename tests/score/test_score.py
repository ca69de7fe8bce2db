import os

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


def test_an_article_scored_over_two_processes_scores_as_one_process_does(monkeypatch):
    """Real FLORES sentences against each other's neighbours: enough pairs for
    tqcheck.parallel to split the statistics, and the same numbers as without."""
    from tests.conftest import CORPORA
    from tqcheck import parallel

    sents = [s for p in sorted((CORPORA / "ntrex" / "en-es").glob("*.en.md"))
             for s in p.read_text(encoding="utf-8").splitlines() if s.strip()]
    hyps, refs = sents[1:], sents[:-1]
    assert len(hyps) >= parallel.MIN_ITEMS
    forks, fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    split = Scorer().score(hyps, refs)
    assert forks or not parallel.may_fork()
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    assert Scorer().score(hyps, refs) == split
    assert split[1].bleu == pytest.approx(BLEU().corpus_score(hyps, [refs]).score, abs=0.01)
