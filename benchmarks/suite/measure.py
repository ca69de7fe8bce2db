"""The measures, per direction, clean kind (human, mt) and error kind, before (checks
alone) and after (with the verdict), from one run over the same units:

- recall: perturbed units flagged (a finding at warning or error; information is not a
  flag) at the operating point;
- preference accuracy: the perturbed unit ranked riskier than its own clean copy (ties
  count half). Checks alone rank by their most severe finding, then by round-trip chrF;
  the verdict ranks by its risk;
- false flags per 100 clean units;
- recall@2: perturbed units whose risk is above the risk of all but 2% of the clean
  units of the same direction and kind (the issue's "flagged at ≤ 2 false flags per 100").
"""
from __future__ import annotations

from collections import defaultdict

from tqcheck.verdict.perturb import KINDS

SEVERITY = {"info": 1, "warning": 2, "error": 3}


def risk_before(u) -> float:  # type: ignore[no-untyped-def]
    worst = max((SEVERITY[f.severity.value] for f in u.before), default=0)
    chrf = u.checked.scores.chrf if u.checked and u.checked.scores.chrf is not None else 0.0
    return worst + (100.0 - chrf) / 1000.0


def risk_after(u) -> float:  # type: ignore[no-untyped-def]
    r = u.checked.risk if u.checked is not None else None
    return risk_before(u) if r is None else float(r)


def flagged_before(u) -> bool:  # type: ignore[no-untyped-def]
    return any(f.severity.value != "info" for f in u.before)


def flagged_after(u) -> bool:  # type: ignore[no-untyped-def]
    return any(f.severity.value != "info" for f in u.checked.findings)


def _prefer(a: float, b: float) -> float:
    return 1.0 if a > b else 0.5 if a == b else 0.0


def _cut(clean_risks: list[float], rate: float = 0.02) -> float:
    """The lowest risk that flags at most `rate` of the clean units."""
    ranked = sorted(clean_risks, reverse=True)
    k = int(rate * len(ranked))
    return ranked[k] if k < len(ranked) else float("-inf")


def measure(units: list) -> dict:  # type: ignore[type-arg]
    clean = {u.key: u for u in units if u.kind == "clean"}
    groups: dict[tuple[str, str], list] = defaultdict(list)  # type: ignore[type-arg]
    for u in units:
        groups[(u.direction, u.clean)].append(u)
    out: dict = {}
    for (direction, ckind), members in sorted(groups.items()):
        cl = [u for u in members if u.kind == "clean"]
        cut = {"before": _cut([risk_before(u) for u in cl]), "after": _cut([risk_after(u) for u in cl])}
        rows: dict[str, dict] = {}
        by_kind: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
        for u in members:
            if u.kind != "clean" and u.key in clean:
                by_kind[u.kind].append(u)
        for name in [k for k in KINDS if k in by_kind] + ["critical"]:
            us = by_kind[name] if name != "critical" else [u for k, v in by_kind.items() if KINDS[k].critical for u in v]
            if not us:
                continue
            row = {"cases": len(us), "category": KINDS[name].category if name in KINDS else "critical"}
            for side, risk, flagged in (("before", risk_before, flagged_before), ("after", risk_after, flagged_after)):
                row[f"recall_{side}"] = round(sum(map(flagged, us)) / len(us), 3)
                row[f"pref_{side}"] = round(sum(_prefer(risk(u), risk(clean[u.key])) for u in us) / len(us), 3)
                row[f"recall2_{side}"] = round(sum(risk(u) > cut[side] for u in us) / len(us), 3)
            rows[name] = row
        out[f"{direction}/{ckind}"] = {
            "clean_units": len(cl),
            "false_flags_per_100_before": round(100 * sum(map(flagged_before, cl)) / max(1, len(cl)), 2),
            "false_flags_per_100_after": round(100 * sum(map(flagged_after, cl)) / max(1, len(cl)), 2),
            "kinds": rows,
        }
    return out


def table(result: dict, header: str) -> str:
    lines = [header]
    for group, r in result.items():
        lines += ["", f"### {group}: {r['clean_units']} clean units; false flags / 100 clean: "
                      f"{r['false_flags_per_100_before']:.2f} before → {r['false_flags_per_100_after']:.2f} after",
                  "", "| kind | MQM | cases | recall before | recall after | pref. acc. before | pref. acc. after "
                      "| recall@2/100 before | recall@2/100 after |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, k in r["kinds"].items():
            bold = "**" if name == "critical" else ""
            lines.append(f"| {bold}{name}{bold} | {k['category']} | {k['cases']} | {k['recall_before']:.2f} | "
                         f"{k['recall_after']:.2f} | {k['pref_before']:.3f} | {k['pref_after']:.3f} | "
                         f"{k['recall2_before']:.2f} | {k['recall2_after']:.2f} |")
    return "\n".join(lines)
