"""What the perturbations look up, batched: Apertium runs once per language and kind of
question, not once per word.

Perturbing is done twice (runner): a first pass with `collecting` on records every form,
analysis and translation the kinds ask for and answers "unknown"; `flush()` asks lt-proc
for all of them at once; the second pass, with the same seeds, gets the answers.
"""
from __future__ import annotations

import calendar
import unicodedata
import zlib
from collections import defaultdict

from tqcheck.verdict.lexicon import WORD, frequent_words, lexicon, lemma, pos, tags, top_words

# Antonyms by negative prefix: a word and the prefixed word are both adjectives (or both
# adverbs) in the analyser, e.g. posible/imposible, legal/ilegal, likely/unlikely.
NEG_PREFIXES = {"es": ("in", "im", "i", "des", "a"), "ca": ("in", "im", "i", "des", "a"),
                "en": ("un", "in", "im", "il", "ir", "dis", "non")}
# Unit and calendar groups are seeded in English (stdlib calendar names, SI and time units)
# and take each language's forms from the bilingual dictionary.
UNIT_SEEDS = [["kilometre", "metre", "centimetre", "millimetre", "mile"],
              ["kilogram", "gram", "tonne"], ["second", "minute", "hour", "day", "week", "month", "year"],
              ["litre", "millilitre"], ["percent", "degree"]]


