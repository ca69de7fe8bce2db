"""A small deterministic English/Spanish grammar for the tiny Argos test package.

Every English sentence has exactly one Spanish translation (and back), so a tiny model
can learn the mapping in under a minute:

    The red cat eats the fish.           El gato rojo come el pescado.
    The 3 doctors see a house in Madrid. Los 3 médicos ven una casa en Madrid.
    Does my dog want this cake today?    ¿Mi perro quiere este pastel hoy?
    These girls do not open the door.    Estas niñas no abren la puerta.
    My 42 horses sell the red cars!      ¡Mis 42 caballos venden los coches rojos!

Subjects are people and animals, objects are things (so Spanish never needs the
personal "a"), adjectives follow the noun in Spanish and agree in gender and number,
numbers 1..99 are written as digits.
"""
from __future__ import annotations

import random

# english singular, english plural (None: singular only), spanish singular, spanish plural, gender
SUBJECTS = [
    ("cat", "cats", "gato", "gatos", "m"),
    ("dog", "dogs", "perro", "perros", "m"),
    ("doctor", "doctors", "médico", "médicos", "m"),
    ("teacher", "teachers", "profesor", "profesores", "m"),
    ("woman", "women", "mujer", "mujeres", "f"),
    ("man", "men", "hombre", "hombres", "m"),
    ("child", "children", "niño", "niños", "m"),
    ("girl", "girls", "niña", "niñas", "f"),
    ("bird", "birds", "pájaro", "pájaros", "m"),
    ("horse", "horses", "caballo", "caballos", "m"),
    ("mother", "mothers", "madre", "madres", "f"),
]
OBJECTS = [
    ("fish", None, "pescado", None, "m"),
    ("bread", None, "pan", None, "m"),
    ("house", "houses", "casa", "casas", "f"),
    ("book", "books", "libro", "libros", "m"),
    ("table", "tables", "mesa", "mesas", "f"),
    ("car", "cars", "coche", "coches", "m"),
    ("letter", "letters", "carta", "cartas", "f"),
    ("door", "doors", "puerta", "puertas", "f"),
    ("window", "windows", "ventana", "ventanas", "f"),
    ("box", "boxes", "caja", "cajas", "f"),
    ("cake", "cakes", "pastel", "pasteles", "m"),
    ("flower", "flowers", "flor", "flores", "f"),
]
# english, spanish m.sg, f.sg, m.pl, f.pl
ADJECTIVES = [
    ("red", "rojo", "roja", "rojos", "rojas"),
    ("big", "grande", "grande", "grandes", "grandes"),
    ("small", "pequeño", "pequeña", "pequeños", "pequeñas"),
    ("black", "negro", "negra", "negros", "negras"),
    ("white", "blanco", "blanca", "blancos", "blancas"),
    ("new", "nuevo", "nueva", "nuevos", "nuevas"),
    ("green", "verde", "verde", "verdes", "verdes"),
    ("blue", "azul", "azul", "azules", "azules"),
    ("pretty", "bonito", "bonita", "bonitos", "bonitas"),
    ("tall", "alto", "alta", "altos", "altas"),
]
# english base, english 3rd person singular, spanish singular, spanish plural
VERBS = [
    ("eat", "eats", "come", "comen"),
    ("see", "sees", "ve", "ven"),
    ("buy", "buys", "compra", "compran"),
    ("want", "wants", "quiere", "quieren"),
    ("have", "has", "tiene", "tienen"),
    ("need", "needs", "necesita", "necesitan"),
    ("read", "reads", "lee", "leen"),
    ("open", "opens", "abre", "abren"),
    ("paint", "paints", "pinta", "pintan"),
    ("find", "finds", "encuentra", "encuentran"),
    ("sell", "sells", "vende", "venden"),
    ("clean", "cleans", "limpia", "limpian"),
    ("carry", "carries", "lleva", "llevan"),
    ("break", "breaks", "rompe", "rompen"),
    ("bring", "brings", "trae", "traen"),
    ("draw", "draws", "dibuja", "dibujan"),
    ("take", "takes", "toma", "toman"),
    ("use", "uses", "usa", "usan"),
]
PLACES = [
    ("in Madrid", "en Madrid"),
    ("in Paris", "en París"),
    ("in London", "en Londres"),
    ("in the park", "en el parque"),
    ("in the garden", "en el jardín"),
    ("in the kitchen", "en la cocina"),
    ("in the market", "en el mercado"),
    ("at school", "en la escuela"),
    ("at home", "en casa"),
]
P_TIME = 0.2
TIMES = [("today", "hoy"), ("now", "ahora"), ("every day", "cada día"), ("at night", "por la noche")]

