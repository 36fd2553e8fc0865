"""The starter vocabulary loader: parsing, lookups, both directions of every pair."""

from __future__ import annotations

import json

import pytest

from tests.starter_samples import GO, HOME_ADVERB, HOUSE, STILL, table
from words_tui.domain.enums import Level
from words_tui.infrastructure.dictionaries.starter import (
    StarterDataError,
    StarterVocabulary,
    parse_concept,
    read_concepts,
)


def test_the_lemma_gives_meanings_example_and_forms_in_order() -> None:
    entry = table(HOUSE).entry("house", "en", "ru")
    assert entry is not None
    assert (entry.word, entry.pos, entry.source) == ("house", "noun", "starter")
    assert entry.translations == ["дом"]
    assert entry.examples[0].source == "Our house is near the park."
    assert entry.examples[0].target == "Наш дом рядом с парком."
    assert entry.forms == {"plural": "houses"}


def test_the_reverse_direction_comes_from_the_same_line() -> None:
    entry = table(HOUSE).entry("дом", "ru", "es")
    assert entry is not None
    assert entry.translations == ["casa", "hogar"]
    assert entry.forms == {"gender": "m", "plural": "дома"}
    assert entry.examples[0].target == "Nuestra casa está cerca del parque."


def test_a_synonym_is_found_without_the_lemmas_example_and_forms() -> None:
    entry = table(HOUSE).entry("hogar", "es", "en")
    assert entry is not None
    assert entry.word == "hogar"
    assert entry.translations == ["house", "home"]
    assert entry.examples == ()
    assert entry.forms == {}


def test_lookup_ignores_case_spaces_and_the_diaeresis() -> None:
    vocabulary = table(HOUSE, STILL)
    assert vocabulary.entry("  House ", "en", "es") is not None
    still = vocabulary.entry("еще", "ru", "en")
    assert still is not None and still.word == "ещё"


def test_an_inflected_form_leads_to_its_lemma() -> None:
    entry = table(GO).entry("went", "en", "ru")
    assert entry is not None
    assert entry.word == "go"
    assert entry.translations == ["идти", "ехать"]


def test_an_aspect_partner_is_not_taken_for_an_inflection() -> None:
    assert table(GO).entry("пойти", "ru", "en") is None


def test_each_part_of_speech_is_its_own_entry_lemma_readings_first() -> None:
    entries = table(HOUSE, HOME_ADVERB).entries("home", "en", "ru")
    assert [(e.pos, e.translations) for e in entries] == [("adv", ["домой"]), ("noun", ["дом"])]


def test_an_unknown_word_or_language_gives_nothing() -> None:
    vocabulary = table(HOUSE)
    assert vocabulary.entry("castle", "en", "ru") is None
    assert vocabulary.entry("house", "en", "de") is None


def test_concepts_are_listed_by_language_and_band() -> None:
    vocabulary = table(HOUSE, GO, HOME_ADVERB, STILL)
    assert [c.id for c in vocabulary.concepts("es", Level.A1)] == ["n0001", "v0001"]
    assert len(vocabulary.concepts("ru")) == 4
    assert vocabulary.languages == frozenset({"en", "ru", "es"})


def test_a_malformed_line_names_file_line_and_field() -> None:
    broken = dict(HOUSE, ru={"words": [], "example": "x", "forms": {}})
    text = json.dumps(HOUSE) + "\n" + json.dumps(broken)
    with pytest.raises(StarterDataError, match=r"nouns\.jsonl:2: 'ru\.words'"):
        read_concepts([("nouns.jsonl", text)])


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps(dict(HOUSE, pos="thing")), "'pos' is 'thing'"),
        (json.dumps(dict(HOUSE, cefr="Z9")), "'cefr' is 'Z9'"),
        (json.dumps(dict(HOUSE, en={"words": ["house"], "example": ""})), "'en.example'"),
        (
            json.dumps(dict(HOUSE, es={"words": ["casa"], "example": "x", "forms": {"g": ""}})),
            "es.forms",
        ),
    ],
)
def test_each_malformed_field_is_reported(line: str, problem: str) -> None:
    with pytest.raises(StarterDataError, match=problem):
        parse_concept(line, "f.jsonl:1")


def test_the_packaged_table_loads_from_the_installed_package() -> None:
    vocabulary = StarterVocabulary.default()
    assert vocabulary is StarterVocabulary.default()
    assert len(vocabulary) > 0
    assert {"en", "ru", "es"} <= vocabulary.languages
