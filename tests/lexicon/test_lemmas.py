"""simplemma's lemmas through tqcheck/lexicon/lemmas.py (its stream map, the index kept
as a derived table) are simplemma.lemmatize's own, on real text and on slips."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

simplemma = pytest.importorskip("simplemma")

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample"


def test_the_same_lemmas_as_simplemma_and_the_table_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    from tqcheck.lexicon import lemmas

    lemmas._lemmatizer.cache_clear()
    text = (SAMPLE / "article.es.md").read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)))
    rng = random.Random(7)
    slips = [w[:i] + c + w[i + 1:] for w in words for i, c in [(rng.randrange(len(w)), rng.choice("aeiosnrx"))]]
    for word in words + [w.lower() for w in words] + slips + ["123", "Hola-mundo"]:
        assert lemmas.lemmatize(word, "es") == simplemma.lemmatize(word, "es")
    assert [p.name for p in tmp_path.glob("simplemma-*-es.pickle")]
    lemmas._lemmatizer.cache_clear()  # a new run: the index comes from the table
    assert lemmas.lemmatize("casas", "es") == simplemma.lemmatize("casas", "es")
    with pytest.raises(ValueError):
        lemmas.lemmatize("word", "zz")
    with pytest.raises(ValueError):
        lemmas.lemmatize("", "es")  # simplemma's own error for an empty token
