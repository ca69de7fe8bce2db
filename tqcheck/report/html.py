"""The HTML report: one self-contained file (inline CSS, SVG and a little JS, nothing
fetched) that an editor can open offline or attach to a ticket.

Every piece of article text goes through html.escape: articles are untrusted input and
the file is opened in a browser. The Content-Security-Policy also allows only our own
script (by hash), so even a missed escape could not run injected code.
"""
from __future__ import annotations

import base64
import hashlib
import html
from string import Template

from tqcheck.languages import name as lang_name
from tqcheck.report import html_words
from tqcheck.model import AlignedUnit, Finding, Severity
from tqcheck.result import GateResult, Report

CSS = """
:root { --err: #c62828; --warn: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #ddd; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.3rem; margin: 0 0 .8rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.summary dt { color: #666; } dl.summary dd { margin: 0; overflow-wrap: anywhere; }
.verdict.passed { color: var(--ok); font-weight: bold; } .verdict.failed { color: var(--err); font-weight: bold; }
figure.chart { margin: 0 0 1rem; display: grid; grid-template-columns: max-content 1fr; gap: 0 .4rem; }
.y-axis { display: flex; flex-direction: column; justify-content: space-between; height: 120px;
  font-size: .75rem; color: #666; text-align: right; }
.x-axis { grid-column: 2; display: flex; justify-content: space-between; font-size: .75rem; color: #666; }
figure.chart figcaption { grid-column: 2; font-size: .8rem; color: #444; margin-top: .3rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: -.1rem; margin: 0 .2rem 0 .8rem;
  border: 2px solid transparent; }
svg.chart { width: 100%; height: 120px; border: 1px solid var(--line); background: #fafafa; }
.grid { stroke: #ddd; stroke-width: 1; vector-effect: non-scaling-stroke; }
/* A clean unit is a filled grey bar: its height is its score. A flagged unit is a tinted
   column with a hollow bar, so a high score never makes it look good (an untranslated
   passage round-trips almost unchanged: chrF 97). */
.bar, .swatch.clean { fill: #90a4ae; background: #90a4ae; }
.band.error, .swatch.error { fill: var(--err); background: #f6d4d4; opacity: .18; }
.band.warning, .swatch.warning { fill: var(--warn); background: #f3e3c8; opacity: .18; }
.band.info, .swatch.info { fill: var(--info); background: #d3e2f5; opacity: .18; }
.swatch.error, .swatch.warning, .swatch.info { opacity: 1; }
.swatch.error { border-color: var(--err); } .swatch.warning { border-color: var(--warn); }
.swatch.info { border-color: var(--info); }
.bar.error, .bar.warning, .bar.info { fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
.bar.error { stroke: var(--err); } .bar.warning { stroke: var(--warn); } .bar.info { stroke: var(--info); }
.mean, .swatch.mean { stroke: #333; stroke-dasharray: 4 3; stroke-width: 1; vector-effect: non-scaling-stroke; }
.swatch.mean { height: 0; border: 0; border-top: 2px dashed #333; vertical-align: .2rem; }
form#filters { margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
fieldset { border: 1px solid var(--line); padding: .2rem .6rem; } label { margin-right: .6rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .4rem; vertical-align: top; text-align: left;
  white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f3f3f3; position: sticky; top: 0; }
th[data-sort] { cursor: pointer; text-decoration: underline dotted; } col.risk { width: 3.5rem; }
col.num { width: 3rem; } col.kind { width: 4.5rem; } col.lines { width: 5.5rem; } col.scores { width: 6.5rem; }
tr.flagged.error > td:first-child { border-left: 4px solid var(--err); }
tr.flagged.warning > td:first-child { border-left: 4px solid var(--warn); }
tr.flagged.info > td:first-child { border-left: 4px solid var(--info); }
mark { background: #ffe082; }
ul.findings { margin: 0; padding-left: 1rem; white-space: normal; }
.sev { font-size: .75rem; font-weight: bold; text-transform: uppercase; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.info { color: var(--info); }
.muted { color: #888; }
"""

# Filters only hide rows; without JS the report still shows everything.
JS = """
"use strict";
const form = document.getElementById("filters");
const rows = Array.from(document.querySelectorAll("tr.unit"));
function picked(name) {
  return new Set(Array.from(form.querySelectorAll(`input[name="${name}"]:checked`), (e) => e.value));
}
function apply() {
  const checks = picked("check"), sevs = picked("severity");
  const only = form.elements["only-flagged"].checked;
  let shown = 0;
  for (const row of rows) {
    let match = false;
    for (const li of row.querySelectorAll("li.finding")) {
      const ok = checks.has(li.dataset.check) && sevs.has(li.dataset.severity);
      li.hidden = !ok;
      match = match || ok;
    }
    row.hidden = row.classList.contains("flagged") ? !match : only;
    if (!row.hidden) shown += 1;
  }
  document.getElementById("shown").textContent = `${shown} of ${rows.length} units shown`;
}
form.addEventListener("change", apply);
apply();
// Sortable columns: click a header with data-sort to order the units by it (again: reverse).
const body = document.querySelector("table.units tbody");
for (const th of document.querySelectorAll("th[data-sort]")) {
  th.addEventListener("click", () => {
    const key = th.dataset.sort, dir = th.dataset.dir === "desc" ? 1 : -1;
    th.dataset.dir = dir === 1 ? "asc" : "desc";
    const value = (row) => parseFloat(row.dataset[key]);
    const sorted = rows.slice().sort((a, b) => ((value(a) || -1) - (value(b) || -1)) * dir);
    for (const row of sorted) body.appendChild(row);
  });
}
"""

