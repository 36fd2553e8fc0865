"""The vocabulary capability as a `Core` hands it out: `core.profiles` and `core.vocabulary`.

Each method is one use case bound to the core's database, learner, clock and word sources, so a
front-end calls `await core.vocabulary.browse(profile_id)` and never holds a database. New
profiles take their lesson knobs from the settings (`lesson_size`, `new_per_day`,
`reviews_per_day`, `desired_retention`, `typing_after`) unless the caller sets them; the mastery
and leech thresholds follow the settings until a profile overrides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

from words_tui.domain.enums import Direction, Level, WordStatus
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.tags import tag_counts
from words_tui.services.parts import Parts
from words_tui.services.vocabulary.accuracy import DirectionAccuracy, direction_accuracy
from words_tui.services.vocabulary.browse import (
    DEFAULT_PAGE_SIZE,
    Cursor,
    Order,
    Page,
    ReviewRecord,
    VocabularyFilter,
    VocabularyItem,
    browse,
    count_words,
    delete_word,
    edit_meanings,
    get_word,
    reset_word,
    review_history,
    set_suspended,
)
from words_tui.services.vocabulary.details import WordDetails, word_details
from words_tui.services.vocabulary.drafts import AddOutcome, WordDraft, add_word
from words_tui.services.vocabulary.levels import (
    LanguageChoice,
    LevelFill,
    PendingWords,
    Progress,
    fill_level,
    language_choices,
    pending_words,
    translate_pending,
)
from words_tui.services.vocabulary.lookup import LookupResult, lookup_word
from words_tui.services.vocabulary.profiles import (
    THRESHOLDS,
    ProfileKnobs,
    ProfileNotFound,
    StartedOver,
    active_profile,
    change_level,
    create_profile,
    get_profile,
    list_profiles,
    start_over,
    update_profile,
    use_profile,
)
from words_tui.services.vocabulary.sources import WordSources
from words_tui.services.vocabulary.wordlists import BootstrapResult, bootstrap_from_starter

SETTING_KNOBS = (
    "lesson_size",
    "new_per_day",
    "reviews_per_day",
    "desired_retention",
    "typing_after",
)
"""Profile knobs whose default for new profiles comes from the settings of the same name."""


@dataclass(frozen=True, slots=True)
class ProfileSetting:
    """One lesson setting as a profile uses it: the value, and whether the profile overrides
    the settings' value (a knob changed since the profile took it, or a threshold set)."""

    name: str
    value: object
    overridden: bool


class Profiles:
    """The learner's language profiles: create, list, find, switch, tune, start over."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    def defaults(self) -> ProfileKnobs:
        """The knobs a new profile gets from the settings."""
        settings = self._parts.settings
        return ProfileKnobs(**{name: getattr(settings, name) for name in SETTING_KNOBS})

    def effective(self, profile: Profile) -> list[ProfileSetting]:
        """Every lesson setting the profile uses: its knobs, then the thresholds."""
        settings = self._parts.settings
        rows = []
        for name in (*SETTING_KNOBS, *THRESHOLDS):
            own, default = getattr(profile, name), getattr(settings, name)
            if name in THRESHOLDS and own is None:
                rows.append(ProfileSetting(name, default, overridden=False))
            else:
                rows.append(ProfileSetting(name, own, overridden=own != default))
        return rows

    async def create(
        self,
        native_lang: str,
        target_lang: str,
        level: Level | str = Level.A1,
        knobs: ProfileKnobs | None = None,
        *,
        activate: bool = True,
    ) -> Profile:
        """A new profile (active unless `activate` is False); knobs left unset in `knobs` take
        the settings' values."""
        chosen = knobs or ProfileKnobs()
        given = {f.name: getattr(chosen, f.name) for f in fields(chosen)}
        merged = replace(self.defaults(), **{k: v for k, v in given.items() if v is not None})
        return await create_profile(
            self._parts.database,
            self._parts.user,
            native_lang,
            target_lang,
            level,
            merged,
            activate=activate,
        )

    async def all(self) -> list[Profile]:
        """The learner's profiles, oldest first."""
        return await list_profiles(self._parts.database, self._parts.user)

    async def active(self) -> Profile | None:
        """The profile lessons use now; None before the first one is created."""
        return await active_profile(self._parts.database, self._parts.user)

    async def get(self, profile_id: int) -> Profile:
        """One of the learner's profiles; `ProfileNotFound` for anyone else's."""
        return await get_profile(self._parts.database, self._parts.user, profile_id)

    async def find(self, wanted: str | None) -> Profile:
        """The profile a command names: its id or name (any case), or the active one for None."""
        user = self._parts.user
        if wanted is None:
            active = await self.active()
            if active is None:
                raise ProfileNotFound(key="error.profile.none_yet", user=user)
            return active
        wanted = wanted.strip()
        known = await self.all()
        for profile in known:
            if str(profile.id) == wanted or profile.name.casefold() == wanted.casefold():
                return profile
        names = ", ".join(p.name for p in known) or Said("error.profile.no_names")
        raise ProfileNotFound(key="error.profile.unknown", user=user, wanted=wanted, names=names)

    async def use(self, profile_id: int) -> Profile:
        """Make the profile the active one."""
        return await use_profile(self._parts.database, self._parts.user, profile_id)

    async def update(self, profile_id: int, knobs: ProfileKnobs) -> Profile:
        """Change the knobs set in `knobs`; the others stay."""
        return await update_profile(self._parts.database, self._parts.user, profile_id, knobs)

    async def set_theme(self, profile_id: int, theme: str) -> Profile:
        """Keep the look the learner chose (one of `THEMES`) for the next start."""
        return await self.update(profile_id, ProfileKnobs(theme=theme))

    async def change_level(self, profile_id: int, level: Level | str) -> Profile:
        """Move the profile to another CEFR level (words and statistics are kept)."""
        return await change_level(self._parts.database, self._parts.user, profile_id, level)

    async def start_over(self, profile_id: int, confirmation: str) -> StartedOver:
        """Reset every word to new and delete the history; `confirmation` repeats the name."""
        return await start_over(
            self._parts.database, self._parts.user, profile_id, confirmation, self._parts.now()
        )


