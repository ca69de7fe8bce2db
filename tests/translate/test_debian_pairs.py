"""Hints name Debian packages that exist: the shipped table against apt-cache, and the
messages built from it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tqcheck.translate import debian_pairs

GENERATOR = ROOT / "scripts" / "gen_debian_pairs.py"


def apt_lists_apertium() -> bool:
    if shutil.which("apt-cache") is None:
        return False
    out = subprocess.run(["apt-cache", "search", "--names-only", "^apertium-eng-spa$"],
                         capture_output=True, text=True).stdout
    return "apertium-eng-spa" in out


needs_apt_lists = pytest.mark.skipif(not apt_lists_apertium(), reason="no apt lists (apt-get update)")


@needs_apt_lists
def test_every_package_in_the_table_exists_in_apt():
    names = [p.name for p in debian_pairs.packages()]
    out = subprocess.run(["apt-cache", "show", "--no-all-versions", *names], capture_output=True,
                         text=True).stdout
    shown = {line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Package:")}
    assert set(names) <= shown, set(names) - shown


@needs_apt_lists
def test_the_generator_rebuilds_a_table_of_real_pairs(tmp_path):
    out = tmp_path / "pairs.json"
    r = subprocess.run([sys.executable, str(GENERATOR), "--output", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert '"apertium-eng-spa": [["eng", ["en"]], ["spa", ["es"]]]' in text
    # Transitional dummies and tools are not pairs.
    assert "apertium-en-es" not in text and "apertium-lex-tools" not in text


@pytest.mark.parametrize("a, b, package", [
    ("es", "en", "apertium-eng-spa"), ("en", "es", "apertium-eng-spa"), ("pt", "es", "apertium-es-pt"),
    ("hr", "en", "apertium-hbs-eng"), ("no", "nn", "apertium-nno-nob"), ("de", "en", None), ("ar", "en", None),
])
def test_package_for(a, b, package):
    assert debian_pairs.package_for(a, b) == package


def test_hint_says_when_debian_has_no_package():
    assert debian_pairs.install_hint("es", "en") == "apt-get install apertium-eng-spa"
    hint = debian_pairs.install_hint("de", "en")
    assert hint.startswith("Debian") and "has no Apertium package for de↔en" in hint
    assert "apertium-eng-deu" not in hint


def test_chains_name_two_real_packages():
    chains = debian_pairs.chains("pt", "en")
    assert ("es", "apertium-es-pt", "apertium-eng-spa") in chains
    assert debian_pairs.chains("es", "en") == []  # one package covers it


def test_codes_map_both_ways():
    assert {"eng", "en"} <= debian_pairs.apertium_codes("en")
    assert debian_pairs.iso_for("spa") == "es" and debian_pairs.iso_for("hbs") == "sh"


def test_table_is_shipped_with_the_package():
    assert debian_pairs.TABLE.parent == Path(debian_pairs.__file__).parent
    assert "translate/debian_pairs.json" in (ROOT / "pyproject.toml").read_text()
