"""Language rules that tell a form keeping the meaning from a word that changes it.

A lemmatiser says "chica" and "chico", "better" and "good" share a lemma; a teacher says they are
different answers. These rules, per language, catch what a shared lemma hides: degrees of
comparison, the other natural gender of a noun, and the article a noun takes. They also know the
British and American spellings of one English word. All inputs are normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from words_tui.domain.normalise import base_language, fold_accents

DEGREE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "better",
            "best",
            "worse",
            "worst",
            "more",
            "most",
            "less",
            "least",
            "further",
            "furthest",
            "farther",
            "farthest",
        ]
    ),
    "es": frozenset(
        [
            "mejor",
            "mejores",
            "peor",
            "peores",
            "mayor",
            "mayores",
            "menor",
            "menores",
            "óptimo",
            "óptima",
            "pésimo",
            "pésima",
            "máximo",
            "máxima",
            "mínimo",
            "mínima",
        ]
    ),
    "ru": frozenset(
        [
            "лучше",
            "лучший",
            "лучшая",
            "лучшее",
            "лучшие",
            "хуже",
            "худший",
            "худшая",
            "худшее",
            "худшие",
            "больше",
            "больший",
            "меньше",
            "меньший",
            "старше",
            "старший",
            "младше",
            "младший",
            "моложе",
            "выше",
            "высший",
            "ниже",
            "низший",
            "дальше",
            "ближе",
            "дороже",
            "дешевле",
            "раньше",
            "позже",
            "позднее",
            "чаще",
            "реже",
            "легче",
            "проще",
            "громче",
            "тише",
        ]
    ),
}
"""Irregular comparatives and superlatives, which share a lemma with their base word."""

DEGREE_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("er", "est"),
    "es": ("isimo", "isima", "isimos", "isimas"),
    "ru": ("ее", "ей", "ейший", "ейшая", "ейшее", "ейшие", "айший", "айшая", "айшее", "айшие"),
}
"""Regular degree endings (on accent-folded adjectives and adverbs only: "teacher" is a noun)."""

GRADED_POS = frozenset({"adj", "adv", "adjective", "adverb"})


def _is_degree(word: str, base: str, lang: str, pos: str) -> bool:
    if word in DEGREE_WORDS.get(lang, ()):
        return True
    if pos not in GRADED_POS:
        return False
    folded, folded_base = fold_accents(word, lang), fold_accents(base, lang)
    return any(
        folded.endswith(ending) and not folded_base.endswith(ending)
        for ending in DEGREE_ENDINGS.get(lang, ())
    )


def changes_degree(answer: str, expected: str, language: str, pos: str = "") -> bool:
    """Whether one of two words sharing a lemma is a comparative or superlative and the other
    is not ("better" for "good", "bueno" for "mejor", "лучше" for "хороший")."""
    lang = base_language(language)
    return _is_degree(answer, expected, lang, pos) != _is_degree(expected, answer, lang, pos)


GENDERED_NOUN_LANGUAGES = frozenset({"es", "pt", "it", "ca"})
NOUN_POS = frozenset({"noun", "n"})


def _feminine_ending(word: str) -> bool:
    last = word.split()[-1] if word.split() else word
    for plural in ("es", "s"):
        if last.endswith(plural) and len(last) > len(plural) + 2:
            last = last[: -len(plural)]
            break
    return last.endswith("a")


def changes_gender(answer: str, expected: str, language: str, pos: str) -> bool:
    """Whether a noun sharing a lemma with the expected one names the other natural gender
    ("chica" for "chico", "gatas" for "gato"): a different word for a person or animal."""
    if pos not in NOUN_POS or base_language(language) not in GENDERED_NOUN_LANGUAGES:
        return False
    return _feminine_ending(answer) != _feminine_ending(expected)


SPELLING_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[a-z]{3})our(?=s?$|ed$|ing$|ite|able|ful|less|er|al)", "or"),
        (r"(?<=[bt])re(?=s?$|d$)", "er"),
        (r"is(?=e$|es$|ed$|ing$|ation)", "iz"),
        (r"ys(?=e$|es$|ed$|ing$)", "yz"),
        (r"(?<=el)l(?=ed$|ing$|er$|ers$)", ""),
        (r"ogue(?=s?$)", "og"),
        (r"ence(?=s?$)", "ense"),
        (r"grey", "gray"),
        (r"mme(?=s?$)", "m"),
        (r"(?<=ward)s$", ""),
    )
)
"""British → American respellings ("colour" → "color", "centre" → "center", "realise" →
"realize", "travelled" → "traveled", "catalogue" → "catalog", "defence" → "defense",
"programme" → "program", "towards" → "toward"); applied in both directions."""


def spelling_variant(answer: str, expected: str, language: str) -> bool:
    """Whether `answer` is the other English spelling of `expected` (one respelling apart)."""
    if base_language(language) != "en" or answer == expected:
        return False
    for pattern, replacement in SPELLING_VARIANTS:
        if pattern.sub(replacement, expected) == answer or pattern.sub(replacement, answer) == (
            expected
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ArticleUse:
    """What an article says about its noun: gender ("m"/"f"), number ("sg"/"pl"), definiteness."""

    gender: str
    number: str
    definite: bool


ARTICLES: dict[str, dict[str, ArticleUse]] = {
    "es": {
        "el": ArticleUse("m", "sg", True),
        "la": ArticleUse("f", "sg", True),
        "los": ArticleUse("m", "pl", True),
        "las": ArticleUse("f", "pl", True),
        "un": ArticleUse("m", "sg", False),
        "una": ArticleUse("f", "sg", False),
        "unos": ArticleUse("m", "pl", False),
        "unas": ArticleUse("f", "pl", False),
    },
}
"""Articles that agree with their noun, by language (where the noun's gender is in its forms)."""

STRESSED_A_FEMININES = frozenset(
    [
        "agua",
        "alma",
        "arma",
        "ala",
        "ave",
        "aula",
        "área",
        "hambre",
        "hacha",
        "hada",
        "águila",
        "ancla",
        "asma",
        "haba",
        "habla",
        "alba",
        "arpa",
        "aura",
        "hampa",
    ]
)
"""Spanish feminine nouns that take "el" and "un" in the singular (stressed initial a)."""


def right_article(article: str, noun: str, gender: str, plural: bool, language: str) -> str | None:
    """The article the noun takes, of the same kind as the one typed; None when `article` is
    right (or the rules cannot say). `gender` is the noun's ("m"/"f", from its forms)."""
    table = ARTICLES.get(base_language(language))
    if table is None or article not in table or gender not in ("m", "f"):
        return None
    typed = table[article]
    number = "pl" if plural else "sg"
    wanted = gender
    if gender == "f" and number == "sg" and noun.split()[0] in STRESSED_A_FEMININES:
        wanted = "m"
    if (typed.gender, typed.number) == (wanted, number):
        return None
    return next(
        text for text, use in table.items() if use == ArticleUse(wanted, number, typed.definite)
    )
