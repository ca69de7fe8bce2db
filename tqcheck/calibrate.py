"""Calibrated thresholds: per language pair and engine, from known-good translations.

A round trip through Apertium scores far higher than one through a small Argos model, so
one "low score" number cannot serve every pair and engine. `tqcheck calibrate` checks
human translations, looks at the distribution of passage chrF, and writes thresholds at
chosen percentiles; `tqcheck check` uses the file that matches its pair and engine.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.errors import InputError
from tqcheck.result import Report
from tqcheck.translate.base import EngineInfo
from tqcheck.translate.pivot import legs_of

CALIBRATION_VERSION = 1
# Documented defaults, used when no calibration file matches, per number of engine legs.
# Every pivot loses meaning on the way back, so a good translation's pivoted round trip
# scores lower: on the 73 NTREX articles of the suite's train split the 0.5th percentile
# of passage chrF is 13.7–17.6 for the four routes through Spanish (the shipped files), and
# the one-pivot default is the lowest of them; a second pivot takes a step of 4 down again.
DEFAULTS = {"min_passage_chrf": 30.0, "max_drop_below_article": 30.0}
ROUTE_DEFAULTS = {
    1: DEFAULTS,
    2: {"min_passage_chrf": 13.5, "max_drop_below_article": 30.0},
    3: {"min_passage_chrf": 9.5, "max_drop_below_article": 32.0},
}
PERCENTILES = (1, 2, 5, 10, 25, 50)


@dataclass(frozen=True)
class Calibration:
    src: str
    tgt: str
    engine: str
    model: str
    thresholds: dict[str, float]
    path: str = ""


def build(reports: Sequence[Report], percentile: float = 1.0) -> dict[str, Any]:
    """The calibration document for reports of one pair and engine."""
    if not reports:
        raise InputError("no reports to calibrate from")
    keys = {(r.source.lang, r.translation.lang, r.engine.name, r.engine.model) for r in reports}
    if len(keys) != 1:
        raise InputError(f"calibration needs one language pair and engine; got {sorted(keys)}")
    src, tgt, engine, model = keys.pop()
    chrfs, drops = [], []
    for r in reports:
        for u in r.units:
            if u.kind == "1-1" and u.scores.chrf is not None:
                chrfs.append(u.scores.chrf)
                drops.append(r.scores.chrf - u.scores.chrf)
    if len(chrfs) < 20:
        raise InputError(f"only {len(chrfs)} aligned passages; calibrate on at least 20")
    import numpy as np  # only here: check and --help never need it

    values = np.asarray(chrfs)
    return {
        "tqcheck_calibration_version": CALIBRATION_VERSION,
        "pair": {"source": src, "translation": tgt},
        "engine": {"name": engine, "model": model, "version": reports[0].engine.version},
        "signature": reports[0].signature,
        "made_with": f"tqcheck {__version__}",
        "articles": len(reports),
        "passages": len(chrfs),
        "chrf_percentiles": {f"p{p}": round(float(np.percentile(values, p)), 2) for p in PERCENTILES},
        "chrf_mean": round(float(values.mean()), 2),
        "chosen_percentile": percentile,
        "thresholds": {
            "min_passage_chrf": round(float(np.percentile(values, percentile)), 2),
            "max_drop_below_article": round(float(np.percentile(drops, 100 - percentile)), 2),
        },
    }


def load(path: Path) -> Calibration:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["tqcheck_calibration_version"] != CALIBRATION_VERSION:
            raise ValueError(f"version {data['tqcheck_calibration_version']}")
        return Calibration(data["pair"]["source"], data["pair"]["translation"], data["engine"]["name"],
                           data["engine"]["model"], {k: float(v) for k, v in data["thresholds"].items()},
                           str(path))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a tqcheck calibration file ({exc})") from exc


def shipped() -> list[Path]:
    folder = resources.files("tqcheck") / "calibration"
    if not folder.is_dir():
        return []
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".json"))


def find(src: str, tgt: str, engine: str, model: str, extra: Sequence[Path] = ()) -> Calibration | None:
    """The calibration for this pair and engine: the user's files first, then shipped ones."""
    for path in [*extra, *shipped()]:
        cal = load(path)
        if (cal.src, cal.tgt, cal.engine) == (src, tgt, engine) and cal.model in (model, "*"):
            return cal
    return None


def defaults_for(info: EngineInfo) -> tuple[dict[str, float], str]:
    """The documented defaults for this engine's route, and their label in the report."""
    legs = min(legs_of(info), max(ROUTE_DEFAULTS))
    return dict(ROUTE_DEFAULTS[legs]), "default" if legs == 1 else f"default-{legs - 1}-pivot"


def thresholds_for(src: str, tgt: str, info: EngineInfo, extra: Sequence[Path] = ()
                   ) -> tuple[dict[str, float], str]:
    """The route's own calibration where one exists, else the route-aware defaults; and
    which was used (a file name, or "default" / "default-1-pivot" / "default-2-pivot")."""
    base, label = defaults_for(info)
    cal = find(src, tgt, info.name, info.model, extra)
    if cal is None:
        return base, label
    return {**base, **cal.thresholds}, Path(cal.path).name
