"""HTML articles and bilingual files (XLIFF 1.2/2.0, TMX, PO, TSV, JSONL)."""
import pytest

from tqcheck.errors import InputError
from tqcheck.read import read_document, read_pair

HTML = """<!doctype html><html><head><title>Site</title><script>var tracking = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Shark injures teen on lobster dive</h1>
<p>A 13-year-old boy was attacked by a shark on Saturday while diving for lobster off the coast of California, officials said.</p>
<p>The attack happened at 7 a.m. near Beacon's Beach in Encinitas, about 100 miles south of Los Angeles.</p>
<ul><li>The beach was closed for 48 hours after the attack.</li><li>Lifeguards patrolled the area from boats.</li></ul>
</article>
<footer>Copyright 2019 Example News. All rights reserved.</footer>
<script>alert("ad")</script></body></html>
"""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="t1">
        <source>The cat eats fish.</source>
        <target>El gato come pescado.</target>
        <note>headline</note>
      </trans-unit>
      <trans-unit id="t2">
        <source>I have 2,500 dollars.</source>
        <target>Tengo 2.500 dólares.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1"><segment><source>The cat eats fish.</source><target>El gato come pescado.</target></segment></unit>
    <unit id="u2"><segment><source>I have 2,500 dollars.</source><target>Tengo 2.500 dólares.</target></segment></unit>
  </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/>
<body>
<tu tuid="1"><tuv xml:lang="en"><seg>The cat eats fish.</seg></tuv><tuv xml:lang="es"><seg>El gato come pescado.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en"><seg>I have 2,500 dollars.</seg></tuv><tuv xml:lang="es"><seg>Tengo 2.500 dólares.</seg></tuv></tu>
</body></tmx>
"""
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

#. headline
msgid "The cat eats fish."
msgstr "El gato come pescado."

msgid "I have 2,500 dollars."
msgstr "Tengo 2.500 dólares."
"""
TSV = "The cat eats fish.\tEl gato come pescado.\nI have 2,500 dollars.\tTengo 2.500 dólares.\n"
JSONL = ('{"id": "t1", "source": "The cat eats fish.", "translation": "El gato come pescado."}\n'
         '{"id": "t2", "source": "I have 2,500 dollars.", "translation": "Tengo 2.500 dólares."}\n')


def test_html_article_body_without_navigation_or_scripts(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(HTML, encoding="utf-8")
    doc = read_document(p)
    texts = [x.text for x in doc.passages]
    assert texts[0] == "Shark injures teen on lobster dive"
    assert doc.passages[0].kind == "heading"
    assert any("Beacon's Beach" in t for t in texts)
    assert [x.kind for x in doc.passages].count("list_item") == 2
    joined = " ".join(texts)
    assert "tracking" not in joined and "Home" not in joined and "alert" not in joined
    assert doc.passages[1].line == 5  # where the paragraph stands in the HTML


@pytest.mark.parametrize("name, content", [("a.xlf", XLIFF12), ("b.xliff", XLIFF20), ("c.tmx", TMX),
                                           ("d.po", PO), ("e.tsv", TSV), ("f.jsonl", JSONL)],
                         ids=["xliff12", "xliff20", "tmx", "po", "tsv", "jsonl"])
def test_bilingual_files(tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    src, tgt = read_pair(p, None)
    assert [x.text for x in src.passages] == ["The cat eats fish.", "I have 2,500 dollars."]
    assert [x.text for x in tgt.passages] == ["El gato come pescado.", "Tengo 2.500 dólares."]
    assert src.path.endswith("#source") and tgt.path.endswith("#target")


def test_unit_ids_and_notes_are_kept(tmp_path):
    p = tmp_path / "a.xlf"
    p.write_text(XLIFF12, encoding="utf-8")
    src, _ = read_pair(p, None)
    assert src.passages[0].meta == {"id": "t1", "notes": "headline"}
    assert src.passages[0].line == 5


@pytest.mark.parametrize("name, content, message", [
    ("a.xlf", "<xliff><broken", "cannot parse"),
    ("a.tsv", "only one column\n", "expected source<TAB>translation"),
    ("a.jsonl", '{"source": 1}\n', "needs string fields"),
    ("a.txt", "just text\n", "give the translation too"),
], ids=["broken-xml", "tsv-one-column", "jsonl-fields", "not-bilingual"])
def test_bad_bilingual_files(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pair(p, None)
