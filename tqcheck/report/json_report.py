"""The JSON report: a versioned envelope with sorted keys (a contract test pins the keys)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.errors import InputError
from tqcheck.model import AlignedUnit, Finding, Passage, Severity
from tqcheck.result import GateResult, Report, Side

# 2 added "checks" (which ran, which were skipped and why); 3 added "words" per unit (the
# word alignment, or null). Readers accept every version listed: a newer report only
# adds keys.
REPORT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)


def to_dict(report: Report, gate: GateResult | None = None) -> dict[str, Any]:
    s = report.scores
    return {
        "tqcheck_report_version": REPORT_VERSION,
        "tool": {"name": "tqcheck", "version": __version__},
        "signature": report.signature,
        "languages": {"source": report.source.lang, "translation": report.translation.lang},
        "source": _side(report.source),
        "translation": _side(report.translation),
        "engine": {"name": report.engine.name, "model": report.engine.model,
                   "version": report.engine.version},
        "thresholds": dict(report.thresholds),
        "calibration": report.calibration,
        "verdict": report.verdict,
        "notes": list(report.notes),
        "checks": {"ran": list(report.checks_ran), "skipped": dict(report.checks_skipped)},
        "summary": {
            "chrf": s.chrf,
            "chrf_ci95": None if s.chrf_ci is None else list(s.chrf_ci),
            "bleu": s.bleu,
            "ter": s.ter,
            "units": len(report.units),
            "flagged_units": report.flagged_units,
            "findings": report.counts(),
            "alignment": report.alignment_counts(),
            "metric_signatures": dict(s.signatures),
            "gate": None if gate is None else {
                "passed": gate.passed, "reasons": list(gate.reasons), "new": gate.new,
                "known": gate.known, "suppressed": gate.suppressed, "fixed": gate.fixed},
        },
        "units": [_unit(u) for u in report.units],
        "timings": dict(report.timings),
        "cache": dict(report.cache),
    }


def _side(side: Side) -> dict[str, Any]:
    return {"path": side.path, "lang": side.lang, "encoding": side.encoding,
            "format": side.format, "passages": side.passages, "sentences": side.sentences}


def _passages(ps: tuple[Passage, ...]) -> dict[str, Any]:
    return {
        "text": "\n".join(p.text for p in ps),
        "lines": [p.line for p in ps],
        "passages": [p.index for p in ps],
        "languages": [p.lang for p in ps],
    }


def _unit(u: AlignedUnit) -> dict[str, Any]:
    return {
        "index": u.index,
        "kind": u.kind,
        "source": _passages(u.source),
        "translation": _passages(u.target),
        "back_translation": u.back_translation,
        "scores": {"chrf": u.scores.chrf, "bleu": u.scores.bleu, "ter": u.scores.ter},
        "risk": u.risk,
        "findings": [_finding(f) for f in u.findings],
        "words": u.words.to_dict() if hasattr(u.words, "to_dict") else None,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {"check": f.check, "severity": f.severity.value, "message": f.message,
            "evidence": dict(f.evidence)}


def render(report: Report, gate: GateResult | None = None) -> str:
    from tqcheck.report.json_text import dumps

    return dumps(to_dict(report, gate)) + "\n"


def findings_from_json(path: Path) -> list[tuple[str, AlignedUnit, Finding]]:
    """(translation path, unit, finding) from a JSON report, enough to fingerprint them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data["tqcheck_report_version"]
        units = data["units"]
        where = data["translation"]["path"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a tqcheck JSON report ({exc})") from exc
    if version not in READABLE_VERSIONS:
        raise InputError(f"{path}: report version {version}; this tqcheck reads "
                         f"{', '.join(map(str, READABLE_VERSIONS))}")
    out = []
    for u in units:
        src = tuple(Passage(i, t, 0) for i, t in enumerate(u["source"]["text"].split("\n")) if t)
        tgt = tuple(Passage(i, t, 0) for i, t in enumerate(u["translation"]["text"].split("\n")) if t)
        unit = AlignedUnit(u["index"], u["kind"], src, tgt, u["back_translation"])
        for f in u["findings"]:
            out.append((where, unit, Finding(f["check"], Severity(f["severity"]), f["message"], f["evidence"])))
    return out
