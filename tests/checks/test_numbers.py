import pytest

from tests.checks.helpers import fails, findings, passes, unit
from tqcheck.checks.numbers.parse import find_numbers


@pytest.mark.parametrize(
    "source, target",
    [
        ("2,500 troops arrived.", "Llegaron 2.500 soldados."),
        ("2,500 troops arrived.", "Llegaron 2 500 soldados."),
        ("2,500 troops arrived.", "وصل ٢٬٥٠٠ جندي."),
        ("Growth was 3.5% in 2019.", "El crecimiento fue del 3,5 % en 2019."),
        ("It cost $1,234.56.", "Costó 1.234,56 dólares."),
        ("Only 12 of the 40 seats.", "Solo 12 de los 40 escaños."),
        ("Persian digits: 1402", "ارقام فارسی: ۱۴۰۲"),
        ("No numbers here.", "Aquí no hay números."),
        ("They won 14½-13½.", "Van guanyar per 14,5-13,5."),
    ],
    ids=["thousands-dot", "thousands-space", "arabic-indic", "decimal-percent", "mixed-separators",
         "plain", "persian", "none", "vulgar-fraction"],
)
def test_equal_numbers_pass(source, target):
    assert passes("numbers", source, target)


@pytest.mark.parametrize(
    "source, target",
    [
        ("2,500 troops arrived.", "Llegaron 25.000 soldados."),
        ("Growth was 3.5% in 2019.", "El crecimiento fue del 3,5 % en 2018."),
        ("Only 12 of the 40 seats.", "Solo 12 de los escaños."),
        ("The vote was on Tuesday.", "La votación fue el martes 14."),
        ("وصل ٢٬٥٠٠ جندي.", "2,600 troops arrived."),
        ("They won 14½-13½.", "Van guanyar per 14-13."),
    ],
    ids=["changed-magnitude", "changed-year", "dropped", "added", "arabic-changed", "fraction-lost"],
)
def test_changed_numbers_fail(source, target):
    assert fails("numbers", source, target)


def test_evidence_names_the_numbers():
    [f] = findings("numbers", unit("In 2019, 12 people.", "En 2018, 12 personas."))
    assert f.evidence["source_numbers"] == ["2019"]
    assert f.evidence["target_numbers"] == ["2018"]
    assert f.evidence["target_line"] == 5


@pytest.mark.parametrize(
    "text, values",
    [("2,500", {2.5, 2500.0}), ("2 500", {2500.0}), ("1.234,5", {1234.5}), ("٣٫٥", {3.5}),
     ("7", {7.0}), ("1,000,000", {1000000.0}), ("الطرازF125", {125.0}), ("بـR20", {20.0}),
     ("14½", {14.5}), ("¾", {0.75})],
    ids=["ambiguous", "space", "eu-decimal", "arabic-decimal", "int", "million", "code-after-arabic",
         "currency-letter-after-arabic", "vulgar-fraction", "vulgar-fraction-alone"],
)
def test_values(text, values):
    [n] = find_numbers(text)
    assert n.values == values
