"""replaced-name on real sentences, with the real lexicons and the real Apertium back-translation."""
from __future__ import annotations

import pytest

from tests.checks.word_helpers import fails, passes, word_findings
from tests.conftest import needs_apertium

pytestmark = [needs_apertium, pytest.mark.apertium]

EN = "The Olympic Committee voted at its meeting in Berlin on Wednesday."
ES = "El Comité Olímpico votó en su reunión en Berlín el miércoles."


def test_a_name_replaced_by_another():
    assert fails("replaced-name", EN, "El Comité Olímpico votó en su reunión en Madrid el miércoles.")
    f = word_findings("replaced-name", EN, "El Comité Olímpico votó en su reunión en Madrid el miércoles.")[0]
    assert "Berlin" in f.message and "Madrid" in f.message
    assert fails("replaced-name", EN, "El Comitè Olímpic va votar dimecres a la seva reunió a Madrid.", "en-ca")
    assert fails("replaced-name", ES, "The Olympic Committee voted at its meeting in Madrid on Wednesday.", "es-en")


def test_names_kept_or_in_their_local_form():
    assert passes("replaced-name", EN, ES)
    assert passes("replaced-name", EN, "El Comitè Olímpic va votar dimecres a la seva reunió a Berlín.", "en-ca")
    # The dictionary or the back-translation knows the local form.
    assert passes("replaced-name", "She moved to London in June.", "Se mudó a Londres en junio.")
    # A name spelled nearly the same is its local form, not another name.
    assert passes("replaced-name", "The civilisation spread along the Indus valley.",
                  "La civilización se extendió por el valle del Indo.")
    # A dropped name with nothing in its place is an omission, not a replacement.
    assert passes("replaced-name", EN, "El Comité Olímpico votó en su reunión el miércoles.")
    # Acronyms are lost-entity's (translated by their own rules: LGBT = LGTB).
    assert passes("replaced-name", "HIV is a serious problem in the LGBT community.",
                  "El VIH es un problema grave en la comunidad LGTB.")
    # A capitalised first word is no name.
    assert passes("replaced-name", "Scrubbing the hands takes twenty seconds.",
                  "Restregar las manos lleva veinte segundos.")
