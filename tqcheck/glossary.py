"""Key terms: a glossary of source terms with their allowed and forbidden translations.

TSV or CSV: a source term, then one or more allowed target terms (a cell may hold
several, separated by `|`); a header row naming a `forbidden` column marks that
column's terms as forbidden. TBX is read through translate-toolkit; a term whose
administrativeStatus is deprecated, superseded or not recommended is forbidden.

Terms match case-insensitively and by lemma (simplemma), so "impuestos" matches the term
"impuesto", and an Arabic "والحكومات" the term "حكومة".
"""
from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.errors import ConfigError

if TYPE_CHECKING:
    from tqcheck.options import CheckOptions

_SPLIT = "|"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_BAD_STATUS = ("deprecated", "superseded", "notrecommended", "not recommended", "forbidden")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Term:
    source: str
    allowed: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    line: int = 0  # where the entry is in the glossary file


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]


def load(path: str | Path, src_lang: str = "en", tgt_lang: str | None = None) -> Glossary:
    """Read and validate a glossary; any problem is a ConfigError naming file and line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"glossary {p}: cannot read it ({exc.strerror or exc})") from exc
    if p.suffix.lower() in (".tbx", ".xml"):
        terms = _tbx(p, raw, src_lang, tgt_lang)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"glossary {p}: not UTF-8 (byte {exc.start}); save it as UTF-8") from exc
        terms = _table(p, text)
    if not terms:
        raise ConfigError(f"glossary {p}: no terms in it")
    _no_conflicts(p, terms)
    return Glossary(str(p), tuple(terms))


def _table(p: Path, text: str) -> list[Term]:
    delimiter = "\t" if p.suffix.lower() in (".tsv", ".tab", ".txt") or "\t" in text.split("\n", 1)[0] else ","
    rows = [(n, r) for n, r in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
            if any(c.strip() for c in r) and not r[0].startswith("#")]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0][1]]
    forbidden_col = header.index("forbidden") if "forbidden" in header else None
    has_header = forbidden_col is not None or header[:1] in (["source"], ["term"], ["en"])
    width = len(header) if has_header else None
    terms = []
    for n, row in rows[1:] if has_header else rows:
        cells = [c.strip() for c in row]
        if width is not None and len(cells) != width:
            raise ConfigError(f"glossary {p}, line {n}: {len(cells)} columns, the header has {width}")
        if len(cells) < 2 or not cells[0]:
            raise ConfigError(f"glossary {p}, line {n}: a source term needs at least one target term "
                              f"(columns: source term, target terms…{', forbidden' if forbidden_col else ''})")
        allowed = [t for i, c in enumerate(cells[1:], start=1) if i != forbidden_col for t in _terms(c)]
        forbidden = _terms(cells[forbidden_col]) if forbidden_col is not None else []
        if not allowed and not forbidden:
            raise ConfigError(f"glossary {p}, line {n}: no target term for {cells[0]!r}")
        terms.append(Term(cells[0], tuple(allowed), tuple(forbidden), n))
    return terms


def _terms(cell: str) -> list[str]:
    return [t.strip() for t in cell.split(_SPLIT) if t.strip()]


def _tbx(p: Path, raw: bytes, src_lang: str, tgt_lang: str | None) -> list[Term]:
    from lxml import etree
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsestring(raw)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ConfigError(f"glossary {p}: not a valid TBX file ({exc})") from exc
    terms = []
    for unit in store.units:
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        for node in unit.getlanguageNodes():
            lang = (node.get(_XML_LANG) or node.get("lang") or "").split("-")[0].lower()
            for tig in node:
                term = next((t for t in tig.iter() if etree.QName(t).localname == "term"), None)
                if term is None or not (term.text or "").strip():
                    continue
                status = " ".join((n.text or "").lower() for n in tig.iter()
                                  if etree.QName(n).localname == "termNote"
                                  and n.get("type") == "administrativeStatus")
                by_lang.setdefault(lang, []).append((term.text.strip(), any(b in status for b in _BAD_STATUS)))
        src = by_lang.get(src_lang, [])
        others = [lang for lang in by_lang if lang != src_lang]
        tgt = by_lang.get(tgt_lang or "", []) if tgt_lang else by_lang.get(others[0], []) if others else []
        line = getattr(unit.xmlelement, "sourceline", 0) or 0
        for s, _ in src:
            if tgt:
                terms.append(Term(s, tuple(t for t, bad in tgt if not bad), tuple(t for t, bad in tgt if bad), line))
    return terms


def _no_conflicts(p: Path, terms: Iterable[Term]) -> None:
    seen: dict[str, Term] = {}
    for t in terms:
        key = t.source.casefold()
        both = {a.casefold() for a in t.allowed} & {f.casefold() for f in t.forbidden}
        if both:
            raise ConfigError(f"glossary {p}, line {t.line}: {sorted(both)[0]!r} is both allowed and "
                              f"forbidden for {t.source!r}")
        prev = seen.get(key)
        if prev is not None and (prev.allowed, prev.forbidden) != (t.allowed, t.forbidden):
            raise ConfigError(f"glossary {p}, lines {prev.line} and {t.line}: conflicting entries "
                              f"for {t.source!r}; merge them into one")
        seen[key] = t


def load_words(path: str | Path) -> frozenset[str]:
    """A word list, one word a line (`#` starts a comment), case-folded."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"word list {p}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"word list {p}: not UTF-8 (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise ConfigError(f"word list {p}: cannot read it ({exc.strerror or exc})") from exc
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# --- matching ----------------------------------------------------------------------

_AR_PREFIX = re.compile(r"^(?:[وف]?(?:ال|بال|لل|كال|[بلك])?)")


@functools.lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    from tqcheck.lexicon.lemmas import lemmatize

    w = word.casefold()
    try:
        return lemmatize(w, lang).casefold()
    except ValueError:  # a language simplemma does not know
        return w


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _forms(seq: list[str], lang: str) -> list[set[str]]:
    out = []
    for w in seq:
        f = {w.casefold(), lemma(w, lang)}
        if lang == "ar":
            bare = _AR_PREFIX.sub("", w.casefold())
            if len(bare) >= 2:
                f |= {bare, lemma(bare, lang)}
        out.append(f)
    return out


def find(term: str, text: str, lang: str) -> str | None:
    """The words of `text` that render `term` (any inflection, any case), or None."""
    want = _forms(words(term), lang)
    if not want:
        return None
    tokens = list(_WORD.finditer(text))
    have = _forms([m.group() for m in tokens], lang)
    n = len(want)
    for i in range(len(have) - n + 1):
        if all(want[k] & have[i + k] for k in range(n)):
            return text[tokens[i].start():tokens[i + n - 1].end()]
    return None


# The glossary and word list a run's options name, read once per file version and pair.
def for_options(opts: CheckOptions, src: str, tgt: str) -> tuple[Glossary | None, frozenset[str]]:
    """The glossary and word list of the options, read once per file version and pair."""
    return _resources(opts.glossary, mtime(opts.glossary), opts.words, mtime(opts.words), src, tgt)


def mtime(path: str | None) -> float | None:
    try:
        return Path(path).stat().st_mtime if path else None
    except OSError:
        return None


@functools.lru_cache(maxsize=16)
def _resources(glossary: str | None, g_time: float | None, words: str | None, w_time: float | None,
               src: str, tgt: str) -> tuple[Glossary | None, frozenset[str]]:
    return (load(glossary, src, tgt) if glossary else None,
            load_words(words) if words else frozenset())
