"""The html, markdown, junit, sarif and csv writers, on real pipeline reports.

Reports come from the real pipeline with the fake (word-reversing) engine, so these run
without Apertium; only the CLI test needs it.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import CORPORA, ROOT, needs_apertium, run_cli
from tests.translate.fake_engines import ReversingEngine
from tqcheck.baseline import fingerprint
from tqcheck.report import SUFFIX
from tqcheck.checks import CHECKS
from tqcheck.model import Finding, Severity
from tqcheck.pipeline import CheckOptions, check_pair
from tqcheck.report import FORMATS, csv_report, html, json_report, junit, markdown, sarif
from tqcheck.result import Report, gate

NEW = ("html", "markdown", "junit", "sarif", "csv")
# Every severity shows up: omission/untranslated error, addition warning, low-score info.
OPTS = CheckOptions(src_lang="en", tgt_lang="es", cache=False,
                    severities={"low-score": "info", "addition": "warning"})
SCRIPT = "<script>document.title='pwned'</script>"


def make_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The sample article with a paragraph dropped and one left in English."""
    en = (CORPORA / "sample" / "article.en.md").read_text(encoding="utf-8").split("\n\n")
    es = (CORPORA / "sample" / "article.es.md").read_text(encoding="utf-8").split("\n\n")
    es = es[:2] + es[3:]
    es[3] = en[4]
    src, tgt = tmp_path / "article.en.md", tmp_path / "article.es.md"
    src.write_text("\n\n".join(en), encoding="utf-8")
    tgt.write_text("\n\n".join(es), encoding="utf-8")
    return src, tgt


def make_script_pair(tmp_path: Path) -> tuple[Path, Path]:
    # Plain text: the Markdown reader would drop raw HTML before it reached the report.
    src, tgt = tmp_path / "script.en.txt", tmp_path / "script.es.txt"
    src.write_text("The first paragraph talks about cats and dogs.\n\n"
                   f"The second paragraph has {SCRIPT} in it, from 2019.\n\n"
                   "The third paragraph is short but complete.\n", encoding="utf-8")
    tgt.write_text("El primer párrafo habla de gatos y perros.\n\n"
                   f"El segundo párrafo tiene {SCRIPT} dentro, de 2018.\n\n"
                   "El tercer párrafo es corto pero completo.\n", encoding="utf-8")
    return src, tgt


def pipeline_report(src: Path, tgt: Path) -> Report:
    return check_pair(src, tgt, OPTS, engine=ReversingEngine())


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    return pipeline_report(*make_pair(tmp_path_factory.mktemp("pair")))


@pytest.fixture(scope="module")
def data(report) -> dict:
    return json_report.to_dict(report, gate(report))


def test_report_has_every_severity(report):
    assert {f.severity for _, f in report.findings} == set(Severity)
    assert {"omission", "untranslated", "addition", "low-score"} <= {f.check for _, f in report.findings}


def test_formats_registered_with_suffixes():
    assert {"terminal", "json", *NEW} <= set(FORMATS)
    assert {fmt: SUFFIX[fmt] for fmt in NEW} == {"html": "html", "markdown": "md", "junit": "xml",
                                                 "sarif": "sarif", "csv": "csv"}


@pytest.mark.parametrize("fmt", NEW)
def test_every_writer_works_without_a_gate(report, fmt):
    assert FORMATS[fmt](report, None)


def test_csv_one_row_per_unit(report, data):
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report, gate(report)))))
    assert tuple(rows[0]) == csv_report.HEADER
    assert len(rows) == len(data["units"])
    for row, unit in zip(rows, data["units"]):
        assert int(row["unit"]) == unit["index"] and row["kind"] == unit["kind"]
        assert row["translation"] == unit["translation"]["text"]
        assert row["source_lines"] == ";".join(map(str, unit["source"]["lines"]))
        assert row["findings"] == ";".join(f["check"] for f in unit["findings"])
        assert (row["chrf"] == "") == (unit["scores"]["chrf"] is None)


def test_junit_one_case_per_check_and_failures_match(report, data):
    verdict = gate(report)
    root = ET.fromstring(junit.render(report, verdict))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("name") == f"tqcheck: {report.translation.path}"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {*CHECKS, "article-chrf"}
    assert all(c.get("classname") == report.translation.path for c in cases.values())
    findings = [(f["check"], f["severity"]) for u in data["units"] for f in u["findings"]]
    failing = {c for c, s in findings if s != "info"}
    for cid in CHECKS:
        failure = cases[cid].find("failure")
        assert (failure is not None) == (cid in failing), cid
        if failure is not None:
            assert failure.get("type") == cid
            assert len(failure.text.strip().splitlines()) == sum(1 for c, s in findings if c == cid and s != "info")
    infos = [c for c, s in findings if s == "info"]
    assert len(cases["low-score"].find("system-out").text.strip().splitlines()) == len(infos)
    assert (cases["article-chrf"].find("failure") is not None) == (not verdict.passed)
    expected = len(failing) + (not verdict.passed)
    assert suite.get("tests") == root.get("tests") == str(len(CHECKS) + 1)
    assert suite.get("failures") == root.get("failures") == str(expected)


def test_junit_drops_characters_xml_cannot_carry(report):
    u = report.units[0]
    bad = replace(u, findings=(Finding("numbers", Severity.ERROR, "odd \x0b char \x00 here"),))
    root = ET.fromstring(junit.render(replace(report, units=(bad,)), None))
    assert "odd \ufffd char \ufffd here" in root.find(".//failure").text


