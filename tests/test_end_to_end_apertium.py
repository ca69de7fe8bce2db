"""The whole path on real data and a real engine: NTREX-128 article pairs and Apertium."""
from __future__ import annotations

import json

import pytest

from tests.conftest import CORPORA, needs_apertium, run_cli
from tqcheck.pipeline import CheckOptions, check_pair

pytestmark = [needs_apertium, pytest.mark.apertium]

SAMPLE_EN = CORPORA / "sample" / "article.en.md"
SAMPLE_ES = CORPORA / "sample" / "article.es.md"
OPTS = CheckOptions(engine="apertium", cache=False)


def blocks(path):
    return path.read_text(encoding="utf-8").split("\n\n")


def write_blocks(path, parts):
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def line_of_block(parts, i):
    return sum(p.count("\n") + 2 for p in parts[:i]) + 1


def test_clean_human_translation_passes():
    report = check_pair(SAMPLE_EN, SAMPLE_ES, OPTS)
    assert report.source.lang == "en" and report.translation.lang == "es"
    assert report.engine.name == "apertium" and report.engine.model == "spa-eng"
    assert set(report.alignment_counts()) == {"1-1"}
    assert report.counts()["error"] == 0, [f.message for _, f in report.findings]
    assert 45 < report.scores.chrf < 95


def test_deleted_passage_is_flagged_at_its_source_line(tmp_path):
    es = blocks(SAMPLE_ES)
    victim = 2
    tgt = write_blocks(tmp_path / "deleted.es.md", es[:victim] + es[victim + 1:])
    report = check_pair(SAMPLE_EN, tgt, OPTS)
    omitted = [(u, f) for u, f in report.findings if f.check == "omission"]
    assert len(omitted) == 1
    assert omitted[0][0].source[0].line == line_of_block(blocks(SAMPLE_EN), victim)


def test_passage_left_in_english_is_flagged(tmp_path):
    en, es = blocks(SAMPLE_EN), blocks(SAMPLE_ES)
    victim = 3
    tgt = write_blocks(tmp_path / "english.es.md", es[:victim] + [en[victim]] + es[victim + 1:])
    report = check_pair(SAMPLE_EN, tgt, OPTS)
    flagged = [(u, f) for u, f in report.findings if f.check == "untranslated"]
    assert [u.target[0].line for u, _ in flagged] == [line_of_block(es, victim)]
    assert not [f for u, f in report.findings if f.check == "low-score" and u in [x for x, _ in flagged]]


def test_changed_number_is_flagged(tmp_path):
    es = blocks(SAMPLE_ES)
    victim = next(i for i, b in enumerate(es) if any(ch.isdigit() for ch in b))
    changed = "".join(str((int(ch) + 1) % 10) if ch.isdigit() else ch for ch in es[victim])
    tgt = write_blocks(tmp_path / "number.es.md", es[:victim] + [changed] + es[victim + 1:])
    report = check_pair(SAMPLE_EN, tgt, OPTS)
    flagged = [u for u, f in report.findings if f.check == "numbers"]
    assert [u.target[0].line for u in flagged] == [line_of_block(es, victim)]


def test_cli_json_and_exit_codes(tmp_path):
    out = tmp_path / "r.json"
    r = run_cli("check", str(SAMPLE_EN), str(SAMPLE_ES), "--engine", "apertium", "--no-cache",
                "-f", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["gate"]["passed"] is True
    r = run_cli("check", str(SAMPLE_EN), str(SAMPLE_ES), "--engine", "apertium", "--min-chrf", "99")
    assert r.returncode == 1
    assert "FAILED" in r.stdout and "below --min-chrf 99" in r.stdout
