"""The calibration files shipped in tqcheck/calibration/: each is found for its pair and
the installed Apertium mode, so a check reports the thresholds it was made with."""
from __future__ import annotations

import json

import pytest

from tests.conftest import needs_apertium
from tqcheck import calibrate
from tqcheck.translate.apertium import ApertiumEngine


@needs_apertium
@pytest.mark.parametrize("src,tgt,name", [("en", "es", "apertium-en-es.json"), ("en", "ca", "apertium-en-ca.json"),
                                          ("es", "en", "apertium-es-en.json"), ("ca", "en", "apertium-ca-en.json")])
def test_a_direct_pair_finds_its_own_thresholds(src, tgt, name):
    # The back-translation runs tgt → src: that mode's engine is what the file was made with.
    thresholds, used = calibrate.thresholds_for(src, tgt, ApertiumEngine().info(tgt, src))
    assert used == name
    path = next(p for p in calibrate.shipped() if p.name == name)
    cal, doc = calibrate.load(path), json.loads(path.read_text(encoding="utf-8"))
    assert thresholds["min_passage_chrf"] == cal.thresholds["min_passage_chrf"]
    # Half a clean passage in a hundred falls under the floor: far below the median.
    assert 5 < cal.thresholds["min_passage_chrf"] < doc["chrf_percentiles"]["p1"] < doc["chrf_percentiles"]["p50"]


def test_a_pair_without_a_file_gets_the_documented_defaults():
    from tqcheck.translate.base import EngineInfo
    thresholds, used = calibrate.thresholds_for("en", "gl", EngineInfo("apertium", "glg-eng"))
    assert used == "default" and thresholds == dict(calibrate.ROUTE_DEFAULTS[1])
