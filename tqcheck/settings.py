"""Every setting, declared once: name, type, default, environment variable, command-line
flag, help, and who owns it. The config file's keys, the environment, the CLI options
and their help are all derived from this table (config.py, cli/options.py); an engine
declares its own settings on its class (`Engine.settings`), and config.all_settings()
adds them from the registry.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str  # the config key, and the parameter name in the CLI
    kind: type  # str, float, int, bool, Path, list (of str), dict (a TOML table)
    default: Any
    help: str
    owner: str  # a group of settings ("engine", "checks", …) or "engine:NAME"
    flag: str | None = None  # None: config file only
    short: str | None = None
    env: str | None = None
    aliases: tuple[str, ...] = ()  # old spellings, still accepted (hidden) for one release
    choices: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    metavar: str = ""
    config: bool = True  # may be set in tqcheck.toml / [tool.tqcheck]
    secret: bool = False  # never in a repr, a log or a cache key
    param: str = ""  # an engine's constructor parameter, when it differs from `name`

    @property
    def multiple(self) -> bool:
        return self.kind is list


# Owners: "languages", "engine" (and "engine:NAME" for an engine's own), "cache",
# "checks", "gate", "report", "run", and one per command with options of its own.
CORE: tuple[Setting, ...] = (
    Setting("src_lang", str, None, "Source language (ISO 639-1); detected if omitted.", "languages",
            "--src-lang", metavar="CODE", config=False),
    Setting("tgt_lang", str, None, "Translation language; detected if omitted.", "languages",
            "--tgt-lang", metavar="CODE", config=False),
    Setting("engine", str, "auto", "Back-translation engine.", "engine", "--engine",
            env="TQCHECK_ENGINE", metavar="NAME"),  # choices: the registry's engines
    Setting("threads", int, None, "CTranslate2 threads for Argos (default 1).", "engine", "--threads",
            env="TQCHECK_THREADS", min=1, metavar="N"),
    Setting("require_engine", bool, False, "With --engine auto, exit 3 when no engine covers the pair "
            "instead of running only the checks that need no back-translation.", "engine",
            "--require-engine"),
    Setting("via", str, None, "Back-translate through this pivot language (ISO 639-1), e.g. --via es.",
            "engine", "--via", metavar="LANG"),
    Setting("engine_order", list, [], "The engines auto may use, preferred first.", "engine"),
    Setting("no_cache", bool, False, "Do not read or write the translation and report cache.", "cache",
            "--no-cache", config=False),
    Setting("cache", Path, None, "Translation and report cache (SQLite; default "
            "~/.cache/tqcheck/).", "cache", "--cache", env="TQCHECK_CACHE", metavar="FILE"),
    Setting("enable", list, [], "Run only these checks, repeatable; `default` and `all` name sets "
            "(all: the opt-in word checks too); see `tqcheck checks`.", "checks",
            "--enable", metavar="CHECK"),
    Setting("disable", list, [], "Turn a check off, repeatable; see `tqcheck checks`.", "checks",
            "--disable", metavar="CHECK"),
    Setting("glossary", Path, None, "Key terms: TSV/CSV (source term, allowed target terms…, optional "
            "`forbidden` column) or TBX.", "checks", "--glossary", metavar="FILE"),
    Setting("words", Path, None, "Words the spelling check accepts, one a line (names, product terms).",
            "checks", "--words", metavar="FILE"),
    Setting("no_verdict", bool, False, "Skip the learned verdict: no risk per unit, and ~20% less time "
            "(its analysers run on both sides); the checks still run.", "checks", "--no-verdict"),
    Setting("min_passage_chrf", float, None, "Flag passages whose round-trip chrF is below this.",
            "checks", "--min-passage-chrf", min=0, max=100, metavar="X"),
    Setting("severity", dict, {}, "Severity per check, e.g. { numbers = \"warning\" }.", "checks"),
    Setting("calibration", list, [], "Calibration file(s) tried before the shipped ones.", "checks"),
    Setting("suppress", list, [], "Accepted findings: [{ fingerprint = \"…\", reason = \"…\" }].", "checks"),
    Setting("fail_on", str, "error", "Fail (exit 1) on findings at or above this.", "gate", "--fail-on",
            env="TQCHECK_FAIL_ON", choices=("info", "warning", "error"), metavar="LEVEL"),
    Setting("min_chrf", float, None, "Fail (exit 1) when the article chrF is below this.", "gate",
            "--min-chrf", env="TQCHECK_MIN_CHRF", min=0, max=100, metavar="X"),
    Setting("max_flagged_ratio", float, None, "Fail when more than this share of units is flagged.",
            "gate", "--max-flagged-ratio", min=0, max=1, metavar="R"),
    Setting("baseline", Path, None, "Only findings not in this baseline fail the run.", "gate",
            "--baseline", metavar="FILE", config=False),
    Setting("format", list, [], "Report format, repeatable: terminal, json, html, markdown, junit, "
            "sarif, csv.", "report", "--format", short="-f", metavar="FMT", config=False),
    Setting("output", list, [], "Write the n-th --format to this file (- for stdout), repeatable.",
            "report", "--output", short="-o", metavar="FILE", config=False),
    Setting("out_dir", Path, Path("tqcheck-out"), "Folder for per-article reports, summary and state.",
            "batch", "--out-dir", aliases=("--out", "-O"), metavar="DIR", config=False),
    Setting("jobs", int, 0, "Articles checked in parallel (0: one per core).", "batch", "--jobs",
            short="-j", min=0, metavar="N", config=False),
    Setting("fresh", bool, False, "Ignore the state of an earlier, interrupted run.", "batch", "--fresh",
            config=False),
    Setting("executor", str, "local", "Where articles run: local (processes on this machine) or dask "
            "(a cluster; the [dask] extra).", "batch", "--executor", metavar="NAME", config=False),
    Setting("scheduler", str, None, "The Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786.",
            "batch", "--scheduler", metavar="URL", config=False),
    Setting("calibration_file", Path, Path("tqcheck-calibration.json"), "Calibration file to write.",
            "calibrate", "--output", short="-o", metavar="FILE", config=False),
    Setting("percentile", float, 1.0, "Passage chrF percentile that becomes the threshold.", "calibrate",
            "--percentile", min=0.1, max=50, metavar="P", config=False),
    Setting("false_flags", str, None, "Operating point as a false-flag rate on these good pairs, e.g. "
            "1%: sets the percentile and the verdict's risk threshold.", "calibrate", "--false-flags",
            metavar="RATE", config=False),
    Setting("refit", bool, False, "Also re-fit the verdict on these pairs and their perturbed copies "
            "(needs scikit-learn and Apertium's analyser for the translation language).", "calibrate",
            "--refit", config=False),
    Setting("baseline_file", Path, Path("tqcheck-baseline.json"), "Baseline file to write.", "baseline",
            "--output", short="-o", metavar="FILE", config=False),
    Setting("config", Path, None, "tqcheck.toml or pyproject.toml to use (default: the nearest one "
            "upwards).", "run", "--config", metavar="FILE", config=False),
    Setting("quiet", bool, False, "No progress and no closing gate line.", "run", "--quiet", short="-q",
            config=False),
    Setting("debug", bool, False, "Show tracebacks.", "run", "--debug", config=False),
)

def core(name: str) -> Setting:
    """One setting of the core table, for code that reads it outside the CLI."""
    return next(s for s in CORE if s.name == name)


# What each command takes. Every command that checks takes the same engine, cache and
# check settings.
CHECKING = ("languages", "engine", "cache", "checks")
COMMANDS: dict[str, tuple[str, ...]] = {
    "check": (*CHECKING, "gate", "report", "run"),
    "batch": (*CHECKING, "gate", "report:format", "batch", "run"),
    "calibrate": (*CHECKING, "calibrate", "run"),
    "baseline create": (*CHECKING, "baseline", "run"),
    "engines": ("engine:*", "run:config", "run:debug"),
}


@dataclass(frozen=True)
class EngineSettings(Mapping[str, Any]):
    """Engine settings (a server's URL, its key, …) as set: a mapping whose repr leaves
    secrets out, so it can sit in CheckOptions, whose repr keys the report cache."""

    values: tuple[tuple[str, Any], ...] = ()
    secret: frozenset[str] = field(default=frozenset(), compare=False)

    @classmethod
    def of(cls, values: Mapping[str, Any], declared: Iterable[Setting]) -> EngineSettings:
        """The values set (None is "not set"); `declared` says which are secret."""
        secret = {s.name for s in declared if s.secret}
        given = tuple(sorted((k, v) for k, v in values.items() if v is not None))
        return cls(given, frozenset(k for k, _ in given if k in secret))

    def __getitem__(self, key: str) -> Any:
        return dict(self.values)[key]

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.values if k not in self.secret)
        return f"EngineSettings({shown})"
