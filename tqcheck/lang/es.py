from tqcheck.lang.base import Clock, Language, Negation, frozen, words
from tqcheck.lang.en import _NO, _w

_US = ("ee. uu", "ee.uu", "eeuu", "estados unidos", "estadounidense", "norteameric")

LANGUAGE = Language(
    code="es", name="Spanish", families=frozenset({"romance"}),
    function_words=words(
        "el la los las de del que y en un una por con para es se no al lo su sus como más si son va "
        "pero fue ha han este esta sobre también entre sin muy hay desde cuando"),
    marker_words=words("el la los las de que y en con por una es"),
    common_words=words("el la los las de que y en con por una es a del al se lo un su para como has "
                       "o más sus le les e i"),
    final_words=words("de del la el los las y e o u que en con por para a al un una su sus se lo "
                      "como pero sin sobre entre cuando donde muy"),
    negation=Negation(
        strong=_w(_NO, "nunca", "jamás", "nadie", "nada", "ninguno", "ninguna", "ningún", "ni",
                  "tampoco"),
        weak=_w("sin", "sin embargo", "no obstante", "no solo", "no sólo", "sino", "más que",
                "solo", "sólo", "solamente", "únicamente", "apenas", "salvo", "excepto",
                "ni siquiera", "ni que decir tiene", "no hace falta decir", "ya no", "a menos que",
                "o no", "dejar de", "deja de", "dejó de", "falta de", "carencia de"),
        filler=words("se lo la le les me te nos ha han hay es son fue era está más tan muy que del "
                     "los las una uno"),
        attenuators=_w("poco", "poca", "pocos", "pocas", "menos", "escasamente"),
    ),
    scales=(("mil millones", 1e9), ("millardos", 1e9), ("millardo", 1e9), ("mil", 1e3),
            ("millones", 1e6), ("millón", 1e6), ("billones", 1e12), ("billón", 1e12)),
    fractions=frozen({"la mitad": 0.5, "medio": 0.5, "media": 0.5, "un cuarto": 0.25,
                      "un tercio": 1 / 3, "dos tercios": 2 / 3, "tres cuartos": 0.75,
                      # "100 percent certain" = "totalmente seguro"
                      "totalmente": 1.0, "completamente": 1.0, "absolutamente": 1.0,
                      "absoluta certeza": 1.0}),
    ratio_links=("de cada",),
    count_words=frozen({"una docena": 12, "docena": 12, "una década": 10, "un siglo": 100}),
    feminine=(("uno", "una"),),  # num2words writes the masculine
    clock=Clock(articles=("a las", "las", "a la"),
                day_parts=frozen({"de la mañana": "am", "de la madrugada": "am",
                                  "de la tarde": "pm", "de la noche": "pm"}),
                hour_words=("h", "hora", "horas")),
    acronyms=frozen({
        "US": _US, "USA": _US,
        "UK": ("ru", "reino unido", "r.u", "gran bretaña", "británic"),
        "UN": ("onu", "naciones unidas"), "EU": ("ue", "unión europea", "europa"),
        "WHO": ("oms",), "AIDS": ("sida", "vih"), "HIV": ("vih",), "GDP": ("pib",),
        "CEO": ("director", "directora", "consejero", "consejera", "presidente"),
        "MP": ("diputad", "miembro del parlamento", "legislador"),
        "PM": ("primer ministr", "primera ministr"), "TV": ("tele",),
        "AI": ("ia", "inteligencia artificial"), "ID": ("identi", "dni", "carnet", "carné"),
        "NY": ("nueva york",), "NYC": ("nueva york",), "GOP": ("republic",),
        "ATM": ("cajero",), "IT": ("informátic",), "HP": ("cv",),
        "BC": ("a. c.", "a.c.", "a. de c.", "antes de cristo"), "BCE": ("a. c.", "a.c.", "a. e. c."),
        "AD": ("d. c.", "d.c.", "después de cristo"), "CE": ("d. c.", "d.c.", "e. c."),
        "HQ": ("sede", "cuartel general"), "ISIS": ("daesh", "ei", "estado islámico"),
        "ISIL": ("daesh", "eiil", "estado islámico"),
    }),
    text2num="es", num2words="es", apertium="spa", apertium2="es", hunspell="es_ES",
    wordfreq="es", simplemma="es",
)
