"""Stage 1: read an article pair into passages with their line numbers.

Monolingual articles (text, Markdown, HTML) come as two files; bilingual files (XLIFF,
TMX, PO, TSV, JSONL) hold both sides in one.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.model import Document, Passage
from tqcheck.read.bilingual import BILINGUAL_SUFFIXES, is_bilingual, read_bilingual
from tqcheck.read.decode import decode, read_bytes
from tqcheck.read.html import passages_from_html
from tqcheck.read.markdown import passages_from_markdown
from tqcheck.read.text import passages_from_text

READERS: dict[str, Callable[[str], list[Passage]]] = {
    "text": passages_from_text,
    "markdown": passages_from_markdown,
    "html": passages_from_html,
}

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
             ".html": "html", ".htm": "html", ".xhtml": "html"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        if fmt not in READERS:
            raise InputError(f"unknown input format {fmt!r}; choose from {', '.join(READERS)}")
        return fmt
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def display_name(path: str | Path) -> str:
    return "stdin" if str(path) == "-" else str(path)


def side_names(source: str | Path, translation: str | Path | None) -> tuple[str, str]:
    """The names a report gives its two sides, as `read_pair` names them. A cached report
    is stored without names and takes these when it is served, so it names the files of
    this run, not those of the run that filled the cache."""
    if translation is None:
        return f"{source}#source", f"{source}#target"
    return display_name(source), display_name(translation)


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    name = display_name(path)
    text, encoding = decode(read_bytes(path), name)
    kind = format_for(path, fmt)
    try:
        passages = READERS[kind](text)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from exc
    if not passages:
        raise InputError(f"{name}: no passages of text found")
    return Document(path=name, passages=tuple(passages), encoding=encoding, fmt=kind)


def read_pair(source: str | Path, translation: str | Path | None, src_format: str | None = None,
              tgt_format: str | None = None) -> tuple[Document, Document]:
    """Both sides: two article files, or one bilingual file when `translation` is None."""
    if translation is None:
        if not is_bilingual(source):
            raise InputError(f"{source}: give the translation too, or a bilingual file "
                             f"({', '.join(sorted(BILINGUAL_SUFFIXES))})")
        text, encoding = decode(read_bytes(source), str(source))
        return read_bilingual(source, text, encoding)
    if str(source) == "-" and str(translation) == "-":
        raise InputError("only one side can come from stdin (-)")
    return read_document(source, src_format), read_document(translation, tgt_format)
