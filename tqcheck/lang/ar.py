from tqcheck.lang.base import Clock, Language, Negation, frozen, words

# Arabic attaches "and"/"so" to the following word: ولا, فلم.
_PREFIX = r"(?<!\w)[وف]?"

LANGUAGE = Language(
    code="ar", name="Arabic", script="ARABIC", families=frozenset({"arabic"}),
    final_words=words("في من على إلى عن أن أو مع التي الذي الذين ثم لكن حتى بين هذا هذه"),
    negation=Negation(
        strong=_PREFIX + r"(?:لا|لم|لن|ليس|ليست|ليسوا|لست|لسنا)(?!\w)",
        weak=_PREFIX + r"(?:ما|غير|دون|بدون|عدم|إلا|سوى|فقط|لا سيما|لاسيما|إن لم|ألا"
        r"|(?:لا|ما|لم) ?(?:يزال|تزال|يزالون|زال|زالت|يزل|تزل|زالوا))(?!\w)",
    ),
    scales=(("ألف", 1e3), ("آلاف", 1e3), ("مليون", 1e6), ("ملايين", 1e6), ("مليار", 1e9),
            ("مليارات", 1e9)),
    fractions=frozen({"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}),
    number_links=("و",),
    # Oblique tens and duals (عشرين, ألفين, مليوني), both genders (خمس سنوات, الرابعة), and
    # decades from the oblique tens (ثلاثينيات, as "the 1930s" → 30).
    inflections=(("ون", "ين"), ("ة", ""), ("", "ة"), ("ا", "ان"), ("ا", "ين"), ("ا", "ي"),
                 ("ول", "ولى"), ("ي", ""), ("", "ا")),
    clitics=("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"),
    decades=(("ون", "ينيات"),),
    # "الساعة 4 فجرًا", "7 مساءً": parts of the day with or without their case ending.
    clock=Clock(articles=("الساعة",), day_parts=frozen({'صباح': 'am', 'صباحا': 'am', 'صباحاً': 'am', 'صباحًا': 'am', 'صباحً': 'am', 'فجر': 'am', 'فجرا': 'am', 'فجراً': 'am', 'فجرًا': 'am', 'فجرً': 'am', 'ظهر': 'pm', 'ظهرا': 'pm', 'ظهراً': 'pm', 'ظهرًا': 'pm', 'ظهرً': 'pm', 'مساء': 'pm', 'مساءا': 'pm', 'مساءاً': 'pm', 'مساءًا': 'pm', 'مساءً': 'pm', 'ليل': 'pm', 'ليلا': 'pm', 'ليلاً': 'pm', 'ليلًا': 'pm', 'ليلً': 'pm'}),
                hour_words=("ساعة",), ordinal_hours="ال"),
    num2words="ar", apertium="ara", apertium2="ar", hunspell="ar", wordfreq="ar", simplemma="ar",
)
