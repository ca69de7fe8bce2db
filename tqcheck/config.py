"""Settings: CLI > config file (tqcheck.toml or [tool.tqcheck]) > environment > default.

Every effective value remembers where it came from, so an error about a bad value can
name the file, variable or option it came from.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError

DEFAULTS: dict[str, Any] = {
    "engine": "auto",
    "fail_on": "error",
    "min_chrf": None,
    "max_flagged_ratio": None,
    "min_passage_chrf": None,
    "disable": [],
    "severity": {},
    "suppress": [],
    "calibration": None,
    "engine_url": None,  # a LibreTranslate server, for engine = "libretranslate"
    "api_key": None,
    "require_engine": False,  # auto with no engine for the pair: exit 3, not engine none
    "glossary": None,  # key terms, TSV/CSV/TBX
    "words": None,  # words the spelling check accepts
    "via": None,  # a pivot language the back-translation route must go through
    "engine_order": [],  # the engines `auto` may use, preferred first
}
# Values that make sense from the environment (strings only).
_ENV = {"engine": "TQCHECK_ENGINE", "fail_on": "TQCHECK_FAIL_ON", "min_chrf": "TQCHECK_MIN_CHRF",
        "engine_url": "TQCHECK_ENGINE_URL", "api_key": "TQCHECK_API_KEY"}
_STRINGS = {"engine_url", "api_key", "via"}
_FLOATS = {"min_chrf", "max_flagged_ratio", "min_passage_chrf"}


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


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
    env = os.environ if env is None else env
    if config_path is not None:
        path: Path | None = config_path
        table = _load(config_path)
        if config_path.name == "pyproject.toml":
            table = table.get("tool", {}).get("tqcheck", {})
    else:
        path, table = find_config()
    unknown = set(table) - set(DEFAULTS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(DEFAULTS))}")
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for key, default in DEFAULTS.items():
        if cli.get(key) not in (None, [], {}):
            values[key], origins[key] = cli[key], "command line"
        elif key in table:
            values[key], origins[key] = table[key], str(path)
        elif key in _ENV and env.get(_ENV[key]):
            values[key], origins[key] = env[_ENV[key]], f"${_ENV[key]}"
        else:
            values[key], origins[key] = default, "default"
        if key in _FLOATS and values[key] is not None:
            values[key] = _float(key, values[key], origins[key])
        if key in _STRINGS and values[key] is not None and not isinstance(values[key], str):
            raise ConfigError(f"{key} (from {origins[key]}) must be a string")
        if key == "engine_order" and not (isinstance(values[key], list)
                                          and all(isinstance(v, str) for v in values[key])):
            raise ConfigError(f"engine_order (from {origins[key]}) must be a list of engine names")
    return Settings(values, origins, path)


def _float(key: str, value: Any, origin: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{key} = {value!r} (from {origin}) is not a number") from exc
