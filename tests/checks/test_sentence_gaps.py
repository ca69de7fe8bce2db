"""A sentence added inside an aligned passage (`added-sentence`): the back-translation of
each translation sentence against the source sentences. Back-translations are given here
as an engine would return them; tests/test_evaluation.py runs the real engine."""
from tqcheck.checks import CHECKS, Context
from tqcheck.model import AlignedUnit, Passage, Scores

SOURCE = ("The council approved the new budget on Tuesday after a long debate.",
          "Spending on schools will rise by a fifth next year.")
TARGET = ("El consejo aprobó el nuevo presupuesto el martes tras un largo debate.",
          "El gasto en escuelas subirá una quinta parte el año próximo.")
BACK = ("The council approved the new budget on Tuesday after a long debate.",
        "The spending in schools will rise a fifth part the next year.")
UNRELATED = "Los bomberos rescataron a un gato atrapado en un árbol del parque."
UNRELATED_BACK = "The firemen rescued a cat trapped in a tree of the park."


def _added(targets, backs, article_chrf=55.0, length_ratio=1.0, source=SOURCE):  # type: ignore[no-untyped-def]
    src = Passage(0, " ".join(source), 3, sentences=source)
    tgt = Passage(0, " ".join(targets), 3, sentences=tuple(targets))
    u = AlignedUnit(0, "1-1", (src,), (tgt,), " ".join(backs), Scores(chrf=50.0), back_sentences=tuple(backs))
    ctx = Context("en", "es", article_chrf=article_chrf, length_ratio=length_ratio)
    return [f.evidence["target_span"] for f in CHECKS["added-sentence"]().run(u, ctx)]


def test_an_unrelated_sentence_in_a_much_longer_passage_is_added():
    assert _added((*TARGET, UNRELATED, UNRELATED), (*BACK, UNRELATED_BACK, UNRELATED_BACK)) == [UNRELATED] * 2


def test_an_unrelated_sentence_in_a_passage_only_a_little_longer_is_added():
    # Three long sentences against two: the passage is ~1.5× at a usual ratio of 1.0,
    # ~1.2× where the article's translations usually run 25% longer.
    assert _added((*TARGET, UNRELATED), (*BACK, UNRELATED_BACK), length_ratio=1.25) == [UNRELATED]


def test_a_real_sentence_with_a_poor_round_trip_is_not_added():
    # The last sentence's back-translation is reworded past recognition (chrF 19), and the
    # passage is 20% longer than usual; but taking that sentence out would leave it far
    # too short: it is the source's own third sentence, not an addition.
    source = (*SOURCE, "Teachers' unions, which had campaigned for higher pay and smaller classes "
                       "for years, said the rise was welcome but came far too late for many schools.")
    target = (*TARGET, "Los sindicatos de docentes, que llevaban años reclamando mejores sueldos y "
                       "clases más pequeñas, celebraron el aumento, aunque llega tarde para muchas escuelas.")
    garbled = ("Outlay of educational houses will go upward by one fifth in the coming twelvemonth, "
               "or so guilds of instructors declared, lamenting its belated arrival.")
    ratio = len(" ".join(target)) / len(" ".join(source))
    assert _added(target, (*BACK, garbled), length_ratio=ratio / 1.2, source=source) == []
    # The same sentence unrelated to the source and not needed for the length is added.
    assert _added((*TARGET, UNRELATED), (*BACK, garbled), length_ratio=ratio / 1.2, source=source) == []


def test_without_the_articles_chrf_only_a_much_longer_passage_is_examined():
    assert _added((*TARGET, UNRELATED), (*BACK, UNRELATED_BACK), article_chrf=0.0, length_ratio=1.25) == []
