"""Which languages the two sides are in: from options, else from detection."""
from __future__ import annotations

import re

from tqcheck import detect
from tqcheck.errors import LanguageError
from tqcheck.lang import get as get_language
from tqcheck.model import Document

_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
# Enough of the article for a confident decision (langdetect's cost grows with it).
_SAMPLE_CHARS = 1600
_SAMPLE_PASSAGES = 8


def name(code: str | None) -> str:
    if code is None:
        return "no language"
    return f"{get_language(code).name} ({code})"


def normalise(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.strip().lower().replace("_", "-")
    if not _CODE.match(code):
        raise LanguageError(f"{code!r} is not a language code; use ISO 639-1 such as en, es, ca")
    return code.split("-")[0]


def document_language(doc: Document, given: str | None) -> str:
    if given:
        return given
    # Evenly spread over the article, so one passage left in another language near the
    # top cannot decide the whole document.
    ps = doc.passages
    step = max(1, len(ps) // _SAMPLE_PASSAGES)
    sample = " ".join(p.text[:_SAMPLE_CHARS // _SAMPLE_PASSAGES] for p in ps[::step][:_SAMPLE_PASSAGES])
    found = detect.detect(sample)
    if found is None:
        raise LanguageError(
            f"{doc.path}: cannot tell its language (too little text); pass --src-lang/--tgt-lang"
        )
    return found


def resolve_pair(src: Document, tgt: Document, src_lang: str | None, tgt_lang: str | None
                 ) -> tuple[str, str]:
    s = document_language(src, normalise(src_lang))
    t = document_language(tgt, normalise(tgt_lang))
    if s == t:
        raise LanguageError(
            f"both files are in {name(s)}: {src.path} and {tgt.path}; "
            "a translation must be in another language (or pass --src-lang/--tgt-lang)"
        )
    return s, t
