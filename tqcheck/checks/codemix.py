"""Source-language phrases left inside an otherwise translated sentence ("code-mixing")."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
        "word of the target language; quoted or bracketed words are left alone."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
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
