"""Every interface text exists in English, Russian and Spanish, and every key the code uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from words_tui.domain.enums import Level, Verdict, WordStatus
from words_tui.i18n import (
    CATALOGUES,
    INTERFACE_LANGUAGES,
    Message,
    Texts,
    cldr,
    interface_language_for,
)
from words_tui.infrastructure.dictionaries.starter import PARTS_OF_SPEECH
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.onboarding import STEPS

PACKAGE = Path(__file__).resolve().parents[1] / "words_tui"
ENGLISH = CATALOGUES["en"]
TRANSLATIONS = [code for code in INTERFACE_LANGUAGES if code != "en"]
SAME_AS_ENGLISH = {
    "ru": {
        "error.body",
        "lesson.count",
        "lesson.direction",
        "settings.llm",
        "import.change",
        "bulk.failed",
    },
    "es": {
        "error.body",
        "bulk.failed",
        "bulk.minutes",
        "bulk.seconds",
        "import.change",
        "cli.argparse.error",
        "cli.llm.total",
        "lesson.count",
        "lesson.direction",
        "settings.llm",
        "form.plural",
        "form.pl",
        "pos.num",
    },
}
"""Texts that are rightly identical to English: placeholders only, or the same word."""
KEY_LITERAL = re.compile(r"\"((?:[a-z]+)(?:\.[a-z0-9_]+)+)\"")
NAMESPACES = {key.split(".")[0] for key in ENGLISH}
STATUS_KEYS = ("status", "stats.status")
SCREENS = ("startup", "onboarding", "home", "lesson", "summary", "addword", "browser")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def forms(message: Message) -> dict[str, str]:
    """A text's templates by plural category ("" for a text without a count)."""
    return {"": message} if isinstance(message, str) else dict(message)


def all_placeholders(message: Message) -> set[str]:
    return set().union(*(placeholders(form) for form in forms(message).values()))


def may_leave_out_the_count(category: str, language: str) -> bool:
    """ "one" may say "once" or "last day" only where it means exactly 1 (not Russian's 21)."""
    return category == "one" and cldr.plural_category(21, language) != "one"


def keys_in_source() -> set[str]:
    """Every string literal in the package's code that looks like a text key (the database
    layer's "table.column" strings aside)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if {"i18n", "infrastructure"} & set(path.relative_to(PACKAGE).parts):
            continue
        for key in KEY_LITERAL.findall(path.read_text(encoding="utf-8")):
            if key.split(".")[0] in NAMESPACES:
                found.add(key)
    return found


def keys_built_at_run_time() -> set[str]:
    """Keys the code assembles from enums and tables (f-strings)."""
    keys = {f"{kind}.{status.name.lower()}" for status in WordStatus for kind in STATUS_KEYS}
    keys |= {f"pos.{pos}" for pos in PARTS_OF_SPEECH}
    keys |= {f"verdict.{verdict.value}" for verdict in Verdict if verdict != Verdict.NEEDS_JUDGE}
    keys |= {f"level.{level.value}" for level in Level}
    keys |= {f"weekday.{number}" for number in range(7)}
    keys |= {f"language.{code}" for code in INTERFACE_LANGUAGES}
    keys |= {f"onboarding.{step}.question" for step in STEPS}
    keys |= {f"import.stage.{stage}" for stage in ("reading", "translating", "writing")}
    keys |= {f"help.{screen}" for screen in (*SCREENS, "statistics", "settings", "import")}
    for name, _ in HomeScreen.PALETTE_ACTIONS:
        keys |= {f"palette.{name}", f"palette.{name}.help"}
    return keys


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_english_text_is_translated(language: str) -> None:
    catalogue = CATALOGUES[language]
    assert sorted(set(ENGLISH) - set(catalogue)) == []
    untranslated = {
        key for key, text in catalogue.items() if text == ENGLISH.get(key) and text.strip()
    }
    assert sorted(untranslated - SAME_AS_ENGLISH[language]) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_have_no_keys_english_lacks(language: str) -> None:
    assert sorted(set(CATALOGUES[language]) - set(ENGLISH)) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_fill_in_the_same_values_as_english(language: str) -> None:
    catalogue = CATALOGUES[language]
    wrong = {}
    for key, message in catalogue.items():
        expected = all_placeholders(ENGLISH[key])
        for category, form in forms(message).items():
            found = placeholders(form)
            if may_leave_out_the_count(category, language):
                found |= expected & {"count"}
            if found != expected:
                wrong[f"{key}[{category}]"] = (expected, found)
    assert wrong == {}


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_texts_with_a_count_have_every_plural_form_of_the_language(language: str) -> None:
    needed = {cldr.plural_category(number, language) for number in range(1001)} | {"other"}
    wrong = {
        key: sorted(set(message))
        for key, message in CATALOGUES[language].items()
        if not isinstance(message, str) and set(message) != needed
    }
    assert wrong == {}


def test_every_key_the_code_uses_has_an_english_text() -> None:
    used = keys_in_source() | keys_built_at_run_time()
    assert sorted(key for key in used if key not in ENGLISH) == []


def test_a_missing_translation_falls_back_to_english() -> None:
    texts = Texts("ru", {"en": {"key.help": "Help"}, "ru": {}})
    assert texts("key.help") == "Help"


def test_an_unknown_interface_language_falls_back_to_english() -> None:
    assert interface_language_for("de_DE.UTF-8") == "en"
    assert interface_language_for("ru_RU.UTF-8") == "ru"
    assert Texts("fr")("key.next") == "Next"


GENDERED = {
    "ru": re.compile(r"\b(был|была|прав|права|готов|готова|уверен|уверена|рад|рада)\b", re.I),
    "es": re.compile(
        r"(?<!la )\bbienvenid[oa]\b|\b(est[aá]s|eres)\s+(list|segur|equivocad|preparad)[oa]\b",
        re.I,
    ),
}
"""Words that would take the learner's gender ("я был прав", "bienvenido", "estás listo")."""


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_texts_do_not_assume_the_learners_gender(language: str) -> None:
    found = {
        key: form
        for key, message in CATALOGUES[language].items()
        for form in forms(message).values()
        if GENDERED[language].search(form)
    }
    assert found == {}
