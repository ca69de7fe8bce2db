"""CLI options derived from the settings table (tqcheck/settings.py), and how they become
library settings (CLI > config file > environment > default).

A command declares only its arguments and a keyword `run: Run`; `takes()` adds an
option for every setting the command takes (settings.COMMANDS) and hands the resolved
values over.
"""
from __future__ import annotations

import inspect
import typing
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from tqcheck.baseline import Suppression, load_baseline, parse_suppressions
from tqcheck.config import Settings, all_settings, for_command, resolve
from tqcheck.model import Severity
from tqcheck.settings import EngineSettings, Setting

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from tqcheck.pipeline import CheckOptions


class _BareFlags:
    """--help shows no `<bool>` after a flag (--help itself included)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for p in params:
            if getattr(p, "is_flag", False):
                p.metavar = ""
        return params


class Command(_BareFlags, TyperCommand):
    pass


class Group(_BareFlags, TyperGroup):
    pass


@dataclass(frozen=True)
class Run:
    """What a command runs with: every setting's value (and origin), and the library
    options and gate derived from them."""

    settings: Settings
    options: CheckOptions
    fail_on: Severity
    min_chrf: float | None
    max_flagged_ratio: float | None
    baseline: dict[str, dict[str, Any]] | None
    suppressions: dict[str, Suppression]

    def __getitem__(self, name: str) -> Any:
        return self.settings[name]


def build_run(cli: dict[str, Any]) -> Run:
    from tqcheck.pipeline import CheckOptions

    settings = resolve(cli, cli.get("config"))
    engine_settings = {s.name: settings[s.name] for s in _engine_owned()}
    thresholds = {}
    if settings["min_passage_chrf"] is not None:
        thresholds["min_passage_chrf"] = settings["min_passage_chrf"]
    opts = CheckOptions(
        src_lang=settings["src_lang"], tgt_lang=settings["tgt_lang"], engine=str(settings["engine"]),
        cache=False if settings["no_cache"] else (settings["cache"] or True), threads=settings["threads"],
        thresholds=thresholds, enable=tuple(settings["enable"]), disable=tuple(settings["disable"]),
        severities=dict(settings["severity"]), calibrations=tuple(str(p) for p in settings["calibration"]),
        engine_settings=EngineSettings.of(engine_settings, _engine_owned()),
        require_engine=bool(settings["require_engine"]), via=settings["via"],
        engine_order=tuple(settings["engine_order"]),
        glossary=_path(settings["glossary"]), words=_path(settings["words"]),
        verdict=not settings["no_verdict"],
    )
    baseline = settings["baseline"]
    return Run(settings, opts, Severity(settings["fail_on"]), settings["min_chrf"],
               settings["max_flagged_ratio"], load_baseline(baseline) if baseline else None,
               parse_suppressions(settings["suppress"]))


def _engine_owned() -> list[Setting]:
    return [s for s in _all() if s.owner.startswith("engine:")]


@lru_cache(maxsize=1)
def _all() -> tuple[Setting, ...]:
    return all_settings()


def _choices(s: Setting) -> tuple[str, ...]:
    if s.name == "engine":
        from tqcheck.translate.registry import ENGINES

        return ("auto", *ENGINES)
    return s.choices


@lru_cache(maxsize=None)
def _enum(name: str, choices: tuple[str, ...]) -> type[Enum]:
    return Enum(name, {c: c for c in choices}, type=str)  # type: ignore[return-value]


def _help(s: Setting) -> str:
    where = []
    if s.default not in (None, [], {}, False, ""):
        where.append(f"default {s.default}")
    if s.env:
        where.append(f"${s.env}")
    if s.config:
        where.append(f"config {s.name}")
    return s.help + (f" ({'; '.join(where)})" if where else "")


def _annotation(s: Setting, decls: tuple[str, ...], hidden: bool = False) -> tuple[Any, Any]:
    """The typer annotation and CLI default for one setting."""
    info = dict(help=_help(s), hidden=hidden, metavar=s.metavar or None)
    if s.min is not None:
        info["min"] = s.min
    if s.max is not None:
        info["max"] = s.max
    choices = _choices(s)
    if s.kind is bool:
        return Annotated[bool, typer.Option(*decls, help=info["help"], hidden=hidden)], False
    if s.kind is list:
        base: Any = Path if s.name == "output" else str
        return Annotated[Optional[list[base]], typer.Option(*decls, **info)], None  # type: ignore[valid-type]
    base = _enum(s.name, choices) if choices else s.kind
    if choices and len("|".join(choices)) <= 20:
        info["metavar"] = "|".join(choices)
    elif choices:
        info["help"] = f"{s.help.rstrip('.')}: {', '.join(choices)}." + info["help"][len(s.help):]
    return Annotated[Optional[base], typer.Option(*decls, **info)], None  # type: ignore[valid-type]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value


def takes(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The decorated function as command `name`, with an option per setting it takes
    (settings.COMMANDS); the function gets them resolved as `run`."""
    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        hints = typing.get_type_hints(fn, include_extras=True)
        own = [p.replace(annotation=hints.get(n, p.annotation))
               for n, p in inspect.signature(fn).parameters.items() if n != "run"]
        settings = [s for s in for_command(name) if s.flag]  # the others are config-file keys
        params = list(own)
        for s in settings:
            decls = tuple(d for d in (s.flag, s.short) if d)
            ann, default = _annotation(s, decls)
            params.append(inspect.Parameter(s.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=ann))
            if s.aliases:
                ann, default = _annotation(s, s.aliases, hidden=True)
                params.append(inspect.Parameter(f"{s.name}__old", inspect.Parameter.KEYWORD_ONLY,
                                                default=default, annotation=ann))

        def wrapper(**kwargs: Any) -> Any:
            cli = {}
            for s in settings:
                cli[s.name] = _plain(kwargs.pop(s.name))
                old = _plain(kwargs.pop(f"{s.name}__old", None))
                if old not in (None, False, []):
                    warnings.warn(f"{'/'.join(s.aliases)} is now {s.flag}; the old spelling goes "
                                  "in the next release", FutureWarning, stacklevel=2)
                    if cli[s.name] in (None, False, []):
                        cli[s.name] = old
            return fn(**kwargs, run=build_run(cli))

        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        wrapper.__doc__ = fn.__doc__
        wrapper.__name__ = fn.__name__
        return wrapper

    return decorate


def _path(value: Path | None) -> str | None:
    return None if value is None else str(value)
