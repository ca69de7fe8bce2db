"""Golden CLI tests: the terminal and JSON reports for the sample pair, with paths,
versions and timings normalised. Regenerate with TQCHECK_UPDATE_GOLDEN=1."""
from __future__ import annotations

import json
import os
import re

import pytest

from tests.conftest import CORPORA, ROOT, needs_apertium, run_cli
from tqcheck import __version__

pytestmark = [needs_apertium, pytest.mark.apertium]
GOLDEN = ROOT / "tests" / "golden"
EN, ES = "corpora/sample/article.en.md", "corpora/sample/article.es.md"
# JSON keys a consumer may rely on; changing them needs a new tqcheck_report_version.
ENVELOPE_KEYS = {"tqcheck_report_version", "tool", "signature", "languages", "source", "translation",
                 "engine", "thresholds", "calibration", "checks", "verdict", "notes", "summary", "units", "timings",
                 "cache"}
SUMMARY_KEYS = {"chrf", "chrf_ci95", "bleu", "ter", "units", "flagged_units", "findings", "alignment",
                "metric_signatures", "gate"}
UNIT_KEYS = {"index", "kind", "source", "translation", "back_translation", "scores", "risk", "findings",
             "words"}
# The word alignment of a unit (report version 3; tqcheck/align/words.py WordAlignment.to_dict).
WORD_KEYS = {"source", "translation", "links", "unaligned_source", "unaligned_translation",
             "coverage"}
SIDE_KEYS = {"text", "lines", "passages", "languages"}
FINDING_KEYS = {"check", "severity", "message", "evidence"}


def normalise(text: str) -> str:
    text = text.replace(__version__, "<version>")
    text = re.sub(r"model_version:[^|\s]+", "model_version:<v>", text)
    text = re.sub(r"apertium spa-eng \S+", "apertium spa-eng <v>", text)
    text = re.sub(r"sentencex-[0-9.]+", "sentencex-<v>", text)
    return text


def compare(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TQCHECK_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_terminal_report_golden():
    r = run_cli("check", EN, ES, "--engine", "apertium", "--no-cache", "-q", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    compare("sample.terminal.txt", normalise(r.stdout))


def test_json_report_golden_and_contract(tmp_path):
    out = tmp_path / "r.json"
    # Every check, the opt-in word checks too, so the word alignment is in the report.
    r = run_cli("check", EN, ES, "--engine", "apertium", "--no-cache", "--enable", "all", "-f", "json",
                "-o", str(out), cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == ENVELOPE_KEYS
    assert data["tqcheck_report_version"] == 3
    assert set(data["checks"]) == {"ran", "skipped"} and "numbers" in data["checks"]["ran"]
    assert set(data["summary"]) == SUMMARY_KEYS
    for unit in data["units"]:
        assert set(unit) == UNIT_KEYS
        assert set(unit["source"]) == SIDE_KEYS and set(unit["translation"]) == SIDE_KEYS
        assert set(unit["scores"]) == {"chrf", "bleu", "ter"}
        for f in unit["findings"]:
            assert set(f) == FINDING_KEYS
        words = unit["words"]
        assert set(words) == WORD_KEYS
        text = {"source": unit["source"]["text"], "translation": unit["translation"]["text"]}
        for side in ("source", "translation"):
            for w in words[side]:
                assert text[side][w["start"]:w["end"]] == w["text"]
    data["timings"] = {}
    data["cache"] = {}
    compare("sample.json", normalise(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)) + "\n")


def test_same_input_same_report(tmp_path):
    """langdetect is seeded and nothing else is random: two runs give the same JSON."""
    outs = []
    for n in range(2):
        out = tmp_path / f"r{n}.json"
        run_cli("check", str(CORPORA / "sample" / "article.en.md"), str(CORPORA / "sample" / "article.es.md"),
                "--engine", "apertium", "--no-cache", "-f", "json", "-o", str(out))
        data = json.loads(out.read_text(encoding="utf-8"))
        data.pop("timings")
        outs.append(data)
    assert outs[0] == outs[1]
