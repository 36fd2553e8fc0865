"""How an import changes a word already in the profile: the merge rules and what is reported.

Re-importing must never narrow what a learner has, so the file's translations, examples, tags,
note lines and new forms are added to the stored ones (`united`, `joined_notes`);
`describe_change` says, field by field, what an import did to each word for its report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from words_tui.domain.entries import Example, Meaning
from words_tui.i18n.said import Said

if TYPE_CHECKING:
    from words_tui.services.transfer.plan import Change

T = TypeVar("T")


def united(stored: Sequence[T], new: Sequence[T], key: Callable[[T], Any] = lambda x: x) -> list[T]:
    """The stored items, then the new ones not among them (by `key`), in their order."""
    seen = {key(item) for item in stored}
    merged = list(stored)
    for item in new:
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def joined_notes(stored: str, new: str) -> str:
    """The stored note with the new one's lines it does not have yet, below it."""
    lines = [line for line in (*stored.splitlines(), *new.splitlines()) if line.strip()]
    return "\n".join(dict.fromkeys(lines))


def describe_change(
    change: Change, meanings: list[Meaning], examples: list[Example]
) -> tuple[str, ...]:
    """What a change does to the stored word, field by field, for the import's report."""
    word = change.existing
    if word is None:
        return ()
    details: list[str] = []  # each a `Said`, worded anew by a front-end
    before = [m.text for m in meanings]
    after = [m.text for m in change.meanings]
    added = [text for text in after if text not in before]
    removed = [text for text in before if text not in after]
    if added:
        details.append(Said("import.change.translations_added", texts=", ".join(added)))
    if removed:
        details.append(Said("import.change.translations_removed", texts=", ".join(removed)))
    if change.examples != examples:
        details.append(
            Said("import.change.examples", before=len(examples), after=len(change.examples))
        )
    if change.forms != word.forms:
        details.append(Said("import.change.forms"))
    if change.notes != word.notes:
        details.append(Said("import.change.notes"))
    new_tags = [tag for tag in change.tags if tag not in word.tags]
    if new_tags:
        details.append(Said("import.change.tags_added", tags=", ".join(new_tags)))
    if any(tag not in change.tags for tag in word.tags):
        details.append(Said("import.change.tags_removed"))
    if change.renamed:
        details.append(Said("import.change.renamed", word=change.record.word))
    if change.status != word.status:
        details.append(Said("import.change.status"))
    if change.cards:
        details.append(Said("import.change.progress"))
    return tuple(details)
