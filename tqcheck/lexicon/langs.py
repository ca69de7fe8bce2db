"""The one per-language table the word layer needs that tqcheck/lang/ has no field for
yet: lemmas that Apertium tags as lexical verbs or adverbs but that carry grammar rather
than content (auxiliaries, the Catalan periphrastic past "va anunciar", "not"). lang's
function_words cannot stand in: they hold content words too ("said").
"""
from __future__ import annotations

GRAMMAR_LEMMAS: dict[str, frozenset[str]] = {
    "en": frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall",
                     "should", "must", "get", "not", "also", "so", "then", "there", "here", "very",
                     "just", "only", "even", "as", "too", "now", "up", "out", "more", "most"}),
    "es": frozenset({"ser", "estar", "haber", "poder", "deber", "ir", "no", "también", "muy", "más",
                     "ya", "así", "tan", "solo", "sólo", "aún", "todavía", "tener"}),
    "ca": frozenset({"ser", "estar", "haver", "poder", "deure", "anar", "no", "també", "molt",
                     "més", "ja", "així", "tan", "només", "encara", "tenir"}),
    "pt": frozenset({"ser", "estar", "haver", "ter", "poder", "ir", "não", "também", "muito", "mais"}),
    "fr": frozenset({"être", "avoir", "pouvoir", "aller", "ne", "pas", "aussi", "très", "plus"}),
}


def grammar_lemmas(lang: str) -> frozenset[str]:
    return GRAMMAR_LEMMAS.get(lang, frozenset())
