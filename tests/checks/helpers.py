"""Domain helpers so check tables read like a reviewer's notes (pofilter style)."""
from __future__ import annotations

from tqcheck.checks import CHECKS, Context
from tqcheck.model import AlignedUnit, Passage, Scores


def unit(source: str | None, target: str | None, *, kind: str = "1-1", back: str = "",
         chrf: float | None = 60.0, target_lang: str | None = None) -> AlignedUnit:
    src = () if source is None else (Passage(0, source, 3),)
    tgt = () if target is None else (Passage(0, target, 5, lang=target_lang),)
    return AlignedUnit(0, kind, src, tgt, back, Scores(chrf=chrf))


def findings(check_id: str, u: AlignedUnit, src_lang: str = "en", tgt_lang: str = "es", **thr):
    return CHECKS[check_id]().run(u, Context(src_lang, tgt_lang, 60.0, thr))


def fails(check_id: str, source: str | None, target: str | None, *, src_lang: str = "en",
          tgt_lang: str = "es", **kw) -> bool:
    return bool(findings(check_id, unit(source, target, **kw), src_lang, tgt_lang))


def passes(check_id: str, source: str | None, target: str | None, **kw) -> bool:
    return not fails(check_id, source, target, **kw)
