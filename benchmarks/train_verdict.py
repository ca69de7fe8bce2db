"""Train the verdict per language pair and engine on the sentence suite's TRAIN split,
choose its settings on DEV, and write tqcheck/verdict/trained/<engine>-<src>-<tgt>.json.

    .venv/bin/python benchmarks/train_verdict.py                 # all four directions
    .venv/bin/python benchmarks/train_verdict.py --direction en-es --train 60 --dev 30
    .venv/bin/python benchmarks/train_verdict.py --words --rows /tmp/rows   # the +words models

Labels: a clean unit (human or the engine's own translation) is 0, each perturbed copy
is 1. Logistic regression on standardised features (class-balanced), its C chosen on dev,
compared on dev with HistGradientBoosting; the operating point is the lowest risk at
which at most 1 in 100 dev clean units is flagged (by an error finding or by the risk).
The test split is never read here. scikit-learn is needed here only, never at run time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from suite import split, units  # noqa: E402

from tqcheck.verdict.fit import Row, dev_report, fit, load_rows, operating_point, rows, save_rows  # noqa: E402

from tqcheck.translate.registry import get_engine  # noqa: E402
from tqcheck.verdict import SHIPPED  # noqa: E402
from tqcheck.verdict.model import VerdictModel  # noqa: E402

FALSE_FLAGS = 0.01


def collect(direction: str, split_name: str, n: int, seed: int, cache: str | bool,
            rows_dir: Path | None, words: bool = False) -> list[Row]:
    """Feature rows of the suite's units; kept in `rows_dir` to refit without re-checking."""
    layer = "+words" if words else ""
    saved = rows_dir / f"{direction}-{split_name}-{n}-{seed}{layer}.json" if rows_dir else None
    if saved is not None and saved.is_file():
        return load_rows(saved)
    items = units.build(direction, split_name, n, seed, None, cache)
    units.check(items, direction, cache, apply_verdict=False, words=words)
    out = rows(items)
    if saved is not None:
        save_rows(out, saved)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--direction", action="append", choices=units.DIRECTIONS)
    ap.add_argument("--train", type=int, default=120, help="train sentences per direction")
    ap.add_argument("--dev", type=int, default=60, help="dev sentences per direction")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", default=False, help="translation cache file")
    ap.add_argument("--out", type=Path, default=SHIPPED)
    ap.add_argument("--rows", type=Path, help="folder keeping the feature rows between runs")
    ap.add_argument("--words", action="store_true",
                    help="train the words model (<engine>-<src>-<tgt>+words.json): the units checked with the "
                         "word layer and every check (--enable all), as the pipeline uses it then")
    args = ap.parse_args(argv)
    for d in args.direction or units.DIRECTIONS:
        started = time.perf_counter()
        src, tgt = d.split("-")
        lang = tgt if src == "en" else src
        train = collect(d, "train", args.train, args.seed, args.cache, args.rows, args.words)
        dev = collect(d, "dev", args.dev, args.seed, args.cache, args.rows, args.words)
        model, choice = fit(train, dev)
        flag = operating_point(model, dev, FALSE_FLAGS)
        info = get_engine("apertium", tgt, src, cache=False).info(tgt, src)
        sig = (f"{split.signature(split.load(lang))}|train:{args.train}|seed:{args.seed}|"
               f"units:{len(train)}|engine:{info.name}:{info.model}:{info.version}"
               + ("|words:on" if args.words else ""))
        vm = VerdictModel((src, tgt), info.name, info.model, model["features"], model["mean"], model["scale"],
                          model["coef"], model["intercept"], {"flag": flag, "false_flags": FALSE_FLAGS}, sig,
                          meta={"choice": choice, "dev": dev_report(model, dev, flag),
                                "trained": time.strftime("%Y-%m-%d")}, word_layer=args.words)
        path = args.out / f"{info.name}-{src}-{tgt}{'+words' if args.words else ''}.json"
        vm.save(path)
        print(f"{d}: {len(train)} train / {len(dev)} dev units, {time.perf_counter() - started:.0f} s → {path}")
        print(f"  choice: {choice}")
        print(f"  dev at flag {flag:.3f}: {vm.meta['dev']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
