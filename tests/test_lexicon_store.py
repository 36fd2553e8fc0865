"""The language data a new process reads in milliseconds: simplemma's word forms and the starter
words stored once under a directory, then opened (not rebuilt) by every later process — with
the same answers as simplemma's own tables."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import simplemma

from words_tui.infrastructure.language_data import LanguageData
from words_tui.infrastructure.lexicon_store import StoredForms

WORDS = {
    "en": ["cats", "went", "better", "children", "cat", "cta", "womn", "grey", "gray"],
    "es": ["casas", "cosa", "casx", "hablamos", "comió", "árboles", "niños", "ano", "arbol"],
}


def stored_files(directory: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in directory.iterdir()}


def test_the_first_use_stores_the_tables_and_a_later_process_opens_them(tmp_path: Path) -> None:
    LanguageData(tmp_path).warm_up(["en", "es"])
    built = stored_files(tmp_path)

    later = LanguageData(tmp_path)  # as a new process: nothing in memory
    later.warm_up(["en", "es"])

    assert stored_files(tmp_path) == built and not any(n.endswith(".tmp") for n in built)
    assert {n.split("-")[0] for n in built} == {"forms", "starter"} and len(built) == 4
    assert isinstance(later.table("es"), StoredForms)
    assert later.lexicon("es", "en").entry("casa") is not None


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_stored_tables_answer_as_simplemmas_own(tmp_path: Path, lang: str) -> None:
    data = LanguageData(tmp_path)
    lemma, is_word = data.lemmatiser(lang), data.word_forms(lang)
    assert lemma is not None and is_word is not None

    for word in WORDS[lang]:
        assert lemma(word) == simplemma.lemmatize(word, lang=lang).casefold(), word
        assert is_word(word) == simplemma.is_known(word, lang), word
    assert isinstance(data.table(lang), StoredForms)


def test_without_a_writable_directory_the_data_still_answers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    data = LanguageData(blocked / "lexicon")

    with caplog.at_level(logging.WARNING):
        data.warm_up(["en", "es"])

    lemma = data.lemmatiser("en")
    assert lemma is not None and lemma("cats") == "cat"
    assert not isinstance(data.table("en"), StoredForms)
    assert data.lexicon("es", "en").entry("casa") is not None
    assert "could not store" in caplog.text


def test_languages_without_tables_have_no_lemmas(tmp_path: Path) -> None:
    data = LanguageData(tmp_path)
    assert data.lemmatiser("zz") is None and data.word_forms("zz") is None
    data.warm_up(["zz", "en"])
    assert [p.name.split("-")[1] for p in tmp_path.glob("forms-*")] == ["en"]
