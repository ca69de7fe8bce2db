"""HTML articles: the article body extracted with trafilatura (navigation, ads, scripts
and footers dropped), as headings, paragraphs and list items.

trafilatura does not keep source positions, so each passage's line is where its opening
words first occur in the original HTML: enough to find it again from a report.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from tqcheck.errors import InputError
from tqcheck.model import Passage

_KIND = {"head": "heading", "p": "paragraph", "item": "list_item", "quote": "paragraph"}


def passages_from_html(text: str) -> list[Passage]:
    import trafilatura  # imported late: it pulls in lxml, justext and courlan

    xml = trafilatura.extract(text, output_format="xml", include_comments=False,
                              include_formatting=False, include_tables=False, favor_recall=True)
    if not xml:
        raise InputError("no article body found in the HTML (is it a page of links only?)")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"could not read the extracted article ({exc})") from exc
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: list[Passage] = []
    for el in root.iter():
        kind = _KIND.get(el.tag)
        if kind is None:
            continue
        body = " ".join("".join(el.itertext()).split())
        if not body:
            continue
        out.append(Passage(index=len(out), text=body, line=_line_of(body, text, line_starts),
                           kind=kind, meta={"html_tag": el.get("rend") or el.tag}))
    return out


def _line_of(body: str, raw: str, line_starts: list[int]) -> int:
    probe = " ".join(body.split()[:4])
    pos = raw.find(probe)
    if pos < 0:
        # Entities or inline tags inside the opening words: fall back to the first word.
        pos = raw.find(body.split()[0]) if body.split() else -1
    if pos < 0:
        return 1
    lo, hi = 0, len(line_starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if line_starts[mid] <= pos:
            lo = mid
        else:
            hi = mid
    return lo + 1
