"""Baselines and suppressions: fail a CI run only on findings that are new.

A finding's fingerprint is its check id plus the whitespace-normalised, lower-cased text
of the passage it sits on (the translation passage, or the source passage for an
omission): stable across line moves, re-runs and tqcheck versions.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError, InputError
from tqcheck.model import AlignedUnit, Finding

BASELINE_VERSION = 1


def fingerprint(unit: AlignedUnit, finding: Finding) -> str:
    text = unit.target_text or unit.source_text
    norm = " ".join(text.lower().split())
    return hashlib.sha256(f"{finding.check}\x1f{norm}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Suppression:
    fingerprint: str
    reason: str


@dataclass(frozen=True)
class Triage:
    """Findings split by what the gate should do with them."""

    new: tuple[tuple[AlignedUnit, Finding], ...]
    known: tuple[tuple[AlignedUnit, Finding], ...]
    suppressed: tuple[tuple[AlignedUnit, Finding, str], ...]
    fixed: tuple[dict[str, Any], ...]  # baseline entries no longer found


def load_baseline(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such baseline file (create one with `tqcheck baseline create`)") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a tqcheck baseline ({exc})") from exc
    if not isinstance(data, dict) or data.get("tqcheck_baseline_version") != BASELINE_VERSION:
        raise InputError(f"{path}: not a tqcheck baseline (version {BASELINE_VERSION} expected)")
    return {e["fingerprint"]: e for e in data.get("findings", [])}


def baseline_document(findings: Iterable[tuple[str, AlignedUnit, Finding]]) -> dict[str, Any]:
    """The baseline file's content; `findings` are (translation path, unit, finding)."""
    entries = {}
    for path, unit, f in findings:
        fp = fingerprint(unit, f)
        entries[fp] = {"fingerprint": fp, "check": f.check, "file": path,
                       "text": (unit.target_text or unit.source_text)[:200], "message": f.message}
    return {"tqcheck_baseline_version": BASELINE_VERSION,
            "findings": sorted(entries.values(), key=lambda e: (e["file"], e["check"], e["fingerprint"]))}


def parse_suppressions(raw: Sequence[Mapping[str, Any]]) -> dict[str, Suppression]:
    out = {}
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping) or not item.get("fingerprint") or not item.get("reason"):
            raise ConfigError(f"suppress entry {i + 1}: needs both 'fingerprint' and 'reason'")
        out[str(item["fingerprint"])] = Suppression(str(item["fingerprint"]), str(item["reason"]))
    return out


def triage(findings: Sequence[tuple[AlignedUnit, Finding]],
           baseline: Mapping[str, Mapping[str, Any]] | None = None,
           suppressions: Mapping[str, Suppression] | None = None,
           file: str | None = None) -> Triage:
    baseline = baseline or {}
    suppressions = suppressions or {}
    new, known, suppressed, seen = [], [], [], set()
    for unit, f in findings:
        fp = fingerprint(unit, f)
        seen.add(fp)
        if fp in suppressions:
            suppressed.append((unit, f, suppressions[fp].reason))
        elif fp in baseline:
            known.append((unit, f))
        else:
            new.append((unit, f))
    fixed = tuple(dict(e) for fp, e in baseline.items()
                  if fp not in seen and (file is None or e.get("file") == file))
    return Triage(tuple(new), tuple(known), tuple(suppressed), fixed)
