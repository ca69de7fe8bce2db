from tqcheck.lang.base import Language

# Numbers in words through text2num ("tre og tyve" = 23); the rest is what CLDR gives
# any language (tqcheck/lang/generic.py).
LANGUAGE = Language(
    code="da", name="Danish", families=frozenset({"nordic"}),
    text2num="da", num2words="da", apertium="dan", hunspell="da_DK", wordfreq="da", simplemma="da",
)
