"""Markup a translation must keep: the same tags, balanced as in the source, with the
attributes that software reads unchanged (`href`, `target`, `class`, `visibility`…),
while the attributes people read (`alt`, `title`, …) are translated.

Tags are found with translate-toolkit's XML tag placeable expression, so `<br />` and
`<br>` are different tags, as they are to an XML parser.
"""
from __future__ import annotations

import re
from collections import Counter

from translate.storage.placeables.general import XMLTagPlaceable

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity

TRANSLATABLE = frozenset({"alt", "title", "aria-label", "placeholder", "label", "summary",
                          "aria-description", "content"})
_TAG = XMLTagPlaceable.regex
_ATTR = re.compile(r"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"<>/]+))""")
_NAME = re.compile(r"</?\s*([\w.:-]+)")
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                  "source", "track", "wbr", "x", "ph", "bx", "ex"})


def tags(text: str) -> list[str]:
    """Each tag as a canonical string: name, closing or self-closing, kept attributes."""
    out = []
    for m in _TAG.finditer(text):
        raw = m.group()
        name = _NAME.match(raw).group(1)  # type: ignore[union-attr]
        if raw.startswith("</"):
            out.append(f"</{name}>")
            continue
        attrs = sorted(f'{a.group(1)}="{next(g for g in a.groups()[1:] if g is not None)}"'
                       for a in _ATTR.finditer(raw[len(name) + 1:])
                       if a.group(1).lower() not in TRANSLATABLE)
        close = "/>" if raw.endswith("/>") else ">"
        out.append(f"<{' '.join([name, *attrs])}{close}")
    return out


def unbalanced(tag_list: list[str]) -> list[str]:
    """Tags whose opening and closing do not pair up, in order of appearance."""
    stack: list[str] = []
    bad: list[str] = []
    for t in tag_list:
        name = _NAME.match(t).group(1)  # type: ignore[union-attr]
        if t.endswith("/>") or name.lower() in VOID and not t.startswith("</"):
            continue
        if not t.startswith("</"):
            stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        else:
            bad.append(t)
    return bad + [f"<{n}>" for n in stack]


@register
class Markup(Check):
    id = "markup"
    title = "Markup lost, broken or changed"
    severity = Severity.ERROR
    description = ("An XML/HTML tag of the source is missing, added, broken or unbalanced in the "
                   "translation (<br /> → <br>, </emph> → </emp>), or an attribute that software "
                   "reads changed (href misspelt, target dropped, visibility changed); alt, title "
                   "and other text attributes may be translated.")

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        src = tags("\n".join(p.meta.get("raw") or p.text for p in unit.source))
        if not src:
            return []
        tgt = tags("\n".join(p.meta.get("raw") or p.text for p in unit.target))
        missing = sorted((Counter(src) - Counter(tgt)).elements())
        extra = sorted((Counter(tgt) - Counter(src)).elements())
        broken = unbalanced(tgt) if not unbalanced(src) else []
        if not (missing or extra or broken):
            return []
        parts = []
        if missing:
            parts.append("lost " + " ".join(missing))
        if extra:
            parts.append("added or changed " + " ".join(extra))
        if broken:
            parts.append("unbalanced " + " ".join(broken))
        line = unit.target[0].line
        return [self.finding(f"markup differs at line {line}: " + "; ".join(parts), target_line=line,
                             source_line=unit.source[0].line, expected=missing, found=extra,
                             unbalanced=broken)]