class Resources:
    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.src_lang, self.lang = src_lang, tgt_lang
        self.lex = lexicon(tgt_lang, src_lang)
        self.collecting = False
        self._want_forms: set[str] = set()
        self._want_words: set[str] = set()
        self._want_trans: set[str] = set()
        self._trans: dict[str, str | None] = {}
        self._nouns: dict[str, dict[tuple, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
        self._entities: dict[str, set[str]] = defaultdict(set)
        self._phrases: dict[str, list[str]] = defaultdict(list)
        self._groups: dict[str, tuple[str, ...]] = {}
        self._frequent: dict[str, list[str]] = {}

    # --- built once from the sentences of the run ---------------------------------------
    def index(self, sentences) -> None:  # type: ignore[no-untyped-def]
        for s in sentences:
            for i, t in enumerate(s.tokens):
                if t.pos == "n":
                    self._nouns[s.doc][tuple(tags(t.readings[0]))].add((t.text.lower(), lemma(t.readings[0])))
                if t.pos == "pr":
                    for j in range(i + 1, min(i + 4, len(s.tokens))):
                        if s.tokens[j].pos == "n":
                            self._phrases[s.doc].append(s.text[t.start:s.tokens[j].end])
                            break
            from tqcheck.verdict.perturb import entity_spans
            names = {t.start: t for t in s.tokens if t.has("np")}
            for a, b in entity_spans(s):
                if a in names:  # the analyser's proper nouns only, not any capitalised word
                    self._entities[s.doc].add(s.text[a:b])
        self._build_groups()
        self._build_frequent()

    def _build_groups(self) -> None:
        seeds = [[m.lower() for m in calendar.month_name[1:]], [d.lower() for d in calendar.day_name], *UNIT_SEEDS]
        if self.lang == "en":
            groups = seeds
        else:
            en = lexicon("en", self.lang)
            en.analyse([w.capitalize() for g in seeds for w in g] + [w for g in seeds for w in g])
            readings = {w: next((r for r in en.readings(w) + en.readings(w.capitalize()) if pos(r) == "n"), None)
                        for g in seeds for w in g}
            trans = en.translate_words([r for r in readings.values() if r])
            self.lex.analyse([f.lower() for f in trans.values() if f])
            groups = [[lemma_of(trans.get(readings[w] or ""), self.lex) for w in g] for g in seeds]
        for g in groups:
            members = tuple(dict.fromkeys(w for w in g if w))
            for w in members:
                self._groups[w] = members

    def _build_frequent(self) -> None:
        words = [w for w in top_words(self.lang, 3000) if len(w) > 2]
        self.lex.analyse(words)
        negations = {"no", "not", "never", "nunca", "jamás", "mai", "tampoco", "ni"}
        for p in ("adv", "adj"):
            self._frequent[p] = [w for w in words if w not in negations and self.lex.readings(w)
                                 and all(pos(r) == p for r in self.lex.readings(w))][:300]

    # --- answers ------------------------------------------------------------------------
    def frequent(self, lang: str, p: str) -> list[str]:
        return self._frequent.get(p, [])

    def phrases(self, lang: str, doc: str) -> list[str]:
        # From another document: an addition, not a repeat of this article's own words.
        others = [d for d in sorted(self._phrases) if d != doc]
        return self._phrases[others[zlib.crc32(doc.encode()) % len(others)]] if others else []

    def doc_nouns(self, lang: str, doc: str, key: tuple) -> list[tuple[str, str]]:
        return sorted(self._nouns[doc].get(key, ()))

    def entities(self, lang: str, doc: str) -> list[str]:
        return sorted(e for d, es in self._entities.items() if d != doc for e in es)[:2000]

    def group_of(self, lang: str, lem: str) -> tuple[str, ...] | None:
        return self._groups.get(lem)

    def translation(self, lang: str, src_lang: str, reading: str) -> str | None:
        if self.collecting:
            self._want_trans.add(reading)
            return None
        return self._trans.get(reading)

    def form(self, lang: str, lem: str, tag_list: list[str]) -> str | None:
        """The generator's form of lemma+tags, trying the other gender and, for English
        verbs, without person and number (English past has neither)."""
        variants = [tag_list, [{"m": "f", "f": "m"}.get(t, t) for t in tag_list],
                    [t for t in tag_list if t not in ("p1", "p2", "p3", "sg", "pl")]]
        analyses = ["%s%s" % (lem, "".join(f"<{t}>" for t in v)) for v in variants]
        if self.collecting:
            self._want_forms.update(analyses)
            return None
        got = self.lex.generate(analyses)
        return next((got[a] for a in analyses if got.get(a)), None)

    def swap_gender(self, lang: str, reading: str) -> str | None:
        ts = tags(reading)
        swapped = [{"m": "f", "f": "m"}.get(t, t) for t in ts]
        if swapped == ts:
            return None
        a = lemma(reading) + "".join(f"<{t}>" for t in swapped)
        if self.collecting:
            self._want_forms.add(a)
            return None
        return self.lex.generate([a])[a]

    def antonyms(self, lang: str, word: str) -> list[str]:
        w = word.lower()
        cands = [p + w for p in NEG_PREFIXES[self.lang]] + [w[len(p):] for p in NEG_PREFIXES[self.lang]
                                                               if w.startswith(p) and len(w) - len(p) > 3]
        if self.collecting:
            self._want_words.update(cands + [w])
            return []
        mine = {pos(r) for r in self.lex.readings(w)}
        return [c for c in cands if mine & {pos(r) for r in self.lex.readings(c)} & {"adj", "adv"}]

    def misspellings(self, lang: str, word: str) -> list[str]:
        letters = "abcdefghijklmnopqrstuvwxyzáéíóúàèòïüñç" if self.lang != "en" else "abcdefghijklmnopqrstuvwxyz"
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters}
        edits.discard(word)
        common = frequent_words(self.lang)
        found = sorted(e for e in edits if e in common and len(e) > 2 and _plain(e) != _plain(word))
        if self.collecting:
            self._want_words.update(found + [word])
            return []
        # Another word, not another form of the same one (experience → experienced).
        mine = {lemma(r).lower() for r in self.lex.readings(word)}
        return [e for e in found if self.lex.readings(e) and not mine & {lemma(r).lower() for r in self.lex.readings(e)}]

    def flush(self) -> None:
        if self._want_words:
            self.lex.analyse(sorted(self._want_words))
        if self._want_forms:
            self.lex.generate(sorted(self._want_forms))
        if self._want_trans:
            self._trans.update(self.lex.translate_words(sorted(self._want_trans)))
        self._want_words.clear()
        self._want_forms.clear()
        self._want_trans.clear()


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def lemma_of(form: str | None, lex) -> str | None:  # type: ignore[no-untyped-def]
    """The lemma of a dictionary translation's surface form (its first noun reading)."""
    if not form:
        return None
    r = next((r for r in lex.readings(form.lower()) if pos(r) == "n"), None)
    return lemma(r).lower() if r else form.lower()


__all__ = ["Resources", "WORD"]
