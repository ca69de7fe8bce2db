"""Apertium's own analysers, generators and bilingual dictionaries (lt-proc), and
wordfreq: the lexical resources the perturbations draw on, and the verdict's unknown-word
rates.

One lt-proc process per batch of words, results memoised: a word is analysed once per run.
"""
from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

APERTIUM = Path("/usr/share/apertium")
# (language, the other language of the pair) → (pair package, analyser mode, generator
# mode): the analyser of L is in the L→X mode, its generator in the X→L mode.
PAIRS = {("es", "en"): ("eng-spa", "spa-eng", "eng-spa"), ("ca", "en"): ("eng-cat", "cat-eng", "eng-cat"),
         ("en", "es"): ("eng-spa", "eng-spa", "spa-eng"), ("en", "ca"): ("eng-cat", "eng-cat", "cat-eng")}
# Tags the bilingual dictionary leaves for transfer to settle, and their usual English/
# Romance counterparts, tried in turn before falling back to the bare lemma.
_TAG_MAP = [("<ifi>", "<past>"), ("<pri>", "<pres>"), ("<pres>", "<pri>"), ("<past>", "<ifi>"),
            ("<GD>", "<m>"), ("<ND>", "<sg>")]
_ESCAPE = re.compile(r"([\^$/<>@*\\\[\]{}#+~])")
_UNIT = re.compile(r"\^((?:\\.|[^$\\])*)\$")
WORD = re.compile(r"[^\W\d_]+(?:['’·-][^\W\d_]+)*")


def _lt_proc(flags: list[str], binary: Path, lines: list[str]) -> list[str]:
    # "[]" is a superblank: lt-proc never joins words across it into a multiword.
    text = "\n[]\n".join(lines) + "\n"
    out = subprocess.run(["lt-proc", *flags, str(binary)], input=text, capture_output=True,
                         text=True, check=True).stdout
    return [part.strip() for part in out.split("[]")]


class Lexicon:
    """Morphology of one language, and its bilingual dictionary towards `other`."""

    def __init__(self, lang: str, other: str) -> None:
        package, morf, gen = PAIRS[(lang, other)]
        base = APERTIUM / f"apertium-{package}"
        self.lang, self.other = lang, other
        self._mode = morf
        self._morf = base / f"{morf}.automorf.bin"
        self._gen = base / f"{gen}.autogen.bin"
        self._bil = base / f"{morf}.autobil.bin"
        self._other_gen = base / f"{morf}.autogen.bin"
        self._analyses: dict[str, tuple[str, ...]] = {}
        self._forms: dict[str, str | None] = {}

    def analyse(self, words: list[str]) -> None:
        todo = sorted({w for w in words if w not in self._analyses})
        if not todo:
            return
        for word, out in zip(todo, _lt_proc([], self._morf, [_ESCAPE.sub(r"\\\1", w) for w in todo])):
            units = _UNIT.findall(out)
            if len(units) != 1:  # split by the analyser (clitics, punctuation): no single reading
                self._analyses[word] = ()
                continue
            readings = re.split(r"(?<!\\)/", units[0])[1:]
            self._analyses[word] = tuple(r for r in readings if not r.startswith("*"))

    def readings(self, word: str) -> tuple[str, ...]:
        if word not in self._analyses:
            self.analyse([word])
        return self._analyses[word]

    def tag(self, sentences: list[str]) -> list[list[tuple[int, int, str]]]:
        """Each sentence's words with their one disambiguated reading ("" when unknown),
        as (start, end, reading) character spans of the sentence."""
        text = "\n[]\n".join(_ESCAPE.sub(r"\\\1", s.replace("\n", " ")) for s in sentences) + "\n"
        out = subprocess.run(_tagger_command(self._mode), shell=True, input=text, capture_output=True,
                             text=True, check=True).stdout
        result = []
        for sentence, part in zip(sentences, out.split("[]")):
            spans, at = [], 0
            for unit in _UNIT.findall(part):
                surface, _, reading = unit.partition("/")
                surface = unescape(surface)
                start = sentence.find(surface, at)
                if start < 0:
                    continue
                at = start + len(surface)
                spans.append((start, at, "" if reading.startswith("*") else unescape(reading)))
            result.append(spans)
        return result

    def known(self, word: str) -> bool:
        return bool(self.readings(word))

    def generate(self, analyses: list[str]) -> dict[str, str | None]:
        """lemma<tags> → surface form, None where the generator has no such form."""
        todo = sorted({a for a in analyses if a not in self._forms})
        if todo:
            outs = _lt_proc(["-g"], self._gen, [f"^{a}$" for a in todo])
            for a, out in zip(todo, outs):
                out = out.lstrip("~")
                self._forms[a] = None if not out or "#" in out or "@" in out or "*" in out else out
        return {a: self._forms[a] for a in analyses}

    def translate_words(self, analyses: list[str]) -> dict[str, str | None]:
        """lemma<tags> in this language → the other language's surface form, through the
        bilingual dictionary and the other side's generator (the first translation)."""
        todo = sorted(set(analyses))
        bil = _lt_proc(["-b"], self._bil, [f"^{a}$" for a in todo])
        targets: list[str | None] = []
        for out in bil:
            units = _UNIT.findall(out)
            parts = re.split(r"(?<!\\)/", units[0]) if len(units) == 1 else []
            targets.append(parts[1] if len(parts) > 1 and not parts[1].startswith("@") else None)
        variants = {t: _variants(t) for t in targets if t}
        wanted = sorted({v for vs in variants.values() for v in vs})
        forms = dict(zip(wanted, _lt_proc(["-g"], self._other_gen, [f"^{v}$" for v in wanted]))) if wanted else {}
        out: dict[str, str | None] = {}
        for a, t in zip(todo, targets):
            good = [f.lstrip("~") for f in (forms[v] for v in variants.get(t, []))
                    if f.strip("~") and not any(c in f for c in "#@*")] if t else []
            out[a] = good[0] if good else (lemma(t) if t else None)
        return out


