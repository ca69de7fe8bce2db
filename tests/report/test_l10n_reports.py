"""SARIF and JUnit carry the engine-free localisation checks: a rule and a result per
check in SARIF at the translation's line, a test case per check in JUnit."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from tests.conftest import run_cli

EN = ("Press <b>Save</b> to keep {count} files.\n\nThe tax rose again this year, officials said.\n\n"
      "Press the red button to stop the machine.\n\nThen press the red button to stop the machine.\n\n"
      "Press the red button to stop the machine.\n")
ES = ("Pulse <b>Guardar</b> para conservar los archivos.\n\nLa tasa volvió a subir este año, dijeron los "
      "funcionarios.\n\nPulse el botón rojo para detener la máquina.\n\nLuego pulse el botón rojo para detener "
      "la máquina.\n\nPresione el botón rojo para parar la máqina.\n")
CHECKS = {"placeholders", "key-term", "consistency", "spelling"}


def test_sarif_and_junit_carry_the_new_checks(tmp_path):
    (tmp_path / "a.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "a.es.md").write_text(ES, encoding="utf-8")
    (tmp_path / "g.tsv").write_text("source\ttarget\tforbidden\ntax\timpuesto\ttasa\n", encoding="utf-8")
    r = run_cli("check", str(tmp_path / "a.en.md"), str(tmp_path / "a.es.md"), "--engine", "none",
                "--glossary", str(tmp_path / "g.tsv"), "--no-cache", "-f", "sarif", "-o", str(tmp_path / "r.sarif"),
                "-f", "junit", "-o", str(tmp_path / "r.xml"))
    assert r.returncode == 1, r.stderr
    run = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    results = {(res["ruleId"], res["locations"][0]["physicalLocation"]["region"]["startLine"])
               for res in run["results"]}
    assert CHECKS <= rules
    assert {("placeholders", 1), ("key-term", 3), ("consistency", 9), ("spelling", 9)} <= results
    cases = {c.get("name") for c in ET.parse(tmp_path / "r.xml").getroot().iter("testcase")}
    assert CHECKS <= cases