class Vocabulary:
    """A profile's words: fill from the starter vocabulary, look up and add, browse and edit."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    @property
    def starter_languages(self) -> frozenset[str]:
        """Languages the bundled starter vocabulary has (any pair of them fills a profile)."""
        return self._parts.starter().languages

    async def fill_from_starter(
        self, profile_id: int, level: Level | str | None = None
    ) -> BootstrapResult:
        """Add the starter words from A1 up to `level` (default: the profile's)."""
        return await bootstrap_from_starter(
            self._parts.database, profile_id, self._parts.starter(), level, now=self._parts.now()
        )

    def languages(self) -> list[LanguageChoice]:
        """Every language a profile can learn (one with a word list to build levels from),
        named in itself, the starter table's languages first."""
        return language_choices(self.starter_languages)

    async def fill_level(
        self,
        profile_id: int,
        level: Level | str | None = None,
        *,
        progress: Progress | None = None,
    ) -> LevelFill:
        """The words from A1 up to `level` (default: the profile's): the starter table's bands
        where it covers the pair, the frequency list's beyond them, translated through the
        chain (with the LLM when one is configured); words without a source wait in the
        "to translate" list."""
        return await fill_level(
            self._parts.database,
            profile_id,
            self._parts.starter(),
            await self._parts.word_sources(),
            level,
            progress=progress,
            now=self._parts.now(),
        )

    async def pending(self, profile_id: int) -> PendingWords:
        """The profile's "to translate" list."""
        return await pending_words(self._parts.database, profile_id)

    async def translate_pending(
        self, profile_id: int, *, progress: Progress | None = None
    ) -> LevelFill:
        """Translate the waiting words with the sources configured now (the LLM included)."""
        return await translate_pending(
            self._parts.database,
            profile_id,
            await self._parts.word_sources(),
            progress=progress,
            now=self._parts.now(),
        )

    async def lookup(self, profile_id: int, text: str, *, lang: str | None = None) -> LookupResult:
        """Candidate entries for a word typed in either language of the profile."""
        sources = await self._parts.word_sources()
        return await lookup_word(self._parts.database, profile_id, text, sources, lang=lang)

    async def sources(self, *, llm: bool = True) -> WordSources:
        """The word-source chain as configured, e.g. to translate many words with
        `translate`, `cancel` and `resume` (the notebook's bulk import)."""
        return await self._parts.word_sources(llm=llm)

    async def add(self, profile_id: int, draft: WordDraft) -> AddOutcome:
        """Add a word the learner typed or picked (`WordDraft.from_entry`) with both direction
        cards, introduced before the new words already waiting; a word already there gets the
        draft's new translations, tags and note merged in instead."""
        return await add_word(self._parts.database, profile_id, draft, self._parts.now())

    async def browse(
        self,
        profile_id: int,
        filters: VocabularyFilter | None = None,
        *,
        order: Order = Order.ADDED,
        after: Cursor | None = None,
        limit: int = DEFAULT_PAGE_SIZE,
    ) -> Page:
        """One page of the profile's words; pass `next_cursor` as `after` for the next."""
        return await browse(
            self._parts.database, profile_id, filters, order=order, after=after, limit=limit
        )

    async def tags(self, profile_id: int) -> list[tuple[str, int]]:
        """The tags of the profile's words, each with its number of words, commonest first."""
        async with self._parts.database.session() as session:
            return await tag_counts(session, profile_id)

    async def count(self, profile_id: int, filters: VocabularyFilter | None = None) -> int:
        return await count_words(self._parts.database, profile_id, filters)

    async def accuracy(
        self, profile_id: int, user_word_ids: Sequence[int]
    ) -> dict[int, dict[Direction, DirectionAccuracy]]:
        """Answers right and given per word and direction."""
        return await direction_accuracy(self._parts.database, profile_id, user_word_ids)

    async def get(self, profile_id: int, user_word_id: int) -> VocabularyItem:
        return await get_word(self._parts.database, profile_id, user_word_id)

    async def details(self, profile_id: int, user_word_id: int) -> WordDetails:
        """A word's entry, each direction's memory state now, and its answers."""
        return await word_details(self._parts.database, profile_id, user_word_id, self._parts.now())

    async def edit_meanings(
        self, profile_id: int, user_word_id: int, meanings: Sequence[str]
    ) -> VocabularyItem:
        return await edit_meanings(self._parts.database, profile_id, user_word_id, meanings)

    async def set_suspended(
        self, profile_id: int, user_word_id: int, suspended: bool
    ) -> WordStatus:
        return await set_suspended(self._parts.database, profile_id, user_word_id, suspended)

    async def delete(self, profile_id: int, user_word_id: int) -> None:
        await delete_word(self._parts.database, profile_id, user_word_id)

    async def reset(self, profile_id: int, user_word_id: int) -> None:
        """Back to new: both cards forget their progress (the history stays)."""
        await reset_word(self._parts.database, profile_id, user_word_id, self._parts.now())

    async def history(self, profile_id: int, user_word_id: int) -> list[ReviewRecord]:
        """Every answer given to the word, newest first."""
        return await review_history(self._parts.database, profile_id, user_word_id)
