"""Options shared by check, batch and baseline, declared once, and how they become
library settings (CLI > config file > environment > default)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from tqcheck.baseline import Suppression, load_baseline, parse_suppressions
from tqcheck.config import Settings, resolve
from tqcheck.errors import ConfigError
from tqcheck.model import Severity
from tqcheck.report import FORMATS

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from tqcheck.pipeline import CheckOptions


class EngineName(str, Enum):
    auto = "auto"
    argos = "argos"
    apertium = "apertium"
    libretranslate = "libretranslate"
    none = "none"


SrcLang = Annotated[Optional[str], typer.Option(help="Source language (ISO 639-1); detected if omitted.")]
TgtLang = Annotated[Optional[str], typer.Option(help="Translation language; detected if omitted.")]
EngineOpt = Annotated[Optional[EngineName], typer.Option("--engine", help=(
    "Back-translation engine (default: auto; none: only the checks that need no back-translation)."))]
RequireEngine = Annotated[bool, typer.Option(
    "--require-engine", help="With --engine auto, exit 3 when no engine covers the pair instead of "
                             "running without one.")]
Glossary = Annotated[Optional[Path], typer.Option(
    "--glossary", help="Key terms: TSV/CSV (source term, allowed target terms…, optional `forbidden` column) or TBX.")]
Words = Annotated[Optional[Path], typer.Option(
    "--words", help="Words the spelling check accepts, one a line (names, product terms).")]
EngineUrl = Annotated[Optional[str], typer.Option(
    "--engine-url", help="LibreTranslate server for --engine libretranslate, e.g. http://mt.internal:5000.")]
ApiKey = Annotated[Optional[str], typer.Option(
    "--api-key", help="API key for the LibreTranslate server (better: $TQCHECK_API_KEY, kept out of shell history).")]
Via = Annotated[Optional[str], typer.Option(
    "--via", help="Back-translate through this pivot language (ISO 639-1), e.g. --via es.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
CachePath = Annotated[Optional[Path], typer.Option("--cache", help="Translation cache file (SQLite).")]
Threads = Annotated[Optional[int], typer.Option(min=1, help="CTranslate2 threads for Argos.")]
Formats = Annotated[Optional[list[str]], typer.Option(
    "--format", "-f", help=f"Report format, repeatable: {', '.join(FORMATS)} (default: terminal).")]
Outputs = Annotated[Optional[list[Path]], typer.Option(
    "--output", "-o", help="Write the n-th --format to this file, repeatable.")]
FailOn = Annotated[Optional[Severity], typer.Option(help="Fail (exit 1) on findings at or above this (default: error).")]
MinChrf = Annotated[Optional[float], typer.Option(min=0, max=100, help="Fail (exit 1) when the article chrF is below this.")]
MaxFlagged = Annotated[Optional[float], typer.Option(min=0, max=1, help="Fail when more than this share of passages is flagged.")]
MinPassageChrf = Annotated[Optional[float], typer.Option(help="Flag passages whose round-trip chrF is below this.")]
Disable = Annotated[Optional[list[str]], typer.Option(help="Turn a check off, repeatable; see `tqcheck checks`.")]
Baseline = Annotated[Optional[Path], typer.Option(help="Only findings not in this baseline fail the run.")]
ConfigPath = Annotated[Optional[Path], typer.Option("--config", help="tqcheck.toml or pyproject.toml to use.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]


@dataclass(frozen=True)
class Effective:
    options: CheckOptions
    settings: Settings
    fail_on: Severity
    min_chrf: float | None
    max_flagged_ratio: float | None
    baseline: dict[str, dict[str, Any]] | None
    suppressions: dict[str, Suppression]


def effective(*, src_lang: str | None, tgt_lang: str | None, engine: EngineName | None,
              no_cache: bool, cache: Path | None, threads: int | None, fail_on: Severity | None,
              min_chrf: float | None, max_flagged_ratio: float | None,
              min_passage_chrf: float | None, disable: list[str] | None,
              baseline: Path | None, config: Path | None, engine_url: str | None = None,
              api_key: str | None = None, require_engine: bool = False,
              glossary: Path | None = None, words: Path | None = None,
              via: str | None = None) -> Effective:
    from tqcheck.pipeline import CheckOptions

    settings = resolve({
        "engine": engine.value if engine else None, "fail_on": fail_on.value if fail_on else None,
        "engine_url": engine_url, "api_key": api_key, "via": via,
        "min_chrf": min_chrf, "max_flagged_ratio": max_flagged_ratio,
        "min_passage_chrf": min_passage_chrf, "disable": disable or [],
        "require_engine": require_engine or None,
        "glossary": str(glossary) if glossary else None, "words": str(words) if words else None,
    }, config)
    thresholds = {}
    if settings["min_passage_chrf"] is not None:
        thresholds["min_passage_chrf"] = settings["min_passage_chrf"]
    try:
        level = Severity(settings["fail_on"])
    except ValueError as exc:
        raise ConfigError(f"fail_on = {settings['fail_on']!r} (from {settings.origins['fail_on']}); "
                          "use info, warning or error") from exc
    if not isinstance(settings["severity"], dict) or not isinstance(settings["disable"], list):
        raise ConfigError("config: 'severity' must be a table and 'disable' a list")
    opts = CheckOptions(
        src_lang=src_lang, tgt_lang=tgt_lang, engine=str(settings["engine"]),
        cache=False if no_cache else (cache or True), threads=threads, thresholds=thresholds,
        disable=tuple(settings["disable"]), severities=dict(settings["severity"]),
        calibrations=tuple(str(p) for p in _paths(settings["calibration"])),
        engine_url=settings["engine_url"], api_key=settings["api_key"],
        require_engine=bool(settings["require_engine"]),
        glossary=_relative(settings, "glossary"), words=_relative(settings, "words"),
        via=settings["via"], engine_order=tuple(settings["engine_order"]),
    )
    return Effective(opts, settings, level, settings["min_chrf"], settings["max_flagged_ratio"],
                     load_baseline(baseline) if baseline else None,
                     parse_suppressions(settings["suppress"]))


def _relative(settings: Settings, key: str) -> str | None:
    """A file setting: from the config file it is relative to that file's folder."""
    value = settings[key]
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{key} (from {settings.origins[key]}) must be a file path")
    path = Path(value)
    if settings.origins[key] == str(settings.path) and settings.path and not path.is_absolute():
        path = settings.path.parent / path
    return str(path)


def _paths(value: Any) -> list[Path]:
    if value is None:
        return []
    if isinstance(value, str):
        return [Path(value)]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [Path(v) for v in value]
    raise ConfigError("calibration must be a path or a list of paths")
