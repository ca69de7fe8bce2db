"""The fallback for a language with no module: what langcodes' CLDR data says."""
from __future__ import annotations

from functools import lru_cache

from tqcheck.lang.base import Language

# CLDR script subtags → the script names tqcheck.detect.quick uses.
_SCRIPTS = {"Latn": "LATIN", "Arab": "ARABIC", "Cyrl": "CYRILLIC", "Grek": "GREEK",
            "Hebr": "HEBREW", "Deva": "DEVANAGARI", "Hans": "CJK", "Hant": "CJK", "Jpan": "CJK",
            "Kore": "HANGUL", "Thai": "THAI"}
# Close relatives whose short texts langdetect confuses; languages with a module say it
# themselves.
FAMILIES = {
    "fa": "arabic", "ur": "arabic", "no": "nordic", "da": "nordic", "sv": "nordic",
    "cs": "west-slavic", "sk": "west-slavic", "pl": "west-slavic", "hr": "south-slavic",
    "sl": "south-slavic", "mk": "south-slavic east-slavic", "bg": "south-slavic east-slavic",
    "ru": "east-slavic", "uk": "east-slavic", "id": "malay", "tl": "malay",
    "hi": "indic", "mr": "indic", "ne": "indic",
}


@lru_cache(maxsize=256)
def fallback(code: str) -> Language:
    import langcodes  # 0.07 s of CLDR tables, for languages with no module only

    try:
        tag = langcodes.Language.get(code)
        script = _SCRIPTS.get(tag.maximize().script or "", "OTHER")
        alpha3 = tag.to_alpha3()
    except (LookupError, ValueError):  # not a language code (LanguageTagError is a ValueError)
        script, alpha3 = "LATIN", None
    return Language(code=code, name=code, script=script,
                    families=frozenset(FAMILIES.get(code, "").split()), apertium=alpha3)
