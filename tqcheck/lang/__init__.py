"""Everything tqcheck knows about each language, one module per language.

    from tqcheck import lang
    es = lang.get("es")          # -> Language (frozen dataclass, tqcheck/lang/base.py)
    es.function_words, es.negation.strong, es.scales, es.hunspell, es.apertium
    lang.get("xx")               # an unknown code: a generic Language (script and Apertium
                                 # code from langcodes' CLDR data, empty word tables)
    lang.known()                 # codes that have a module, sorted
    lang.has_module("es")        # True
    lang.spelled_numbers(text, "ca")   # values of numbers written in words (numwords.py)

Checks and detection read their per-language tables from here and nowhere else; a
check that needs a table a language leaves empty simply finds nothing for it.

Adding a language means adding one module, `tqcheck/lang/<code>.py`, that defines
`LANGUAGE = Language(code="<code>", name=..., ...)`: the registry finds it by its file
name. Fill in what is known (see base.Language's fields); number words come from
text2num (`text2num=`) or num2words (`num2words=`), never from a hand table.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from tqcheck.lang.base import Clock, Language, Negation
from tqcheck.lang.generic import fallback

__all__ = ["Clock", "Language", "Negation", "get", "has_module", "known", "languages",
           "spelled_numbers", "acronym_forms"]

_MODULE = re.compile(r"^[a-z]{2,3}$")


@lru_cache(maxsize=1)
def _registry() -> dict[str, Language]:
    out = {}
    for info in pkgutil.iter_modules(__path__):
        if _MODULE.match(info.name):
            language = importlib.import_module(f"{__name__}.{info.name}").LANGUAGE
            if language.code != info.name:
                raise RuntimeError(f"tqcheck/lang/{info.name}.py defines {language.code!r}")
            out[info.name] = language
    return out


def get(code: str | None) -> Language:
    """The language of an ISO 639 code ("es", "es-MX", "ES"); a generic one when no module
    knows it. None (no language) gets the generic record of the empty code."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return _registry().get(base) or fallback(base)


def has_module(code: str | None) -> bool:
    return get(code).code in _registry() if code else False


def known() -> tuple[str, ...]:
    return tuple(sorted(_registry()))


def languages() -> tuple[Language, ...]:
    return tuple(_registry()[c] for c in known())


@lru_cache(maxsize=256)
def acronym_forms(acronym: str) -> tuple[str, ...]:
    """Every language's way of writing `acronym` (lower-case): "US" → "ee. uu", "eua", …
    A source that is itself a translated form has the English acronym and its other
    forms: "SIDA" (pt → en) → "aids", "vih", …"""
    own = acronym.lower()
    keys = [acronym] + [k for lng in languages() for k, forms in lng.acronyms.items()
                        if k != acronym and own in (f.lower() for f in forms)]
    forms = [f.lower() for k in keys for lng in languages() for f in lng.acronyms.get(k, ())]
    return tuple(dict.fromkeys([k.lower() for k in keys[1:]] + [f for f in forms if f != own]))


def spelled_numbers(text: str, code: str) -> list[float]:
    from tqcheck.lang.numwords import spelled_numbers as spelled
    return spelled(text, get(code))
