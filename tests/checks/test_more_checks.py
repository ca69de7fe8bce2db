"""Case tables for the content checks: language, code-mixing, polarity, junk, entities,
truncation and punctuation. Real sentences, English into Spanish, Catalan and Arabic."""
import pytest

from tests.checks.helpers import fails, passes
from tqcheck.checks import CHECKS, build_checks, run_checks
from tqcheck.checks.base import Context
from tqcheck.model import AlignedUnit, Passage, Scores, Severity
from tqcheck.segment import split_sentences


def run(check_id, source, target, src="en", tgt="es", *, back="", tgt_kind="paragraph",
        src_kind="paragraph", target_lang=None, raw=None, src_raw=None):
    """Findings for one unit built the way the pipeline builds it: sentences split and,
    when asked, the passage language set."""
    s = Passage(0, source, 3, src_kind, tuple(split_sentences(source, src)),
                meta={"raw": src_raw} if src_raw else {})
    t = Passage(0, target, 5, tgt_kind, tuple(split_sentences(target, tgt)), target_lang,
                meta={"raw": raw} if raw else {})
    u = AlignedUnit(0, "1-1", (s,), (t,), back, Scores(chrf=60.0))
    return CHECKS[check_id]().run(u, Context(src_lang=src, tgt_lang=tgt, article_chrf=60.0))


# --- wrong-language -------------------------------------------------------------------

EN_GOV = "The government announced a new plan yesterday to cut carbon emissions in the big cities."


@pytest.mark.parametrize("target, tgt", [
    ("O governo anunciou ontem um novo plano para reduzir as emissões de carbono nas grandes "
     "cidades do país.", "es"),
    ("Le gouvernement a annoncé hier un nouveau plan pour réduire les émissions de carbone "
     "dans les grandes villes.", "es"),
    ("Die Regierung hat gestern einen neuen Plan zur Senkung der Kohlendioxidemissionen in den "
     "Großstädten angekündigt.", "ca"),
    ("El gobierno anunció ayer un nuevo plan para reducir las emisiones de carbono en las "
     "grandes ciudades del país.", "ca"),
    ("دولت دیروز طرح جدیدی برای کاهش انتشار کربن در شهرهای بزرگ کشور اعلام کرد و گفت که این "
     "طرح از سال آینده اجرا می‌شود.", "ar"),
], ids=["pt-for-es", "fr-for-es", "de-for-ca", "es-for-ca", "fa-for-ar"])
def test_wrong_language_fails(target, tgt):
    found = run("wrong-language", EN_GOV, target, tgt=tgt)
    assert found and found[0].evidence["target_span"] == target


@pytest.mark.parametrize("target, tgt", [
    ("El gobierno anunció ayer un nuevo plan para reducir las emisiones de carbono.", "es"),
    ("El govern va anunciar ahir un nou pla per reduir les emissions de carboni.", "ca"),
    ("أعلنت الحكومة أمس خطة جديدة لخفض انبعاثات الكربون في المدن الكبرى.", "ar"),
    ("O concerto foi cancelado por causa da chuva.", "es"),  # under 40 letters
    ("O concerto de ontem foi cancelado pela chuva.", "es"),  # a relative, under 60 letters
], ids=["es", "ca", "ar", "too-short", "short-relative"])
def test_wrong_language_passes(target, tgt):
    assert not run("wrong-language", EN_GOV, target, tgt=tgt)


def test_wrong_language_passes_a_quotation_kept_in_its_language():
    quote = "Le gouvernement a annoncé hier un nouveau plan pour réduire les émissions de carbone."
    assert not run("wrong-language", quote, quote)


# --- partly-untranslated --------------------------------------------------------------

EN_VOTE = "The minister resigned after the vote. The opposition called for early elections at once."


@pytest.mark.parametrize("target, tgt", [
    ("El ministro dimitió tras la votación. The opposition called for early elections at once.", "es"),
    ("El ministre va dimitir després de la votació. The opposition called for early elections at "
     "once.", "ca"),
    ("El ministro dimitió tras la votación en el Parlamento. The opposition called for early "
     "elections at once. La sesión se levantó a medianoche.", "es"),
    ("استقال الوزير بعد التصويت في البرلمان مساء أمس وسط احتجاجات واسعة في العاصمة والمدن الكبرى. "
     "The opposition called for early elections at once.", "ar"),
], ids=["es", "ca", "middle-sentence", "ar"])
def test_partly_untranslated_fails(target, tgt):
    found = run("partly-untranslated", EN_VOTE, target, tgt=tgt, target_lang=tgt)
    assert [f.evidence["target_span"] for f in found] == [
        "The opposition called for early elections at once."]


