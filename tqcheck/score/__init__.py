"""Stage 6: round-trip scores with sacreBLEU (chrF first, BLEU, TER).

chrF is the headline: sentence BLEU is noisy on short passages (sacreBLEU #278). TER is
super-linear in reordering, so it is computed only for passages and articles short
enough to stay cheap.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER

from tqcheck.model import Scores

# TER above these sizes is skipped (None): a reversed 100-word passage already costs ~90 ms.
TER_MAX_WORDS_PASSAGE = 80
TER_MAX_WORDS_ARTICLE = 3000
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 12345


@dataclass(frozen=True)
class ArticleScores:
    chrf: float
    chrf_ci: tuple[float, float]
    bleu: float
    ter: float | None
    signatures: dict[str, str]


class Scorer:
    def __init__(self) -> None:
        self.chrf = CHRF()
        self.bleu = BLEU(effective_order=True)
        self.corpus_bleu = BLEU()
        self.ter = TER()

    def passage(self, hyp: str, ref: str) -> Scores:
        if not hyp.strip() or not ref.strip():
            return Scores(chrf=0.0, bleu=0.0, ter=None)
        words = max(len(hyp.split()), len(ref.split()))
        ter = self.ter.sentence_score(hyp, [ref]).score if words <= TER_MAX_WORDS_PASSAGE else None
        return Scores(
            chrf=round(self.chrf.sentence_score(hyp, [ref]).score, 2),
            bleu=round(self.bleu.sentence_score(hyp, [ref]).score, 2),
            ter=None if ter is None else round(ter, 2),
        )

    def article(self, hyps: Sequence[str], refs: Sequence[str]) -> ArticleScores:
        """Corpus-level scores over aligned units, with a bootstrap 95% interval for chrF."""
        hyps, refs = list(hyps), list(refs)
        if not hyps:
            return ArticleScores(0.0, (0.0, 0.0), 0.0, None, self.signatures())
        stats = np.asarray(self.chrf._extract_corpus_statistics(hyps, [refs]), dtype=float)
        chrf = self.chrf._compute_score_from_stats(list(stats.sum(axis=0))).score
        bleu = self.corpus_bleu.corpus_score(hyps, [refs]).score
        words = sum(len(r.split()) for r in refs)
        ter = self.ter.corpus_score(hyps, [refs]).score if words <= TER_MAX_WORDS_ARTICLE else None
        return ArticleScores(
            chrf=round(float(chrf), 2),
            chrf_ci=self._bootstrap(stats),
            bleu=round(bleu, 2),
            ter=None if ter is None else round(ter, 2),
            signatures=self.signatures(),
        )

    def _bootstrap(self, stats: np.ndarray) -> tuple[float, float]:
        # Resampling units' sufficient statistics, as sacreBLEU's paired bootstrap does.
        n = len(stats)
        rng = np.random.default_rng(BOOTSTRAP_SEED)
        idx = rng.integers(0, n, size=(BOOTSTRAP_RESAMPLES, n))
        scores = chrf_from_stats(stats[idx].sum(axis=1), self.chrf.beta)
        low, high = np.percentile(scores, [2.5, 97.5])
        return round(float(low), 2), round(float(high), 2)

    def signatures(self) -> dict[str, str]:
        out = {"chrf": self.chrf.get_signature().format()}
        for name, metric in (("bleu", self.corpus_bleu), ("ter", self.ter)):
            try:
                out[name] = metric.get_signature().format()
            except ValueError:  # sacreBLEU knows the reference count only after scoring
                out[name] = ""
        return out


def chrf_from_stats(sums: np.ndarray, beta: float = 2.0) -> np.ndarray:
    """sacreBLEU's chrF (effective-order smoothing) for many rows of summed statistics.

    Vectorised so a 1,000-sample bootstrap costs about a millisecond; a test pins it
    against `CHRF._compute_score_from_stats`.
    """
    stats = sums.reshape(len(sums), -1, 3)
    hyp, ref, match = stats[..., 0], stats[..., 1], stats[..., 2]
    valid = (hyp > 0) & (ref > 0)
    prec = np.where(valid, match / np.where(hyp > 0, hyp, 1), 0.0)
    rec = np.where(valid, match / np.where(ref > 0, ref, 1), 0.0)
    order = valid.sum(axis=1)
    avg_p = np.where(order > 0, prec.sum(axis=1) / np.maximum(order, 1), 0.0)
    avg_r = np.where(order > 0, rec.sum(axis=1) / np.maximum(order, 1), 0.0)
    factor = beta**2
    denom = factor * avg_p + avg_r
    return np.where(denom > 0, 100 * (1 + factor) * avg_p * avg_r / np.where(denom > 0, denom, 1), 0.0)
