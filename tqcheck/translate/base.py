"""The engine contract every back-translation backend fulfils."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from tqcheck.settings import Setting


@dataclass(frozen=True)
class EngineInfo:
    """What produced a translation: enough to reproduce it and to key a cache."""

    name: str  # "argos", "apertium", ...
    model: str = ""  # package or mode, e.g. "translate-es_en" or "spa-eng"
    version: str = ""  # model package or engine version


class Engine(ABC):
    name: str = "engine"
    # The engine's own settings (a server's URL, a key): the CLI flags, config keys and
    # environment variables for them derive from these; values reach the constructor.
    settings: ClassVar[tuple[Setting, ...]] = ()

    @abstractmethod
    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate every text from `src` to `tgt` (ISO 639-1); same length and order out."""

    @abstractmethod
    def supports(self, src: str, tgt: str) -> bool:
        """True when this engine can translate src→tgt right now (models installed)."""

    @abstractmethod
    def info(self, src: str, tgt: str) -> EngineInfo:
        """Which model and version translate src→tgt."""

    def why_unsupported(self, src: str, tgt: str) -> str:
        """What to install or configure so that src→tgt works (the message for exit 3)."""
        return f"the {self.name} engine cannot translate {src}→{tgt}"

    def pairs(self) -> list[tuple[str, str]]:
        """The (src, tgt) pairs usable right now; engines that can list them override this."""
        return []

    def translate_chain(self, texts: Sequence[str], hops: Sequence[tuple[str, str]]) -> list[str]:
        """Translate through several hops in a row (a pivot's consecutive legs on this
        engine). One batch per hop here; an engine that can stream hops overrides it."""
        current = list(texts)
        for src, tgt in hops:
            current = self.translate_batch(current, src, tgt)
        return current
