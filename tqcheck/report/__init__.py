"""Stage 8: render a report. Writers are registered by format name."""
from __future__ import annotations

from collections.abc import Callable

from tqcheck.report import json_report, terminal
from tqcheck.result import GateResult, Report

Writer = Callable[[Report, "GateResult | None"], str]

FORMATS: dict[str, Writer] = {
    "terminal": terminal.render,
    "json": json_report.render,
}
