"""Stage 6: round-trip scores with sacreBLEU (chrF first, BLEU, TER).

Each metric's sufficient statistics are extracted once per aligned unit; passage
scores, the article score and the bootstrap interval are all computed from them, so
scoring costs one pass over the text. chrF is the headline: sentence BLEU is noisy on
short passages (sacreBLEU #278). TER is super-linear in reordering, so it is computed
only for passages short enough to stay cheap, and for the article when all its passages
were (measured: a 100-word news paragraph costs ~160 ms of TER, a 30-word one ~3 ms).
chrF's statistics come from the article's shared `ChrfStore` (score/stats.py), so the
checks that compare the same texts again reuse their n-grams. numpy and sacreBLEU are
imported when a scorer is made, not when the package is: `--help` and cached re-runs
never pay for them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tqcheck.model import Scores
from tqcheck.score.stats import BETA, CHAR_ORDER, ChrfStore, f_score

if TYPE_CHECKING:
    import numpy as np

# Over this many words in a passage, its TER (and so the article's) is skipped (None).
TER_MAX_WORDS_PASSAGE = 30
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 12345
BOOTSTRAP_CELLS = 2_000_000
STATS_CHUNK = 1000
# Pairs whose statistics one task makes (tqcheck/parallel.py splits the tasks over two cores).
STATS_SLICE = 8


@dataclass(frozen=True)
class ArticleScores:
    # None without a back-translation (--engine none): there is no round trip to score.
    chrf: float | None
    chrf_ci: tuple[float, float] | None
    bleu: float | None
    ter: float | None
    signatures: dict[str, str]

    def line(self, dash: str = "–", sep: str = "  ") -> str:
        """"chrF 52.8 (95% CI 47.4–55.4)  BLEU 17.6", or why there is no score."""
        if self.chrf is None or self.chrf_ci is None or self.bleu is None:
            return "n/a (no back-translation: engine none)"
        lo, hi = self.chrf_ci
        return f"chrF {self.chrf:.1f} (95% CI {lo:.1f}{dash}{hi:.1f}){sep}BLEU {self.bleu:.1f}"


class Scorer:
    def __init__(self, ter: bool = True, store: ChrfStore | None = None) -> None:
        from sacrebleu.metrics import BLEU, TER

        self.store = store or ChrfStore()
        self.sentence_bleu = BLEU(effective_order=True)
        self.bleu = BLEU()
        self.ter = TER()
        self.use_ter = ter

    def unscored(self) -> ArticleScores:
        return ArticleScores(None, None, None, None, self.signatures())

    def score(self, hyps: Sequence[str], refs: Sequence[str]) -> tuple[list[Scores], ArticleScores]:
        """Per-pair scores and the article scores over all pairs (hyp = back-translation)."""
        hyps, refs = list(hyps), list(refs)
        if not hyps:
            return [], ArticleScores(0.0, (0.0, 0.0), 0.0, None, self.signatures())
        # sacreBLEU caches every reference's n-grams for a corpus call: in chunks, memory
        # stays flat however many passages an article has (50,000 at once took gigabytes).
        import numpy as np

        from tqcheck.score import bleu

        from tqcheck.parallel import MIN_ITEMS, split_map

        chrf_rows: list[list[int]] = []
        bleu_stats: list[list[int]] = []
        ter_stats: dict[int, list[float]] = {}
        for start in range(0, len(hyps), STATS_CHUNK):
            h, r = hyps[start:start + STATS_CHUNK], refs[start:start + STATS_CHUNK]
            # Each pair's statistics are its own, so slices of them can be made apart.
            slices = [range(k, min(k + STATS_SLICE, len(h))) for k in range(0, len(h), STATS_SLICE)]
            parts = split_map(lambda ks: self._slice_stats([h[k] for k in ks], [r[k] for k in ks]),
                              slices, [sum(len(h[k]) + len(r[k]) for k in ks) for ks in slices],
                              min_items=MIN_ITEMS // STATS_SLICE)
            for ks, (c_rows, b_rows, t_rows) in zip(slices, parts):
                chrf_rows += c_rows
                bleu_stats += b_rows
                ter_stats.update((start + ks[i], row) for i, row in t_rows.items())
            bleu.warn_if_tokenized(self.bleu, h)
        chrf_stats = np.asarray(chrf_rows, dtype=float)
        passages = []
        for i, (h, r) in enumerate(zip(hyps, refs)):
            empty = not h.strip() or not r.strip()
            ter = None if empty or i not in ter_stats else self.ter._compute_score_from_stats(ter_stats[i]).score
            passages.append(Scores(
                chrf=0.0 if empty else round(f_score(chrf_rows[i]), 2),
                bleu=0.0 if empty else round(self.sentence_bleu._compute_score_from_stats(bleu_stats[i]).score, 2),
                ter=None if ter is None else round(ter, 2),
            ))
        all_ter = len(ter_stats) == len(hyps)
        total = chrf_stats.sum(axis=0)
        article = ArticleScores(
            chrf=round(f_score(total.tolist()), 2),
            chrf_ci=self._bootstrap(chrf_stats),
            bleu=round(float(self.bleu._compute_score_from_stats(list(np.sum(bleu_stats, axis=0))).score), 2),
            ter=round(float(self.ter._compute_score_from_stats(
                list(np.sum(list(ter_stats.values()), axis=0))).score), 2) if all_ter else None,
            signatures=self.signatures(),
        )
        return passages, article

    def _slice_stats(self, h: list[str], r: list[str]
                     ) -> tuple[list[list[int]], list[list[int]], dict[int, list[float]]]:
        """chrF, BLEU and TER statistics of some pairs (TER by position, for the short ones)."""
        from tqcheck.score import bleu

        idx = [i for i, (a, b) in enumerate(zip(h, r)) if self.use_ter
               and max(len(a.split()), len(b.split())) <= TER_MAX_WORDS_PASSAGE]
        ter = dict(zip(idx, self.ter._extract_corpus_statistics([h[i] for i in idx], [[r[i] for i in idx]]))) \
            if idx else {}
        return ([self.store.stats(a, b) for a, b in zip(h, r)], bleu.statistics(self.bleu, h, r, warn=False), ter)

    def _bootstrap(self, stats: np.ndarray) -> tuple[float, float]:
        import numpy as np

        # Resampling units' sufficient statistics, as sacreBLEU's paired bootstrap does.
        # Resamples are drawn in chunks and summed as counts @ stats, so memory stays
        # near BOOTSTRAP_CELLS numbers however long the article (50,000 passages at once
        # would otherwise need gigabytes).
        n = len(stats)
        rng = np.random.default_rng(BOOTSTRAP_SEED)
        chunk = max(1, min(BOOTSTRAP_RESAMPLES, BOOTSTRAP_CELLS // n))
        sums = []
        for start in range(0, BOOTSTRAP_RESAMPLES, chunk):
            c = min(chunk, BOOTSTRAP_RESAMPLES - start)
            idx = rng.integers(0, n, size=(c, n))
            counts = np.bincount((np.arange(c)[:, None] * n + idx).ravel(), minlength=c * n).reshape(c, n)
            sums.append(counts @ stats)
        scores = chrf_from_stats(np.concatenate(sums), BETA)
        low, high = np.percentile(scores, [2.5, 97.5])
        return round(float(low), 2), round(float(high), 2)

    def signatures(self) -> dict[str, str]:
        return {
            # Written out: sacreBLEU can only format a signature after a scoring call.
            "chrf": f"nrefs:1|case:mixed|eff:yes|nc:{CHAR_ORDER}|nw:0"
                    f"|space:no|version:{_sacrebleu_version()}",
            "bleu": f"nrefs:1|case:mixed|eff:yes(passage),no(article)|tok:{self.bleu.tokenizer.signature()}"
                    f"|smooth:exp|version:{_sacrebleu_version()}",
            "ter": "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no"
                   f"|version:{_sacrebleu_version()}" if self.use_ter else "",
        }


def _sacrebleu_version() -> str:
    import sacrebleu

    return sacrebleu.__version__


def chrf_from_stats(sums: np.ndarray, beta: float = BETA) -> np.ndarray:
    """sacreBLEU's chrF (effective-order smoothing) for many rows of summed statistics.

    Vectorised so a 1,000-sample bootstrap costs about a millisecond; a test pins it
    against `CHRF._compute_score_from_stats`.
    """
    import numpy as np

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
