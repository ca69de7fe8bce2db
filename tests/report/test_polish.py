"""Report polish a new user asked for: the flag column says each thing once, and the
HTML chart has axes and a legend and never makes a flagged unit look like the best."""
from __future__ import annotations

import re

import pytest

from tests.report.test_writers import make_pair, pipeline_report
from tqcheck.report import html, terminal


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return pipeline_report(*make_pair(tmp_path_factory.mktemp("polish")))


def test_flag_column_does_not_repeat_the_bead_kind(report):
    omitted = [u for u in report.units if u.kind == "1-0"]
    assert omitted and any(f.check == "omission" for f in omitted[0].findings)
    text = terminal.render(report)
    assert "omitted omission" not in text and "added addition" not in text
    row = next(line for line in text.splitlines() if line.startswith(f"{omitted[0].index} "))
    assert row.rstrip().endswith("omission")


def test_html_chart_has_axes_legend_and_hollow_flagged_bars(report):
    page = html.render(report, None)
    chart = page[page.index('<figure class="chart">'):page.index("</figure>")]
    assert "<span>100</span><span>50</span><span>0</span>" in chart  # y axis
    assert "aligned unit" in chart and f"unit {len(report.units) - 1}" in chart  # x axis
    for label in ("no finding", "error", "warning", "info", "article chrF"):
        assert label in chart
    flagged = {u.index for u in report.units if u.findings}
    bars = re.findall(r'<a href="#u(\d+)"><rect class="([^"]+)"', chart)
    assert bars and all((cls == "bar") == (int(i) not in flagged) for i, cls in bars)
    # The filled grey bar (what reads as a good score) is for clean units only.
    css = html.CSS
    assert ".bar.error, .bar.warning, .bar.info { fill: none;" in css
    assert chart.count('class="band ') == len(flagged)
