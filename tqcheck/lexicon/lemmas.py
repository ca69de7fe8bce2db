"""simplemma's lemmas, without decoding a whole dictionary on every run.

`simplemma.lemmatize` decodes the language's front-coded dictionary into a dict on its
first call: 1.2 s of Python for Spanish, to look up the handful of words a check asks
about. simplemma's own low-memory map (StreamMap) reads the same stream by blocks with
an index of each block's first key; building that index is the same pass, so the
decoded stream and its index are kept as a derived table (tqcheck/cache/derived.py) and
loaded in milliseconds. The lemmatizer is simplemma's default one (DefaultStrategy, not
greedy) over that map, so every lemma is the one `simplemma.lemmatize` gives; without
the stream map (simplemma < 2) it is `simplemma.lemmatize` itself.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


def lemmatize(word: str, lang: str) -> str:
    """What `simplemma.lemmatize(word, lang)` returns (ValueError for a language it lacks)."""
    lemmatizer = _lemmatizer()
    if lemmatizer is None:
        import simplemma

        return simplemma.lemmatize(word, lang)
    return lemmatizer.lemmatize(word, lang)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    try:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries.dictionary_factory import CachingDictionaryFactory
        from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap
    except ImportError:
        return None

    class IndexedStream(StreamMap):  # type: ignore[misc, valid-type]
        """StreamMap with its index from the derived-table cache."""

        def __init__(self, lang: str) -> None:
            (self._data, self._rev, self._count, self._pos, self._firsts,
             self._blocks) = _stream(lang, StreamMap)

    class Factory(CachingDictionaryFactory):  # type: ignore[misc, valid-type]
        def _get_dictionary_uncached(self, lang: str) -> Any:
            return IndexedStream(lang)

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=Factory()))


def _stream(lang: str, stream_map: Any) -> tuple[Any, ...]:
    from importlib.metadata import version

    from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER, SUPPORTED_LANGUAGES

    from tqcheck.cache.derived import cached

    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language: {lang}")

    def build() -> tuple[Any, ...]:
        m = stream_map(lang)
        return m._data, m._rev, m._count, m._pos, m._firsts, m._blocks

    return cached(f"simplemma-{version('simplemma')}-{lang}", [DATA_FOLDER / f"{lang}.plzma"], build)
