"""The verdict with the word layer: the +words model files, which one the pipeline picks,
the word features on the real path (Apertium's analysers, the word alignment), and the
word checks' findings confirmed or not by the words model's risk."""
from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, needs_apertium, run_cli
from tqcheck.checks import Context
from tqcheck.model import AlignedUnit, Finding, Passage, Scores, Severity
from tqcheck.translate.base import EngineInfo
from tqcheck.verdict import Status, apply, find
from tqcheck.verdict.features import features
from tqcheck.verdict.model import VerdictModel, load
from tqcheck.verdict.wordfeatures import NEUTRAL

EN, ES = "corpora/words/example.en.txt", "corpora/words/example.es.txt"


def _unit(findings=()) -> AlignedUnit:  # type: ignore[no-untyped-def]
    src = Passage(0, "The council approved the budget.", 1, sentences=("x",), lang="en")
    tgt = Passage(0, "El consejo aprobó el presupuesto.", 1, sentences=("x",), lang="es")
    return AlignedUnit(0, "1-1", (src,), (tgt,), "The council approved the budget.",
                       scores=Scores(90.0, 50.0, 30.0), findings=tuple(findings))


def _model(words: bool, path: str, flag: float = 0.5) -> VerdictModel:
    return VerdictModel(("en", "es"), "apertium", "spa-eng", ("chrf",), (0.5,), (0.2,), (-4.0,), 0.0,
                        {"flag": flag}, "test", path=path, word_layer=words)


def test_the_word_layer_flag_round_trips_and_old_files_read_as_plain(tmp_path):
    _model(True, "w.json").save(tmp_path / "w.json")
    assert load(tmp_path / "w.json").word_layer
    data = json.loads((tmp_path / "w.json").read_text())
    del data["word_layer"]
    (tmp_path / "old.json").write_text(json.dumps(data))
    assert not load(tmp_path / "old.json").word_layer


def test_the_words_model_is_chosen_only_when_the_word_layer_ran(tmp_path):
    _model(False, "").save(tmp_path / "plain.json")
    _model(True, "").save(tmp_path / "plain+words.json")
    extra = [tmp_path / "plain+words.json", tmp_path / "plain.json"]
    assert find("en", "es", "apertium", "spa-eng", extra, words=True).word_layer
    assert not find("en", "es", "apertium", "spa-eng", extra, words=False).word_layer
    # A words model alone is never used without the word layer: its features would be missing.
    only = find("en", "es", "apertium", "spa-eng", [tmp_path / "plain+words.json"], words=False)
    assert only is None or not only.word_layer


def test_without_the_word_layer_the_word_features_are_neutral():
    f = features(_unit(), Context("en", "es"))
    assert {k: f[k] for k in NEUTRAL} == NEUTRAL


def test_a_words_model_confirms_word_findings_only_at_its_threshold():
    word = Finding("omitted-words", Severity.WARNING, "“budget” has no counterpart")
    other = Finding("numbers", Severity.ERROR, "numbers differ")
    ctx = Context("en", "es", article_chrf=90.0)  # no calibrated threshold: risk only
    low = apply([_unit([word, other])], ctx, EngineInfo("apertium", "spa-eng"),
                Status(_model(True, "m+words.json", flag=0.99), "m"))[0]
    assert [(f.check, f.severity) for f in low.findings] == [("omitted-words", Severity.INFO),
                                                             ("numbers", Severity.ERROR)]
    assert "not confirmed" in low.findings[0].evidence["verdict"]
    high = apply([_unit([word])], ctx, EngineInfo("apertium", "spa-eng"),
                 Status(_model(True, "m+words.json", flag=0.0), "m"))[0]
    assert high.findings == (word,)
    plain = apply([_unit([word])], ctx, EngineInfo("apertium", "spa-eng"),
                  Status(_model(False, "m.json", flag=0.99), "m"))[0]
    assert plain.findings == (word,)  # the plain model never saw the word layer


def test_a_calibrated_threshold_applies_only_to_the_kind_of_model_it_was_set_on():
    ctx = Context("en", "es", article_chrf=90.0, thresholds={"verdict_flag": 0.0})
    info = EngineInfo("apertium", "spa-eng")
    plain = apply([_unit()], ctx, info, Status(_model(False, "m.json", flag=0.99), "m"))[0]
    assert [f.check for f in plain.findings] == ["likely-error"]  # calibrated: the risk flags
    words = apply([_unit()], ctx, info, Status(_model(True, "m+words.json", flag=0.99), "m"))[0]
    assert words.findings == ()  # the plain model's threshold is not the words model's
    ctx = Context("en", "es", article_chrf=90.0, thresholds={"verdict_flag+words": 0.0})
    words = apply([_unit()], ctx, info, Status(_model(True, "m+words.json", flag=0.99), "m"))[0]
    assert [f.check for f in words.findings] == ["likely-error"]


@needs_apertium
@pytest.mark.apertium
def test_shipped_words_models_load_and_the_report_says_which_model(tmp_path):
    for src, tgt, mode in (("en", "es", "spa-eng"), ("es", "en", "eng-spa"), ("en", "ca", "cat-eng")):
        m = find(src, tgt, "apertium", mode, words=True)
        assert m is not None and m.word_layer and m.path.endswith("+words.json"), (src, tgt)
        assert "|words:on" in m.signature and 0 < m.thresholds["flag"] <= 1
    out = tmp_path / "r.json"
    r = run_cli("check", EN, ES, "--engine", "apertium", "--no-cache", "--enable", "all", "-f", "json",
                "-o", str(out), cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "|verdict:apertium-en-es+words.json@" in data["signature"]
    assert data["verdict"].startswith("verdict apertium-en-es+words.json")
    r = run_cli("check", EN, ES, "--engine", "apertium", "--no-cache", "-f", "json", "-o", str(out), cwd=ROOT)
    assert "|verdict:apertium-en-es.json@" in json.loads(out.read_text(encoding="utf-8"))["signature"]


@needs_apertium
@pytest.mark.apertium
def test_the_suites_checking_path_gives_the_words_model_its_features():
    from tqcheck.translate.registry import get_engine
    from tqcheck.verdict.fit import rows
    from tqcheck.verdict.training import Item, check

    items = [Item("en-es", "test", "d", 0, "human", "clean", "The government announced new measures on Monday.",
                  "El gobierno anunció nuevas medidas el lunes."),
             Item("en-es", "test", "d", 0, "human", "untranslated_word",
                  "The government announced new measures on Monday.",
                  "El gobierno anunció nuevas measures el lunes.")]
    back = get_engine("apertium", "es", "en", cache=False)
    check(items, back, None, words=True)
    got = rows(items)
    assert all(r.values["has_alignment"] == 1.0 for r in got)
    assert got[1].values["count:leaked-word"] == 1 and got[1].values["words_tgt_unknown"] == 1
    assert got[0].values["count:leaked-word"] == 0 and got[0].values["words_tgt_unknown"] == 0
    m = find("en", "es", "apertium", back.info("es", "en").model, words=True)
    assert m is not None and set(m.features) <= set(got[0].values)
    assert m.risk(got[1].values) > m.risk(got[0].values)
