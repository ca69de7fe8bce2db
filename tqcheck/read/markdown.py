"""Markdown articles, parsed with markdown-it-py (CommonMark).

A passage is a paragraph, a heading or a list item. Code blocks and raw HTML are not
prose and are left out. The passage text is the inline content as a reader sees it
(link text without the URL); the Markdown source is kept in `meta["raw"]` so that lost
links and inline code can be checked against it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from tqcheck.model import Passage

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported when a Markdown file is read

    return MarkdownIt("commonmark")


def passages_from_markdown(text: str) -> list[Passage]:
    lines = text.split("\n")
    out: list[Passage] = []
    stack: list[str] = []  # enclosing block kinds, to tell list items from paragraphs
    tokens = _parser().parse(text)
    for i, tok in enumerate(tokens):
        if tok.type.endswith("_open"):
            stack.append(tok.type[: -len("_open")])
        elif tok.type.endswith("_close"):
            if stack:
                stack.pop()
        elif tok.type == "inline" and i > 0:
            parent = tokens[i - 1]
            if parent.map is None:
                continue
            plain = " ".join(_plain(tok).split())
            if not plain:
                continue
            kind = "heading" if parent.type == "heading_open" else (
                "list_item" if "list_item" in stack else "paragraph"
            )
            start, end = parent.map
            raw = " ".join(" ".join(lines[start:end]).split())
            out.append(
                Passage(index=len(out), text=plain, line=start + 1, kind=kind, meta={"raw": raw})
            )
    return out


def _plain(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline":
            continue
    return "".join(parts)
