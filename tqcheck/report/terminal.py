"""The terminal report: what an editor reads first, drawn with rich."""
from __future__ import annotations

import io

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from tqcheck.languages import name
from tqcheck.model import AlignedUnit, Severity
from tqcheck.result import GateResult, Report

# Past this many units the table lists only the flagged ones; JSON always has them all.
FULL_TABLE_MAX_UNITS = 100
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_KIND = {"1-1": "", "1-0": "omitted", "0-1": "added", "1-2": "split", "2-1": "merged"}
# The check whose finding already says what the bead kind would ("omitted omission").
_SAID_BY = {"1-0": "omission", "0-1": "addition"}


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _lines(unit: AlignedUnit) -> tuple[str, str]:
    src = ",".join(str(p.line) for p in unit.source) or "-"
    tgt = ",".join(str(p.line) for p in unit.target) or "-"
    return src, tgt


def build(report: Report, gate: GateResult | None = None) -> Group:
    s = report.scores
    head = Text.assemble(
        ("Source      ", "dim"), f"{report.source.path}  {name(report.source.lang)}\n",
        ("Translation ", "dim"), f"{report.translation.path}  {name(report.translation.lang)}\n",
        ("Engine      ", "dim"), f"{report.engine.name} {report.engine.model} {report.engine.version}".rstrip(),
    )
    ter = "n/a" if s.ter is None else f"{s.ter:.1f}"
    counts = report.counts()
    summary = Text.assemble(
        ("Round trip  ", "dim"), (s.line(), "bold"), f"  TER {ter}\n" if s.chrf is not None else "\n",
        ("Passages    ", "dim"),
        f"{report.source.passages} source, {report.translation.passages} translation, "
        f"{len(report.units)} aligned units, {report.flagged_units} flagged\n",
        ("Findings    ", "dim"),
        (f"{counts['error']} error", _STYLE[Severity.ERROR] if counts["error"] else ""),
        f", {counts['warning']} warning, {counts['info']} info",
    )
    if report.checks_skipped:
        summary.append_text(Text.assemble(
            "\n", ("Not run     ", "dim"),
            "; ".join(f"{cid}: {why}" for cid, why in sorted(report.checks_skipped.items()))))
    parts: list[object] = [head, Text(""), summary, Text("")]
    for note in report.notes:
        parts.append(Text(f"Note        {note}", style="yellow"))
    if report.verdict and report.verdict not in report.notes:
        parts.append(Text(f"Verdict     {report.verdict}", style="dim"))
    if report.notes or report.verdict:
        parts.append(Text(""))
    full = len(report.units) <= FULL_TABLE_MAX_UNITS
    shown = [u for u in report.units if full or u.findings]
    if shown:
        parts.append(_table(shown, full))
    if not full:
        parts.append(Text(f"({len(report.units) - len(shown)} unflagged units not shown; "
                          "use --format json for all)", style="dim"))
    for unit in report.units:
        for f in unit.findings:
            src_line, tgt_line = _lines(unit)
            parts.append(Text.assemble(
                "\n", (f"{f.severity.value.upper():7}", _STYLE[f.severity]), f" {f.check}  ",
                (f"unit {unit.index} (source line {src_line}, translation line {tgt_line})", "dim"),
                f"\n        {f.message}",
            ))
            for label, text in (("source", unit.source_text), ("translation", unit.target_text),
                                ("back", unit.back_translation)):
                if text:
                    parts.append(Text(f"        {label:12}{_clip(text, 86)}", style="dim"))
    parts.append(Text(f"\nsignature: {report.signature}", style="dim", overflow="fold"))
    if gate is not None:
        verdict = Text("PASSED", style="bold green") if gate.passed else Text("FAILED", style="bold red")
        parts.append(Text.assemble("gate: ", verdict, ("  " + "; ".join(gate.reasons)) if gate.reasons else ""))
    return Group(*parts)


def _table(units: list[AlignedUnit], full: bool) -> Table:
    table = Table(title="Aligned passages" if full else "Flagged passages", title_justify="left",
                  show_edge=False, pad_edge=False, expand=True)
    table.add_column("#", justify="right")
    table.add_column("src:line", justify="right")
    table.add_column("tgt:line", justify="right")
    table.add_column("chrF", justify="right")
    table.add_column("risk", justify="right")
    table.add_column("source", no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column("flags", no_wrap=True)
    for u in units:
        src, tgt = _lines(u)
        chrf = "" if u.scores.chrf is None or not (u.source and u.target) else f"{u.scores.chrf:.0f}"
        checks = {f.check for f in u.findings}
        flags = ", ".join(sorted(checks))
        kind = "" if _SAID_BY.get(u.kind) in checks else _KIND.get(u.kind, u.kind)
        style = _STYLE[max((f.severity for f in u.findings), key=lambda s: s.rank)] if u.findings else ""
        text = escape(_clip(u.source_text or u.target_text, 200))
        risk = "" if u.risk is None else f"{u.risk:.2f}"
        table.add_row(str(u.index), src, tgt, chrf, risk, text, Text(" ".join(x for x in (kind, flags) if x), style=style))
    return table


def render(report: Report, gate: GateResult | None = None, *, width: int = 110,
           color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(width=width, file=buf, force_terminal=color, no_color=not color,
                      highlight=False)
    console.print(build(report, gate))
    return buf.getvalue()
