"""The report's JSON writer (tqcheck/report/json_text.py) gives json.dumps's text exactly."""
from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from tqcheck.report.json_text import dumps


def reference(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True)


def test_a_real_report_with_word_alignments() -> None:
    # The golden report of tests/report/test_golden_cli.py: every field a report has,
    # the word layer's alignments included.
    report = json.loads((ROOT / "tests" / "golden" / "sample.json").read_text(encoding="utf-8"))
    assert any(u.get("words") for u in report["units"])
    assert dumps(report) == reference(report)


@pytest.mark.parametrize("obj", [
    {"b": 1, "a": [1.5, -0.0, 1e300, float("nan"), float("inf"), -float("inf"), True, False, None]},
    {"s": "é \u2028 \"q\" \\ \n \t \x00 中文 😀", "nested": [[], {}, [[]], {"z": {}}, (1, (2,))]},
    [10**30, -7, 0, True, 1.0, "1"],
    {"€": 1, "a": 2, "A": 3, "": 4},
    "text", 3, None, [], {},
])
def test_every_kind_of_value(obj: object) -> None:
    assert dumps(obj) == reference(obj)


@pytest.mark.parametrize("obj", [{1: "int key"}, {"a": {None: 1}}, [{2.5: "float key"}], {"x": [object()]}])
def test_what_it_does_not_know_goes_to_json(obj: object) -> None:
    try:
        expected = reference(obj)
    except TypeError:
        with pytest.raises(TypeError):
            dumps(obj)
    else:
        assert dumps(obj) == expected
