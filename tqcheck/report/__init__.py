"""Stage 8: render a report. Writers are registered by format name."""
from __future__ import annotations

from collections.abc import Callable

from tqcheck.report import csv_report, html, json_report, junit, markdown, sarif, terminal
from tqcheck.result import GateResult, Report

Writer = Callable[[Report, "GateResult | None"], str]

FORMATS: dict[str, Writer] = {
    "terminal": terminal.render,
    "json": json_report.render,
    "html": html.render,
    "markdown": markdown.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "csv": csv_report.render,
}
# The file suffix of each format: batch's report names, and how `-o FILE` alone is read.
SUFFIX: dict[str, str] = {"terminal": "txt", "json": "json", "html": "html", "markdown": "md",
                          "junit": "xml", "sarif": "sarif", "csv": "csv"}
