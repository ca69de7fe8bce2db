"""Word alignment inside one aligned unit, at the lemma level.

Evidence, strongest first: the bilingual dictionary (either direction), identical
tokens (names, numbers, URLs), cognates (shared stem or close spelling once accents are
folded), and the back-translation (a source word that comes back links to the
translation word at the same relative place). Links are one-to-one, taken greedily by
strength and then by closeness of relative position.

`WordAlignment` is the stable result other stages read (the checks, the reports, the
learned verdict): the words of each side with offsets into the unit's text, the links,
the unaligned words of each side, and the share of content words linked.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from tqcheck.lexicon import Word, grammar_lemmas, wordnet

# Link strengths; a back-translation match alone is the weakest.
STRENGTH = {"identical": 4.0, "dictionary": 3.0, "cognate": 2.0, "back": 1.0, "synonym": 1.0}
# A back-translation match links to a translation word at most this far away (relative
# position 0..1), since Apertium keeps the order of the translation.
BACK_WINDOW = 0.2
_BACK_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Link:
    src: int  # index into WordAlignment.src_words
    tgt: int  # index into WordAlignment.tgt_words
    how: str  # identical | dictionary | cognate | back | synonym


@dataclass(frozen=True)
class WordAlignment:
    src_words: tuple[Word, ...]
    tgt_words: tuple[Word, ...]
    links: tuple[Link, ...]
    unaligned_src: tuple[int, ...]  # every word of a side is linked or listed here, once
    unaligned_tgt: tuple[int, ...]
    # Per source word: it (or its lemma) comes back in the back-translation.
    src_in_back: tuple[bool, ...]
    src_lang: str = ""
    tgt_lang: str = ""
    dictionary: bool = False  # the source words carried dictionary translations

    # The checks ask these of the same alignment thousands of times an article; each is
    # made once (in the instance's __dict__, which a frozen dataclass still has).
    @cached_property
    def _content_src(self) -> tuple[int, ...]:
        g = grammar_lemmas(self.src_lang)
        return tuple(i for i, w in enumerate(self.src_words) if w.content and w.lemma not in g)

    @cached_property
    def _content_tgt(self) -> tuple[int, ...]:
        g = grammar_lemmas(self.tgt_lang)
        return tuple(i for i, w in enumerate(self.tgt_words) if w.content and w.lemma not in g)

    def content_src(self) -> tuple[int, ...]:
        return self._content_src

    def content_tgt(self) -> tuple[int, ...]:
        return self._content_tgt

    @cached_property
    def src_to_tgt(self) -> dict[int, int]:
        """Each linked source word's translation word (the last link, for a word with two)."""
        return {lk.src: lk.tgt for lk in self.links}

    @cached_property
    def tgt_to_src(self) -> dict[int, int]:
        return {lk.tgt: lk.src for lk in self.links}

    @property
    def coverage_src(self) -> float:
        return _coverage(self.content_src(), {lk.src for lk in self.links})

    @property
    def coverage_tgt(self) -> float:
        return _coverage(self.content_tgt(), {lk.tgt for lk in self.links})

    def to_dict(self) -> dict[str, object]:
        """The JSON form (report version 3): offsets into the unit's source / translation
        text; links as [source word, translation word, how]."""
        def words(ws: tuple[Word, ...]) -> list[dict[str, object]]:
            return [{"text": w.text, "start": w.start, "end": w.end, "lemma": w.lemma, "pos": w.pos,
                     "known": w.known, "content": w.content} for w in ws]
        return {"source": words(self.src_words), "translation": words(self.tgt_words),
                "links": [[lk.src, lk.tgt, lk.how] for lk in self.links],
                "unaligned_source": list(self.unaligned_src),
                "unaligned_translation": list(self.unaligned_tgt),
                "coverage": {"source": round(self.coverage_src, 4),
                             "translation": round(self.coverage_tgt, 4)}}

    def counterparts_src(self, i: int) -> list[int]:
        return [lk.tgt for lk in self.links if lk.src == i]

    def counterparts_tgt(self, j: int) -> list[int]:
        return [lk.src for lk in self.links if lk.tgt == j]


def _coverage(content: list[int], linked: set[int]) -> float:
    return 1.0 if not content else sum(i in linked for i in content) / len(content)


@lru_cache(maxsize=100_000)
def fold(s: str) -> str:
    """Lowercase without accents: cognates and dictionary forms compare on this."""
    nfd = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in nfd if not unicodedata.combining(c)).replace("’", "'")


