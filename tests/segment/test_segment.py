import pytest

from tqcheck.segment import split_sentences


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "Dr. Smith earned $2.5 million in the U.S. last year. He left.",
         ["Dr. Smith earned $2.5 million in the U.S. last year.", "He left."]),
        ("es", "¿Dónde está el Sr. García? ¡No lo sé! Vive en EE. UU. desde 2019.",
         ["¿Dónde está el Sr. García?", "¡No lo sé!", "Vive en EE. UU. desde 2019."]),
        ("ar", "هل أنت بخير؟ نعم، أنا بخير. شكرا!", ["هل أنت بخير؟", "نعم، أنا بخير.", "شكرا!"]),
        ("ca", "El Sr. Puig va dir: «No.» Després va marxar.",
         ["El Sr. Puig va dir: «No.»", "Després va marxar."]),
        ("pt", "O Sr. Silva chegou. Ele disse: «Olá!» E saiu.",
         ["O Sr. Silva chegou.", "Ele disse: «Olá!»", "E saiu."]),
    ],
    ids=["en-abbrev", "es-inverted", "ar-question-comma", "ca", "pt"],
)
def test_sentences(lang, text, expected):
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\t"], ids=["empty", "spaces", "whitespace"])
def test_empty(text):
    assert split_sentences(text, "en") == []


def test_unknown_language_and_none_fall_back():
    assert split_sentences("One. Two.", None) == ["One.", "Two."]
    assert split_sentences("One. Two.", "xx") == ["One.", "Two."]