@pytest.mark.parametrize("target", [
    "El ministro dimitió tras la votación. La oposición pidió elecciones anticipadas de inmediato.",
    "La autora de “Just the Funny Parts: And a Few Hard Truths” tiene otra teoría. "
    "El libro salió en 2019.",
    "En 1994, Berners-Lee fundó el World Wide Web Consortium en el Massachusetts Institute of "
    "Technology. Fue un hito.",
    "El público se puso en pie. Thank you so much! Y el ministro se fue.",
    "The minister resigned after the vote.",  # one sentence: `untranslated`'s case
], ids=["translated", "quoted-title", "names", "short-sentence", "whole-passage"])
def test_partly_untranslated_passes(target):
    assert not run("partly-untranslated", EN_VOTE, target, target_lang="es")


def test_untranslated_implies_partly_untranslated():
    assert "partly-untranslated" in CHECKS["untranslated"].implies


# --- code-mixing ----------------------------------------------------------------------

@pytest.mark.parametrize("source, target, tgt, span", [
    ("The results of the survey were published on Monday.",
     "Los resultados of the survey se publicaron el lunes.", "es", "of the survey"),
    ("The committee will vote on the proposal next week.",
     "El comitè votarà on the proposal la setmana vinent.", "ca", "on the proposal"),
    ("The company said that the new policy will take effect in May.",
     "قالت الشركة إن the new policy ستدخل حيز التنفيذ في مايو.", "ar", "the new policy"),
    ("Protesters demanded the right to vote in the elections.",
     "Los manifestantes exigieron the right to vote en las elecciones.", "es", "the right to vote"),
], ids=["es", "ca", "ar", "longest-run"])
def test_code_mixing_fails(source, target, tgt, span):
    found = run("code-mixing", source, target, tgt=tgt, target_lang=tgt)
    assert [f.evidence["target_span"] for f in found] == [span]
    assert found[0].evidence["offset"] == target.index(span)


@pytest.mark.parametrize("source, target, src, tgt", [
    ("The report was published by The New York Times on Monday.",
     "El informe fue publicado por The New York Times el lunes.", "en", "es"),
    ("They ordered the menu a la carte at the restaurant.",
     "Pidieron el menú a la carte en el restaurante.", "en", "es"),
    ("La decisión de la junta fue unánime.", "La decisió de la junta va ser unànime.", "es", "ca"),
    ("See www.the-guide.com/of-the-year for the full list.",
     "Consulte www.the-guide.com/of-the-year para ver la lista.", "en", "es"),
    ("The results of the survey were published on Monday.",
     "Los resultados de la encuesta se publicaron el lunes.", "en", "es"),
    ('Protesters chanted "November is coming!" in the hall.',
     'Els manifestants cridaven "november is coming!" (arriba el novembre) al vestíbul.', "en", "ca"),
], ids=["capitalised-name", "shared-phrase", "es-ca-function-words", "url", "translated", "quoted"])
def test_code_mixing_passes(source, target, src, tgt):
    assert not run("code-mixing", source, target, src=src, tgt=tgt, target_lang=tgt)


# --- polarity -------------------------------------------------------------------------

@pytest.mark.parametrize("source, target, tgt, back", [
    ("The minister did not sign the agreement.", "El ministro firmó el acuerdo.", "es",
     "The minister signed the agreement."),
    ("The vaccine is not safe for children.", "La vacuna es segura para los niños.", "es", ""),
    ("Nobody was injured in the fire.", "Diverses persones van resultar ferides en l'incendi.", "ca",
     "Several persons went to result injured in the fire."),
    ("The government will not raise taxes this year.", "سترفع الحكومة الضرائب هذا العام.", "ar", ""),
    ("The bridge was opened to traffic on Monday.", "El puente no se abrió al tráfico el lunes.", "es",
     "The bridge did not open to the traffic on Monday."),
], ids=["lost-es", "lost-no-back", "lost-ca", "lost-ar", "added-es"])
def test_polarity_fails(source, target, tgt, back):
    assert run("polarity", source, target, tgt=tgt, back=back)


