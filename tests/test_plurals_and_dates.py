"""Counts, numbers, percentages and dates follow CLDR's rules of the interface language (Babel)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from words_tui.i18n import Texts


@pytest.mark.parametrize(
    ("language", "count", "shown"),
    [
        ("en", 1, "1 word"),
        ("en", 1177, "1,177 words"),
        ("ru", 1, "1 слово"),
        ("ru", 3, "3 слова"),
        ("ru", 21, "21 слово"),
        ("ru", 1177, "1\N{NO-BREAK SPACE}177 слов"),
        ("es", 1, "1 palabra"),
        ("es", 577, "577 palabras"),
    ],
)
def test_a_count_takes_the_plural_form_of_the_language(
    language: str, count: int, shown: str
) -> None:
    assert Texts(language)("stats.words", count=count) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "1,157 new"),
        ("ru", "1\N{NO-BREAK SPACE}157 новых"),
        ("es", "557 nuevas"),
    ],
)
def test_a_status_count_agrees_with_its_number(language: str, shown: str) -> None:
    count = 557 if language == "es" else 1157
    assert Texts(language)("stats.status.new", count=count) == shown


def test_the_russian_activity_line_says_how_many_days() -> None:
    assert Texts("ru")("home.activity", count=14) == "Ответы за последние 14 дней"


@pytest.mark.parametrize(
    ("language", "shown"), [("en", "Jan 2"), ("ru", "2 янв."), ("es", "2 ene")]
)
def test_a_forecast_date_is_written_the_way_of_the_language(language: str, shown: str) -> None:
    assert Texts(language).day_and_month(date(2027, 1, 2)) == shown


def test_a_review_time_is_written_the_way_of_the_language() -> None:
    moment = datetime(2027, 1, 2, 14, 30, tzinfo=UTC)
    assert Texts("ru").short_date_time(moment) == "02.01.2027, 14:30"
    assert Texts("en").short_date_time(moment) == "1/2/27, 2:30\N{NARROW NO-BREAK SPACE}PM"


@pytest.mark.parametrize(("language", "shown"), [("en", "85%"), ("ru", "85\N{NO-BREAK SPACE}%")])
def test_a_percentage_is_written_the_way_of_the_language(language: str, shown: str) -> None:
    assert Texts(language).percent(0.85) == shown


def test_a_rate_that_cannot_be_known_yet_is_a_dash() -> None:
    assert Texts("es").percent(None) == "–"
