"""Key terms from the user's glossary (`--glossary`): each source term must come out as
one of its allowed translations, and never as a forbidden one."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.glossary import find
from tqcheck.model import AlignedUnit, Finding, Severity


@register
class KeyTerm(Check):
    id = "key-term"
    title = "Key term not translated as the glossary says"
    severity = Severity.WARNING
    description = ("A glossary source term is in the source passage and none of its allowed "
                   "translations is in the translation, or a forbidden translation is used "
                   "(case-insensitive, any inflection simplemma knows). Needs --glossary.")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if ctx.glossary is None or not unit.source or not unit.target:
            return []
        src, tgt = unit.source_text, unit.target_text
        line = unit.target[0].line
        out = []
        for term in ctx.glossary.terms:
            said = find(term.source, src, ctx.src_lang)
            if said is None:
                continue
            used = [(f, hit) for f in term.forbidden if (hit := find(f, tgt, ctx.tgt_lang))]
            if used:
                out.append(self.finding(
                    f"key term {term.source!r} at line {line} is translated with the forbidden "
                    f"{used[0][1]!r}", target_line=line, source_line=unit.source[0].line,
                    term=term.source, expected=list(term.allowed), found=used[0][1],
                    forbidden=used[0][0], glossary_line=term.line))
            elif term.allowed and not any(find(a, tgt, ctx.tgt_lang) for a in term.allowed):
                out.append(self.finding(
                    f"key term {term.source!r} at line {line} should be "
                    + " or ".join(repr(a) for a in term.allowed) + "; the translation has none of them",
                    target_line=line, source_line=unit.source[0].line, term=term.source,
                    source_span=said, expected=list(term.allowed), found=None,
                    glossary_line=term.line))
        return out
