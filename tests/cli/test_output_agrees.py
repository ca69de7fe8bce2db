"""Output that agrees with itself: a file's name and its format match, and a run whose
reports all go to files still says how it ended."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPORA, needs_apertium, run_cli
from tqcheck.cli.output import pair_outputs
from tqcheck.errors import ConfigError

SAMPLE = CORPORA / "sample"
PAIR = [str(SAMPLE / "article.en.md"), str(SAMPLE / "article.es.md"), "--engine", "apertium"]


@pytest.mark.parametrize("fmt, name", [("html", "r.html"), ("html", "r.htm"), ("sarif", "r.sarif"),
                                       ("sarif", "r.sarif.json"), ("junit", "r.xml"),
                                       ("markdown", "r.md"), ("json", "r.out"), ("terminal", "r.log")])
def test_fitting_names_are_accepted(fmt, name):
    assert pair_outputs([fmt], [Path(name)]) == [(fmt, Path(name))]


@pytest.mark.parametrize("fmt, name", [("markdown", "r.html"), ("json", "r.md"), ("html", "r.json"),
                                       ("csv", "r.sarif")])
def test_a_name_of_another_format_is_an_error(fmt, name):
    with pytest.raises(ConfigError, match=f"named for .*--format is {fmt}"):
        pair_outputs([fmt], [Path(name)])


@needs_apertium
def test_all_reports_to_files_prints_the_gate_and_the_files(tmp_path):
    json_out, html_out = tmp_path / "r.json", tmp_path / "r.html"
    r = run_cli("check", *PAIR, "-f", "json", "-o", str(json_out), "-f", "html", "-o", str(html_out))
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr.strip() == f"gate: PASSED; wrote {json_out}, {html_out}"
    assert json_out.is_file() and html_out.is_file()
    quiet = run_cli("check", *PAIR, "-o", str(json_out), "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


@needs_apertium
def test_a_report_on_stdout_gets_no_extra_line(tmp_path):
    r = run_cli("check", *PAIR, "-f", "json", "-f", "html", "-o", "-", "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("{") and "gate:" not in r.stderr
