"""Stage 8: render a report. Writers are registered by format name."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.result import GateResult, Report

Writer = Callable[["Report", "GateResult | None"], str]


class _Writer:
    """A writer module's render(), imported on the first report in its format: the
    terminal writer pulls in rich, and `--help` or a JSON report need none of the others."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __call__(self, report: Report, verdict: GateResult | None = None) -> str:
        render: Writer = importlib.import_module(f"tqcheck.report.{self.module}").render
        return render(report, verdict)


FORMATS: dict[str, Writer] = {
    name: _Writer(module) for name, module in (
        ("terminal", "terminal"), ("json", "json_report"), ("html", "html"), ("markdown", "markdown"),
        ("junit", "junit"), ("sarif", "sarif"), ("csv", "csv_report"))
}
# The file suffix of each format: batch's report names, and how `-o FILE` alone is read.
SUFFIX: dict[str, str] = {"terminal": "txt", "json": "json", "html": "html", "markdown": "md",
                          "junit": "xml", "sarif": "sarif", "csv": "csv"}
