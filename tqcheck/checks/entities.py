"""Things a translation must carry over unchanged: URLs, e-mail addresses, handles,
hashtags, link targets, inline code, placeholders and markup, and acronyms.

Names in general are not compared: they legitimately change (London → Londres).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from tqcheck.checks.base import Check, Context, register
from tqcheck.lang import acronym_forms
from tqcheck.model import AlignedUnit, Finding, Passage, Severity

_URL_END = ".,;:!?'\"’”»)"
_PATTERNS = {
    "url": re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"“”«»]+", re.I),
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "handle": re.compile(r"(?<![\w@.])@[A-Za-z_]\w{1,30}(?![\w@])"),
    "hashtag": re.compile(r"(?<![\w&/#])#[^\W\d_]\w*"),
    "link": re.compile(r"\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)"),
    "code": re.compile(r"`([^`\n]+)`"),
}
# Losing one of these breaks the text (a dead link). Placeholders and markup have their
# own checks (placeholders.py, markup.py).
BREAKING = frozenset({"url", "link"})

# Two or more capitals, optionally "-19" or a plural "s": NASA, COVID-19, AMs.
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*(?:-\d+)?)(?:s|['’]s)?(?![\w-])")
_ROMAN = re.compile(r"[IVXLCDM]+")
# Longer capitalised words are shouted words ("NOT", "COUNTING"), not acronyms, unless
# they carry a digit.
MAX_ACRONYM_LETTERS = 5
# Times and time zones are rewritten by every translator ("19:30 BST" → "las 19:30").
_TIME_WORDS = frozenset({"AM", "PM", "ET", "PT", "CT", "MT", "BST", "GMT", "UTC", "EST", "EDT", "PST",
                         "PDT", "CST", "CDT", "MST", "MDT", "CET", "CEST", "IST", "AEST", "HKT", "JST"})
_SHOUT = frozenset({"NOT", "NO", "OK", "YES", "THE", "AND", "FOR", "YOU", "IT", "IS", "ALL", "NEW",
                    "BIG", "WOW", "OMG", "LOL", "TO", "OF", "IN", "ON", "MY", "WE", "ME", "SO", "DO",
                    "FROM", "DATE", "NOTE", "NEWS", "LIVE", "ALERT", "UPDATE", "WATCH", "READ"})
_SHOUT_GAP = re.compile(r"(?s:.)?|\s[A-Z]\s")


def _clean_url(u: str) -> str:
    return u.rstrip(_URL_END)


def items(text: str) -> dict[str, set[str]]:
    """Protected items of `text`, by kind."""
    out: dict[str, set[str]] = {}
    emails = {m.group().rstrip(".") for m in _PATTERNS["email"].finditer(text)}
    for kind, rx in _PATTERNS.items():
        if kind == "email":
            found = emails
        elif kind in ("link", "code"):
            found = {m.group(1) for m in rx.finditer(text)}
        elif kind == "url":
            found = {_clean_url(m.group()) for m in rx.finditer(text)}
        elif kind == "handle":
            found = {m.group() for m in rx.finditer(text)
                     if not any(m.group()[1:] in e.split("@")[1] for e in emails)}
        else:
            found = {m.group() for m in rx.finditer(text)}
        if found:
            out[kind] = found
    # A link target is a URL too; report it once, as a link.
    if "link" in out and "url" in out:
        out["url"] -= {_clean_url(u) for u in out["link"]}
        if not out["url"]:
            del out["url"]
    return out


def acronyms(text: str) -> set[str]:
    letters = [ch for ch in text if ch.isalpha()]
    # A headline in capitals is shouting, not a string of acronyms.
    if letters and sum(ch.isupper() for ch in letters) > 0.5 * len(letters):
        return set()
    found = list(_ACRONYM.finditer(text))
    out = set()
    for i, m in enumerate(found):
        acr = m.group(1)
        if _ROMAN.fullmatch(acr) or acr in _TIME_WORDS or acr in _SHOUT:
            continue
        if sum(ch.isalpha() for ch in acr) > MAX_ACRONYM_LETTERS and not any(ch.isdigit() for ch in acr):
            continue
        # "THANK YOU FOR STANDING UP": capitals running on for several words, maybe
        # through a one-letter word ("ENFRENTARES A TURBA").
        near = [o for o in found[max(0, i - 1):i + 2] if o is not m]
        if any(_SHOUT_GAP.fullmatch(text[m.end():o.start()] if o.start() > m.start() else text[o.end():m.start()])
               for o in near):
            continue
        out.add(acr)
    return out


_GLUE = frozenset("the and for with from del los las les els con per por des une".split())


def _expanded(letters: list[str], text: str) -> bool:
    """Whether `text` spells the acronym out, in one of three ways:

    - consecutive capitalised words whose initials cover two thirds of its letters, in
      any order ("ICJ" → "Tribunal Internacional de Justicia", "NYC" → "Nueva York");
    - a short run of words whose initials cover as many ("PTSD" → back-translated
      "post-traumatic stress disorder");
    - one word that starts with its first letter and has the others in order, for
      acronyms of up to three letters ("AZ" → "Arizona", "HQ" → "headquarters").
    """
    want = Counter(letters)
    need = max(2, -(-2 * len(want) // 3)) if len(want) > 1 else 1
    for name in re.finditer(r"[A-ZÀ-Þ][\w’'-]*(?:\s+(?:[a-zà-ÿ]{1,3}\s+){0,2}[A-ZÀ-Þ][\w’'-]*)+", text):
        initials = {w[0] for w in name.group().split() if w[0].isupper()}
        if len(set(want) & initials) >= need:
            return True
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3 and w.lower() not in _GLUE]
    span = len(letters) + 1
    need_all = -(-2 * len(letters) // 3)
    for i in range(len(words)):
        left = want - Counter(w[0].upper() for w in words[i:i + span])
        if sum(left.values()) <= len(letters) - need_all:
            return True
    pattern = re.compile(r"(?<!\w)" + r"\w*".join(re.escape(ch) for ch in letters) + r"\w*", re.I)
    return len(letters) <= 3 and pattern.search(text) is not None


# A translated acronym keeps most letters of the original, in any order, since the
# expansion's words translate to words with the same initials: ISIL (Islamic State of
# Iraq and the Levant) = EIIL (Estado Islámico de Irak y el Levante). Under four letters
# one letter off is another acronym (FBI, FDI).
MIN_TRANSLATED_LETTERS = 4


def _translated(letters: list[str], token: str) -> bool:
    if len(letters) < MIN_TRANSLATED_LETTERS or abs(len(token) - len(letters)) > 1:
        return False
    shared = sum((Counter(letters) & Counter(token)).values())
    return shared >= len(letters) - 1


@functools.lru_cache(maxsize=256)
def _currency_forms(code: str) -> tuple[frozenset[str], re.Pattern[str]] | None:
    """An ISO 4217 code's other spellings by CLDR (Babel): its symbols, and its unit's
    English name in any inflection; None for a code that is no currency."""
    from babel.numbers import get_currency_name, get_currency_symbol, is_currency

    if len(code) != 3 or not is_currency(code):
        return None
    symbols = frozenset({get_currency_symbol(code, locale) for locale in ("en", "en_US")} - {code})
    unit = get_currency_name(code, locale="en").split()[-1]
    return symbols, re.compile(rf"(?<!\w){re.escape(unit)}", re.IGNORECASE)


def _currency_kept(code: str, text: str) -> bool:
    """Whether `text` names the currency another way: "200 milions USD" = "$200 million";
    "dollars" (an English back-translation names it so too)."""
    forms = _currency_forms(code)
    return forms is not None and (any(sym in text for sym in forms[0]) or forms[1].search(text) is not None)


def acronym_kept(acr: str, target: str, back: str = "") -> bool:
    """Whether the translation carries the acronym, or an equivalent of it, over; the
    back-translation, in the source language, shows expansions most clearly."""
    low = target.lower()
    if len(acr) > 2 and re.search(rf"(?<!\w){re.escape(acr.lower())}(?!\w)", low):
        return True  # "Covid-19", "Nasa": style guides lower-case long acronyms
    if re.search(rf"(?<!\w){re.escape(acr)}", target) or (back and acr in back):
        return True
    if _currency_kept(acr, target) or back and _currency_kept(acr, back):
        return True
    core = acr.split("-")[0]
    letters = [ch for ch in core if ch.isalpha()]
    # The target's own acronym, same letters in its word order: NATO → OTAN, UN → ONU.
    for tok in re.findall(r"\b[A-Z][A-Z.]*[A-Z]\b\.?", target):
        t = tok.replace(".", "")
        if set(letters) <= set(t) and len(t) <= len(core) + 1:
            return True
        if _translated(letters, t):
            return True
    # Short forms must be whole words ("RU" is not "ruta"); longer ones may be stems.
    if any(re.search(rf"(?<!\w){re.escape(k)}" + (r"(?!\w)" if len(k) <= 3 else ""), low)
           for k in acronym_forms(core)):
        return True
    return _expanded(letters, target) or bool(back) and _expanded(letters, back)


def _latin_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")
    return not letters or latin >= 0.5 * len(letters)


def _raw(passages: Iterable[Passage]) -> str:
    # Markdown keeps link targets and code only in the raw source of the passage.
    return "\n".join(p.meta.get("raw") or p.text for p in passages)


@register
class LostEntity(Check):
    id = "lost-entity"
    title = "URL, placeholder, code or acronym lost"
    severity = Severity.WARNING
    description = (
        "A URL, e-mail address, @handle, #hashtag, link target, inline code or acronym of the "
        "source is missing from the translation (errors for URLs and link targets). Acronyms may be "
        "lower-cased, reordered (NATO → OTAN) or transliterated into non-Latin scripts."
    )

    def __init__(self, severity: Severity | None = None) -> None:
        super().__init__(severity)
        self._fixed = severity is not None

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        src, tgt = _raw(unit.source), _raw(unit.target)
        have, want = items(tgt), items(src)
        lost: dict[str, list[str]] = {}
        for kind, found in want.items():
            # "example.org/" and "example.org" are the same link (RTL text often moves
            # the slash); everything else must be exact.
            missing = sorted(v for v in found if v not in have.get(kind, set())
                             and (v.rstrip("/") if kind in ("url", "link") else v) not in tgt)
            if missing:
                lost[kind] = missing
        if _latin_script(unit.target_text):
            missing = sorted(a for a in acronyms(unit.source_text)
                             if not acronym_kept(a, tgt, unit.back_translation))
            if missing:
                lost["acronym"] = missing
        else:
            # Arabic, Cyrillic, … translations transliterate acronyms and translate hashtags.
            lost.pop("hashtag", None)
        if not lost:
            return []
        line = unit.target[0].line
        # Without a back-translation an acronym the translator spelled out ("Q&A" →
        # "preguntas y respuestas", "WW1" → "I Guerra Mundial") looks lost: information.
        unsure = {"acronym"} if not ctx.has_back_translation else set()
        groups = [{k: v for k, v in lost.items() if k in BREAKING},
                  {k: v for k, v in lost.items() if k not in BREAKING | unsure},
                  {k: v for k, v in lost.items() if k in unsure}]
        out = []
        for grp, sev in zip(groups, (Severity.ERROR, self.severity, Severity.INFO)):
            if not grp:
                continue
            shown = "; ".join(f"{kind} {', '.join(v)}" for kind, v in grp.items())
            f = self.finding(f"translation at line {line} lost {shown}", target_line=line,
                             source_line=unit.source[0].line, lost=grp)
            if not self._fixed:
                f = Finding(f.check, sev, f.message, f.evidence)
            out.append(f)
        return out
