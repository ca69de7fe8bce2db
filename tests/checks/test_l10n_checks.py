"""Case tables for the localisation checks: placeholders, markup and doubled words, in
Spanish, Catalan and Arabic (strings as software and help pages carry them)."""
import pytest

from tests.checks.helpers import fails, passes
from tqcheck.checks.placeholders import placeholders

PLACEHOLDER_FAILS = [
    ("Hello {name}, you have %d new messages.", "Hola, tienes %d mensajes nuevos."),
    ("Open %file% now", "Abre %fichero% ahora"),
    ("Save $file$ first", "Desa primer el fitxer"),
    ("Install $(name) now", "Instal·leu $(nom) ara"),
    ("Licence: @license_code@", "Llicència: @codi@"),
    ("&brandShortName; is ready", "&marca; está listo"),
    ("%1 of %2 files", "%1 de %3 archivos"),
    ("Tab #1 of #2: %s", "Pestaña #1 de #3: %s"),
    ("%@ files deleted", "تم حذف الملفات"),
    ("Hello {{user}}", "Hola {{usuario}}"),
    ("%1$s of %2$s", "%1$s de %3$s"),
    ("%s sent %d files", "%d ha enviado %s archivos"),
    ("%(count)d files", "%(cuenta)d archivos"),
    ("{0} of {1}", "{0} من {2}"),
    ("{count, plural, one {# file} other {# files}}", "{cuenta, plural, one {# archivo} other {# archivos}}"),
    ("{count, plural, one {{name} file} other {{name} files}}",
     "{count, plural, one {archivo} other {archivos}}"),
    ("{gender, select, male {He} female {She} other {They}} replied", "Ha respondido"),
]
PLACEHOLDER_PASSES = [
    ("Hello {name}, you have %d new messages.", "Hola {name}, tienes %d mensajes nuevos."),
    ("%1$s of %2$s", "%2$s de %1$s"),  # positional: order is free
    ("%1 of %2 files", "%2 ملفات من %1"),
    ("&brandShortName; is ready", "&brandShortName; està a punt"),
    ("Open %file% now", "Abre %file% ahora"),
    ("{count, plural, one {# file} other {# files}}",
     "{count, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}"),
    ("Unemployment rose 50% in 2020, the #1 worry.", "El paro subió un 50 % en 2020, la preocupación n.º 1."),
    ("Prices rose 5% last year.", "Els preus van pujar un 5 % l'any passat."),
    ("Email us at 20% off", "Escríbenos con un 20% de descuento"),
]


@pytest.mark.parametrize("source, target", PLACEHOLDER_FAILS)
def test_placeholders_fail(source, target):
    assert fails("placeholders", source, target)


@pytest.mark.parametrize("source, target", PLACEHOLDER_PASSES)
def test_placeholders_pass(source, target):
    assert passes("placeholders", source, target)


def test_icu_plural_branches_are_one_placeholder():
    assert placeholders("{n, plural, one {# day} other {# days}} left") == {"icu {n, plural}": 1}


MARKUP_FAILS = [
    ('Read <a href="/help.html" target="_blank">the help</a>.', 'Lee <a href="/help.htm" target="_blank">la ayuda</a>.'),
    ('Read <a href="/help.html" target="_blank">the help</a>.', 'Llegiu <a href="/help.html">l\'ajuda</a>.'),
    ('<span visibility="visible">New</span>', '<span visibility="invisible">Nuevo</span>'),
    ("Line one<br />line two", "Línea uno<br>línea dos"),
    ("Press <emph>Save</emph>.", "Pulsa <emph>Guardar</emp>."),
    ("Press <b>Save</b> now.", "اضغط <b>حفظ الآن."),
    ("<p>Done.</p>", "Fet."),
]
MARKUP_PASSES = [
    ('<img src="cat.png" alt="A cat" title="Cat"/>', '<img src="cat.png" alt="Un gato" title="Gato"/>'),
    ('Read <a href="/help.html">the help</a>.', 'اقرأ <a href="/help.html">المساعدة</a>.'),
    ("Press <b>Save</b> and <i>Close</i>.", "Premeu <i>Tanca</i> després de <b>Desa</b>."),
    ("No markup at all.", "Sin marcas."),
]


@pytest.mark.parametrize("source, target", MARKUP_FAILS)
def test_markup_fails(source, target):
    assert fails("markup", source, target)


@pytest.mark.parametrize("source, target", MARKUP_PASSES)
def test_markup_passes(source, target):
    assert passes("markup", source, target)


@pytest.mark.parametrize("source, target", [
    ("The cat sat on the mat.", "El el gato se sentó en la alfombra."),
    ("The council approved the plan.", "El consell va aprovar aprovar el pla."),
    ("The minister spoke.", "تحدث الوزير الوزير."),
])
def test_doubled_word_fails(source, target):
    assert fails("doubled-word", source, target)


@pytest.mark.parametrize("source, target", [
    ("The cat sat on the mat.", "El gato se sentó en la alfombra."),
    ("It was very, very cold.", "Hacía muy muy frío."),  # the source doubles too
    ("He said it would be 10 10 times.", "Dijo que serían 10 10 veces."),
    ("Go go go!", "¡Vamos!"),
])
def test_doubled_word_passes(source, target):
    assert passes("doubled-word", source, target)


@pytest.mark.parametrize("source, target, src_lang, tgt_lang", [
    ("We will fight until the end.", "Nous nous battrons jusqu'au bout.", "en", "fr"),  # reflexive
    ("Ella ya había tenido bastante.", "She had had enough.", "es", "en"),
    ("Her tone was unlike last year's.", "O tom dela foi diferente do do ano passado.", "en", "pt"),
    ("We are not going to give it to them.", "No els els donarem.", "en", "ca"),  # two clitics
])
def test_a_double_the_grammar_writes_passes(source, target, src_lang, tgt_lang):
    assert passes("doubled-word", source, target, src_lang=src_lang, tgt_lang=tgt_lang)
    # The same words doubled where no grammar does are still slips.
    assert fails("doubled-word", source, target.replace("battrons", "la la battrons").replace(
        "enough", "the the enough").replace("tom", "tom tom").replace("No els", "No la la els"), src_lang=src_lang, tgt_lang=tgt_lang)
