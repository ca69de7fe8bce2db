"""The span-level checks on real sentences (FLORES-200 / NTREX-128 style news text) and
their perturbations, with the real lexicons and the real Apertium back-translation."""
from __future__ import annotations

import pytest

from tests.checks.word_helpers import fails, passes, word_findings, word_unit
from tests.conftest import needs_apertium
from tqcheck.checks import CHECKS, Context, plan_checks

pytestmark = [needs_apertium, pytest.mark.apertium]

EN = "The government announced new measures to support the economy on Monday."
ES = "El gobierno anunció nuevas medidas para apoyar la economía el lunes."
CA = "El govern va anunciar dilluns noves mesures per donar suport a l'economia."
EN2 = "The company reported a large increase in profits last year."
ES2 = "La empresa registró un gran aumento de los beneficios el año pasado."


def test_non_word():
    assert fails("non-word", "Three killed in strike on Iran-backed militia base.",
                 "Tres muertos en un ataque contra una base de milicias reculadaenIrán.")
    f = word_findings("non-word", "Three killed in strike on Iran-backed militia base.",
                      "Tres muertos en un ataque contra una base de milicias reculadaenIrán.")[0]
    u, _ = word_unit("Three killed in strike on Iran-backed militia base.",
                     "Tres muertos en un ataque contra una base de milicias reculadaenIrán.", "en-es")
    (start, end), = f.evidence["target_spans"]
    assert u.target_text[start:end] == "reculadaenIrán"
    assert passes("non-word", EN, ES)
    assert passes("non-word", EN, CA, "en-ca")
    # A name copied from the source is no non-word.
    assert passes("non-word", "Walmart raised wages.", "Walmart subió los salarios.")


def test_single_word_code_mixing():
    assert fails("leaked-word", EN, "El gobierno anunció nuevas measures para apoyar la economía el lunes.")
    assert fails("leaked-word", EN, "El govern va anunciar dilluns noves measures per donar suport a l'economia.",
                 "en-ca")
    assert fails("leaked-word", ES, "The government announced new medidas to support the economy on Monday.",
                 "es-en")
    assert passes("leaked-word", EN, ES)
    # A capital makes no name of a word the source writes in lower case.
    assert fails("leaked-word", "Nadie podía creer lo que pasaba el martes.",
                 "Nobody could believe what was happening on Martes.", "es-en")
    # A capitalised run is a name, whatever the source does with its words; so are its
    # short lowercase words, and a word glued to digits is part of a longer token.
    names = [
        ("The British newspaper The Guardian said the bank controlled a third of them.",
         "El periódico británico The Guardian señaló que el banco controlaba un tercio de ellas."),
        ("She directs the Asia programme for the Center for New American Security.",
         "Dirige el programa de Asia para el Center for New American Security."),
        ("However, the pump is silent and has no tubes.", "Sin embargo, la Elvie Pump es silenciosa y no tiene tubos."),
        ("He told the media on Saturday, according to 247sports.", "Dijo a los medios el sábado, según 247sports."),
        # Both sentences open with it: a name as often as not (Kanye West).
        ("West continued: the studio went silent.", "West continuó: el estudio se quedó en silencio."),
    ]
    for source, translation in names:
        assert passes("leaked-word", source, translation), translation
    # A word the source capitalises inside its sentence is a name wherever it goes.
    assert passes("leaked-word", "La retórica beligerante de Morales ha agotado la buena voluntad chilena.",
                  "Morales's belligerent rhetoric has sapped any residual Chilean goodwill.", "es-en")
    # A loanword the target knows about as well as the source does.
    assert passes("leaked-word", "A hip hop trio wants to fill its music with positive messages.",
                  "Un trío de hip hop quiere llenar su música con mensajes positivos.")


