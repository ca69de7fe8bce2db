"""Properties that must hold for any input, not just the examples we thought of.

Readers, segmenter and number parser see text from anywhere (CMS exports, legacy code
pages, right-to-left scripts), and the pipeline must account for every passage whatever
the aligner decides. Example counts are sized so the whole file runs in well under 60 s.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.translate.fake_engines import ReversingEngine
from tqcheck.checks.numbers.compare import differences
from tqcheck.checks.numbers.parse import find_numbers
from tqcheck.errors import InputError
from tqcheck.pipeline import CheckOptions, check_pair
from tqcheck.read import read_document, read_pair
from tqcheck.segment import split_sentences
from tqcheck.translate.base import Engine, EngineInfo



@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    # Hypothesis runs one test body many times within one call, so a tmp_path would be
    # shared by the examples anyway; a module folder says so, and pytest cleans it up.
    return tmp_path_factory.mktemp("hardening")


def budget(examples: int) -> settings:
    # No example database: failures print their seed, and the repo stays free of .hypothesis/.
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------- readers

no_surrogates = st.characters(blacklist_categories=("Cs",))
# Pieces chosen to hit the branches random text rarely reaches on its own: every line
# end, BOMs mid-file, bidi controls, NUL and other C0 controls, Markdown block markers.
SPECIAL = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\ufeff", "\u200f", "\u202e", "\u2028",
           "\x85", "\x00", "\x0b", "\x0c", "\t", "مرحبا بالعالم. ", "שלום עולם", "😀👍🏽",
           "👨‍👩‍👧", "# ", "- ", "> ", "```", "    ", "1. ", "<b>", "&amp;", "El niño ¿qué? ",
           "Hi."]
texts = st.lists(st.one_of(st.text(no_surrogates, max_size=30), st.sampled_from(SPECIAL)),
                 max_size=25).map("".join)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


def line_count(text: str) -> int:
    """Lines as a reader must count them: every CRLF, CR and LF ends one, nothing else."""
    return len(re.split(r"\r\n|\r|\n", text.lstrip("\ufeff")))


def assert_sane(passages: Sequence, lines: int) -> None:
    assert passages, "a document without passages must be an InputError instead"
    for p in passages:
        assert 1 <= p.line <= lines, (p, lines)
        assert p.text and p.text == p.text.strip(), p


@budget(300)
@given(text=texts, suffix=st.sampled_from([".txt", ".md"]), encoding=st.sampled_from(ENCODINGS))
def test_text_and_markdown_readers_return_passages_or_input_error(work, text, suffix, encoding):
    # Characters a code page lacks become "?": the file is still something a user could have.
    data = text.encode(encoding, errors="replace")
    path = work / f"doc{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError:
        return
    # A legacy guess may decode to other characters, but never to other line ends.
    assert_sane(doc.passages, line_count(data.decode(encoding, errors="replace")))


TAGS = ["p", "div", "h1", "h2", "li", "ul", "ol", "article", "main", "span", "b", "a", "br",
        "script", "style", "nav", "footer", "table", "td", "blockquote", "pre", "code"]


@st.composite
def html_documents(draw) -> str:
    words = st.text(no_surrogates, max_size=40)
    out = []
    for _ in range(draw(st.integers(0, 15))):
        tag = draw(st.sampled_from(TAGS))
        out.append(draw(st.sampled_from([
            f"<{tag}>", f"</{tag}>", f"<{tag}>{escape(draw(words))}</{tag}>", escape(draw(words)),
            draw(words),  # unescaped: stray < and & are what real pages have
        ])))
        out.append(draw(st.sampled_from(["", "\n", "\r\n", " "])))
    return "".join(out)


@budget(150)
@given(html=html_documents())
def test_html_reader_returns_passages_or_input_error(work, html):
    path = work / "doc.html"
    path.write_bytes(html.encode("utf-8"))
    try:
        doc = read_document(path)
    except InputError:
        return
    assert_sane(doc.passages, line_count(html))


# XML 1.0 forbids C0 controls other than tab and line ends, and the noncharacters.
xml_chars = st.characters(blacklist_categories=("Cs", "Cc", "Cn"), whitelist_characters="\t\n")
unit_texts = st.text(xml_chars, min_size=1, max_size=40).filter(lambda s: s.strip())
unit_lists = st.lists(st.tuples(unit_texts, unit_texts), min_size=1, max_size=8)


def xliff(units) -> str:
    body = "".join(f'<trans-unit id="u{i}"><source>{escape(s)}</source><target>{escape(t)}'
                   f"</target></trans-unit>\n" for i, (s, t) in enumerate(units))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="es" datatype="plaintext" original="a"><body>\n'
            f"{body}</body></file></xliff>\n")


def tmx(units) -> str:
    body = "".join(f'<tu tuid="{i}"><tuv xml:lang="en"><seg>{escape(s)}</seg></tuv>'
                   f'<tuv xml:lang="es"><seg>{escape(t)}</seg></tuv></tu>\n'
                   for i, (s, t) in enumerate(units))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
            'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
            f'creationtoolversion="1" o-tmf="x"/><body>\n{body}</body></tmx>\n')


def po_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def po(units) -> str:
    # msgctxt keeps equal msgids distinct units, as they are in a real article.
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    return head + "".join(f"\nmsgctxt \"u{i}\"\nmsgid {po_quote(s)}\nmsgstr {po_quote(t)}\n"
                          for i, (s, t) in enumerate(units))


@budget(150)
@given(units=unit_lists, fmt=st.sampled_from([("a.xlf", xliff), ("a.tmx", tmx), ("a.po", po)]))
def test_bilingual_files_round_trip_unit_texts(work, units, fmt):
    name, render = fmt
    path = work / name
    path.write_text(render(units), encoding="utf-8")
    src, tgt = read_pair(path, None)
    squash = lambda s: " ".join(s.split())  # noqa: E731 - passages are whitespace-normalised
    assert [p.text for p in src.passages] == [squash(s) for s, _ in units]
    assert [p.text for p in tgt.passages] == [squash(t) for _, t in units]


# -------------------------------------------------------------------------- segmenter

SEGMENT_PIECES = [". ", "? ", "! ", "...", "¿", "¡", "؟ ", "، ", "Sr. ", "Dr. ", "etc. ",
                  "U.S. ", "3.5 ", "«", "»", '"', "“", "”", "(", ")", "\n", "\u00a0", "\u2028",
                  "😀", "قال الرئيس. ", "Ell va dir: «Sí». ", "M. Dupont. ", "Sra. ", "\u200f"]
segment_texts = st.lists(st.one_of(st.text(no_surrogates, max_size=30),
                                   st.sampled_from(SEGMENT_PIECES)), max_size=30).map("".join)
LANGS = ["en", "es", "ar", "ca", "fr", "pt"]


def no_space(s: str) -> str:
    return "".join(s.split())


@budget(400)
@given(text=segment_texts, lang=st.sampled_from(LANGS))
def test_segmenter_loses_and_invents_nothing(text, lang):
    sentences = split_sentences(text, lang)
    assert all(s and s == s.strip() for s in sentences)
    assert no_space("".join(sentences)) == no_space(text)


# ------------------------------------------------------------------- number parsing

def group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def fmt_en(whole: int, frac: str) -> str:
    return group(str(whole), ",") + (f".{frac}" if frac else "")


def fmt_es(whole: int, frac: str) -> str:
    return group(str(whole), ".") + (f",{frac}" if frac else "")


def fmt_fr(space: str):
    def fmt(whole: int, frac: str) -> str:
        return group(str(whole), space) + (f",{frac}" if frac else "")
    return fmt


def fmt_ar(whole: int, frac: str) -> str:
    return (group(str(whole), "\u066c") + (f"\u066b{frac}" if frac else "")).translate(ARABIC)


def fmt_fa(whole: int, frac: str) -> str:
    return (group(str(whole), "\u066c") + (f"\u066b{frac}" if frac else "")).translate(PERSIAN)


FORMATTERS = {"en": fmt_en, "es": fmt_es, "de": fmt_es, "fr-nbsp": fmt_fr("\u00a0"),
              "fr-narrow": fmt_fr("\u202f"), "fr-thin": fmt_fr("\u2009"), "ar": fmt_ar,
              "fa": fmt_fa}


def values_of(text: str) -> frozenset[float]:
    numbers = find_numbers(text)
    assert len(numbers) == 1, (text, numbers)
    return numbers[0].values


@pytest.mark.parametrize("forms, value", [
    (["2,500", "2.500", "2 500", "2\u00a0500", "2\u202f500", "2\u2009500", "٢٬٥٠٠", "۲٬۵۰۰"], 2500.0),
    (["3.5", "3,5", "٣٫٥", "۳٫۵"], 3.5),
    (["1,234,567.89", "1.234.567,89", "1 234 567,89", "١٬٢٣٤٬٥٦٧٫٨٩", "۱٬۲۳۴٬۵۶۷٫۸۹"], 1234567.89),
    (["50%", "50 %", "50\u00a0%", "٥٠٪", "۵۰٪", "%50"], 50.0),
    (["12,5 %", "12.5%", "١٢٫٥٪"], 12.5),
])
def test_locale_forms_of_one_number_agree(forms, value):
    for form in forms:
        assert value in values_of(f"about {form} of them"), form
    for a in forms:
        for b in forms:
            assert differences(f"about {a} of them", f"sobre {b} de ellos", "en", "es") == ([], [])


def test_unambiguous_separators_have_one_reading():
    # Two kinds of separator, or Arabic ones, leave nothing to guess.
    assert values_of("1,234.5") == {1234.5}
    assert values_of("1.234,5") == {1234.5}
    assert values_of("٢٬٥٠٠") == {2500.0}
    assert values_of("1\u2009234,567") == {1234.567}


@budget(300)
@given(whole=st.integers(min_value=0, max_value=10**12),
       frac=st.text("0123456789", max_size=3).filter(lambda f: not f or f[-1] != "0"))
def test_every_locale_format_parses_to_the_same_value(whole, frac):
    value = float(f"{whole}.{frac or 0}")
    parsed = {name: values_of(f"Total: {fmt(whole, frac)} units.") for name, fmt in FORMATTERS.items()}
    for name, values in parsed.items():
        assert value in values, (name, values)
    common = frozenset.intersection(*parsed.values())
    assert value in common


@budget(400)
@given(a=st.text(st.one_of(no_surrogates, st.sampled_from("0123456789,. ٬٫٠٩۰۹%\u00a0\u2009"))),
       b=st.text(max_size=50))
def test_garbage_never_raises(a, b):
    numbers = find_numbers(a)
    for n in numbers:
        assert n.values and a[n.start:n.end] == n.text
    differences(a, b, "en", "es")


# ------------------------------------------------------------------ pipeline coverage

class IdentityEngine(Engine):
    """Back-translation equal to the translation: the aligner gets no help from it."""

    name = "identity"

    def supports(self, src: str, tgt: str) -> bool:
        return True

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(self.name, "identity", "1")

    def translate_batch(self, texts, src, tgt):
        return list(texts)


VOCAB = ["gato", "perro", "casa", "agua", "sol", "luna", "the", "house", "water", "river",
         "2,500", "¿qué?", "niño", "año", "ciudad", "government", "market", "news"]
passages = st.lists(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=12).map(" ".join),
                    min_size=1, max_size=25)


def write_article(path: Path, paras: Sequence[str]) -> Path:
    path.write_text("\n\n".join(p.capitalize() + "." for p in paras) + "\n", encoding="utf-8")
    return path


def assert_every_passage_once(report, n: int, m: int) -> None:
    src = [p.index for u in report.units for p in u.source]
    tgt = [p.index for u in report.units for p in u.target]
    assert src == list(range(n))
    assert tgt == list(range(m))
    assert report.source.passages == n and report.translation.passages == m


OPTS = CheckOptions(src_lang="en", tgt_lang="es", cache=False)


@budget(25)
@given(src=passages, tgt=passages, reversing=st.booleans())
def test_pipeline_accounts_for_every_passage(work, src, tgt, reversing):
    s = write_article(work / "p.en.txt", src)
    t = write_article(work / "p.es.txt", tgt)
    engine = ReversingEngine() if reversing else IdentityEngine()
    assert_every_passage_once(check_pair(s, t, OPTS, engine=engine), len(src), len(tgt))


@pytest.mark.parametrize("n, m", [(1, 10_000), (10_000, 1)])
def test_pipeline_one_against_ten_thousand(tmp_path, n, m):
    many = [f"{VOCAB[i % 7]} {VOCAB[(i * 5) % 11]} number {i}" for i in range(max(n, m))]
    s = write_article(tmp_path / "a.en.txt", many[:n])
    t = write_article(tmp_path / "a.es.txt", many[:m])
    assert_every_passage_once(check_pair(s, t, OPTS, engine=IdentityEngine()), n, m)


@pytest.mark.parametrize("n", [1, 10_000])
def test_segmenter_scales_from_one_passage_to_ten_thousand(n):
    paras = [f"El gobierno anunció {i} medidas. ¿Funcionarán? Sr. García dijo que sí." for i in range(n)]
    out = [split_sentences(p, "es") for p in paras]
    assert all(len(s) == 3 for s in out)
