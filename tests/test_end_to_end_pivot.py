"""Pairs no single engine covers, checked through a real pivot: Apertium pt/fr ↔ es ↔ en,
on NTREX-128 articles (corpora/ntrex/en-pt, en-fr), both directions."""
from __future__ import annotations

import json
import re

import pytest

from tests.conftest import CORPORA, needs_apertium, run_cli
from tqcheck.pipeline import CheckOptions, check_pair
from tqcheck.translate.apertium import mode_for

pytestmark = [needs_apertium, pytest.mark.apertium,
              pytest.mark.skipif(mode_for("pt", "es") is None or mode_for("fr", "es") is None,
                                 reason="apertium-es-pt / apertium-fr-es not installed")]

DOC = "guardian-221754"
ROUTES = {  # (source, translation) → the back-translation route, translation → source
    ("en", "pt"): "apertium:pt-es>apertium:spa-eng",
    ("pt", "en"): "apertium:eng-spa>apertium:es-pt",
    ("en", "fr"): "apertium:fr-es>apertium:spa-eng",
    ("fr", "en"): "apertium:eng-spa>apertium:es-fr",
}
OPTS = CheckOptions(engine="apertium", cache=False)


def files(src: str, tgt: str):
    other = tgt if src == "en" else src
    folder = CORPORA / "ntrex" / f"en-{other}"
    return folder / f"{DOC}.{src}.md", folder / f"{DOC}.{tgt}.md"


def blocks(path):
    return path.read_text(encoding="utf-8").split("\n\n")


def line_of(parts, i):
    return sum(p.count("\n") + 2 for p in parts[:i]) + 1


@pytest.mark.parametrize("pair", list(ROUTES), ids="→".join)
def test_a_clean_pair_passes_through_the_route_with_its_own_calibration(pair):
    report = check_pair(*files(*pair), OPTS)
    assert (report.source.lang, report.translation.lang) == pair
    assert report.engine.name == "pivot" and report.engine.model == ROUTES[pair]
    assert report.calibration == f"apertium-{pair[0]}-{pair[1]}-via-es.json"
    assert ROUTES[pair] in report.signature
    assert report.counts()["error"] == 0, [f.message for _, f in report.findings]


@pytest.mark.parametrize("pair", [("en", "pt"), ("pt", "en"), ("en", "fr")], ids="→".join)
def test_omission_untranslated_and_number_are_flagged_at_their_lines(pair, tmp_path):
    src_path, tgt_path = files(*pair)
    src, tgt = blocks(src_path), blocks(tgt_path)
    # Paragraph 2 dropped, paragraph 3 left in the source language, a number changed in 5.
    damaged = list(tgt)
    damaged[3] = src[3]
    m = re.search(r"(?<![\d.,])\d+(?![\d.,]*\d)", damaged[5])
    damaged[5] = damaged[5][: m.start()] + str(int(m.group()) + 7) + damaged[5][m.end():]
    del damaged[2]
    out = tmp_path / f"damaged.{pair[1]}.md"
    out.write_text("\n\n".join(damaged), encoding="utf-8")
    report = check_pair(src_path, out, OPTS)
    by_check = {}
    for unit, f in report.findings:
        by_check.setdefault(f.check, []).append(unit)
    assert [u.source[0].line for u in by_check["omission"]] == [line_of(src, 2)]
    assert [u.target[0].line for u in by_check["untranslated"]] == [line_of(damaged, 2)]
    assert [u.target[0].line for u in by_check["numbers"]] == [line_of(damaged, 4)]


def test_via_forces_the_pivot_and_a_via_no_route_uses_exits_3_naming_the_routes():
    src, tgt = files("en", "pt")
    ok = run_cli("check", str(src), str(tgt), "--engine", "apertium", "--via", "es", "--no-cache", "-f", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["engine"]["model"] == ROUTES[("en", "pt")]
    bad = run_cli("check", str(src), str(tgt), "--engine", "apertium", "--via", "de", "--no-cache")
    assert bad.returncode == 3
    assert bad.stderr.strip() == ("tqcheck: error: no route for pt→en goes through de; the routes "
                                  f"that exist: {ROUTES[('en', 'pt')]}"
                                  + "".join(f"; {r}" for r in _other_routes()))


def _other_routes() -> list[str]:
    from tqcheck.translate import routes
    from tqcheck.translate.registry import candidates

    return [r.label for r in routes.all_routes(candidates("apertium"), "pt", "en")][1:routes.SHOWN_ROUTES]


def test_engines_lists_direct_and_pivoted_pairs_with_their_routes():
    r = run_cli("engines")
    assert r.returncode == 0, r.stderr
    lines = [line.strip() for line in r.stdout.splitlines()]
    assert "pt→en  apertium:pt-es>apertium:spa-eng" in lines
    assert "en→fr  apertium:eng-spa>apertium:es-fr" in lines
    assert "es→en  apertium:spa-eng" in lines
