"""The CSV report: one row per aligned unit, for spreadsheets and pandas."""
from __future__ import annotations

import csv
import io

from tqcheck.report.json_report import to_dict
from tqcheck.result import GateResult, Report

HEADER = ("unit", "kind", "source_lines", "translation_lines", "source", "translation",
          "back_translation", "chrf", "bleu", "ter", "findings", "source_file", "translation_file")


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def render(report: Report, gate: GateResult | None = None) -> str:
    buf = io.StringIO()
    # "\n" rather than csv's default "\r\n": the CLI writes text files, and Python would
    # otherwise turn nothing into "\r\r\n" on Windows.
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    data = to_dict(report, gate)
    files = [data["source"]["path"], data["translation"]["path"]]
    for u in data["units"]:
        writer.writerow([
            u["index"], u["kind"],
            ";".join(str(n) for n in u["source"]["lines"]),
            ";".join(str(n) for n in u["translation"]["lines"]),
            u["source"]["text"], u["translation"]["text"], u["back_translation"],
            _num(u["scores"]["chrf"]), _num(u["scores"]["bleu"]), _num(u["scores"]["ter"]),
            ";".join(f["check"] for f in u["findings"]), *files,
        ])
    return buf.getvalue()
