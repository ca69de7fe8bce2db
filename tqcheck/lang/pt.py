from tqcheck.lang.base import Clock, Language, Negation, frozen, words
from tqcheck.lang.en import _w

_US = ("eua", "e.u.a", "estados unidos", "norte-americ", "norteameric")

LANGUAGE = Language(
    code="pt", name="Portuguese", families=frozenset({"romance"}),
    # "diferente do do ano passado": the preposition de + o, then the pronoun o's de + o.
    doubled_words=words("do da dos das"),
    function_words=words(
        "o a os as de do da dos das que e em um uma por com para é se não no na nos nas ao "
        "seu sua como mais mas foi tem este esta sobre também entre sem muito"),
    marker_words=words("o a os as de que e em com por uma é do da"),
    common_words=words("o a os as de que e em com por uma é do da um se no na para como mais ao "
                       "seu sua es la con en y"),
    final_words=words("de do da dos das o a os as e ou que em no na com por para um uma seu sua "
                      "como mas sobre entre"),
    negation=Negation(
        strong=_w("não", "nunca", "jamais", "ninguém", "nada", "nem", "nenhum", "nenhuma",
                  "tampouco"),
        weak=_w("sem", "não só", "não apenas", "senão", "só", "somente", "apenas", "exceto",
                "salvo", "nem é preciso dizer", "escusado será dizer", "já não", "a menos que",
                "ou não", "deixar de", "deixou de", "deixa de", "falta de"),
        filler=words("não nem foi são"),
        attenuators=_w("pouco", "pouca", "poucos", "poucas", "menos"),
    ),
    scales=(("mil milhões", 1e9), ("mil", 1e3), ("milhões", 1e6), ("milhão", 1e6),
            ("bilhões", 1e9), ("bilhão", 1e9)),
    fractions=frozen({"a metade": 0.5, "metade": 0.5, "meio": 0.5, "meia": 0.5, "um quarto": 0.25,
                      "um terço": 1 / 3, "dois terços": 2 / 3,
                      "totalmente": 1.0, "completamente": 1.0, "absolutamente": 1.0}),
    ratio_links=("em cada", "de cada"),
    count_words=frozen({"uma dúzia": 12, "dúzia": 12, "uma década": 10, "um século": 100}),
    feminine=(("um", "uma"), ("dois", "duas")),  # num2words writes the masculine
    clock=Clock(articles=("às", "as", "à"),
                day_parts=frozen({"da manhã": "am", "da madrugada": "am", "da tarde": "pm",
                                  "da noite": "pm"}),
                hour_words=("h", "hora", "horas")),
    acronyms=frozen({
        "US": _US, "USA": _US,
        "UK": ("reino unido", "grã-bretanha", "britânic"),
        "UN": ("onu", "nações unidas"), "EU": ("ue", "união europeia", "europa", "europeu"),
        "WHO": ("oms",), "GDP": ("pib",), "CEO": ("presidente", "diretor", "diretora"),
        "MP": ("deputad", "membro do parlamento", "legislador"),
        "PM": ("primeiro-ministr", "primeira-ministr", "primeiro ministr"), "TV": ("tele",),
        "AI": ("ia", "inteligência artificial"), "ID": ("identi",), "NY": ("nova iorque",),
        "NYC": ("nova iorque",), "ATM": ("caixa eletr", "caixa automática"), "HP": ("cv",),
        "BC": ("a.c.", "a. c.", "antes de cristo"), "AD": ("d.c.", "d. c.", "depois de cristo"),
        "AIDS": ("sida", "vih"), "HIV": ("vih",), "HQ": ("sede", "quartel-general"),
        "ISIS": ("daesh", "ei", "estado islâmico"), "ISIL": ("daesh", "eiil", "estado islâmico"),
    }),
    text2num="pt", num2words="pt", apertium="por", apertium2="pt", hunspell="pt_PT",
    wordfreq="pt", simplemma="pt",
)
