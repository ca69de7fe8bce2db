"""The sentence-level suite on its CI sample (corpora/eval/sentences, test-split documents
in the repo: CI has no ../shared): the split, the perturbations on real Apertium
resources, and the measures. The full run is benchmarks/evaluate_sentences.py."""
from __future__ import annotations

import random
import sys

import pytest

from tests.conftest import ROOT, needs_apertium

pytestmark = [needs_apertium, pytest.mark.apertium]
sys.path.insert(0, str(ROOT / "benchmarks"))

from suite import measure, split, units  # noqa: E402
from tqcheck.verdict.perturb import KINDS, Sentence, tokenize  # noqa: E402
from tqcheck.verdict.perturb.resources import Resources  # noqa: E402

SAMPLE = ROOT / "corpora" / "eval" / "sentences"


def test_the_split_is_by_document_and_fixed():
    pairs = split.load("es", SAMPLE)
    assert pairs and {p.split for p in pairs} == {"test"}
    assert split.split_of("ntrex128", "bbc.381790") == split.split_of("ntrex128", "bbc.381790")
    by_doc = {}
    for p in pairs:
        by_doc.setdefault(p.doc_key, set()).add(p.split)
    assert all(len(s) == 1 for s in by_doc.values())
    assert split.signature(pairs) == split.signature(list(reversed(pairs)))
    assert split.signature(pairs).startswith("split:v1|docs:train=0,dev=0,test=")


def _sentence(text: str, src: str, lang: str = "es", other: str = "en") -> tuple[Sentence, Resources]:
    res = Resources(other, lang)
    s = Sentence(text, lang, src, other, "doc", tokenize(text, res.lex.tag([text])[0]))
    res.index([s])
    return s, res


def _make(kind: str, s: Sentence, res: Resources):
    for collecting in (True, False):
        res.collecting = collecting
        out = KINDS[kind].make(s, res, random.Random(0))
        if collecting:
            res.flush()
    return out


@pytest.mark.parametrize("kind, expect", [
    ("gender_swap", "la perra"),  # generator: perro → perra, with its determiner
    ("tense_changed", "comió"),  # present → preterite
    ("negation_added", "no come"),
    ("untranslated_word", None),  # a dictionary translation into English
])
def test_perturbations_use_the_real_analyser_and_generator(kind, expect):
    s, res = _sentence("El perro come en la casa grande de Juan.", "The dog eats in Juan's big house.")
    out = _make(kind, s, res)
    assert out and out != s.text, kind
    if expect:
        assert expect in out.lower()
    else:
        assert any(w in out for w in ("dog", "eats", "house", "big")), out


def test_antonyms_come_from_the_analyser():
    s, res = _sentence("Es posible que llueva mañana.", "It is possible that it rains tomorrow.")
    assert "imposible" in _make("antonym", s, res)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    cache = str(tmp_path_factory.mktemp("sent") / "cache.sqlite3")
    out = []
    for d in ("en-es", "ca-en"):
        us = units.build(d, "test", 8, 0, SAMPLE, cache)
        units.check(us, d, cache)
        out += us
    return out


def test_every_kind_is_measured_in_both_clean_kinds(checked):
    result = measure.measure(checked)
    assert set(result) == {"en-es/human", "en-es/mt", "ca-en/human", "ca-en/mt"}
    seen = {k for r in result.values() for k in r["kinds"]}
    assert {"omit_content_word", "untranslated_sentence", "word_order", "truncation", "critical"} <= seen
    assert len(seen) >= len(KINDS) - 3  # a few kinds need a number, a month or a "no" in 8 sentences
    human = result["en-es/human"]
    assert human["kinds"]["untranslated_sentence"]["recall_before"] == 1.0
    assert human["kinds"]["critical"]["pref_after"] >= 0.6


def test_the_same_seed_builds_the_same_units(tmp_path):
    a = units.build("en-es", "test", 6, 3, SAMPLE, str(tmp_path / "c.sqlite3"))
    b = units.build("en-es", "test", 6, 3, SAMPLE, str(tmp_path / "c.sqlite3"))
    assert [(u.kind, u.tgt) for u in a] == [(u.kind, u.tgt) for u in b]
    assert len({u.kind for u in a}) > 10
