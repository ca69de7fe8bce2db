"""What a run is asked to do (CheckOptions) and what reading a pair gives the later stages
(Prepared): the values every stage of tqcheck/pipeline.py passes along."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.model import Document
from tqcheck.score.stats import ChrfStore
from tqcheck.settings import EngineSettings


@dataclass(frozen=True)
class CheckOptions:
    src_lang: str | None = None
    tgt_lang: str | None = None
    engine: str = "auto"
    cache: bool | str | Path = True
    threads: int | None = None
    src_format: str | None = None
    tgt_format: str | None = None
    thresholds: Mapping[str, float] = field(default_factory=dict)
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severities: Mapping[str, str] = field(default_factory=dict)
    calibrations: tuple[str, ...] = ()  # calibration files tried before the shipped ones
    require_engine: bool = False  # auto without an engine for the pair: error, not `none`
    glossary: str | None = None  # key terms file (TSV, CSV, TBX)
    words: str | None = None  # the user's word list for the spelling check
    via: str | None = None  # a pivot language the route must go through
    engine_order: tuple[str, ...] = ()  # the engines auto may use, preferred first
    verdict: bool = True  # the learned verdict per unit, where one is trained for the pair
    verdicts: tuple[str, ...] = ()  # verdict files tried before the shipped ones
    # Settings engines declare (a server's URL, its key); secrets stay out of the repr,
    # so they never reach a log nor the report cache key.
    engine_settings: EngineSettings = EngineSettings()

    def engine_options(self) -> dict[str, Any]:
        """Settings for get_engine: the route's, and those only some engines take."""
        return {**dict(self.engine_settings), "via": self.via, "order": self.engine_order or None}


@dataclass(frozen=True)
class Prepared:
    source: Document
    translation: Document
    src_lang: str
    tgt_lang: str
    # Sentences of each translation passage, the unit sent to the engine.
    tgt_sentences: tuple[tuple[str, ...], ...]
    # What each PRE_ENGINE_STAGES entry returned, by its name.
    pre: dict[str, Any] = field(default_factory=dict, compare=False)
    # Filled while the engine runs, read by the aligner and the scorer.
    grams: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    chrf: ChrfStore = field(default_factory=ChrfStore, compare=False, repr=False)
