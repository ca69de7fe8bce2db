"""The Apertium engine on the real Debian command line."""
from __future__ import annotations

import pytest

from tests.conftest import ARGOS_MISSING, counting_apertium, needs_apertium
from tqcheck.errors import EngineError
from tqcheck.translate.apertium import ApertiumEngine, mode_for
from tqcheck.translate.registry import get_engine

pytestmark = [needs_apertium, pytest.mark.apertium]


@pytest.mark.parametrize("src, tgt, text, expected", [
    ("en", "es", "The cat eats fish.", "El gato come pez."),
    ("es", "en", "El gato come pez.", "The cat eats fish."),
    ("en", "ca", "The cat eats fish.", "El gat menja peix."),
    ("ca", "en", "El gat menja peix.", "The cat eats fish."),
], ids=["en-es", "es-en", "en-ca", "ca-en"])
def test_translates(src, tgt, text, expected):
    assert ApertiumEngine().translate_batch([text], src, tgt) == [expected]


def test_one_process_keeps_lines_aligned(tmp_path):
    engine = ApertiumEngine()
    texts = [f"The {n} cats\nare here." if n % 7 else "" for n in range(500)]
    with counting_apertium(tmp_path) as started:
        out = engine.translate_batch(texts, "en", "es")
        assert started() == 1
    assert len(out) == 500
    assert out[0] == "" and out[7] == ""
    # The newline inside a text is joined, never shifting later lines.
    assert out[1] == "Los 1 gatos son aquí."
    assert out[13] == "Los 13 gatos son aquí."


def test_mode_names():
    assert mode_for("en", "es") == "eng-spa" and mode_for("es", "pt") == "es-pt"
    assert mode_for("en", "ar") is None
    assert ("es", "en") in ApertiumEngine().pairs() and ("pt", "es") in ApertiumEngine().pairs()


def test_missing_mode_names_the_real_package_or_says_there_is_none():
    with pytest.raises(EngineError, match="has no Apertium package for en↔ar"):
        ApertiumEngine().translate_batch(["hello"], "en", "ar")
    # Debian's package for Esperanto is apertium-eo-en (not installed here).
    assert ApertiumEngine().why_unsupported("eo", "en").endswith("apt-get install apertium-eo-en")


def test_apertium_not_installed(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(EngineError, match="Apertium is not installed"):
        get_engine("apertium", "es", "en", cache=False)


def test_auto_falls_back_to_apertium_without_argos_models(monkeypatch, tmp_path):
    settings = pytest.importorskip("argostranslate.settings", reason=ARGOS_MISSING)
    monkeypatch.setattr(settings, "package_dirs", [tmp_path])
    engine = get_engine("auto", "es", "en", cache=False)
    assert engine.name == "apertium"
