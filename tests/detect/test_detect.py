import pytest

from tqcheck.detect import detect, probabilities


@pytest.mark.parametrize(
    "text, langs, expected",
    [
        ("El gobierno anunció ayer nuevas medidas para la economía.", None, "es"),
        ("The government announced new measures for the economy yesterday.", None, "en"),
        ("El govern va anunciar ahir noves mesures per a l'economia.", None, "ca"),
        ("أعلنت الحكومة أمس عن إجراءات جديدة للاقتصاد.", None, "ar"),
        ("Hola amigo", ["en", "es"], "es"),
        ("The cat is here.", ["en", "es"], "en"),
    ],
    ids=["es", "en", "ca", "ar", "short-es-in-pair", "short-en-in-pair"],
)
def test_detect(text, langs, expected):
    assert detect(text, langs) == expected


@pytest.mark.parametrize("text", ["", "   ", "2,500", "12:30 — 45%", "😀🎉", "A1"],
                         ids=["empty", "blank", "number", "symbols", "emoji", "too-short"])
def test_no_letters_is_no_language(text):
    assert detect(text) is None
    assert probabilities(text, ["en", "es"]) == []


def test_seeded_detection_is_repeatable():
    text = "Ceci est un texte court"
    assert len({detect(text) for _ in range(20)}) == 1