def test_opposite_words():
    assert fails("opposite", EN2, "La empresa registró una pequeña disminución de los beneficios el año pasado.")
    assert passes("opposite", EN2, ES2)
    # Both ends of a range are there: no word is replaced by its opposite.
    assert passes("opposite", "It has the same molecular structure whether it is a gas, liquid, or solid.",
                  "Presenta la misma estructura molecular, sea en estado líquido, sólido o gaseoso.")
    assert fails("opposite", ES2, "The company reported a small increase in profits last year.", "es-en")


def test_word_order():
    scrambled = "economía nuevas el medidas apoyar lunes gobierno la para anunció el El."
    assert fails("word-order", EN, scrambled)
    assert passes("word-order", EN, ES)
    assert passes("word-order", EN, CA, "en-ca")
    assert fails("word-order", EN, "suport economia dilluns El mesures donar govern noves a anunciar va l' per.",
                 "en-ca")
    # A headline rephrased (no sentence end on either side) is no scramble; the same words
    # as a sentence are.
    assert passes("word-order", "La guerra comercial entre Estados Unidos y China podría beneficiar a Beijing",
                  "How the US-China trade war may be good for Beijing", "es-en")
    assert fails("word-order", "La guerra comercial entre Estados Unidos y China podría beneficiar a Beijing.",
                 "How the US-China trade war may be good for Beijing.", "es-en")


def test_omitted_and_added_words_pass_clean_sentences():
    for check in ("omitted-words", "added-words", "mistranslation"):
        assert passes(check, EN, ES)
        assert passes(check, EN2, ES2)
        assert passes(check, EN, CA, "en-ca")


def test_omitted_word_with_a_hole():
    assert fails("omitted-words", "The government announced new economic measures on Monday.",
                 "El gobierno anunció nuevas medidas el lunes.")


def test_mistranslation_near_miss():
    talk = "The judges want to talk to the press."
    f = word_findings("mistranslation", talk, "Los jueces quieren habar con la prensa.")
    assert [x.evidence["did_you_mean"] for x in f] == ["hablar"]
    # A form of the expected word (the tagger read "hablas" as the noun "habla") and a
    # word of its family ("guerra comercial" for "trade war") are no slips of the keyboard.
    assert passes("mistranslation", talk, "Los jueces quieren hablas con la prensa.")
    assert passes("mistranslation", "The trade war between the two countries was deafening.",
                  "La guerra comercial entre los dos países fue ensordecedora.")


def test_near_miss_is_one_slip_away():
    from tqcheck.checks.words import near_miss
    from tqcheck.lexicon import Word

    def miss(got: str, *expected: str) -> str | None:
        return near_miss(Word(got, 0, len(got), got), expected)

    assert miss("volant", "voltant") == "voltant"      # a letter dropped
    assert miss("fixtat", "fitxat") == "fitxat"        # two swapped
    assert miss("llençar", "llançar") == "llançar"     # one changed
    assert miss("emocionat", "emocional") is None      # two edits: another word
    assert miss("comercial", "comercio") is None       # the same stem
    assert miss("basa", "base") is None                # too short to tell
    assert miss("coautor", "autor") is None            # one word inside the other


def test_opposite_said_with_a_negation():
    # A litotes renders the word: "no fue capaz" is "unable", "poc probable" "unlikely".
    assert passes("opposite", "He was unable to finish the race.", "No fue capaz de terminar la carrera.")
    assert fails("opposite", "He pleaded guilty in court on Saturday.",
                 "Se declaró inocente ante el tribunal el sábado.")
    assert passes("opposite", "He pleaded not guilty in court on Saturday.",
                  "Se declaró inocente ante el tribunal el sábado.")
    assert fails("opposite", "It is unlikely that the law will pass.", "És probable que la llei s'aprovi.", "en-ca")
    assert passes("opposite", "It is unlikely that the law will pass.", "És poc probable que la llei s'aprovi.",
                  "en-ca")