@pytest.mark.parametrize("source, target, tgt, back", [
    ("The song reached No. 1 in the charts.", "La canción llegó al número 1 de las listas.", "es", ""),
    ("He was number 5 on the list.", "Era el No. 5 de la lista.", "es", ""),
    ("The minister did not sign.", "El ministro no firmó.", "es", ""),
    ('A Plaid AM said the group was "not happy".', "Un diputado dijo que el grupo estaba “descontento”.",
     "es", "A deputy said that the group was “dissatisfied”."),
    ("However, the plan was approved.", "Sin embargo, el plan fue aprobado.", "es", ""),
    ("The suspect is still at large.", "لا يزال المشتبه به طليقا.", "ar", ""),
    ("It is not only cheaper but also faster.", "No només és més barat, sinó també més ràpid.",
     "ca", ""),
    ("The actor declined to comment.", "El actor no quiso hacer comentarios.", "es",
     "The actor did not want to do comments."),
    ("Their style of play has scarcely changed.", "El seu estil de joc gairebé no ha canviat.", "ca", ""),
    ("Bolivia is, needless to say, expecting the outcome.", "Bolívia, no cal dir-ho, espera el resultat.",
     "ca", ""),
], ids=["no-dot-number-en", "no-dot-number-es", "both", "reworded", "sin-embargo", "ar-still",
        "not-only", "declined", "scarcely", "needless-to-say"])
def test_polarity_passes(source, target, tgt, back):
    assert not run("polarity", source, target, tgt=tgt, back=back)


# --- repetition -----------------------------------------------------------------------

@pytest.mark.parametrize("source, target, repeated, count", [
    ("The students enrolled in the course.",
     "Los estudiantes matriculados matriculados matriculados en el curso.", "matriculados", 3),
    ("(Applause)", "(掌声)(掌声)(掌声)", "(掌声)", 3),
    ("Thank you all for coming.", "Gracias a todos, gracias a todos, gracias a todos por venir.",
     "gracias a todos", 3),
    ("Thank you.", "شكرا شكرا شكرا شكرا لكم.", "شكرا", 4),
    ("The city of Barcelona.", "La ciutat de la ciutat de la ciutat de Barcelona.", "la ciutat de", 3),
], ids=["word", "bracketed", "trigram", "ar", "ca"])
def test_repetition_fails(source, target, repeated, count):
    (f,) = fails_with("repetition", source, target)
    assert (f.evidence["repeated"], f.evidence["count"]) == (repeated, count)


def fails_with(check_id, source, target, **kw):
    return run(check_id, source, target, **kw)


@pytest.mark.parametrize("source, target", [
    ("It was very very cold.", "Hacía muy muy frío."),
    ("It was very, very, very cold.", "Hacía muy, muy, muy frío."),
    ("Oh, no. I didn't leak.", "No, no. No lo filtré."),
    ("Ha ha ha, he said.", "Ja, ja, ja, dijo."),
    ("The students enrolled in the course.", "Los estudiantes se matricularon en el curso."),
], ids=["source-twice", "source-thrice", "sentence-break", "laughter", "clean"])
def test_repetition_passes(source, target):
    assert passes("repetition", source, target)


# --- junk -----------------------------------------------------------------------------

@pytest.mark.parametrize("target, junk", [
    ("El ni\ufffdo jug\ufffd en el parque.", "\ufffd"),
    ("La canciÃ³n llegÃ³ al nÃºmero uno.", "Ã³"),
    ("â€œHola a todosâ€, dijo.", "â€"),
    ("♪ Cantamos juntos ♪", "♪"),
    ("قال الوزير\ufffd إن الخطة جاهزة.", "\ufffd"),
], ids=["replacement", "mojibake", "smart-quote-mojibake", "music-note", "ar"])
def test_junk_fails(target, junk):
    (f,) = run("junk", "The child played in the park.", target)
    assert junk in f.evidence["junk"]


@pytest.mark.parametrize("source, target", [
    ("The child played in the park.", "El niño jugó en el parque."),
    ("♪ We sing together ♪", "♪ Cantamos juntos ♪"),
    ("He visited SÃO PAULO.", "Visitó SÃO PAULO y la CÂMARA municipal."),
    ("The grandmother smiled.", "L'àvia va somriure."),
], ids=["clean", "in-source", "capital-tilde", "catalan"])
def test_junk_passes(source, target):
    assert passes("junk", source, target)


# --- lost-entity ----------------------------------------------------------------------

