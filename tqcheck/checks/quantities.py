"""What a number means in its sentence: the scale word after it, a decade, a unit a
translator converts, a number spelled out. Professional translators write `$2 billion`
as `2000 millones`, `200 miles` as `321 kilómetros` and `the 1930s` as `los años 30`;
measured on NTREX-128 human translations, these made most of the numbers check's false
flags. Each number gets the extra values it can legitimately become.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tqcheck.checks.numparse import Number

# Scale words per language; "mil millones" is checked before "mil".
SCALES: dict[str, list[tuple[str, float]]] = {
    "en": [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9)],
    "es": [("mil millones", 1e9), ("millardos", 1e9), ("millardo", 1e9), ("mil", 1e3), ("millones", 1e6),
           ("millón", 1e6), ("billones", 1e12), ("billón", 1e12)],
    "ca": [("mil milions", 1e9), ("mil", 1e3), ("milions", 1e6), ("milió", 1e6), ("bilions", 1e12)],
    "pt": [("mil milhões", 1e9), ("mil", 1e3), ("milhões", 1e6), ("milhão", 1e6), ("bilhões", 1e9),
           ("bilhão", 1e9)],
    "fr": [("mille", 1e3), ("millions", 1e6), ("million", 1e6), ("milliards", 1e9), ("milliard", 1e9)],
    "ar": [("ألف", 1e3), ("آلاف", 1e3), ("مليون", 1e6), ("ملايين", 1e6), ("مليار", 1e9), ("مليارات", 1e9)],
}
# Imperial units a translator converts, with the metric factor.
UNITS: list[tuple[str, float]] = [
    (r"miles? (?:per|an|a) hour|mph", 1.609344), (r"miles?", 1.609344), (r"inch(?:es)?", 2.54),
    (r"f(?:ee|oo)t|ft\b", 0.3048), (r"yards?", 0.9144), (r"pounds?|lbs?\b", 0.45359237),
    (r"ounces?|oz\b", 28.35), (r"gallons?", 3.785), (r"acres?", 0.4047), (r"square miles?", 2.59),
]
_UNIT = re.compile(r"\s*-?\s*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNITS)) + ")",
                   re.IGNORECASE)
# "2 to 4 inches", "2-4 inches", "between 2 and 4 inches": the unit covers both ends.
_RANGE_GAP = re.compile(r"\s*(?:-|–|to|and|or)\s*$", re.IGNORECASE)
_FAHRENHEIT = re.compile(r"\s*-?\s*(?:°\s*F\b|degrees?(?! Celsius| C\b))", re.IGNORECASE)
# Clock times are rewritten by translators (7 p.m. → 19:00 → a las 7 de la tarde), so
# they are compared as minutes of the day, offset so they never equal a plain number.
CLOCK_OFFSET = 1e7
_MERIDIEM = r"(?P<mer>[ap]\.?\s?m\.?(?!\w)|o'clock|de la (?:mañana|tarde|noche|madrugada)|del (?:matí|vespre)|" \
            r"da (?:manhã|tarde|noite)|h\b|horas?\b|hores?\b|heures?\b)"
_CLOCKS = [
    re.compile(r"(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?!\d)(?:\s*" + _MERIDIEM + ")?", re.IGNORECASE),
    # Hour only: "24 horas" is a duration, so only a.m./p.m.-like markers make a time.
    re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})(?:\.(?P<m>\d{2}))?\s*(?P<mer>[ap]\.?\s?m\.?(?!\w)|o'clock|"
               r"de la (?:mañana|tarde|noche|madrugada)|da (?:manhã|tarde|noite)|"
               r"(?:heures?|h) (?:du (?:matin|soir)|de l'après-midi))", re.IGNORECASE),
    # Portuguese and French write "19h30", "4h00", "19 h 30" (only for those languages).
    re.compile(r"(?<![\d.,:\w])(?P<h>\d{1,2})\s?h\s?(?P<m>\d{2})(?!\d)(?:\s*" + _MERIDIEM + ")?", re.IGNORECASE),
    # Not "à 3 000 articles": a thousands group after the digits is a number, not an hour.
    re.compile(r"\b(?:a las|las|a la|a les|les|às|as|à)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?!\d|[\s.,]\d{3}(?!\d))"
               r"(?:\s*" + _MERIDIEM + ")?", re.IGNORECASE),
]


# "a las 7" is a time in Romance languages; in English "as 2 to 4" is not.
_ARTICLE_CLOCK_LANGS = {"es", "ca", "pt", "gl", "fr", "it"}


def clock_times(text: str, lang: str) -> list[Number]:
    found: list[Number] = []
    patterns = list(_CLOCKS if lang in _ARTICLE_CLOCK_LANGS else _CLOCKS[:2])
    if lang in _ARTICLE_CLOCK_LANGS and lang in WORDS:
        # "a las dos de la tarde": an hour spelled out is still a time.
        words = {w: i for i, w in enumerate(WORDS[lang][1:13], start=1)} | {"una": 1, "dues": 2, "duas": 2}
        # The part of day is required: "las dos iglesias" is two churches.
        patterns.append(re.compile(r"\b(?:a las|las|a la|a les|les|às|as)\s+(?P<h>" + "|".join(words) + r")\b"
                                   r"\s*" + _MERIDIEM, re.IGNORECASE))
    else:
        words = {}
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(n.start < m.end() and m.start() < n.end for n in found):
                continue
            hour = m.group("h")
            h = words[hour.lower()] if hour.lower() in words else int(hour)
            minutes = int(m.groupdict().get("m") or 0)
            if h > 24 or minutes > 59:
                continue
            mer = (m.group("mer") or "").lower()
            if mer.startswith("p") or any(w in mer for w in ("tarde", "noche", "vespre", "noite", "soir", "après")):
                hours = {h % 12 + 12}
            elif mer.startswith("a") or any(w in mer for w in ("mañana", "madrugada", "matí", "manhã", "matin")):
                hours = {h % 12}
            else:
                hours = {h % 24, (h + 12) % 24} if h <= 12 else {h % 24}
            start = m.start("h")
            found.append(Number(text[start:m.end()].strip(), start, m.end(),
                                frozenset(CLOCK_OFFSET + hh * 60 + minutes for hh in hours)))
    return found
# A converted figure is rounded by the translator: accept this relative distance.
TOLERANCE = 0.25

WORDS: dict[str, list[str]] = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
          "quince dieciséis diecisiete dieciocho diecinueve veinte".split(),
    "ca": "zero un dos tres quatre cinc sis set vuit nou deu onze dotze tretze catorze quinze "
          "setze disset divuit dinou vint".split(),
    "pt": "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze "
          "dezesseis dezessete dezoito dezenove vinte".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
          "seize dix-sept dix-huit dix-neuf vingt".split(),
}
FEMININE = {"es": {"una": 1}, "ca": {"una": 1, "dues": 2}, "pt": {"uma": 1, "duas": 2}, "fr": {"une": 1},
            "en": {"a dozen": 12, "dozen": 12}}


@dataclass(frozen=True)
class Quantity:
    number: Number
    approx: frozenset[float] = frozenset()  # converted values, matched with TOLERANCE
    # Spelled out ("a two-foot brim"): may match a number on the other side, but is
    # never reported missing, as words were never counted as numbers.
    optional: bool = False


_HEIGHT = re.compile(r"(?<![\d.])(?P<ft>\d)(?:-foot-|\s*(?:ft|feet|foot|')\s*)(?P<inch>\d{1,2})(?:\s*(?:in|inches|\"))?(?!\d)",
                     re.IGNORECASE)


_WORD_UNIT = re.compile(r"\b(" + "|".join(WORDS["en"][1:]) + r")[- ](" +
                        "|".join(p for p, _ in UNITS) + r")\b", re.IGNORECASE)


def heights(text: str) -> list[Quantity]:
    """6-foot-6 is one length (1.98 m), not two numbers; "a two-foot brim" is 61 cm."""
    out = []
    for m in _WORD_UNIT.finditer(text):
        value = WORDS["en"].index(m.group(1).lower())
        factor = next(f for p, f in UNITS if re.fullmatch(p, m.group(2), re.IGNORECASE))
        out.append(Quantity(Number(m.group(), m.start(), m.end(), frozenset()),
                            frozenset({value * factor, value * factor * 100}), optional=True))
    for m in _HEIGHT.finditer(text):
        metres = int(m.group("ft")) * 0.3048 + int(m.group("inch")) * 0.0254
        out.append(Quantity(Number(m.group(), m.start(), m.end(), frozenset()),
                            frozenset({metres, metres * 100})))
    return out


def annotate(text: str, numbers: list[Number], lang: str) -> list[Quantity]:
    clocks = clock_times(text, lang)
    out = [Quantity(c) for c in clocks] + heights(text)
    numbers = [n for n in numbers if not any(q.number.start <= n.start < q.number.end for q in out)]
    for k, n in enumerate(numbers):
        after = text[n.end:n.end + 40]
        values = set(n.values)
        lowered = after.lower().lstrip()
        for word, scale in SCALES.get(lang, []):
            if re.match(rf"{re.escape(word)}\b", lowered):
                # Rounded: 2.8 × 1e9 must equal the 2800 × 1e6 written on the other side.
                values |= {float(round(v * scale)) for v in n.values}
                break
        if re.match(r"'?s\b", after) and any(1000 < v < 2100 and v % 10 == 0 for v in n.values):
            values |= {v % 100 for v in n.values}  # the 1930s → los años 30
        approx = set(_converted(text, numbers, k))
        out.append(Quantity(replace(n, values=frozenset(values)), frozenset(approx)))
    return out


def _converted(text: str, numbers: list[Number], k: int) -> list[float]:
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
    return [v * unit for v in n.values]


def _unit_after(text: str, n: Number) -> float | str | None:
    after = text[n.end:n.end + 30]
    if _FAHRENHEIT.match(after):
        return "F"
    m = _UNIT.match(after)
    if m is None:
        return None
    return UNITS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]


# Years hidden in codes: fashion seasons (SS19, AW20), fiscal years (FY19), '19.
_SHORT_YEAR = re.compile(r"(?:\b(?:SS|AW|FW|FY|PS)|(?<![\w'])['’])(\d{2})\b")


def spelled(text: str, lang: str) -> list[float]:
    """Small numbers written as words, which may stand for digits on the other side."""
    lowered = text.lower()
    out = [float(2000 + int(y)) for y in _SHORT_YEAR.findall(text)]
    for value, word in enumerate(WORDS.get(lang, [])):
        out += [float(value)] * len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered))
    # Centuries and monarchs: 19th century → siglo XIX.
    out += [float(_roman(m)) for m in _ROMAN.findall(text) if _roman(m)]
    for word, value in FEMININE.get(lang, {}).items():
        out += [float(value)] * len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered))
    return out


_ROMAN = re.compile(r"\b(?=[IVXLC]{2,}\b)(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


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


def reconcile(src: list[Quantity], tgt: list[Quantity], src_text: str, tgt_text: str,
              src_lang: str, tgt_lang: str) -> tuple[list[Number], list[Number]]:
    """Source numbers without an equal in the translation, and the reverse. A number
    left over on one side may still be a small number spelled out on the other."""
    # Plain numbers first, so a conversion cannot take a number its own side states
    # ("45 miles (72 km)"); then numbers with a unit, which may also have been converted.
    plain = [q for q in src if not q.approx]
    missing, left = _match(plain, list(tgt), lambda a, b: bool(a.number.values & b.number.values))
    converted, left = _match([q for q in src if q.approx], left, agrees)
    missing += converted
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
