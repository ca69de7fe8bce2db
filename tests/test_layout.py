"""The package layout stays easy to live in: no import cycles, names that do not read as
the same thing, no production state kept only for tests."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from tqcheck.cache.reports import code_files

PACKAGE = Path(__file__).resolve().parent.parent / "tqcheck"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """tqcheck modules `path` imports, at the top or inside functions."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        out.update(n for n in names if n in known)
    return out


def test_no_import_cycles():
    files = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {m: _imports(p, set(files)) - {m} for m, p in files.items()}
    # A package importing its own modules to register them is not a cycle worth a name.
    graph = {m: {d for d in deps if not (d.startswith(m + ".") and files[m].name == "__init__.py")}
             for m, deps in graph.items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d, stack + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    # Submodules import their package's __init__ implicitly; only module-to-module loops count.
    real = [c for c in cycles if not any(a.startswith(b + ".") or b.startswith(a + ".")
                                         for a, b in zip(c, c[1:]))]
    assert real == [], real


def test_no_two_siblings_read_as_the_same_thing():
    # model.py next to models.py (data types against Argos packages)
    confusable = []
    for folder in [PACKAGE, *(d for d in PACKAGE.rglob("*") if d.is_dir())]:
        names = {p.stem if p.is_file() else p.name for p in folder.iterdir()
                 if (p.suffix == ".py" or p.is_dir()) and p.name != "__pycache__"}
        confusable += [(folder.name, n, m) for n in names for m in names
                       if n != m and m == n + "s"]
    assert confusable == []


def test_no_counters_kept_for_tests():
    text = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}
    assert [p for p, t in text.items() if re.search(r"for tests( and benchmarks)?\b", t)] == []


def test_report_cache_fingerprints_the_whole_package():
    names = {p.relative_to(PACKAGE).as_posix() for p in code_files()}
    assert {"pipeline.py", "checks/numbers/compare.py", "calibration/apertium-en-es.json",
            "cache/reports.py"} <= names
