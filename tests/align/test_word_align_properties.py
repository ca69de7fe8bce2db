"""Word alignment properties: every word is linked or reported unaligned, exactly once;
links are one-to-one; offsets point at the words."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.align.words import align_words, unit_words
from tqcheck.lexicon import Word
from tqcheck.model import Passage

VOCAB = ["gobierno", "government", "nuevas", "new", "Walmart", "2019", "casa", "house", "de", "the",
         "medidas", "measures", "economía", "economy", "presidente", "president", "la", "el"]
TRANSLATE = {"government": ("gobierno",), "new": ("nuevo",), "house": ("casa",), "measures": ("medida",)}


def words_of(text: str, translations: bool) -> list[Word]:
    out = []
    for m in re.finditer(r"\w+", text):
        w = m.group()
        out.append(Word(w, m.start(), m.end(), w.lower(), "n" if len(w) > 3 else "det", True,
                        TRANSLATE.get(w.lower(), ()) if translations else ()))
    return out


sentences = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(sentences, sentences, sentences)
def test_every_word_linked_or_unaligned_exactly_once(src, tgt, back):
    s, t = words_of(src, True), words_of(tgt, False)
    wa = align_words(s, t, back, src_lang="en", tgt_lang="es", dictionary=True)
    linked_s = [lk.src for lk in wa.links]
    linked_t = [lk.tgt for lk in wa.links]
    assert len(set(linked_s)) == len(linked_s) and len(set(linked_t)) == len(linked_t)
    assert sorted(linked_s + list(wa.unaligned_src)) == list(range(len(s)))
    assert sorted(linked_t + list(wa.unaligned_tgt)) == list(range(len(t)))
    assert 0.0 <= wa.coverage_src <= 1.0 and 0.0 <= wa.coverage_tgt <= 1.0
    for w in wa.src_words:
        assert src[w.start:w.end] == w.text
    for w in wa.tgt_words:
        assert tgt[w.start:w.end] == w.text


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences.filter(bool), min_size=1, max_size=3))
def test_offsets_point_into_the_units_joined_text(texts):
    passages = tuple(Passage(i, t, 1 + 2 * i) for i, t in enumerate(texts))
    per_passage = [tuple(words_of(t, False)) for t in texts]
    joined = "\n".join(texts)
    for w in unit_words(passages, per_passage):
        assert joined[w.start:w.end] == w.text


def test_identical_dictionary_and_cognate_links():
    s = words_of("The government of Walmart raised 2019 presidente", True)
    t = words_of("El gobierno de Walmart subió 2019 president", False)
    wa = align_words(s, t, "", src_lang="en", tgt_lang="es", dictionary=True)
    how = {(wa.src_words[lk.src].text, wa.tgt_words[lk.tgt].text): lk.how for lk in wa.links}
    assert how[("government", "gobierno")] == "dictionary"
    assert how[("Walmart", "Walmart")] == "identical" and how[("2019", "2019")] == "identical"
    assert how[("presidente", "president")] == "cognate"


def test_an_auxiliary_takes_no_back_translation_link():
    # Catalan's periphrastic past: "va observar" back-translated "va veure" for "saw".
    # The auxiliary "va" comes back, but says nothing of which word produced it; linking
    # it to "saw" would leave "observar" a hole (an omission that is not there).
    s = [Word("va", 0, 2, "anar", "vblex"), Word("observar", 3, 11, "observar", "vblex"),
         Word("quadrats", 12, 20, "quadrat", "n", True, ("square",))]
    t = [Word("saw", 0, 3, "see", "vblex"), Word("squares", 4, 11, "square", "n")]
    wa = align_words(s, t, "va veure quadrats", src_lang="ca", tgt_lang="en", dictionary=True)
    assert 0 in wa.unaligned_src and 0 in wa.unaligned_tgt
    # A content word that comes back still links by the back-translation.
    s = [Word("veure", 0, 5, "veure", "vblex"), s[2]]
    wa = align_words(s, t, "veure quadrats", src_lang="ca", tgt_lang="en", dictionary=True)
    assert {(lk.src, lk.tgt, lk.how) for lk in wa.links} >= {(0, 0, "back")}
