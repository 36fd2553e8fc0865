"""Statistics: every figure from SQL aggregates, in the learner's own study days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from tests.builders import cards_of, learner_with_words, review
from words_tui.domain.enums import CardState, Direction, Stage, WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Lesson, UserWord
from words_tui.services.stats.summary import recent_activity, statistics_summary
from words_tui.services.vocabulary.browse import delete_word
from words_tui.services.vocabulary.profiles import ProfileKnobs, start_over, update_profile

NOW = datetime(2025, 4, 2, 10, 0, tzinfo=UTC)  # 12:00 in Berlin (summer time)
BERLIN = ProfileKnobs(timezone="Europe/Berlin", day_start_hour=4)


async def profile_id(database: Database, user: str = "ann", **kwargs: object) -> int:
    profile = await learner_with_words(database, user, knobs=BERLIN, now=NOW, **kwargs)  # type: ignore[arg-type]
    assert profile.id is not None
    return profile.id


async def set_card(database: Database, card: Card, **values: object) -> None:
    async with database.session() as session:
        row = await session.get(Card, card.id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)


async def test_word_counts_by_status(database: Database) -> None:
    pid = await profile_id(database)
    async with database.session() as session:
        word = (await session.execute(select(UserWord).limit(1))).scalar_one()
        word.status = int(WordStatus.SUSPENDED)
        session.add(word)
    summary = await statistics_summary(database, pid, NOW)
    assert summary.status_counts[WordStatus.NEW] == 5
    assert summary.status_counts[WordStatus.SUSPENDED] == 1
    assert summary.words == 6


async def test_accuracy_by_direction_and_by_mode(database: Database) -> None:
    pid = await profile_id(database)
    there, back = await cards_of(database, pid, "дом")
    await review(database, there, NOW - timedelta(hours=3), 3)
    await review(database, there, NOW - timedelta(hours=2), 1)
    await review(database, back, NOW - timedelta(hours=1), 3, mode=Stage.CHOICE)
    summary = await statistics_summary(database, pid, NOW)
    by_direction = summary.accuracy_by_direction
    assert (
        by_direction[Direction.FOREIGN_TO_NATIVE].correct,
        by_direction[Direction.FOREIGN_TO_NATIVE].total,
    ) == (1, 2)
    assert by_direction[Direction.NATIVE_TO_FOREIGN].rate == 1.0
    assert summary.accuracy_by_mode[Stage.TYPING].rate == 0.5
    assert summary.accuracy_by_mode[Stage.CHOICE].total == 1
    assert summary.reviews == 3


async def test_a_late_night_review_keeps_the_streak_of_the_day_before(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    await review(database, card, datetime(2025, 3, 31, 18, tzinfo=UTC))  # Mon 20:00
    await review(database, card, datetime(2025, 4, 1, 23, 30, tzinfo=UTC))  # Wed 01:30 → Tue
    summary = await statistics_summary(database, pid, NOW)  # Wed noon, nothing yet today
    assert (summary.streak.current, summary.streak.studied_today) == (2, False)
    heat = {d.day: d.count for d in summary.heatmap if d.count}
    assert heat == {date(2025, 3, 31): 1, date(2025, 4, 1): 1}


async def test_the_streak_runs_through_the_daylight_saving_change(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    # 03:30 local each night from 27 March to 2 April: before the 04:00 day start, so each counts
    # for the day before — across the change from UTC+1 to UTC+2 on 30 March.
    for night in range(27, 34):
        local = datetime(2025, 3, 1, 3, 30) + timedelta(days=night - 1)
        offset = 1 if local < datetime(2025, 3, 30, 2) else 2
        await review(database, card, (local - timedelta(hours=offset)).replace(tzinfo=UTC))
    summary = await statistics_summary(database, pid, NOW)
    heat = sorted(d.day for d in summary.heatmap if d.count)
    assert heat == [date(2025, 3, 26) + timedelta(days=n) for n in range(7)]
    assert (summary.streak.current, summary.streak.longest) == (7, 7)


async def test_only_finished_lessons_count(database: Database) -> None:
    pid = await profile_id(database)
    async with database.session() as session:
        session.add(Lesson(profile_id=pid, started_at=NOW, finished_at=NOW, size=30))
        session.add(Lesson(profile_id=pid, started_at=NOW))
    assert (await statistics_summary(database, pid, NOW)).lessons == 1


async def test_true_retention_counts_typed_reviews_of_cards_in_review(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    monday = datetime(2025, 3, 24, 10, tzinfo=UTC)
    await review(database, card, monday, 3)
    await review(database, card, monday + timedelta(hours=1), 1)
    await review(database, card, monday + timedelta(hours=2), 2)
    await review(database, card, monday + timedelta(hours=3), 1, state_before=CardState.LEARNING)
    await review(database, card, monday + timedelta(hours=4), 3, mode=Stage.CHOICE)
    await review(database, card, monday + timedelta(days=7), 4)
    summary = await statistics_summary(database, pid, NOW)
    weeks = [(p.period_start, p.passed, p.total) for p in summary.retention_by_week]
    assert weeks == [(date(2025, 3, 24), 2, 3), (date(2025, 3, 31), 1, 1)]
    assert [(p.period_start, p.passed, p.total) for p in summary.retention_by_month] == [
        (date(2025, 3, 1), 3, 4)
    ]


async def test_the_forecast_shows_seen_cards_for_thirty_days_overdue_today(
    database: Database,
) -> None:
    pid = await profile_id(database)
    first, second = await cards_of(database, pid, "дом")
    third, fourth = await cards_of(database, pid, "книга")
    seen = NOW - timedelta(days=3)
    await set_card(database, first, last_review=seen, due=NOW - timedelta(days=2))  # overdue
    await set_card(database, second, last_review=seen, due=NOW + timedelta(hours=5))  # today
    await set_card(database, third, last_review=seen, due=NOW + timedelta(days=2))
    await set_card(database, fourth, last_review=seen, due=NOW + timedelta(days=2), active=False)
    summary = await statistics_summary(database, pid, NOW)  # never-seen cards are not reviews
    assert len(summary.forecast) == 30 and summary.forecast[0].day == date(2025, 4, 2)
    assert [(d.day, d.count) for d in summary.forecast if d.count] == [
        (date(2025, 4, 2), 2),
        (date(2025, 4, 4), 1),
    ]


async def test_words_learned_over_time_by_level(database: Database) -> None:
    pid = await profile_id(database)
    house = (await cards_of(database, pid, "дом"))[0]
    book_there, book_back = await cards_of(database, pid, "книга")
    await review(database, house, datetime(2025, 2, 10, tzinfo=UTC), 1)  # forgotten: not yet
    await review(database, house, datetime(2025, 3, 10, tzinfo=UTC), 3)
    await review(database, book_there, datetime(2025, 3, 12, tzinfo=UTC), 3)
    await review(database, book_back, datetime(2025, 3, 20, tzinfo=UTC), 3)  # same word again
    await review(database, house, datetime(2025, 4, 1, tzinfo=UTC), 3)
    summary = await statistics_summary(database, pid, NOW)
    points = [(p.month, p.level, p.learned, p.cumulative) for p in summary.learned_by_level]
    assert points == [(date(2025, 3, 1), "A1", 1, 1), (date(2025, 3, 1), "A2", 1, 1)]


async def test_the_hardest_words_are_the_most_forgotten(database: Database) -> None:
    pid = await profile_id(database)
    house = (await cards_of(database, pid, "дом"))[0]
    book_there, book_back = await cards_of(database, pid, "книга")
    await set_card(database, house, lapses=2, difficulty=7.0, reps=5)
    await set_card(database, book_there, lapses=3, difficulty=5.0, reps=6)
    await set_card(database, book_back, lapses=1, difficulty=4.0, reps=4)
    summary = await statistics_summary(database, pid, NOW)
    assert [(w.word, w.lapses, w.meanings) for w in summary.hardest] == [
        ("книга", 4, ("book",)),
        ("дом", 2, ("house", "home")),
    ]


async def test_new_reviews_are_counted_on_the_next_look(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    await review(database, card, NOW - timedelta(days=1))
    assert (await statistics_summary(database, pid, NOW)).reviews == 1
    await review(database, card, NOW - timedelta(hours=1), 1)
    again = await statistics_summary(database, pid, NOW)
    assert again.reviews == 2
    assert again.accuracy_by_mode[Stage.TYPING].correct == 1


async def test_a_new_time_zone_recounts_the_days(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    await review(database, card, datetime(2025, 4, 1, 23, 30, tzinfo=UTC))  # Berlin: 1 April
    assert [d.day for d in (await statistics_summary(database, pid, NOW)).heatmap if d.count] == [
        date(2025, 4, 1)
    ]
    await update_profile(
        database, "ann", pid, ProfileKnobs(timezone="Asia/Tokyo", day_start_hour=0)
    )
    summary = await statistics_summary(database, pid, NOW)
    assert [d.day for d in summary.heatmap if d.count] == [date(2025, 4, 2)]
    assert summary.reviews == 1


async def test_a_deleted_word_leaves_the_statistics(database: Database) -> None:
    pid = await profile_id(database)
    house = (await cards_of(database, pid, "дом"))[0]
    book = (await cards_of(database, pid, "книга"))[0]
    await review(database, house, NOW - timedelta(days=1))
    await review(database, book, NOW - timedelta(days=1), 1)
    assert (await statistics_summary(database, pid, NOW)).reviews == 2
    await delete_word(database, pid, house.user_word_id)
    summary = await statistics_summary(database, pid, NOW)
    assert summary.reviews == 1
    assert summary.accuracy_by_direction[Direction.FOREIGN_TO_NATIVE].correct == 0


async def test_starting_over_clears_the_statistics(database: Database) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    await review(database, card, NOW - timedelta(days=1))
    await statistics_summary(database, pid, NOW)
    await start_over(database, "ann", pid, "en→ru", now=NOW)
    summary = await statistics_summary(database, pid, NOW)
    assert (summary.reviews, summary.streak.current, summary.retention_by_week) == (0, 0, ())


async def test_learners_sharing_a_database_see_only_their_own_statistics(
    database: Database,
) -> None:
    ann = await profile_id(database, "ann")
    bob = await profile_id(database, "bob")
    await review(database, (await cards_of(database, bob, "дом"))[0], NOW - timedelta(days=1))
    await set_card(database, (await cards_of(database, bob, "книга"))[0], lapses=3, reps=3)
    mine = await statistics_summary(database, ann, NOW)
    theirs = await statistics_summary(database, bob, NOW)
    assert (mine.reviews, mine.streak.current, mine.hardest, mine.words) == (0, 0, (), 6)
    assert (theirs.reviews, len(theirs.hardest)) == (1, 1)


async def test_the_home_screens_activity_is_the_summarys_streak_and_last_days(
    database: Database,
) -> None:
    pid = await profile_id(database)
    card = (await cards_of(database, pid, "дом"))[0]
    for days_ago in (0, 1, 1, 2, 5, 40):
        await review(database, card, NOW - timedelta(days=days_ago, hours=1))

    activity = await recent_activity(database, pid, NOW, 14)

    summary = await statistics_summary(database, pid, NOW)
    assert activity.streak == summary.streak
    assert activity.days == summary.heatmap[-14:]
    assert [day.count for day in activity.days[-6:]] == [1, 0, 0, 1, 2, 1]
