"""Engines by name. Backends are "module:Class" strings, imported only when chosen, so
`tqcheck --help` never pays for argostranslate's ≈4 s import."""
from __future__ import annotations

import importlib
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError, EngineError, TqcheckError
from tqcheck.settings import Setting
from tqcheck.translate.base import Engine

ENGINES: dict[str, str] = {
    "argos": "tqcheck.translate.argos:ArgosEngine",
    "apertium": "tqcheck.translate.apertium:ApertiumEngine",
    "libretranslate": "tqcheck.translate.libretranslate:LibreTranslateEngine",
    "none": "tqcheck.translate.none:NoneEngine",
}
# A remote server is never picked by itself: sending an article out must be a choice.
AUTO_ORDER = ("argos", "apertium")


def _engine_class(name: str) -> type[Engine]:
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r}; choose from auto, {', '.join(ENGINES)}")
    module, _, cls = ENGINES[name].partition(":")
    try:
        engine_cls: type[Engine] = getattr(importlib.import_module(module), cls)
    except ImportError as exc:
        raise EngineError(f"the {name} engine is not installed ({exc.name}): "
                          "pip install 'tqcheck[argos]'") from exc
    return engine_cls


def engine_settings() -> tuple[Setting, ...]:
    """The settings every registered engine declares (engine modules import nothing
    heavy at the top, so this is cheap)."""
    return tuple(s for name in ENGINES for s in _engine_class(name).settings)


def load(name: str, threads: int | None = None, **options: Any) -> Engine:
    """The engine `name`; of `options` (engine_url, api_key, …) each engine gets the
    ones it declares, so one set of settings serves every engine."""
    engine_cls = _engine_class(name)
    given = {s.param or s.name: options[s.name] for s in engine_cls.settings
             if options.get(s.name) is not None}
    return engine_cls(threads=threads, **given)


def _how_to_install(src: str, tgt: str) -> str:
    from tqcheck.translate import debian_pairs

    argos = f"install an Argos model (`tqcheck models install {src} {tgt}`)"
    package = debian_pairs.package_for(src, tgt)
    if package:
        return f"no engine translates {src}→{tgt} here: {argos} or an Apertium pair (`apt-get install {package}`)"
    return f"no engine translates {src}→{tgt} here: {argos}; {debian_pairs.install_hint(src, tgt)}"


def candidates(name: str, threads: int | None = None, order: Sequence[str] | None = None,
               **options: Any) -> list[Engine]:
    """The engines a route may use, most preferred first: `name` alone, or for auto the
    configured order (default AUTO_ORDER), skipping engines that are not installed."""
    if name != "auto":
        return [load(name, threads, **options)]
    names = list(order or AUTO_ORDER)
    unknown = [n for n in names if n not in ENGINES]
    if unknown:
        raise ConfigError(f"engine_order: unknown engine {unknown[0]!r}; choose from {', '.join(ENGINES)}")
    out = []
    for n in dict.fromkeys(names):
        try:
            out.append(load(n, threads, **options))
        except EngineError:
            continue
    return out


def get_engine(name: str, src: str, tgt: str, *, cache: bool | str | Path = True,
               threads: int | None = None, require: bool = False, via: str | None = None,
               order: Sequence[str] | None = None, **options: Any) -> Engine:
    """The engine to translate src→tgt, wrapped in the translation cache unless cache=False:
    one engine, or a pivot route of two or three legs (see routes.best). `via` forces a
    pivot language; `order` ranks the engines auto may use. `options` are engine settings
    such as a server's url and api_key (see `load`). With `auto` and no route for the
    pair, the engine-free checks still run (engine `none`, with a warning) unless
    `require` asks for the engine error instead."""
    from tqcheck.translate import routes

    engines = candidates(name, threads, order, **options)
    route = routes.best(engines, src, tgt, via, strict=name != "auto")
    if route is None:
        if via:
            raise EngineError(routes.no_route_via(engines, src, tgt, via))
        if name == "auto" and not require:
            warnings.warn(_how_to_install(src, tgt) + "; running the checks that need no "
                          "back-translation (--engine none; --require-engine makes this an error)",
                          stacklevel=2)
            return load("none")
        if name == "auto" or not engines:
            raise EngineError(_how_to_install(src, tgt))
        raise EngineError(engines[0].why_unsupported(src, tgt))
    engine = routes.engine_for(route)
    if cache is False or engine.name == "none":
        return engine
    from tqcheck.cache.translations import CachedEngine

    return CachedEngine(engine, None if cache is True else Path(cache))


def available_pairs(**options: Any) -> dict[str, tuple[list[tuple[str, str]], str]]:
    """Per engine: the pairs usable now, and why there are none (not installed, not
    configured, unreachable) when that is so."""
    out: dict[str, tuple[list[tuple[str, str]], str]] = {}
    for name in ENGINES:
        if name == "none":
            continue  # translates nothing: it is the absence of an engine
        try:
            engine = load(name, **options)
            out[name] = (engine.pairs(), getattr(engine, "no_pairs", "no models installed"))
        except TqcheckError as exc:
            out[name] = ([], str(exc))
    return out
