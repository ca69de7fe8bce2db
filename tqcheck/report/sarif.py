"""The SARIF 2.1.0 report: findings as code-scanning alerts on the translation file."""
from __future__ import annotations

import json
from typing import Any

import tqcheck.checks  # noqa: F401  (fills the registry)
from tqcheck import __version__
from tqcheck.baseline import fingerprint
from tqcheck.checks.base import CHECKS
from tqcheck.model import AlignedUnit, Severity
from tqcheck.result import GateResult, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The project has no homepage yet; SARIF viewers link the tool name to this.
INFORMATION_URI = "https://pypi.org/project/tqcheck/"
FINGERPRINT_KEY = "tqcheck/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _location(uri: str, line: int) -> dict[str, Any]:
    # SARIF lines are 1-based and a viewer rejects 0; a passage read from stdin may have no line.
    return {"physicalLocation": {"artifactLocation": {"uri": uri},
                                 "region": {"startLine": max(1, line)}}}


def _rules() -> list[dict[str, Any]]:
    return [{
        "id": cid,
        "name": cls.__name__,
        "shortDescription": {"text": cls.title or cid},
        "fullDescription": {"text": cls.description or cls.title or cid},
        "defaultConfiguration": {"level": LEVEL[cls.severity]},
    } for cid, cls in CHECKS.items()]


def _results(report: Report, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    last_line = 1  # where an omission is anchored: just after the translation it fell out of
    for unit in report.units:
        if unit.target:
            last_line = unit.target[0].line
        for f in unit.findings:
            result: dict[str, Any] = {
                "ruleId": f.check,
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [_location(report.translation.path, last_line)],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(unit, f)},
                "properties": _properties(unit, f.evidence),
            }
            if f.check in rule_index:
                result["ruleIndex"] = rule_index[f.check]
            if unit.source:
                related = _location(report.source.path, unit.source[0].line)
                related["id"] = 1
                related["message"] = {"text": "source passage"}
                result["relatedLocations"] = [related]
            out.append(result)
    return out


def _properties(unit: AlignedUnit, evidence: dict[str, object]) -> dict[str, Any]:
    # Round-trip through JSON so a non-JSON evidence value cannot break the whole file.
    return {"unit": unit.index, "alignment": unit.kind, "chrf": unit.scores.chrf,
            "evidence": json.loads(json.dumps(evidence, default=str))}


def to_sarif(report: Report, gate: GateResult | None = None) -> dict[str, Any]:
    rules = _rules()
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    s = report.scores
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "results": _results(report, rule_index),
        "invocations": [{"executionSuccessful": True}],
        "properties": {
            "signature": report.signature,
            "languages": {"source": report.source.lang, "translation": report.translation.lang},
            "engine": {"name": report.engine.name, "model": report.engine.model,
                       "version": report.engine.version},
            "chrf": s.chrf, "chrf_ci95": None if s.chrf_ci is None else list(s.chrf_ci), "bleu": s.bleu, "ter": s.ter,
            "gate": None if gate is None else {"passed": gate.passed, "reasons": list(gate.reasons)},
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, gate: GateResult | None = None) -> str:
    return json.dumps(to_sarif(report, gate), ensure_ascii=False, indent=2) + "\n"
