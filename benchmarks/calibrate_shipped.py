"""Recompute the calibration files shipped in tqcheck/calibration/ (Apertium en–es, en–ca).

    .venv/bin/python benchmarks/calibrate_shipped.py

Known-good pairs are NTREX-128 human translations. The last CALIBRATION_DOCS documents are
used, so the articles in corpora/ and the evaluation (which take the first ones) stay
held out.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import corpus

CALIBRATION_DOCS = 60
# Half a passage in a hundred of known-good human translation falls under the threshold.
PERCENTILE = 0.5
PAIRS = {"es": "spa", "ca": "cat"}
OUT = corpus.REPO / "tqcheck" / "calibration"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    tqcheck = Path(sys.executable).with_name("tqcheck")
    for lang, code in PAIRS.items():
        articles = corpus.ntrex_articles(code)[-CALIBRATION_DOCS:]
        with tempfile.TemporaryDirectory() as tmp:
            for a in articles:
                corpus.write_pair(a, Path(tmp))
            target = OUT / f"apertium-en-{lang}.json"
            subprocess.run([str(tqcheck), "calibrate", tmp, "--engine", "apertium", "--src-lang", "en",
                            "--tgt-lang", lang, "--no-cache", "--percentile", str(PERCENTILE), "-o", str(target)], check=True)
            print(f"wrote {target.relative_to(corpus.REPO)} from {len(articles)} NTREX articles")


if __name__ == "__main__":
    main()