def _variants(analysis: str) -> list[str]:
    out = [analysis]
    for old, new in _TAG_MAP:
        out += [v.replace(old, new) for v in out if old in v]
    out += [re.sub(r"<(?:m|f|mf|GD)>", "", v) for v in out]
    return list(dict.fromkeys(out))


def _tagger_command(mode: str) -> str:
    """The pair's own analysis and disambiguation steps (its mode file up to the tagger),
    with surface forms kept."""
    steps = []
    for step in (APERTIUM / "modes" / f"{mode}.mode").read_text(encoding="utf-8").strip().split(" | "):
        step = step.replace("$1", "").replace("$2", "")
        if "apertium-tagger" in step:
            steps.append(step.replace("apertium-tagger -g", "apertium-tagger -g -p"))
            break
        steps.append(step)
    return " | ".join(steps)


_ESCAPED = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


@lru_cache(maxsize=None)
def lexicon(lang: str, other: str) -> Lexicon:
    return Lexicon(lang, other)


def available(lang: str, other: str) -> Lexicon | None:
    """The analyser of `lang` from the lang/other pair package, when it is installed."""
    if (lang, other) not in PAIRS:
        return None
    lex = lexicon(lang, other)
    return lex if lex._morf.is_file() else None


def pos(reading: str) -> str:
    """The part of speech of `lemma<pos><...>`."""
    m = re.search(r"<([^>]+)>", reading)
    return m.group(1) if m else ""


def lemma(reading: str) -> str:
    return reading.split("<", 1)[0]


def tags(reading: str) -> list[str]:
    return re.findall(r"<([^>]+)>", reading)


# A misspelling must land on a word at least this common (Zipf 3: once per million words).
MISSPELLING_ZIPF = 3.0


@lru_cache(maxsize=None)
def frequent_words(lang: str) -> frozenset[str]:
    """wordfreq's words of `lang` at Zipf >= 3, as a set (one look-up per candidate edit)."""
    from wordfreq import top_n_list, zipf_frequency

    words = top_n_list(lang, 100_000)
    lo, hi = 0, len(words)  # frequency order: find where Zipf drops under the bar
    while lo < hi:
        mid = (lo + hi) // 2
        if zipf_frequency(words[mid], lang) >= MISSPELLING_ZIPF:
            lo = mid + 1
        else:
            hi = mid
    return frozenset(words[:lo])


@lru_cache(maxsize=None)
def top_words(lang: str, n: int = 5000) -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(w for w in top_n_list(lang, n) if WORD.fullmatch(w))
