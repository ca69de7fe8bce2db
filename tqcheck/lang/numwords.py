"""Numbers written in words, read by the libraries made for it.

text2num's `alpha2digit` reads running text in the languages it covers (en, es, pt, fr,
it, de, nl, da); for the others a phrase table is generated from num2words on first use
(cardinals 0–999 and the scale words, ordinals 1–100) and read greedily. Nothing here
is a hand-written list of number words.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tqcheck.lang.base import Language

_MAX_PHRASE = 6
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’·][^\W\d_]+)*|\S")
# "mother-of-three", "the fifth-floor room": text2num reads number words only between spaces.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# Arabic writes the same word with or without vowel marks, tatweel and hamza on the alef.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u0640": None,
                              **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None})
_MAX_FORMS = 32  # inflected forms of one phrase (Arabic: case × gender of each word)


def fold(text: str, lng: Language) -> str:
    return text.translate(_ARABIC_FOLD) if lng.script == "ARABIC" else text


def _num2words(value: int, code: str, to: str = "cardinal") -> str | None:
    from num2words import num2words
    try:
        return num2words(value, lang=code, to=to).lower()
    except (NotImplementedError, KeyError, IndexError, ValueError, TypeError, OverflowError):
        return None  # num2words' Catalan ordinals fail on some tens (30, 40, …)


def _variants(phrase: str, lng: Language) -> set[str]:
    out = {phrase}
    for masc, fem in lng.feminine:
        out |= {re.sub(rf"(?<![\w]){masc}(?!\w)", fem, p) for p in list(out)}
    if lng.inflections:
        out |= _inflected(phrase, lng.inflections)
    out |= {p.replace(" و ", " و") for p in out}  # Arabic writes "واحد وعشرون"
    return {fold(p, lng) for p in out}


def _inflected(phrase: str, rules: tuple[tuple[str, str], ...]) -> set[str]:
    forms = [""]
    for word in phrase.split():
        options = {word} | {word[: len(word) - len(old)] + new for old, new in rules if word.endswith(old)}
        forms = [f"{f} {o}".strip() for f in forms for o in sorted(options)][:_MAX_FORMS]
    return set(forms)


@lru_cache(maxsize=64)
def small_cardinals(lng: Language, upto: int = 20) -> dict[str, float]:
    """Single words for 1..upto ("dos", "dues"): hours and counts of units, made without
    the whole table (building that costs ~0.2 s a language)."""
    out: dict[str, float] = {}
    for n in range(1, upto + 1):
        if lng.num2words and (w := _num2words(n, lng.num2words)) is not None:
            out.update({v: float(n) for v in _variants(w, lng) if " " not in v and v not in out})
    return out


@lru_cache(maxsize=32)
def hour_words(lng: Language) -> dict[str, int]:
    """The words an hour is written with: cardinals, and ordinals where the language
    counts hours that way (with its article, in both genders)."""
    out = {w: int(v) for w, v in small_cardinals(lng, 12).items()}
    if lng.clock.ordinal_hours and lng.num2words:
        for n in range(1, 13):
            if (w := _num2words(n, lng.num2words, "ordinal")) is not None and " " not in w:
                out.update({lng.clock.ordinal_hours + v: n for v in _variants(w, lng)
                            if lng.clock.ordinal_hours + v not in out})
    return out


@lru_cache(maxsize=32)
def word_values(lng: Language) -> dict[str, float]:
    """Phrase → value for the language's number words (empty without a library code)."""
    code = lng.num2words
    if code is None:
        return {}
    table: dict[str, float] = {}
    for n in range(1000):
        if (w := _num2words(n, code)) is not None:
            for v in _variants(w, lng):
                table.setdefault(v, float(n))
    for n in range(1, 101):
        if (w := _num2words(n, code, "ordinal")) is not None:
            for v in _variants(w, lng) | {_inflect(w, rule) for rule in lng.ordinal_endings}:
                table.setdefault(v, float(n))
    if _units_first(lng):  # "الحادي والعشرين" (21st): the unit of "حادي عشر" (11th)
        for n in range(1, 10):
            if (w := _num2words(10 + n, code, "ordinal")) is not None and " " in w:
                for v in _variants(w.split()[0], lng):
                    table.setdefault(v, float(n))
    table.update({fold(w, lng): v for w, v in decades(lng).items() if fold(w, lng) not in table})
    for n in (1000, 10**6, 10**9):
        for times in (1, 2, 3):  # "un milió" → "milió"; "două mii" → "mii"; "ألفان" = 2000
            if (w := _num2words(times * n, code)) is not None:
                for v in _variants(w.split()[-1], lng):
                    table.setdefault(v, float(n) if " " in w else float(times * n))
    for word, value in lng.scales:
        table.setdefault(fold(word, lng), value)
    return table


@lru_cache(maxsize=32)
def _units_first(lng: Language) -> bool:
    """Whether the language says the units before the tens ("أربعة و ثلاثون" = 34), as
    num2words writes them: then "the fourth and thirtieth" is one ordinal, 34th."""
    four, thirty_four = (_num2words(n, lng.num2words) for n in (4, 34)) if lng.num2words else ("", "")
    return bool(four and thirty_four) and thirty_four.split()[0] == four and " " in thirty_four


