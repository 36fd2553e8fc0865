"""Deciding what an import changes, before touching the database.

Records are merged when a file names the same word twice, matched to the profile's words by stable
key (`UserWord.ext_key`), then by the word itself, and compared with what is stored: only real
differences become writes, so importing the same file again changes nothing. A field the source
does not have (`ImportRecord.provided`) is kept as stored, never erased.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import Direction, WordStatus
from words_tui.domain.text import clean_text, word_key
from words_tui.i18n.said import Said
from words_tui.infrastructure.importers import ImportedCard, ImportRecord, Problem
from words_tui.services.transfer.changes import describe_change, joined_notes, united
from words_tui.services.vocabulary import Identity, dump_examples, dump_meanings

DERIVED_KEY_PREFIX = "w:"
MAX_KEY_LENGTH = 200
"""`UserWord.ext_key`'s column size."""


def derived_key(lang: str, norm: str, pos: str) -> str:
    """The stable key of a word that came with none (typed in the TUI, hand-made CSV)."""
    return f"{DERIVED_KEY_PREFIX}{lang}:{pos}:{norm}"


def identity_of_key(key: str) -> Identity | None:
    if not key.startswith(DERIVED_KEY_PREFIX):
        return None
    parts = key[len(DERIVED_KEY_PREFIX) :].split(":", 2)
    return (parts[2], parts[1]) if len(parts) == 3 else None


def stored_key(key: str | None) -> str | None:
    """The key worth storing in `UserWord.ext_key`: a source's own id (an Anki GUID, a CSV key),
    never a derived word key (the word itself says that) nor one too long for the column."""
    if key is None or identity_of_key(key) is not None or len(key) > MAX_KEY_LENGTH:
        return None
    return key


