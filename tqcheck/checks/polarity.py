"""Negation present on one side of an aligned unit and absent from the other."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity


def _words(*alts: str) -> str:
    return r"(?<![\w'’])(?:" + "|".join(alts) + r")(?!\w)"


# "No. 5" and "no. 12" are numbers, not negations.
_NO = r"no(?!\.\s*\d)"
# Arabic attaches "and"/"so" to the following word: ولا, فلم.
_AR_PREFIX = r"(?<!\w)[وف]?"


@dataclass(frozen=True)
class Lexicon:
    # Strong markers almost always negate; a finding needs one on one side.
    strong: str
    # Weak markers are ambiguous or negate only in form ("sin embargo" = however,
    # "ne ... que" = only, "لا يزال" = still, English "only"/"unable"): they never raise
    # a finding, but their presence on the other side is enough to keep quiet, since
    # translators move negation in and out of such phrasings all the time.
    weak: str = ""


# Privative words ("without", "sin", "sense", "sem", "sans", "بدون") are weak: translators
# render them with affixes as often as with words (landlocked = sin litoral,
# non-invasive = no invasiva, unforgettable = لا تُنسى).
_EN_AFFIX = (r"non-?\w+", r"un(?!der|til|it|iv|io|iq|if)\w{3,}", r"\w{3,}less(?:ly|ness)?",
             r"\w+-free", r"(?:im|in|il|ir)(?:possib|capab|correct|accura|sufficien|adequa|visib|legal"
             r"|regular|relevan|dependen|finit|complet|abilit|activ|effectiv|consisten|famous)\w*")
LEXICONS = {
    "en": Lexicon(
        _words(_NO, "not", "never", "nobody", "nothing", "none", "neither", "nor", "cannot",
               "nowhere", "no-one", "no one") + r"|n['’]t(?!\w)",
        _words("without", "no doubt", "no longer", "no later", "no more", "no less", "not only",
               "not least", "nothing but", "only", "unable", "fail", "fails", "failed", "lack",
               "lacks", "lacked", "refuse", "refused", "refuses", "deny", "denied", "denies",
               "unless", "except", "absence", "instead of", "rather than", "hardly", "barely",
               "rarely", "seldom", "few", "ever", "forever", "any", "anyone", "anything", "anybody",
               "decline", "declined", "declines", "yet to", "avoid", "avoided", "prevent",
               "prevented", "stop", "stopped", "ban", "banned", "reject", "rejected", "forget",
               "not the only", "remain to be", "remains to be", "against",
               *_EN_AFFIX),
    ),
    "es": Lexicon(
        _words(_NO, "nunca", "jamás", "nadie", "nada", "ninguno", "ninguna", "ningún", "ni",
               "tampoco"),
        _words("sin", "sin embargo", "no obstante", "no solo", "no sólo", "sino", "más que",
               "solo", "sólo", "solamente", "únicamente", "apenas", "salvo", "excepto",
               "ni siquiera", "ya no", "a menos que", "dejar de", "deja de", "dejó de"),
    ),
    "ca": Lexicon(
        _words(_NO, "mai", "ningú", "res", "ni", "tampoc", "gens", "enlloc", "cap"),
        _words("sense", "no obstant", "no només", "no pas", "sinó", "només", "sols", "únicament",
               "tret de", "excepte", "ja no", "a menys que", "llevat", "deixar de", "deixa de",
               r"cap (?:a|al|als|on|de|del|dels|d['’]\w+)", r"(?:el|al|del|pel|un|seu) cap"),
    ),
    "pt": Lexicon(
        _words("não", "nunca", "jamais", "ninguém", "nada", "nem", "nenhum", "nenhuma",
               "tampouco"),
        _words("sem", "não só", "não apenas", "senão", "só", "somente", "apenas", "exceto",
               "salvo", "já não", "a menos que", "deixar de", "deixou de", "deixa de"),
    ),
    "fr": Lexicon(
        _words("pas", "jamais", "rien", "aucun", "aucune", "ni", "nul", "nulle"),
        _words("ne", r"n['’](?=\w)", "sans", "personne", "non", r"non-\w+", "non seulement",
               "seulement", "uniquement", "sauf", "à moins", r"(?:un|le|ce|faux|au|du) pas",
               "ne plus", "cesser de"),
    ),
    "ar": Lexicon(
        _AR_PREFIX + r"(?:لا|لم|لن|ليس|ليست|ليسوا|لست|لسنا)(?!\w)",
        _AR_PREFIX + r"(?:ما|غير|دون|بدون|عدم|إلا|سوى|فقط|لا سيما|لاسيما|إن لم|ألا"
        r"|(?:لا|ما|لم) ?(?:يزال|تزال|يزالون|زال|زالت|يزل|تزل|زالوا))(?!\w)",
    ),
}

_FR_NE = re.compile(r"(?<![\w'’])(?:ne(?![\w-])|n['’](?=\w))", re.I)
_STRONG = {k: re.compile(v.strong, re.I) for k, v in LEXICONS.items()}
_WEAK = {k: re.compile(v.weak, re.I) for k, v in LEXICONS.items() if v.weak}


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


# Words between a negation and what it negates: "did not even have", "no se lo".
_FILLER = frozenset(
    "be been being is are was were have has had do does did the any more yet only just even also "
    "really always get got that this with for one all too very much will would could should can "
    "se lo la le les me te nos ha han hay es son fue era está más tan muy que del los las una uno "
    "els és va van hi ho en pas ne il elle est ont été não nem foi são".split())
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
        if src_lang not in LEXICONS or tgt_lang not in LEXICONS:
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