def _strip_clitic(token: str, words: frozenset[str], lng: Language) -> str:
    """"الخمسين" → "خمسين", "بعشرين" → "عشرين": a prefix off a word that is then a number
    word of three letters or more (not "لست", you are not, as ل + ست)."""
    if token in words:
        return token
    for clitic in lng.clitics:
        rest = token[len(clitic):]
        if token.startswith(clitic) and len(rest) >= 3 and rest in words:
            return rest
    return token


@lru_cache(maxsize=32)
def decades(lng: Language) -> dict[str, float]:
    """Decade words made from the tens (ninety → nineties = 90, as "the 1990s" → 90)."""
    out = {}
    for base, (old, new) in ((t, rule) for t in range(20, 100, 10) for rule in lng.decades):
        if lng.num2words and (w := _num2words(base, lng.num2words)) is not None and w.endswith(old):
            out[w[: len(w) - len(old)] + new] = float(base)
    return out


def _inflect(word: str, rule: tuple[str, str]) -> str:
    old, new = rule
    return word[: len(word) - len(old)] + new if word.endswith(old) else word


def _lookup(tokens: list[tuple[str, int, int]], j: int, table: dict[str, float],
            links: tuple[str, ...]) -> tuple[int, float] | None:
    """(tokens used, value) of the longest number phrase at token j. Inside a number, a
    link word may come first, alone or attached ("ستة آلاف و أربعمائة", "وأربعمائة")."""
    for k in range(min(_MAX_PHRASE, len(tokens) - j), 0, -1):
        phrase = " ".join(t[0].lower() for t in tokens[j:j + k])
        if phrase in table:
            return k, table[phrase]
        for link in links:
            if phrase.startswith(link) and (rest := phrase[len(link):].lstrip()) in table:
                return k, table[rest]
    return None


def _to_digits_by_table(text: str, lng: Language) -> str:
    table = word_values(lng)
    if not table:
        return text
    words = _single_words(lng)
    tokens = [(_strip_clitic(fold(m.group().lower(), lng), words, lng), m.start(), m.end())
              for m in _TOKEN.finditer(text)]
    units_first = _units_first(lng)
    out, pos, i = [], 0, 0
    while i < len(tokens):
        run, j, total, current = None, i, 0.0, 0.0
        while j < len(tokens):
            hit = _lookup(tokens, j, table, lng.number_links if j > i else ())
            if hit is None:
                break
            k, value = hit
            if value >= 1000:
                total += max(current, 1.0) * value
                current = 0.0
            elif units_first and 0 < current < 10 and value in _TENS:
                current += value  # "الرابعة والثلاثين": 4 and 30, the 34th
            elif current and value >= current:
                break  # "dos tres": a list, not one number
            else:
                current += value
            j += k
            run = (i, j)
        if run is None:
            i += 1
            continue
        a, b = tokens[run[0]][1], tokens[run[1] - 1][2]
        value = total + current
        out += [text[pos:a], str(int(value)) if value == int(value) else str(value)]
        pos, i = b, run[1]
    return "".join(out) + text[pos:]


_TENS = frozenset(float(t) for t in range(20, 100, 10))


@lru_cache(maxsize=32)
def _single_words(lng: Language) -> frozenset[str]:
    return frozenset(k for k in word_values(lng) if " " not in k)


def to_digits(text: str, lng: Language) -> str:
    """`text` with the numbers written in words replaced by digits."""
    for link in lng.ratio_links:  # "four-in-ten" is read as "four in ten"
        text = re.sub(rf"(?<=\w)-({re.escape(link)})-(?=\w)", r" \1 ", text, flags=re.I)
    if lng.text2num:
        from text_to_num import alpha2digit
        return alpha2digit(_WORD_HYPHEN.sub(" ", text), lng.text2num, threshold=0)
    return _to_digits_by_table(text, lng)


def spelled_numbers(text: str, lng: Language) -> list[float]:
    """Values of the numbers `text` writes in words (cardinals, ordinals, decades,
    fractions, ratios such as "four in ten" = 40), one per occurrence."""
    lowered = fold(text.lower(), lng)
    digits = to_digits(lowered, lng)
    have = Counter(m.group() for m in _DIGITS.finditer(lowered))
    out = []
    for m in _DIGITS.finditer(digits):
        if have[m.group()] > 0:
            have[m.group()] -= 1  # written as digits already
        else:
            out.append(float(m.group().replace(",", ".")))
    links = "|".join(re.escape(link) for link in lng.ratio_links)
    if links:
        for m in re.finditer(rf"(\d+)\s+(?:{links})\s+(\d+)\b", digits):
            if float(m.group(2)):
                out.append(round(100 * float(m.group(1)) / float(m.group(2)), 1))
    if lng.text2num:  # alpha2digit leaves decades as words
        out += [v for w, v in decades(lng).items() for _ in re.finditer(rf"(?<!\w){w}(?!\w)", lowered)]
    clitics = f"(?:{'|'.join(map(re.escape, lng.clitics))})?" if lng.clitics else ""
    for word, value in {**lng.fractions, **lng.count_words}.items():
        hits = len(re.findall(rf"(?<![\w-]){clitics}{re.escape(fold(word, lng))}(?![\w-])", lowered))
        for v in (value, round(100 * value, 1)) if word in lng.fractions else (value,):
            out += [float(v)] * hits
    return out
