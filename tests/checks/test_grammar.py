"""The grammar check on real sentences and their broken copies, with the real Apertium
taggers and the shipped step tables; and the step tables' arithmetic."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.checks.word_helpers import fails, passes, word_findings, word_unit
from tests.conftest import needs_apertium
from tqcheck.checks import CHECKS
from tqcheck.lexicon import Word, tagseq

EN = "The government announced new measures to support the economy on Monday."
ES = "El gobierno anunció nuevas medidas para apoyar la economía el lunes."
CA = "El govern va anunciar dilluns noves mesures per donar suport a l'economia."
EN2 = "Enjoy a fine coffee in the morning and a relaxing chamomile tea in the evening."
ES2 = "Disfrute de un exquisito café en la mañana y de un relajante té de manzanilla en la noche."


@needs_apertium
@pytest.mark.apertium
@pytest.mark.parametrize("pair, source, broken, where", [
    # A noun dropped: its article is left before an article, a conjunction, the full stop.
    ("en-es", EN, "El gobierno anunció nuevas medidas para apoyar la el lunes.", "la el"),
    ("en-es", "He must keep calm and serenity.", "Debe mantener la y la serenidad.", "la y"),
    ("en-es", EN2, "Disfrute de un exquisito café en la mañana y de un relajante té de manzanilla en la.", "la."),
    ("en-ca", EN, "El govern va anunciar dilluns noves mesures per donar suport a la de.", "de."),
    ("es-en", ES, "The government announced new measures to support the of on Monday.", "the of"),
    ("es-en", "Debe mantener la calma y la serenidad.", "He must keep the and the serenity.", "the and"),
])
def test_broken_steps(pair, source, broken, where):
    found = word_findings("grammar", source, broken, pair)
    assert len(found) == 1, found
    u, _ = word_unit(source, broken, pair)
    spans = found[0].evidence["target_spans"]
    assert " ".join(u.target_text[a:b] for a, b in spans) == where.rstrip(".")
    assert found[0].message.startswith(f"“{where}”")


@needs_apertium
@pytest.mark.apertium
def test_clean_sentences_pass():
    assert passes("grammar", EN, ES)
    assert passes("grammar", EN2, ES2)
    assert passes("grammar", EN, CA, "en-ca")
    assert passes("grammar", ES, EN, "es-en")
    # "some of" is a quantifier before a preposition, not an article left alone.
    assert passes("grammar", "Algunos de los pasajeros resultaron heridos.", "Some of the passengers were injured.",
                  "es-en")


@needs_apertium
@pytest.mark.apertium
def test_article_agreement():
    f = word_findings("grammar", "The police said the woman had a gun.", "La policía dijo que las mujer tenía un arma.")
    assert [x.evidence["target_words"] for x in f] == [["las", "mujer"]]
    assert "pl ≠ sg" in f[0].message
    # "un arma": a feminine noun with a stressed a takes "un"; the tagger's gender is no evidence.
    assert passes("grammar", "The police said the woman had a gun.", "La policía dijo que la mujer tenía un arma.")
    assert fails("grammar", EN, "El govern va anunciar dilluns noves mesures per donar suport a les economia.",
                 "en-ca")


def w(text: str, start: int, pos: str, *tags: str) -> Word:
    return Word(text, start, start + len(text), text.lower(), pos, True, tags=tags)


def test_sequence_classes_and_punctuation():
    text = "Los hombres, que comen, se van."
    words = [w("Los", 0, "det", "def", "m", "pl"), w("hombres", 4, "n", "m", "pl"), w("que", 13, "rel", "an"),
             w("comen", 17, "vblex", "pri", "p3", "pl"), w("se", 24, "prn", "pro"), w("van", 27, "vblex", "pri")]
    seq = tagseq.sequence(words, text)
    assert [c for c, _ in seq] == ["<s>", "det.def", "n", "comma", "rel", "vblex.fin", "comma", "prn.pro",
                                   "vblex.fin", "stop", "</s>"]
    assert [i for _, i in seq if i is not None] == list(range(6))
    assert tagseq.word_class(w("comer", 0, "vblex", "inf")) == "vblex.inf"
    assert tagseq.word_class(Word("Zoungla", 0, 7, "zoungla", "", False)) == "name"


def test_table_surprise_is_observed_over_expected():
    seqs = [[("a", None), ("b", None)]] * 30 + [[("b", None), ("a", None)]] * 10
    t = tagseq.count("test", "sig", seqs)
    assert t.unigrams == {"a": 40, "b": 40} and t.total == 80
    # a → b: 30 seen; chance predicts 40 * 40 / 80 = 20.
    assert t.surprise("a", "b", 1) == pytest.approx(1.5)
    assert t.surprise("a", "a", 1) == 0.0
    assert t.surprise("a", "a", 21) is None  # too little text to expect it
    assert t.worst_step([("a", 0), ("a", 1)], 1) == (0.0, 0, "“a” before “a”")
    # A passage of k sentences takes k chances: it has an operating point of its own.
    t = replace(t, max_surprise=0.02, longer=(0.01, 0.005, -1.0))
    assert [t.limit(k) for k in (1, 2, 3, 4, 9)] == [0.02, 0.01, 0.005, -1.0, -1.0]


@needs_apertium
def test_shipped_tables_record_their_data():
    for path in sorted(tagseq.DATA.glob("tagsteps-*.json")):
        t = tagseq.table_for(path.stem.removeprefix("tagsteps-"))
        assert t is not None and t.signature.startswith("train split, ")
        assert 0 <= t.max_surprise <= tagseq.MAX_SURPRISE and t.total > 10_000


@needs_apertium
@pytest.mark.apertium
def test_the_verdict_reads_the_grammar_evidence():
    from tqcheck.verdict.wordfeatures import word_features

    broken, _ = word_unit(EN, "El gobierno anunció nuevas medidas para apoyar la el lunes.", "en-es")
    clean, _ = word_unit(EN, ES, "en-es")
    agree, _ = word_unit("The police said the woman had a gun.", "La policía dijo que las mujer tenía una pistola.",
                         "en-es")
    assert word_features(broken)["words_grammar_rarity"] == pytest.approx(3.0)  # never seen: -log10(0 + 0.001)
    assert word_features(clean)["words_grammar_rarity"] < 1.5
    assert word_features(agree)["words_grammar_disagree"] == 1.0
    assert word_features(clean)["words_grammar_disagree"] == 0.0


def test_the_suite_scrambles_every_word_and_keeps_the_full_stop():
    import random

    from tqcheck.verdict.perturb import KINDS, Sentence

    s = Sentence(ES, "es", EN, "en", "d")
    out = KINDS["scramble"].make(s, None, random.Random(1))
    assert out != ES and out.endswith(".") and sorted(out[:-1].split()) == sorted(ES[:-1].split())
    assert KINDS["scramble"].critical and KINDS["scramble"].category == "word-order"
    assert KINDS["scramble"].make(Sentence("Muy corta.", "es", "Short.", "en", "d"), None, random.Random(1)) is None


@needs_apertium
@pytest.mark.apertium
def test_without_a_tagger_the_check_says_why():
    # Arabic words come from wordfreq: no tagger, no step table, and the report says so.
    _, ctx = word_unit("The government announced new measures.", "أعلنت الحكومة عن إجراءات جديدة.", "en-ar")
    assert CHECKS["grammar"]().unavailable(ctx) == ("no part-of-speech step table for ar "
                                                    "(an Apertium tagger of the language)")
