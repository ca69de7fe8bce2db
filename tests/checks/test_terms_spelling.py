"""Case tables for key terms, consistency and spelling, in Spanish, Catalan and Arabic,
on real glossary files and the real Hunspell dictionaries (Debian hunspell-es/-ca/-ar)."""
import pytest

from tqcheck.checks import CHECKS, Context
from tqcheck.checks.speller import dictionary_files
from tqcheck.glossary import load
from tqcheck.model import AlignedUnit, Passage, Scores
from tqcheck.segment import split_sentences

GLOSSARY = """source\ttarget\ttarget\tforbidden
tax\timpuesto\timpost|ضريبة\ttasa|taxa
prime minister\tprimer ministro|primer ministre\tرئيس الوزراء\tpremier
health care\tatención sanitaria|atenció sanitària\tالرعاية الصحية\t
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "terms.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load(path)


def _unit(i, source, target, src="en", tgt="es", line=None):
    line = line or 2 * i + 1
    return AlignedUnit(i, "1-1", (Passage(i, source, line, sentences=tuple(split_sentences(source, src))),),
                       (Passage(i, target, line, sentences=tuple(split_sentences(target, tgt)), lang=tgt),),
                       "", Scores())


def run(check, source, target, tgt="es", glossary=None, words=frozenset()):
    ctx = Context("en", tgt, glossary=glossary, words=words, engine="none")
    return CHECKS[check]().run(_unit(0, source, target, tgt=tgt), ctx)


@pytest.mark.parametrize("source, target, tgt", [
    ("The tax rose again.", "La tasa volvió a subir.", "es"),                 # forbidden
    ("The tax rose again.", "El gravamen volvió a subir.", "es"),             # none allowed
    ("The Prime Minister resigned.", "El premier va dimitir.", "ca"),
    ("Health care costs rose.", "Van pujar els costos de la sanitat.", "ca"),
    ("The tax rose again.", "ارتفع الرسم مرة أخرى.", "ar"),
    ("The Prime Minister resigned.", "استقال الوزير الأول.", "ar"),
])
def test_key_term_fails(glossary, source, target, tgt):
    found = run("key-term", source, target, tgt, glossary)
    assert found and found[0].evidence["expected"]


@pytest.mark.parametrize("source, target, tgt", [
    ("Taxes rose again.", "Los impuestos volvieron a subir.", "es"),         # inflected
    ("The TAX rose.", "El IMPUESTO subió.", "es"),                            # case
    ("The prime minister resigned.", "El primer ministre va dimitir.", "ca"),
    ("Health care costs rose.", "Van pujar els costos de l'atenció sanitària.", "ca"),
    ("The taxes rose again.", "ارتفعت الضرائب مرة أخرى.", "ar"),             # plural, article
    ("The Prime Minister resigned.", "استقال رئيس الوزراء.", "ar"),
    ("Nothing about it here.", "Aquí no hi ha res.", "ca"),                  # no source term
])
def test_key_term_passes(glossary, source, target, tgt):
    assert not run("key-term", source, target, tgt, glossary)


def test_key_term_reports_what_was_found(glossary):
    f = run("key-term", "The tax rose again.", "La tasa volvió a subir.", "es", glossary)[0]
    assert f.evidence["term"] == "tax" and f.evidence["found"] == "tasa"
    assert "impuesto" in f.evidence["expected"]


def test_key_term_finds_nothing_without_a_glossary():
    assert not run("key-term", "The tax rose again.", "La tasa volvió a subir.", "es", None)


# --- consistency ---------------------------------------------------------------------

def article(pairs, tgt="es", glossary=None):
    units = [_unit(i, s, t, tgt=tgt) for i, (s, t) in enumerate(pairs)]
    return CHECKS["consistency"]().run_article(units, Context("en", tgt, glossary=glossary))


@pytest.mark.parametrize("pairs, tgt", [
    ([("Press the red button to stop.", "Pulse el botón rojo para parar."),
      ("The line starts again.", "La línea arranca de nuevo."),
      ("Press the red button to stop.", "Presione el botón rojo para detenerse.")], "es"),
    ([("Close all the windows before leaving.", "Tanqueu totes les finestres abans de sortir."),
      ("close all the windows before leaving", "Tanca les finestres abans de marxar.")], "ca"),
    ([("Wash your hands with soap and water.", "اغسل يديك بالماء والصابون."),
      ("Wash your hands with soap and water.", "اغسل يديك جيدًا.")], "ar"),
])
def test_consistency_fails(pairs, tgt):
    found = [f for fs in article(pairs, tgt).values() for f in fs]
    assert found and {"first", "second"} <= set(found[0].evidence)
    assert found[0].evidence["first"]["line"] == 1


@pytest.mark.parametrize("pairs, tgt", [
    ([("Press the red button to stop.", "Pulse el botón rojo para parar."),
      ("Press the red button to stop.", "Pulse el botón rojo para parar.")], "es"),
    ([("Yes.", "Sí."), ("Yes.", "D'acord.")], "ca"),                         # too short to judge
    ([("Wash your hands with soap and water.", "اغسل يديك بالماء والصابون."),
      ("Stay at home if you feel unwell.", "ابق في المنزل إذا شعرت بتوعك.")], "ar"),
])
def test_consistency_passes(pairs, tgt):
    assert not article(pairs, tgt)


def test_consistency_same_translation_for_two_sources_is_info():
    found = article([("Close the main door before you leave.", "Cierre la puerta principal antes de salir."),
                     ("Shut the main door before you leave.", "Cierre la puerta principal antes de salir.")])
    assert [f.severity.value for fs in found.values() for f in fs] == ["info"]


def test_key_term_translated_two_ways_in_one_article(glossary):
    found = article([("The Prime Minister spoke.", "Va parlar el primer ministre."),
                     ("Later the prime minister left.", "Després el primer ministro va marxar.")], "ca",
                    glossary)
    f = found[1][0]
    assert f.evidence["kind"] == "key-term-two-ways" and f.evidence["first"]["line"] == 1


# --- spelling ----------------------------------------------------------------------

needs = {code: pytest.mark.skipif(dictionary_files(code) is None, reason=f"no hunspell-{code}")
         for code in ("es", "ca", "ar", "fr", "pt")}


@pytest.mark.parametrize("source, target, tgt, word", [
    pytest.param("The government approved the budget.", "El gobierno aprobó el presupusto.", "es",
                 "presupusto", marks=needs["es"]),
    pytest.param("The council met on Monday.", "El consel es va reunir dilluns.", "ca",
                 "consel", marks=needs["ca"]),
    pytest.param("The Security Council met.", "اجتمع مجلسالأمن.", "ar", "مجلسالأمن", marks=needs["ar"]),
    # wordfreq's web text has "cuadno", but "cuando" is 20,000 times commoner.
    pytest.param("We will see when you arrive.", "Nos vemos cuadno llegues.", "es", "cuadno", marks=needs["es"]),
    # Close to the source's word, but the dictionary word is closer still.
    pytest.param("Take paracetamol.", "Tome parecetamol.", "es", "parecetamol", marks=needs["es"]),
    pytest.param("The government met.", "El gobireno se reunió.", "es", "gobireno", marks=needs["es"]),
    # The word after an elision is checked (FLORES-200 dev, Catalan).
    pytest.param("A slaughterhouse factory.", "Una fàbrica d'escorxaors.", "ca", "d'escorxaors", marks=needs["ca"]),
    pytest.param("A nice evening.", "Une soiréee agréable.", "fr", "soiréee", marks=needs["fr"]),
    # A source name glued to a word is still two words run together (NTREX-128).
    pytest.param("Mr Trump said so.", "قال السيدترامب ذلك.", "ar", "السيدترامب", marks=needs["ar"]),
])
def test_spelling_fails(source, target, tgt, word):
    found = run("spelling", source, target, tgt)
    assert found and word in found[0].evidence["words"]
    assert found[0].evidence["suggestions"][word]  # suggestions in the evidence


@pytest.mark.parametrize("source, target, tgt, words", [
    pytest.param("Kavanaugh spoke in Phoenix.", "Kavanaugh habló en Phoenix.", "es", (), marks=needs["es"]),
    pytest.param("See https://example.org/xyzzy", "Vea https://example.org/xyzzy", "es", (), marks=needs["es"]),
    pytest.param("The tqcheckr tool", "La herramienta tqcheckr", "es", (), marks=needs["es"]),  # in source
    pytest.param("Our product", "El nostre producte Acmefoo és nou, i el acmefoo", "ca", ("acmefoo",),
                 marks=needs["ca"]),
    pytest.param("The 3rd day", "El 3r dia", "ca", (), marks=needs["ca"]),
    pytest.param("Halkett scored twice.", "سجل هالكيت مرتين.", "ar", (), marks=needs["ar"]),  # a name
    pytest.param("The Security Council met.", "اجتمع مجلس الأمن.", "ar", (), marks=needs["ar"]),
    # Compounds with a prefix are further than one edit from every dictionary word.
    pytest.param("His self-satire, in microlitres.", "Su autosátira, en microlitros.", "es", (),
                 marks=needs["es"]),
    # Cognates of a source word, which no dictionary word one edit away is closer to.
    pytest.param("Virions bind lectins.", "Los viriones se unen a lectinas.", "es", (), marks=needs["es"]),
    pytest.param("Human ACE2 (hACE2).", "La ECA2 humana (hECA).", "es", (), marks=needs["es"]),  # capitals
    pytest.param("A friend-of-the-court brief.", "Un escrit amicus curiae.", "ca", (), marks=needs["ca"]),
    pytest.param("On the 1st.", "Le 1er.", "fr", (), marks=needs["fr"]),  # a word with a digit
    pytest.param("Confirmatory tests.", "Testes confirmatórios.", "pt", (), marks=needs["pt"]),  # a plural
    pytest.param("Donggala was hit.", "ضرب الزلزال دونغالا.", "ar", (), marks=needs["ar"]),  # a name
    pytest.param("It is now open.", "إنه مفتوح حاليًا.", "ar", (), marks=needs["ar"]),  # tanwin, not two words
    pytest.param("The school.", "El col·legi.", "ca", (), marks=needs["ca"]),
])
def test_spelling_passes(source, target, tgt, words):
    assert not run("spelling", source, target, tgt, words=frozenset(words))


def test_spelling_is_skipped_with_a_note_without_a_dictionary(monkeypatch, tmp_path):
    import tqcheck.checks.speller as speller

    monkeypatch.setattr(speller, "DICT_DIRS", (str(tmp_path),))
    why = CHECKS["spelling"]().unavailable(Context("en", "es"))
    assert why and "hunspell-es" in why
