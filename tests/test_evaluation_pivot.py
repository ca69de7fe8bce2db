"""The flag evaluation through a pivot route (Apertium pt → es → en), on a small seeded
sample of the CI documents: the guard for recall and false flags where no direct pair
exists. The full runs (40 articles, both directions) are in the README."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, needs_apertium
from tqcheck.translate.apertium import mode_for

pytestmark = [needs_apertium, pytest.mark.apertium,
              pytest.mark.skipif(mode_for("pt", "es") is None, reason="apertium-es-pt not installed")]
sys.path.insert(0, str(ROOT / "benchmarks"))

import evaluate  # noqa: E402

EVAL_ROOT = ROOT / "corpora" / "eval"  # holds the Portuguese of the same 20 NTREX documents


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    cache = tmp_path_factory.mktemp("eval-pivot") / "cache.sqlite3"
    return evaluate.evaluate(8, seed=0, pair="en-pt", cache=cache, root=EVAL_ROOT)


def test_the_route_and_its_calibration_are_used(result):
    assert not result["errors"]
    assert result["route"] == "apertium:pt-es>apertium:spa-eng"
    assert result["calibration"] == "apertium-en-pt-via-es.json"


def test_targets_hold_through_the_pivot(result):
    for perturbation in evaluate.TARGETS:
        # Eight cases each: one miss is allowed on the sample, the full run holds 0.95.
        assert result["perturbations"][perturbation]["recall"] >= 0.85, (perturbation, result["perturbations"])
    assert result["clean"]["false_flags_per_100"] <= 2 * evaluate.MAX_FALSE_FLAGS_PER_100, result["checks"]
