from tqcheck.lang.base import Language

LANGUAGE = Language(
    code="ro", name="Romanian", families=frozenset({"romance"}),
    number_links=("și",),
    feminine=(("doi", "două"),),  # num2words writes the masculine
    num2words="ro", apertium="ron", apertium2="ro", hunspell="ro_RO", wordfreq="ro",
    simplemma="ro",
)
