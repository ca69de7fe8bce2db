"""Pivot routes: the cheapest real route, never a loop or a long chain, --via, the route
in the engine info and the cache key. Fake engines here; real Apertium routes in
tests/test_end_to_end_pivot.py."""
from __future__ import annotations

import pytest

from tests.translate.fake_engines import ReversingEngine
from tqcheck.errors import EngineError
from tqcheck.translate import routes
from tqcheck.translate.base import EngineInfo
from tqcheck.cache.translations import CachedEngine
from tqcheck.translate.pivot import Leg, PivotEngine, check_chain, legs_of


class Named(ReversingEngine):
    def __init__(self, name: str, pairs):
        super().__init__(pairs)
        self.name = name


def both(*pairs):
    return [p for a, b in pairs for p in ((a, b), (b, a))]


def test_direct_beats_a_pivot_even_on_a_less_preferred_engine():
    argos = Named("argos", both(("pt", "en"), ("es", "pt")))
    apertium = Named("apertium", both(("es", "en")))
    assert routes.best([argos], "es", "en").label == "argos:fake-es-pt>argos:fake-pt-en"
    route = routes.best([argos, apertium], "es", "en")
    assert [leg.engine.name for leg in route.legs] == ["apertium"]


def test_one_pivot_prefers_the_engines_in_order_then_the_hub_language():
    argos = Named("argos", both(("pt", "fr"), ("fr", "en")))
    apertium = Named("apertium", both(("pt", "es"), ("es", "en"), ("pt", "ca"), ("ca", "en")))
    route = routes.best([argos, apertium], "pt", "en")
    assert route.label == "argos:fake-pt-fr>argos:fake-fr-en"
    route = routes.best([apertium, argos], "pt", "en")
    # Spanish is the hub (Apertium's), before Catalan, though "ca" sorts first.
    assert route.label == "apertium:fake-pt-es>apertium:fake-es-en"


def test_two_pivots_at_most_and_never_a_loop():
    chain = Named("apertium", [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("b", "a"), ("c", "b")])
    assert [r.pivots for r in routes.all_routes([chain], "a", "d")] == [("b", "c")]
    assert routes.all_routes([chain], "a", "e") == []  # three pivots: never tried
    for r in routes.all_routes([chain], "a", "c"):
        langs = [r.legs[0].src, *(leg.tgt for leg in r.legs)]
        assert len(langs) == len(set(langs))


def test_a_chain_that_loops_or_is_too_long_is_refused():
    e = Named("x", both(("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")))
    with pytest.raises(EngineError, match="twice"):
        check_chain([Leg(e, "a", "b"), Leg(e, "b", "a"), Leg(e, "a", "c")])
    with pytest.raises(EngineError, match="over the limit"):
        check_chain([Leg(e, "a", "b"), Leg(e, "b", "c"), Leg(e, "c", "d"), Leg(e, "d", "e")])
    with pytest.raises(EngineError, match="do not connect"):
        check_chain([Leg(e, "a", "b"), Leg(e, "c", "d")])


def test_via_forces_the_pivot_and_names_the_routes_when_none_uses_it():
    e = Named("apertium", both(("pt", "es"), ("es", "en"), ("pt", "ca"), ("ca", "en")))
    assert routes.best([e], "pt", "en", via="ca").pivots == ("ca",)
    assert routes.best([e], "pt", "en", via="fr") is None
    msg = routes.no_route_via([e], "pt", "en", "fr")
    assert msg.startswith("no route for pt→en goes through fr; the routes that exist: ")
    assert "apertium:fake-pt-es>apertium:fake-es-en" in msg and "apertium:fake-pt-ca>apertium:fake-ca-en" in msg


def test_the_route_is_the_model_the_version_and_the_cache_key(tmp_path):
    a = Named("apertium", both(("pt", "es")))
    b = Named("argos", both(("es", "en")))
    pivot = routes.engine_for(routes.best([b, a], "pt", "en"))
    assert isinstance(pivot, PivotEngine)
    info = pivot.info("pt", "en")
    assert info == EngineInfo("pivot", "apertium:fake-pt-es>argos:fake-es-en", "1>1")
    assert legs_of(info) == 2 and legs_of(EngineInfo("apertium", "spa-eng")) == 1
    # Each leg really translates: reversing twice gives the text back.
    assert pivot.translate_batch(["one two three"], "pt", "en") == ["one two three"]
    assert a.calls == [["one two three"]] and b.calls == [["three two one"]]
    cached = CachedEngine(pivot, tmp_path / "c.sqlite3")
    cached.translate_batch(["one two three"], "pt", "en")
    b.version = "2"  # a new version of one leg is a new route version: no stale hit
    cached.translate_batch(["one two three"], "pt", "en")
    assert cached.stats == {"hits": 0, "misses": 2}
    cached.translate_batch(["one two three"], "pt", "en")
    assert cached.stats["hits"] == 1


def test_consecutive_legs_of_one_engine_go_to_it_as_one_chain():
    seen = []

    class Chaining(Named):
        def translate_chain(self, texts, hops):
            seen.append(list(hops))
            return super().translate_chain(texts, hops)

    e = Chaining("apertium", both(("pt", "es"), ("es", "en")))
    pivot = routes.engine_for(routes.best([e], "pt", "en"))
    pivot.translate_batch(["a b"], "pt", "en")
    assert seen == [[("pt", "es"), ("es", "en")]]


def test_reachable_lists_direct_and_pivoted_pairs():
    e = Named("apertium", both(("pt", "es"), ("es", "en")))
    got = {pair: r.label for pair, r in routes.reachable([e]).items()}
    assert got[("pt", "en")] == "apertium:fake-pt-es>apertium:fake-es-en"
    assert got[("es", "en")] == "apertium:fake-es-en"
    assert len(got) == 6
