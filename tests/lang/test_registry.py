from pathlib import Path

import pytest

from tqcheck import lang
from tqcheck.detect.quick import FUNCTION_WORDS, script_of
from tqcheck.lang.numwords import to_digits

HUNSPELL = Path("/usr/share/hunspell")


def test_every_module_is_registered_under_its_file_name():
    files = {p.stem for p in Path(lang.__file__).parent.glob("*.py") if len(p.stem) in (2, 3)}
    assert set(lang.known()) == files
    assert {"en", "es", "ca", "pt", "fr", "gl", "ar"} <= files


def test_codes_are_normalised_and_unknown_ones_fall_back():
    assert lang.get("ES-mx") is lang.get("es") and lang.get("pt_BR").name == "Portuguese"
    ru = lang.get("ru")
    assert not lang.has_module("ru") and ru.script == "CYRILLIC" and ru.apertium == "rus"
    assert ru.function_words == frozenset() and ru.negation is None
    assert lang.get("qq").script == "LATIN" and lang.get(None).code == ""


def test_language_records_are_frozen():
    with pytest.raises(AttributeError):
        lang.get("es").name = "Castilian"  # type: ignore[misc]


def test_detection_reads_the_modules():
    assert FUNCTION_WORDS["ca"] is lang.get("ca").function_words
    assert script_of("ar") == "ARABIC" and script_of("he") == "HEBREW" and script_of("es") == "LATIN"


@pytest.mark.parametrize("code", ["en", "es", "ca", "fr", "gl", "pt", "ar"])
def test_hunspell_names_are_real_dictionaries(code):
    if not HUNSPELL.is_dir():
        pytest.skip("no Hunspell dictionaries installed (scripts/setup.sh installs them)")
    assert (HUNSPELL / f"{lang.get(code).hunspell}.dic").is_file()


@pytest.mark.parametrize("code, text, values", [
    ("ca", "trenta-sis persones i setanta cases", [36, 70]),
    ("ca", "quaranta anys, la cinquena edició", [40, 5]),
    ("ca", "mil quatre-cents soldats i dues-centes persones", [1400, 200]),
    ("es", "treinta y seis personas, el quinto", [36, 5]),
    ("en", "thirty-six people in the nineties", [36, 90]),
    ("ar", "ستة وثلاثون شخصا", [36]),
    ("en", "four-in-ten Americans, half of them", [40, 0.5, 50]),
    ("es", "cuatro de cada diez", [40]),
], ids=["ca-tens", "ca-ordinal-feminine", "ca-thousands", "es", "en-decade", "ar", "en-ratio", "es-ratio"])
def test_spelled_numbers_come_from_the_libraries(code, text, values):
    assert set(values) <= set(lang.spelled_numbers(text, code))


def test_digits_stay_digits():
    assert to_digits("1.400 personas y 2019", lang.get("es")) == "1.400 personas y 2019"
    assert lang.spelled_numbers("Hi havia 1.400 persones.", "ca") == []


def test_acronym_forms_gather_every_language():
    assert {"a. c.", "ac", "av. j.-c."} <= set(lang.acronym_forms("BC"))


@pytest.mark.parametrize("code", ["ca", "es", "pt", "fr", "de", "nl", "gl"])
def test_numbers_spelled_by_num2words_read_back(code):
    # Round trip through the other library (or, for ca, gl, the generated table).
    from num2words import num2words
    lng = lang.get(code)
    for n in [*range(0, 101), 137, 999, 1400, 2023, 36000, 2_500_000]:
        assert float(n) in lang.spelled_numbers(f"x {num2words(n, lang=lng.num2words)} y", code), n


def test_arabic_numbers_with_links_read_back():
    assert lang.spelled_numbers("ستة آلاف وأربعمائة شخص", "ar") == [6400.0]
    assert lang.spelled_numbers("ستة و ثلاثون", "ar") == [36.0]
