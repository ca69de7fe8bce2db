"""The translation read as a sentence of its language: a step of parts of speech that
professional text almost never takes (an article before a preposition, where a noun was
dropped), and an article that does not agree with the noun after it."""
from __future__ import annotations

from tqcheck.checks.base import Context, register
from tqcheck.checks.wordspan import WordCheck, span_evidence, words_of
from tqcheck.lexicon import tagseq
from tqcheck.lexicon.base import Word
from tqcheck.model import AlignedUnit, Finding, Severity

# Agreement of an article with the noun right after it, in number: "sp" (either) agrees
# with both. Not in gender, where the tagger's one reading is too often wrong ("un arma",
# "la modelo", "un electricista" are right), and only where the tagset marks gender at
# all: English articles carry number loosely ("the", "a few").
GENDER = frozenset({"m", "f"})
NUMBER = frozenset({"sg", "pl"})


def _table(ctx: Context) -> tagseq.Table | None:
    if not (ctx.lexicon_tgt or "").startswith("apertium"):
        return None
    return tagseq.table_for_pair(ctx.tgt_lang, ctx.src_lang)


def disagreement(a: tuple[str, ...], b: tuple[str, ...], features: tuple[frozenset[str], ...] = (GENDER, NUMBER)
                 ) -> str | None:
    """The feature two words' tags disagree on ("sg ≠ pl"), if any."""
    for values in features:
        x = next((t for t in a if t in values), None)
        y = next((t for t in b if t in values), None)
        if x and y and x != y:
            return f"{x} ≠ {y}"
    return None


def disagree(a: Word, b: Word, features: tuple[frozenset[str], ...] = (NUMBER,)) -> str | None:
    """What an article and the noun after it disagree on (by default: in number)."""
    if a.pos != "det" or b.pos != "n" or not GENDER & {*a.tags, *b.tags}:
        return None
    return disagreement(a.tags, b.tags, features)


@register
class Grammar(WordCheck):
    id = "grammar"
    title = "A step no sentence of the language takes"
    severity = Severity.WARNING
    description = ("Read by the target tagger, the translation takes a step between parts of "
                   "speech that professional text of the language almost never takes (an "
                   "article before a preposition, where a noun was lost), or an article "
                   "disagrees in number with the noun after it. Needs the "
                   "language's Apertium tagger and its shipped step table.")

    def unavailable(self, ctx: Context) -> str | None:
        missing = super().unavailable(ctx)
        if missing:
            return missing
        if _table(ctx) is None:
            return f"no part-of-speech step table for {ctx.tgt_lang} (an Apertium tagger of the language)"
        return None

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        wa = words_of(unit)
        table = _table(ctx)
        if wa is None or table is None or not unit.target:
            return []
        words = wa.tgt_words
        sentences = sum(max(1, len(p.sentences)) for p in unit.target)
        limit = ctx.threshold("max_grammar_surprise", table.limit(sentences))
        least = ctx.threshold("min_grammar_expected", table.min_expected)
        seq = tagseq.sequence(words, unit.target_text)
        worst = table.worst_step(seq, least)
        span = [x for _, x in seq[worst[1]:worst[1] + 2] if x is not None] if worst else []
        out = []
        if worst is not None and worst[0] <= limit and span:
            s, k, step = worst
            start = words[span[0]].start
            end = words[span[-1]].end + (seq[k + 1][1] is None and seq[k + 1][0] in ("stop", "comma"))
            out.append(self.graded(
                f"“{unit.target_text[start:end].strip()}” (translation line {unit.target[0].line}): {step}, "
                + (f"a step professional {ctx.tgt_lang} text takes {s:.1%} as often as chance predicts" if s
                   else f"a step {table.unigrams.get(tagseq.START, 0):,} sentences of professional "
                        f"{ctx.tgt_lang} text never take"),
                False, step=step, surprise=round(s, 4), table=table.signature,
                **span_evidence(unit, wa, tgt=span)))
        for x, (a, b) in enumerate(zip(words, words[1:])):
            why = disagree(a, b)
            if why and unit.target_text[a.end:b.start].strip() == "":
                out.append(self.graded(
                    f"“{a.text} {b.text}” (translation line {unit.target[0].line}): the article does "
                    f"not agree with its noun ({why})",
                    False, agreement=why, **span_evidence(unit, wa, tgt=[x, x + 1])))
        return out
