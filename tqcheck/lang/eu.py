from tqcheck.lang.base import Language

# No number library knows Basque: its numbers written in words are not read.
LANGUAGE = Language(code="eu", name="Basque", apertium="eus", apertium2="eu", hunspell="eu")
