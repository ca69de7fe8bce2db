"""Placeholders as localisation files write them, which a translation must keep exactly.

One grammar for the conventions in use: printf with positions (`%1$s`, `%@`), Python
(`%(name)s`, `{name}`), .NET and Java MessageFormat (`{0}`, `{0,number}`), Qt (`%1`,
`%L1`), Mozilla and Gettext variables (`&brandShortName;`, `%file%`, `$file$`, `$(name)`,
`${name}`, `@license_code@`, `#1`), templates (`{{x}}`) and ICU MessageFormat
(`{count, plural, one {…} other {…}}`, whose plural categories differ by language and
are not compared). Where translate-toolkit's placeables already parse a syntax, its
expressions are used. Broken placeholders break software, so findings are errors.
"""
from __future__ import annotations

import re
from collections import Counter

from translate.storage.placeables import general as tt

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity

# Order matters: earlier kinds claim their span first ({{x}} before {x}).
GRAMMAR: dict[str, re.Pattern[str]] = {
    "template": re.compile(r"\{\{\s*[^{}]+?\s*\}\}"),
    "java": tt.JavaMessageFormatPlaceable.regex,
    "brace": re.compile(r"(?<!\{)\{(?:[A-Za-z_][\w.]*|\d+)(?:![rsa])?(?::[^{}]*)?\}(?!\})"),
    "python": re.compile(r"%\([^)\s]+\)[-+0#]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]"),
    # No space flag: "50 % de" is prose, not "% d".
    "printf": re.compile(r"(?<![\w%])%(?:\d+\$)?[-+0#']?(?:\d+|\*)?(?:\.\d+)?(?:hh|ll|[hlLqjzt])?"
                         r"[diouxXeEfFgGaAcspn@](?![A-Za-z])"),
    "qt": tt.QtFormattingPlaceable.regex,
    "entity": tt.XMLEntityPlaceable.regex,
    "percent": re.compile(r"(?<![\w%])%[A-Za-z_][\w.-]*%(?!\w)"),
    "dollar": re.compile(r"\$(?:\([\^\w.]+\)|\{[\w.]+\}|[A-Za-z_]\w*\$)"),
    "at": re.compile(r"(?<![\w@])@[A-Za-z_][\w.-]*@(?![\w@])"),
    "hash": re.compile(r"(?<![\w#&])#\d+(?!\w)"),
}
# In running prose this is something else ("the #1 song"), so it counts only
# in localisation strings: a file's units, or text that has other placeholders.
AMBIGUOUS = frozenset({"hash"})
_ICU_TYPES = ("plural", "select", "selectordinal")
_ICU_HEAD = re.compile(r"\{\s*([A-Za-z_]\w*)\s*,\s*(" + "|".join(_ICU_TYPES) + r")\s*,")


def _icu_blocks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, argument, type) of each ICU plural/select block, braces matched."""
    out = []
    for m in _ICU_HEAD.finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # nested inside the previous block
        depth, i = 0, m.start()
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        out.append((m.start(), i + 1, m.group(1), m.group(2)))
    return out


def placeholders(text: str, localisation: bool = False) -> Counter[str]:
    """The placeholders of `text`, as "kind token" strings, with their counts."""
    found: Counter[str] = Counter()
    taken: list[tuple[int, int]] = []
    for start, end, arg, kind in _icu_blocks(text):
        found[f"icu {{{arg}, {kind}}}"] += 1
        # The branches' own placeholders count once, however many branches repeat them.
        inner = placeholders(text[text.index(",", text.index(",", start) + 1) + 1:end - 1], True)
        found.update({k: 1 for k in inner})
        taken.append((start, end))
    ambiguous: Counter[str] = Counter()
    for kind, rx in GRAMMAR.items():
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            (ambiguous if kind in AMBIGUOUS else found)[f"{kind} {m.group()}"] += 1
    if localisation or found:
        found.update(ambiguous)
    return found


def _unordered_printf(text: str) -> list[str]:
    return [m.group() for m in GRAMMAR["printf"].finditer(text) if "$" not in m.group()]


@register
class Placeholders(Check):
    id = "placeholders"
    title = "Placeholder lost, added or changed"
    severity = Severity.ERROR
    description = ("A placeholder of the source (printf %1$s/%@, Python %(name)s/{name}, .NET {0}, "
                   "Qt %1, Mozilla &brandShortName;/%file%/$file$/$(name)/@code@/#1, {{x}}, ICU "
                   "plural/select) is missing, renamed or added in the translation, or unnumbered "
                   "printf arguments changed order.")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        loc = any(p.kind == "unit" for p in unit.source)
        src, tgt = unit.source_text, unit.target_text
        want, have = placeholders(src, loc), placeholders(tgt, loc or bool(placeholders(src, loc)))
        missing = sorted((want - have).elements())
        extra = sorted((have - want).elements())
        order = (_unordered_printf(src) != _unordered_printf(tgt)
                 and Counter(_unordered_printf(src)) == Counter(_unordered_printf(tgt)))
        if not (missing or extra or order):
            return []
        parts = []
        if missing:
            parts.append("lost " + ", ".join(m.split(" ", 1)[1] for m in missing))
        if extra:
            parts.append("added " + ", ".join(m.split(" ", 1)[1] for m in extra))
        if order:
            parts.append("printf arguments without positions changed order: "
                         + " ".join(_unordered_printf(tgt)) + " (use %1$s, %2$s…)")
        line = unit.target[0].line
        return [self.finding(f"placeholders differ at line {line}: " + "; ".join(parts),
                             target_line=line, source_line=unit.source[0].line,
                             expected=[m.split(" ", 1)[1] for m in missing],
                             found=[m.split(" ", 1)[1] for m in extra],
                             kinds=sorted({m.split(" ", 1)[0] for m in missing + extra}))]
