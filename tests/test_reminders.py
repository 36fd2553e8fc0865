"""Reminders: due reviews, a quiet spell after lessons, daytime in the profile's own time zone."""

from __future__ import annotations

import asyncio
import os
import stat
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.builders import learner_with_words
from words_tui.cli import main
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Lesson
from words_tui.services.stats.reminders import DaytimeWindow, reminders
from words_tui.services.vocabulary.profiles import ProfileKnobs

NOW = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)  # 12:00 in Madrid, 19:00 in Tokyo


async def make_due(database: Database, profile_id: int, cards: int, seen: datetime) -> None:
    """`cards` of the profile seen at `seen` and due an hour before NOW."""
    async with database.session() as session:
        rows = (
            await session.execute(
                select(Card).where(col(Card.profile_id) == profile_id).limit(cards)
            )
        ).scalars()
        for card in rows:
            card.last_review, card.due, card.reps = seen, NOW - timedelta(hours=1), 1
            session.add(card)


async def learner(database: Database, user: str = "ann", timezone: str = "Europe/Madrid") -> int:
    profile = await learner_with_words(database, user, knobs=ProfileKnobs(timezone=timezone))
    assert profile.id is not None
    return profile.id


async def test_due_reviews_after_a_quiet_spell_in_daytime_remind(database: Database) -> None:
    pid = await learner(database)
    await make_due(database, pid, 3, NOW - timedelta(days=2))
    [reminder] = await reminders(database, "ann", NOW)
    assert (reminder.profile_id, reminder.due) == (pid, 3)
    assert reminder.interface_lang == "en"


async def test_new_words_waiting_are_not_reviews(database: Database) -> None:
    await learner(database)
    assert await reminders(database, "ann", NOW) == []


async def test_a_recent_lesson_keeps_it_quiet(database: Database) -> None:
    pid = await learner(database)
    await make_due(database, pid, 3, NOW - timedelta(days=2))
    async with database.session() as session:
        session.add(Lesson(profile_id=pid, started_at=NOW - timedelta(hours=5)))
    assert await reminders(database, "ann", NOW) == []
    assert len(await reminders(database, "ann", NOW, quiet_hours=4)) == 1


async def test_night_in_the_profiles_time_zone_keeps_it_quiet(database: Database) -> None:
    pid = await learner(database, timezone="Asia/Tokyo")
    await make_due(database, pid, 1, NOW - timedelta(days=2))
    evening = DaytimeWindow.parse("07:00-18:00")
    assert await reminders(database, "ann", NOW, window=evening) == []
    assert (
        len(await reminders(database, "ann", NOW, window=DaytimeWindow.parse("07:00-23:00"))) == 1
    )


async def test_another_learners_due_reviews_do_not_remind(database: Database) -> None:
    await learner(database, "ann")
    bob = await learner(database, "bob")
    await make_due(database, bob, 2, NOW - timedelta(days=2))
    assert await reminders(database, "ann", NOW) == []
    assert [r.due for r in await reminders(database, "bob", NOW)] == [2]


@pytest.mark.parametrize(
    ("window", "inside", "outside"),
    [
        ("07:00-23:00", time(7, 0), time(23, 0)),
        ("22:00-02:00", time(1, 30), time(12, 0)),
        ("00:00-24:00", time(23, 59), None),
    ],
)
def test_windows_may_cross_midnight(window: str, inside: time, outside: time | None) -> None:
    parsed = DaytimeWindow.parse(window)
    assert parsed.contains(inside)
    assert outside is None or not parsed.contains(outside)


def test_a_malformed_window_is_named() -> None:
    with pytest.raises(ValueError, match="'7-23' is not a time window"):
        DaytimeWindow.parse("7-23")


def seed_due_reviews(data_dir: Path, interface: str = "en") -> None:
    async def seed() -> None:
        database = Database(f"sqlite+aiosqlite:///{data_dir / 'words.db'}")
        await database.init()
        knobs = ProfileKnobs(interface_lang=interface)
        profile = await learner_with_words(database, "tester", knobs=knobs)
        assert profile.id is not None
        await make_due(database, profile.id, 2, datetime.now(UTC) - timedelta(days=3))
        await database.close()

    asyncio.run(seed())


def test_the_command_prints_when_no_notifier_exists(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_due_reviews(isolated_settings / "data")
    monkeypatch.setenv("PATH", str(isolated_settings / "empty"))
    assert main(["remind", "--window", "00:00-24:00"]) == 0
    assert capsys.readouterr().out == "words-tui: 2 reviews due in “en→ru” — time for a lesson\n"


def test_the_reminder_speaks_the_interface_language_of_the_profile(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_due_reviews(isolated_settings / "data", interface="ru")
    monkeypatch.setenv("PATH", str(isolated_settings / "empty"))
    assert main(["remind", "--window", "00:00-24:00"]) == 0
    assert capsys.readouterr().out == (
        "words-tui: в профиле «en→ru» 2 слова ждут повторения — пора на урок\n"
    )


def test_the_command_sends_a_desktop_notification(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_due_reviews(isolated_settings / "data")
    bin_dir = isolated_settings / "bin"
    bin_dir.mkdir()
    notifier = bin_dir / "notify-send"
    notifier.write_text(f'#!/bin/sh\necho "$@" > {isolated_settings / "sent.txt"}\n')
    notifier.chmod(notifier.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    assert main(["remind", "--window", "00:00-24:00"]) == 0
    assert capsys.readouterr().out == ""
    sent = (isolated_settings / "sent.txt").read_text()
    assert "2 reviews due in “en→ru”" in sent


def test_the_command_is_silent_and_creates_nothing_before_the_first_run(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["remind"]) == 0
    assert capsys.readouterr().out == ""
    assert not (isolated_settings / "data" / "words.db").exists()
