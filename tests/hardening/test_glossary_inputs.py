"""Bad glossaries and word lists: one clear line, exit 2, nothing lost (inputs untouched,
no report written), and before any engine runs."""
from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tqcheck.errors import ConfigError, ExitStatus
from tqcheck.glossary import load, load_words

TBX_OK = b"""<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="en"><tig><term>tax</term></tig></langSet>
<langSet xml:lang="es"><tig><term>impuesto</term></tig>
<tig><term>tasa</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>"""


@pytest.mark.parametrize("name, data, message", [
    ("empty.tsv", b"", "no terms"),
    ("header-only.csv", b"source,target,forbidden\n", "no terms"),
    ("columns.tsv", "source\ttarget\tforbidden\ntax\timpuesto\n".encode(), "line 2: 2 columns, the header has 3"),
    ("lonely.tsv", "tax\n".encode(), "line 1: a source term needs at least one target term"),
    ("bad.tbx", b"<martif><text><body><termEntry><langSet>", "not a valid TBX file"),
    ("latin1.tsv", "impuesto\tcanción\n".encode("latin-1"), "not UTF-8"),
    ("conflict.tsv", "tax\timpuesto\nTax\ttributo\n".encode(), "lines 1 and 2: conflicting entries for 'Tax'"),
    ("both.tsv", "source\ttarget\tforbidden\ntax\timpuesto\timpuesto\n".encode(), "both allowed and forbidden"),
], ids=lambda v: v if isinstance(v, str) and "." in v else "")
def test_bad_glossary_is_a_config_error_naming_file_and_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ConfigError, match=message) as exc:
        load(path, "en", "es")
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)


def test_tbx_through_translate_toolkit_marks_deprecated_terms_forbidden(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_bytes(TBX_OK)
    (term,) = load(path, "en", "es").terms
    assert term.source == "tax" and term.allowed == ("impuesto",) and term.forbidden == ("tasa",)


def test_csv_glossary_with_several_allowed_terms(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text('source,target,target,forbidden\n"prime minister",primer ministro,premier|jefe de gobierno,\n',
                    encoding="utf-8")
    (term,) = load(path).terms
    assert term.allowed == ("primer ministro", "premier", "jefe de gobierno") and term.forbidden == ()


def test_missing_word_list(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_words(tmp_path / "nope.txt")


@pytest.mark.parametrize("option, content, message", [
    ("--glossary", "tax\timpuesto\nTax\ttributo\n", "conflicting entries"),
    ("--words", None, "no such file"),
])
def test_cli_exits_2_with_one_line_and_loses_nothing(tmp_path, option, content, message):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    src.write_text("The tax rose.\n", encoding="utf-8")
    tgt.write_text("El impuesto subió.\n", encoding="utf-8")
    given = tmp_path / "given.tsv"
    if content is not None:
        given.write_text(content, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(src), str(tgt), "--engine", "none", option, str(given), "-o", str(out))
    assert r.returncode == ExitStatus.BAD_INPUT, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr
    assert not out.exists() and src.read_text(encoding="utf-8") == "The tax rose.\n"
    assert content is None or given.read_text(encoding="utf-8") == content


def test_glossary_from_the_config_file_is_relative_to_it(tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "terms.tsv").write_text("tax\timpuesto\n", encoding="utf-8")
    (tmp_path / "cfg" / "tqcheck.toml").write_text('glossary = "terms.tsv"\nengine = "none"\n', encoding="utf-8")
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    src.write_text("The tax rose sharply this year.\n", encoding="utf-8")
    tgt.write_text("El gravamen subió mucho este año.\n", encoding="utf-8")
    r = run_cli("check", str(src), str(tgt), "--config", str(tmp_path / "cfg" / "tqcheck.toml"),
                "--fail-on", "warning", "--no-cache")
    assert r.returncode == 1 and "key term 'tax'" in r.stdout, r.stdout + r.stderr
