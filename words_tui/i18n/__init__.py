"""Interface texts in English, Russian and Spanish, looked up by key.

Each language is one module with a `MESSAGES` dict; texts with counts (`counts`), errors
(`errors`, `service_errors`, `llm_errors`), the lesson's keys (`lesson_keys`), the command line's output (`cli`) and its help (`cli_help`) and Textual's own
texts (`builtins`) sit in modules of their
own, all languages side by side. A key missing from a language falls back to
English, so a half-translated release still works; `tests/tui/test_i18n.py` fails on any key that is
not translated into every language, and on any key the code uses that English does not define.
Texts are `str.format` templates: `texts("home.due", count=3)`. A text that depends on a count is a
dict of CLDR plural categories ("one", "few", "many", "other"), chosen by the `count` value with
the language's own plural rule; every whole number filled in is written the language's way
("1,177", "1 177"). Dates and percentages go through `Texts.date`, `Texts.percent` and friends, so
nothing shown is formatted by hand.
"""

from __future__ import annotations

import locale
import logging
import os
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache

from words_tui.i18n import (
    builtins,
    cldr,
    cli,
    cli_help,
    counts,
    en,
    errors,
    es,
    lesson_keys,
    llm_errors,
    ru,
    service_errors,
)
from words_tui.i18n.pseudo import PSEUDO, mark, pseudo_catalogue
from words_tui.i18n.said import Said

log = logging.getLogger(__name__)

Message = str | Mapping[str, str]
"""A template, or templates by CLDR plural category (always with "other")."""
Catalogue = Mapping[str, Message]

FALLBACK = "en"
CATALOGUES: Mapping[str, Catalogue] = {
    language: {
        **messages,
        **counts.MESSAGES[language],
        **errors.MESSAGES[language],
        **service_errors.MESSAGES[language],
        **llm_errors.MESSAGES[language],
        **cli.MESSAGES[language],
        **cli_help.MESSAGES[language],
        **builtins.MESSAGES[language],
        **lesson_keys.MESSAGES[language],
    }
    for language, messages in (("en", en.MESSAGES), ("ru", ru.MESSAGES), ("es", es.MESSAGES))
}
INTERFACE_LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)
NO_RATE = "–"


@cache
def pseudo_english() -> Catalogue:
    return pseudo_catalogue(CATALOGUES[FALLBACK])


def base_language(code: str | None) -> str:
    """ "ru" for "ru_RU.UTF-8", "pt" for "pt-BR": the language without region or encoding."""
    return (code or "").split(".")[0].split("-")[0].split("_")[0].lower()


def system_language() -> str:
    """The user's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value and value not in ("C", "POSIX"):
            return value.split(":")[0]
    return locale.getlocale()[0] or "en"


def interface_language_for(code: str | None) -> str:
    """The interface language for a language code: itself when translated, English otherwise."""
    base = base_language(code)
    return base if base in CATALOGUES else FALLBACK


class Texts:
    """The interface texts of one language, with English under them; in the pseudo-language
    `qps` (`words_tui.i18n.pseudo`) every text, date and CLDR name comes out marked."""

    def __init__(self, language: str = FALLBACK, catalogues: Mapping[str, Catalogue] = CATALOGUES):
        base = base_language(language)
        self.pseudo = base == PSEUDO
        self.language = PSEUDO if self.pseudo else base if base in catalogues else FALLBACK
        self.locale = FALLBACK if self.pseudo else self.language
        """The CLDR locale of numbers, dates and plural rules."""
        self._own = pseudo_english() if self.pseudo else catalogues[self.language]
        self._fallback = self._own if self.pseudo else catalogues[FALLBACK]
        self._mark = mark if self.pseudo else str

    def switched_to(self, language: str) -> Texts:
        """The texts of `language` — or these, in the pseudo-language, which a whole session
        stays in whatever its profiles say."""
        return self if self.pseudo else Texts(language)

    def __call__(self, key: str, /, **values: object) -> str:
        message = self._own.get(key) or self._fallback.get(key)
        if message is None:
            log.error("no interface text for key %r", key)
            return key
        template = self._template(message, values.get("count"))
        if not values:
            return template
        return template.format(**{name: self._value(value) for name, value in values.items()})

    def get(self, key: str, default: str | None = None) -> str:
        """The text for `key` if there is one, else `default` (or `key` itself)."""
        message = self._own.get(key) or self._fallback.get(key)
        if message is None:
            return key if default is None else default
        return self._template(message, None)

    def has(self, key: str) -> bool:
        return key in self._fallback

    def language_name(self, code: str) -> str:
        """A language's name in this interface language ("Russian", "русский", "ruso"); a
        language the catalogues do not name is named from Babel's CLDR data ("French")."""
        return self.get(f"language.{code}", "") or self._mark(cldr.language_name(code, self.locale))

    def error(self, error: BaseException) -> str:
        """What went wrong, in this language when the error carries a catalogue key (see
        `words_tui.errors`); otherwise its own message, which no catalogue knows."""
        key = getattr(error, "key", None)
        if key is None or not self.has(key):
            return str(error) or type(error).__name__
        values = dict(getattr(error, "values", {}))
        if "setting" in values:
            values["setting"] = self.setting_name(str(values["setting"]))
        return self(key, **values)

    def setting_name(self, name: str) -> str:
        """A profile setting's label: the Settings screen's, else the errors' (`setting.*`)."""
        for key in (f"settings.{name}", f"setting.{name}"):
            if self.has(key):
                return self(key)
        return name

    def said(self, text: str) -> str:
        """A line the core wrote: in this language when it is a `Said`, else as it is."""
        if isinstance(text, Said) and self.has(text.key):
            return self(text.key, **text.values)
        return text

    def number(self, value: float) -> str:
        return cldr.number(value, self.locale)

    def percent(self, rate: float | None) -> str:
        """ "83%" ("83 %" in Russian and Spanish); "–" for a rate that cannot be known yet."""
        return NO_RATE if rate is None else cldr.percent(rate, self.locale)

    def day_and_month(self, day: date) -> str:
        return self._mark(cldr.day_and_month(day, self.locale))

    def short_date(self, day: date) -> str:
        return self._mark(cldr.short_date(day, self.locale))

    def short_date_time(self, moment: datetime) -> str:
        return self._mark(cldr.short_date_time(moment, self.locale))

    def _template(self, message: Message, count: object) -> str:
        if isinstance(message, str):
            return message
        if isinstance(count, int | float) and not isinstance(count, bool):
            category = cldr.plural_category(count, self.locale)
            return message.get(category) or message["other"]
        return message["other"]

    def _value(self, value: object) -> object:
        """Numbers with the language's grouping and decimal mark, `Said` lines and errors in
        this language, a tuple as its items joined by "; "; everything else as it is."""
        if isinstance(value, Said):
            return self.said(value)
        if isinstance(value, BaseException):
            return self.error(value)
        if isinstance(value, tuple):
            return "; ".join(str(self._value(item)) for item in value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.number(value)
        return value
