"""Arabic numbers written as words ("ثلاثة وستين" = 63), for the numbers check.

Arabic news prose spells out many numbers that English writes in digits, with case and
gender endings (عشرون/عشرين, ثلاثة/ثلاث) and the conjunction و joined to the next word.
The phrases come from num2words, with those variants added, so no hand-written table.
"""
from __future__ import annotations

import functools
import re

_TASHKEEL = re.compile("[\u064b-\u0652\u0640]")
# Phrases up to 99, and the hundreds; longer numbers are runs of these ("ثلاثمائة وأربعة").
HUNDREDS = range(100, 1000, 100)
TENS = frozenset(range(20, 100, 10))


def _variants(phrase: str) -> set[str]:
    words = phrase.replace(" و ", " و").split()
    out = {" ".join(words)}
    for old, new in (("ون", "ين"), ("ان", "ين"), ("ة", ""), ("مائة", "مئة"), ("ائتان", "ائتين"),
                     ("اثنين", "اثنتين"), ("ا", "")):
        out |= {" ".join(w[: -len(old)] + new if w.endswith(old) else w for w in v.split())
                for v in list(out)}
    return out


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, int]]:
    from num2words import num2words

    values: dict[str, int] = {}
    for n in [*range(100), *HUNDREDS]:
        for v in _variants(num2words(n, lang="ar")):
            values.setdefault(v, n)
    # Ordinals ("الثالث والستين", "القرن التاسع عشر"): the units and teens; tens are as above.
    for n in range(1, 20):
        for v in _variants(num2words(n, lang="ar", to="ordinal")):
            for form in (v, v.split()[0] + "ة" + v[len(v.split()[0]):]):
                values.setdefault(form, n)
    values.setdefault("أول", 1)
    values.update({"ألف": 1000, "ألفا": 2000, "ألفين": 2000, "ألفان": 2000, "مليون": 10**6,
                   "مليار": 10**9})
    alternation = "|".join(re.escape(p) for p in sorted(values, key=len, reverse=True))
    # An attached و, ب, ل or ك ("وثلاثة", "بعشرين") is part of the word in Arabic script.
    return re.compile(rf"(?<!\w)[وف]?[بلك]?(?:ال)?({alternation})(?!\w)"), values


def spelled_ar(text: str) -> list[float]:
    """The values of the numbers spelled out in an Arabic text."""
    pattern, values = _lexicon()
    out: list[float] = []
    end = -1
    for m in pattern.finditer(_TASHKEEL.sub("", text)):
        value = values[m.group(1)]
        # "ثلاثمائة وأربعة وثلاثين": a smaller part right after a larger one adds to it.
        # "الثالث والستين": units come before the tens they add to.
        if out and m.start() - end <= 1 and (0 < value < out[-1] and out[-1] % 100 == 0
                                             or out[-1] < 10 and value in TENS):
            out[-1] += value
        else:
            out.append(float(value))
        end = m.end()
    return out
