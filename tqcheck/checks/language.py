"""Translation passages still in the source language, copied from it, or in a third language."""
from __future__ import annotations

import re

from tqcheck.checks.base import Check, Context, register
from tqcheck.detect import detect, letters, probabilities, supported
from tqcheck.detect.quick import FUNCTION_WORDS, decide, dominant_script, rival_evidence, script_of
from tqcheck.lang import get as get_language
from tqcheck.model import AlignedUnit, Finding, Passage, Severity
from tqcheck.score.stats import unigram_bound
from tqcheck.segment import split_sentences

# Headings and bylines under this many letters are too short to call: names and
# brand words legitimately stay the same in both languages.
MIN_LETTERS_UNTRANSLATED = 20
# Under this many letters, the words left once names are removed must agree.
MIN_LETTERS_SURE = 60
MIN_LETTERS_OWN = 10
MIN_LETTERS_OWN_LONG = 30
COPY_CHRF = 85.0

# Open-set langdetect on under ~40 letters names a random neighbour of the right language.
MIN_LETTERS_WRONG = 40
MIN_PROB_WRONG = 0.90
# Close relatives share most short words, so one must be surer before calling the
# translation Portuguese instead of Spanish, say.
MIN_LETTERS_RELATIVE = 60
MIN_PROB_RELATIVE = 0.95
DETECT_CHARS = 600

MIN_LETTERS_PARTLY = 30
MIN_PROB_PARTLY = 0.90


def related(a: str, b: str) -> bool:
    return bool(get_language(a).families & get_language(b).families)


