"""Machine-translation debris: degenerate repetition loops, and characters that no
translator types (replacement characters, mojibake, subtitle music notes)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity

MIN_REPEATS = 3
MAX_NGRAM = 4

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?;:。！？؟]")
# Subtitle-trained engines emit "(掌声)(掌声)(掌声)" or "[Music] [Music] [Music]".
_BRACKETED = re.compile(r"([(\[（【][^()\[\]（）【】\n]{1,30}[)\]）】])(?:\s*\1){%d,}" % (MIN_REPEATS - 1))


@dataclass(frozen=True)
class Repeat:
    start: int
    end: int
    unit: str
    count: int


def _periodic(gram: tuple[str, ...]) -> bool:
    n = len(gram)
    return any(n % d == 0 and gram == gram[:d] * (n // d) for d in range(1, n))


def _may_repeat(words: list[str], min_count: int) -> bool:
    """A run of an n-gram repeated min_count times has the same word every n places."""
    for n in range(1, MAX_NGRAM + 1):
        shifted = [words[k * n:] for k in range(min_count)]
        if any(len(set(column)) == 1 for column in zip(*shifted)):
            return True
    return False


def repeats(text: str, min_count: int = MIN_REPEATS) -> list[Repeat]:
    """Runs of a word n-gram (n <= 4) repeated at least `min_count` times in a row,
    ignoring punctuation between the repeats; the shortest n wins."""
    found: list[Repeat] = []
    for m in _BRACKETED.finditer(text):
        count = m.group().count(m.group(1))
        found.append(Repeat(m.start(), m.end(), m.group(1), count))
    toks = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # A run has the same word every n places: most passages are out at this point.
    if not _may_repeat([t[0] for t in toks], min_count):
        return sorted(found, key=lambda r: r.start)
    # "No, no. No lo filtré": a sentence end between two words breaks the run.
    toks = [(w, a, b, bool(_SENTENCE_END.search(text, toks[i - 1][2], a)) if i else False)
            for i, (w, a, b) in enumerate(toks)]
    words = [t[0] for t in toks]
    breaks = [t[3] for t in toks]
    i = 0
    while i < len(words):
        hit = None
        for n in range(1, MAX_NGRAM + 1):
            if i + n * min_count > len(words):
                break
            gram = tuple(words[i:i + n])
            if _periodic(gram) or all(w.isdigit() for w in gram):
                continue
            k = 1
            while (tuple(words[i + k * n:i + (k + 1) * n]) == gram
                   and not any(breaks[i + 1:i + (k + 1) * n])):
                k += 1
            # Letter names spell out acronyms: "بي بي بي" is P-P-P, not a loop.
            if k >= min_count + (all(len(w) <= 2 for w in gram) and min_count > 2):
                hit = (n, k)
                break
        if hit is None:
            i += 1
            continue
        n, k = hit
        start, end = toks[i][1], toks[i + n * k - 1][2]
        if not any(r.start <= start < r.end for r in found):
            found.append(Repeat(start, end, " ".join(words[i:i + n]), k))
        i += n * k
    return sorted(found, key=lambda r: r.start)


@register
class Repetition(Check):
    id = "repetition"
    title = "Degenerate repetition"
    severity = Severity.ERROR
    implies = ("doubled-word",)  # three in a row is also two
    description = (
        f"The translation repeats a word, a phrase of up to {MAX_NGRAM} words or a bracketed "
        f"token {MIN_REPEATS} or more times in a row, and the source repeats nothing as much."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.target:
            return []
        # "very, very, very" in the source is rhetoric, and its translation may repeat
        # too, even once more ("muy, muy, muy" for "very, very").
        out = []
        src_most = -1
        for p in unit.target:
            for r in repeats(p.text):
                if src_most < 0:  # only worth computing when the translation repeats
                    src_most = max((x.count for x in repeats(unit.source_text, 2)), default=0)
                if src_most >= 2 and r.count <= src_most + 1:
                    continue
                span = p.text[r.start:r.end]
                out.append(self.finding(
                    f"translation passage at line {p.line} repeats “{r.unit}” {r.count} times",
                    target_line=p.line, target_span=span, offset=r.start, repeated=r.unit,
                    count=r.count))
        return out + self._repeated_sentences(unit)

    def _repeated_sentences(self, unit: AlignedUnit) -> list[Finding]:
        # A whole sentence said twice is the same engine loop at sentence scale (or a
        # copy-paste slip); a source that says it twice too is left alone.
        src = [" ".join(s.lower().split()) for p in unit.source for s in (p.sentences or (p.text,))]
        out = []
        seen: set[str] = set()
        for p in unit.target:
            for sentence in p.sentences or (p.text,):
                key = " ".join(sentence.lower().split())
                if len(key) >= MIN_REPEATED_SENTENCE and key in seen and not _twice(src):
                    out.append(self.finding(
                        f"translation passage at line {p.line} says the same sentence twice",
                        target_line=p.line, target_span=sentence, offset=p.text.find(sentence),
                        repeated=sentence, count=2))
                seen.add(key)
        return out


MIN_REPEATED_SENTENCE = 20


def _twice(sentences: list[str]) -> bool:
    return len(set(sentences)) < len(sentences)


# UTF-8 read as Latin-1 or cp1252: "Ã©" for é, "â€™" for ’, "Â°" for °.
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf‰‡ƒŠŒŽšœžŸˆ‹›]|â€|Â[\u00a0-\u00bf]")
_STRAY = frozenset("♪♫♬♩\ufffd")


def junk_spans(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each replacement character, mojibake sequence or stray symbol."""
    out = [(m.start(), m.group()) for m in _MOJIBAKE.finditer(text)]
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if ch in _STRAY or cat == "Co" or (cat == "Cc" and ch not in "\t\n\r"):
            out.append((i, ch))
    return sorted(out)


@register
class Junk(Check):
    id = "junk"
    title = "Junk characters"
    severity = Severity.WARNING
    description = (
        "The translation contains U+FFFD replacement characters, mojibake (UTF-8 decoded as "
        "Latin-1: Ã©, â€™, Â°), control or private-use characters, or music notes (♪ ♫) "
        "that the source does not."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        source = unit.source_text
        out = []
        for p in unit.target:
            spans = [(at, s) for at, s in junk_spans(p.text) if s not in source]
            if not spans:
                continue
            shown = ", ".join(sorted({_visible(s) for _, s in spans}))
            out.append(self.finding(
                f"translation passage at line {p.line} contains junk: {shown}",
                target_line=p.line, junk=[_visible(s) for _, s in spans],
                offsets=[at for at, _ in spans],
                context=[p.text[max(0, at - 15):at + len(s) + 15] for at, s in spans[:5]]))
        return out


def _visible(s: str) -> str:
    return "".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in s)
