"""The Markdown report: a short summary sized for a pull-request comment."""
from __future__ import annotations

import html

from tqcheck.model import AlignedUnit, Finding
from tqcheck.result import GateResult, Report

# A PR comment is read at a glance; the full list belongs in the HTML or JSON report.
MAX_ROWS = 10


def cell(text: str) -> str:
    """Make text safe inside a GitHub table cell: one line, no column breaks, no raw HTML."""
    text = " ".join(str(text).split())
    return html.escape(text, quote=False).replace("|", "\\|")


def _where(unit: AlignedUnit) -> str:
    if unit.target:
        return str(unit.target[0].line)
    return f"source {unit.source[0].line}" if unit.source else "-"


def _verdict(report: Report, gate: GateResult | None) -> str:
    if gate is None:
        n = sum(report.counts().values())
        return f"checked, {n} finding{'s' if n != 1 else ''}"
    return "passed" if gate.passed else "failed"


def render(report: Report, gate: GateResult | None = None) -> str:
    s = report.scores
    icon = "" if gate is None else ("✅ " if gate.passed else "❌ ")
    ter = "n/a" if s.ter is None else f"{s.ter:.1f}"
    engine = " ".join(x for x in (report.engine.name, report.engine.model, report.engine.version) if x)
    counts = report.counts()
    lines = [
        f"### {icon}tqcheck {_verdict(report, gate)}: {cell(report.translation.path)}",
        "",
        (f"**chrF {s.chrf:.1f}** (95% CI {s.chrf_ci[0]:.1f}–{s.chrf_ci[1]:.1f}) · BLEU {s.bleu:.1f} · "
         if s.chrf is not None and s.chrf_ci is not None else f"{s.line()} · ")
        + f"TER {ter} · {cell(report.source.lang)} → {cell(report.translation.lang)} · engine {cell(engine)}",
        "",
        f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info in "
        f"{len(report.units)} aligned units ({report.flagged_units} flagged)",
    ]
    if gate is not None and gate.reasons:
        lines += ["", *(f"- {cell(r)}" for r in gate.reasons)]
    if report.notes:
        lines += ["", *(f"> ⚠️ {cell(n)}" for n in report.notes)]
    ranked: list[tuple[AlignedUnit, Finding]] = sorted(
        report.findings, key=lambda uf: (-uf[1].severity.rank, uf[0].index))
    if ranked:
        lines += ["", "| Line | Check | Severity | Message |", "|---:|---|---|---|"]
        for unit, f in ranked[:MAX_ROWS]:
            lines.append(f"| {cell(_where(unit))} | {cell(f.check)} | {f.severity.value} | {cell(f.message)} |")
        if len(ranked) > MAX_ROWS:
            lines += ["", f"…and {len(ranked) - MAX_ROWS} more."]
    lines += ["", "Full report: run with `--format html`.", ""]
    return "\n".join(lines)
