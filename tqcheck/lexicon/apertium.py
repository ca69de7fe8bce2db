"""Apertium's own linguistic data as a lexicon: the analyser and tagger of a pair's mode
give lemma, part of speech and known/unknown; its bilingual dictionary gives the
translations of every lemma.

The commands come from the pair's `.mode` file (the same files `apertium` runs), cut
before transfer: `lt-proc -w X.automorf.bin | [cg-proc -w X.rlx.bin |] apertium-tagger
-g -p X.prob`. One analysis process per side per batch, one text a line, and one
`lt-proc -b` process for the distinct lemmas of the batch.
"""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tqcheck.lexicon.base import Backend, Pending, Word
from tqcheck.translate import debian_pairs
from tqcheck.translate.apertium import MODES_DIR, installed_modes, mode_for

# Characters of Apertium's stream format; replacing them by a space keeps every offset.
_RESERVED = str.maketrans({c: " " for c in "^$/\\<>@*[]{}#+~|\n\r\t"})
_UNIT = re.compile(r"\^((?:[^$\\]|\\.)*)\$")
# A letter or digit (what str.isalnum() is true for): \w without the underscore.
_ALNUM = re.compile(r"[^\W_]")
_TIMEOUT_S = 120
# The parts of speech whose lemmas are looked up in the bilingual dictionary.
_LOOKED_UP = frozenset({"n", "vblex", "adj", "adv", "np", "vbmod", "num"})


@dataclass(frozen=True)
class ModeData:
    mode: str
    automorf: str
    tagger: str
    rlx: str | None
    autobil: str | None

    def analysis_command(self) -> str:
        steps = [f"lt-proc -w {shlex.quote(self.automorf)}"]
        if self.rlx:
            steps.append(f"cg-proc -w {shlex.quote(self.rlx)}")
        steps.append(f"apertium-tagger -g -p {shlex.quote(self.tagger)}")
        return " | ".join(steps)


@lru_cache(maxsize=None)
def mode_data(mode: str) -> ModeData | None:
    """The analyser, tagger, constraint grammar and bilingual dictionary of one mode."""
    path = MODES_DIR / f"{mode}.mode"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    files = re.findall(r"'([^']+)'", text) or re.findall(r"(/\S+\.(?:bin|prob))", text)

    def first(suffix: str) -> str | None:
        return next((f for f in files if f.endswith(suffix) and Path(f).is_file()), None)

    automorf, tagger = first(".automorf.bin"), first(".prob")
    if automorf is None or tagger is None:
        return None
    return ModeData(mode, automorf, tagger, first(".rlx.bin"), first(".autobil.bin"))


def mode_for_language(lang: str, other: str) -> tuple[str, bool] | None:
    """(mode, has a dictionary into `other`): the pair's own mode, else any mode that
    analyses `lang` (then without translations)."""
    if shutil.which("lt-proc") is None or shutil.which("apertium-tagger") is None:
        return None
    direct = mode_for(lang, other)
    if direct and mode_data(direct):
        return direct, mode_data(direct).autobil is not None  # type: ignore[union-attr]
    codes = debian_pairs.apertium_codes(lang)
    for mode in sorted(installed_modes()):
        if mode.split("-")[0] in codes and mode_data(mode):
            return mode, False
    return None


def _split_tags(analysis: str) -> tuple[str, str]:
    head = analysis.split("+")[0]  # "de<pr>+el<det>": the first word of a contraction
    lemma, _, tags = head.partition("<")
    return lemma.replace("#", "").strip(), tags.split(">")[0] if tags else ""


@lru_cache(maxsize=100_000)  # readings repeat ("the<det><def><sp>"): split each once
def _reading(analysis: str) -> tuple[str, str, tuple[str, ...]]:
    """(lemma in lower case, part of speech, the tags after it) of a reading."""
    lemma, pos = _split_tags(analysis)
    tags = tuple(re.findall(r"<([^<>]+)>", analysis.split("+")[0]))[1:]
    return lemma.lower(), pos, tags


def parse_line(line: str, text: str, keys: dict[str, None] | None = None) -> list[Word]:
    """Words of one tagged line (`^surface/lemma<tags>$ …`), placed back in `text`; and
    into `keys`, when given, the `lemma<tags>` of every content reading, to look up in
    the bilingual dictionary (in order, each once)."""
    words: list[Word] = []
    cursor = 0
    low = text.lower()
    for unit in _UNIT.findall(line):
        surface, _, analysis = unit.replace("\\", "").partition("/")
        if not analysis:
            continue
        known = analysis[0] != "*"
        if known:
            lemma, pos, tags = _reading(analysis)
            if keys is not None and pos in _LOOKED_UP and "<" in analysis:
                keys[_tagged_key(analysis)] = None
        if not surface:
            continue
        at = text.find(surface, cursor)
        if at < 0:
            at = low.find(surface.lower(), cursor)
        if at < 0:
            continue
        cursor = at + len(surface)
        if not _ALNUM.search(surface):
            continue  # punctuation: no word
        if known:
            words.append(Word(surface, at, cursor, lemma, pos, True, tags=tags))
        else:
            words.append(Word(surface, at, cursor, surface.lower(), "", False))
    return words