def test_names_and_quotations_copied_whole_are_no_leaks():
    copied = [
        # A name with its glue, where it opens a clause, and a lowercase "the" in a name.
        ("The government announced funding for a project, the Power of Nutrition, that will reach "
         "5 million women and children with nutrition interventions.",
         "El gobierno anunció la financiación de un proyecto, Power of Nutrition, con el que 5 millones "
         "de mujeres y niños se beneficiarán de intervenciones relacionadas con la nutrición."),
        ("Janet Jackson, the Weeknd and Shawn Mendes will perform.",
         "Janet Jackson, the Weeknd y Shawn Mendes actuarán."),
        # A quotation inside a bracket is a quotation.
        ("The production line is run on a just-in-time basis.",
         "La línea se basa en la producción ajustada («just in time» o en el último momento)."),
    ]
    for source, translation in copied:
        assert passes("leaked-word", source, translation), translation
    # One word left untranslated beside a name brings no capital along.
    assert fails("leaked-word", "The government said the house of Trump was sold.",
                 "El gobierno dijo que la house de Trump se vendió.")


def test_arabic_through_wordfreq():
    """No Apertium data for Arabic: wordfreq and simplemma analyse it; the checks that
    need a bilingual dictionary say so instead of running."""
    src = "The government announced new measures to support the economy."
    ar = "أعلنت الحكومة عن إجراءات جديدة لدعم الاقتصاد."
    u, ctx = word_unit(src, ar, "en-ar")
    assert ctx.lexicon_tgt == "wordfreq + simplemma" and not ctx.dictionary
    ran, skipped = plan_checks([CHECKS[c]() for c in ("mistranslation", "opposite", "non-word")], ctx)
    assert [c.id for c in ran] == ["non-word"]
    assert "dictionary" in skipped["mistranslation"]
    assert passes("non-word", src, ar, "en-ar")
    assert fails("non-word", src, "أعلنت الحكومة عن إجراءاتجديدةلدعم الاقتصاد.", "en-ar")
    assert fails("leaked-word", src, "أعلنت الحكومة عن measures جديدة لدعم الاقتصاد.", "en-ar")


def test_without_lexicon_word_checks_are_skipped():
    ctx = Context("en", "xx", 60.0, {})
    ran, skipped = plan_checks([CHECKS[c]() for c in ("omitted-words", "non-word", "numbers")], ctx)
    assert [c.id for c in ran] == ["numbers"]
    assert set(skipped) == {"omitted-words", "non-word"} and "no lexicon" in skipped["non-word"]


def test_opposite_verbs_and_nouns():
    # A verb or a noun swapped for its antonym, from train sentences of word_eval.
    assert fails("opposite", "The home team won the final on Sunday.", "El equipo local perdió la final el domingo.")
    assert passes("opposite", "The home team won the final on Sunday.", "El equipo local ganó la final el domingo.")
    assert fails("opposite", "The winner of the election was announced on Monday.",
                 "El perdedor de las elecciones fue anunciado el lunes.")
    assert fails("opposite", "El equipo local ganó la final el domingo.", "The home team lost the final on Sunday.",
                 "es-en")
    # Both words are there: the range is said, nothing is swapped.
    assert passes("opposite", "Winners and losers met after the vote.",
                  "Ganadores y perdedores se reunieron tras la votación.")
    # A weak negation renders the noun: "falta de popularidad" is unpopularity.
    assert passes("opposite", "The minister suffers from a growing unpopularity.",
                  "El ministro sufre una creciente falta de popularidad.")
    # Not adverbs: "jamás" for "ever" is polarity's business.
    assert passes("opposite", "He became one of four players to ever win all five matches.",
                  "Se convirtió en uno de los cuatro jugadores que jamás han ganado los cinco partidos.")


def test_opposite_reaches_a_moved_clause():
    # The antonym of the source word, a clause away from its place.
    assert fails("opposite", "A listing of available hosts is then provided either in print and/or online, "
                 "sometimes with references and reviews by other travelers.",
                 "Luego se proporciona un listado de los anfitriones inutilizables, impreso o en línea, que a "
                 "veces cuenta con referencias y comentarios de otros viajeros.")
