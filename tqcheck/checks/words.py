"""Span-level checks on the word alignment: a content word dropped, added, rendered by
an unrelated word, or by its opposite. Each names the words on both sides, the
dictionary's expected translations and the back-translation."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.align.words import WordAlignment, distance, fold, stem_match
from tqcheck.checks.base import Context, register
from tqcheck.checks import wordscore
from tqcheck.checks.wordspan import WordCheck, forms, gap, hand_rule, meaning, reliable, span_evidence, words_of
from tqcheck.lang import get as get_language
from tqcheck.lexicon import Word, antonyms, wordnet
from tqcheck.model import AlignedUnit, Finding, Severity

# A slip this close in spelling (difflib's ratio) to an expected translation is a misspelling of it.
NEAR_MISS = 0.8
# Relative distance within which an unaligned translation word stands in a source word's place.
STAND_IN = 0.15
# An opposite is looked for among adjectives, verbs and nouns (not adverbs: ever/never,
# always/never are polarity's), up to this relative distance: the word is one of the
# dictionary's renderings of the source word's antonym, a signal precise enough to reach
# past a clause moved ahead ("los anfitriones inutilizables" for "available hosts").
# Measured on word_eval's train split (300 sentences a direction): a window of 0.15 →
# 0.3 → 0.5 finds 0.35 → 0.40 → 0.41 of the antonyms in en→es, 0.39 → 0.44 → 0.44 in
# ca→en, with the same 2 clean flags in 1,200. In a paragraph the window spans dozens
# of words, so it stops at OPPOSITE_REACH words; and a verb or noun with more WordNet
# senses than MAX_SENSES is a light or broad word whose antonym a translator's idiom
# says as often as not (take/dar un toque, give/fer). On the train split's clean
# articles (--words): 7 → 2 opposite flags in en→es, 11 → 3 in en→ca, 9 → 3 in es→en,
# 10 → 2 in ca→en (0, 2, 0, 2 with adjectives only); antonyms found in sentences 0.40
# → 0.39 (en→es), 0.37 → 0.34 (en→ca).
OPPOSITE_POS = ("adj", "vblex", "n")
OPPOSITE_WINDOW = 0.3
OPPOSITE_REACH = 8
MAX_SENSES = 20


@register
class OmittedWords(WordCheck):
    id = "omitted-words"
    title = "A source content word with nothing in its place"
    # A warning: at ≤ 2 false flags per 100 clean sentences it finds few omissions
    # (benchmarks/word_eval.py); raise it in the config to gate on it.
    severity = Severity.WARNING
    description = ("A source noun, verb, adjective or name that no translation word renders (by "
                   "dictionary, identity, cognate or back-translation): scored by a learned model "
                   "where one is shipped for the pair and engine, else with nothing unaligned in its "
                   "place; an error when the dictionary and the back-translation agree.")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        wa = words_of(unit)
        if wa is None:
            return []
        learned = wordscore.scored(unit, wa, ctx, "src")
        if learned is not None:
            return [self._finding(unit, wa, i, why) for i, why in learned]
        aligned = reliable(wa, ctx, "src")
        return [self._finding(unit, wa, i) for i in wordscore.candidates(wa, "src")
                if hand_rule(wa, i, "src", aligned, ctx)]

    def _finding(self, unit: AlignedUnit, wa: WordAlignment, i: int, why: dict | None = None) -> Finding:
        w = wa.src_words[i]
        ev = {**span_evidence(unit, wa, src=[i]), **(why or {})}
        lost = not wa.src_in_back[i]
        # An error when two signals agree: the dictionary knows the word, and it did not come back.
        return self.graded(f"“{w.text}” (source line {unit.source[0].line}) has no counterpart in the "
                           "translation" + (" nor in its back-translation" if lost else ""),
                           bool(w.translations) and lost, **ev)


@register
class AddedWords(WordCheck):
    id = "added-words"
    title = "A translation content word with no source"
    severity = Severity.WARNING
    description = ("A translation noun, verb or adjective that renders no source word: scored by a "
                   "learned model where one is shipped for the pair and engine, else with no unaligned "
                   "source word in its place; an error when its dictionary translation comes back in "
                   "the back-translation but is not in the source.")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        wa = words_of(unit)
        if wa is None:
            return []
        found = wordscore.scored(unit, wa, ctx, "tgt")
        if found is None:
            aligned = reliable(wa, ctx, "tgt")
            found = [(j, None) for j in wordscore.candidates(wa, "tgt") if hand_rule(wa, j, "tgt", aligned, ctx)]
        if not found:
            return []
        back, src = forms(unit, wa)
        out = []
        for j, why in found:
            rendered = {fold(t) for t in wa.tgt_words[j].translations}
            ev = {**span_evidence(unit, wa, tgt=[j]), **(why or {})}
            out.append(self.graded(f"“{wa.tgt_words[j].text}” (translation line {unit.target[0].line}) renders "
                                   "no source word", bool(rendered & back) and not rendered & src, **ev))
        return out


def near_miss(word: Word, expected: tuple[str, ...]) -> str | None:
    """The expected translation `word` is one slip of the keyboard away from, if any:
    a letter added, dropped, changed or two swapped ("volant" for "voltant")."""
    from difflib import SequenceMatcher

    got = fold(word.text)
    for e in expected:
        fe = fold(e)
        # "coautor" for "autor" is another word; "hablas" is a form of "hablar", and
        # "comercial" ("guerra comercial", trade war) a word of "comercio"'s family.
        if len(fe) < 4 or fe in got or got in fe or stem_match(got, fe):
            continue
        if distance(got, fe) == 1 and SequenceMatcher(None, got, fe).ratio() >= NEAR_MISS:
            return e  # the ratio keeps short words out: "basa" (se basa en) is no "base"
    return None


# Words before an adjective within which a negation or an attenuator reverses it.
LITOTES_WINDOW = 4


@lru_cache(maxsize=None)
def _reversers(lang: str, weak: bool = False) -> re.Pattern[str] | None:
    neg = get_language(lang).negation
    # Not the weak markers for adjectives: "only", "without" and privative words
    # ("unemployment") reverse no adjective. A noun or a verb they do reverse: "lack of
    # popularity" is unpopularity, "failed to win" lost.
    alts = [a for a in (neg.strong, neg.attenuators, neg.weak if weak else "") if a] if neg else []
    return re.compile("|".join(alts), re.I) if alts else None


def reversed_before(text: str, start: int, lang: str, weak: bool = False) -> bool:
    """A negation or an attenuator among the few words before `start`, in its clause:
    "no es capaz" renders "unable", "poco profunda" "shallow", "not guilty" "inocente";
    with `weak`, the weak markers too ("sin", "lack of")."""
    pattern = _reversers(lang, weak)
    if pattern is None:
        return False
    clause = re.split(r"[,.;:!?()«»“”\"]", text[:start])[-1]
    return bool(pattern.search(" ".join(clause.split()[-LITOTES_WINDOW:])))


def _english(w: Word, lang: str) -> set[str]:
    return {w.lemma} if lang == "en" else set(w.translations)


def opposite_pair(wa: WordAlignment, i: int, j: int, ctx: Context) -> tuple[str, str] | None:
    """(a, b) when source word i means a and translation word j means its antonym b, in
    English (directly or through the dictionary)."""
    sw, tw = wa.src_words[i], wa.tgt_words[j]
    if tw.lemma in sw.opposites and tw.lemma not in sw.translations:
        return sw.lemma, tw.lemma
    s = _english(sw, ctx.src_lang)
    t = _english(tw, ctx.tgt_lang)
    if not s or not t or s & t or not antonyms.available():
        return None
    for a in s:
        for b in t:
            if antonyms.opposite(a, b):
                return a, b
    return None


def _stand_in(wa: WordAlignment, i: int) -> int | None:
    """The unaligned translation content word at source word i's place, if one is."""
    g = gap(wa, i, "src")
    if g is None or g[1] > STAND_IN:
        return None
    rel = i / max(1, len(wa.src_words) - 1)
    content = set(wa.content_tgt())
    n = max(1, len(wa.tgt_words) - 1)
    return min((j for j in wa.unaligned_tgt if j in content),
               key=lambda j: abs(j / n - rel), default=None)


