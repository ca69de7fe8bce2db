"""The flag evaluation on a small seeded sample: the CI guard for recall and false flags.
The full run (40 articles) is a benchmark: benchmarks/evaluate.py, figures in the README."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, needs_apertium

pytestmark = [needs_apertium, pytest.mark.apertium]
sys.path.insert(0, str(ROOT / "benchmarks"))

import evaluate  # noqa: E402

# The 20 NTREX documents of the CI sample, in the repo (CI has no ../shared).
EVAL_ROOT = ROOT / "corpora" / "eval"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    cache = tmp_path_factory.mktemp("eval") / "cache.sqlite3"
    return evaluate.evaluate(20, seed=0, pair="es", cache=cache, root=EVAL_ROOT)


def test_targets_hold_on_the_sample(result):
    assert not result["errors"]
    for perturbation, target in evaluate.TARGETS.items():
        assert result["perturbations"][perturbation]["recall"] >= target, (perturbation, result["perturbations"])
    assert result["clean"]["false_flags_per_100"] <= 2 * evaluate.MAX_FALSE_FLAGS_PER_100, result["checks"]


def test_every_perturbation_is_measured(result):
    assert set(result["perturbations"]) == set(evaluate.PERTURBATIONS) - evaluate.OPT_IN
    assert all(r["cases"] >= 5 for r in result["perturbations"].values())


def test_the_same_seed_gives_the_same_table(tmp_path):
    # Six articles, twice, from two empty caches: the same seed must give the same table.
    first = evaluate.evaluate(6, seed=0, pair="es", cache=tmp_path / "a.sqlite3", root=EVAL_ROOT)
    again = evaluate.evaluate(6, seed=0, pair="es", cache=tmp_path / "b.sqlite3", root=EVAL_ROOT)
    assert evaluate.table({**again, "seconds": 0}) == evaluate.table({**first, "seconds": 0})
