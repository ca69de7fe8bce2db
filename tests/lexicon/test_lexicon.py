"""The lexicon layer on the real Apertium data and the real wordfreq/simplemma lists."""
from __future__ import annotations

import pytest

from tests.conftest import needs_apertium
from tqcheck import lexicon


@needs_apertium
@pytest.mark.apertium
def test_apertium_analyses_both_sides_with_offsets_and_dictionary():
    src = ["If Walmart coloca the wage increase, such as 3.5% in [Iran]-backed.", "Three killed."]
    tgt = ["Si Walmart coloca el aumento salarial.", "Tres muertos."]
    lex = lexicon.start(src, tgt, "en", "es").result()
    assert lex.src_backend == "apertium eng-spa (+ bilingual dictionary)" and lex.src_dictionary
    words = {w.text: w for w in lex.src_words[0]}
    assert not words["coloca"].known and words["Walmart"].name_like
    assert {"sueldo", "salario"} <= set(words["wage"].translations)
    assert words["increase"].pos == "n" and "aumento" in words["increase"].translations
    assert words["increase"].opposites  # WordNet's decrease, through the dictionary
    es = {w.text: w for w in lex.tgt_words[0]}
    assert es["coloca"].known and es["coloca"].lemma == "colocar" and es["coloca"].pos == "vblex"
    for text, ws in zip(src + tgt, lex.src_words + lex.tgt_words):
        assert all(text[w.start:w.end] == w.text for w in ws)
    assert [w.text for w in lex.src_words[1]] == ["Three", "killed"]


@needs_apertium
@pytest.mark.apertium
def test_catalan_goes_through_the_constraint_grammar():
    lex = lexicon.start(["The government announced it."], ["El govern ho va anunciar."], "en", "ca").result()
    ca = {w.text: w for w in lex.tgt_words[0]}
    assert ca["govern"].pos == "n" and "government" in ca["govern"].translations
    assert ca["anunciar"].lemma == "anunciar"


def test_wordfreq_backend_for_arabic():
    b = lexicon.backend_for("ar", "en")
    assert b is not None and b.name == "wordfreq" and not b.translations
    (words,) = b.start(["أعلنت الحكومة عن إجراءاتجديدةلدعم"]).result()
    known = {w.text: w.known for w in words}
    assert known["الحكومة"] and not known["إجراءاتجديدةلدعم"]


def test_no_backend_for_an_unknown_language():
    assert lexicon.backend_for("xx", "en") is None
    lex = lexicon.start(["a"], ["b"], "en", "xx").result()
    assert lex.tgt_backend is None and lex.tgt_words == ()
