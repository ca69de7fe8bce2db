from tqcheck.lang.base import Clock, Language, frozen, words

LANGUAGE = Language(
    code="gl", name="Galician", families=frozenset({"romance"}),
    function_words=words(
        "o a os as de do da dos das que e en un unha por con para é se non no na nos nas ao "
        "seu súa como máis pero foi ten este esta sobre tamén entre sen moi"),
    final_words=words("de do da dos das o a os as e ou que en no na con por para un unha seu súa "
                      "como pero sobre entre"),
    fractions=frozen({"a metade": 0.5, "metade": 0.5}),
    ratio_links=("de cada",),
    clock=Clock(articles=("ás", "á"), hour_words=("h", "hora", "horas")),
    # Neither text2num nor num2words has Galician; Portuguese shares most of its number
    # words (cinco, seis, vinte, trinta e seis, setenta, oitenta, noventa).
    number_links=("e",),
    num2words="pt", apertium="glg", apertium2="gl", hunspell="gl_ES", simplemma="gl",
)
