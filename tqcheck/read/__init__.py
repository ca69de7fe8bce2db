"""Stage 1: read an article file into passages with their line numbers."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.model import Document, Passage
from tqcheck.read.decode import decode, read_bytes
from tqcheck.read.markdown import passages_from_markdown
from tqcheck.read.text import passages_from_text

READERS: dict[str, Callable[[str], list[Passage]]] = {
    "text": passages_from_text,
    "markdown": passages_from_markdown,
}

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        if fmt not in READERS:
            raise InputError(f"unknown input format {fmt!r}; choose from {', '.join(READERS)}")
        return fmt
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    name = str(path)
    text, encoding = decode(read_bytes(path), name)
    kind = format_for(path, fmt)
    passages = READERS[kind](text)
    if not passages:
        raise InputError(f"{name}: no passages of text found")
    return Document(path=name, passages=tuple(passages), encoding=encoding, fmt=kind)
