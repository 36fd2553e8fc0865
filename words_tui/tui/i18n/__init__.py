"""Interface texts in English, Russian and Spanish, looked up by key.

Each language is one module with a `MESSAGES` dict. A key missing from a language falls back to
English, so a half-translated release still works; `tests/tui/test_i18n.py` fails on any key that is
not translated into every language, and on any key the code uses that English does not define.
Texts are `str.format` templates: `texts("home.due", count=3)`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache

from words_tui.tui.i18n import en, es, ru

log = logging.getLogger(__name__)

FALLBACK = "en"
CATALOGUES: Mapping[str, Mapping[str, str]] = {
    "en": en.MESSAGES,
    "ru": ru.MESSAGES,
    "es": es.MESSAGES,
}
INTERFACE_LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)


def base_language(code: str | None) -> str:
    """ "ru" for "ru_RU.UTF-8", "pt" for "pt-BR": the language without region or encoding."""
    return (code or "").split(".")[0].split("-")[0].split("_")[0].lower()


def interface_language_for(code: str | None) -> str:
    """The interface language for a language code: itself when translated, English otherwise."""
    base = base_language(code)
    return base if base in CATALOGUES else FALLBACK


class Texts:
    """The interface texts of one language, with English under them."""

    def __init__(
        self, language: str = FALLBACK, catalogues: Mapping[str, Mapping[str, str]] = CATALOGUES
    ) -> None:
        base = base_language(language)
        self.language = base if base in catalogues else FALLBACK
        self._own = catalogues[self.language]
        self._fallback = catalogues[FALLBACK]

    def __call__(self, key: str, /, **values: object) -> str:
        template = self._own.get(key) or self._fallback.get(key)
        if template is None:
            log.error("no interface text for key %r", key)
            return key
        return template.format(**values) if values else template

    def get(self, key: str, default: str | None = None) -> str:
        """The text for `key` if there is one, else `default` (or `key` itself)."""
        return (
            self._own.get(key) or self._fallback.get(key) or (key if default is None else default)
        )

    def has(self, key: str) -> bool:
        return key in self._fallback

    def language_name(self, code: str) -> str:
        """A language's name in this interface language ("Russian", "русский", "ruso"); a
        language the catalogues do not name is named from Babel's CLDR data ("French")."""
        return self.get(f"language.{code}", "") or cldr_name(code, self.language)


@cache
def cldr_name(code: str, language: str) -> str:
    """`code`'s name in `language` from CLDR, or the code itself when CLDR lacks it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(language)
    except (UnknownLocaleError, ValueError):
        return code
    return name or code
