"""Consistency spans the articles of a batch: one source sentence translated two ways in
two articles is reported with both files and lines."""
from __future__ import annotations

import json

from tests.conftest import run_cli

ONE_EN = "# Storm hits the coast\n\nAnyone with information is asked to call the police on 101.\n\nThe storm closed 12 roads.\n"
ONE_ES = ("# La tormenta azota la costa\n\nSe pide a cualquier persona con información que llame a la policía "
          "al 101.\n\nLa tormenta cerró 12 carreteras.\n")
TWO_EN = "# Fire in the city\n\nThe fire burned 3 houses.\n\nAnyone with information is asked to call the police on 101.\n"
TWO_ES = ("# Incendio en la ciudad\n\nEl incendio quemó 3 casas.\n\nQuien tenga información debe llamar a la "
          "policía al 101.\n")


def test_consistency_spans_two_articles(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("one.en.md", ONE_EN), ("one.es.md", ONE_ES), ("two.en.md", TWO_EN), ("two.es.md", TWO_ES)):
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("batch", str(src), "-O", str(out), "--engine", "none", "--no-cache", "-j", "1", "-q",
                "--fail-on", "warning")
    assert r.returncode == 1, r.stdout + r.stderr  # the cross-article finding fails the gate
    doc = json.loads((out / "consistency.json").read_text(encoding="utf-8"))
    (f,) = doc["findings"]
    assert f["kind"] == "source-two-ways" and f["severity"] == "warning"
    assert (f["first"]["file"].endswith("one.es.md"), f["first"]["line"]) == (True, 3)
    assert (f["second"]["file"].endswith("two.es.md"), f["second"]["line"]) == (True, 5)
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["consistency"] == 1
    assert "Consistency across articles" in (out / "summary.md").read_text(encoding="utf-8")
