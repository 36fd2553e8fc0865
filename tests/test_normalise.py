"""Normalisation: how an answer was typed never decides whether it was right."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from words_tui.domain.normalise import (
    Headword,
    articles_conflict,
    base_language,
    fold_accents,
    normalise,
    split_alternatives,
    split_leading_word,
)


@pytest.mark.parametrize(
    ("typed", "language", "expected"),
    [
        ("  The   Cat ", "en", "the cat"),
        ("¿Qué tal?", "es", "qué tal"),
        ("L’eau", "fr", "l'eau"),
        ("bloke (informal)", "en", "bloke"),
        ("house [of a building]", "en", "house"),
        ("well-known", "en", "well known"),
        ("'quoted'", "en", "quoted"),
        ("Straße", "de", "strasse"),
    ],
)
def test_normalise_folds_case_spacing_punctuation_and_notes(
    typed: str, language: str, expected: str
) -> None:
    assert normalise(typed, language) == expected


def test_normalise_composes_decomposed_accents() -> None:
    assert normalise("cafe\u0301", "fr") == normalise("café", "fr") == "café"


def test_normalise_keeps_a_text_that_is_only_a_note() -> None:
    assert normalise("(informal)", "en") == "informal"


def test_russian_yo_is_e_and_stress_marks_are_dropped() -> None:
    assert normalise("ЕЩЁ молоко́", "ru") == "еще молоко"


def test_yo_is_kept_outside_russian() -> None:
    assert normalise("ё", "uk") == "ё"


def test_marks_of_other_scripts_are_kept() -> None:
    assert normalise("नमस्ते", "hi") == "नमस्ते"
    assert fold_accents("नमस्ते", "hi") == "नमस्ते"


@pytest.mark.parametrize(
    ("normalised", "language", "headword"),
    [
        ("to go", "en", Headword("to", "go")),
        ("el gato", "es", Headword("el", "gato")),
        ("l'eau", "fr", Headword("l'", "eau")),
        ("der hund", "de", Headword("der", "hund")),
        ("to", "en", Headword("", "to")),
        ("la", "es", Headword("", "la")),
        ("el gato", "ru", Headword("", "el gato")),
    ],
)
def test_leading_article_or_particle_is_split_off(
    normalised: str, language: str, headword: Headword
) -> None:
    assert split_leading_word(normalised, language) == headword


def test_different_definite_articles_conflict_but_a_missing_one_does_not() -> None:
    der, die, bare = Headword("der", "hund"), Headword("die", "hund"), Headword("", "hund")
    assert articles_conflict(die, der, "de")
    assert not articles_conflict(bare, der, "de")
    assert not articles_conflict(Headword("the", "cat"), Headword("a", "cat"), "en")


@pytest.mark.parametrize(
    ("normalised", "language", "folded"),
    [
        ("árbol", "es", "arbol"),
        ("tiếng việt", "vi", "tieng viet"),
        ("mädchen", "de", "maedchen"),
        ("smørrebrød", "da", "smorrebrod"),
        ("où", "fr", "ou"),
    ],
)
def test_fold_accents_removes_diacritics(normalised: str, language: str, folded: str) -> None:
    assert fold_accents(normalised, language) == folded


def test_alternatives_split_on_slash_comma_semicolon_but_not_inside_notes() -> None:
    assert split_alternatives("car, automobile / auto (of a car, a train); ") == [
        "car",
        "automobile",
        "auto (of a car, a train)",
    ]


def test_base_language_takes_the_primary_subtag() -> None:
    assert base_language("pt-BR") == base_language("PT_br") == "pt"


@given(st.text(), st.sampled_from(["en", "es", "fr", "de", "ru", "hi", "xx", "pt-BR"]))
def test_normalising_any_unicode_never_crashes_and_is_idempotent(text: str, lang: str) -> None:
    once = normalise(text, lang)
    assert normalise(once, lang) == once
    assert fold_accents(split_leading_word(once, lang).core, lang) is not None
    assert all(part for part in split_alternatives(text))