@register
class Mistranslation(WordCheck):
    id = "mistranslation"
    title = "A source word rendered by a word that is not one of its translations"
    severity = Severity.ERROR
    description = ("A source content word none of whose dictionary translations appears, that does "
                   "not come back in the back-translation, with one unaligned translation word in "
                   "its place that is one slip of the keyboard from an expected translation "
                   "(not a form or a word of its family).")
    needs_dictionary = True

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        wa = words_of(unit)
        if wa is None:
            return []
        out = []
        for i in wa.unaligned_src:
            w = wa.src_words[i]
            if not meaning(w, ctx.src_lang) or w.pos in ("np", "num") or not w.translations:
                continue
            if wa.src_in_back[i]:
                continue
            j = _stand_in(wa, i)
            if j is None:
                continue
            t = wa.tgt_words[j]
            if not meaning(t, ctx.tgt_lang) or t.name_like:
                continue
            miss = near_miss(t, w.translations)
            if not miss:
                # A word none of whose translations appears is as often a translator's
                # synonym as an error: only a misspelling of one is evidence enough.
                continue
            ev = span_evidence(unit, wa, src=[i], tgt=[j])
            ev["did_you_mean"] = miss
            out.append(self.finding(f"“{w.text}” is rendered as “{t.text}”: did you mean {miss}?", **ev))
        return out


