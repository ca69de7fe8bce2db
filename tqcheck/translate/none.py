"""The engine for when there is none: no back-translation at all.

Every text "translates" to the empty string, so the pipeline runs unchanged and each
check that needs a back-translation says it cannot run (`Check.unavailable`); the aligner
falls back on length and lexical anchors (numbers, names, URLs, placeholders).
"""
from __future__ import annotations

from collections.abc import Sequence

from tqcheck.translate.base import Engine, EngineInfo

NAME = "none"


class NoneEngine(Engine):
    name = NAME

    def __init__(self, threads: int | None = None) -> None:
        del threads  # nothing runs

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        return [""] * len(texts)

    # What `tqcheck engines` says of it: it lists no pairs because it takes every one.
    no_pairs = "every pair: only the checks that need no back-translation"

    def supports(self, src: str, tgt: str) -> bool:
        return True

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(NAME)
