"""Mistranslation kinds (MQM accuracy/mistranslation): a wrong word where the right one
was, each made from a lexical resource: antonyms by the language's negative prefixes,
checked against the analyser; related words from the same document; real-word
misspellings from wordfreq; names from other documents; numbers; units and dates from
the dictionary's forms of the calendar and the units; gender and tense by the generator.
"""
from __future__ import annotations

import re

from tqcheck.verdict.perturb import CONTENT, FINITE, VERBS, entity_spans, kind, replace_span, _pick
from tqcheck.verdict.lexicon import lemma, pos, tags

NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d.,]*\d)")
TENSES = {"es": {"pri": "ifi", "ifi": "pri", "pii": "pri", "fti": "pri", "cni": "pri"},
          "ca": {"pri": "ifi", "ifi": "pri", "pii": "pri", "fti": "pri", "cni": "pri"},
          "en": {"pri": "past", "pres": "past", "past": "pri"}}


def _same_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


@kind("mistranslation", critical=True)
def antonym(s, res, rng):
    options = [(t, a) for t in s.tokens if t.has("adj", "adv") for a in res.antonyms(s.lang, t.text)]
    choice = _pick(rng, options)
    return replace_span(s.text, choice[0].start, choice[0].end, _same_case(choice[1], choice[0].text)) \
        if choice else None


@kind("mistranslation", critical=True)
def related_word(s, res, rng):
    """A noun replaced by another noun of the same document with the same gender and number."""
    options = []
    for t in s.tokens:
        if t.pos == "n":
            key = tuple(tags(t.readings[0]))
            options += [(t, w) for w in res.doc_nouns(s.lang, s.doc, key) if lemma(t.readings[0]) != w[1]]
    choice = _pick(rng, options)
    return replace_span(s.text, choice[0].start, choice[0].end, _same_case(choice[1][0], choice[0].text)) \
        if choice else None


@kind("mistranslation", critical=True)
def misspelling(s, res, rng):
    """One edit away from a content word, landing on another frequent word of the language."""
    tokens = [t for t in s.tokens if t.has(*CONTENT) and not t.has("np") and len(t.text) >= 4]
    rng.shuffle(tokens)
    for t in tokens:
        found = res.misspellings(s.lang, t.text.lower())
        if found:
            return replace_span(s.text, t.start, t.end, _same_case(rng.choice(found), t.text))
    return None


@kind("mistranslation", critical=True)
def entity_replaced(s, res, rng):
    span = _pick(rng, entity_spans(s))
    if span is None:
        return None
    old = s.text[span[0]:span[1]]
    new = _pick(rng, [e for e in res.entities(s.lang, s.doc) if e != old and e not in s.src])
    return replace_span(s.text, *span, new) if new else None


@kind("mistranslation", critical=True)
def number_changed(s, res, rng):
    src_numbers = set(NUMBER.findall(s.src))
    spots = [m for m in NUMBER.finditer(s.text) if m.group() in src_numbers]
    m = _pick(rng, spots)
    if m is None:
        return None
    value = int(m.group())
    new = str(value + rng.randint(1, 9)) if value < 1000 else str(value - rng.randint(1, 9))
    return s.text[:m.start()] + new + s.text[m.end():]


@kind("mistranslation", critical=True)
def unit_or_date_changed(s, res, rng):
    """A month, weekday or unit replaced by another of its group, in the same form."""
    options = []
    for t in s.tokens:
        for r in t.readings:
            group = res.group_of(s.lang, lemma(r).lower())
            if group and pos(r) in ("n", "np"):
                options += [(t, r, other) for other in group if other != lemma(r).lower()]
                break
    rng.shuffle(options)
    for t, r, other in options:
        form = res.form(s.lang, other, tags(r))
        if form and form.lower() != t.text.lower():
            return replace_span(s.text, t.start, t.end, _same_case(form, t.text))
    return None


@kind("mistranslation", critical=True)
def gender_swap(s, res, rng):
    """A gendered noun or pronoun in the other gender, with its determiner if it has one."""
    options = []
    for i, t in enumerate(s.tokens):
        if not t.readings or not ({"m", "f"} & set(tags(t.readings[0]))) or t.pos not in ("n", "prn"):
            continue
        swapped = res.swap_gender(s.lang, t.readings[0])
        if swapped and swapped.lower() != t.text.lower():
            edits = [(t, swapped)]
            prev = s.tokens[i - 1] if i else None
            if prev is not None and prev.pos == "det" and {"m", "f"} & set(tags(prev.readings[0])):
                det = res.swap_gender(s.lang, prev.readings[0])
                if det:
                    edits.insert(0, (prev, det))
            options.append(edits)
    edits = _pick(rng, options)
    if not edits:
        return None
    text = s.text
    for t, new in reversed(edits):
        text = replace_span(text, t.start, t.end, _same_case(new, t.text))
    return text


@kind("mistranslation", critical=True)
def tense_changed(s, res, rng):
    options = []
    for t in s.tokens:
        r = next((r for r in t.readings if pos(r) in VERBS and FINITE & set(tags(r))), None)
        if r is None:
            continue
        old = next(x for x in tags(r) if x in FINITE)
        new_tense = TENSES[s.lang].get(old)
        if new_tense:
            form = res.form(s.lang, lemma(r), [new_tense if x == old else x for x in tags(r)])
            if form and form.lower() != t.text.lower():
                options.append((t, form))
    choice = _pick(rng, options)
    return replace_span(s.text, choice[0].start, choice[0].end, _same_case(choice[1], choice[0].text)) \
        if choice else None
