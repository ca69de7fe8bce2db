"""The word layer in the HTML report: every word of a unit is a span; hovering one shows
(and outlines) its counterpart on the other side; unaligned content words are marked."""
from __future__ import annotations

import html

from tqcheck.align.words import WordAlignment
from tqcheck.model import AlignedUnit

CSS = """
.w.gap { background: #fde2e1; border-bottom: 2px dotted #c62828; }
.w.hit { background: #ffe082; }
.w.on { outline: 2px solid #1565c0; }
"""

# Appended to the report's script (it is hashed together with it for the CSP).
JS = """
for (const w of document.querySelectorAll(".w[data-to]")) {
  const partners = () => w.dataset.to.split(" ").map((id) => document.getElementById(id)).filter(Boolean);
  w.addEventListener("mouseenter", () => partners().forEach((p) => p.classList.add("on")));
  w.addEventListener("mouseleave", () => partners().forEach((p) => p.classList.remove("on")));
}
"""


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def word_cell(u: AlignedUnit, side: str, text: str, spans: list[tuple[int, int]],
              highlight) -> str | None:
    """The side's text ("s" source, "t" translation) with its words as spans, or None
    when the unit has no word alignment. `highlight` marks finding spans between words."""
    wa = u.words
    if not isinstance(wa, WordAlignment):
        return None
    words = wa.src_words if side == "s" else wa.tgt_words
    other_words = wa.tgt_words if side == "s" else wa.src_words
    other = "t" if side == "s" else "s"
    partners: dict[int, list[int]] = {}
    for lk in wa.links:
        a, b = (lk.src, lk.tgt) if side == "s" else (lk.tgt, lk.src)
        partners.setdefault(a, []).append(b)
    content = set(wa.content_src() if side == "s" else wa.content_tgt())
    out, pos = [], 0
    for k, w in enumerate(words):
        if w.start < pos or w.end > len(text):
            continue
        out.append(_between(text, pos, w.start, spans, highlight))
        cls = ["w"]
        if k not in partners and k in content:
            cls.append("gap")
        if any(a < w.end and w.start < b for a, b in spans):
            cls.append("hit")
        linked = partners.get(k, [])
        title = ("→ " + " ".join(other_words[j].text for j in linked)) if linked else "no counterpart"
        to = " ".join(f"u{u.index}{other}{j}" for j in linked)
        attrs = f' data-to="{esc(to)}"' if to else ""
        out.append(f'<span class="{" ".join(cls)}" id="u{u.index}{side}{k}" title="{esc(title)}"{attrs}>'
                   f"{esc(w.text)}</span>")
        pos = w.end
    out.append(_between(text, pos, len(text), spans, highlight))
    return "".join(out)


def _between(text: str, start: int, end: int, spans: list[tuple[int, int]], highlight) -> str:
    inside = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and start < b]
    return highlight(text[start:end], inside)
