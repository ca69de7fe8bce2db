"""The documented CI integrations run for real: the pre-commit hook's command and the
tqcheck steps of docs/ci/github-actions.yml, on real article pairs with Apertium.

Nothing here re-types the commands: they are read from the two YAML files, so a
renamed option or a broken shell line in the docs fails these tests."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import CORPORA, ROOT, needs_apertium

pytestmark = [needs_apertium, pytest.mark.apertium]

BIN = Path(sys.executable).parent  # the venv's bin: its tqcheck is the one under test
NTREX = CORPORA / "ntrex" / "en-es"
# Pairs that pass the gate today (see tests/batch/test_batch_real.py for the others).
CLEAN = ["upi-176266", "nytimes-184837"]
# Steps that set the machine up; the test machine already is.
SETUP = re.compile(r"apt-get|pip install")


def env_for(tmp: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1",
            "TQCHECK_CACHE": str(tmp / "cache.sqlite3")}


def repo_with_pairs(tmp: Path, *, perturbed: bool = False) -> Path:
    """A working copy with translations/: clean NTREX pairs, and maybe one with a hole."""
    folder = tmp / "repo" / "translations"
    folder.mkdir(parents=True)
    for name in CLEAN:
        for lang in ("en", "es"):
            shutil.copyfile(NTREX / f"{name}.{lang}.md", folder / f"{name}.{lang}.md")
    if perturbed:
        shutil.copyfile(CORPORA / "sample" / "article.en.md", folder / "sample.en.md")
        write_without(folder / "sample.es.md", 3)
    return folder.parent


def write_without(path: Path, paragraph: int) -> None:
    paragraphs = (CORPORA / "sample" / "article.es.md").read_text(encoding="utf-8").split("\n\n")
    del paragraphs[paragraph]
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")


# pre-commit ------------------------------------------------------------------------------

def hook(hook_id: str) -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == hook_id)


def test_the_hook_is_well_formed():
    h = hook("tqcheck")
    assert {"id", "name", "entry", "language"} <= set(h)
    assert h["language"] == "python" and h["pass_filenames"] is False
    assert shlex.split(h["entry"])[:2] == ["tqcheck", "batch"]
    assert re.compile(h["files"]).search("translations/a.es.md")
    assert all(isinstance(a, str) for a in h["args"])  # pre-commit passes them verbatim


def run_hook(repo: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    h = hook("tqcheck")
    exe, *rest = shlex.split(h["entry"])
    return subprocess.run([str(BIN / exe), *rest, *h["args"]], cwd=repo, env=env_for(tmp),
                          capture_output=True, text=True, timeout=600)


def test_the_hook_passes_clean_translations(tmp_path):
    repo = repo_with_pairs(tmp_path)
    r = run_hook(repo, tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr == ""  # --quiet in the hook's args: pre-commit shows output only on failure


def test_the_hook_fails_on_a_perturbed_pair(tmp_path):
    repo = repo_with_pairs(tmp_path, perturbed=True)
    r = run_hook(repo, tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "sample" in r.stdout and "failed" in r.stdout


# GitHub Actions --------------------------------------------------------------------------

def workflow() -> dict:
    return yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))


def steps() -> list[dict]:
    [job] = workflow()["jobs"].values()
    return job["steps"]


def tqcheck_steps() -> list[dict]:
    return [s for s in steps() if "run" in s and "tqcheck" in s["run"] and not SETUP.search(s["run"])]


def test_the_workflow_uses_the_documented_pieces():
    wf = workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert wf["permissions"]["security-events"] == "write"
    uses = {s["uses"].split("@")[0]: s for s in steps() if "uses" in s}
    assert {"actions/checkout", "github/codeql-action/upload-sarif"} <= set(uses)
    installs = " ".join(s["run"] for s in steps() if "run" in s and SETUP.search(s["run"]))
    assert "apertium-eng-spa" in installs and "pip install" in installs
    batch = " ".join(s["run"] for s in tqcheck_steps() if "tqcheck batch" in s["run"])
    for fmt in ("json", "sarif", "junit", "markdown"):
        assert f"-f {fmt}" in batch
    assert "--engine apertium" in batch
    assert any("$GITHUB_STEP_SUMMARY" in s["run"] for s in tqcheck_steps())
    assert any("--baseline" in s["run"] for s in tqcheck_steps())
    sarif = uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"]
    assert any(sarif in s["run"] for s in tqcheck_steps())  # a step writes what gets uploaded


def run_workflow(repo: Path, tmp: Path) -> list[tuple[str, int, str]]:
    """Each tqcheck step in order, as Actions runs them (bash -e, pipefail), stopping at
    the first failing step the way a job does; ${{ }} expressions stay outside run:."""
    env = {**env_for(tmp), **{k: str(v) for k, v in workflow().get("env", {}).items()},
           "GITHUB_STEP_SUMMARY": str(tmp / "step-summary.md")}
    env["TQCHECK_CACHE"] = str(tmp / "cache.sqlite3")  # shared by runs in one test, like actions/cache
    done = []
    for step in tqcheck_steps():
        assert "${{" not in step["run"], step["name"]
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=600)
        done.append((step["name"], r.returncode, r.stdout + r.stderr))
        if r.returncode != 0:
            break
    return done


def last_step_name() -> str:
    return tqcheck_steps()[-1]["name"]


def test_the_workflow_passes_clean_translations_and_posts_its_reports(tmp_path):
    repo = repo_with_pairs(tmp_path)

    done = run_workflow(repo, tmp_path)

    assert [(name, code) for name, code, _ in done] == [(s["name"], 0) for s in tqcheck_steps()], done
    assert "no .tqcheck/baseline.json" in done[-1][2]  # said, not failed
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert summary.startswith(f"### tqcheck batch: {len(CLEAN)} articles, {len(CLEAN)} passed")
    assert all(f"| {name} | passed |" in summary for name in CLEAN)
    sarif = json.loads((repo / "tqcheck-out" / "tqcheck.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    for name in CLEAN:
        for suffix in ("json", "sarif", "xml", "md", "html"):
            assert (repo / "tqcheck-out" / "articles" / f"{name}.{suffix}").is_file()


def test_the_workflow_gates_on_the_baseline(tmp_path):
    repo = repo_with_pairs(tmp_path, perturbed=True)

    # Without a baseline the omission fails the job, in the last step only: the
    # reports were written and posted first.
    done = run_workflow(repo, tmp_path)
    assert [code for _, code, _ in done[:-1]] == [0] * (len(done) - 1), done
    assert done[-1][:2] == (last_step_name(), 1), done
    assert "translations/sample.es.md" in done[-1][2]
    sarif = json.loads((repo / "tqcheck-out" / "tqcheck.sarif").read_text(encoding="utf-8"))
    omissions = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "omission"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in omissions] \
        == ["translations/sample.es.md"]

    # The documented way to accept the current findings, then the job passes.
    (repo / ".tqcheck").mkdir()
    r = subprocess.run([str(BIN / "tqcheck"), "baseline", "create", "tqcheck-out", "-o", ".tqcheck/baseline.json"],
                       cwd=repo, env=env_for(tmp_path), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    shutil.rmtree(repo / "tqcheck-out")
    done = run_workflow(repo, tmp_path)
    assert [code for _, code, _ in done] == [0] * len(tqcheck_steps()), done

    # A second paragraph goes missing: a new finding fails the job again.
    write_without(repo / "translations" / "sample.es.md", 5)
    shutil.rmtree(repo / "tqcheck-out")
    done = run_workflow(repo, tmp_path)
    assert done[-1][:2] == (last_step_name(), 1), done
    assert "new finding" in done[-1][2]
