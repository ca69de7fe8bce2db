"""More bad (and merely unusual) input, beyond tests/cli/test_cli_errors.py: each case
has a documented exit code, a message a user can act on, and never a traceback.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import hide_argos, needs_apertium, run_cli
from tqcheck.read import read_document
from tqcheck.read.decode import MAX_BYTES

EN = ("The government announced new measures for the economy yesterday, officials said. "
      "The plan includes 2,500 new jobs.\n")
ES = ("El gobierno anunció ayer nuevas medidas para la economía, dijeron los funcionarios. "
      "El plan incluye 2.500 empleos nuevos.\n")
DE = "Die Regierung kündigte gestern neue Maßnahmen für die Wirtschaft an, sagten Beamte.\n"
# ñ, ¿ and ¡ are where cp1252/latin-1 and the Central European code pages disagree.
ES_LEGACY = ES + "¿Y el año próximo? ¡Más niños en la escuela, señor Muñoz!\n"


@dataclass(frozen=True)
class Case:
    id: str
    # Builds the command line (and extra environment) inside a test's tmp_path.
    build: Callable[[Path], tuple[list[str], dict[str, str]]]
    codes: tuple[int, ...]
    message: str
    marks: tuple = field(default=())


def write(folder: Path, name: str, data: bytes | str) -> str:
    p = folder / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(p)


def pair(folder: Path, *extra: str, src: bytes | str = EN, tgt: bytes | str = ES,
         src_name: str = "a.en.txt", tgt_name: str = "b.es.txt") -> list[str]:
    return ["check", write(folder, src_name, src), write(folder, tgt_name, tgt),
            "--engine", "apertium", "-q", *extra]


def no_env(args: list[str]) -> tuple[list[str], dict[str, str]]:
    return args, {}


def empty_bin(folder: Path) -> str:
    # Not /bin or /usr/local/bin: on merged-/usr systems /bin *is* /usr/bin.
    (folder / "bin").mkdir(exist_ok=True)
    return str(folder / "bin")


def corrupt_cache(folder: Path) -> tuple[list[str], dict[str, str]]:
    cache = folder / "cache.sqlite3"
    cache.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    return pair(folder), {"TQCHECK_CACHE": str(cache)}


def big_file(folder: Path) -> tuple[list[str], dict[str, str]]:
    # 60 MB that stays quick to check: the size is what is under test, not the engine.
    with open(folder / "big.es.txt", "wb") as f:
        f.write(ES.encode())
        f.write(b" " * (60 * 1024 * 1024))
        f.write(b"\n")
    return ["check", write(folder, "a.en.txt", EN), str(folder / "big.es.txt"),
            "--engine", "apertium", "-q"], {}


def over_limit(folder: Path) -> tuple[list[str], dict[str, str]]:
    # Sparse: the size check comes before any read, so this costs no disk and no time.
    with open(folder / "huge.es.txt", "wb") as f:
        f.truncate(MAX_BYTES + 1)
    return ["check", write(folder, "a.en.txt", EN), str(folder / "huge.es.txt"),
            "--engine", "apertium", "-q"], {}


def config(folder: Path, body: str) -> tuple[list[str], dict[str, str]]:
    return pair(folder, "--config", write(folder, "tqcheck.toml", body)), {}


CASES = [
    # UTF-16 and legacy code pages: see the tests below the table, which read the JSON.
    Case("whitespace-only", lambda d: no_env(pair(d, tgt=b" \n\t\n  \r\n\n")), (2,), "empty"),
    Case("unicode-whitespace-only", lambda d: no_env(pair(d, tgt="\u00a0\n\u3000\u2003\n".encode())),
         (2,), "has no text"),
    Case("directory", lambda d: no_env(["check", write(d, "a.en.txt", EN), str(d), "--engine", "apertium"]),
         (2,), "is a directory"),
    Case("60MB-file", big_file, (0, 1), ""),
    Case("over-size-limit", over_limit, (2,), "-byte limit"),
    Case("unknown-format", lambda d: no_env(pair(d, "--format", "docx")), (2,), "unknown format 'docx'"),
    Case("two-formats-to-stdout", lambda d: no_env(pair(d, "-f", "json", "-f", "html")), (2,),
         "several formats would go to stdout"),
    Case("more-outputs-than-formats",
         lambda d: no_env(pair(d, "-f", "json", "-o", str(d / "x.json"), "-o", str(d / "y.json"))),
         (2,), "more --output files than --format"),
    Case("max-flagged-ratio-out-of-range", lambda d: no_env(pair(d, "--max-flagged-ratio", "2")),
         (2,), "--max-flagged-ratio"),
    Case("config-unknown-key", lambda d: config(d, 'enginee = "apertium"\n'), (2,),
         "tqcheck.toml: unknown setting(s) enginee"),
    Case("config-bad-toml", lambda d: config(d, 'engine = "apertium\n'), (2,),
         "tqcheck.toml: cannot read it as TOML"),
    Case("config-bad-value", lambda d: config(d, 'min_chrf = "high"\n'), (2,), "is not a number"),
    Case("config-missing", lambda d: no_env(pair(d, "--config", str(d / "nope.toml"))), (2,),
         "nope.toml"),
    Case("corrupt-translation-cache", corrupt_cache, (0, 1), "was corrupt"),
    Case("argos-without-packages",
         lambda d: (pair(d, "--engine", "argos"), {"ARGOS_PACKAGES_DIR": str(d / "none")}),
         (3,), "tqcheck models install"),
    Case("apertium-not-installed", lambda d: (pair(d), {"PATH": empty_bin(d)}), (3,),
         "apt-get install apertium"),
    Case("no-engine-at-all",
         lambda d: ([*pair(d)[:3], "-q", "--require-engine"], {"PATH": empty_bin(d), "ARGOS_PACKAGES_DIR": str(d / "none")}),
         (3,), "tqcheck models install es en"),
    Case("no-debian-package-for-the-pair",
         lambda d: (["check", write(d, "a.en.txt", EN), write(d, "b.de.txt", DE), "-q",
                     "--require-engine"],
                    {"ARGOS_PACKAGES_DIR": str(d / "none")}),
         (3,), "Debian 12 (bookworm) has no Apertium package for de↔en"),
    Case("argos-hint-without-a-useless-pivot",
         lambda d: (["check", write(d, "a.en.txt", EN), write(d, "b.de.txt", DE), "--engine", "argos", "-q"],
                    {"ARGOS_PACKAGES_DIR": str(d / "none")}),
         (3,), "no Argos package for de→en: tqcheck models install de en"),
    Case("format-against-suffix",
         lambda d: no_env(pair(d, "-o", str(d / "out.html"), "-f", "markdown")), (2,),
         "out.html is named for html, but its --format is markdown: name it out.md"),
    Case("argos-extra-missing", lambda d: (["models", "list"], hide_argos(d)), (3,),
         "Argos models need the argos extra: pip install 'tqcheck[argos]'"),
    Case("config-out-of-range", lambda d: config(d, "min_chrf = 150\n"), (2,),
         "is out of range: 0 to 100"),
    Case("json-name-for-csv", lambda d: no_env(pair(d, "-o", str(d / "r.json"), "-f", "csv")),
         (2,), "r.json is named for json, but its --format is csv"),
    Case("output-without-format", lambda d: no_env(pair(d, "-o", str(d / "r.out"))), (2,),
         "-o needs a --format"),
    Case("two-formats-one-file",
         lambda d: no_env(pair(d, "-f", "json", "-f", "html", "-o", str(d / "r"), "-o", str(d / "r"))),
         (2,), "same file"),
    Case("min-chrf-above-100", lambda d: no_env(pair(d, "--min-chrf", "150")), (2,), "--min-chrf"),
    Case("min-chrf-negative", lambda d: no_env(pair(d, "--min-chrf", "-5")), (2,), "--min-chrf"),
]


@needs_apertium
@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_bad_input_table(case, tmp_path):
    args, env = case.build(tmp_path)
    r = run_cli(*args, env=env, timeout=120)
    assert r.returncode in case.codes, f"exit {r.returncode}: {r.stderr}"
    assert case.message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    if r.returncode in (2, 3) and not r.stderr.startswith("Usage:"):
        # tqcheck's own errors: exactly one line, so a CI log shows the whole story.
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("tqcheck: error:"), r.stderr


def report_of(r) -> dict:
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    return json.loads(r.stdout)


@needs_apertium
def test_utf16_source_reports_its_encoding(tmp_path):
    doc = report_of(run_cli(*pair(tmp_path, "-f", "json", src=EN.encode("utf-16"))))
    assert doc["source"]["encoding"] == "utf-16"
    assert doc["translation"]["encoding"] == "utf-8"


@needs_apertium
@pytest.mark.parametrize("codec, expected", [("cp1252", {"cp1252"}),
                                             # Byte-identical for Spanish text: either name is right.
                                             ("latin-1", {"cp1252", "latin_1", "iso8859_15"})])
def test_legacy_spanish_reports_its_encoding(tmp_path, codec, expected):
    doc = report_of(run_cli(*pair(tmp_path, "-f", "json", tgt=ES_LEGACY.encode(codec))))
    assert doc["translation"]["encoding"] in expected
    assert doc["translation"]["lang"] == "es"


def test_cp1252_without_n_tilde_is_not_called_central_european(tmp_path):
    # Only á é í ó ú: cp1250 decodes these bytes identically, and used to win the name.
    doc = read_document(write(tmp_path, "b.es.txt", ES.encode("cp1252")))
    assert doc.encoding == "cp1252"
    assert "economía" in doc.passages[0].text


def test_sixty_megabytes_of_prose_reads_in_seconds(tmp_path):
    # The CLI case above pads with spaces to stay fast; this one is real paragraphs.
    para = ES + "\n"
    path = tmp_path / "big.es.txt"
    path.write_text(para * (60 * 1024 * 1024 // len(para.encode()) + 1), encoding="utf-8")
    doc = read_document(path)
    assert len(doc.passages) > 300_000 and doc.passages[-1].text == ES.strip()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root (and Windows) can read a chmod 000 file")
def test_unreadable_file(tmp_path):
    src = write(tmp_path, "a.en.txt", EN)
    tgt = Path(write(tmp_path, "b.es.txt", ES))
    tgt.chmod(0)
    try:
        r = run_cli("check", src, str(tgt), "--engine", "apertium", "-q")
    finally:
        tgt.chmod(0o644)
    assert r.returncode == 2, r.stderr
    assert "permission denied" in r.stderr and "Traceback" not in r.stderr
