"""Bad input: one clear line on stderr and a documented exit code, never a traceback."""
import pytest

from tests.conftest import run_cli

EN = "The government announced new measures for the economy yesterday, officials said.\n"
ES = "El gobierno anunció ayer nuevas medidas para la economía, dijeron los funcionarios.\n"


@pytest.fixture
def files(tmp_path):
    def make(name: str, data: bytes | str):
        p = tmp_path / name
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(p)
    return make


@pytest.mark.parametrize(
    "src, tgt, extra, code, message",
    [
        (("a.en.txt", EN), None, [], 2, "no such file"),
        (("a.en.txt", EN), ("b.es.txt", ""), [], 2, "is empty"),
        (("a.en.txt", EN), ("b.es.txt", b"\x00\x01\x02binary\x00"), [], 2, "binary"),
        (("a.en.txt", EN), ("b.es.txt", bytes(range(128, 256)) * 20), [], 2, "not valid UTF-8"),
        (("a.en.txt", EN), ("b.en.txt", EN), [], 2, "both files are in English"),
        (("a.en.txt", EN), ("b.es.txt", ES), ["--src-lang", "e$"], 2, "not a language code"),
        (("a.en.txt", "12 34\n"), ("b.es.txt", ES), [], 2, "cannot tell its language"),
        (("a.en.txt", EN), ("b.es.txt", ES), ["--engine", "nope"], 2, "nope"),
        (("a.en.txt", EN), ("b.es.txt", ES), ["--disable", "nope"], 2, "unknown check"),
    ],
    ids=["missing", "empty", "binary", "undecodable", "same-language", "bad-lang-code", "no-letters",
         "bad-engine", "bad-check"],
)
def test_bad_input(files, tmp_path, src, tgt, extra, code, message):
    s = files(*src)
    t = files(*tgt) if tgt else str(tmp_path / "missing.es.txt")
    r = run_cli("check", s, t, *extra)
    assert r.returncode == code, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_unsupported_pair_is_engine_unavailable(files, monkeypatch):
    s = files("a.en.txt", EN)
    t = files("b.ar.txt", "أعلنت الحكومة أمس عن إجراءات جديدة للاقتصاد كما قال المسؤولون.\n")
    r = run_cli("check", s, t, "--require-engine", env={"ARGOS_PACKAGES_DIR": "/nonexistent"})
    assert r.returncode == 3, r.stderr
    assert "install" in r.stderr and "Traceback" not in r.stderr


def test_unsupported_pair_falls_back_to_the_engine_free_checks(files):
    s = files("a.en.txt", EN)
    t = files("b.ar.txt", "أعلنت الحكومة أمس عن إجراءات جديدة للاقتصاد كما قال المسؤولون.\n")
    r = run_cli("check", s, t, env={"ARGOS_PACKAGES_DIR": "/nonexistent"})
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("\n") == 1 and "--engine none" in r.stderr
    assert "engine:none" in r.stdout


@pytest.mark.parametrize("command", [[], ["check"], ["checks"], ["engines"], ["models"], ["models", "list"], ["models", "install"], ["models", "remove"], ["models", "path"]],
                         ids=["root", "check", "checks", "engines", "models", "models-list", "models-install", "models-remove", "models-path"])
def test_every_command_has_help(command):
    r = run_cli(*command, "--help")
    assert r.returncode == 0
    assert "Usage" in r.stdout


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("tqcheck ")
