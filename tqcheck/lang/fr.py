from tqcheck.lang.base import Clock, Language, Negation, frozen, words
from tqcheck.lang.en import _w

LANGUAGE = Language(
    code="fr", name="French", families=frozenset({"romance"}),
    function_words=words(
        "le la les de du des que et en un une par avec pour est se ne pas au aux son sa ses "
        "comme plus mais été a ont ce cette sur aussi entre sans très il elle qui dans"),
    marker_words=words("le la les de des du que et en avec pour une est"),
    doubled_words=words("nous vous"),  # "nous nous battons": a reflexive verb
    common_words=words("le la les de des du que et en avec pour une est a au aux se un son sa par "
                       "on as o e con es y i"),
    final_words=words("de du des la le les et ou que en avec pour par un une son sa ses au aux "
                      "mais dans sur entre très"),
    # French negates with "ne … pas"; a lone "jamais" or "rien" means "ever", "anything"
    # (tqcheck/checks/polarity.py asks for the "ne").
    negation=Negation(
        strong=_w("pas", "jamais", "rien", "aucun", "aucune", "ni", "nul", "nulle"),
        weak=_w("ne", r"n['’](?=\w)", "sans", "personne", "non", r"non-\w+", "non seulement",
                "seulement", "uniquement", "sauf", "à moins", r"(?:un|le|ce|faux|au|du) pas",
                "ne plus", "cesser de"),
        filler=words("pas ne il elle est ont été"),
        attenuators=_w("peu", "moins"),
    ),
    scales=(("mille", 1e3), ("millions", 1e6), ("million", 1e6), ("milliards", 1e9), ("milliard", 1e9)),
    fractions=frozen({"la moitié": 0.5, "moitié": 0.5, "un quart": 0.25, "un tiers": 1 / 3,
                      "deux tiers": 2 / 3, "trois quarts": 0.75,
                      "totalement": 1.0, "complètement": 1.0, "entièrement": 1.0}),
    ratio_links=("sur",),
    count_words=frozen({"une douzaine": 12, "douzaine": 12, "dizaine": 10, "centaine": 100,
                        "une décennie": 10, "un siècle": 100}),
    # "une quarantaine d'années" (in his 40s), "la trentaine".
    decades=(("e", "aine"), ("t", "taine")),
    feminine=(("un", "une"),),  # num2words writes the masculine
    clock=Clock(articles=("à",),
                day_parts=frozen({"heures du matin": "am", "h du matin": "am", "heures du soir": "pm",
                                  "h du soir": "pm", "heures de l'après-midi": "pm"}),
                hour_words=("h", "heure", "heures")),
    acronyms=frozen({
        "US": ("états-unis", "é.-u", "améric"), "USA": ("états-unis", "é.-u", "améric"),
        "UK": ("royaume-uni", "grande-bretagne", "britanni"),
        "UN": ("onu", "nations unies"), "EU": ("ue", "union européenne", "europe"),
        "WHO": ("oms",), "AIDS": ("sida",), "HIV": ("vih",), "GDP": ("pib",), "CEO": ("pdg",),
        "MP": ("député", "parlementaire"), "PM": ("premier ministre",), "TV": ("télé",),
        "AI": ("ia", "intelligence artificielle"), "ID": ("identi",), "NY": ("new york",),
        "GOP": ("républicain",), "ATM": ("distributeur", "guichet"), "IT": ("informatique",),
        "HP": ("ch",), "BC": ("av. j.-c.", "avant j.-c."), "AD": ("apr. j.-c.",),
        "HQ": ("siège", "qg", "quartier général"), "ISIS": ("daesh", "ei", "état islamique"),
        "ISIL": ("daesh", "eiil", "état islamique"), "ET": ("he", "heure de l'est"),
    }),
    text2num="fr", num2words="fr", apertium="fra", apertium2="fr", hunspell="fr_FR",
    wordfreq="fr", simplemma="fr",
)
