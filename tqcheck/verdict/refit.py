"""`tqcheck calibrate --false-flags R [--refit]` on a user's known-good pairs.

The operating point is a false-flag rate, not a magic number: the verdict's threshold is
the risk above which a fraction R of the user's own good passages would be flagged.
`--refit` re-fits the verdict itself on those pairs: their aligned passages are the clean
examples, their perturbed copies (the suite's MQM kinds, perturb/) the errors; a quarter
of the articles (by a hash of the file name, at least one) is held out to choose C and the threshold.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.result import Report
from tqcheck.translate.base import Engine
from tqcheck.verdict.model import VerdictModel

MIN_UNITS = 20


def risk_threshold(reports: Sequence[Report], rate: float) -> float | None:
    """The lowest risk that flags at most `rate` of the good passages (None: no verdict ran)."""
    risks = sorted((u.risk for r in reports for u in r.units if u.risk is not None and u.kind == "1-1"),
                   reverse=True)
    if not risks:
        return None
    k = int(rate * len(risks))
    return round(min(1.0, risks[k] + 1e-6), 6) if k < len(risks) else 0.0


def held_out(paths: Sequence[str]) -> set[str]:
    """A quarter of the articles, by a hash of their file name (not the folder: the same
    files give the same split wherever they are), and at least one."""
    def h(p: str) -> int:
        return int(hashlib.sha256(Path(p).name.encode()).hexdigest(), 16)
    held = {p for p in paths if h(p) % 4 == 0}
    return held or ({min(paths, key=h)} if len(paths) > 1 else set())


def refit(reports: Sequence[Report], back: Engine, rate: float, seed: int = 0) -> VerdictModel:
    """A verdict fitted on these good pairs and their perturbed copies."""
    from tqcheck.verdict.fit import dev_report, fit, operating_point, rows
    from tqcheck.verdict.lexicon import available
    from tqcheck.verdict.training import Item, check, perturbed

    src, tgt = reports[0].source.lang, reports[0].translation.lang
    if available(tgt, src) is None:
        raise InputError(f"--refit perturbs {tgt} text with Apertium's analyser for {src}-{tgt}, which is not "
                         f"installed: apt-get install apertium-{src}-{tgt} (or the pair package)")
    items = {"train": [], "dev": []}  # type: dict[str, list[Item]]
    held = held_out([r.translation.path for r in reports])
    for r in reports:
        part = "dev" if r.translation.path in held else "train"
        for u in r.units:
            if u.kind == "1-1" and u.source_text.strip() and u.target_text.strip():
                items[part].append(Item(f"{src}-{tgt}", part, r.translation.path, u.index, "good", "clean",
                                        u.source_text, u.target_text))
    if len(items["train"]) < MIN_UNITS or len(items["dev"]) < MIN_UNITS // 4:
        raise InputError(f"--refit needs at least {MIN_UNITS} aligned passages to train on and "
                         f"{MIN_UNITS // 4} held out; got {len(items['train'])} and {len(items['dev'])}")
    rows_of = {}
    for part, clean in items.items():
        done = perturbed(clean, back, seed)
        check(done, back)
        rows_of[part] = rows(done)
    model, choice = fit(rows_of["train"], rows_of["dev"])
    flag = operating_point(model, rows_of["dev"], rate)
    info = back.info(tgt, src)
    digest = hashlib.sha256("\n".join(sorted(r.translation.path for r in reports)).encode()).hexdigest()[:12]
    sig = f"refit:{len(reports)} articles|units:{len(rows_of['train'])}|hash:{digest}|seed:{seed}"
    return VerdictModel((src, tgt), info.name, info.model, model["features"], model["mean"], model["scale"],
                        model["coef"], model["intercept"], {"flag": flag, "false_flags": rate}, sig,
                        meta={"choice": choice, "dev": dev_report(model, rows_of["dev"], flag)})


def parse_rate(text: str) -> float:
    """'1%' or '0.01' → 0.01."""
    try:
        value = float(text[:-1]) / 100 if text.strip().endswith("%") else float(text)
    except ValueError as exc:
        raise InputError(f"--false-flags {text!r}: give a rate such as 1% or 0.01") from exc
    if not 0 < value < 0.5:
        raise InputError(f"--false-flags {text!r}: the rate must be between 0 and 50%")
    return value


def verdict_path(calibration: Path) -> Path:
    return calibration.with_name(calibration.stem + ".verdict.json")


def referenced(calibrations: Sequence[str]) -> list[Path]:
    """Verdict files that calibration files name (written by --refit next to them)."""
    import json

    out = []
    for c in calibrations:
        try:
            name = json.loads(Path(c).read_text(encoding="utf-8")).get("verdict_file")
        except (OSError, ValueError, AttributeError):
            continue
        if name:
            out.append(Path(c).parent / name)
    return out


def apply_to(doc: dict, reports: Sequence[Report], rate: float, refit_: bool, output: Path,  # type: ignore[type-arg]
             opts) -> str:  # type: ignore[no-untyped-def]
    """Put the verdict's operating point (and, with --refit, its new file) into a
    calibration document; the line to tell the user."""
    from tqcheck.translate.registry import get_engine

    doc["false_flags"] = rate
    if refit_:
        src, tgt = reports[0].source.lang, reports[0].translation.lang
        back = get_engine(reports[0].engine.name, tgt, src, cache=opts.cache, threads=opts.threads,
                          **opts.engine_options())
        model = refit(reports, back, rate)
        path = verdict_path(output)
        model.save(path)
        doc["verdict_file"] = path.name
        doc["thresholds"]["verdict_flag"] = round(model.thresholds["flag"], 6)
        return (f"verdict re-fitted on {len(reports)} articles → {path} "
                f"(risk ≥ {model.thresholds['flag']:.3f}; held-out: {model.meta['dev']})")
    flag = risk_threshold(reports, rate)
    if flag is None:
        return "no verdict for this pair and engine: only the low-score thresholds are calibrated"
    from tqcheck.verdict import flag_key
    words = "+words.json" in reports[0].verdict  # the risks came from the word layer's model
    doc["thresholds"][flag_key(words)] = flag
    return (f"verdict threshold for {rate:.1%} false flags on these pairs: risk ≥ {flag:.3f}"
            + (" (the +words model: runs with the word layer)" if words else ""))
