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
from tqcheck.checks.numbers.dates import is_added_date
from tqcheck.checks.numbers.match import unmatched
from tqcheck.checks.numbers.parse import Number, find_numbers, normalise_digits
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
            # "the early 2000s" → "early 21st century" (بداية القرن الواحد والعشرين)
            values |= {v // 100 + 1 for v in n.values if v % 100 == 0}
        values |= _range_end(text, numbers, k) | _fraction(text, numbers, k)
        metric = converted(text, numbers, k) + fahrenheit_decade(text, n)
        out.append(Quantity(replace(n, values=frozenset(values)), frozenset(metric)))
    return out


def _fraction(text: str, numbers: list[Number], k: int) -> set[float]:
    """"220 2/3 innings" → "220 et deux tiers": both figures of a simple fraction may
    be its value (each must still find it on the other side)."""
    n = numbers[k]
    for a, b in ((n, numbers[k + 1]) if k + 1 < len(numbers) else (None, None),
                 (numbers[k - 1], n) if k else (None, None)):
        if a is not None and b is not None and b.start == a.end + 1 and text[a.end] == "/" \
                and a.text.isdigit() and b.text.isdigit() and 0 < int(a.text) < int(b.text) <= 10:
            value = int(a.text) / int(b.text)
            return {value, round(100 * value, 1)}
    return set()



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
# With an ordinal ending: French "XIXe siècle", "XXIe".
_ROMAN = re.compile(r"\b(?=[IVXLC]{2,}(?:e|er|ème)?\b)(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?:e|er|ème)?\b")
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
    # Equal values first, so a conversion cannot take a number its own side states
    # ("45 miles (72 km)"); then numbers with a unit, which may have been converted on
    # either side ("300 km" checked against an English "200 miles").
    tiers = (_equal, agrees)
    miss, extra = unmatched(src, tgt, tiers)
    if any(not src[i].optional for i in miss) or any(not tgt[j].optional for j in extra):
        # Spelled-out numbers are looked for only when something is left over (the
        # common case, every number matched, costs no extra scan).
        src = src + [_in_words(v) for v in spelled(src_text, src_lang)]
        tgt = tgt + [_in_words(v) for v in spelled(tgt_text, tgt_lang)]
        miss, extra = unmatched(src, tgt, tiers)
    missing = [src[i] for i in miss if not src[i].optional and not _converted_again(src[i], tgt, src)]
    left = [tgt[j] for j in extra if not tgt[j].optional and not _converted_again(tgt[j], src, tgt)]
    missing, left = _regrouped(missing, left)
    # A weekday made a date ("Saturday" → "le 29 septembre"): only where nothing else
    # differs, as a changed date leaves a number over on both sides.
    if left and not missing:
        left = [q for q in left if not is_added_date(q.number, tgt_text, tgt_lang, src_text, src_lang)]
    elif missing and not left:
        missing = [q for q in missing if not is_added_date(q.number, src_text, src_lang, tgt_text, tgt_lang)]
    return [q.number for q in missing], [q.number for q in left]


def _equal(a: Quantity, b: Quantity) -> bool:
    return bool(a.number.values & b.number.values)


def _in_words(value: float) -> Quantity:
    return Quantity(Number("", -1, -1, frozenset({value})), optional=True)


def _converted_again(q: Quantity, other: list[Quantity], own: list[Quantity]) -> bool:
    """A figure stated in both units: "45 miles (72 kilometers)" → "72 kilómetros", and
    "10 miles" → "16 km (10 milles)", where the converted figure is left over beside the
    original one. Only then: "2 to 4 inches" → "entre 5 y 10 cm" leaves no figure over."""
    if q.approx:
        return any(agrees(q, t) for t in other if not t.optional)
    return any(t.approx and agrees(q, t) and any(o is not q and o.number.values & t.number.values for o in own)
               for t in other if not t.optional)


def _regrouped(missing: list[Quantity], left: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """"0800 555 111" written right to left as "111 555 0800": groups of digits apart
    by spaces are one number or several, in either order."""
    def groups(q: Quantity) -> list[str] | None:
        parts = normalise_digits(q.number.text).split()
        return sorted(parts) if len(parts) > 1 and all(p.isdigit() for p in parts) else None
    out = list(left)
    kept = []
    for q in missing:
        g = groups(q)
        hit = next((k for k, t in enumerate(out) if g is not None and groups(t) == g), None)
        if hit is None:
            kept.append(q)
        else:
            out.pop(hit)
    return kept, out