def _tagged_key(analysis: str) -> str:
    return analysis.split("+")[0]


class _Job(Pending):
    """The analysis (and then the dictionary look-up) running in a background thread, so
    it overlaps with the translation engine."""

    def __init__(self, backend: "ApertiumLexicon", texts: Sequence[str]) -> None:
        self.backend = backend
        self.texts = [t.translate(_RESERVED) for t in texts]
        self.error: str | None = None
        self.words: list[tuple[Word, ...]] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.words = self.backend.analyse(self.texts)
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            self.error = str(exc)
            self.words = [() for _ in self.texts]

    def result(self) -> list[tuple[Word, ...]]:
        self.thread.join()
        return self.words


class ApertiumLexicon(Backend):
    name = "apertium"

    def __init__(self, lang: str, other: str, mode: str, translations: bool) -> None:
        super().__init__(lang, other)
        self.mode = mode
        self.data = mode_data(mode)
        self.translations = translations and self.data is not None and self.data.autobil is not None

    def describe(self) -> str:
        return f"apertium {self.mode}" + (" (+ bilingual dictionary)" if self.translations else "")

    def start(self, texts: Sequence[str]) -> Pending:
        return _Job(self, texts)

    def analyse(self, texts: Sequence[str]) -> list[tuple[Word, ...]]:
        if not texts:
            return []
        assert self.data is not None
        payload = "\n".join(texts) + "\n"
        out = _run(self.data.analysis_command(), payload)
        lines = out.split("\n")
        if len(lines) < len(texts):
            raise ValueError(f"apertium {self.mode}: {len(lines)} analysed lines for {len(texts)}")
        found: dict[str, None] = {}
        parsed = [parse_line(line, text, found if self.translations else None)
                  for line, text in zip(lines, texts)]
        if self.translations:
            keys = list(found)
            opposite_keys = _antonym_keys(keys) if self.lang == "en" else {}
            table = self.lookup(keys + sorted({k for ks in opposite_keys.values() for k in ks}))
            parsed = [[_with(w, table.get((w.lemma, w.pos), ()),
                             _opposites(opposite_keys.get((w.lemma, w.pos), ()), table))
                       for w in ws] for ws in parsed]
        return [tuple(ws) for ws in parsed]

    def lookup(self, tagged: Sequence[str]) -> dict[tuple[str, str], tuple[str, ...]]:
        """Dictionary translations of `lemma<tags>` entries, by (lemma, pos)."""
        assert self.data is not None and self.data.autobil is not None
        if not tagged:
            return {}
        payload = "\n".join(f"^{t}$" for t in tagged) + "\n"
        out = _run(f"lt-proc -b {shlex.quote(self.data.autobil)}", payload)
        table: dict[tuple[str, str], list[str]] = {}
        for m in _UNIT.finditer(out):
            src, *targets = m.group(1).split("/")
            lemma, pos = _split_tags(src)
            got = table.setdefault((lemma.lower(), pos), [])
            for t in targets:
                if t.startswith("@") or t.startswith("*"):
                    continue
                tr = _split_tags(t)[0].lower()
                if tr and tr not in got:
                    got.append(tr)
        return {k: tuple(v) for k, v in table.items()}


def _antonym_keys(keys: Sequence[str]) -> dict[tuple[str, str], list[str]]:
    """(lemma, pos) → `antonym<pos>` entries to look up, for English words WordNet knows."""
    from tqcheck.lexicon import antonyms
    if not antonyms.available():
        return {}
    table = antonyms.table()
    out: dict[tuple[str, str], list[str]] = {}
    for key in keys:
        lemma, pos = _split_tags(key)
        if pos in ("adj", "n", "vblex", "adv"):
            for a in sorted(table.get(lemma.lower(), ())):
                out.setdefault((lemma.lower(), pos), []).append(f"{a}<{pos}>")
    return out


def _opposites(keys: Sequence[str], table: dict[tuple[str, str], tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(t for k in keys for t in table.get(_split_tags(k), ()))


def _with(w: Word, translations: tuple[str, ...], opposites: tuple[str, ...] = ()) -> Word:
    if not translations and not opposites:
        return w
    return Word(w.text, w.start, w.end, w.lemma, w.pos, w.known, translations, opposites, w.tags)


def _run(command: str, payload: str) -> str:
    proc = subprocess.run(["bash", "-c", "set -o pipefail; " + command], input=payload,
                          capture_output=True, text=True, timeout=_TIMEOUT_S)
    if proc.returncode != 0:
        raise ValueError(f"{command.split()[0]} failed: {proc.stderr.strip()[:200]}")
    return proc.stdout