JS += html_words.JS
CSS += html_words.CSS
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(JS.encode()).digest()).decode()
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
       "img-src data:; form-action 'none'; base-uri 'none'")

PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tqcheck">
<title>$title</title>
<style>$css</style>
</head>
<body>
<article>
<h1>$title</h1>
<dl class="summary">
$summary
</dl>
<h2>Round-trip chrF per unit</h2>
$chart
<form id="filters">
$filters
<label><input type="checkbox" name="only-flagged" value="1"> only flagged</label>
<span id="shown" class="muted"></span>
</form>
<table class="units">
<colgroup><col class="num"><col class="kind"><col class="lines"><col><col><col><col class="scores"><col class="risk"><col></colgroup>
<thead><tr><th data-sort="index">#</th><th>kind</th><th>lines<br>src / tgt</th><th>source</th><th>translation</th>
<th>back-translation</th><th data-sort="chrf">scores</th><th data-sort="risk" title="the verdict's risk that the unit is wrong; click to sort">risk</th><th>findings</th></tr></thead>
<tbody>
$rows
</tbody>
</table>
</article>
<script>$js</script>
</body>
</html>
""")

KINDS = {"1-1": "1-1", "1-0": "omitted", "0-1": "added", "1-2": "split", "2-1": "merged"}
# Shorter evidence strings (language codes, single digits) would match inside unrelated words.
MIN_NEEDLE = 4


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _worst(unit: AlignedUnit) -> str:
    if not unit.findings:
        return ""
    return max((f.severity for f in unit.findings), key=lambda s: s.rank).value


def _spans(text: str, findings: tuple[Finding, ...], offsets_key: str) -> list[tuple[int, int]]:
    """Character ranges of `text` that some finding's evidence points at."""
    out: list[tuple[int, int]] = []
    for f in findings:
        for key, value in f.evidence.items():
            if key == offsets_key and isinstance(value, list):
                out += [(int(v[0]), int(v[1])) for v in value
                        if isinstance(v, (list, tuple)) and len(v) == 2 and 0 <= v[0] < v[1] <= len(text)]
            elif isinstance(value, str) and len(value.strip()) >= MIN_NEEDLE:
                start = text.find(value)
                while start != -1:
                    out.append((start, start + len(value)))
                    start = text.find(value, start + len(value))
    return out


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escaped text with the (possibly overlapping) spans wrapped in <mark>."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [esc(text[pos:start]), "<mark>", esc(text[start:end]), "</mark>"]
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _summary(report: Report, gate: GateResult | None) -> str:
    s = report.scores
    counts = report.counts()
    engine = " ".join(x for x in (report.engine.name, report.engine.model, report.engine.version) if x)
    if gate is None:
        verdict = '<span class="muted">not gated</span>'
    else:
        word = "passed" if gate.passed else "failed"
        reasons = "; ".join(gate.reasons)
        verdict = f'<span class="verdict {word}">{word.upper()}</span>' + (f" — {esc(reasons)}" if reasons else "")
    items = [
        ("Source", f"{esc(report.source.path)} — {esc(lang_name(report.source.lang))}"),
        ("Translation", f"{esc(report.translation.path)} — {esc(lang_name(report.translation.lang))}"),
        ("Engine", esc(engine)),
        ("chrF", esc(s.line().split("  BLEU")[0])),
        ("BLEU", _fmt(s.bleu)),
        ("TER", _fmt(s.ter)),
        ("Units", f"{len(report.units)} aligned, {report.flagged_units} flagged"),
        ("Findings", f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info"),
        ("Gate", verdict),
        *(("Note", f'<strong class="sev warning">{esc(n)}</strong>') for n in report.notes),
        *((("Verdict", esc(report.verdict)),) if report.verdict and report.verdict not in report.notes else ()),
        ("Signature", f"<code>{esc(report.signature)}</code>"),
    ]
    return "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)


def _chart(report: Report) -> str:
    units, width, height = report.units, 10, 100
    marks = [f'<line class="grid" x1="0" x2="{max(1, len(units)) * width}" y1="{y}" y2="{y}"/>' for y in (25, 50, 75)]
    for i, u in enumerate(units):
        chrf = u.scores.chrf if u.source and u.target else None
        # An unscored unit (omission, addition) still gets a short stub so it can be seen.
        h = 4.0 if chrf is None else max(1.0, min(100.0, chrf))
        worst = _worst(u)
        label = f"unit {u.index}: " + ("no score" if chrf is None else f"chrF {chrf:.1f}")
        if worst:
            label += f"; {worst}: " + ", ".join(sorted({f.check for f in u.findings}))
            marks.append(f'<rect class="band {worst}" x="{i * width}" y="0" width="{width}" height="{height}"/>')
        cls = f"bar {worst}".rstrip()
        marks.append(f'<a href="#u{u.index}"><rect class="{cls}" x="{i * width + 1}" y="{height - h:.1f}" '
                     f'width="{width - 3}" height="{h:.1f}"><title>{esc(label)}</title></rect></a>')
    total = max(1, len(units)) * width
    if report.scores.chrf is not None:  # engine none: nothing was back-translated
        mean = height - report.scores.chrf
        marks.append(f'<line class="mean" x1="0" x2="{total}" y1="{mean:.1f}" y2="{mean:.1f}">'
                     f"<title>article chrF {report.scores.chrf:.1f}</title></line>")
    svg = (f'<svg class="chart" viewBox="0 0 {total} {height}" preserveAspectRatio="none" role="img" '
           f'aria-label="round-trip chrF (0 to 100) per aligned unit">{"".join(marks)}</svg>')
    last = max(0, len(units) - 1)
    return (
        '<figure class="chart">'
        '<div class="y-axis" aria-hidden="true"><span>100</span><span>50</span><span>0</span></div>'
        f"{svg}"
        f'<div class="x-axis"><span>unit 0</span><span>aligned unit → (chrF, higher is closer)</span>'
        f"<span>unit {last}</span></div>"
        "<figcaption>"
        '<span class="swatch clean"></span>no finding'
        '<span class="swatch error"></span>error'
        '<span class="swatch warning"></span>warning'
        '<span class="swatch info"></span>info'
        '<span class="swatch mean"></span>article chrF<br>'
        "Bar height: round-trip chrF. A flagged unit is a tinted column with a hollow bar whatever "
        "its score: text left untranslated comes back almost unchanged and scores high."
        "</figcaption></figure>"
    )


def _filters(report: Report) -> str:
    checks: dict[str, int] = {}
    for _, f in report.findings:
        checks[f.check] = checks.get(f.check, 0) + 1
    boxes = [f'<label><input type="checkbox" name="check" value="{esc(c)}" checked> {esc(c)} ({n})</label>'
             for c, n in sorted(checks.items())]
    sevs = [f'<label><input type="checkbox" name="severity" value="{s.value}" checked> '
            f'<span class="sev {s.value}">{s.value}</span></label>' for s in reversed(Severity)]
    return (f'<fieldset><legend>Checks</legend>{"".join(boxes) or "<span class=muted>no findings</span>"}'
            f'</fieldset>\n<fieldset><legend>Severity</legend>{"".join(sevs)}</fieldset>')


def _lines(ps: tuple) -> str:
    return ", ".join(str(p.line) for p in ps) or "–"


def _text(u: AlignedUnit, side: str, text: str, spans: list[tuple[int, int]]) -> str:
    words = html_words.word_cell(u, side, text, spans, highlight)
    return highlight(text, spans) if words is None else words


def _row(u: AlignedUnit) -> str:
    worst = _worst(u)
    cls = f"unit flagged {worst}" if worst else "unit"
    scores = "–" if not (u.source and u.target) else (
        f"chrF {_fmt(u.scores.chrf)}<br>BLEU {_fmt(u.scores.bleu)}<br>TER {_fmt(u.scores.ter)}")
    findings = "".join(
        f'<li class="finding" data-check="{esc(f.check)}" data-severity="{f.severity.value}">'
        f'<span class="sev {f.severity.value}">{f.severity.value}</span> <code>{esc(f.check)}</code> '
        f"{esc(f.message)}</li>" for f in u.findings)
    src, tgt = u.source_text, u.target_text
    cells = [
        f'<a href="#u{u.index}">{u.index}</a>', esc(KINDS.get(u.kind, u.kind)),
        f"{_lines(u.source)} / {_lines(u.target)}",
        _text(u, "s", src, _spans(src, u.findings, "source_spans")),
        _text(u, "t", tgt, _spans(tgt, u.findings, "target_spans")),
        esc(u.back_translation), scores, "–" if u.risk is None else f"{u.risk:.2f}",
        f'<ul class="findings">{findings}</ul>' if findings else "",
    ]
    data = (f' data-index="{u.index}" data-chrf="{_fmt(u.scores.chrf) if u.source and u.target else ""}"'
            f' data-risk="{"" if u.risk is None else u.risk}"')
    return f'<tr id="u{u.index}" class="{cls}"{data}>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def render(report: Report, gate: GateResult | None = None) -> str:
    return PAGE.substitute(
        csp=esc(CSP), title=esc(f"tqcheck: {report.translation.path}"), css=CSS, js=JS,
        summary=_summary(report, gate), chart=_chart(report), filters=_filters(report),
        rows="\n".join(_row(u) for u in report.units),
    )
