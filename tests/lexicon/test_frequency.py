"""The derived frequency table gives wordfreq's own Zipf figures, word for word."""
from __future__ import annotations

import random

import pytest
from wordfreq import iter_wordlist, zipf_frequency

from tqcheck.lexicon import frequency

LANGS = ["en", "es", "ca", "ar"]  # ar: wordfreq removes its marks, so it answers itself
# Forms the table must hand to wordfreq or answer exactly as it does: capitals, elisions,
# hyphens, digits, marks, German ß, Arabic marks and tatweel, words not in the list.
ODD = ["Hello", "l'homme", "d’Espanya", "well-known", "covid19", "2020", "naïve", "nai\u0308ve",
       "straße", "كَلِمَة", "الحمــــــد", "qwxzzyq", "ÉTAT", "œuvre", "ªb", "", " ", "x"]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return tmp_path_factory.mktemp("derived")


@pytest.fixture(autouse=True)
def own_cache(tables, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tables))
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()
    yield
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()


@pytest.mark.parametrize("code", LANGS)
def test_every_sampled_word_has_wordfreqs_figure(code):
    words = list(iter_wordlist(code))
    rng = random.Random(code)
    sample = rng.sample(words, 3000) + words[:200] + words[-200:] + ODD
    sample += [w[::-1] for w in sample[:300]] + [w.title() for w in sample[:100]]
    got = {w: frequency.zipf(w, code) for w in sample}
    assert got == {w: zipf_frequency(w, code) for w in sample}


def test_the_table_is_built_once_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    assert frequency.zipf("house", "en") == zipf_frequency("house", "en")
    table = tmp_path / "wordfreq-en.sqlite3"
    assert table.is_file()
    built = table.stat().st_mtime_ns
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()
    assert frequency.zipf("house", "en") == zipf_frequency("house", "en")
    assert table.stat().st_mtime_ns == built
    table.write_bytes(b"not a database")  # a damaged table is rebuilt, not trusted
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()
    assert frequency.zipf("house", "en") == zipf_frequency("house", "en")
    assert table.stat().st_size > 1_000_000


def test_a_language_wordfreq_lacks_is_zero():
    assert frequency.zipf("word", "xx") == 0.0


def test_a_cache_folder_that_cannot_be_made_falls_back_to_wordfreq(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocker / "cache"))
    assert frequency.zipf("casa", "es") == zipf_frequency("casa", "es")
    assert not frequency._table("es").simple
