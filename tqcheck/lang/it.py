from tqcheck.lang.base import Clock, Language, words

LANGUAGE = Language(
    code="it", name="Italian", families=frozenset({"romance"}),
    function_words=words(
        "il lo la i gli le di del della che e in un una per con è si non al alla suo sua "
        "come più ma stato ha hanno questo questa su anche tra senza molto"),
    clock=Clock(articles=("alle", "le"), hour_words=("ore",)),
    text2num="it", num2words="it", apertium="ita", apertium2="it", hunspell="it_IT",
    wordfreq="it", simplemma="it",
)