def stem_match(a: str, b: str) -> bool:
    """Same word up to inflection: equal, or sharing a long prefix."""
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 4:
        return False
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k >= max(4, n - 2)


def distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count one)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=200_000)  # the same pairs come back unit after unit (and cost a SequenceMatcher)
def cognate(a: str, b: str) -> bool:
    if len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    if stem_match(a, b):
        return True
    k = 0
    n = min(len(a), len(b))
    while k < n and a[k] == b[k]:
        k += 1
    return k >= 5 or (k >= 3 and _ratio(a, b) >= 0.8)


def _ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _translations(w: Word) -> frozenset[str]:
    return _folded_translations(w.translations)


@lru_cache(maxsize=100_000)
def _folded_translations(translations: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for t in translations:
        f = fold(t)
        out.add(f)
        out.update(p for p in f.split() if len(p) > 3)  # "hacer huelga" also links "huelga"
    return frozenset(out)


def _rel(i: int, n: int) -> float:
    return i / (n - 1) if n > 1 else 0.5


def align_words(src: Sequence[Word], tgt: Sequence[Word], back: str = "", *,
                src_lang: str = "", tgt_lang: str = "", dictionary: bool = False
                ) -> WordAlignment:
    ns, nt = len(src), len(tgt)
    s_lem = [fold(w.lemma) for w in src]
    s_txt = [fold(w.text) for w in src]
    t_lem = [fold(w.lemma) for w in tgt]
    t_txt = [fold(w.text) for w in tgt]
    s_tr = [_translations(w) for w in src]
    t_tr = [_translations(w) for w in tgt]
    s_content = [w.content for w in src]
    t_content = [w.content for w in tgt]
    cands: list[tuple[float, int, int, str]] = []
    index = _TargetIndex(t_lem, t_txt, t_tr, t_content)
    for i in range(ns):
        # Only the translation words that can pass one of the tests below, in order: the
        # same candidates as trying every pair, without the ns × nt loop.
        for j in index.candidates(s_lem[i], s_txt[i], s_tr[i], s_content[i]):
            how = None
            if s_txt[i] == t_txt[j] and (src[i].name_like or len(s_txt[i]) > 2 or
                                         not s_content[i]):
                how = "identical"
            elif (t_lem[j] in s_tr[i] or t_txt[j] in s_tr[i] or s_lem[i] in t_tr[j]
                  or s_txt[i] in t_tr[j]):
                how = "dictionary"
            elif s_content[i] and t_content[j] and (cognate(s_lem[i], t_lem[j])
                                                    or cognate(s_txt[i], t_txt[j])):
                how = "cognate"
            if how:
                cands.append((STRENGTH[how] - abs(_rel(i, ns) - _rel(j, nt)), i, j, how))
    back_tokens = [fold(t) for t in _BACK_TOKEN.findall(back)]
    find_back = _BackIndex(back_tokens)
    back_at = [find_back(s_lem[i], s_txt[i]) for i in range(ns)]
    in_back = tuple(k >= 0 for k in back_at)
    links = _greedy(cands)
    linked_s = {lk.src for lk in links}
    linked_t = {lk.tgt for lk in links}
    # The back-translation: a source word that comes back links to a still unlinked
    # translation word at the same relative place.
    # Not a grammar word: an auxiliary comes back in every back-translation and says
    # nothing of which word produced it (Catalan "va observar", "va veure" for "saw":
    # "va" would take "saw" from "observar").
    nb = len(back_tokens)
    s_grammar, t_grammar = grammar_lemmas(src_lang), grammar_lemmas(tgt_lang)
    for i in range(ns):
        if i in linked_s or not s_content[i] or not in_back[i] or src[i].lemma in s_grammar:
            continue
        pos = _rel(back_at[i], nb)
        best = min(((abs(_rel(j, nt) - pos), j) for j in range(nt)
                    if j not in linked_t and t_content[j] and tgt[j].lemma not in t_grammar), default=None)
        if best is not None and best[0] <= BACK_WINDOW:
            links.append(Link(i, best[1], "back"))
            linked_s.add(i)
            linked_t.add(best[1])
    _synonym_links(src, tgt, links, linked_s, linked_t, src_lang, tgt_lang)
    links.sort(key=lambda lk: (lk.src, lk.tgt))
    return WordAlignment(tuple(src), tuple(tgt), tuple(links),
                         tuple(i for i in range(ns) if i not in linked_s),
                         tuple(j for j in range(nt) if j not in linked_t),
                         in_back, src_lang, tgt_lang, dictionary)


class _TargetIndex:
    """The translation words by surface, lemma, dictionary translation and first letter."""

    def __init__(self, lem: list[str], txt: list[str], tr: list[frozenset[str]], content: list[bool]) -> None:
        self.by_txt: dict[str, set[int]] = {}
        self.by_form: dict[str, set[int]] = {}
        self.by_tr: dict[str, set[int]] = {}
        self.first_lem: dict[str, set[int]] = {}
        self.first_txt: dict[str, set[int]] = {}
        for j, (a, b) in enumerate(zip(lem, txt)):
            self.by_txt.setdefault(b, set()).add(j)
            self.by_form.setdefault(a, set()).add(j)
            self.by_form.setdefault(b, set()).add(j)
            for x in tr[j]:
                self.by_tr.setdefault(x, set()).add(j)
            if content[j]:  # a cognate starts with the same letter
                self.first_lem.setdefault(a[:1], set()).add(j)
                self.first_txt.setdefault(b[:1], set()).add(j)

    def candidates(self, lem: str, txt: str, tr: frozenset[str], content: bool) -> list[int]:
        groups = [self.by_txt.get(txt), self.by_tr.get(lem), self.by_tr.get(txt),
                  *(self.by_form.get(x) for x in tr)]
        if content:
            groups += [self.first_lem.get(lem[:1]), self.first_txt.get(txt[:1])]
        return sorted(set().union(*(g for g in groups if g)))


class _BackIndex:
    """The first back-translation token that is the word or its lemma up to inflection
    (`stem_match`): tokens of 4+ letters can only match one sharing their first four."""

    def __init__(self, tokens: list[str]) -> None:
        self.exact: dict[str, int] = {}
        self.prefix: dict[str, list[tuple[int, str]]] = {}
        for k, t in enumerate(tokens):
            self.exact.setdefault(t, k)
            if len(t) >= 4:
                self.prefix.setdefault(t[:4], []).append((k, t))

    def first(self, word: str) -> int:
        if len(word) < 4:
            return self.exact.get(word, -1)
        return next((k for k, t in self.prefix.get(word[:4], ()) if stem_match(t, word)), -1)

    def __call__(self, lemma: str, text: str) -> int:
        found = [k for k in (self.first(text), self.first(lemma)) if k >= 0]
        return min(found) if found else -1


def _english(w: Word, lang: str) -> set[str]:
    return {w.lemma} if lang == "en" else set(w.translations)


def _synonym_links(src: Sequence[Word], tgt: Sequence[Word], links: list[Link], linked_s: set[int],
                   linked_t: set[int], src_lang: str, tgt_lang: str) -> None:
    """Translators' synonyms, through WordNet synsets of the English side (or of the
    English dictionary translations), for the content words still unlinked."""
    if "en" not in (src_lang, tgt_lang):
        return
    free_t = [j for j in range(len(tgt)) if j not in linked_t and tgt[j].content]
    free_s = [i for i in range(len(src)) if i not in linked_s and src[i].content]
    if not free_t or not free_s or not wordnet.available():
        return
    ns, nt = len(src), len(tgt)
    senses = {j: wordnet.senses(_english(tgt[j], tgt_lang)) for j in free_t}
    for i in free_s:
        mine = wordnet.senses(_english(src[i], src_lang))
        best = min(((abs(_rel(i, ns) - _rel(j, nt)), j) for j in free_t if j not in linked_t
                    and mine & senses[j]), default=None)
        if best is not None:
            links.append(Link(i, best[1], "synonym"))
            linked_s.add(i)
            linked_t.add(best[1])


def _greedy(cands: list[tuple[float, int, int, str]]) -> list[Link]:
    cands.sort(key=lambda c: -c[0])
    used_s: set[int] = set()
    used_t: set[int] = set()
    out = []
    for _, i, j, how in cands:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        out.append(Link(i, j, how))
    return out


def unit_words(passages: Sequence, words_by_passage: Sequence[tuple[Word, ...]]) -> list[Word]:
    """The words of a unit's passages, with offsets into the unit's text ("\\n"-joined)."""
    out: list[Word] = []
    base = 0
    for p in passages:
        ws = words_by_passage[p.index] if p.index < len(words_by_passage) else ()
        out.extend(_shift(w, base) for w in ws)
        base += len(p.text) + 1
    return out


def _shift(w: Word, by: int) -> Word:
    if not by:
        return w
    return replace(w, start=w.start + by, end=w.end + by)
