"""Which languages have a word list to build levels from, and what each is called in itself.

A level is built from wordfreq's frequency ranks merged to lemmas by simplemma, so a language
needs both. Names come from the CLDR data Babel ships ("français", "Deutsch", "русский"), so a
learner finds their language however the interface is set.
"""

from __future__ import annotations

from functools import cache


@cache
def level_languages() -> frozenset[str]:
    """Languages wordfreq has a frequency list for and simplemma can lemmatise."""
    import wordfreq
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(wordfreq.available_languages()) & frozenset(SUPPORTED_LANGUAGES)


@cache
def native_name(code: str) -> str:
    """The language's name in the language itself, capitalised as a menu item ("Français");
    the code itself when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:] if name else code