# Quoted titles and capitalised names stay in the original language in a good translation.
_QUOTES = (r"“[^”]*”", r"«[^»]*»", r"\"[^\"]*\"", r"‘[^’]*’", r"(?<!\w)'[^']*'(?!\w)", r"\([^)]*\)")
_QUOTED = re.compile("|".join(_QUOTES))
_QUOTE_KINDS = tuple(re.compile(q) for q in _QUOTES)
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_]*[A-ZÀ-Þ][\w'’-]*")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every quotation and bracket, nested ones too: the «just in time» inside
    "(«just in time» o en el último momento)" is a quotation of its own."""
    return sorted({m.span() for q in _QUOTE_KINDS for m in q.finditer(text)})


def running_text(sentence: str) -> str:
    """The sentence without quotations, brackets and capitalised words."""
    return " ".join(_CAPITALISED.sub(" ", _QUOTED.sub(" ", sentence)).split())


def sentence_in_source_language(sentence: str, ctx: Context) -> float:
    """How sure langdetect is that `sentence` is in the source rather than the target
    language (0 when it is not, or is too short to tell)."""
    text = running_text(sentence)
    if letters(text) < MIN_LETTERS_PARTLY or decide(text, (ctx.tgt_lang, ctx.src_lang)) == ctx.tgt_lang:
        return 0.0
    probs = probabilities(text, (ctx.src_lang, ctx.tgt_lang))
    if probs and probs[0][0] == ctx.src_lang:
        return probs[0][1]
    return 0.0


def passage_language(p: Passage, ctx: Context) -> str | None:
    return p.lang or detect(p.text, (ctx.src_lang, ctx.tgt_lang))


@register
class Untranslated(Check):
    id = "untranslated"
    title = "Passage left in the source language"
    severity = Severity.ERROR
    description = (
        "A translation passage is detected as the source language, or is a near copy "
        "of its source passage."
    )
    # A passage left whole in the source language also trips the sentence- and
    # word-level checks; they add nothing to this finding.
    implies = ("low-score", "partly-untranslated", "code-mixing")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        out = []
        source = unit.source_text
        for p in unit.target:
            if letters(p.text) < MIN_LETTERS_UNTRANSLATED:
                continue
            # Most passages are nowhere near a copy: their characters alone say so.
            copied = ctx.chrf.chrf(p.text, source) if source and unigram_bound(p.text, source) >= COPY_CHRF else 0.0
            detected = p.lang == ctx.src_lang and self._own_words_agree(p.text, ctx)
            if detected or copied >= COPY_CHRF:
                why = (
                    f"detected as {p.lang}" if detected
                    else f"chrF {copied:.0f} against the source: a copy"
                )
                out.append(
                    self.finding(
                        f"translation passage at line {p.line} is not translated ({why})",
                        target_line=p.line,
                        target_span=p.text,
                        detected_language=p.lang,
                        copy_chrf=round(copied or ctx.chrf.chrf(p.text, source), 2) if source else 0.0,
                    )
                )
        return out


    @staticmethod
    def _own_words_agree(text: str, ctx: Context) -> bool:
        # A short passage is mostly names ("Trump da un mitin en West Virginia"): the
        # translator's own words must be in the source language too. A long one may be
        # mostly a title kept in its original language ('é autor de "The Last Palace:
        # Europe's Turbulent Century in Five Lives and One Legendary House"'): what stands
        # outside its quotations, when there is enough of it, must not be the target language.
        pair = (ctx.src_lang, ctx.tgt_lang)
        if letters(text) >= MIN_LETTERS_SURE:
            outside = _QUOTED.sub(" ", text)
            return (outside == text or letters(outside) < MIN_LETTERS_OWN_LONG
                    or detect(outside, pair) != ctx.tgt_lang)
        own = running_text(text)
        return letters(own) >= MIN_LETTERS_OWN and detect(own, pair) == ctx.src_lang


@register
class WrongLanguage(Check):
    id = "wrong-language"
    title = "Passage in a third language"
    severity = Severity.ERROR
    description = (
        "A translation passage is confidently detected (open-set) as a language that is "
        "neither the source nor the target, judged on its running text (quotations, brackets "
        "and capitalised names left out); close relatives of the target need more text and "
        "a surer detection."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        # A target language without a langdetect profile (Galician, say) is always
        # detected as a neighbour: there is nothing to tell it from.
        if not unit.target or not supported(ctx.tgt_lang):
            return []
        out = []
        for p in unit.target:
            # Names and quoted titles are in whatever language they are in, so the
            # translator's own words must agree with the passage as a whole.
            text = running_text(p.text)
            n = letters(text)
            if n < MIN_LETTERS_WRONG or self._clearly_target(text, ctx):
                continue
            # Open-set detection is the slow part: a few hundred letters decide it.
            own = probabilities(text[:DETECT_CHARS])
            if not own or own[0][0] in (ctx.src_lang, ctx.tgt_lang):
                continue
            whole = probabilities(p.text[:DETECT_CHARS])
            if not whole or whole[0][0] != own[0][0]:
                continue
            lang, prob = own[0][0], min(whole[0][1], own[0][1])
            close = related(lang, ctx.tgt_lang)
            if close and (n < MIN_LETTERS_RELATIVE or prob < MIN_PROB_RELATIVE):
                continue
            if prob < MIN_PROB_WRONG:
                continue
            # A quotation kept in its own language is in that language on both sides.
            if unit.source and detect(unit.source_text) == lang:
                continue
            out.append(
                self.finding(
                    f"translation passage at line {p.line} is in {lang}, not {ctx.tgt_lang} "
                    f"(p={prob:.2f})",
                    target_line=p.line,
                    target_span=p.text,
                    detected_language=lang,
                    probability=round(prob, 4),
                )
            )
        return out


    @staticmethod
    def _clearly_target(text: str, ctx: Context) -> bool:
        # Open-set langdetect is the costliest call in tqcheck; passages whose function
        # words already say "target language", against its close relatives too, skip it.
        if dominant_script(text) != script_of(ctx.tgt_lang):
            return False
        rivals = [lang for lang in FUNCTION_WORDS if lang != ctx.src_lang]
        return decide(text, [ctx.tgt_lang, ctx.src_lang]) == ctx.tgt_lang and \
            not rival_evidence(text, ctx.tgt_lang, rivals)


@register
class PartlyUntranslated(Check):
    id = "partly-untranslated"
    title = "Sentence left in the source language"
    severity = Severity.ERROR
    description = (
        "A sentence inside a translated passage is detected as the source language, judged "
        f"on at least {MIN_LETTERS_PARTLY} letters of its running text (quotations, "
        "brackets and capitalised names left out)."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        out = []
        for p in unit.target:
            if passage_language(p, ctx) != ctx.tgt_lang:
                continue
            sentences = p.sentences or tuple(split_sentences(p.text, ctx.tgt_lang))
            # A one-sentence passage in the source language is `untranslated`'s case.
            if len(sentences) < 2:
                continue
            for s in sentences:
                prob = sentence_in_source_language(s, ctx)
                if prob < MIN_PROB_PARTLY:
                    continue
                out.append(
                    self.finding(
                        f"a sentence of translation passage at line {p.line} is still in "
                        f"{ctx.src_lang}: {s[:80]}",
                        target_line=p.line,
                        target_span=s,
                        offset=p.text.find(s),
                        detected_language=ctx.src_lang,
                        probability=round(prob, 4),
                    )
                )
        return out
