"""`tqcheck check --engine argos` end to end, on the tiny real Argos packages: a faithful
article passes; a deleted passage, a passage left in English and a changed number are
flagged at the right lines."""
from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_cli
from tests.tinyargos import grammar

pytestmark = pytest.mark.slow


def article(n_paragraphs: int = 6, seed: int = 3) -> tuple[list[str], list[str]]:
    pairs = grammar.pairs("en", "es", n_paragraphs * 3, seed=seed)
    en = [" ".join(p[0] for p in pairs[i:i + 3]) for i in range(0, len(pairs), 3)]
    es = [" ".join(p[1] for p in pairs[i:i + 3]) for i in range(0, len(pairs), 3)]
    return en, es


def check(tmp_path, en: list[str], es: list[str], argos_packages, *extra: str):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    src.write_text("\n\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n\n".join(es) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(src), str(tgt), "--engine", "argos", "-f", "json", "-o", str(out), *extra,
                env={"ARGOS_PACKAGES_DIR": str(argos_packages)})
    assert r.returncode in (0, 1), r.stderr
    return r, json.loads(out.read_text())


def findings(report) -> list[tuple[str, list[int], list[int]]]:
    return [(f["check"], u["source"]["lines"], u["translation"]["lines"])
            for u in report["units"] for f in u["findings"]]


def test_faithful_article_passes(tmp_path, argos_packages):
    r, rep = check(tmp_path, *article(), argos_packages)
    assert r.returncode == 0, findings(rep)
    assert rep["engine"]["name"] == "argos" and rep["engine"]["model"] == "translate-es_en"
    assert rep["summary"]["chrf"] > 80
    assert "engine:argos|model:translate-es_en" in rep["signature"]
    assert rep["languages"] == {"source": "en", "translation": "es"}


def test_deleted_passage_is_flagged_at_its_source_line(tmp_path, argos_packages):
    en, es = article()
    del es[3]
    r, rep = check(tmp_path, en, es, argos_packages)
    assert r.returncode == 1
    assert ("omission", [7], []) in findings(rep)


def test_passage_left_in_english_is_flagged(tmp_path, argos_packages):
    en, es = article()
    es[2] = en[2]
    r, rep = check(tmp_path, en, es, argos_packages)
    assert r.returncode == 1
    assert any(c == "untranslated" and t == [5] for c, _, t in findings(rep)), findings(rep)


def test_changed_number_is_flagged(tmp_path, argos_packages):
    en, es = article()
    i = next(k for k, p in enumerate(es) if re.search(r"\d", p))
    es[i] = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), es[i], count=1)
    r, rep = check(tmp_path, en, es, argos_packages)
    assert r.returncode == 1
    assert any(c == "numbers" and t == [2 * i + 1] for c, _, t in findings(rep)), findings(rep)


def test_second_run_is_served_from_the_cache(tmp_path, argos_packages):
    en, es = article(seed=9)
    cache = str(tmp_path / "c.sqlite3")
    check(tmp_path, en, es, argos_packages, "--cache", cache)
    _, rep = check(tmp_path, en, es[:-1] + ["Los profesores no quieren este coche."], argos_packages,
                   "--cache", cache)
    assert rep["cache"]["hits"] > 0
