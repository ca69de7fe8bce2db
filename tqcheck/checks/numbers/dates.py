"""Dates a translator makes explicit: "published Saturday" → "publié le 29 septembre".

News translators often replace a weekday with the date it stands for. The day of the
month is then a number with no equal in the source, but no figure was lost or changed.
Month and weekday names come from CLDR through Babel, for every locale it knows.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.checks.numbers.parse import Number


@lru_cache(maxsize=32)
def _names(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(month names, weekday names) of a language, as patterns; None where Babel has
    no data for it."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.dates import get_day_names, get_month_names
        locale = Locale.parse(lang)
    except (ImportError, ValueError, TypeError, UnknownLocaleError):
        return None, None
    months = {n.lower().rstrip(".") for width in ("wide", "abbreviated")
              for ctx in ("format", "stand-alone") for n in get_month_names(width, ctx, locale).values()}
    days = {n.lower() for ctx in ("format", "stand-alone") for n in get_day_names("wide", ctx, locale).values()}
    del locale

    def alternatives(names: set[str]) -> re.Pattern[str] | None:
        names = {n for n in names if len(n) >= 3}
        if not names:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                          + r")(?!\w)", re.IGNORECASE)
    return alternatives(months), alternatives(days)


def is_added_date(n: Number, text: str, lang: str, other_text: str, other_lang: str) -> bool:
    """Whether `n` is a day of the month ("29 septembre", "29 de septiembre", "September
    29") where the other side names a weekday instead."""
    if not any(v == int(v) and 1 <= v <= 31 for v in n.values) or n.start < 0:
        return False
    months, _ = _names(lang)
    _, days = _names(other_lang)
    if months is None or days is None or not days.search(other_text):
        return False
    after = re.match(r"\s*(?:de\s+|of\s+|d['’]\s*)?(\w+)", text[n.end:n.end + 20])
    before = re.search(r"(\w+)\.?\s+$", text[max(0, n.start - 20):n.start])
    return any(m is not None and months.fullmatch(m.group(1)) for m in (after, before))
