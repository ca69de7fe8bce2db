"""A verdict model file and its evaluation in plain Python (no scikit-learn at run time).

The file is JSON, versioned, one per language pair and engine: the feature names, the
standardisation, the logistic-regression coefficients, the thresholds of the operating
point and the signature of the data it was trained on. Never a pickle.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

FORMAT_VERSION = 1


@dataclass(frozen=True)
class VerdictModel:
    pair: tuple[str, str]
    engine: str
    model: str  # the engine's model or mode that back-translates (e.g. spa-eng)
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    # Risk at or above `flag` flags a unit (likely-error when no check explains it).
    thresholds: dict[str, float]
    signature: str  # the training data's signature
    path: str = ""
    meta: dict[str, object] = field(default_factory=dict)
    # Trained with the word layer on (`--enable all`): its word features are real, so it
    # is the one to use when the word layer ran, and never when it did not.
    word_layer: bool = False

    def contributions(self, values: dict[str, float]) -> dict[str, float]:
        return {name: c * ((values.get(name, 0.0) - m) / s)
                for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef)}

    def drivers(self, values: dict[str, float], n: int = 3) -> list[tuple[str, float]]:
        """The features that pushed the risk up most, with their values, for a report."""
        push = sorted(self.contributions(values).items(), key=lambda kv: kv[1], reverse=True)
        return [(name, round(values.get(name, 0.0), 3)) for name, c in push[:n] if c > 0]

    def risk(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(self.contributions(values).values())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "tqcheck_verdict_version": FORMAT_VERSION, "pair": list(self.pair), "engine": self.engine,
            "model": self.model, "kind": "logistic-regression", "features": list(self.features),
            "mean": [round(x, 6) for x in self.mean], "scale": [round(x, 6) for x in self.scale],
            "coef": [round(x, 6) for x in self.coef], "intercept": round(self.intercept, 6),
            "thresholds": {k: round(v, 6) for k, v in self.thresholds.items()}, "signature": self.signature,
            "meta": self.meta, "word_layer": self.word_layer,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


class VerdictFileError(ValueError):
    pass


def load(path: Path) -> VerdictModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("tqcheck_verdict_version") != FORMAT_VERSION or data.get("kind") != "logistic-regression":
            raise VerdictFileError(f"{path}: not a version-{FORMAT_VERSION} tqcheck verdict file")
        n = len(data["features"])
        if not (len(data["mean"]) == len(data["scale"]) == len(data["coef"]) == n):
            raise VerdictFileError(f"{path}: {n} features but other lengths differ")
        return VerdictModel(tuple(data["pair"]), data["engine"], data["model"], tuple(data["features"]),
                            tuple(map(float, data["mean"])), tuple(float(s) or 1.0 for s in data["scale"]),
                            tuple(map(float, data["coef"])), float(data["intercept"]),
                            {k: float(v) for k, v in data["thresholds"].items()}, data["signature"],
                            str(path), data.get("meta", {}), bool(data.get("word_layer", False)))
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise VerdictFileError(f"{path}: cannot read the verdict file ({exc})") from exc
