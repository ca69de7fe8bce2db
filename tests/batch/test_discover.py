"""Discovery of the pairs of a batch: file names, language folders, manifests, and the
errors a user sees when a folder or manifest does not describe any usable pair."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPORA, run_cli
from tqcheck.batch import PairSpec, discover, read_manifest
from tqcheck.errors import InputError

NTREX = CORPORA / "ntrex" / "en-es"
NAMES = ("bbc-381790", "upi-176266", "nytimes-184837")


def copy_pair(name: str, src_to: Path, tgt_to: Path) -> tuple[Path, Path]:
    src_to.parent.mkdir(parents=True, exist_ok=True)
    tgt_to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(NTREX / f"{name}.en.md", src_to)
    shutil.copyfile(NTREX / f"{name}.es.md", tgt_to)
    return src_to, tgt_to


def test_naming_convention_pairs_files_side_by_side_and_in_subfolders(tmp_path):
    for name in NAMES[:2]:
        copy_pair(name, tmp_path / f"{name}.en.md", tmp_path / f"{name}.es.md")
    copy_pair(NAMES[2], tmp_path / "world" / f"{NAMES[2]}.en.md", tmp_path / "world" / f"{NAMES[2]}.es.md")

    pairs = discover(tmp_path)

    assert sorted(p.name for p in pairs) == sorted([NAMES[0], NAMES[1], f"world/{NAMES[2]}"])
    for p in pairs:
        assert (p.src_lang, p.tgt_lang) == ("en", "es")
        assert p.source.name.endswith(".en.md") and p.translation.name.endswith(".es.md")
        assert p.source.name.removesuffix(".en.md") == p.translation.name.removesuffix(".es.md")


def test_language_folders_pair_same_relative_paths(tmp_path):
    copy_pair(NAMES[0], tmp_path / "en" / "a.md", tmp_path / "es" / "a.md")
    copy_pair(NAMES[1], tmp_path / "en" / "sport" / "b.md", tmp_path / "es" / "sport" / "b.md")

    pairs = {p.name: p for p in discover(tmp_path)}

    assert set(pairs) == {"a", "sport/b"}
    assert pairs["sport/b"] == PairSpec("sport/b", tmp_path / "en" / "sport" / "b.md",
                                        tmp_path / "es" / "sport" / "b.md", "en", "es")


def test_one_original_with_several_translations_gives_one_pair_each(tmp_path):
    src, _ = copy_pair(NAMES[0], tmp_path / "a.en.md", tmp_path / "a.es.md")
    shutil.copyfile(CORPORA / "ntrex" / "en-ca" / f"{NAMES[0]}.ca.md", tmp_path / "a.ca.md")

    # English is only assumed to be the original of a pair, not of a set of three.
    with pytest.raises(InputError, match="cannot tell which of ca, en, es is the original"):
        discover(tmp_path)
    pairs = discover(tmp_path, "en")

    assert [(p.name, p.source, p.tgt_lang) for p in pairs] == [("a.ca", src, "ca"), ("a.es", src, "es")]


def test_without_english_the_original_must_be_named(tmp_path):
    shutil.copyfile(NTREX / f"{NAMES[0]}.es.md", tmp_path / "a.es.md")
    shutil.copyfile(CORPORA / "ntrex" / "en-ca" / f"{NAMES[0]}.ca.md", tmp_path / "a.ca.md")

    with pytest.raises(InputError, match="cannot tell which of ca, es is the original"):
        discover(tmp_path)
    assert [(p.src_lang, p.tgt_lang) for p in discover(tmp_path, "es")] == [("es", "ca")]
    with pytest.raises(InputError, match="no fr file"):
        discover(tmp_path, "fr")


def test_unpaired_and_non_article_files_are_ignored(tmp_path):
    copy_pair(NAMES[0], tmp_path / "a.en.md", tmp_path / "a.es.md")
    shutil.copyfile(NTREX / f"{NAMES[1]}.en.md", tmp_path / "orphan.en.md")  # translation not there yet
    (tmp_path / "es").mkdir()
    shutil.copyfile(NTREX / f"{NAMES[2]}.es.md", tmp_path / "es" / "lonely.md")
    (tmp_path / "notes.md").write_text("to do\n", encoding="utf-8")
    (tmp_path / "a.en.pdf").write_bytes(b"%PDF-1.4")

    assert [p.name for p in discover(tmp_path)] == ["a"]


def test_a_folder_without_pairs_is_bad_input(tmp_path):
    shutil.copyfile(NTREX / f"{NAMES[0]}.en.md", tmp_path / "only.en.md")

    with pytest.raises(InputError, match="no article pairs found"):
        discover(tmp_path)
    r = run_cli("batch", str(tmp_path), "--jobs", "1", "--out-dir", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "no article pairs found" in r.stderr and "Traceback" not in r.stderr


def test_a_missing_folder_is_bad_input(tmp_path):
    with pytest.raises(InputError, match="no such folder or manifest"):
        discover(tmp_path / "nope")


def test_csv_manifest_paths_are_relative_to_the_manifest(tmp_path):
    copy_pair(NAMES[0], tmp_path / "orig" / "x.md", tmp_path / "trad" / "x.md")
    copy_pair(NAMES[1], tmp_path / "orig" / "y.md", tmp_path / "trad" / "y-es.md")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("source,translation,src_lang,tgt_lang,name\n"
                        "orig/x.md,trad/x.md,en,es,first\n"
                        "orig/y.md,trad/y-es.md,,,\n", encoding="utf-8")

    pairs = discover(manifest)

    assert pairs[0] == PairSpec("first", tmp_path / "orig" / "x.md", tmp_path / "trad" / "x.md", "en", "es")
    assert (pairs[1].source, pairs[1].translation) == (tmp_path / "orig" / "y.md", tmp_path / "trad" / "y-es.md")
    assert (pairs[1].src_lang, pairs[1].tgt_lang) == (None, None)  # detected later
    assert pairs[1].name == "trad/y-es"


def test_jsonl_manifest_with_language_columns(tmp_path):
    copy_pair(NAMES[0], tmp_path / "a.en.md", tmp_path / "a.es.md")
    shutil.copyfile(CORPORA / "ntrex" / "en-ca" / f"{NAMES[0]}.ca.md", tmp_path / "a.ca.md")
    rows = [{"source": "a.en.md", "translation": "a.es.md", "src_lang": "en", "tgt_lang": "es"},
            {"source": "a.en.md", "translation": "a.ca.md", "src_lang": "en", "tgt_lang": "ca", "name": "a-ca"}]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")

    pairs = read_manifest(manifest)

    assert [(p.tgt_lang, p.translation.name) for p in pairs] == [("es", "a.es.md"), ("ca", "a.ca.md")]
    assert all(p.src_lang == "en" and p.source == tmp_path / "a.en.md" for p in pairs)
    assert pairs[1].name == "a-ca"


@pytest.mark.parametrize("name, text, message", [
    ("m.jsonl", '{"source": "a.md", "translation": "b.md"}\n{oops\n', r"m\.jsonl:2: not JSON"),
    ("m.jsonl", '["a.md", "b.md"]\n', "row 1 needs 'source' and 'translation'"),
    ("m.csv", "source,target\na.md,b.md\n", "row 1 needs 'source' and 'translation'"),
    ("m.csv", "source,translation\n", "lists no pairs"),
    ("m.json", "{}", "must be .csv, .tsv or .jsonl"),
])
def test_broken_manifests_are_bad_input(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_manifest(tmp_path / name)


def test_manifest_rows_with_the_same_file_name_get_distinct_names(tmp_path):
    # Two sites each with es/article.md: their reports must not overwrite each other.
    for site, name in (("site1", NAMES[0]), ("site2", NAMES[1])):
        copy_pair(name, tmp_path / site / "en" / "article.md", tmp_path / site / "es" / "article.md")
    manifest = tmp_path / "m.csv"
    manifest.write_text("source,translation\nsite1/en/article.md,site1/es/article.md\n"
                        "site2/en/article.md,site2/es/article.md\n", encoding="utf-8")

    names = [p.name for p in read_manifest(manifest)]

    assert len(set(names)) == 2, names


def test_a_manifest_naming_two_rows_alike_is_bad_input(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("source,translation,name\na.en.md,a.es.md,same\nb.en.md,b.es.md,same\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: name 'same' is already used by row 1"):
        read_manifest(manifest)


def test_a_manifest_row_pointing_at_a_missing_file_is_reported_and_exits_2(tmp_path):
    # Discovery accepts the row; the batch reports it as an article it could not check.
    manifest = tmp_path / "m.csv"
    manifest.write_text("source,translation,name\nmissing.en.md,missing.es.md,gone\n", encoding="utf-8")
    out = tmp_path / "out"

    r = run_cli("batch", str(manifest), "--jobs", "1", "--out-dir", str(out))

    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert f"tqcheck: gone: {tmp_path / 'missing.en.md'}: no such file" in r.stderr
    [row] = json.loads((out / "summary.json").read_text(encoding="utf-8"))["results"]
    assert (row["name"], row["status"], row["exit_status"]) == ("gone", "error", 2)
