"""The Argos engine on tiny real packages built by tests/tinyargos: CTranslate2 and
SentencePiece driven directly, whole articles in one batch, pivots, no downloads."""
from __future__ import annotations

import json
import shutil
import socket
import zipfile

import pytest

from tests.conftest import counting_ctranslate2, needs_argos, run_cli
from tests.tinyargos import grammar
from tqcheck.errors import EngineError
from tqcheck.translate.argos import ArgosEngine, default_threads
from tqcheck.translate.registry import get_engine

pytestmark = [pytest.mark.slow, needs_argos]


def held_out(src: str, tgt: str, n: int) -> list[tuple[str, str]]:
    return grammar.pairs(src, tgt, n, seed=777)


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: the path must not download anything."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("src, tgt", [("en", "es"), ("es", "en")])
def test_translates_a_whole_article_in_one_batch(use_argos_packages, no_network, src, tgt):
    pairs = held_out(src, tgt, 60)
    with counting_ctranslate2() as calls:
        out = ArgosEngine().translate_batch([s for s, _ in pairs], src, tgt)
    assert calls == [1]
    exact = sum(o == t for o, (_, t) in zip(out, pairs)) / len(pairs)
    assert exact >= 0.9, list(zip(out, pairs))[:5]


def test_empty_texts_keep_their_place(use_argos_packages):
    engine = ArgosEngine()
    s = held_out("es", "en", 1)[0][0]
    out = engine.translate_batch(["", s, "  "], "es", "en")
    assert out[0] == out[2] == "" and out[1]
    assert out[1] == engine.translate_batch([s], "es", "en")[0]  # batching changes nothing


def test_info_names_the_package_and_version(use_argos_packages):
    info = ArgosEngine().info("es", "en")
    assert (info.name, info.model) == ("argos", "translate-es_en")
    assert info.version.startswith("1.0")


def test_pivots_through_english_with_the_pivot_wrapper(use_argos_packages, tmp_path, monkeypatch):
    # A third package: the es→en model relabelled pt→en (metadata only), so pt→es has no
    # direct package and must go pt→en→es through two real models.
    folder = tmp_path / "pkgs"
    shutil.copytree(use_argos_packages, folder)
    es_en = next(p for p in folder.iterdir() if json.loads((p / "metadata.json").read_text())["from_code"] == "es")
    meta = json.loads((es_en / "metadata.json").read_text())
    pt_en = folder / "translate-pt_en-1_0"
    shutil.copytree(es_en, pt_en)
    (pt_en / "metadata.json").write_text(json.dumps({**meta, "from_code": "pt", "from_name": "Portuguese"}))
    import argostranslate.settings

    monkeypatch.setattr(argostranslate.settings, "package_dirs", [folder])
    assert not ArgosEngine().supports("pt", "es") and ("pt", "es") not in ArgosEngine().pairs()
    # The registry's route: the common pivot wrapper around two real Argos packages.
    engine = get_engine("argos", "pt", "es", cache=False)
    assert engine.info("pt", "es").model == "argos:translate-pt_en>argos:translate-en_es"
    spanish = [es for _, es in held_out("en", "es", 30)]
    with counting_ctranslate2() as calls:
        out = engine.translate_batch(spanish, "pt", "es")
    assert calls == [2]  # one batch per leg
    assert sum(o == s for o, s in zip(out, spanish)) >= 25


def test_unknown_pair_names_the_install_command(use_argos_packages):
    with pytest.raises(EngineError, match="tqcheck models install fr de"):
        ArgosEngine().translate_batch(["x"], "fr", "de")


def test_threads_default_to_one_and_follow_the_environment(monkeypatch):
    monkeypatch.delenv("TQCHECK_THREADS", raising=False)
    assert default_threads() == 1
    monkeypatch.setenv("TQCHECK_THREADS", "2")
    assert default_threads() == 2 and ArgosEngine().threads == 2
    assert ArgosEngine(threads=3).threads == 3


def test_auto_prefers_argos_when_a_package_exists(use_argos_packages):
    assert get_engine("auto", "es", "en", cache=False).name == "argos"


def test_a_package_without_minisbd_never_downloads(use_argos_packages, tmp_path, monkeypatch, no_network):
    folder = tmp_path / "pkgs"
    shutil.copytree(use_argos_packages, folder)
    for p in folder.iterdir():
        shutil.rmtree(p / "minisbd", ignore_errors=True)
    import argostranslate.settings

    monkeypatch.setattr(argostranslate.settings, "package_dirs", [folder])
    pairs = held_out("es", "en", 5)
    out = ArgosEngine().translate_batch([s for s, _ in pairs], "es", "en")
    assert sum(o == t for o, (_, t) in zip(out, pairs)) >= 4


def test_package_layout_is_a_real_argos_package(tiny_argos):
    with zipfile.ZipFile(tiny_argos["en_es"]) as zf:
        names = set(zf.namelist())
    top = "translate-en_es-1_0/"
    for member in ("metadata.json", "sentencepiece.model", "model/model.bin", "minisbd/en.onnx"):
        assert top + member in names


def test_argos_own_translate_uses_the_package(argos_packages):
    # argostranslate's own path (MiniSBD sentence splitting included), in a clean process.
    code = ("import argostranslate.translate as t, sys; "
            "print(t.translate(sys.argv[1], 'en', 'es'))")
    en, es = held_out("en", "es", 1)[0]
    import subprocess
    import sys
    import os

    r = subprocess.run([sys.executable, "-c", code, en], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "ARGOS_PACKAGES_DIR": str(argos_packages)})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == es


def test_models_list_and_engines_show_the_packages(argos_packages):
    env = {"ARGOS_PACKAGES_DIR": str(argos_packages)}
    r = run_cli("models", "list", env=env)
    assert r.returncode == 0, r.stderr
    assert "en" in r.stdout and "es" in r.stdout and "1.0" in r.stdout
    r = run_cli("engines", env=env)
    assert r.returncode == 0 and "argos" in r.stdout
