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


def test_the_lazy_profile_table_is_langdetects_own():
    # detect._factory makes each n-gram's row when a detector asks: the same rows, and
    # the same probabilities, as DetectorFactory.load_json_profile builds at once.
    from pathlib import Path

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from tqcheck import detect as det

    langs = ("ca", "en", "es", "pt")
    ours = det._factory(langs)
    theirs = DetectorFactory()
    theirs.load_json_profile([(Path(PROFILES_DIRECTORY) / lang).read_text(encoding="utf-8") for lang in langs])
    assert ours.langlist == theirs.langlist
    table = theirs.word_lang_prob_map
    assert all(w in ours.word_lang_prob_map for w in table) and "no such gram" not in ours.word_lang_prob_map
    assert all(ours.word_lang_prob_map[w] == row for w, row in table.items())
    text = "El gato se sentó en la alfombra mientras la lluvia caía sobre la ciudad."
    for factory in (ours, theirs):
        factory.seed = det.SEED
    a, b = ours.create(), theirs.create()
    a.append(text)
    b.append(text)
    assert [(p.lang, p.prob) for p in a.get_probabilities()] == [(p.lang, p.prob) for p in b.get_probabilities()]
