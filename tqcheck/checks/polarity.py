"""Negation present on one side of an aligned unit and absent from the other."""
from __future__ import annotations

import re

from tqcheck.checks.base import Check, Context, register
from tqcheck.lang import languages
from tqcheck.model import AlignedUnit, Finding, Severity


_FR_NE = re.compile(r"(?<![\w'’])(?:ne(?![\w-])|n['’](?=\w))", re.I)
# Each language's markers (tqcheck/lang): strong ones raise a finding; weak ones are
# ambiguous or negate only in form and never do, but keep the check quiet when the
# other side has one, since translators move negation in and out of such phrasings.
_STRONG = {lng.code: re.compile(lng.negation.strong, re.I) for lng in languages() if lng.negation}
_WEAK = {lng.code: re.compile(lng.negation.weak, re.I) for lng in languages()
         if lng.negation and lng.negation.weak}


def _strong_matches(text: str, lang: str) -> list[re.Match[str]]:
    weak_spans = [m.span() for m in _WEAK[lang].finditer(text)] if lang in _WEAK else []
    return [m for m in _STRONG[lang].finditer(text)
            if not any(a <= m.start() < b for a, b in weak_spans)]


def negations(text: str, lang: str) -> tuple[list[str], list[str]]:
    """(strong, weak) negation markers in `text`; a strong marker inside a weak phrase
    ("sin" in "sin embargo") counts as weak."""
    weak = [m.group() for m in _WEAK[lang].finditer(text)] if lang in _WEAK else []
    strong = [m.group() for m in _strong_matches(text, lang)]
    # French negates with "ne … pas"; a lone "jamais" or "rien" means "ever", "anything".
    if lang == "fr" and not _FR_NE.search(text):
        strong, weak = [], weak + strong
    return strong, weak


# Words between a negation and what it negates ("did not even have", "no se lo"), in
# any language: the back-translation is read with the source's.
_FILLER = frozenset().union(*(lng.negation.filler for lng in languages() if lng.negation))
_TOKEN = re.compile(r"[^\W\d_]+")


def negated_words(text: str, lang: str) -> list[str]:
    """The first content word after each strong negation: what is being negated."""
    out = []
    for m in _strong_matches(text, lang):
        for w in _TOKEN.findall(text, m.end(), m.end() + 60)[:4]:
            if len(w) >= 3 and w.lower() not in _FILLER:
                out.append(w.lower())
                break
    return out


def _mentions(text: str, word: str) -> bool:
    stem = word[:5] if len(word) > 5 else word
    return re.search(rf"(?<!\w){re.escape(stem)}", text.lower()) is not None


@register
class Polarity(Check):
    id = "polarity"
    title = "Negation lost or added"
    severity = Severity.WARNING
    needs_back_translation = True
    description = (
        "One side of the unit has a clear negation marker (not, never, no, nunca, mai, لم, …) "
        "and the other has no negation at all, and the back-translation confirms it: it "
        "still has the negated word without the negation, or it negates a word of the "
        "source. Supported for en, es, ca, pt, fr and ar."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        src_lang, tgt_lang = ctx.src_lang, ctx.tgt_lang
        if src_lang not in _STRONG or tgt_lang not in _STRONG:
            return []
        src_text, tgt_text = unit.source_text, unit.target_text
        if not src_text.strip() or not tgt_text.strip():
            return []
        back = unit.back_translation
        src_strong, src_weak = negations(src_text, src_lang)
        tgt_strong, tgt_weak = negations(tgt_text, tgt_lang)
        # Translators move negation into words ("not happy" = "descontento", "declined" =
        # "no quiso"): the back-translation tells a rewording, where the negated word is
        # gone too, from a dropped or inserted negation in an otherwise literal rendering.
        if src_strong and not (tgt_strong or tgt_weak):
            if back and (any(negations(back, src_lang)) or
                         not any(_mentions(back, w) for w in negated_words(src_text, src_lang))):
                return []
            why = "the source negates (" + ", ".join(src_strong) + "), the translation does not"
        elif tgt_strong and not (src_strong or src_weak):
            if back and not any(_mentions(src_text, w) for w in negated_words(back, src_lang)):
                return []
            why = "the translation negates (" + ", ".join(tgt_strong) + "), the source does not"
        else:
            return []
        line = unit.target[0].line
        return [self.finding(f"polarity differs at line {line}: {why}", target_line=line,
                             source_line=unit.source[0].line,
                             source_markers=src_strong + src_weak,
                             target_markers=tgt_strong + tgt_weak)]
