"""Files that hold both sides: XLIFF 1.2/2.0, TMX and PO (read with translate-toolkit),
and TSV / JSONL of sentence or passage pairs. Each unit becomes one passage on each side,
keeping its id and notes for reports."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.model import Document, Passage

TOOLKIT_SUFFIXES = {".xlf", ".xliff", ".tmx", ".po", ".pot"}
BILINGUAL_SUFFIXES = TOOLKIT_SUFFIXES | {".tsv", ".jsonl"}


def is_bilingual(path: str | Path) -> bool:
    return Path(path).suffix.lower() in BILINGUAL_SUFFIXES


def read_bilingual(path: str | Path, text: str, encoding: str) -> tuple[Document, Document]:
    suffix = Path(path).suffix.lower()
    if suffix == ".tsv":
        pairs = _tsv(text, str(path))
    elif suffix == ".jsonl":
        pairs = _jsonl(text, str(path))
    else:
        pairs = _toolkit(text, str(path))
    pairs = [p for p in pairs if p[1].strip() or p[2].strip()]
    if not pairs:
        raise InputError(f"{path}: no translation units found")
    fmt = suffix.lstrip(".")
    src, tgt = [], []
    for i, (line, s, t, meta) in enumerate(pairs):
        src.append(Passage(i, " ".join(s.split()), line, "unit", meta=meta))
        tgt.append(Passage(i, " ".join(t.split()), line, "unit", meta=meta))
    return (Document(f"{path}#source", tuple(src), encoding, fmt=fmt),
            Document(f"{path}#target", tuple(tgt), encoding, fmt=fmt))


Pair = tuple[int, str, str, dict[str, str]]


def _tsv(text: str, name: str) -> list[Pair]:
    out = []
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) < 2:
            raise InputError(f"{name}:{n}: expected source<TAB>translation")
        out.append((n, row[0], row[1], {}))
    return out


def _jsonl(text: str, name: str) -> list[Pair]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{name}:{n}: not JSON ({exc})") from exc
        src = row.get("source", row.get("src")) if isinstance(row, dict) else None
        tgt = row.get("translation", row.get("target", row.get("tgt"))) if isinstance(row, dict) else None
        if not isinstance(src, str) or not isinstance(tgt, str):
            raise InputError(f"{name}:{n}: needs string fields 'source' and 'translation'")
        meta = {"id": str(row["id"])} if "id" in row else {}
        out.append((n, src, tgt, meta))
    return out


def _toolkit(text: str, name: str) -> list[Pair]:
    from translate.storage import factory  # imported late: translate-toolkit is large

    try:
        if "urn:oasis:names:tc:xliff:document:2" in text[:2000]:
            from translate.storage.xliff2 import Xliff2File  # the factory picks 1.2 by extension

            store = Xliff2File.parsestring(text.encode("utf-8"))
        else:
            store = factory.getobject(_Named(text.encode("utf-8"), name))
    except Exception as exc:  # the toolkit raises bare parser errors of many kinds
        raise InputError(f"{name}: cannot parse it ({type(exc).__name__}: {exc})") from exc
    out = []
    for i, unit in enumerate(store.units):
        if unit.isheader() or not unit.source:
            continue
        el = getattr(unit, "xmlelement", None)
        line = getattr(el, "sourceline", None) or i + 1
        # The toolkit prefixes ids with the <file> name and U+0004.
        meta = {"id": str(unit.getid() or "").split("\x04")[-1]}
        notes = unit.getnotes()
        if notes:
            meta["notes"] = notes
        out.append((int(line), str(unit.source), str(unit.target or ""), meta))
    return out


class _Named(io.BytesIO):
    """A file object with a name, so the toolkit can pick the parser by extension."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name