@pytest.mark.parametrize("source, target, tgt, kind, severity", [
    ("Read more at https://www.bbc.co.uk/news.", "Más información en la web de la BBC.", "es",
     "url", Severity.ERROR),
    ("Write to press@who.int or follow @WHO.", "Escribe a la OMS o síguela en Twitter.", "es",
     "email", Severity.WARNING),
    ("NASA launched the probe in 2021.", "La agencia lanzó la sonda en 2021.", "es",
     "acronym", Severity.WARNING),
    ("Run `pip install tqcheck` first.", "Primer, executeu la instal·lació.", "ca",
     "code", Severity.WARNING),
    ("See https://who.int/covid for details.", "انظر موقع المنظمة للتفاصيل.", "ar",
     "url", Severity.ERROR),
], ids=["url", "email", "acronym", "code", "ar-url"])
def test_lost_entity_fails(source, target, tgt, kind, severity):
    found = run("lost-entity", source, target, tgt=tgt)
    assert any(kind in f.evidence["lost"] and f.severity == severity for f in found)


def test_lost_acronym_without_back_translation_is_information():
    # NTREX-128: "WW1" spelled out as "la I Guerra Mundial"; only a back-translation shows it.
    s = Passage(0, "Bernard Vann: WW1 Victoria Cross cleric", 1)
    t = Passage(0, "Bernard Vann: el clérigo de la I Guerra Mundial", 1)
    u = AlignedUnit(0, "1-1", (s,), (t,))
    found = CHECKS["lost-entity"]().run(u, Context(src_lang="en", tgt_lang="es", engine="none"))
    assert [(f.severity, list(f.evidence["lost"])) for f in found] == [(Severity.INFO, ["acronym"])]
    url = AlignedUnit(0, "1-1", (Passage(0, "See https://who.int now.", 1),), (Passage(0, "Vea ahora.", 1),))
    assert [f.severity for f in CHECKS["lost-entity"]().run(url, Context("en", "es", engine="none"))] == [Severity.ERROR]


def test_lost_entity_reads_markdown_link_targets():
    found = run("lost-entity", "See the report.", "Vea el informe.",
                src_raw="See [the report](https://example.org/r.pdf).")
    assert found and found[0].evidence["lost"]["link"] == ["https://example.org/r.pdf"]
    s = Passage(0, "See the report.", 1, meta={"raw": "See [the report](https://example.org/r.pdf)."})
    t = Passage(0, "Vea el informe.", 1, meta={"raw": "Vea [el informe](https://example.org/r.pdf)."})
    u = AlignedUnit(0, "1-1", (s,), (t,))
    assert CHECKS["lost-entity"]().run(u, Context(src_lang="en", tgt_lang="es")) == []


@pytest.mark.parametrize("source, target, tgt, back", [
    ("The summit was held in London.", "La cumbre se celebró en Londres.", "es", ""),
    ("NASA confirmed 20 cases of COVID-19.", "La NASA confirmó 20 casos de covid-19.", "es", ""),
    ("NATO and the EU met the US envoy.", "La OTAN y la UE se reunieron con el enviado de EE. UU.",
     "es", ""),
    ("NASA launched the probe.", "أطلقت ناسا المسبار.", "ar", ""),
    ("Visit https://example.org.", "Visiteu https://example.org", "ca", ""),
    ("He spoke about his PTSD.", "Va parlar del seu trastorn per estrès posttraumàtic.", "ca",
     "He spoke of his disorder for post-traumatic stress."),
    ("THANK YOU FOR STANDING UP TO THE MOB, she wrote.", "GRACIAS POR RESISTIR, escribió.", "es", ""),
    ("The rally starts at 7 p.m. ET in the Court of Justice (ICJ).",
     "El mitin empieza a las 19:00 en el Tribunal Internacional de Justicia.", "es", ""),
], ids=["names-change", "kept-and-lowercased", "reordered-and-known", "ar-transliterated",
        "url-trailing-dot", "expanded-in-back", "shouting", "time-zone-and-expansion"])
def test_lost_entity_passes(source, target, tgt, back):
    assert not run("lost-entity", source, target, tgt=tgt, back=back)


# --- truncation -----------------------------------------------------------------------

