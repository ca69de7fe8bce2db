"""A fixed train/dev/test split by document over the shared human translations.

A document's split is a hash of its corpus and id, so it never moves when documents are
added, and a FLORES document is in the same split for Spanish and Catalan (the sets are
multi-way). The signature names the rule and hashes the assignment, and is printed with
every result: two runs with the same signature saw the same documents.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

import corpus

SPLIT_RULE = "sha256(tqcheck-split-v1:corpus:doc) % 100: <60 train, <80 dev, else test"
SPLITS = ("train", "dev", "test")
# ISO code → the corpora holding it, with each corpus's own file code.
SOURCES = {
    "es": [("flores200-dev", "spa"), ("ntrex128", "spa"), ("tico19", "es_LA")],
    "ca": [("flores200-dev", "cat"), ("ntrex128", "cat")],
}
LOADERS = {"flores200-dev": corpus.flores_articles, "ntrex128": corpus.ntrex_articles,
           "tico19": corpus.tico_articles}


def split_of(corpus_name: str, doc_id: str) -> str:
    h = int(hashlib.sha256(f"tqcheck-split-v1:{corpus_name}:{doc_id}".encode()).hexdigest(), 16) % 100
    return "train" if h < 60 else "dev" if h < 80 else "test"


@dataclass(frozen=True)
class SentencePair:
    """One human sentence pair; English is always the original (`en`), `xx` its translation."""

    corpus: str
    doc_id: str
    index: int  # the sentence's position in its document
    en: str
    xx: str

    @property
    def split(self) -> str:
        return split_of(self.corpus, self.doc_id)

    @property
    def doc_key(self) -> str:
        return f"{self.corpus}:{self.doc_id}"


def load(lang: str, root: Path | None = None) -> list[SentencePair]:
    """Every sentence pair of `lang` (es, ca) from the shared corpora, or from a sample
    TSV (`root/en-<lang>.tsv`, the CI copy in corpora/eval/sentences)."""
    tsv = root / f"en-{lang}.tsv" if root else None
    if tsv is not None and tsv.is_file():
        with tsv.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
        return [SentencePair(c, d, int(i), en, xx) for c, d, i, en, xx in rows]
    out = []
    for name, code in SOURCES[lang]:
        for art in LOADERS[name](code, root):
            out.extend(SentencePair(name, art.doc_id, i, en, xx)
                       for i, (en, xx) in enumerate(zip(art.src_sentences, art.tgt_sentences)))
    return out


def write_sample(pairs: list[SentencePair], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        for p in pairs:
            w.writerow([p.corpus, p.doc_id, p.index, p.en, p.xx])


def signature(pairs: list[SentencePair]) -> str:
    """`split:v1|docs:train=…,dev=…,test=…|hash:…` over the documents actually loaded."""
    docs = sorted({(p.split, p.doc_key) for p in pairs})
    counts = {s: sum(1 for d in docs if d[0] == s) for s in SPLITS}
    digest = hashlib.sha256("\n".join(f"{s}\t{d}" for s, d in docs).encode()).hexdigest()[:12]
    return "split:v1|docs:" + ",".join(f"{s}={counts[s]}" for s in SPLITS) + f"|hash:{digest}"
