"""Numbers, plural categories, dates and language names from CLDR (Babel), per interface language.

Kept apart from the catalogues so that Babel's locale data is loaded only when a count or a date is
first shown, not when the app starts.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


@cache
def locale_of(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(language)


def plural_category(number: float, language: str) -> str:
    """CLDR's plural category of `number` in `language`: "one", "few", "many" or "other"."""
    return str(locale_of(language).plural_form(number))


def number(value: float, language: str) -> str:
    """1177 as `language` writes it: "1,177", "1 177", "1.177"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale_of(language))


def percent(rate: float, language: str) -> str:
    """0.85 as `language` writes a percentage: "85%", "85 %"."""
    from babel.numbers import format_percent

    return format_percent(rate, locale=locale_of(language))


def day_and_month(day: date, language: str) -> str:
    """A date without the year, as `language` abbreviates it: "Jan 2", "2 янв.", "2 ene"."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=locale_of(language))


def short_date(day: date, language: str) -> str:
    """A full date in `language`'s short form: "1/2/27", "02.01.2027", "2/1/27"."""
    from babel.dates import format_date

    return format_date(day, "short", locale=locale_of(language))


def short_date_time(moment: datetime, language: str) -> str:
    """A date and a time in `language`'s short form: "1/2/27, 2:30 PM", "02.01.2027, 14:30"."""
    from babel.dates import format_datetime

    return format_datetime(moment, "short", locale=locale_of(language))


@cache
def language_name(code: str, language: str) -> str:
    """`code`'s name in `language` from CLDR, or the code itself when CLDR lacks it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(language)
    except (UnknownLocaleError, ValueError):
        return code
    return name or code
