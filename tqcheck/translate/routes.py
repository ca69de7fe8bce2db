"""Route finding: which engines, in which order, take src to tgt.

The cheapest real route wins: fewest legs first (direct, then one pivot, then two), then
the most preferred engines (the order given, by default Argos before Apertium; a server
only when the user lists it), then the pivot language (English, Argos's hub, then
Spanish, Apertium's, then the rest alphabetically). A route never visits a language
twice and never has more than MAX_PIVOTS pivots, so loops and long chains are never
tried.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqcheck.errors import TqcheckError
from tqcheck.translate.base import Engine
from tqcheck.translate.pivot import MAX_PIVOTS, SEP, Leg, PivotEngine

# Hubs: the languages most engines pair with, so the routes through them are the best kept.
PREFERRED_PIVOTS = ("en", "es")
SHOWN_ROUTES = 6


@dataclass(frozen=True)
class Route:
    legs: tuple[Leg, ...]
    ranks: tuple[int, ...]  # each leg's engine position in the preference order

    @property
    def pivots(self) -> tuple[str, ...]:
        return tuple(leg.tgt for leg in self.legs[:-1])

    @property
    def label(self) -> str:
        return SEP.join(leg.label for leg in self.legs)

    def cost(self) -> tuple:
        hubs = tuple(PREFERRED_PIVOTS.index(p) if p in PREFERRED_PIVOTS else len(PREFERRED_PIVOTS)
                     for p in self.pivots)
        return (len(self.legs), sorted(self.ranks, reverse=True), sum(self.ranks), hubs, self.pivots)


def _edges(engines: Sequence[Engine], strict: bool = False) -> dict[str, list[tuple[int, Engine, str]]]:
    """Per source language, the hops each engine offers now: (rank, engine, target).
    An engine that cannot say (an unreachable server) offers none, unless `strict`: then
    its error is the answer (one engine asked for by name)."""
    out: dict[str, list[tuple[int, Engine, str]]] = {}
    for rank, engine in enumerate(engines):
        try:
            pairs = engine.pairs()
        except TqcheckError:
            if strict:
                raise
            continue
        for a, b in pairs:
            if a != b:
                out.setdefault(a, []).append((rank, engine, b))
    return out


def all_routes(engines: Sequence[Engine], src: str, tgt: str, max_pivots: int = MAX_PIVOTS,
               edges: dict[str, list[tuple[int, Engine, str]]] | None = None,
               strict: bool = False) -> list[Route]:
    """Every route from src to tgt within max_pivots, cheapest first."""
    if src == tgt:
        return []
    edges = _edges(engines, strict) if edges is None else edges
    found: list[Route] = []
    listed = {(id(e), b) for _, e, b in edges.get(src, [])}
    # Engines that cannot list their pairs may still translate this one directly.
    for rank, engine in enumerate(engines):
        if (id(engine), tgt) not in listed and _supports(engine, src, tgt, strict):
            found.append(Route((Leg(engine, src, tgt),), (rank,)))

    def walk(lang: str, legs: tuple[Leg, ...], ranks: tuple[int, ...], seen: frozenset[str]) -> None:
        for rank, engine, nxt in edges.get(lang, []):
            if nxt == tgt:
                found.append(Route((*legs, Leg(engine, lang, nxt)), (*ranks, rank)))
            elif nxt not in seen and len(legs) < max_pivots:
                walk(nxt, (*legs, Leg(engine, lang, nxt)), (*ranks, rank), seen | {nxt})

    walk(src, (), (), frozenset({src, tgt}))
    return sorted(found, key=Route.cost)


def _supports(engine: Engine, src: str, tgt: str, strict: bool) -> bool:
    try:
        return engine.supports(src, tgt)
    except TqcheckError:
        if strict:
            raise
        return False


def best(engines: Sequence[Engine], src: str, tgt: str, via: str | None = None,
         strict: bool = False) -> Route | None:
    """The cheapest route, through `via` when it is given."""
    for route in all_routes(engines, src, tgt, strict=strict):
        if via is None or via in route.pivots:
            return route
    return None


def no_route_via(engines: Sequence[Engine], src: str, tgt: str, via: str) -> str:
    """The exit-3 message for a --via no route uses, naming the routes that do exist."""
    routes = all_routes(engines, src, tgt)
    head = f"no route for {src}→{tgt} goes through {via}"
    if not routes:
        return f"{head}, and none exists at all here"
    shown = "; ".join(r.label for r in routes[:SHOWN_ROUTES])
    more = f" (and {len(routes) - SHOWN_ROUTES} more)" if len(routes) > SHOWN_ROUTES else ""
    return f"{head}; the routes that exist: {shown}{more}"


def engine_for(route: Route) -> Engine:
    return route.legs[0].engine if len(route.legs) == 1 else PivotEngine(route.legs)


def reachable(engines: Sequence[Engine]) -> dict[tuple[str, str], Route]:
    """Every pair some route covers now, with its cheapest route (for `tqcheck engines`)."""
    edges = _edges(engines)
    langs = set(edges) | {b for hops in edges.values() for _, _, b in hops}
    out = {}
    for src in sorted(langs):
        for tgt in sorted(langs - {src}):
            routes = all_routes(engines, src, tgt, edges=edges)
            if routes:
                out[(src, tgt)] = routes[0]
    return out
