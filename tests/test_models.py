"""Model management: archive validation, offline behaviour, install/list/remove for real."""
from __future__ import annotations

import json
import time
import zipfile

import pytest

from tests.conftest import ROOT, hide_argos, needs_argos, run_cli
from tqcheck.errors import InputError
from tqcheck.translate.argos_models import covered_pairs, validate_archive, ModelPackage

META = {"package_version": "1.0", "argos_version": "1.9", "type": "translate",
        "from_code": "en", "to_code": "es", "from_name": "English", "to_name": "Spanish", "links": []}


def make_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "members, message",
    [
        ({"/etc/evil": b"x"}, "unsafe member"),
        ({"pkg/../../evil": b"x"}, "unsafe member"),
        ({"pkg/model.bin": b"x"}, "no metadata.json"),
        ({"pkg/metadata.json": b"{not json"}, "not valid JSON"),
        ({"pkg/metadata.json": json.dumps({"type": "translate"}).encode()}, "lacks"),
        ({"a/metadata.json": json.dumps(META).encode(), "b/x": b"x"}, "one top-level folder"),
        ({"pkg/metadata.json": json.dumps(META).encode(), "pkg/zeros": b"\0" * 5_000_000}, "zip bomb"),
        ({"pkg/metadata.json": json.dumps({**META, "type": "sbd"}).encode()}, "'sbd' package"),
    ],
    ids=["absolute", "dotdot", "no-metadata", "bad-json", "missing-keys", "two-tops", "bomb", "wrong-type"],
)
def test_bad_archives_are_refused_before_extraction(tmp_path, members, message):
    with pytest.raises(InputError, match=message):
        validate_archive(make_zip(tmp_path / "x.argosmodel", members))


def test_not_a_zip(tmp_path):
    p = tmp_path / "x.argosmodel"
    p.write_bytes(b"hello")
    with pytest.raises(InputError, match="not a zip"):
        validate_archive(p)


def test_good_archive_metadata(tmp_path):
    p = make_zip(tmp_path / "x.argosmodel", {"pkg/metadata.json": json.dumps(META).encode(),
                                            "pkg/model/model.bin": b"weights" * 10})
    assert validate_archive(p)["to_code"] == "es"


def test_covered_pairs_include_pivots():
    pkgs = [ModelPackage("a", "ca", "en", "1", ""), ModelPackage("b", "en", "es", "1", ""),
            ModelPackage("c", "en", "fr", "1", "")]
    got = covered_pairs(pkgs)
    assert ("ca", "es", "via en") in got and ("ca", "fr", "via en") in got
    assert ("ca", "en", "direct") in got


@needs_argos
def test_offline_install_from_index_fails_fast_with_a_clear_message(tmp_path):
    env = {"ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/", "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_CACHE_HOME": str(tmp_path / "k"),
           "ARGOS_PACKAGES_DIR": str(tmp_path / "p")}
    t0 = time.monotonic()
    r = run_cli("models", "install", "en", "es", env=env, timeout=120)
    assert r.returncode == 3, r.stderr
    assert "--from-file" in r.stderr and "Traceback" not in r.stderr
    assert time.monotonic() - t0 < 60


def test_install_without_arguments_is_usage_error():
    r = run_cli("models", "install")
    assert r.returncode == 2 and "--from-file" in r.stderr


@pytest.mark.parametrize("args", [("models", "list"), ("models", "path"), ("models", "install", "en", "es"),
                                  ("check", "a.en.txt", "b.es.txt", "--engine", "argos")])
def test_without_the_argos_extra_it_says_how_to_install_it(tmp_path, args):
    (tmp_path / "a.en.txt").write_text("The cat eats the fish in the kitchen.\n")
    (tmp_path / "b.es.txt").write_text("El gato come el pescado en la cocina.\n")
    r = run_cli(*args, env=hide_argos(tmp_path), cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert "pip install 'tqcheck[argos]'" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_argos_tests_skip_cleanly_without_argostranslate(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                        "tests/translate/test_argos_engine.py", "tests/test_end_to_end_argos.py",
                        "tests/translate/test_apertium_engine.py::test_auto_falls_back_to_apertium_without_argos_models"],
                       cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, **hide_argos(tmp_path)},
                       timeout=300)
    assert r.returncode == 0, r.stdout[-2000:]
    assert " passed" not in r.stdout.splitlines()[-1] and "skipped" in r.stdout.splitlines()[-1]
    assert "tqcheck[argos]" in r.stdout
