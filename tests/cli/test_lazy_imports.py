"""What a run imports: a cached re-run and `--help` load none of the stages' libraries,
and once its frequency tables exist a check no longer imports wordfreq (issue 11)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import CORPORA, ROOT, needs_apertium

EN, ES = CORPORA / "sample" / "article.en.md", CORPORA / "sample" / "article.es.md"
HEAVY = ("sacrebleu", "numpy", "wordfreq", "langdetect", "trafilatura", "translate", "langcodes",
         "tqcheck.checks", "tqcheck.align.aligner", "hunspell", "simplemma", "multiprocessing")
# Runs the CLI in this interpreter and prints which HEAVY modules it loaded.
PROBE = """
import json, sys
sys.argv = ["tqcheck", *json.loads(sys.argv[1])]
try:
    from tqcheck.cli import main
    main()
except SystemExit:
    pass
finally:
    print("\\nLOADED " + json.dumps(sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in %r))))
""" % (HEAVY,)


def loaded(*args: str, env: dict[str, str]) -> list[str]:
    r = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))], capture_output=True, text=True,
                       cwd=ROOT, env={**os.environ, "NO_COLOR": "1", **env}, timeout=300)
    line = [x for x in r.stdout.splitlines() if x.startswith("LOADED ")]
    assert line, r.stdout + r.stderr
    return json.loads(line[-1][len("LOADED "):])


def test_help_loads_no_stage(tmp_path):
    assert loaded("--help", env={}) == []


@needs_apertium
def test_a_cached_rerun_loads_no_stage_and_a_check_no_wordfreq(tmp_path):
    env = {"TQCHECK_CACHE": str(tmp_path / "cache.sqlite3")}
    args = ("check", str(EN), str(ES), "--engine", "apertium", "-f", "json", "-o", str(tmp_path / "r.json"))
    first = loaded(*args, env=env)
    assert "tqcheck.checks" in first and "sacrebleu" in first  # it did check
    assert loaded(*args, env=env) == []  # the report came from the cache
    # The frequency tables were built (here or by an earlier test); a check reads them.
    again = loaded(*args, "--no-cache", env=env)
    assert "tqcheck.checks" in again and "wordfreq" not in again
