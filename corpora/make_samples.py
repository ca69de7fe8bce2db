"""Rebuild the project's sample corpus from ../shared/corpora (deterministic).

    python corpora/make_samples.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

import corpus  # noqa: E402

SAMPLE_DOC = "bbc.381790"  # a readable news story of 16 sentences


def pick(articles: list[corpus.Article], n: int, lo: int, hi: int) -> list[corpus.Article]:
    return [a for a in articles if lo <= len(a.src_sentences) <= hi][:n]


def attribution(folder: Path, source_dir: Path, licence_files: list[str], what: str) -> None:
    for name in licence_files:
        shutil.copy(source_dir / name, folder / name)
    (folder / "SOURCE.md").write_text(
        f"# Source\n\n{what}\n\nCopied from the shared corpora by `python corpora/make_samples.py`; "
        "provenance as recorded there:\n\n```\n" + (source_dir / "SOURCE.txt").read_text(encoding="utf-8")
        + "```\n", encoding="utf-8")


EVAL_ARTICLES, EVAL_SEED = 20, 0  # the CI sample of benchmarks/evaluate.py


def eval_sample(root: Path) -> None:
    """The NTREX documents the CI evaluation uses, in the shared corpora's own layout."""
    import random

    pool = corpus.ntrex_articles("spa")[:-60]
    chosen = {a.doc_id for a in random.Random(EVAL_SEED).sample(pool, EVAL_ARTICLES)}
    base = root / "ntrex128"
    (base / "NTREX-128").mkdir(parents=True, exist_ok=True)
    ids, src, ref = [], [], []
    for a in pool:
        if a.doc_id in chosen:
            ids += [a.doc_id] * len(a.src_sentences)
            src += a.src_sentences
            ref += a.tgt_sentences
    for path, lines in ((base / "DOCUMENT_IDS.tsv", ids), (base / "NTREX-128" / "newstest2019-src.eng.txt", src),
                        (base / "NTREX-128" / "newstest2019-ref.spa.txt", ref)):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The same documents in Portuguese, for the pivot-route evaluation (pt ↔ en through es).
    por = [s for a in corpus.ntrex_articles("por")[:-60] if a.doc_id in chosen for s in a.tgt_sentences]
    (base / "NTREX-128" / "newstest2019-ref.por.txt").write_text("\n".join(por) + "\n", encoding="utf-8")


SENTENCE_DOCS = {"flores200-dev": 12, "ntrex128": 2}  # test-split documents per corpus


def sentence_sample(folder: Path) -> None:
    """The CI copy of the sentence-level suite's test split (benchmarks/suite/split.py):
    the first test documents of FLORES-200 dev and NTREX-128, in Spanish and Catalan."""
    from suite import split

    for lang in ("es", "ca"):
        pairs = [p for p in split.load(lang) if p.split == "test"]
        keep = set()
        for name, n in SENTENCE_DOCS.items():
            keep |= set(sorted({p.doc_key for p in pairs if p.corpus == name})[:n])
        split.write_sample([p for p in pairs if p.doc_key in keep], folder / f"en-{lang}.tsv")


def main() -> None:
    root = corpus.shared_root()
    ntrex_es = corpus.ntrex_articles("spa")
    ntrex_ca = corpus.ntrex_articles("cat")
    for folder in ("ntrex", "flores", "sample", "eval", "tico"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    for a in pick(ntrex_es, 12, 8, 25):
        corpus.write_pair(a, HERE / "ntrex" / "en-es")
    for a in pick(ntrex_ca, 6, 8, 25):
        corpus.write_pair(a, HERE / "ntrex" / "en-ca")
    # Pairs no single engine here covers: checked through a pivot (Apertium via Spanish).
    for code, lang in (("por", "pt"), ("fra", "fr")):
        for a in pick(corpus.ntrex_articles(code), 4, 8, 25):
            corpus.write_pair(a, HERE / "ntrex" / f"en-{lang}")
    # Arabic, which no engine here translates: the --engine none end-to-end tests.
    for a in pick(corpus.ntrex_articles("arb"), 4, 8, 25):
        corpus.write_pair(a, HERE / "ntrex" / "en-ar")
    for a in pick(corpus.tico_articles("ar"), 2, 8, 40):
        corpus.write_pair(a, HERE / "tico" / "en-ar")
    for tgt, lang in (("spa", "es"), ("ara", "ar")):
        for a in pick(corpus.flores_articles(tgt), 4, 4, 12):
            corpus.write_pair(a, HERE / "flores" / f"en-{lang}", fmt="txt")
    sample = next(a for a in ntrex_es if a.doc_id == SAMPLE_DOC)
    corpus.write_pair(sample, HERE / "sample", name="article")
    eval_sample(HERE / "eval")
    sentence_sample(HERE / "eval" / "sentences")
    what_ntrex = ("NTREX-128 (news test 2019 English originals, professionally translated), "
                  "CC-BY-SA-4.0. Articles are NTREX documents; paragraphs group 2–4 sentences.")
    attribution(HERE / "ntrex", root / "ntrex128", ["LICENSE.md"], what_ntrex)
    attribution(HERE / "sample", root / "ntrex128", ["LICENSE.md"], what_ntrex)
    attribution(HERE / "eval", root / "ntrex128", ["LICENSE.md"],
                "NTREX-128 sentences (English, Spanish, Portuguese) of the 20 documents the CI "
                "evaluation uses (benchmarks/evaluate.py --root corpora/eval), CC-BY-SA-4.0.")
    attribution(HERE / "eval" / "sentences", root / "flores200-dev", ["LICENSE-CC-BY-SA"],
                "FLORES-200 dev and NTREX-128 sentences (both CC-BY-SA-4.0; NTREX provenance in ../SOURCE.md) "
                "of the first test-split documents, for the CI run of benchmarks/evaluate_sentences.py. "
                "Columns: corpus, document, sentence index, English, translation.")
    attribution(HERE / "tico", root / "tico19", ["LICENSE-CC0.md"],
                "TICO-19 test (COVID-19 domain, English originals professionally translated), CC0. "
                "Articles group the sentences that share a source URL.")
    attribution(HERE / "flores", root / "flores200-dev", ["LICENSE-CC-BY-SA"],
                "FLORES-200 dev (Wikinews/Wikivoyage/Wikibooks sentences, professionally translated), "
                "CC-BY-SA-4.0. Articles group the sentences that share a source URL.")


if __name__ == "__main__":
    main()
