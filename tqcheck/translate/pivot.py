"""Pivot translation: src→…→tgt as a chain of legs, each leg any engine.

argos-translate pivots through English inside one engine; here the idea is a wrapper,
so a pair no single engine covers is covered by two real ones (Apertium pt→es, then
es→en). Consecutive legs of one engine go to that engine together (`translate_chain`),
so an engine that can stream several hops at once (Apertium: one process pipeline,
its legs running side by side on the cores) does.

A route reads `apertium:pt-es>apertium:spa-eng`: it is the engine model of a pivot's
EngineInfo, so it reaches the report, the signature, the cache key and the calibration
look-up without any of them knowing about pivots.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqcheck.errors import EngineError
from tqcheck.translate.base import Engine, EngineInfo

NAME = "pivot"
SEP = ">"
# Two pivots at most: every leg loses meaning, and a longer chain is never worth it.
MAX_PIVOTS = 2


@dataclass(frozen=True)
class Leg:
    engine: Engine
    src: str
    tgt: str

    @property
    def label(self) -> str:
        return f"{self.engine.name}:{self.engine.info(self.src, self.tgt).model}"


def check_chain(legs: Sequence[Leg]) -> None:
    """A usable chain: connected, short, and never back to a language it has been in."""
    if not legs:
        raise EngineError("a route needs at least one leg")
    if len(legs) > MAX_PIVOTS + 1:
        raise EngineError(f"a route of {len(legs)} legs is over the limit of {MAX_PIVOTS} pivots")
    for a, b in zip(legs, legs[1:]):
        if a.tgt != b.src:
            raise EngineError(f"legs do not connect: {a.src}→{a.tgt} then {b.src}→{b.tgt}")
    langs = [legs[0].src, *(leg.tgt for leg in legs)]
    if len(set(langs)) != len(langs):
        raise EngineError(f"the route {'→'.join(langs)} goes through a language twice")


def legs_of(info: EngineInfo) -> int:
    """How many engine legs made a translation: 1 unless it came through a pivot."""
    return info.model.count(SEP) + 1 if info.name == NAME else 1


class PivotEngine(Engine):
    name = NAME

    def __init__(self, legs: Sequence[Leg]) -> None:
        check_chain(legs)
        if len(legs) < 2:
            raise EngineError("a pivot needs two legs or more; use the engine itself")
        self.legs = tuple(legs)

    @property
    def src(self) -> str:
        return self.legs[0].src

    @property
    def tgt(self) -> str:
        return self.legs[-1].tgt

    @property
    def pivots(self) -> tuple[str, ...]:
        return tuple(leg.tgt for leg in self.legs[:-1])

    @property
    def route(self) -> str:
        return SEP.join(leg.label for leg in self.legs)

    @property
    def calls(self) -> int:
        """Engine calls made by the legs (each distinct engine counted once)."""
        engines = {id(leg.engine): leg.engine for leg in self.legs}
        return sum(getattr(e, "calls", 0) for e in engines.values())

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) == (self.src, self.tgt) and all(
            leg.engine.supports(leg.src, leg.tgt) for leg in self.legs)

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.src, self.tgt)]

    def info(self, src: str, tgt: str) -> EngineInfo:
        self._require(src, tgt)
        versions = [leg.engine.info(leg.src, leg.tgt).version or "-" for leg in self.legs]
        return EngineInfo(NAME, self.route, SEP.join(versions))

    def why_unsupported(self, src: str, tgt: str) -> str:
        return f"the route {self.route} translates {self.src}→{self.tgt}, not {src}→{tgt}"

    def _require(self, src: str, tgt: str) -> None:
        if (src, tgt) != (self.src, self.tgt):
            raise EngineError(self.why_unsupported(src, tgt))

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        self._require(src, tgt)
        current = list(texts)
        for engine, hops in _runs(self.legs):
            current = engine.translate_chain(current, hops)
        return current


def _runs(legs: Sequence[Leg]) -> list[tuple[Engine, list[tuple[str, str]]]]:
    """Consecutive legs of the same engine grouped, so it can run them as one chain."""
    out: list[tuple[Engine, list[tuple[str, str]]]] = []
    for leg in legs:
        if out and out[-1][0] is leg.engine:
            out[-1][1].append((leg.src, leg.tgt))
        else:
            out.append((leg.engine, [(leg.src, leg.tgt)]))
    return out
