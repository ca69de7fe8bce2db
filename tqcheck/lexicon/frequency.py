"""How common a word is: wordfreq's Zipf frequency, the same figure, without loading
wordfreq on every run.

`import wordfreq` and one language's list cost 0.25–0.4 s a process (the module pulls
in regex, msgpack, ftfy and langcodes; each list is a 300,000-word dict built from its
msgpack file), and the spelling check asks a few hundred words an article. So each
list is kept as a derived table, a SQLite file in tqcheck's cache folder (word → its
frequency bucket), built from wordfreq's own data file the first time and rebuilt when
that file changes.

A word is looked up there only when wordfreq itself would look it up as it is: a
language whose text wordfreq just case-folds and NFC-normalises (its `language_info`:
no transliteration, no marks removed, no Turkish i, regex tokenizer), and a word of
Latin letters only, already folded. Anything else (digits, apostrophes, Arabic, a
language wordfreq treats specially) goes to wordfreq, so the answer is always
wordfreq's. tests/lexicon/test_frequency.py compares the two.
"""
from __future__ import annotations

import importlib.util
import math
import os
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path

WORDLIST = "best"
VERSION = 1  # of the table's layout
_MINIMUM = 10**0 / 1e9  # wordfreq.zipf_to_freq(0): zipf_frequency's default floor


def _data_file(code: str) -> Path | None:
    """wordfreq's "best" list for a code: large if there is one, else small."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    data = Path(spec.origin).parent / "data"
    for size in ("large", "small"):
        path = data / f"{size}_{code}.msgpack.gz"
        if path.is_file():
            return path
    return None


def available(code: str) -> bool:
    """Whether wordfreq has a list for this code (its own test: a data file of that name)."""
    return _data_file(code) is not None


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{VERSION}:{path.name}:{st.st_size}:{st.st_mtime_ns}"


def _simple(code: str) -> bool:
    """Whether wordfreq reads a folded Latin word of this language as it is."""
    from wordfreq.language_info import get_language_info

    info = get_language_info(code)
    return (info["tokenizer"] == "regex" and info["normal_form"] == "NFC" and not info["remove_marks"]
            and not info["dotless_i"] and info["transliteration"] is None
            and info["diacritics_under"] is None and info["lookup_transliteration"] is None)


def _build(code: str, data: Path, path: Path) -> None:
    from wordfreq import get_frequency_list

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("CREATE TABLE words (word TEXT PRIMARY KEY, bucket INTEGER) WITHOUT ROWID")
        simple = _simple(code)
        if simple:  # else every word goes to wordfreq: the table only says so
            con.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)",
                            ((w, i) for i, bucket in enumerate(get_frequency_list(code, WORDLIST)) for w in bucket))
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("stamp", _stamp(data)), ("simple", str(int(simple)))])
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


class Table:
    def __init__(self, con: sqlite3.Connection | None, simple: bool) -> None:
        self.con, self.simple = con, simple

    def bucket(self, word: str) -> int | None:
        assert self.con is not None
        row = self.con.execute("SELECT bucket FROM words WHERE word = ?", (word,)).fetchone()
        return None if row is None else int(row[0])


@lru_cache(maxsize=64)
def _table(code: str) -> Table:
    """The table for a wordfreq code; one that is not simple sends every word to wordfreq."""
    from tqcheck.cache.derived import cache_dir

    data = _data_file(code)
    if data is None:
        return Table(None, False)
    path = cache_dir() / f"wordfreq-{code}.sqlite3"
    for _ in range(2):
        try:
            # immutable: no locks at all. The file is only ever replaced whole (a new
            # inode), never written in place, and a forked child may read it too
            # (tqcheck/parallel.py), which SQLite's locks do not allow across a fork.
            con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("stamp") == _stamp(data):
                return Table(con, meta.get("simple") == "1")
            con.close()
        except sqlite3.Error:
            pass
        try:
            _build(code, data, path)
        except (OSError, sqlite3.Error):
            break  # a read-only cache folder: wordfreq answers, as before
    return Table(None, False)


def _latin_folded(word: str) -> bool:
    return (word.isalpha() and word == word.casefold()
            and all("a" <= c <= "z" or "\u00c0" <= c < "\u0250" for c in word)
            and unicodedata.is_normalized("NFC", word))


def _zipf_of_bucket(bucket: int) -> float:
    """wordfreq's own arithmetic, step for step (the float results must be its own): bucket
    i holds frequency 10^(-i/100); a one-token word's frequency is 1 / (1 / f), at least
    the minimum for Zipf 0, rounded to three significant digits; then the Zipf scale,
    rounded to hundredths."""
    freq = max(1.0 / (1.0 / 10 ** (-bucket / 100)), _MINIMUM)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=200_000)
def zipf(word: str, code: str) -> float:
    """wordfreq.zipf_frequency(word, code); 0.0 for a language wordfreq does not have."""
    table = _table(code)
    if table.simple and _latin_folded(word):
        bucket = table.bucket(word)
        return 0.0 if bucket is None else _zipf_of_bucket(bucket)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    try:
        return float(zipf_frequency(word, code))
    except LookupError:
        return 0.0
