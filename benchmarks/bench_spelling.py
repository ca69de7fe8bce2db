"""Which Hunspell binding for the spelling check? Measured, on the same words.

    .venv/bin/python benchmarks/bench_spelling.py [--articles 40]

Bindings: PyPI `hunspell` (C extension, built against libhunspell-dev), Debian's
python3-hunspell (the same C code, built for the system Python: run under /usr/bin/python3
when it imports), and spylls (pure Python). Words: every word of the professional
translations of NTREX-128 articles, Spanish and Arabic. Prints load time, words checked
per second, unknown words, the time of one Hunspell suggestion, and the time of what the
check does instead (tqcheck/checks/speller.py): every dictionary word one edit away,
found with `spell` from the letters of the dictionary's TRY line.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import corpus

DICTS = {"es": ("es_ES", "spa"), "ar": ("ar", "arb")}
HERE = Path(__file__).resolve().parent


def measure(binding: str, lang: str, articles: int) -> dict:
    dic, code = DICTS[lang]
    words = [w for a in corpus.ntrex_articles(code)[:articles] for s in a.tgt_sentences
             for w in re.findall(r"[^\W\d_]+", s)]
    t0 = time.perf_counter()
    if binding == "spylls":
        from spylls.hunspell import Dictionary
        d = Dictionary.from_files(f"/usr/share/hunspell/{dic}")
        check, suggest = d.lookup, (lambda w: list(d.suggest(w)))
    else:
        import hunspell
        h = hunspell.HunSpell(f"/usr/share/hunspell/{dic}.dic", f"/usr/share/hunspell/{dic}.aff")
        check, suggest = h.spell, h.suggest
    t1 = time.perf_counter()
    unknown = [w for w in words if not check(w)]
    t2 = time.perf_counter()
    sample = sorted(set(unknown))[:10]
    for w in sample:
        suggest(w)
    if binding == "pypi":  # the binding the check uses
        sys.path.insert(0, str(corpus.REPO))
        from tqcheck.checks.speller import _edits, alphabet

        letters = alphabet(lang)
    t3 = time.perf_counter()
    if binding == "pypi":
        for w in sample:
            [c for c in _edits(w.lower(), letters) if check(c)]
    t4 = time.perf_counter()
    return {"binding": binding, "lang": lang, "load_s": t1 - t0, "words": len(words),
            "words_per_s": len(words) / (t2 - t1), "unknown": len(unknown),
            "suggest_ms": 1000 * (t3 - t2) / max(1, len(sample)),
            "edits_ms": 1000 * (t4 - t3) / max(1, len(sample)) if binding == "pypi" else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--one", nargs=2, metavar=("BINDING", "LANG"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], args.one[1], args.articles)))
        return 0
    runs = [(sys.executable, "pypi"), ("/usr/bin/python3", "debian"), (sys.executable, "spylls")]
    print("| binding | lang | load (s) | words | words/s | unknown | one suggestion (ms) | one-edit words (ms) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for lang in DICTS:
        for python, binding in runs:
            env_path = "/usr/lib/python3/dist-packages" if binding == "debian" else ""
            cmd = [python, str(HERE / "bench_spelling.py"), "--articles", str(args.articles), "--one",
                   binding, lang]
            env = {**__import__("os").environ, "PYTHONPATH": env_path} if env_path else None
            r = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if r.returncode:
                print(f"| {binding} | {lang} | not available: {r.stderr.strip().splitlines()[-1][:60]} ||||||")
                continue
            m = json.loads(r.stdout)
            print(f"| {binding} | {lang} | {m['load_s']:.2f} | {m['words']} | {m['words_per_s']:,.0f} | "
                  f"{m['unknown']} | {m['suggest_ms']:.0f} | "
                  f"{'–' if m['edits_ms'] is None else format(m['edits_ms'], '.1f')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
