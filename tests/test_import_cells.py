"""The cell codec: what people type in a spreadsheet cell, and exact round trips of our export."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.text import clean_text
from words_tui.infrastructure.importers import cells

text = st.text(min_size=1, max_size=30).map(clean_text).filter(bool)
maybe_text = st.one_of(st.just(""), text)


def test_semicolons_and_new_lines_separate_translations() -> None:
    assert [m.text for m in cells.parse_meanings("house; home\nbuilding")] == [
        "house",
        "home",
        "building",
    ]


def test_a_trailing_parenthesis_is_a_usage_note_and_brackets_a_part_of_speech() -> None:
    assert cells.parse_meanings("bank (of a river); [verb] to rely") == [
        Meaning(text="bank", note="of a river"),
        Meaning(text="to rely", pos="verb"),
    ]


def test_a_whole_item_in_parentheses_stays_the_text() -> None:
    assert cells.parse_meanings("(to) go") == [Meaning(text="(to) go")]


def test_examples_take_their_translation_after_a_bar() -> None:
    assert cells.parse_examples("Das Haus ist alt. | The house is old.\nNur Text") == [
        Example(source="Das Haus ist alt.", target="The house is old."),
        Example(source="Nur Text"),
    ]


def test_a_form_without_equals_sign_is_refused_with_its_text() -> None:
    with pytest.raises(cells.CellError, match="'plural Häuser'"):
        cells.parse_forms("plural Häuser")


@given(st.lists(st.builds(Meaning, text=text, pos=maybe_text, note=maybe_text), max_size=5))
def test_meanings_round_trip(meanings: list[Meaning]) -> None:
    first: dict[str, Meaning] = {}
    for meaning in meanings:
        first.setdefault(meaning.text, meaning)
    unique = list(first.values())
    assert cells.parse_meanings(cells.format_meanings(unique)) == unique


@given(st.lists(st.builds(Example, source=text, target=maybe_text), max_size=5))
def test_examples_round_trip(examples: list[Example]) -> None:
    assert cells.parse_examples(cells.format_examples(examples)) == examples


@given(st.dictionaries(text, maybe_text, max_size=5))
def test_forms_round_trip(forms: dict[str, str]) -> None:
    assert cells.parse_forms(cells.format_forms(forms)) == forms


@given(st.lists(text, max_size=5, unique=True))
def test_tags_round_trip(tags: list[str]) -> None:
    assert cells.parse_tags(cells.format_tags(tags)) == tags


@given(st.text(max_size=60))
def test_any_cell_text_parses_or_fails_with_a_cell_error(raw: str) -> None:
    parsers = (cells.parse_meanings, cells.parse_examples, cells.parse_tags, cells.parse_forms)
    for parse in parsers:
        try:
            parse(raw)
        except cells.CellError as err:
            assert str(err)
