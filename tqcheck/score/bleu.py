"""BLEU sufficient statistics with sacreBLEU's own numbers, made faster.

`BLEU._extract_corpus_statistics` tokenizes every segment with 13a, whose first rule
(`([{-~[-` -&(-+:-@/])` → ` \\1 `: a space around each punctuation mark, and around
every space) goes through Python's template expansion once per match, and then counts
n-grams in a Python loop: a third of the scorer's time on a 1,000-passage article. Here
that rule is one `str.translate` (it matches single characters, with no context, so
each is replaced on its own either way), sacreBLEU's other 13a rules run as they are,
and the counts come from `zip` and a set intersection. The statistics are the same list
of integers, `[hyp_len, ref_len, correct 1..4, total 1..4]`, as `tests/score/test_stats.py`
checks on real text; any other tokenizer or setting goes through sacreBLEU itself.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

# sacreBLEU's 13a punctuation rule, as written in its tokenizer_re.py.
_PUNCT_RULE = r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"


@lru_cache(maxsize=1)
def _fast_13a() -> tuple[dict[int, str], list[Any]] | None:
    """The punctuation rule as a translate table, and sacreBLEU's remaining rules; None
    when sacreBLEU's tokenizer is not the one this was written against."""
    from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

    rules = TokenizerRegexp()._re
    first, repl = rules[0]
    if first.pattern != _PUNCT_RULE or repl != r" \1 ":
        return None
    # The rule's class is ASCII ranges: no character past 127 matches it.
    table = {i: f" {chr(i)} " for i in range(128) if first.fullmatch(chr(i))}
    return table, rules[1:]


def tokenize_13a(line: str) -> str:
    """What sacreBLEU's Tokenizer13a gives (when `_fast_13a` applies)."""
    fast = _fast_13a()
    assert fast is not None
    table, rules = fast
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} ".translate(table)
    for rule, repl in rules:
        line = rule.sub(repl, line)
    return " ".join(line.split())


def _counts(tokens: list[str], order: int) -> list[Counter[tuple[str, ...]]]:
    return [Counter(zip(*(tokens[k:] for k in range(n)))) for n in range(1, order + 1)]


def statistics(bleu: Any, hyps: Sequence[str], refs: Sequence[str], warn: bool = True) -> list[list[int]]:
    """`bleu._extract_corpus_statistics(hyps, [refs])`, one reference per hypothesis.
    `warn=False`: the caller gives sacreBLEU's tokenized-period warning itself (`warn_if_tokenized`),
    for hypotheses it cut into parts."""
    if not _applies(bleu):
        return bleu._extract_corpus_statistics(hyps, [refs])  # type: ignore[no-any-return]
    order = bleu.max_ngram_order
    out = []
    for hyp, ref in zip(hyps, refs):
        h, r = tokenize_13a(hyp.rstrip()).split(), tokenize_13a(ref.rstrip()).split()
        correct, total = [], []
        for n, (hc, rc) in enumerate(zip(_counts(h, order), _counts(r, order)), 1):
            common = hc.keys() & rc.keys()
            correct.append(sum(map(min, map(hc.__getitem__, common), map(rc.__getitem__, common))))
            total.append(max(0, len(h) - n + 1))
        out.append([len(h), len(r), *correct, *total])
    if warn:
        warn_if_tokenized(bleu, hyps)
    return out


def warn_if_tokenized(bleu: Any, hyps: Sequence[str]) -> None:
    if _applies(bleu) and not bleu._force and sum(hyp.endswith(" .") for hyp in hyps) >= 100:
        _warn_tokenized()


def _applies(bleu: Any) -> bool:
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    return type(bleu.tokenizer) is Tokenizer13a and not bleu.lowercase and _fast_13a() is not None


def _warn_tokenized() -> None:
    import logging

    # sacreBLEU's own warning, on its logger, as _extract_corpus_statistics gives it.
    log = logging.getLogger("sacrebleu")
    log.warning("That's 100 lines that end in a tokenized period ('.')")
    log.warning("It looks like you forgot to detokenize your test data, which may hurt your score.")
    log.warning("If you insist your data is detokenized, or don't care, you can suppress this message "
                "with the `force` parameter.")
