"""The HTML report in a real browser (Debian's headless chromium): it renders, our
script runs under the report's Content-Security-Policy, and injected article markup
stays text."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.report.test_writers import SCRIPT, make_script_pair, pipeline_report
from tqcheck.report import html
from tqcheck.result import gate

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium not installed")
# Everything that would make chromium reach the network or a profile outside tmp.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture()
def page(tmp_path) -> tuple[Path, str]:
    rep = pipeline_report(*make_script_pair(tmp_path))
    path = tmp_path / "report.html"
    path.write_text(html.render(rep, gate(rep)), encoding="utf-8")
    message = next(f.message for _, f in rep.findings if f.check == "numbers")
    return path, message


def test_rendered_dom_shows_report_and_keeps_script_as_text(tmp_path, page):
    path, message = page
    r = chromium(tmp_path, "--dump-dom", path.as_uri())
    dom = r.stdout
    assert "<dl class=\"summary\">" in dom, r.stderr[-2000:]
    assert "95% CI" in dom and "Round-trip chrF per unit" in dom
    assert html.esc(message) in dom
    # The injected script would have renamed the page; the article text shows it literally.
    assert "<title>tqcheck: " in dom and "pwned</title>" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert dom.count("<script") == 1
    assert SCRIPT not in dom
    # Our own script did run (the CSP lets it through by hash) and filled in the count.
    assert "3 of 3 units shown" in dom


def test_screenshot_is_a_real_png(tmp_path, page):
    path, _ = page
    shot = tmp_path / "shot.png"
    r = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", path.as_uri())
    assert shot.exists(), r.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


@pytest.mark.apertium
def test_word_layer_highlights_unaligned_words_and_links_counterparts(tmp_path):
    """A real check (Apertium lexicons, engine) of a sentence with a leaked and a glued
    word: in the rendered DOM every word is a span, linked words name their counterpart,
    and the unaligned content words carry the highlight."""
    from tqcheck.pipeline import CheckOptions, check_pair
    src, tgt = tmp_path / "w.en.txt", tmp_path / "w.es.txt"
    src.write_text("The government announced new measures to support the Iran-backed economy.\n",
                   encoding="utf-8")
    tgt.write_text("El gobierno anunció nuevas measures para apoyar la economía reculadaenIrán.\n",
                   encoding="utf-8")
    rep = check_pair(src, tgt, CheckOptions(src_lang="en", tgt_lang="es", engine="apertium", cache=False))
    path = tmp_path / "words.html"
    path.write_text(html.render(rep, gate(rep)), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    assert 'class="w" id="u0s1" title="→ gobierno" data-to="u0t1">government</span>' in dom
    assert 'class="w gap hit"' in dom and ">reculadaenIrán</span>" in dom
    assert 'title="no counterpart"' in dom
