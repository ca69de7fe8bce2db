"""A report served from the report cache names the files of the run that asked for it,
not those of the run that filled the cache (the same content under two names and in two
folders), in every format and in batch."""
from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import CORPORA, needs_apertium, run_cli

pytestmark = [needs_apertium, pytest.mark.apertium]
SAMPLE = CORPORA / "sample"
FORMATS = ("json", "sarif", "junit", "markdown", "csv", "html")
SUFFIX = {"json": "json", "sarif": "sarif", "junit": "xml", "markdown": "md", "csv": "csv",
          "html": "html"}


def named_in(fmt: str, text: str) -> set[str]:
    """The translation file names a report of this format gives."""
    if fmt == "json":
        data = json.loads(text)
        return {data["translation"]["path"]}
    if fmt == "sarif":
        data = json.loads(text)
        return {loc["physicalLocation"]["artifactLocation"]["uri"]
                for run in data["runs"] for res in run["results"] for loc in res["locations"]}
    if fmt == "junit":
        return {tc.get("file") or tc.get("classname") for tc in ET.fromstring(text).iter("testcase")}
    if fmt == "csv":
        return {row["translation_file"] for row in csv.DictReader(io.StringIO(text))}
    raise AssertionError(fmt)


@pytest.fixture
def two_copies(tmp_path):
    """The sample pair in two folders, the translation under two different names, with a
    damaged copy so that every format has findings to point at a file."""
    src = SAMPLE / "article.en.md"
    text = (SAMPLE / "article.es.md").read_text(encoding="utf-8")
    damaged = text.replace("2017", "2018")
    assert damaged != text
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, name in ((first, "perturbed.es.md"), (second, "other.es.md")):
        folder.mkdir()
        shutil.copyfile(src, folder / "article.en.md")
        (folder / name).write_text(damaged, encoding="utf-8")
    return first / "perturbed.es.md", second / "other.es.md", tmp_path / "cache.sqlite3"


def check(tmp_path, src, tgt, cache, fmt):
    out = tmp_path / f"{tgt.parent.name}.{SUFFIX[fmt]}"
    r = run_cli("check", str(src), str(tgt), "--engine", "apertium", "--cache", str(cache),
                "-f", fmt, "-o", str(out), "-q")
    assert r.returncode == 1, r.stderr
    return out.read_text(encoding="utf-8")


def test_cached_reports_name_the_file_checked_in_every_format(tmp_path, two_copies):
    first, second, cache = two_copies
    for fmt in FORMATS:
        before = check(tmp_path, first.parent / "article.en.md", first, cache, fmt)
        after = check(tmp_path, second.parent / "article.en.md", second, cache, fmt)
        if fmt in ("markdown", "html"):
            assert "perturbed.es.md" in before and "other.es.md" not in before
            assert "other.es.md" in after and "perturbed.es.md" not in after, fmt
            assert str(first.parent) not in after, fmt
        else:
            assert named_in(fmt, before) == {str(first)}, fmt
            assert named_in(fmt, after) == {str(second)}, fmt
    # The second run of each format was served from the cache, or this proves nothing.
    r = run_cli("check", str(second.parent / "article.en.md"), str(second), "--engine", "apertium",
                "--cache", str(cache), "-f", "json", "-q")
    assert json.loads(r.stdout)["timings"].get("cached") == 1.0


def test_cached_terminal_report_names_the_file_checked(tmp_path, two_copies):
    first, second, cache = two_copies
    for tgt in (first, second):
        r = run_cli("check", str(tgt.parent / "article.en.md"), str(tgt), "--engine", "apertium",
                    "--cache", str(cache), "-q")
        assert f"Translation {tgt}" in r.stdout
        other = second if tgt == first else first
        assert str(other) not in r.stdout


def test_batch_over_a_copied_folder_names_the_copy(tmp_path):
    original, copy = tmp_path / "original", tmp_path / "mycopy"
    original.mkdir()
    for lang in ("en", "es"):
        shutil.copyfile(SAMPLE / f"article.{lang}.md", original / f"article.{lang}.md")
    shutil.copytree(original, copy)
    env = {"TQCHECK_CACHE": str(tmp_path / "cache.sqlite3")}
    for folder in (original, copy):
        out = tmp_path / f"out-{folder.name}"
        r = run_cli("batch", str(folder), "--engine", "apertium", "--out-dir", str(out), "-f", "json",
                    "-f", "sarif", env=env)
        assert r.returncode == 0, r.stderr
        report = json.loads((out / "articles" / "article.json").read_text(encoding="utf-8"))
        assert report["translation"]["path"] == str(folder / "article.es.md")
        assert report["source"]["path"] == str(folder / "article.en.md")
        sarif = (out / "articles" / "article.sarif").read_text(encoding="utf-8")
        other = copy if folder == original else original
        assert f"{other}/" not in sarif
    assert report["timings"].get("cached") == 1.0
