from tqcheck.lang.base import Language

LANGUAGE = Language(code="oc", name="Occitan", families=frozenset({"romance"}),
                    apertium="oci", apertium2="oc", hunspell="oc_FR")
