"""What a number means in its sentence, and which numbers of two sides are equal.

Professional translators write `$2 billion` as `2000 millones`, `200 miles` as
`321 kilómetros`, `the 1930s` as `los años 30`, `1981-87` as `de 1981 a 1987` and
`half` as `50 %`; measured on NTREX-128 human translations, these made most of the
numbers check's false flags. Each number gets the extra values it can legitimately
become, and a number left over on one side may still be written in words on the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tqcheck.checks.numbers.clock import clock_times
from tqcheck.checks.numbers.parse import Number, find_numbers
from tqcheck.checks.numbers.units import converted, fahrenheit_decade, word_lengths
from tqcheck.lang import get as get_language
from tqcheck.lang import spelled_numbers

# A converted figure is rounded by the translator: accept this relative distance.
TOLERANCE = 0.25
# Scales written onto the number, in any language: "N585m", "£2.8bn", "5k", "$3tn".
_ATTACHED_SCALE = re.compile(r"(bn|tn|m|k)\b", re.IGNORECASE)
_ATTACHED = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
# The second year of a range written short: 1981-87, 2019–20.
_YEAR_RANGE = re.compile(r"[-–/]$")


@dataclass(frozen=True)
class Quantity:
    number: Number
    approx: frozenset[float] = frozenset()  # converted values, matched with TOLERANCE
    # Spelled out ("a two-foot brim"): may match a number on the other side, but is
    # never reported missing, as words were never counted as numbers.
    optional: bool = False


def annotate(text: str, numbers: list[Number], lang: str) -> list[Quantity]:
    out = [Quantity(c) for c in clock_times(text, lang)]
    out += [Quantity(n, metric, optional) for n, metric, optional in word_lengths(text, lang)]
    numbers = [n for n in numbers if not any(q.number.start <= n.start < q.number.end for q in out)]
    scales = get_language(lang).scales
    for k, n in enumerate(numbers):
        after = text[n.end:n.end + 40]
        values = set(n.values)
        lowered = after.lower().lstrip()
        for word, scale in scales:
            if re.match(rf"{re.escape(word)}\b", lowered):
                # Rounded: 2.8 × 1e9 must equal the 2800 × 1e6 written on the other side.
                values |= {float(round(v * scale)) for v in n.values}
                break
        else:
            if m := _ATTACHED_SCALE.match(after):
                values |= {float(round(v * _ATTACHED[m.group(1).lower()])) for v in n.values}
        if re.match(r"'?s\b", after) and any(1000 < v < 2100 and v % 10 == 0 for v in n.values):
            values |= {v % 100 for v in n.values}  # the 1930s → los años 30
        values |= _range_end(text, numbers, k)
        metric = converted(text, numbers, k) + fahrenheit_decade(text, n)
        out.append(Quantity(replace(n, values=frozenset(values)), frozenset(metric)))
    return out


def _range_end(text: str, numbers: list[Number], k: int) -> set[float]:
    n = numbers[k]
    if k == 0 or len(n.text) != 2 or not n.text.isdigit():
        return set()
    prev = numbers[k - 1]
    years = [v for v in prev.values if 1000 <= v < 2100 and v == int(v)]
    if not years or prev.end != n.start - 1 or not _YEAR_RANGE.search(text[:n.start]):
        return set()
    century = int(years[0]) // 100 * 100
    end = century + int(n.text)
    return {float(end if end > years[0] else end + 100)}


# Years hidden in codes: fashion seasons (SS19, AW20), fiscal years (FY19), '19.
_SHORT_YEAR = re.compile(r"(?:\b(?:SS|AW|FW|FY|PS)|(?<![\w'])['’])(\d{2})\b")
_ROMAN = re.compile(r"\b(?=[IVXLC]{2,}\b)(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def spelled(text: str, lang: str) -> list[float]:
    """Numbers written other than in digits, which may stand for digits on the other
    side: words (tqcheck.lang), short years, Roman numerals (19th century → siglo XIX)."""
    out = [float(2000 + int(y)) for y in _SHORT_YEAR.findall(text)]
    out += spelled_numbers(text, lang)
    out += [float(_roman(m)) for m in _ROMAN.findall(text) if _roman(m)]
    return out


def _roman(parts: tuple[str, ...]) -> int:
    total, prev = 0, 0
    for ch in reversed("".join(parts)):
        v = _ROMAN_VALUES[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def agrees(a: Quantity, b: Quantity) -> bool:
    if a.number.values & b.number.values:
        return True
    return any(_close(x, y) for x in a.approx for y in b.number.values) or \
        any(_close(x, y) for x in b.approx for y in a.number.values)


def _close(converted: float, written: float) -> bool:
    return abs(converted - written) <= max(0.6, TOLERANCE * abs(converted))


def differences(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str
                ) -> tuple[list[Number], list[Number]]:
    """Source numbers without an equal in the translation, and the reverse."""
    src = annotate(src_text, find_numbers(src_text), src_lang)
    tgt = annotate(tgt_text, find_numbers(tgt_text), tgt_lang)
    return reconcile(src, tgt, src_text, tgt_text, src_lang, tgt_lang)


def reconcile(src: list[Quantity], tgt: list[Quantity], src_text: str, tgt_text: str,
              src_lang: str, tgt_lang: str) -> tuple[list[Number], list[Number]]:
    # Plain numbers first, so a conversion cannot take a number its own side states
    # ("45 miles (72 km)"); then numbers with a unit, which may also have been converted.
    plain = [q for q in src if not q.approx]
    missing, left = _match(plain, list(tgt), lambda a, b: bool(a.number.values & b.number.values))
    converted_, left = _match([q for q in src if q.approx], left, agrees)
    missing += converted_
    # The translation may be the side that converted: "300 km" checked against an
    # English "200 miles" (a Portuguese article whose original is English).
    missing, left = _match(missing, left, agrees)
    # "45 miles (72 kilometers)" → "72 kilómetros": the converted figure may already
    # have matched the source's own metric one, so a conversion may reuse a number.
    missing = [q for q in missing if not (q.approx and any(agrees(q, t) for t in tgt))]
    left = [q for q in left if not (q.approx and any(agrees(q, t) for t in src))]
    missing = [q for q in missing if not q.optional]
    left = [q for q in left if not q.optional]
    # Spelled-out numbers are looked for only when something is left over (the common
    # case, every number matched, costs no extra scan).
    return (_drop_spelled(missing, spelled(tgt_text, tgt_lang)) if missing else [],
            _drop_spelled(left, spelled(src_text, src_lang)) if left else [])


def _match(src: list[Quantity], left: list[Quantity], same) -> tuple[list[Quantity], list[Quantity]]:  # type: ignore[no-untyped-def]
    missing = []
    for q in src:
        hit = next((i for i, t in enumerate(left) if same(q, t)), None)
        if hit is None:
            missing.append(q)
        else:
            left.pop(hit)
    return missing, left


def _drop_spelled(quantities: list[Quantity], words: list[float]) -> list[Number]:
    pool = list(words)
    out = []
    for q in quantities:
        hit = next((i for i, w in enumerate(pool)
                    if w in q.number.values or any(_close(a, w) for a in q.approx)), None)
        if hit is None:
            out.append(q.number)
        else:
            pool.pop(hit)
    return out
