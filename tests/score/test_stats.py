"""The shared chrF statistics give sacreBLEU's own numbers, to the last bit, on real text."""
import random
from pathlib import Path

from sacrebleu.metrics import CHRF

from tqcheck.score import Scorer
from tqcheck.score.stats import ChrfStore, f_score, unigram_bound

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample"


def _passages(name: str) -> list[str]:
    text = (SAMPLE / name).read_text(encoding="utf-8")
    return [p.strip().lstrip("# ") for p in text.split("\n\n") if p.strip()]


def test_sentence_chrf_equals_sacrebleu_on_a_real_article():
    src, tgt = _passages("article.en.md"), _passages("article.es.md")
    store, chrf = ChrfStore(), CHRF()
    pairs = [(a, b) for a in src for b in src + tgt] + [("", src[0]), (src[0], ""), ("a", "ab"), ("", "")]
    for hyp, ref in pairs:
        assert store.chrf(hyp, ref) == chrf.sentence_score(hyp, [ref]).score
        assert store.stats(hyp, ref) == chrf._extract_corpus_statistics([hyp], [[ref]])[0]


def test_corpus_chrf_from_summed_statistics_equals_sacrebleu():
    src, tgt = _passages("article.en.md"), _passages("article.es.md")
    store = ChrfStore()
    total = [sum(col) for col in zip(*(store.stats(t, s) for s, t in zip(src, tgt)))]
    assert f_score(total) == CHRF().corpus_score(tgt, [src]).score


def test_scorer_and_checks_share_one_store():
    store = ChrfStore()
    Scorer(store=store).score(["el gato"], ["the cat"])
    assert set(store._grams) == {"el gato", "the cat"}
    # A check comparing the same text again finds its n-grams made.
    made = store._grams["the cat"]
    store.chrf("el perro", "the cat")
    assert store._grams["the cat"] is made
    # A small store drops its oldest texts, so memory stays flat on huge articles.
    small = ChrfStore(size=2)
    for text in ("a", "b", "c"):
        small.grams(text)
    assert list(small._grams) == ["b", "c"]


def test_unigram_bound_is_a_ceiling_on_chrf_for_copies_edits_and_strangers():
    src, tgt = _passages("article.en.md"), _passages("article.es.md")
    rng = random.Random(0)
    edited = []
    for text in src:
        words = text.split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(tgt).split()[0]
        edited.append(" ".join(words))
    store = ChrfStore()
    pairs = [(a, b) for a in src + edited for b in src + tgt] + [("", src[0]), ("a", "ab")]
    for hyp, ref in pairs:
        assert store.chrf(hyp, ref) <= unigram_bound(hyp, ref) + 1e-9
    assert unigram_bound(src[0], src[0]) == store.chrf(src[0], src[0]) == 100.0


def test_bleu_statistics_equal_sacrebleu_on_real_text_and_odd_strings():
    from sacrebleu.metrics import BLEU
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    from tqcheck.score.bleu import statistics, tokenize_13a

    src, tgt = _passages("article.en.md"), _passages("article.es.md")
    rng = random.Random(5)
    odd = ["".join(rng.choice("ab1 .,-&;<>\"'\n9()[]{}~`@#$%^*_+=|\\/?!:é中") for _ in range(rng.randrange(40)))
           for _ in range(2000)]
    odd += ["&quot;x&amp;&lt;&gt;<skipped>a-\nb", "a..", "1.2,3-4", " a ", "", "end ."]
    tokenizer = Tokenizer13a()
    for line in src + tgt + odd:
        assert tokenize_13a(line) == tokenizer(line)
    hyps, refs = tgt + odd[:1000], src + odd[1000:2000]
    n = min(len(hyps), len(refs))
    assert statistics(BLEU(), hyps[:n], refs[:n]) == BLEU()._extract_corpus_statistics(hyps[:n], [refs[:n]])
    # Another tokenizer is sacreBLEU's business: the same call, the same numbers.
    intl = BLEU(tokenize="intl")
    assert statistics(intl, src, tgt[:len(src)]) == BLEU(tokenize="intl")._extract_corpus_statistics(src, [tgt[:len(src)]])
