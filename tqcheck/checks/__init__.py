"""Stage 7: checks that flag suspect aligned units, with evidence."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from tqcheck.checks import (  # noqa: F401  (registration)
    alignment, codemix, consistency, doubled, entities, grammar, junk, keyterms, language, markup, names,
    numbers, placeholders, polarity, punctuation, score, spelling, wordforms, words,
)
from tqcheck.checks.base import CHECKS, ArticleCheck, Check, Context
from tqcheck.errors import ConfigError
from tqcheck.model import AlignedUnit, Finding, Severity

__all__ = ["CHECKS", "Check", "Context", "build_checks", "plan_checks", "run_checks"]


def build_checks(
    enable: Iterable[str] | None = None,
    disable: Iterable[str] = (),
    severities: Mapping[str, str] | None = None,
) -> list[Check]:
    """Instantiate the chosen checks; unknown ids are a configuration error.

    `enable` lists check ids, and two names for sets: `default` (the checks that run when
    nothing is enabled) and `all` (the opt-in ones too), so `--enable default --enable
    word-order` adds one opt-in check to the usual set."""
    defaults = [c for c, cls in CHECKS.items() if cls.default]
    sets = {"default": defaults, "all": list(CHECKS)}
    chosen = list(dict.fromkeys(c for e in enable for c in sets.get(e, [e]))) if enable else defaults
    severities = dict(severities or {})
    for cid in [*chosen, *disable, *severities]:
        if cid not in CHECKS:
            raise ConfigError(f"unknown check {cid!r}; `tqcheck checks` lists them")
    out = []
    for cid in chosen:
        if cid in disable:
            continue
        level = severities.get(cid)
        try:
            sev = Severity(level) if level else None
        except ValueError as exc:
            raise ConfigError(f"check {cid}: severity must be info, warning or error") from exc
        out.append(CHECKS[cid](sev))
    return out


def plan_checks(checks: list[Check], ctx: Context) -> tuple[list[Check], dict[str, str]]:
    """The checks that can run on this pair, and the reason for each one that cannot."""
    runnable, skipped = [], {}
    for check in checks:
        reason = check.unavailable(ctx)
        if reason:
            skipped[check.id] = reason
        else:
            runnable.append(check)
    return runnable, skipped


def run_checks(unit: AlignedUnit, checks: list[Check], ctx: Context) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    implied: set[str] = set()
    for check in checks:
        found = check.run(unit, ctx)
        if found:
            implied.update(check.implies)
        findings.extend(found)
    return tuple(f for f in findings if f.check not in implied)


def run_article_checks(units: list[AlignedUnit], checks: list[Check], ctx: Context) -> list[AlignedUnit]:
    """The units with the findings of the checks that look at the whole article added."""
    extra: dict[int, list[Finding]] = {}
    for check in checks:
        if isinstance(check, ArticleCheck):
            for index, found in check.run_article(units, ctx).items():
                extra.setdefault(index, []).extend(found)
    return [replace(u, findings=u.findings + tuple(extra[u.index])) if u.index in extra else u
            for u in units]
