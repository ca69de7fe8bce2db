"""Argos Translate packages, driven through their CTranslate2 and SentencePiece models.

tqcheck does not call `argostranslate.translate`: that path splits sentences itself
(MiniSBD, which downloads a model offline when a package lacks one), imports spacy and
torch (≈4 s), and translates one paragraph at a time. tqcheck has already split the
article into sentences, so a whole article is one `translate_batch` call here.
`argostranslate.package` is still what finds the installed packages and their tokenizers,
so the packages folder and settings (ARGOS_PACKAGES_DIR, XDG_*) are Argos's own.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tqcheck.errors import EngineError
from tqcheck.settings import core
from tqcheck.translate.base import Engine, EngineInfo

# Argos's own defaults, so a round trip here matches what the newsroom's pipeline produced.
BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
MAX_BATCH_TOKENS = 4096
# On 2 cores, intra_threads=0 (all cores) cost ≈110 ms per sentence on a tiny model and
# intra_threads=1 ≈5 ms (ENGINES.md): thread contention dominates small batches. One
# thread is the default; TQCHECK_THREADS or --threads raise it for big models.
DEFAULT_THREADS = 1


def default_threads() -> int:
    try:
        return max(1, int(os.environ.get(str(core("threads").env), DEFAULT_THREADS)))
    except ValueError:
        return DEFAULT_THREADS


_NEEDS = "the argos engine needs argostranslate and ctranslate2 ({}): pip install 'tqcheck[argos]'"


@dataclass
class _Leg:
    """One installed package: src→tgt, loaded on first use."""

    package: Any  # argostranslate.package.Package
    translator: Any = None

    @property
    def name(self) -> str:
        return f"translate-{self.package.from_code}_{self.package.to_code}"

    @property
    def version(self) -> str:
        return str(self.package.package_version)


class ArgosEngine(Engine):
    name = "argos"

    def __init__(self, threads: int | None = None) -> None:
        try:
            import argostranslate.package  # noqa: F401  (fast: no torch, no spacy)
        except ImportError as exc:
            raise EngineError(_NEEDS.format(exc.name)) from exc
        # Found here, imported at the first translation: ctranslate2 takes 15 ms to import
        # (asyncio with it), and a cached re-run never translates.
        from importlib.util import find_spec

        if find_spec("ctranslate2") is None:
            raise EngineError(_NEEDS.format("ctranslate2"))
        self.threads = threads or default_threads()
        self._legs: dict[tuple[str, str], _Leg] | None = None

    # -- discovery ------------------------------------------------------------------
    def _installed(self) -> dict[tuple[str, str], _Leg]:
        if self._legs is None:
            import argostranslate.package

            self._legs = {}
            for pkg in argostranslate.package.get_installed_packages():
                if getattr(pkg, "type", "translate") == "translate":
                    self._legs.setdefault((pkg.from_code, pkg.to_code), _Leg(pkg))
        return self._legs

    def supports(self, src: str, tgt: str) -> bool:
        return src != tgt and (src, tgt) in self._installed()

    def pairs(self) -> list[tuple[str, str]]:
        # Direct packages only: pivots through English (or any language) are routes,
        # built by the registry from these pairs (tqcheck.translate.routes).
        return sorted(self._installed())

    def info(self, src: str, tgt: str) -> EngineInfo:
        leg = self._require(src, tgt)
        # Beam and length penalty change the output, so they are part of the cache key.
        return EngineInfo(self.name, leg.name, f"{leg.version};beam={BEAM_SIZE}")

    def why_unsupported(self, src: str, tgt: str) -> str:
        # A route through another language is worth naming only where one could exist.
        tried = "" if "en" in (src, tgt) else " (nor a route through English or another language)"
        return f"no Argos package for {src}→{tgt}{tried}: tqcheck models install {src} {tgt}"

    def _require(self, src: str, tgt: str) -> _Leg:
        leg = self._installed().get((src, tgt))
        if leg is None:
            raise EngineError(self.why_unsupported(src, tgt))
        return leg

    # -- translation ----------------------------------------------------------------
    def _translator(self, leg: _Leg) -> Any:
        if leg.translator is None:
            try:
                import ctranslate2
            except ImportError as exc:
                raise EngineError(_NEEDS.format(exc.name)) from exc

            model_dir = leg.package.package_path / "model"
            try:
                leg.translator = ctranslate2.Translator(
                    str(model_dir), device="cpu", compute_type="auto",
                    inter_threads=1, intra_threads=self.threads)
            except (RuntimeError, ValueError, OSError) as exc:
                raise EngineError(f"cannot load the Argos model {leg.name} from {model_dir}: {exc}; "
                                  f"reinstall it (tqcheck models remove/install)") from exc
        return leg.translator

    def _translate_leg(self, leg: _Leg, texts: list[str]) -> list[str]:
        tokenizer = leg.package.tokenizer
        prefix = getattr(leg.package, "target_prefix", "") or ""
        tokens = [tokenizer.encode(t) for t in texts]
        try:
            results = self._translator(leg).translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                replace_unknowns=True,
                max_batch_size=MAX_BATCH_TOKENS,
                batch_type="tokens",
                beam_size=BEAM_SIZE,
                length_penalty=LENGTH_PENALTY,
            )
        except RuntimeError as exc:
            raise EngineError(f"Argos model {leg.name} failed: {exc}") from exc
        out = []
        for result in results:
            value = tokenizer.decode(result.hypotheses[0])
            if prefix and value.startswith(prefix):
                value = value[len(prefix):]
            out.append(value.strip())
        return out

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        leg = self._require(src, tgt)
        out = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if todo:
            for i, text in zip(todo, self._translate_leg(leg, [" ".join(texts[i].split()) for i in todo])):
                out[i] = text
        return out
