"""Source-language phrases left inside an otherwise translated sentence ("code-mixing")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.align.words import fold
from tqcheck.checks.base import Check, Context, register
from tqcheck.checks.language import (
    MIN_PROB_PARTLY,
    passage_language,
    quoted_spans,
    sentence_in_source_language,
)
from tqcheck.lang import get as get_language
from tqcheck.model import AlignedUnit, Finding, Severity
from tqcheck.segment import split_sentences

MIN_RUN = 3
# A copied word is a loanword when the target's word list (wordfreq) knows it within this
# many Zipf points of the source's: "hip hop" in Spanish, not "government".
LOAN_ZIPF_GAP = 1.0

_URLISH = re.compile(r"(?:https?://|www\.|\S+@\S+\.\w|\S+\.(?:com|org|net|es|cat)\b)", re.I)
_WORD = re.compile(
    r"([\"'“‘«(\[¿¡*_]*)([^\W\d_]+(?:['’][^\W\d_]+)*)([\"'”’»)\].,;:!?…*_]*)")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def lowercase_runs(text: str) -> list[list[Token]]:
    """Maximal runs of lowercase words separated by nothing but spaces.

    Capitalised words (names), numbers, URLs and punctuation end a run: a phrase copied
    across them is more likely a title or a name than a lapse."""
    runs: list[list[Token]] = [[]]

    def cut() -> None:
        if runs[-1]:
            runs.append([])

    for m in re.finditer(r"\S+", text):
        chunk = m.group()
        w = _WORD.fullmatch(chunk)
        if w is None or _URLISH.match(chunk):
            cut()
            continue
        lead, word, trail = w.groups()
        if lead:
            cut()
        if word.islower():
            start = m.start() + len(lead)
            runs[-1].append(Token(word, start, start + len(word)))
        else:
            cut()
        if trail:
            cut()
    return [r for r in runs if len(r) >= MIN_RUN]


def _phrase(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def copied_phrases(target: str, source: str, marker_words: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each longest run of >= MIN_RUN target words found as a contiguous
    phrase in `source` and containing at least one of `marker_words`."""
    src = " " + " ".join(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\S", source.lower())) + " "

    def in_source(tokens: list[Token]) -> bool:
        return f" {_phrase(tokens)} " in src

    spans = []
    for run in lowercase_runs(target):
        i = 0
        while i <= len(run) - MIN_RUN:
            j = i + MIN_RUN
            if not in_source(run[i:j]):
                i += 1
                continue
            while j < len(run) and in_source(run[i:j + 1]):
                j += 1
            if any(t.text in marker_words for t in run[i:j]):
                spans.append((run[i].start, run[j - 1].end))
                i = j
            else:
                i += 1
    return spans


@register
class CodeMixing(Check):
    id = "code-mixing"
    title = "Source-language words left in a translated sentence"
    severity = Severity.WARNING
    description = (
        f"A run of {MIN_RUN} or more lowercase words of the translation appears verbatim in "
        "the source and contains a function word of the source language that is not also a "
        "word of the target language; quoted or bracketed words are left alone. "
        "`leaked-word` (opt-in) finds a single word."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        return self.copied_runs(unit, ctx)

    def copied_runs(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        # A source word is evidence only if it is frequent in the source language and not
        # an ordinary word of the target, so "de la" never counts between Spanish and Catalan.
        stop = get_language(ctx.src_lang).marker_words
        if not stop or not unit.source or not unit.target:
            return []
        markers = set(stop - get_language(ctx.tgt_lang).common_words)
        if not markers:
            return []
        source = unit.source_text
        out = []
        for p in unit.target:
            if passage_language(p, ctx) == ctx.src_lang:
                continue  # `untranslated`'s case
            # Quoting or glossing keeps the original words on purpose: 'the chant
            # "november is coming" (novembre s'acosta)'.
            quoted = quoted_spans(p.text)
            for start, end in copied_phrases(p.text, source, markers):
                span = p.text[start:end]
                if any(a <= start and end <= b for a, b in quoted):
                    continue
                if _inside_source_sentence(p.text, start, end, ctx):
                    continue
                out.append(
                    self.finding(
                        f"translation passage at line {p.line} keeps source words: “{span}”",
                        target_line=p.line,
                        target_span=span,
                        offset=start,
                        source_line=unit.source[0].line,
                    )
                )
        return out


@register
class LeakedWord(CodeMixing):
    """code-mixing at the single word, on the word layer (opt-in)."""

    id = "leaked-word"
    title = "One source-language word left in a sentence"
    description = (
        "A translation word copied from the source that the source's analyser knows and the "
        "target's does not (not a name, a number, quoted text or a loanword the target's "
        "word list knows as well): one leaked word is enough.")
    uses_words = True
    default = False

    def unavailable(self, ctx: Context) -> str | None:
        from tqcheck.checks.wordspan import need_words
        return need_words(ctx)

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        from tqcheck.checks.wordspan import words_of
        wa = words_of(unit)
        return [] if wa is None else self.leaked_words(unit, wa, ctx)

    def leaked_words(self, unit: AlignedUnit, wa, ctx: Context) -> list[Finding]:
        from tqcheck.checks.wordspan import span_evidence
        if any(passage_language(p, ctx) == ctx.src_lang for p in unit.target):
            return []  # `untranslated`'s case
        source = {fold(w.text): w for w in wa.src_words if w.known and w.pos != "np"}
        # Words the source writes in lower case, past its first word: common words there,
        # so a capital in the translation ("on Martes", "in Diciembre") makes no name.
        common = {fold(w.text) for w in wa.src_words[1:] if w.text[:1].islower()}
        # Words that open a source sentence with a capital: when the translation's sentence
        # opens with the same word, it is a name as often as not ("West continued: …").
        src_text = unit.source_text
        capital = [w for w in wa.src_words if w.text[:1].isupper()]
        opening = {fold(w.text) for w in capital if _sentence_start(src_text, w.start)}
        # Words the source capitalises inside a sentence are names there ("la retórica de
        # Morales"), wherever the translation puts them ("Morales's rhetoric").
        named = ({fold(w.text) for w in capital if not _sentence_start(src_text, w.start)}
                 if get_language(ctx.src_lang).capital_is_name else set())
        text = unit.target_text
        quoted = quoted_spans(text)
        by_list = (ctx.lexicon_tgt or "").startswith("wordfreq")
        out = []
        for j, t in enumerate(wa.tgt_words):
            key = fold(t.text)
            s = source.get(key)
            if s is None or len(key) < 3 or any(c.isdigit() for c in key):
                continue
            if t.known and not by_list:
                continue  # the target's analyser knows it: a word or a loanword of the target
            if not _leaked(t.text, ctx):
                continue  # the target's word list knows it about as well: a loanword
            if t.text[:1].isupper() and (key in named or _next_capitalised(text, t.end)  # "The Guardian"
                                         or (key not in common and (not _sentence_start(text, t.start)
                                                                    or key in opening))):
                continue
            if (_in_name(text, t.start, t.end) or _glued(text, t.start, t.end)
                    or _copied_name(text, t.start, t.end, src_text)):
                continue
            if any(a <= t.start and t.end <= b and _quoted_original(wa, source, a, b) for a, b in quoted):
                continue  # a quotation kept in the original language, on purpose
            if _inside_source_sentence(text, t.start, t.end, ctx):
                continue
            out.append(self.finding(
                f"“{t.text}” in the translation is a {ctx.src_lang} word left untranslated",
                target_span=t.text, offset=t.start, **span_evidence(unit, wa, src=[wa.src_words.index(s)], tgt=[j])))
        return out


def _quoted_original(wa, source: dict, start: int, end: int) -> bool:
    inside = [t for t in wa.tgt_words if start <= t.start and t.end <= end]
    copied = [t for t in inside if fold(t.text) in source and not t.known]
    return len(copied) * 2 >= len(inside)


def _leaked(word: str, ctx: Context) -> bool:
    from tqcheck.lexicon import wordlist
    low = word.lower()
    if not (wordlist.available(ctx.src_lang) and wordlist.available(ctx.tgt_lang)):
        return True
    return wordlist.zipf(low, ctx.src_lang) - wordlist.zipf(low, ctx.tgt_lang) >= LOAN_ZIPF_GAP


def _sentence_start(text: str, at: int) -> bool:
    return text[:at].rstrip()[-1:] in ("", ".", "!", "?", ":", "¿", "¡", "«", "“", '"')


def _next_capitalised(text: str, end: int) -> bool:
    nxt = text[end:].split(maxsplit=1)
    return bool(nxt) and nxt[0][:1].isupper()


_NAME_GLUE = 3  # letters at most of a lowercase word inside a name: "for", "and", "of"


def _in_name(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words, within the same clause: the last word of
    "Elvie Pump", or "for" / "and the" inside "Center for New American Security". A
    sentence's first word is capitalised anyway: no evidence ("In Diciembre 2017")."""
    before = re.split(r"[,.!?:;]", text[:start])[-1].split()
    after = re.split(r"[,.!?:;]", text[end:])[0].split()

    def cap(w: str) -> bool:
        return w.lstrip("\"'“«(")[:1].isupper()

    def glue(w: str) -> bool:
        return w.islower() and len(w) <= _NAME_GLUE

    if text[start:start + 1].isupper():
        return len(before) > 1 and cap(before[-1])
    if end - start > _NAME_GLUE:
        return False
    # Capitalised words on both sides, with at most one more short lowercase word between.
    left = before[-1:] if before[-1:] and cap(before[-1]) else before[-2:] if len(before) > 2 else []
    right = after[:1] if after[:1] and cap(after[0]) else after[:2]
    return (bool(left) and cap(left[0]) and all(glue(w) for w in left[1:]) and len(before) > len(left)
            and bool(right) and cap(right[-1]) and all(glue(w) for w in right[:-1])
            and len(left) + len(right) <= 3)


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


def _copied_name(text: str, start: int, end: int, source: str) -> bool:
    """Part of a name the translation copies whole from the source: two or three words,
    spaces only between them, found as they are (case and all) in the source, and
    capitalised but for short glue ("Fox News", "Power of Nutrition", "the Weeknd"). One
    word left untranslated never brings its capitalised neighbours along."""
    words = list(_NAME_WORD.finditer(text))
    at = next((k for k, m in enumerate(words) if m.start() <= start < m.end()), None)
    if at is None:
        return False
    for lo in range(max(0, at - 2), at + 1):
        for hi in range(at, min(len(words), lo + 3)):
            run = words[lo:hi + 1]
            if len(run) < 2 or any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            caps = [m.group()[:1].isupper() for m in run]
            glue = all(c or len(m.group()) <= _NAME_GLUE for c, m in zip(caps, run))
            # A name ends on a capital: "Rosa had" is a name and a word.
            if glue and caps[-1] and sum(caps) >= 1 + (text[start:start + 1].isupper() or len(run) > 2) \
                    and text[run[0].start():run[-1].end()] in source:
                return True
    return False


def _glued(text: str, start: int, end: int) -> bool:
    """Part of a longer token the analyser split: "sports" of "247sports"."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _inside_source_sentence(text: str, start: int, end: int, ctx: Context) -> bool:
    # A whole sentence left in the source language is `partly-untranslated`'s finding.
    pos = 0
    for s in split_sentences(text, ctx.tgt_lang):
        at = text.find(s, pos)
        if at < 0:
            continue
        pos = at + len(s)
        if at <= start and end <= pos:
            return sentence_in_source_language(s, ctx) >= MIN_PROB_PARTLY
    return False
