"""Imperial units a translator converts (200 miles → 321 km, 2 inches → 50 mm): the
metric values a number with a unit may legitimately become."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tqcheck.checks.numbers.parse import Number
from tqcheck.lang import get as get_language
from tqcheck.lang.numwords import small_cardinals

# Unit → metric factors, one per metric unit a translator may choose (cm or mm, m or cm).
UNITS: list[tuple[str, tuple[float, ...]]] = [
    (r"miles? (?:per|an|a) hour|mph", (1.609344,)), (r"miles?", (1.609344,)),
    (r"inch(?:es)?", (2.54, 25.4)), (r"f(?:ee|oo)t|ft\b", (0.3048, 30.48)), (r"yards?", (0.9144,)),
    (r"pounds?|lbs?\b", (0.45359237, 453.59237)), (r"ounces?|oz\b", (28.35,)), (r"gallons?", (3.785,)),
    (r"acres?", (0.4047,)), (r"square miles?", (2.59,)),
]
_UNIT = re.compile(r"\s*-?\s*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNITS)) + ")",
                   re.IGNORECASE)
# "2 to 4 inches", "2-4 inches", "between 2 and 4 inches": the unit covers both ends.
_RANGE_GAP = re.compile(r"\s*(?:-|–|to|and|or)\s*$", re.IGNORECASE)
_FAHRENHEIT = re.compile(r"\s*-?\s*(?:°\s*F\b|degrees?(?! Celsius| C\b))", re.IGNORECASE)
_HEIGHT = re.compile(r"(?<![\d.])(?P<ft>\d)(?:-foot-|\s*(?:ft|feet|foot|')\s*)(?P<inch>\d{1,2})"
                     r"(?:\s*(?:in|inches|\"))?(?!\d)", re.IGNORECASE)


def _factors(unit_text: str) -> tuple[float, ...]:
    return next(f for p, f in UNITS if re.fullmatch(p, unit_text, re.IGNORECASE))


@lru_cache(maxsize=1)
def _word_unit() -> tuple[re.Pattern[str], dict[str, float]]:
    # "a two-foot brim", "a mile away": English words, as the units are English.
    words = small_cardinals(get_language("en"), 20) | {"a": 1.0, "an": 1.0}
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return (re.compile(rf"\b({alternatives})[- ]({'|'.join(p for p, _ in UNITS)})\b", re.IGNORECASE),
            words)


# Every pattern here needs one of these: most passages are out after one search.
_ANY_UNIT = re.compile(r"mile|mph|inch|f(?:oo|ee)t|ft\b|yard|pound|lbs?\b|ounce|oz\b|gallon|acre|'",
                       re.IGNORECASE)


def word_lengths(text: str, lang: str) -> list[tuple[Number, frozenset[float], bool]]:
    """Lengths written with words or in feet and inches, with their metric values:
    6-foot-6 is one length (1.98 m), not two numbers; "a two-foot brim" is 61 cm. The
    last item says whether it is in words (never reported missing: words were never
    counted as numbers)."""
    if not _ANY_UNIT.search(text):
        return []
    pattern, words = _word_unit()
    out = []
    for m in pattern.finditer(text) if lang == "en" else ():
        value = words[m.group(1).lower()]
        metric = {value * f * k for f in _factors(m.group(2)) for k in (1, 100)}
        out.append((Number(m.group(), m.start(), m.end(), frozenset()), frozenset(metric), True))
    for m in _HEIGHT.finditer(text):
        metres = int(m.group("ft")) * 0.3048 + int(m.group("inch")) * 0.0254
        metric = frozenset({metres, metres * 100})
        out.append((Number(m.group(), m.start(), m.end(), frozenset()), metric, False))
    return out


def converted(text: str, numbers: Sequence[Number], k: int) -> list[float]:
    """The metric values number `k` may become, from the unit after it (or after the
    other end of its range)."""
    n = numbers[k]
    unit = _unit_after(text, n)
    if unit is None and k + 1 < len(numbers):
        nxt = numbers[k + 1]
        if _RANGE_GAP.search(text[n.end:nxt.start]) and nxt.start - n.end < 12:
            unit = _unit_after(text, nxt)
    if unit is None:
        return []
    if unit == "F":
        # A temperature, or a difference of temperatures ("a 20-degree difference" → 11 °C).
        return [(v - 32) * 5 / 9 for v in n.values] + [v * 5 / 9 for v in n.values]
    return [v * f for v in n.values for f in unit]


# "widespread 80s" in a weather report are temperatures in Fahrenheit (26–32 °C).
_TEMPERATURE = re.compile(r"degree|°|temperature|fahrenheit|warm|heat", re.IGNORECASE)


def fahrenheit_decade(text: str, n: Number) -> list[float]:
    if not re.match(r"s\b", text[n.end:n.end + 2]) or not _TEMPERATURE.search(text):
        return []
    return [(v + d - 32) * 5 / 9 for v in n.values if 10 <= v <= 110 and v % 10 == 0 for d in (0, 5)]


def _unit_after(text: str, n: Number) -> tuple[float, ...] | str | None:
    after = text[n.end:n.end + 30]
    if _FAHRENHEIT.match(after):
        return "F"
    m = _UNIT.match(after)
    if m is None:
        return None
    return UNITS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]
