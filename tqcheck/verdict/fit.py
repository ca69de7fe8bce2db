"""Feature rows, the fit and the operating point, shared by benchmarks/train_verdict.py
(the suite's train and dev splits) and `tqcheck calibrate --refit` (a user's own pairs).
scikit-learn is imported only here, only when fitting: checking never needs it."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from tqcheck.model import Severity
from tqcheck.verdict.features import features, lexical
from tqcheck.verdict.training import Item

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


@dataclass
class Row:
    values: dict[str, float]
    label: int
    kind: str
    clean: str
    key: tuple
    has_error: bool


def rows(items: list[Item]) -> list[Row]:
    done = [u for u in items if u.checked is not None and u.ctx is not None]
    if not done:
        return []
    ctx = done[0].ctx
    rates = lexical([u.checked for u in done], ctx.src_lang, ctx.tgt_lang)  # type: ignore[union-attr]
    return [Row(features(u.checked, u.ctx, r), int(u.kind != "clean"), u.kind, u.clean, u.key,  # type: ignore[arg-type]
                any(f.severity == Severity.ERROR for f in u.before)) for u, r in zip(done, rates)]


def save_rows(rows_: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([[r.values, r.label, r.kind, r.clean, list(r.key), r.has_error] for r in rows_]))


def load_rows(path: Path) -> list[Row]:
    return [Row(r[0], r[1], r[2], r[3], tuple(r[4]), r[5]) for r in json.loads(path.read_text())]


def _matrix(rows: list[Row], names: list[str]):  # type: ignore[no-untyped-def]
    import numpy as np

    return np.array([[r.values.get(n, 0.0) for n in names] for r in rows]), np.array([r.label for r in rows])


def _lr_risk(model: dict, rows: list[Row]) -> list[float]:
    out = []
    for r in rows:
        z = model["intercept"] + sum(c * ((r.values.get(n, 0.0) - m) / s) for n, m, s, c in
                                     zip(model["features"], model["mean"], model["scale"], model["coef"]))
        out.append(1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z)))))
    return out


def preference(rows: list[Row], risks: list[float]) -> float:
    clean = {r.key: k for r, k in zip(rows, risks) if r.label == 0}
    pairs = [(k, clean[r.key]) for r, k in zip(rows, risks) if r.label == 1 and r.key in clean]
    return sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in pairs) / max(1, len(pairs))


def weights(rows_: list[Row]):  # type: ignore[no-untyped-def]
    """Each clean unit weighs 1, and so do its perturbed copies together: a long sentence
    offers more kinds of error than a short one, and length must not become the signal."""
    import numpy as np

    copies: dict[tuple, int] = {}
    for r in rows_:
        if r.label:
            copies[r.key] = copies.get(r.key, 0) + 1
    return np.array([1.0 / copies[r.key] if r.label else 1.0 for r in rows_])


def fit(train: list[Row], dev: list[Row]) -> tuple[dict, str]:
    """Logistic regression (C by dev preference accuracy); HistGradientBoosting measured
    beside it on the same dev rows, recorded in the choice."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for r in train for n in r.values})
    X, y = _matrix(train, names)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    w = weights(train)
    best = None
    for c in C_GRID:
        lr = LogisticRegression(C=c, max_iter=3000).fit(Z, y, sample_weight=w)
        model = {"features": tuple(names), "mean": tuple(mean), "scale": tuple(scale),
                 "coef": tuple(lr.coef_[0]), "intercept": float(lr.intercept_[0])}
        score = preference(dev, _lr_risk(model, dev))
        if best is None or score > best[0]:
            best = (score, c, model)
    Xd, _ = _matrix(dev, names)
    hgb = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, random_state=0).fit(X, y, sample_weight=w)
    hgb_score = preference(dev, list(hgb.predict_proba(Xd)[:, 1]))
    choice = (f"logistic regression C={best[1]:g}: dev preference {best[0]:.3f}; "
              f"HistGradientBoosting: {hgb_score:.3f}")
    return best[2], choice


def operating_point(model: dict, dev: list[Row], rate: float) -> float:
    """The lowest risk that flags at most `rate` of the dev clean units (the verdict
    decides every paired unit: findings under it are kept as unconfirmed information)."""
    clean = sorted((k for r, k in zip(dev, _lr_risk(model, dev)) if r.label == 0), reverse=True)
    budget = int(rate * len(clean))
    return min(1.0, clean[budget] + 1e-6) if budget < len(clean) else 0.0


def dev_report(model: dict, dev: list[Row], flag: float) -> dict:
    risks = _lr_risk(model, dev)
    clean = [(k, r) for r, k in zip(dev, risks) if r.label == 0]
    bad = [(k, r) for r, k in zip(dev, risks) if r.label == 1]
    return {"preference": round(preference(dev, risks), 3),
            "false_flags_per_100": round(100 * sum(k >= flag for k, _ in clean) / max(1, len(clean)), 2),
            "recall": round(sum(k >= flag for k, _ in bad) / max(1, len(bad)), 3)}