@pytest.mark.parametrize("source, target, tgt", [
    ("The storm destroyed hundreds of homes along the coast and left thousands without power.",
     "La tormenta destruyó cientos de casas", "es"),
    ("The museum will reopen in May after a two-year renovation, the city council said on Tuesday.",
     "El museo reabrirá en mayo tras una renovación de dos años,", "es"),
    ("The company reported record profits in the third quarter of the year, beating forecasts.",
     "L'empresa va registrar beneficis rècord en el tercer trimestre de", "ca"),
    ("The minister announced that the new hospital will open next month in the capital city.",
     "أعلن الوزير أن المستشفى الجديد سيفتح في", "ar"),
    # Cut at two thirds, on a content word: the engine stopped, whatever the last word is.
    ("The storm destroyed hundreds of homes along the coast and left thousands without power.",
     "La tormenta destruyó cientos de casas a lo largo de la costa", "es"),
], ids=["short", "comma", "function-word-ca", "function-word-ar", "two-thirds"])
def test_truncation_fails(source, target, tgt):
    assert run("truncation", source, target, tgt=tgt)


@pytest.mark.parametrize("source, target, kind", [
    ("The storm destroyed hundreds of homes along the coast.", "La tormenta", "heading"),
    ("The storm destroyed hundreds of homes along the coast.", "La tormenta", "list_item"),
    ("The storm destroyed hundreds of homes", "La tormenta destruyó", "paragraph"),
    ("The summit was held in London.", "La cumbre se celebró en Londres.", "paragraph"),
    ("The summit was held in London.", "La cumbre se celebró en Londres", "paragraph"),
    ('He said: "It is over."', "Dijo: «Se acabó»", "paragraph"),
], ids=["heading", "list-item", "source-unfinished", "finished", "only-the-dot", "closing-quote"])
def test_truncation_passes(source, target, kind):
    assert not run("truncation", source, target, tgt_kind=kind, src_kind=kind)


# --- punctuation ----------------------------------------------------------------------

@pytest.mark.parametrize("source, target, tgt, pair", [
    ("The toll rose to 40 (according to official sources).",
     "El balance subió a 40 (según fuentes oficiales.", "es", "()"),
    ("Where is the station?", "¿Dónde está la estación.", "es", "¿?"),
    ("He called it a disgrace.", "Ho va qualificar de «vergonya.", "ca", "«»"),
    ("See note 1 for the method.", "Vegeu la nota [1 per al mètode.", "ca", "[]"),
    ("The toll rose to 40 (according to official sources).",
     "ارتفعت الحصيلة إلى 40 (وفقا لمصادر رسمية.", "ar", "()"),
], ids=["paren", "inverted-question", "guillemets", "square", "ar-paren"])
def test_punctuation_fails(source, target, tgt, pair):
    (f,) = run("punctuation", source, target, tgt=tgt)
    assert [u["pair"] for u in f.evidence["unbalanced"]] == [pair]
    assert f.severity == Severity.INFO


@pytest.mark.parametrize("source, target", [
    ("The toll rose to 40 (official figures).", "El balance subió a 40 (cifras oficiales)."),
    ("Two options: (a) wait, (b) leave.", "Dos opciones: a) esperar, b) marcharse."),
    ("The toll rose (again.", "El balance volvió a subir (de nuevo."),
    ('"We will fight on,', "«Seguiremos luchando,"),
    ("Where is it?", "Dónde está?"),
    ("Thanks :)", "Gracias :)"),
], ids=["balanced", "enumeration", "source-unbalanced", "quote-runs-on", "no-inverted", "smiley"])
def test_punctuation_passes(source, target):
    assert passes("punctuation", source, target)


# --- registry -------------------------------------------------------------------------

NEW = ["wrong-language", "partly-untranslated", "code-mixing", "polarity", "repetition", "junk",
       "lost-entity", "truncation", "punctuation"]


@pytest.mark.parametrize("cid", NEW)
def test_new_checks_are_registered_and_documented(cid):
    cls = CHECKS[cid]
    assert cls.title and cls.description and cls.severity in Severity


def test_untranslated_sentence_is_not_reported_twice():
    target = "El ministro dimitió tras la votación. The opposition called for early elections at once."
    u = AlignedUnit(0, "1-1", (Passage(0, EN_VOTE, 1, sentences=tuple(split_sentences(EN_VOTE, "en"))),),
                    (Passage(0, target, 1, sentences=tuple(split_sentences(target, "es")), lang="es"),),
                    "", Scores(chrf=60.0))
    got = [f.check for f in run_checks(u, build_checks(NEW), Context(src_lang="en", tgt_lang="es"))]
    assert got == ["partly-untranslated"]


def test_helpers_table_style_still_works():
    assert fails("junk", "Hello.", "Hola\ufffd.")
    assert passes("polarity", "The minister did not sign.", "El ministro no firmó.")
