from tqcheck.lang.base import Clock, Language, Negation, frozen, words


def _w(*alts: str) -> str:
    return r"(?<![\w'’])(?:" + "|".join(alts) + r")(?!\w)"


# "No. 5" is a number, not a negation.
_NO = r"no(?!\.\s*\d)"
# Privative affixes are weak: translators render them with words as often as not
# (landlocked = sin litoral, non-invasive = no invasiva).
_AFFIX = (r"non-?\w+", r"un(?!der|til|it|iv|io|iq|if)\w{3,}", r"\w{3,}less(?:ly|ness)?",
          r"\w+-free", r"(?:im|in|il|ir)(?:possib|capab|correct|accura|sufficien|adequa|visib|legal"
          r"|regular|relevan|dependen|finit|complet|abilit|activ|effectiv|consisten|famous)\w*")

LANGUAGE = Language(
    code="en", name="English", families=frozenset({"germanic"}),
    capital_is_name=False,
    function_words=words(
        "the of and to in is was for that with on as by at from this be are have has were it "
        "which an or not but his her their they he she we will would been who said its"),
    marker_words=words("the of and to is was with that for this have has were which"),
    doubled_words=words("had that"),  # "she had had enough", "said that that was"
    common_words=words("the of and to is was with that for this have has were which "
                       "a in on as at by it be are an or con pro per son e"),
    final_words=words("the a an of and to in with for that or but by on at from is are was were "
                      "his her their its as which"),
    negation=Negation(
        strong=_w(_NO, "not", "never", "nobody", "nothing", "none", "neither", "nor", "cannot",
                  "nowhere", "no-one", "no one") + r"|n['’]t(?!\w)",
        weak=_w("without", "no doubt", "no longer", "no later", "no more", "no less", "not only",
                "not least", "nothing but", "only", "unable", "fail", "fails", "failed", "lack",
                "lacks", "lacked", "refuse", "refused", "refuses", "deny", "denied", "denies",
                "unless", "except", "absence", "instead of", "rather than", "hardly", "barely",
                "scarcely", "rarely", "seldom", "few", "ever", "forever", "any",
                "anyone", "anything", "anybody",
                "decline", "declined", "declines", "yet to", "avoid", "avoided", "prevent",
                "prevented", "stop", "stopped", "ban", "banned", "reject", "rejected", "forget",
                "not the only", "remain to be", "remains to be", "against", *_AFFIX),
        filler=words("be been being is are was were have has had do does did the any more yet only "
                     "just even also really always get got that this with for one all too very much "
                     "will would could should can"),
        attenuators=_w("little", "less", "barely", "hardly", "scarcely"),
    ),
    scales=(("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9),
            ("crore", 1e7), ("lakh", 1e5)),
    fractions=frozen({"half": 0.5, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
                      "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
                      "totally": 1.0, "completely": 1.0, "entirely": 1.0, "fully": 1.0}),
    ratio_links=("in", "out of"),
    count_words=frozen({"a dozen": 12, "dozen": 12, "quarter-hour": 15, "couple of": 2,
                        "a decade": 10, "a century": 100}),
    decades=(("y", "ies"),),
    # a.m. and p.m. are read in every language (tqcheck/checks/numbers/clock.py).
    clock=Clock(hour_words=("o'clock",),
                day_parts=frozen({"in the morning": "am", "in the afternoon": "pm", "in the evening": "pm"})),
    acronyms=frozen({"US": ("usa", "american"), "USA": ("usa", "american"), "UK": ("britanni",),
                     "EU": ("europe",), "NY": ("new york",), "NYC": ("new york",),
                     "GOP": ("republic",), "TV": ("tele",), "ID": ("identi",),
                     # "26 750 USD" → "$26,750"
                     "USD": ("$",), "EUR": ("€",), "GBP": ("£",)}),
    text2num="en", num2words="en", apertium="eng", apertium2="en", hunspell="en_US",
    wordfreq="en", simplemma="en",
)
