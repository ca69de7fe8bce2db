from tqcheck.lang.base import Clock, Language, Negation, frozen, words
from tqcheck.lang.en import _NO, _w

_US = ("eua", "estats units", "estatunidenc", "nord-americ")

LANGUAGE = Language(
    code="ca", name="Catalan", families=frozenset({"romance"}),
    # "no els els donarem" (we will not give them to them): the indirect object clitic,
    # then the direct one, as the IEC's grammar writes the pair.
    doubled_words=words("els"),
    function_words=words(
        "el la els les de del que i en un una per amb és es no al als seu seva seus com més "
        "però va ha han aquest aquesta sobre també entre sense molt hi des quan"),
    marker_words=words("el la els les de que i en amb per una és"),
    common_words=words("el la els les de que i en amb per una és a del al es se un com has o no hi "
                       "on més seu als pel e son"),
    final_words=words("de del la el els les i o que en amb per a al un una seu seva com però sense "
                      "sobre entre quan on molt"),
    negation=Negation(
        strong=_w(_NO, "mai", "ningú", "res", "ni", "tampoc", "gens", "enlloc", "cap"),
        weak=_w("sense", "no obstant", "no només", "no pas", "sinó", "només", "sols", "únicament",
                "tret de", "excepte", "no cal dir", "ja no", "a menys que", "o no", "llevat",
                "deixar de", "deixa de", "manca de", "falta de",
                r"cap (?:a|al|als|on|de|del|dels|d['’]\w+)", r"(?:el|al|del|pel|un|seu) cap"),
        filler=words("els és va van hi ho en"),
        attenuators=_w("poc", "poca", "pocs", "poques", "menys"),
    ),
    scales=(("mil milions", 1e9), ("mil", 1e3), ("milions", 1e6), ("milió", 1e6), ("bilions", 1e12)),
    fractions=frozen({"la meitat": 0.5, "mig": 0.5, "mitja": 0.5, "un quart": 0.25,
                      "un terç": 1 / 3, "dos terços": 2 / 3, "tres quarts": 0.75,
                      # "100 percent certain" = "absolutament convençut"
                      "totalment": 1.0, "completament": 1.0, "absolutament": 1.0}),
    ratio_links=("de cada",),
    count_words=frozen({"una dotzena": 12, "dotzena": 12}),
    # num2words writes the masculine: una, dues, dues-centes are Catalan too; its
    # ordinals in -è inflect as -ena, -ens, -enes (cinquè, cinquena), the others in -a, -s.
    feminine=(("un", "una"), ("dos", "dues"), ("cents", "centes")),
    ordinal_endings=(("è", "ena"), ("è", "ens"), ("è", "enes"), ("r", "ra"), ("n", "na"),
                     ("t", "ta"), ("r", "rs"), ("n", "ns"), ("t", "ts")),
    clock=Clock(articles=("a les", "les", "a la"),
                day_parts=frozen({"del matí": "am", "de la matinada": "am", "del migdia": "pm",
                                  "de la tarda": "pm", "del vespre": "pm", "de la nit": "pm"}),
                hour_words=("h", "hora", "hores")),
    acronyms=frozen({
        "US": _US, "USA": _US,
        "UK": ("regne unit", "gran bretanya", "britànic"),
        "UN": ("onu", "nacions unides"), "EU": ("ue", "unió europea", "europa", "europeu"),
        "WHO": ("oms",), "AIDS": ("sida", "vih"), "HIV": ("vih",), "GDP": ("pib",),
        "CEO": ("director", "directora", "conseller", "consellera", "president"),
        "MP": ("parlamentari", "membre del parlament", "diputat"),
        "PM": ("primer ministr", "primera ministr"), "TV": ("tele",),
        "AI": ("ia", "intel·ligència artificial"), "ID": ("identi", "carnet"),
        "NY": ("nova york",), "NYC": ("nova york",), "GOP": ("republic",),
        "ATM": ("caixer",), "IT": ("informàtic",), "HP": ("cv",),
        "BC": ("ac", "a. c.", "a.c.", "abans de crist"), "BCE": ("ac", "a. c.", "a.c."),
        "AD": ("dc", "d. c.", "d.c.", "després de crist"), "CE": ("dc", "d. c.", "d.c."),
    }),
    num2words="ca", apertium="cat", apertium2="ca", hunspell="ca_ES", wordfreq="ca", simplemma="ca",
)
