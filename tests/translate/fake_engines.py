"""Engine test doubles: deterministic, and they record what they were asked."""
from __future__ import annotations

from collections.abc import Sequence

from tqcheck.errors import EngineError
from tqcheck.translate.base import Engine, EngineInfo


class ReversingEngine(Engine):
    """'Translates' by reversing word order; supports the pairs it is given."""

    name = "fake"

    def __init__(self, pairs: Sequence[tuple[str, str]] = (("es", "en"), ("en", "es")),
                 version: str = "1") -> None:
        self._pairs = list(pairs)
        self.version = version
        self.calls: list[list[str]] = []

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self._pairs

    def pairs(self) -> list[tuple[str, str]]:
        return list(self._pairs)

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(self.name, f"fake-{src}-{tgt}", self.version)

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        if not self.supports(src, tgt):
            raise EngineError(f"fake: no {src}→{tgt}")
        self.calls.append(list(texts))
        return [" ".join(reversed(t.split())) for t in texts]