def test_sarif_structure_and_results(report, data):
    doc = json.loads(sarif.render(report, gate(report)))
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tqcheck" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(CHECKS)
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "defaultConfiguration"} <= set(rule)
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    results = run["results"]
    findings = [f for u in data["units"] for f in u["findings"]]
    assert len(results) == len(findings)
    level = {"error": "error", "warning": "warning", "info": "note"}
    for res, f in zip(results, findings):
        assert {"ruleId", "level", "message", "locations", "partialFingerprints"} <= set(res)
        assert res["ruleId"] == f["check"] and res["level"] == level[f["severity"]]
        assert res["message"]["text"] == f["message"]
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == report.translation.path
        assert isinstance(loc["region"]["startLine"], int) and loc["region"]["startLine"] >= 1
    expected = [fingerprint(u, f) for u, f in report.findings]
    assert [r["partialFingerprints"]["tqcheck/v1"] for r in results] == expected


def test_sarif_omission_anchored_after_preceding_translation(report):
    results = json.loads(sarif.render(report, None))["runs"][0]["results"]
    last = 1
    checked = 0
    for (unit, f), res in zip(report.findings, results):
        last = unit.target[0].line if unit.target else last
        if f.check == "omission":
            assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == last
            related = res["relatedLocations"][0]["physicalLocation"]
            assert related["artifactLocation"]["uri"] == report.source.path
            assert related["region"]["startLine"] == unit.source[0].line
            checked += 1
    assert checked


def test_markdown_summary(report):
    verdict = gate(report)
    md = markdown.render(report, verdict)
    lines = md.splitlines()
    assert lines[0].startswith("### ") and ("failed" if not verdict.passed else "passed") in lines[0]
    assert f"chrF {report.scores.chrf:.1f}" in md and "BLEU" in md and "en → es" in md and "fake" in md
    rows = [ln for ln in lines if ln.startswith("| ") and not ln.startswith("| Line")]
    assert len(rows) == min(10, len(report.findings))
    severities = [r.split(" | ")[2] for r in rows]
    assert severities == sorted(severities, key=lambda s: -Severity(s).rank)  # errors first
    assert "--format html" in md


def test_markdown_caps_rows_and_escapes_cells(report):
    unit = report.units[0]
    many = tuple(Finding("numbers", Severity.WARNING, f"n{i} a|b\nc") for i in range(12))
    many += (Finding("omission", Severity.ERROR, "the worst"),)
    md = markdown.render(replace(report, units=(replace(unit, findings=many),)), None)
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and not ln.startswith("| Line")]
    assert len(rows) == 10
    assert "the worst" in rows[0]
    assert "…and 3 more" in md
    assert r"n0 a\|b c" in md and all(r.count(" | ") == 3 for r in rows)
    assert markdown.cell("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_html_summary_table_and_filters(report, data):
    page = html.render(report, gate(report))
    assert page.startswith("<!DOCTYPE html>")
    assert f"{report.scores.chrf:.1f}" in page and "95% CI" in page and "BLEU" in page and "TER" in page
    assert html.esc(report.signature) in page and "FAILED" in page
    assert page.count('<tr id="u') == len(data["units"])
    assert page.count('<rect class="bar') == len(data["units"])
    for check in {f["check"] for u in data["units"] for f in u["findings"]}:
        assert f'name="check" value="{check}"' in page
    for sev in Severity:
        assert f'name="severity" value="{sev.value}"' in page
    assert 'name="only-flagged"' in page
    assert page.count('<li class="finding"') == sum(len(u["findings"]) for u in data["units"])
    # Self-contained: nothing is fetched, and only our own script exists.
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert page.count("<script") == 1


def test_html_marks_evidence_spans(report):
    page = html.render(report, None)
    omitted = next(u for u, f in report.findings if f.check == "omission")
    assert f"<mark>{html.esc(omitted.source[0].text)}</mark>" in page


def test_highlight_merges_and_escapes():
    assert html.highlight("a <b> c", [(2, 5), (3, 7)]) == "a <mark>&lt;b&gt; c</mark>"
    assert html.highlight("x & y", []) == "x &amp; y"


def test_html_escapes_article_text(tmp_path):
    rep = pipeline_report(*make_script_pair(tmp_path))
    assert any(SCRIPT in u.target_text for u in rep.units)
    page = html.render(rep, gate(rep))
    assert "<script>document.title" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert page.count("<script") == 1


@needs_apertium
@pytest.mark.apertium
def test_cli_writes_html_and_sarif(tmp_path):
    (tmp_path / "a.en.md").write_text((ROOT / "corpora/sample/article.en.md").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    paras = (ROOT / "corpora/sample/article.es.md").read_text(encoding="utf-8").split("\n\n")
    del paras[3]  # an omission, so SARIF has a result to locate
    (tmp_path / "a.es.md").write_text("\n\n".join(paras), encoding="utf-8")
    r = run_cli("check", "a.en.md", "a.es.md", "--engine", "apertium", "--no-cache", "-q",
                "-f", "html", "-o", "r.html", "-f", "sarif", "-o", "r.sarif", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "FAILED" in (tmp_path / "r.html").read_text(encoding="utf-8")
    doc = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    results = doc["runs"][0]["results"]
    assert [x["ruleId"] for x in results] == ["omission"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.es.md"
