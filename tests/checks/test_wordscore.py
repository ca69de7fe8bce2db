"""The learned word scores of omitted-words and added-words (tqcheck/checks/wordscore.py),
on real Apertium analyses and back-translations, and the shipped model files' contract."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.checks.word_helpers import word_unit
from tests.conftest import needs_apertium, run_cli
from tqcheck.checks import CHECKS, wordscore
from tqcheck.verdict.model import load

pytestmark = needs_apertium
SHIPPED_CALIBRATION = Path(wordscore.__file__).resolve().parents[1] / "calibration"

SOURCE = "The government announced new economic measures on Monday."
CLEAN = "El gobierno anunció nuevas medidas económicas el lunes."
DROPPED = "El gobierno anunció nuevas medidas el lunes."
ADDED = "El gobierno corrupto anunció nuevas medidas económicas el lunes."


def _run(source: str, target: str, pair: str = "en-es", **thresholds: float):
    u, ctx = word_unit(source, target, pair)
    ctx = replace(ctx, engine="apertium", thresholds=thresholds)
    return CHECKS["omitted-words"]().run(u, ctx), u, ctx


SHIPPED = {"omitted-words": ("en-es", "es-en", "ca-en"), "added-words": ("en-es", "es-en")}


def test_shipped_models_read_what_features_give():
    reads = {side: set(wordscore.features(u, u.words, side)[0][1])
             for side, u in (("src", word_unit(SOURCE, DROPPED, "en-es")[0]), ("tgt", word_unit(SOURCE, ADDED, "en-es")[0]))}
    files = sorted(wordscore.SHIPPED.glob("*.json"))
    assert {p.name for p in files} == {f"apertium-{p}-{c}.json" for c, pairs in SHIPPED.items() for p in pairs}
    for p in files:
        m = load(p)
        side = next(s for s, c in wordscore.SIDES.items() if c == m.meta["check"])
        assert m.engine == "apertium" and set(m.features) == reads[side], p.name
        assert 0.0 < m.thresholds["flag"] < 1.0
        # added-words sets its threshold by the unit's count of candidates, from the clean tail it keeps
        assert ("alpha" in m.thresholds) == (side == "tgt") == bool(m.meta.get("clean_tail")), p.name


def test_added_word_is_scored_and_flagged():
    u, ctx = word_unit(SOURCE, ADDED, "en-es")
    found = CHECKS["added-words"]().run(u, replace(ctx, engine="apertium"))
    assert [f.evidence["target_words"] for f in found] == [["corrupto"]]
    assert found[0].evidence["model"] == "apertium-en-es-added-words.json"
    clean, _ = word_unit(SOURCE, CLEAN, "en-es")
    assert CHECKS["added-words"]().run(clean, replace(ctx, engine="apertium")) == []


def test_dropped_word_is_scored_and_flagged():
    found, u, _ = _run(SOURCE, DROPPED)
    assert [f.evidence["source_words"] for f in found] == [["economic"]]
    ev = found[0].evidence
    assert ev["threshold"] <= ev["score"] <= 1.0
    assert ev["model"] == "apertium-en-es-omitted-words.json" and ev["drivers"]
    assert set(ev["drivers"]) <= set(load(wordscore.SHIPPED / ev["model"]).features)


def test_clean_translation_passes():
    found, _, _ = _run(SOURCE, CLEAN)
    assert found == []


def test_threshold_from_the_config_overrides_the_model():
    found, _, _ = _run(SOURCE, DROPPED, omitted_words_score=1.0)
    assert found == []


def test_without_a_model_the_hand_rules_run():
    u, ctx = word_unit(SOURCE, DROPPED, "en-es")
    assert wordscore.scored(u, u.words, ctx, "src") is None  # no engine named: no model
    u, ctx = word_unit(SOURCE, "El govern va anunciar noves mesures dilluns.", "en-ca")
    assert wordscore.scored(u, u.words, replace(ctx, engine="apertium"), "src") is None  # none shipped
    assert wordscore.scored(u, u.words, replace(ctx, engine="apertium"), "tgt") is None


def test_threshold_by_count_rises_with_the_candidates():
    tail = [0.99, 0.98, 0.95, 0.9, 0.8, 0.7]
    one, four = (wordscore.for_count(n, tail, 400, 0.01) for n in (1, 4))
    assert one == pytest.approx(0.8 + 1e-6)  # 0.01 × 400: the 4 highest clean scores reach it
    assert four == pytest.approx(0.98 + 1e-6)  # a unit of four candidates: 1 in 400 reaches it
    assert wordscore.for_count(1, tail, 100_000, 0.01) == pytest.approx(0.7 + 1e-6)  # past the tail: its last


def test_a_calibration_file_moves_the_threshold_on_the_real_cli(tmp_path):
    (tmp_path / "a.en.txt").write_text(SOURCE + "\n", encoding="utf-8")
    (tmp_path / "b.es.txt").write_text(DROPPED + "\n", encoding="utf-8")
    args = ("check", "a.en.txt", "b.es.txt", "--engine", "apertium", "--enable", "omitted-words", "--no-cache",
            "-q", "-f", "json", "-o", "r.json")

    def flagged() -> list[str]:
        run_cli(*args, cwd=tmp_path)
        report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        return [f["check"] for u in report["units"] for f in u["findings"]]
    assert flagged() == ["omitted-words"]
    cal = json.loads((SHIPPED_CALIBRATION / "apertium-en-es.json").read_text(encoding="utf-8"))
    cal["thresholds"]["omitted_words_score"] = 1.0
    (tmp_path / "cal.json").write_text(json.dumps(cal), encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('calibration = "cal.json"\n', encoding="utf-8")
    assert flagged() == []
