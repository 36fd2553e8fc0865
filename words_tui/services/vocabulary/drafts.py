"""A word as the learner adds it: typed by hand, or a source's entry they may have edited.

Add word (the quiz and the notebooks) ends here. The learner gives the headword in the language
they learn and their own translations, optionally an example, a note and tags; when a source
had an entry, the draft starts from it (`WordDraft.from_entry`) and keeps its word forms, parts
of speech and examples. What the learner changed is stored as their own entry, private to the
profile like an import; an entry taken as it was keeps its source.

A word already in the vocabulary is never doubled: the new translations, tags and note are
merged into it, and the outcome says what changed. A word added by hand is introduced before
the words a level or an import queued earlier, so it comes up in the next lesson.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import CardState
from words_tui.domain.text import clean_text, word_key
from words_tui.errors import InputError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, UserWord
from words_tui.services.vocabulary.profiles import profile_by_id
from words_tui.services.vocabulary.words import NewWord, add_words, import_source

TRANSLATION_SEPARATORS = (";", ",")
AHEAD = timedelta(seconds=1)
"""How far before the first waiting new card a word added by hand is queued."""


def split_translations(text: str) -> list[str]:
    """Translations typed in one line: `bat, club; racket` → three (blank parts dropped)."""
    parts = [text]
    for separator in TRANSLATION_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [cleaned for cleaned in dict.fromkeys(clean_text(p) for p in parts) if cleaned]


@dataclass(frozen=True)
class WordDraft:
    """What the learner wants added: `word` in the profile's target language, `translations`
    in the native language (the first is the main one), and optionally an example sentence,
    a note, tags and a part of speech. `base` is the source's entry the draft started from."""

    word: str
    translations: Sequence[str]
    example: str = ""
    note: str = ""
    tags: Sequence[str] = ()
    pos: str = ""
    base: WordEntry | None = field(default=None, compare=False)

    @classmethod
    def from_entry(cls, entry: WordEntry, translations: Sequence[str] | None = None) -> WordDraft:
        """A draft that adds `entry` as it is, with the `translations` picked (default: all)."""
        first = entry.examples[0].source if entry.examples else ""
        return cls(
            word=entry.word,
            translations=list(entry.translations if translations is None else translations),
            example=first,
            pos=entry.pos,
            base=entry,
        )

    def cleaned(self) -> WordDraft:
        """Whitespace tidied, blanks and repeats dropped; `ValueError` naming what is missing."""
        word = clean_text(self.word)
        translations = [t for t in dict.fromkeys(clean_text(t) for t in self.translations) if t]
        if not word:
            raise InputError(key="error.word.type_word")
        if not translations:
            raise InputError(key="error.word.type_translation", word=word)
        tags = [tag for tag in dict.fromkeys(clean_text(t) for t in self.tags) if tag]
        return WordDraft(
            word=word,
            translations=translations,
            example=clean_text(self.example),
            note=self.note.strip(),
            tags=tags,
            pos=clean_text(self.pos),
            base=self.base,
        )

    def as_is(self) -> bool:
        """Whether the draft only picks from its base entry (so the entry keeps its source)."""
        base = self.base
        if base is None or word_key(base.word) != word_key(self.word) or self.pos != base.pos:
            return False
        first = base.examples[0].source if base.examples else ""
        return set(self.translations) <= set(base.translations) and self.example in ("", first)

    def new_word(self, profile_id: int) -> NewWord:
        """The word to add: the base entry as it is, or the learner's own entry."""
        base = self.base
        if base is not None and self.as_is():
            return NewWord.from_entry(
                base, self.translations, notes=self.note, tags=tuple(self.tags)
            )
        same_word = base is not None and word_key(base.word) == word_key(self.word)
        known = {m.text: m for m in base.meanings} if base is not None else {}
        meanings = tuple(known.get(t) or Meaning(text=t, pos=self.pos) for t in self.translations)
        examples: tuple[Example, ...] = (Example(source=self.example),) if self.example else ()
        if base is not None and same_word:
            examples += tuple(e for e in base.examples if e.source != self.example)
        return NewWord(
            text=self.word,
            meanings=meanings,
            source=import_source(profile_id),
            pos=self.pos,
            examples=examples,
            forms=dict(base.forms) if base is not None and same_word else {},
            notes=self.note,
            tags=tuple(self.tags),
        )


@dataclass(frozen=True)
class AddOutcome:
    """The word added, or the one already there (`created` False) with what was merged into
    it, and a line for the learner."""

    user_word_id: int
    created: bool
    message: str
    merged_translations: tuple[str, ...] = ()


async def add_word(
    database: Database, profile_id: int, draft: WordDraft, now: datetime
) -> AddOutcome:
    """Add the draft with both direction cards, or merge it into the word already there."""
    draft = draft.cleaned()
    word = draft.new_word(profile_id)
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        added = await add_words(session, profile, [word], now)
        user_word_id = added.user_words[word.identity]
        if added.created:
            await _introduce_first(session, profile, user_word_id)
            return AddOutcome(user_word_id, True, f"added '{draft.word}'")
        new = await _merge(session, user_word_id, draft)
    if new:
        listed = ", ".join(new)
        message = f"'{draft.word}' was already in your vocabulary: added {listed}"
    else:
        message = f"'{draft.word}' is already in your vocabulary; nothing changed"
    return AddOutcome(user_word_id, False, message, tuple(new))


async def _merge(session: AsyncSession, user_word_id: int, draft: WordDraft) -> list[str]:
    """Unite the draft's translations, tags and note with the stored word's; the translations
    that were new."""
    user_word = await session.get(UserWord, user_word_id)
    assert user_word is not None
    new = [t for t in draft.translations if t not in user_word.meanings]
    tags = list(dict.fromkeys([*user_word.tags, *draft.tags]))
    notes = user_word.notes
    if draft.note and draft.note not in notes:
        notes = f"{notes}\n{draft.note}" if notes else draft.note
    if new or tags != user_word.tags or notes != user_word.notes:
        user_word.meanings = [*user_word.meanings, *new]
        user_word.tags = tags
        user_word.notes = notes
        session.add(user_word)
    return new


async def _introduce_first(session: AsyncSession, profile: Profile, user_word_id: int) -> None:
    """Put the new word's cards before every new card still waiting: new cards are introduced
    in the order they fall due, and a word added by hand is wanted now, not after a level's."""
    query = select(func.min(col(Card.due))).where(
        col(Card.profile_id) == profile.id,
        col(Card.state) == int(CardState.NEW),
        col(Card.last_review).is_(None),
        col(Card.user_word_id) != user_word_id,
    )
    first: datetime | None = (await session.execute(query)).scalar_one_or_none()
    if first is not None:
        await session.execute(
            update(Card)
            .where(col(Card.user_word_id) == user_word_id, col(Card.due) >= first)
            .values(due=first - AHEAD)
        )
