"""Learners and their profiles: create, list, switch, change level, tune knobs, start over.

A learner is identified by name (the OS login or the `user` setting), so several learners can share
one PostgreSQL database. Every query here filters by that learner: a profile id belonging to someone
else behaves exactly like one that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.cefr import parse_level
from words_tui.domain.enums import Level
from words_tui.errors import UserError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Lesson, Profile, Review
from words_tui.infrastructure.db.rollups import forget_rollups
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.vocabulary.progress import reset_words
from words_tui.services.vocabulary.store import ensure_user

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
MAX_LESSON_SIZE = 500
KNOB_RANGES: dict[str, tuple[float, float]] = {
    "day_start_hour": (0, 23),
    "desired_retention": (0.7, 0.99),
    "lesson_size": (1, MAX_LESSON_SIZE),
    "new_per_day": (0, 10_000),
    "reviews_per_day": (0, 100_000),
    "typing_after": (1, 100),
    "mastery_stability_days": (1, 36_500),
    "mastery_streak": (1, 10_000),
    "leech_lapses": (1, 1_000),
}
THEMES = ("dark", "light")
"""The looks a profile can choose (the TUI maps them to its colour themes)."""


class ProfileError(UserError, ValueError):
    """A profile request cannot be honoured; the message names the field or the profile."""


class ProfileNotFound(ProfileError, LookupError):
    """No such profile for this learner (it may exist for someone else: that is not revealed)."""


THRESHOLDS = ("mastery_stability_days", "mastery_streak", "leech_lapses")
"""Settings a profile may override; the profile's NULL follows the settings (`follow_settings`
drops an override)."""


@dataclass(frozen=True)
class ProfileKnobs:
    """Settings of a profile that shape lessons; None leaves a knob as it is, and the thresholds
    named in `follow_settings` go back to following the settings."""

    name: str | None = None
    interface_lang: str | None = None
    theme: str | None = None
    timezone: str | None = None
    day_start_hour: int | None = None
    desired_retention: float | None = None
    lesson_size: int | None = None
    new_per_day: int | None = None
    reviews_per_day: int | None = None
    typing_after: int | None = None
    mastery_stability_days: float | None = None
    mastery_streak: int | None = None
    leech_lapses: int | None = None
    follow_settings: tuple[str, ...] = ()

    def validated(self) -> dict[str, object]:
        """The knobs that are set, checked (a `ProfileError` names the first bad one), and None
        for each threshold in `follow_settings`."""
        values = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "follow_settings"
        }
        chosen = {name: value for name, value in values.items() if value is not None}
        for name, value in chosen.items():
            _check_knob(name, value)
        for name in self.follow_settings:
            if name not in THRESHOLDS:
                raise ProfileError(key="error.setting.own_value", setting=name)
            chosen[name] = None
        return chosen


def _check_knob(name: str, value: object) -> None:
    """A `ProfileError` (with its catalogue key) naming the knob when `value` does not fit it."""
    if name == "name" and not str(value).strip():
        raise ProfileError(key="error.setting.empty", setting=name)
    if name == "interface_lang":
        _check_language(name, str(value))
    if name == "theme" and value not in THEMES:
        raise ProfileError(key="error.setting.theme", setting=name, value=str(value))
    if name == "timezone":
        try:
            ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError):
            raise ProfileError(
                key="error.setting.timezone", setting=name, value=str(value)
            ) from None
    if name in KNOB_RANGES:
        low, high = KNOB_RANGES[name]
        if not isinstance(value, int | float) or not low <= value <= high:
            raise ProfileError(
                key="error.setting.range", setting=name, value=str(value), low=low, high=high
            )


def _check_language(field_name: str, code: str) -> str:
    code = code.strip().lower()
    if not LANGUAGE_CODE.match(code):
        raise ProfileError(key="error.setting.language_code", setting=field_name, value=code)
    return code


async def profile_by_id(session: AsyncSession, profile_id: int) -> Profile:
    """The profile behind an id, for the services that take one and filter everything by it."""
    profile = await session.get(Profile, profile_id)
    if profile is None:
        raise ProfileNotFound(key="error.profile.gone", profile=profile_id)
    return profile


async def _user_id(session: AsyncSession, user: str) -> int:
    row = await ensure_user(session, user)
    assert row.id is not None
    return row.id


async def _owned(session: AsyncSession, user: str, profile_id: int) -> Profile:
    query = select(Profile).where(
        col(Profile.id) == profile_id, col(Profile.user_id) == await _user_id(session, user)
    )
    profile = (await session.execute(query)).scalar_one_or_none()
    if profile is None:
        raise ProfileNotFound(key="error.profile.gone", user=user, profile=profile_id)
    return profile


async def _activate(session: AsyncSession, profile: Profile) -> None:
    """Make `profile` the learner's only active one."""
    await session.execute(
        update(Profile).where(col(Profile.user_id) == profile.user_id).values(is_active=False)
    )
    profile.is_active = True
    session.add(profile)
    await session.flush()


