"""Clock times. Translators rewrite them (7 p.m. → 19:00 → a las 7 de la tarde, 6 pm →
18:00 h), so a time is compared as the minutes of the day it can mean, offset so it
never equals a plain number."""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.checks.numbers.parse import Number
from tqcheck.lang import get as get_language
from tqcheck.lang import languages
from tqcheck.lang.numwords import hour_words

CLOCK_OFFSET = 1e7
_AMPM = r"[ap]\.?\s?m\.?(?!\w)"


def _alternatives(phrases: set[str], word_end: bool = False) -> str:
    end = r"\b" if word_end else ""
    return "|".join(re.escape(p) + end for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _day_parts() -> dict[str, str]:
    return {k.lower(): v for lng in languages() for k, v in lng.clock.day_parts.items()}


@lru_cache(maxsize=32)
def _patterns(code: str) -> tuple[tuple[re.Pattern[str], dict[str, int]], ...]:
    # Times are read with every language's words: a Spanish translation may keep
    # "7 p.m.", an English source may say "18:55 h".
    parts = _alternatives(set(_day_parts()))
    hours = _alternatives({h for lng in languages() for h in lng.clock.hour_words}, word_end=True)
    meridiem = rf"(?P<mer>{_AMPM}|{parts}|{hours})"
    out = [
        (re.compile(r"(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?!\d)(?:\s*" + meridiem + ")?", re.I), {}),
        # Hour only: "24 horas" is a duration, so only a.m./p.m. or a part of the day make a time.
        (re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})(?:\.(?P<m>\d{2}))?\s*(?P<mer>" + _AMPM
                    + r"|o'clock|" + parts + ")", re.I), {}),
    ]
    lng = get_language(code)
    if lng.clock.articles:
        # "a las 7" is a time in Romance languages; in English "as 2 to 4" is not.
        articles = _alternatives({a for other in languages() for a in other.clock.articles})
        # Portuguese and French "19h30", "4h00", "19 h 30" (before "às 19" takes the hour alone).
        out.append((re.compile(r"(?<![\d.,:\w])(?P<h>\d{1,2})\s?h\s?(?P<m>\d{2})(?!\d)(?:\s*"
                               + meridiem + ")?", re.I), {}))
        # Not "les 1.400 persones" (the 1,400 people), nor "à 3 000 articles": a thousands
        # group after the digits is a number, not an hour.
        out.append((re.compile(rf"\b(?:{articles})\s+(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?"
                               r"(?![.,:]?\d|\s\d{3}(?!\d))(?:\s*" + meridiem + ")?", re.I), {}))
    # "a las dos de la tarde", "six in the morning": an hour spelled out is still a time,
    # but only with the part of the day ("las dos iglesias" is two churches, "six hours"
    # is a duration).
    words = hour_words(lng)
    spelled = _alternatives(set(words), True)
    if words and lng.clock.articles:
        out.append((re.compile(rf"\b(?:{articles})\s+(?P<h>{spelled})\s*" + meridiem, re.I), words))
    if words and lng.clock.day_parts:  # "são seis da manhã", "il est six heures du matin"
        own = _alternatives({p.lower() for p in lng.clock.day_parts})
        out.append((re.compile(rf"\b(?P<h>{spelled})\s+(?P<mer>{own})", re.I), words))
    return tuple(out)


def _hours(h: int, mer: str) -> set[int]:
    mer = mer.lower()
    half = _day_parts().get(mer) or ("pm" if mer.startswith("p") else "am" if mer.startswith("a") else "")
    if half == "pm":
        return {h % 12 + 12}
    if half == "am":
        return {h % 12}
    return {h % 24, (h + 12) % 24} if h <= 12 else {h % 24}


# "between 6 and 8 pm": the first hour of a range takes the second's half of the day.
_RANGE_START = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})\s*(?:-|–|to|and|or|until|y|a|i|e|et|à)\s*$", re.I)


def clock_times(text: str, lang: str) -> list[Number]:
    found = _clock_times(text, lang)
    for n, mer in list(found):
        m = _RANGE_START.search(text, max(0, n.start - 12), n.start)
        if mer and m and int(m.group("h")) <= 12 and not any(o.start <= m.start() < o.end for o, _ in found):
            found.append((Number(m.group("h"), m.start(), m.end("h"), frozenset(
                CLOCK_OFFSET + hh * 60 for hh in _hours(int(m.group("h")), mer))), mer))
    return [n for n, _ in found]


def _clock_times(text: str, lang: str) -> list[tuple[Number, str]]:
    found: list[tuple[Number, str]] = []
    for pattern, words in _patterns(lang):
        for m in pattern.finditer(text):
            if any(n.start < m.end() and m.start() < n.end for n, _ in found):
                continue
            hour = m.group("h")
            h = int(hour) if hour.isdigit() else words[hour.lower()]
            minutes = int(m.groupdict().get("m") or 0)
            if h > 24 or minutes > 59:
                continue
            start = m.start("h")
            mer = m.group("mer") or ""
            values = {CLOCK_OFFSET + hh * 60 + minutes for hh in _hours(h, mer)}
            if not mer and m.group("m") is None:
                values.add(float(h))  # "a les 7" may also be "the 7" (les = the)
            found.append((Number(text[start:m.end()].strip(), start, m.end(), frozenset(values)), mer))
    return found