def language_base(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


@dataclass
class ExistingCard:
    id: int
    progress: ImportedCard


@dataclass
class ExistingWord:
    """A user word of the profile as stored, with the entry it points at and its cards."""

    user_word_id: int
    word_id: int
    norm: str
    pos: str
    ext_key: str | None
    entry_id: int | None
    chosen: list[str]
    entry_meanings: list[dict[str, str]]
    examples: list[dict[str, str]]
    forms: dict[str, str]
    notes: str
    tags: list[str]
    status: int
    text: str = ""
    cefr: str | None = None
    added_at: datetime | None = None
    cards: dict[Direction, ExistingCard] = field(default_factory=dict)


@dataclass
class Change:
    """What one (merged) record asks for; `existing` is None for a word new to the profile."""

    record: ImportRecord
    identity: Identity
    existing: ExistingWord | None
    meanings: list[Meaning]
    examples: list[Example]
    forms: dict[str, str]
    notes: str
    tags: list[str]
    status: int
    entry_changed: bool = True
    word_changed: bool = True
    cards: list[tuple[ImportedCard, int | None]] = field(default_factory=list)
    """Progress to write, with the id of the card it overwrites (None: a card to create)."""
    details: tuple[str, ...] = ()
    """What changes in a stored word, one phrase per field ("translations + home")."""

    @property
    def renamed(self) -> bool:
        return (
            self.existing is not None and (self.existing.norm, self.existing.pos) != self.identity
        )

    @property
    def changed(self) -> bool:
        return self.existing is None or self.entry_changed or self.word_changed or bool(self.cards)


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    merged: list[Problem] = field(default_factory=list)
    adopted_keys: list[tuple[int, str]] = field(default_factory=list)
    """(user word id, key): stored words that had no stable key take the file's, silently."""
    untranslated: list[ImportRecord] = field(default_factory=list)
    """New words skipped because they have no translation (not among `problems`)."""


def identity_of(record: ImportRecord) -> Identity:
    return (word_key(record.word), clean_text(record.pos))


def _merge(first: ImportRecord, other: ImportRecord) -> ImportRecord:
    meanings = {m.text: m for m in (*first.meanings, *other.meanings)}
    notes = "\n".join(dict.fromkeys(n for n in (first.notes, other.notes) if n))
    return replace(
        first,
        provided=first.provided | other.provided,
        meanings=tuple(meanings.values()),
        examples=tuple(dict.fromkeys((*first.examples, *other.examples))),
        forms={**other.forms, **first.forms},
        notes=notes,
        tags=tuple(dict.fromkeys((*first.tags, *other.tags))),
        cards=first.cards or other.cards,
    )


def with_entry(record: ImportRecord, entry: WordEntry | None) -> ImportRecord:
    """A record without translations, completed by what a source knows about its word: the
    entry's meanings and part of speech, its examples and forms where the record has none."""
    if record.meanings or entry is None or not entry.meanings:
        return record
    return replace(
        record,
        provided=record.provided | {"translations"},
        meanings=entry.meanings,
        examples=record.examples or entry.examples,
        forms={**entry.forms, **record.forms},
        pos=record.pos or entry.pos,
    )


def merge_duplicates(
    records: list[ImportRecord], target_lang: str
) -> tuple[dict[Identity, ImportRecord], list[Problem], list[Problem]]:
    """One record per word, by identity: repeats are merged into the first (meanings, examples,
    tags united)."""
    kept: dict[Identity, ImportRecord] = {}
    keys: dict[str, Identity] = {}
    problems: list[Problem] = []
    merged: list[Problem] = []
    target = language_base(target_lang)
    for record in records:
        if record.lang is not None and language_base(record.lang) != target:
            reason = Said(
                "import.problem.other_language",
                word=record.word,
                language=record.lang,
                target=target_lang,
            )
            problems.append(Problem(record.location, reason))
            continue
        identity = identity_of(record)
        if record.key is not None and keys.get(record.key, identity) != identity:
            first = kept[keys[record.key]]
            problems.append(
                Problem(record.location, f"key '{record.key}' already used at {first.location}")
            )
            continue
        if identity in kept:
            first = kept[identity]
            merged.append(
                Problem(record.location, Said("import.problem.merged", first=str(first.location)))
            )
            kept[identity] = _merge(first, record)
            continue
        kept[identity] = record
        if record.key is not None:
            keys[record.key] = identity
    return kept, problems, merged


class Matcher:
    """Finds the stored word a record refers to: by key, by derived key, by word, by text alone."""

    def __init__(self, existing: list[ExistingWord]) -> None:
        self.by_key = {w.ext_key: w for w in existing if w.ext_key}
        self.by_identity = {(w.norm, w.pos): w for w in existing}
        self.by_norm: dict[str, list[ExistingWord]] = {}
        for word in existing:
            self.by_norm.setdefault(word.norm, []).append(word)

    def match(self, record: ImportRecord, identity: Identity) -> ExistingWord | None:
        if record.key is not None:
            found = self.by_key.get(record.key)
            derived = identity_of_key(record.key)
            if found is None and derived is not None:
                found = self.by_identity.get(derived)
            if found is not None:
                return found
        found = self.by_identity.get(identity)
        if found is None and "pos" not in record.provided:
            candidates = self.by_norm.get(identity[0], [])
            found = candidates[0] if len(candidates) == 1 else None
        return found


def _details(word: ExistingWord) -> list[Meaning]:
    known = {m.get("text"): m for m in word.entry_meanings}
    return [Meaning.model_validate(known.get(text) or {"text": text}) for text in word.chosen]


def _progress_changes(
    word: ExistingWord | None, record: ImportRecord
) -> list[tuple[ImportedCard, int | None]]:
    """Imported progress that is at least as recent as the stored one and differs from it."""
    if word is None:
        return [(card, None) for card in record.cards]
    changes: list[tuple[ImportedCard, int | None]] = []
    for progress in record.cards:
        stored = word.cards.get(progress.direction)
        if stored is None:
            continue
        mine: datetime | None = stored.progress.last_review
        theirs = progress.last_review
        recent = (theirs is None and mine is None) or (
            theirs is not None and (mine is None or theirs >= mine)
        )
        if recent and progress != stored.progress:
            changes.append((progress, stored.id))
    return changes


def plan_change(
    record: ImportRecord, identity: Identity, word: ExistingWord | None, *, overwrite: bool = False
) -> Change:
    """Compare one record with the stored word (if any) and say what must be written.

    A stored word keeps what it has: the record's translations, examples, tags, note lines and
    new forms are added to it (re-importing a thinner list never narrows a richer word); with
    `overwrite`, every field the record provides replaces the stored one instead.
    """
    provided = record.provided
    meanings = list(record.meanings)
    if word is None:
        status = int(record.status if record.status is not None else WordStatus.NEW)
        return Change(
            record,
            identity,
            None,
            meanings,
            list(record.examples),
            dict(record.forms),
            record.notes,
            list(record.tags),
            status,
            cards=_progress_changes(None, record),
        )
    current = _details(word)
    stored_examples = [Example.model_validate(e) for e in word.examples]
    if "translations" not in provided or not meanings:
        meanings = current
    elif not overwrite:
        meanings = united(current, meanings, key=lambda m: m.text)
    examples = stored_examples
    if "examples" in provided:
        examples = list(record.examples) if overwrite else united(examples, record.examples)
    forms = dict(word.forms)
    if "forms" in provided:
        forms = dict(record.forms) if overwrite else {**record.forms, **word.forms}
    notes = word.notes
    if "notes" in provided:
        notes = record.notes if overwrite else joined_notes(word.notes, record.notes)
    tags = list(word.tags)
    if "tags" in provided:
        tags = list(record.tags) if overwrite else united(tags, record.tags)
    elif record.tags:  # the file's name, for a file that names no tags of its own
        tags = united(tags, record.tags)
    cards = _progress_changes(word, record)
    status = word.status
    if record.status is not None and ("status" in provided or cards):
        status = int(record.status)
    change = Change(
        record,
        identity,
        word,
        meanings,
        examples,
        forms,
        notes,
        tags,
        status,
        cards=cards,
    )
    change.entry_changed = (
        dump_meanings(meanings) != dump_meanings(current)
        or dump_examples(examples) != word.examples
        or forms != word.forms
    )
    change.word_changed = (
        change.entry_changed
        or change.renamed
        or notes != word.notes
        or tags != word.tags
        or status != word.status
    )
    change.details = describe_change(change, current, stored_examples)
    return change


def _conflict(
    record: ImportRecord,
    identity: Identity,
    word: ExistingWord,
    matcher: Matcher,
    claimed: dict[int, ImportRecord],
) -> Problem | None:
    if word.user_word_id in claimed:
        first = claimed[word.user_word_id]
        return Problem(record.location, Said("import.problem.same_word", first=str(first.location)))
    holder = matcher.by_identity.get(identity)
    if holder is not None and holder is not word:
        reason = f"renames '{word.norm}' to '{record.word}', which is already in the profile"
        return Problem(record.location, reason)
    return None


def plan_import(
    records: list[ImportRecord],
    existing: list[ExistingWord],
    target_lang: str,
    *,
    overwrite: bool = False,
) -> Plan:
    """Everything the records change in the profile, the problems that skip records, and the
    new words skipped for want of a translation; `overwrite` as in `plan_change`."""
    kept, problems, merged = merge_duplicates(records, target_lang)
    plan = Plan(problems=problems, merged=merged)
    matcher = Matcher(existing)
    claimed: dict[int, ImportRecord] = {}
    for identity, record in kept.items():
        word = matcher.match(record, identity)
        if word is not None:
            if "pos" not in record.provided:
                identity = (identity[0], word.pos)
            problem = _conflict(record, identity, word, matcher, claimed)
            if problem is not None:
                plan.problems.append(problem)
                continue
            claimed[word.user_word_id] = record
            key = stored_key(record.key)
            if word.ext_key is None and key is not None:
                plan.adopted_keys.append((word.user_word_id, key))
        elif not record.meanings:
            plan.untranslated.append(record)
            continue
        change = plan_change(record, identity, word, overwrite=overwrite)
        if change.changed:
            plan.changes.append(change)
        else:
            plan.unchanged += 1
    return plan
