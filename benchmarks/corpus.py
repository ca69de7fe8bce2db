"""Article pairs from the shared human-translated corpora (NTREX-128, FLORES-200 dev,
TICO-19), grouped by document, for samples, tests, evaluations and benchmarks.

English is the original side in all three sets. Stdlib only, so benchmarks and the
sample builder run without the package installed.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ISO = {"spa": "es", "cat": "ca", "por": "pt", "fra": "fr", "arb": "ar", "ara": "ar", "glg": "gl",
       "eus": "eu", "es_LA": "es", "pt_BR": "pt", "ar": "ar", "fr": "fr"}


def language_sources() -> dict[str, list]:
    """ISO code → (loader, the corpus's file code) for each corpus that has the language."""
    return {
        "es": [(ntrex_articles, "spa"), (flores_articles, "spa"), (tico_articles, "es_LA")],
        "ca": [(ntrex_articles, "cat"), (flores_articles, "cat")],
        "pt": [(ntrex_articles, "por"), (flores_articles, "por"), (tico_articles, "pt_BR")],
        "fr": [(ntrex_articles, "fra"), (flores_articles, "fra"), (tico_articles, "fr")],
        "gl": [(ntrex_articles, "glg"), (flores_articles, "glg")],
        "ar": [(ntrex_articles, "arb"), (flores_articles, "ara"), (tico_articles, "ar")],
    }


def shared_root() -> Path:
    return Path(os.environ.get("TQCHECK_SHARED_CORPORA", REPO.parent / "shared" / "corpora"))


@dataclass(frozen=True)
class Article:
    doc_id: str
    corpus: str
    src_lang: str
    tgt_lang: str
    src_sentences: tuple[str, ...]
    tgt_sentences: tuple[str, ...]

    def reversed(self) -> "Article":
        """The same document checked the other way: the translation as the source. A
        human translation into English is what an English original is not, but both
        sides are faithful, which is what known-good pairs need."""
        return Article(self.doc_id, self.corpus, self.tgt_lang, self.src_lang,
                       self.tgt_sentences, self.src_sentences)

    @property
    def name(self) -> str:
        tail = self.doc_id.rstrip("/").rsplit("/", 1)[-1]  # FLORES and TICO ids are URLs
        return re.sub(r"[^A-Za-z0-9]+", "-", tail).strip("-")[:40].strip("-") or "doc"


def _lines(path: Path) -> list[str]:
    # NTREX files have CRLF endings and some a BOM.
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _group(ids: list[str], src: list[str], tgt: list[str], corpus: str, tgt_lang: str) -> list[Article]:
    if not (len(ids) == len(src) == len(tgt)):
        raise ValueError(f"{corpus}: {len(ids)} ids, {len(src)} source and {len(tgt)} target lines")
    docs: OrderedDict[str, list[int]] = OrderedDict()
    for i, doc in enumerate(ids):
        docs.setdefault(doc, []).append(i)
    return [Article(doc, corpus, "en", tgt_lang, tuple(src[i] for i in idx), tuple(tgt[i] for i in idx))
            for doc, idx in docs.items()]


def ntrex_articles(tgt: str = "spa", root: Path | None = None) -> list[Article]:
    base = (root or shared_root()) / "ntrex128"
    ids = _lines(base / "DOCUMENT_IDS.tsv")
    src = _lines(base / "NTREX-128" / "newstest2019-src.eng.txt")
    ref = _lines(base / "NTREX-128" / f"newstest2019-ref.{tgt}.txt")
    return _group(ids, src, ref, "ntrex128", ISO[tgt.split("-")[0]])


def flores_articles(tgt: str = "spa", root: Path | None = None) -> list[Article]:
    base = (root or shared_root()) / "flores200-dev"
    urls = [line.split("\t")[0] for line in _lines(base / "metadata_dev.tsv")[1:]]
    src = _lines(base / "dev" / "eng.dev")
    ref = _lines(base / "dev" / f"{tgt}.dev")
    return _group(urls, src, ref, "flores200-dev", ISO[tgt])


def tico_articles(tgt: str = "es_LA", root: Path | None = None) -> list[Article]:
    base = (root or shared_root()) / "tico19" / f"en-{tgt}"
    info = [line.split("\t")[1] for line in _lines(base / "tico19-test.en.info")]
    src = _lines(base / "tico19-test.en")
    ref = _lines(base / f"tico19-test.{tgt}")
    return _group(info, src, ref, "tico19", ISO[tgt])


def reference_errors(path: Path | None = None) -> dict[tuple[str, str], frozenset[tuple[str, str]]]:
    """(corpus, article name) → the (check, text) pairs its reference translation really
    gets wrong, checked by hand (benchmarks/reference_errors.tsv): a misspelt word, a wrong
    number. Flagging one is a true find, not a false flag: the evaluations count them apart."""
    rows = [line.split("\t") for line in _lines(path or REPO / "benchmarks" / "reference_errors.tsv")
            if line and not line.startswith("#")][1:]
    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for corpus_name, doc, _lang, check, text, _fix in rows:
        out.setdefault((corpus_name, doc), set()).add((check, text))
    return {k: frozenset(v) for k, v in out.items()}


def to_paragraphs(n: int, key: str) -> list[range]:
    """Deterministic groups of 2–4 consecutive sentences, the same for both sides."""
    out, i, k = [], 0, 0
    while i < n:
        h = int(hashlib.sha256(f"{key}:{k}".encode()).hexdigest(), 16)
        size = 2 + h % 3
        out.append(range(i, min(n, i + size)))
        i, k = i + size, k + 1
    return out


def article_text(sentences: tuple[str, ...], key: str, fmt: str = "md", heading: bool = True) -> str:
    """An article: the first sentence as the headline, then paragraphs."""
    first = 1 if heading and len(sentences) > 1 else 0
    parts = []
    if first:
        parts.append(("# " if fmt == "md" else "") + sentences[0])
    for para in to_paragraphs(len(sentences) - first, key):
        parts.append(" ".join(sentences[first + i] for i in para))
    return "\n\n".join(parts) + "\n"


def write_pair(article: Article, out_dir: Path, fmt: str = "md", name: str | None = None) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = name or article.name
    heading = article.corpus == "ntrex128"  # NTREX documents open with their headline
    src = out_dir / f"{stem}.{article.src_lang}.{fmt}"
    tgt = out_dir / f"{stem}.{article.tgt_lang}.{fmt}"
    src.write_text(article_text(article.src_sentences, article.doc_id, fmt, heading), encoding="utf-8")
    tgt.write_text(article_text(article.tgt_sentences, article.doc_id, fmt, heading), encoding="utf-8")
    return src, tgt