@register
class Opposite(WordCheck):
    id = "opposite"
    title = "A word rendered by its opposite"
    severity = Severity.WARNING
    description = ("A source adjective, verb or noun and the translation word of the same kind near its "
                   "place are antonyms in WordNet (English directly, other languages through their "
                   "dictionary translations), and no negation or attenuator on one side only says it "
                   "in other words ('no fue capaz', 'poco profundo', 'falta de popularidad'); a verb or "
                   "noun counts only when it does not come back in the back-translation. An error "
                   "when the back-translation brings the opposite back, else a warning.")
    needs_dictionary = True

    def unavailable(self, ctx: Context) -> str | None:
        if "en" not in (ctx.src_lang, ctx.tgt_lang):
            return "antonyms come from the English WordNet: needs English on one side"
        if not antonyms.available():
            return "no WordNet: apt-get install wordnet-base"
        return super().unavailable(ctx)

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        wa = words_of(unit)
        if wa is None or not antonyms.available():
            return []
        # A word the dictionary already links renders its own meaning ("the beginning of
        # the end" has both); adverbs such as ever/never swap in negative contexts.
        sure = [lk for lk in wa.links if lk.how in ("dictionary", "identical")]
        sure_s, sure_t = {lk.src for lk in sure}, {lk.tgt for lk in sure}
        ns, nt = max(1, len(wa.src_words) - 1), max(1, len(wa.tgt_words) - 1)
        back = {fold(t) for t in unit.back_translation.split()}
        out = []
        for i in wa.content_src():
            pos = wa.src_words[i].pos
            if i in sure_s or pos not in OPPOSITE_POS:
                continue
            for j in wa.content_tgt():
                off = abs(i / ns - j / nt)
                if (j in sure_t or off > OPPOSITE_WINDOW or off * nt > OPPOSITE_REACH
                        or wa.tgt_words[j].pos != pos):
                    continue
                # A noun or a verb is often said in other words ("padres" for mother and
                # father, "di un toque" for took a shot): one that comes back in the
                # back-translation was translated, and a weak negation before either
                # reverses it ("falta de popularidad", unpopularity).
                weak = pos != "adj"
                if weak and wa.src_in_back[i]:
                    continue
                english = wa.src_words[i] if ctx.src_lang == "en" else wa.tgt_words[j]
                if weak and wordnet.sense_count(english.lemma, pos) > MAX_SENSES:
                    continue
                opp = opposite_pair(wa, i, j, ctx)
                if opp is None or (reversed_before(unit.source_text, wa.src_words[i].start, ctx.src_lang, weak)
                                   != reversed_before(unit.target_text, wa.tgt_words[j].start, ctx.tgt_lang, weak)):
                    continue  # one side says it with a negation: the opposite is the translation
                ev = span_evidence(unit, wa, src=[i], tgt=[j])
                ev["opposite"] = list(opp)
                s, t = wa.src_words[i], wa.tgt_words[j]
                # The back-translation (English here) brings an antonym of the source back.
                confirmed = ctx.src_lang == "en" and any(
                    stem_match(b, fold(a)) for a in antonyms.table().get(s.lemma, ()) for b in back)
                out.append(self.graded(f"“{s.text}” is rendered by its opposite “{t.text}” "
                                       f"({opp[0]} ↔ {opp[1]})", confirmed, **ev))
                break
        return out

