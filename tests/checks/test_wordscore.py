"""The learned word score of omitted-words (tqcheck/checks/wordscore.py), on real
Apertium analyses and back-translations, and the shipped model files' contract."""
from __future__ import annotations

from dataclasses import replace

from tests.checks.word_helpers import word_unit
from tests.conftest import needs_apertium
from tqcheck.checks import CHECKS, wordscore
from tqcheck.verdict.model import load

pytestmark = needs_apertium

SOURCE = "The government announced new economic measures on Monday."
CLEAN = "El gobierno anunció nuevas medidas económicas el lunes."
DROPPED = "El gobierno anunció nuevas medidas el lunes."


def _run(source: str, target: str, pair: str = "en-es", **thresholds: float):
    u, ctx = word_unit(source, target, pair)
    ctx = replace(ctx, engine="apertium", thresholds=thresholds)
    return CHECKS["omitted-words"]().run(u, ctx), u, ctx


def test_shipped_models_read_what_features_give():
    u, _ = word_unit(SOURCE, DROPPED, "en-es")
    [(_, f), *_] = wordscore.features(u, u.words, "src")
    files = sorted(wordscore.SHIPPED.glob("*.json"))
    assert {p.name for p in files} == {f"apertium-{p}-omitted-words.json" for p in ("en-es", "es-en", "ca-en")}
    for p in files:
        m = load(p)
        assert m.meta["check"] == "omitted-words" and m.engine == "apertium"
        assert set(m.features) == set(f), p.name
        assert 0.0 < m.thresholds["flag"] < 1.0


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
    assert wordscore.scored(u, u.words, replace(ctx, engine="apertium"), "tgt") is None  # none shipped
