"""The JUnit XML report: one test case per check, so CI test tabs show what failed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import tqcheck.checks  # noqa: F401  (fills the registry)
from tqcheck.checks.base import CHECKS
from tqcheck.model import AlignedUnit, Finding, Severity
from tqcheck.result import GateResult, Report

GATE_CASE = "article-chrf"
# XML 1.0 cannot carry these at all, even escaped; ElementTree would write them anyway
# and the CI's parser would reject the whole file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(unit: AlignedUnit) -> str:
    if unit.target:
        return f"line {unit.target[0].line}"
    return f"source line {unit.source[0].line}" if unit.source else "no line"


def _listing(items: list[tuple[AlignedUnit, Finding]]) -> str:
    return "\n".join(f"{_line(u)}: [{f.severity.value}] {f.message}" for u, f in items) + "\n"


def render(report: Report, gate: GateResult | None = None) -> str:
    where = report.translation.path
    by_check: dict[str, list[tuple[AlignedUnit, Finding]]] = {cid: [] for cid in CHECKS}
    for unit, f in report.findings:
        # A finding from a check registered after import (a plugin) still gets its own case.
        by_check.setdefault(f.check, []).append((unit, f))
    suite = ET.Element("testsuite", name=f"tqcheck: {where}")
    total = report.timings.get("total")
    if total is not None:
        suite.set("time", f"{total:.3f}")
    props = ET.SubElement(suite, "properties")
    s = report.scores
    scored = () if s.chrf is None or s.chrf_ci is None or s.bleu is None else (
        ("chrf", f"{s.chrf:.2f}"), ("chrf_ci95", f"{s.chrf_ci[0]:.2f}-{s.chrf_ci[1]:.2f}"),
        ("bleu", f"{s.bleu:.2f}"))
    for key, value in (("signature", report.signature), *scored,
                       ("source", report.source.path), ("engine", report.engine.name)):
        ET.SubElement(props, "property", name=key, value=value)
    failures = 0
    for cid, items in by_check.items():
        case = ET.SubElement(suite, "testcase", classname=where, name=cid)
        bad = [(u, f) for u, f in items if f.severity.rank >= Severity.WARNING.rank]
        info = [(u, f) for u, f in items if f.severity.rank < Severity.WARNING.rank]
        if bad:
            failures += 1
            fail = ET.SubElement(case, "failure", type=cid,
                                 message=f"{len(bad)} finding{'s' if len(bad) != 1 else ''}: {bad[0][1].message}")
            fail.text = _listing(bad)
        if info:
            ET.SubElement(case, "system-out").text = _listing(info)
    case = ET.SubElement(suite, "testcase", classname=where, name=GATE_CASE)
    ET.SubElement(case, "system-out").text = (
        f"{s.line('-', ', ')}, "
        f"{len(report.units)} units, {report.flagged_units} flagged\n")
    if gate is not None and not gate.passed:
        failures += 1
        ET.SubElement(case, "failure", type="gate", message="; ".join(gate.reasons)).text = (
            "\n".join(gate.reasons) + "\n")
    tests = len(by_check) + 1
    for key, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0)):
        suite.set(key, str(value))
    root = ET.Element("testsuites", name="tqcheck", tests=str(tests), failures=str(failures), errors="0")
    root.append(suite)
    for el in root.iter():
        el.text = _x(el.text) if el.text else el.text
        for key, value in el.attrib.items():
            el.set(key, _x(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
