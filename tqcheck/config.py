"""Settings: CLI > config file (tqcheck.toml or [tool.tqcheck]) > environment > default.

Which keys exist, their types, ranges, choices and environment variables all come from
the table in settings.py. Every effective value remembers where it came from, so an
error about a bad value can name the file, variable or option it came from.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError
from tqcheck.settings import COMMANDS, CORE, Setting
from tqcheck.translate.registry import engine_settings


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def all_settings() -> tuple[Setting, ...]:
    """The core table and the settings each registered engine declares."""
    # Each engine's own settings right after --engine, where --help shows them.
    at = next(i for i, s in enumerate(CORE) if s.name == "engine") + 1
    return CORE[:at] + engine_settings() + CORE[at:]


def for_command(command: str) -> list[Setting]:
    """The settings `command` takes, in table order. An owner may be narrowed to one
    setting ("run:config") or widened to every engine ("engine:*")."""
    wanted = COMMANDS[command]
    out = []
    for s in all_settings():
        for w in wanted:
            group, _, only = w.partition(":")
            if w == "engine:*":
                hit = s.owner.startswith("engine:")
            elif only:
                hit = s.owner == group and s.name == only
            else:
                hit = s.owner == group or (group == "engine" and s.owner.startswith("engine:"))
            if hit:
                out.append(s)
                break
    return out


def find_config(start: Path | None = None) -> tuple[Path | None, dict[str, Any]]:
    """The nearest tqcheck.toml, or pyproject.toml with [tool.tqcheck], walking up."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "tqcheck.toml"
        if own.is_file():
            return own, _load(own)
        py = folder / "pyproject.toml"
        if py.is_file():
            table = _load(py).get("tool", {}).get("tqcheck")
            if table is not None:
                return py, table
    return None, {}


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it as TOML ({exc})") from exc


def resolve(cli: Mapping[str, Any], config_path: Path | None = None,
            env: Mapping[str, str] | None = None) -> Settings:
    """Every setting of the table: from `cli` (None, False and [] mean "not given"),
    the config file, the environment, or its default."""
    env = os.environ if env is None else env
    if config_path is not None:
        path: Path | None = config_path
        table = _load(config_path)
        if config_path.name == "pyproject.toml":
            table = table.get("tool", {}).get("tqcheck", {})
    else:
        path, table = find_config()
    settings = all_settings()
    keys = sorted(s.name for s in settings if s.config)
    unknown = set(table) - set(keys)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(keys)}")
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for s in settings:
        if cli.get(s.name) not in (None, False, [], {}):
            value, origin = cli[s.name], "command line"
        elif s.config and s.name in table:
            value, origin = table[s.name], str(path)
        elif s.env and env.get(s.env):
            value, origin = env[s.env], f"${s.env}"
        else:
            value, origin = s.default, "default"
        values[s.name] = value if origin == "default" else _typed(s, value, origin)
        if s.kind is Path and origin == str(path) and path and not values[s.name].is_absolute():
            values[s.name] = path.parent / values[s.name]  # a file named in the config: beside it
        origins[s.name] = origin
    return Settings(values, origins, path)


def _typed(s: Setting, value: Any, origin: str) -> Any:
    """The value as the setting's type, within its range and choices, or a ConfigError
    that names the setting and where the bad value came from."""
    said = f"{s.name} = {value!r} (from {origin})"
    if s.kind in (float, int):
        try:
            value = s.kind(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{said} is not a{'n integer' if s.kind is int else ' number'}") from exc
        if (s.min is not None and value < s.min) or (s.max is not None and value > s.max):
            bounds = f"{s.min:g} to {s.max:g}" if s.max is not None else f"at least {s.min:g}"
            raise ConfigError(f"{said} is out of range: {bounds}")
    elif s.kind is list:
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, (str, dict, Path)) for v in value):
            raise ConfigError(f"{said} must be a list")
    elif s.kind is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{said} must be a table")
    elif s.kind is Path:
        if not isinstance(value, (str, Path)):
            raise ConfigError(f"{said} must be a path")
        value = Path(value)
    elif s.kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"{s.name} (from {origin}) must be a string")
    if s.choices and value not in s.choices:
        raise ConfigError(f"{said}; use {', '.join(s.choices[:-1])} or {s.choices[-1]}")
    return value
