import pytest

from tests.checks.helpers import fails, findings, passes, unit
from tqcheck.checks import build_checks, run_checks
from tqcheck.checks.base import Context
from tqcheck.errors import ConfigError


def test_omission_and_addition_flag_unaligned_units():
    assert fails("omission", "A whole paragraph.", None, kind="1-0")
    assert passes("omission", "A paragraph.", "Un párrafo.")
    assert fails("addition", None, "Un párrafo añadido.", kind="0-1")
    assert passes("addition", "A paragraph.", "Un párrafo.")


@pytest.mark.parametrize(
    "source, target, lang, expected",
    [
        ("The minister resigned after the vote.", "The minister resigned after the vote.", "en", True),
        ("The minister resigned after the vote.", "The minister resigned after the vote!", None, True),
        ("The minister resigned after the vote.", "El ministro dimitió tras la votación.", "es", False),
        ("BBC News", "BBC News", "en", False),
    ],
    ids=["still-english", "copied", "translated", "short-name"],
)
def test_untranslated(source, target, lang, expected):
    assert fails("untranslated", source, target, target_lang=lang) is expected


EISEN = ('Norman Eisen, a senior fellow at the Brookings Institution, is the chairman of Citizens for '
         'Responsibility and Ethics in Washington and the author of "The Last Palace: Europe\'s Turbulent '
         'Century in Five Lives and One Legendary House."')


def test_a_title_kept_in_the_original_is_no_untranslated_passage():
    # langdetect reads the whole passage as English; the translator's own words are Portuguese.
    pt = ('Norman Eisen, investigador sénior na Brookings Institution, é presidente da Citizens for '
          'Responsibility and Ethics em Washington e autor de "The Last Palace: Europe\'s Turbulent Century '
          'in Five Lives and One Legendary House".')
    assert passes("untranslated", EISEN, pt, target_lang="en", src_lang="en", tgt_lang="pt")
    assert fails("untranslated", EISEN, EISEN.replace("a senior", "one senior"), target_lang="en",
                 src_lang="en", tgt_lang="pt")


LONG_EN = "The council approved the new budget on Tuesday after a long debate in the chamber."
LONG_ES = "El consejo aprobó el nuevo presupuesto el martes tras un largo debate en la cámara."


def test_low_score_uses_threshold():
    assert fails("low-score", LONG_EN, LONG_ES, chrf=10.0)
    assert passes("low-score", LONG_EN, LONG_ES, chrf=50.0)
    assert findings("low-score", unit(LONG_EN, LONG_ES, chrf=50.0), min_passage_chrf=60.0)


def test_low_score_is_lenient_with_headlines():
    # Short passages: twice as far under the threshold before they are flagged.
    assert passes("low-score", "Welsh AMs worried", "Preocupación en Gales", chrf=20.0)
    assert fails("low-score", "Welsh AMs worried", "Preocupación en Gales", chrf=10.0)


def test_untranslated_implies_low_score_is_not_reported_twice():
    u = unit("The minister resigned after the vote.", "The minister resigned after the vote.",
             chrf=5.0, target_lang="en")
    got = run_checks(u, build_checks(), Context("en", "es", 60.0))
    assert [f.check for f in got] == ["untranslated"]


def test_unknown_check_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown check"):
        build_checks(disable=["nope"])
    with pytest.raises(ConfigError, match="severity"):
        build_checks(severities={"numbers": "fatal"})


def test_a_check_that_cannot_run_is_skipped_with_its_reason():
    from tqcheck.checks import Context, build_checks, plan_checks
    from tqcheck.checks.base import Check

    class NeedsEngine(Check):
        id = "needs-engine"

        def unavailable(self, ctx):
            return "needs a back-translation" if ctx.engine == "none" else None

        def run(self, unit, ctx):
            return []

    checks = [*build_checks(["numbers"]), NeedsEngine()]
    ran, skipped = plan_checks(checks, Context("en", "es", engine="none"))
    assert [c.id for c in ran] == ["numbers"] and skipped == {"needs-engine": "needs a back-translation"}
    ran, skipped = plan_checks(checks, Context("en", "es", engine="apertium"))
    assert len(ran) == 2 and skipped == {}


def test_enable_names_the_default_and_the_full_set():
    from tqcheck.checks import CHECKS, build_checks

    opt_in = [c for c, cls in CHECKS.items() if not cls.default]
    assert opt_in, "the word checks are opt-in"
    default = {c.id for c in build_checks()}
    assert default.isdisjoint(opt_in)
    assert {c.id for c in build_checks(["default"])} == default
    assert {c.id for c in build_checks(["default", opt_in[0]])} == default | {opt_in[0]}
    assert {c.id for c in build_checks(["all"])} == set(CHECKS)
