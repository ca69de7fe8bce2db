from tqcheck.lang.base import Language

LANGUAGE = Language(
    code="nl", name="Dutch", families=frozenset({"germanic"}),
    text2num="nl", num2words="nl", apertium="nld", apertium2="nl", hunspell="nl",
    wordfreq="nl", simplemma="nl",
)
