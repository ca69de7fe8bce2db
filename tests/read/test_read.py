import codecs
import random

import pytest

from tqcheck.errors import InputError
from tqcheck.read import read_document

ARTICLE = "# Title\n\nFirst paragraph, line one\nand line two.\n\n- item one\n- item two\n\nLast one.\n"


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode(),
        codecs.BOM_UTF8 + ARTICLE.encode(),
        ARTICLE.replace("\n", "\r\n").encode(),
        ARTICLE.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "utf16-bom"],
)
def test_markdown_passages_and_lines(tmp_path, data):
    doc = read_document(write(tmp_path, "a.md", data))
    got = [(p.kind, p.line, p.text) for p in doc.passages]
    assert got == [
        ("heading", 1, "Title"),
        ("paragraph", 3, "First paragraph, line one and line two."),
        ("list_item", 6, "item one"),
        ("list_item", 7, "item two"),
        ("paragraph", 9, "Last one."),
    ]


def test_markdown_keeps_raw_and_drops_code(tmp_path):
    md = "See [the report](https://x.org/r) and `pip`.\n\n```\ncode()\n```\n\nEnd.\n"
    doc = read_document(write(tmp_path, "a.md", md.encode()))
    assert [p.text for p in doc.passages] == ["See the report and pip.", "End."]
    assert doc.passages[0].meta["raw"] == "See [the report](https://x.org/r) and `pip`."


def test_text_paragraphs_by_blank_lines(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"One\ntwo.\n\n\nThree.\n"))
    assert [(p.line, p.text) for p in doc.passages] == [(1, "One two."), (5, "Three.")]


def test_text_without_blank_lines_is_one_passage_per_line(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"First.\nSecond.\nThird.\n"))
    assert [(p.line, p.text) for p in doc.passages] == [(1, "First."), (2, "Second."), (3, "Third.")]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(random.Random(0).randrange(128, 256) for _ in range(3000)), "not valid UTF-8"),
        (b"```\nonly code\n```\n", "no passages"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "no-prose"],
)
def test_bad_input_is_a_clear_error(tmp_path, data, message):
    with pytest.raises(InputError, match=message):
        read_document(write(tmp_path, "bad.md", data))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        ("Café con leche para el señor Muñoz, que llegó tarde a la reunión del miércoles.",
         "cp1252", "cp1252"),
        ("مرحبا بكم في الأخبار اليوم نتحدث عن الاقتصاد والسياسة في المنطقة", "cp1256", "cp1256"),
    ],
    ids=["spanish-cp1252", "arabic-cp1256"],
)
def test_legacy_encodings_are_detected_and_reported(tmp_path, text, encoding, expected):
    doc = read_document(write(tmp_path, "a.txt", text.encode(encoding)))
    assert doc.encoding == expected
    assert doc.passages[0].text == text


def test_stdin(monkeypatch, tmp_path):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    doc = read_document("-", "markdown")
    assert doc.path == "stdin" and doc.passages[0].text == "Title"
