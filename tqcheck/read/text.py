"""Plain-text articles: a passage is a block of lines between blank lines.

A file with no blank lines at all (one paragraph per line, as many corpora and CMS
exports are) has one passage per line instead.
"""
from __future__ import annotations

from tqcheck.model import Passage


def passages_from_text(text: str) -> list[Passage]:
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return []
    has_blank_separator = any(
        not lines[i].strip() for i in range(nonblank[0], nonblank[-1] + 1)
    )
    out: list[Passage] = []
    if not has_blank_separator:
        for i in nonblank:
            out.append(Passage(index=len(out), text=_squash(lines[i]), line=i + 1))
        return out
    block: list[str] = []
    start = 0
    for i, line in enumerate([*lines, ""]):
        if line.strip():
            if not block:
                start = i
            block.append(line)
        elif block:
            out.append(Passage(index=len(out), text=_squash(" ".join(block)), line=start + 1))
            block = []
    return out


def _squash(text: str) -> str:
    return " ".join(text.split())
