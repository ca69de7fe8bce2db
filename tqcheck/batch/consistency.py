"""Consistency across the articles of a batch: the same source segment translated two
ways in two articles, or one translation given to two different sources.

Runs after every article is checked, from their JSON reports, so it spans the whole run
(resumed articles included) and names both files and lines. Written to
consistency.json and counted in the summary.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqcheck.batch.run import ArticleResult
from tqcheck.consistency import Conflict, Segment, conflicts, message, unit_segments
from tqcheck.model import Severity
from tqcheck.segment import split_sentences

CHECK = "consistency"
FILE = "consistency.json"


def _segments(report: dict[str, Any]) -> list[Segment]:
    langs = report.get("languages", {})
    src_lang, tgt_lang = langs.get("source") or "en", langs.get("translation") or "en"
    path = report["translation"]["path"]
    rows = []
    for u in report.get("units", []):
        if u["kind"] != "1-1":
            continue
        s, t = u["source"], u["translation"]
        rows.append((u["index"], split_sentences(s["text"], src_lang), split_sentences(t["text"], tgt_lang),
                     s["lines"][0], t["lines"][0], s["text"], t["text"]))
    return unit_segments(rows, path)


def batch_conflicts(results: Sequence[ArticleResult]) -> list[Conflict]:
    """Conflicts between different articles (those within one are in its own report)."""
    segments: list[Segment] = []
    for r in sorted(results, key=lambda r: r.name):  # the same batch, the same findings
        report = next((p for p in r.reports if p.endswith(".json")), None)
        if r.status == "error" or report is None:
            continue
        try:
            segments += _segments(json.loads(Path(report).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, IndexError):
            continue  # a report that is gone or unreadable: that article simply takes no part
    return [c for c in conflicts(segments) if c.first.file != c.second.file]


def document(found: Sequence[Conflict]) -> dict[str, Any]:
    return {
        "check": CHECK,
        "findings": [{
            "severity": (Severity.WARNING if c.kind == "source-two-ways" else Severity.INFO).value,
            "kind": c.kind, "message": message(c), "first": c.first.where(), "second": c.second.where(),
        } for c in found],
    }


def markdown(doc: dict[str, Any], rows: int = 50) -> str:
    from tqcheck.report.markdown import cell

    items = doc["findings"]
    if not items:
        return ""
    lines = ["", f"#### Consistency across articles: {len(items)} finding(s)", "",
             "| Severity | First | Second | Finding |", "|---|---|---|---|"]
    for f in items[:rows]:
        a, b = f["first"], f["second"]
        lines.append(f"| {f['severity']} | {cell(a['file'])}:{a['line']} | {cell(b['file'])}:{b['line']} "
                     f"| {cell(f['message'])} |")
    if len(items) > rows:
        lines.append(f"\n…and {len(items) - rows} more in {FILE}.")
    return "\n".join(lines) + "\n"


def fails(doc: dict[str, Any], fail_on: Severity) -> bool:
    return any(Severity(f["severity"]).rank >= fail_on.rank for f in doc["findings"])