async def create_profile(
    database: Database,
    user: str,
    native_lang: str,
    target_lang: str,
    level: Level | str = Level.A1,
    knobs: ProfileKnobs | None = None,
    *,
    activate: bool = True,
) -> Profile:
    """A new profile for `user` (created on first sight), active unless `activate` is False.

    Without a name it is called "<native>→<target>" (with a number if that is taken); the
    interface language defaults to the native language.
    """
    native = _check_language("native_lang", native_lang)
    target = _check_language("target_lang", target_lang)
    if native == target:
        raise ProfileError(key="error.profile.same_languages", language=native)
    try:
        chosen_level = parse_level(level) if isinstance(level, str) else level
    except ValueError:
        raise ProfileError(key="error.setting.level", setting="level", value=str(level)) from None
    settings = (knobs or ProfileKnobs()).validated()
    async with database.session() as session:
        user_id = await _user_id(session, user)
        taken = set(
            (
                await session.execute(
                    select(col(Profile.name)).where(col(Profile.user_id) == user_id)
                )
            ).scalars()
        )
        name = str(settings.pop("name", None) or f"{native}→{target}")
        if name in taken and knobs is not None and knobs.name:
            raise ProfileError(key="error.profile.name_taken", name=name)
        base, number = name, 2
        while name in taken:
            name, number = f"{base} {number}", number + 1
        settings.setdefault("interface_lang", native)
        profile = Profile(
            user_id=user_id,
            name=name,
            native_lang=native,
            target_lang=target,
            level=chosen_level.value,
        )
        for knob, value in settings.items():
            setattr(profile, knob, value)
        session.add(profile)
        await session.flush()
        if activate or not taken:
            await _activate(session, profile)
        return profile


async def list_profiles(database: Database, user: str) -> list[Profile]:
    """The learner's profiles, oldest first."""
    async with database.session() as session:
        user_id = await _user_id(session, user)
        query = select(Profile).where(col(Profile.user_id) == user_id).order_by(col(Profile.id))
        return list((await session.execute(query)).scalars())


async def get_profile(database: Database, user: str, profile_id: int) -> Profile:
    """One of the learner's profiles; `ProfileNotFound` for anyone else's."""
    async with database.session() as session:
        return await _owned(session, user, profile_id)


async def active_profile(database: Database, user: str) -> Profile | None:
    """The profile lessons use now, or None before the first profile is created."""
    async with database.session() as session:
        user_id = await _user_id(session, user)
        query = select(Profile).where(
            col(Profile.user_id) == user_id, col(Profile.is_active).is_(True)
        )
        return (await session.execute(query)).scalars().first()


async def use_profile(database: Database, user: str, profile_id: int) -> Profile:
    """Switch the learner's active profile."""
    async with database.session() as session:
        profile = await _owned(session, user, profile_id)
        await _activate(session, profile)
        return profile


async def change_level(
    database: Database, user: str, profile_id: int, level: Level | str
) -> Profile:
    """Move the profile to another CEFR level; its words and statistics are kept.

    New words of the new level come from `wordlists.bootstrap_from_starter` (or
    `bootstrap_level`), which the front-end calls next so it can show progress.
    """
    try:
        chosen = parse_level(level) if isinstance(level, str) else level
    except ValueError:
        raise ProfileError(key="error.setting.level", setting="level", value=str(level)) from None
    async with database.session() as session:
        profile = await _owned(session, user, profile_id)
        profile.level = chosen.value
        session.add(profile)
        return profile


async def update_profile(
    database: Database, user: str, profile_id: int, knobs: ProfileKnobs
) -> Profile:
    """Change the knobs that are set in `knobs`; the others stay."""
    changes = knobs.validated()
    async with database.session() as session:
        profile = await _owned(session, user, profile_id)
        if "name" in changes:
            clash = select(col(Profile.id)).where(
                col(Profile.user_id) == profile.user_id,
                col(Profile.name) == changes["name"],
                col(Profile.id) != profile_id,
            )
            if (await session.execute(clash)).first() is not None:
                raise ProfileError(key="error.profile.name_taken", name=changes["name"])
        for name, value in changes.items():
            setattr(profile, name, value)
        session.add(profile)
        return profile


@dataclass(frozen=True)
class StartedOver:
    """What "start over" wiped: the words stay, their progress and the history go."""

    words_reset: int
    reviews_deleted: int
    lessons_deleted: int


async def start_over(
    database: Database,
    user: str,
    profile_id: int,
    confirmation: str,
    now: datetime | None = None,
) -> StartedOver:
    """Reset every word of the profile to new and delete its reviews and lessons.

    `confirmation` must repeat the profile's name, so a slip of the finger cannot erase months of
    progress. Suspended words stay suspended; personal FSRS parameters are dropped with the log
    they were fitted to.
    """
    now = now or utcnow()
    async with database.session() as session:
        profile = await _owned(session, user, profile_id)
        if confirmation.strip() != profile.name:
            raise ProfileError(key="error.profile.confirm_start_over", name=profile.name)
        reviews = await session.execute(delete(Review).where(col(Review.profile_id) == profile_id))
        lessons = await session.execute(delete(Lesson).where(col(Lesson.profile_id) == profile_id))
        words = await reset_words(session, profile_id, None, now)
        await forget_rollups(session, profile_id)
        profile.fsrs_parameters = None
        session.add(profile)
        return StartedOver(
            words_reset=words,
            reviews_deleted=_rowcount(reviews),
            lessons_deleted=_rowcount(lessons),
        )


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