# determiner -> spanish (m.sg, f.sg, m.pl, f.pl); english plural form after the slash
DETERMINERS = {
    "the": ("el", "la", "los", "las"),
    "a": ("un", "una", None, None),
    "this/these": ("este", "esta", "estos", "estas"),
    "my": ("mi", "mi", "mis", "mis"),
}


def _noun_phrase(rng: random.Random, nouns) -> tuple[str, str, bool]:
    """Return (english, spanish, plural)."""
    en_sg, en_pl, es_sg, es_pl, gender = rng.choice(nouns)
    number = None
    plural = en_pl is not None and rng.random() < 0.4
    det = rng.choice(list(DETERMINERS))
    if plural and det == "a":
        det = "the"
    if plural and rng.random() < 0.5:
        number = rng.randint(2, 99) if rng.random() < 0.9 else 1
        if number == 1:
            plural = False
    adj = rng.choice(ADJECTIVES) if rng.random() < 0.4 else None
    slot = (0 if gender == "m" else 1) + (2 if plural else 0)
    en_noun, es_noun = (en_pl, es_pl) if plural else (en_sg, es_sg)
    en, es = [], []
    if number is not None and (number == 1 or rng.random() < 0.5):
        pass  # bare number: "3 cats" / "3 gatos"
    else:
        en.append(det.split("/")[1] if plural and "/" in det else det.split("/")[0])
        es.append(DETERMINERS[det][slot])
    if number is not None:
        en.append(str(number))
        es.append(str(number))
    if adj is not None:
        en.append(adj[0])
    en.append(en_noun)
    es.append(es_noun)
    if adj is not None:
        es.append(adj[1 + slot])
    return " ".join(en), " ".join(es), plural


def sentence_pair(rng: random.Random) -> tuple[str, str]:
    """One random (english, spanish) sentence pair."""
    subj_en, subj_es, plural = _noun_phrase(rng, SUBJECTS)
    obj_en, obj_es, _ = _noun_phrase(rng, OBJECTS)
    base, third, es_sg, es_pl = rng.choice(VERBS)
    es_verb = es_pl if plural else es_sg
    kind = rng.choices(["statement", "negation", "question", "exclamation"], [6, 2, 2, 1])[0]
    aux = "do" if plural else "does"
    if kind == "negation":
        en = [subj_en, aux, "not", base, obj_en]
        es = [subj_es, "no", es_verb, obj_es]
    elif kind == "question":
        en = [aux, subj_en, base, obj_en]
        es = [subj_es, es_verb, obj_es]
    else:
        en = [subj_en, base if plural else third, obj_en]
        es = [subj_es, es_verb, obj_es]
    if rng.random() < 0.4:
        place = rng.choice(PLACES)
        en.append(place[0])
        es.append(place[1])
    if rng.random() < P_TIME:
        time = rng.choice(TIMES)
        en.append(time[0])
        es.append(time[1])
    en_text, es_text = " ".join(en), " ".join(es)
    en_text = en_text[0].upper() + en_text[1:]
    es_text = es_text[0].upper() + es_text[1:]
    if kind == "question":
        return en_text + "?", "¿" + es_text + "?"
    if kind == "exclamation":
        return en_text + "!", "¡" + es_text + "!"
    return en_text + ".", es_text + "."


def corpus(n: int, seed: int = 0, exclude: set[str] | None = None) -> list[tuple[str, str]]:
    """n (english, spanish) pairs from random.Random(seed); English sides in exclude are skipped."""
    rng = random.Random(seed)
    pairs: list[tuple[str, str]] = []
    seen = set(exclude or ())
    while len(pairs) < n:
        en, es = sentence_pair(rng)
        if exclude is not None:
            if en in seen:
                continue
            seen.add(en)
        pairs.append((en, es))
    return pairs


def pairs(src: str, tgt: str, n: int, seed: int = 0, exclude: set[str] | None = None):
    """corpus() oriented src->tgt for src, tgt in {"en", "es"}; exclude holds English sides
    (the grammar is one-to-one, so this also keeps the Spanish sides apart)."""
    if {src, tgt} != {"en", "es"}:
        raise ValueError(f"the tiny grammar only knows en and es, not {src}->{tgt}")
    if src == "en":
        return corpus(n, seed, exclude)
    return [(es, en) for en, es in corpus(n, seed, exclude)]


if __name__ == "__main__":
    for en, es in corpus(12, seed=1):
        print(f"{en:60s} {es}")
