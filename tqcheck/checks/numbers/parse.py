"""Numbers as written in many locales, reduced to the values they can mean.

`2,500` is two thousand five hundred in English and two and a half in Spanish, so a
token maps to the *set* of values it can stand for; two numbers agree when their sets
meet. Digits in Arabic-Indic and Persian script are folded to ASCII first.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Arabic thousands (U+066C) and decimal (U+066B) separators, no-break and thin spaces.
# U+066C only ever groups thousands, so it folds to a space, which is never a decimal mark.
_SEPARATORS = str.maketrans({"\u066c": " ", "\u066b": ".", "\u202f": " ", "\u00a0": " ",
                             "\u2009": " "})
# A number stands alone, or after one capital: a currency written as a letter ("N585m",
# naira; "R20", rand) is a number too. Arabic joins the conjunction و and prepositions
# to the next word, digits included ("و34", "موديلF125"): an Arabic letter before it is no word.
_NOT_WORD = r"[^\W\u0600-\u06ff]"
_ALONE = rf"(?:(?<!{_NOT_WORD})|(?<=(?<!{_NOT_WORD})[A-Z]))"
# Vulgar fractions, alone ("½ inch") or after a whole number ("won 14½-13½" = 14,5-13,5).
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_NUMBER = re.compile(_ALONE + r"(?<![.,])\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d+)?(?!\d)|"
                     + _ALONE + rf"\d+(?:[.,]\d+)?[{_VULGAR}]?|" + _ALONE + rf"[{_VULGAR}]")


@dataclass(frozen=True)
class Number:
    text: str
    start: int
    end: int
    values: frozenset[float]


# Markup left in a text ('<seg id="1">') holds no numbers of the text.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,200})?/?>")
# Arabic text groups thousands with its own comma too ("30،000"), where it is no list.
_ARABIC_COMMA = re.compile(r"(?<=\d)،(?=\d{3}(?!\d))")


def normalise_digits(text: str) -> str:
    return _ARABIC_COMMA.sub(",", text.translate(_DIGITS).translate(_SEPARATORS))


def find_numbers(text: str) -> list[Number]:
    folded = normalise_digits(text)
    if "<" in folded:
        folded = _TAG.sub(lambda m: " " * len(m.group()), folded)
    out = []
    for m in _NUMBER.finditer(folded):
        token = m.group().rstrip(".,")
        if not token or _in_code(folded, m.start(), m.start() + len(token)):
            continue
        out.append(Number(text[m.start() : m.start() + len(token)], m.start(),
                          m.start() + len(token), frozenset(_values(token))))
    return out


def _in_code(text: str, start: int, end: int) -> bool:
    """A digit between capitals is part of a name ("W3C"), not a number ("N585m" is)."""
    return 0 < start and end < len(text) and text[start - 1].isupper() and text[end].isupper()


def _values(token: str) -> set[float]:
    if token[-1] in _VULGAR:
        fraction = unicodedata.numeric(token[-1])
        return {v + fraction for v in _values(token[:-1])} if len(token) > 1 else {fraction}
    plain = token.replace(" ", "")
    seps = {ch for ch in plain if ch in ",."}
    if not seps:
        return {float(plain)}
    values: set[float] = set()
    if len(seps) == 2:
        # The last separator is the decimal mark: 1,234.5 or 1.234,5.
        dec = max(plain.rfind(","), plain.rfind("."))
        whole = re.sub(r"[.,]", "", plain[:dec])
        return {float(f"{whole}.{plain[dec + 1:]}")}
    sep = seps.pop()
    parts = plain.split(sep)
    if len(parts) == 2:
        values.add(float(f"{parts[0]}.{parts[1]}"))  # decimal reading
    # Already grouped by spaces (1 234,567), the mark can only be the decimal one.
    if all(len(p) == 3 for p in parts[1:]) and " " not in token:
        values.add(float("".join(parts)))  # thousands reading
    if " " in token and len(parts) == 1:
        values.add(float(plain))
    return values or {float(plain.replace(sep, ""))}
