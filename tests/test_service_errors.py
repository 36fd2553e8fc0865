"""Errors a learner can meet are raised with a catalogue key, so every front-end words them in
the interface language: each error text renders in Russian and Spanish with all its values and
none of English; and no learner-facing raise in the core carries an English sentence of its own.

Internal errors — invariants no learner can cause, a caller's programming mistake — stay English
and are listed here by file, so a new English raise has to be judged, not slipped in.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from words_tui.errors import Explained
from words_tui.i18n import CATALOGUES, Texts, cli, errors, llm_errors, service_errors
from words_tui.i18n.said import Said, read_back
from words_tui.services.bulk.jobs import ITEM_REASONS
from words_tui.services.vocabulary.levels import WAITING_REASONS

PACKAGE = Path(__file__).resolve().parents[1] / "words_tui"
ERROR_KEYS = sorted(
    key
    for module in (errors, service_errors, llm_errors, cli)
    for key in module.MESSAGES["en"]
    if key.startswith("error.")
)
LEARNER_FACING = (
    "services",
    "infrastructure/db",
    "infrastructure/importers",
    "infrastructure/llm",
    "infrastructure/dictionaries",
    "settings.py",
    "cli",
)
RAISE_WITH_TEXT = re.compile(r"raise (\w+)\(\s*f?[\"']")
NO_MESSAGE = {"AttributeError", "_RowError"}
"""Raises whose first string is no message: a module's missing attribute, a row's field name."""
INTERNAL = {
    "services/lessons/service.py": 2,
    "services/lessons/changes.py": 1,
    "services/lessons/queries.py": 1,
    "services/stats/history.py": 1,
    "services/stats/log.py": 1,
    "services/stats/reminders.py": 1,
    "services/bulk/jobs.py": 1,
    "services/bulk/liveness.py": 1,
    "services/demo/history.py": 1,
    "services/transfer/batch.py": 1,
    "infrastructure/db/types.py": 1,
    "infrastructure/db/migrations/env.py": 1,
    "infrastructure/llm/client.py": 1,
    "infrastructure/llm/pacing.py": 1,
    "infrastructure/llm/rate_limited.py": 1,
    "infrastructure/dictionaries/dictzip.py": 3,
}
"""English raises that no learner meets as they are: a card that is not the lesson's current
one, an id no screen offers, a window `remind` rewords, a naive datetime, a demo that would
overwrite a database, a client built with limits that are not positive, an empty word given to
the LLM client; and low-level details that a keyed error carries as its `problem` (a damaged
dictzip inside `error.dictd.unreadable`)."""


def values_for(template: str) -> dict[str, str]:
    return {name: f"<{name}>" for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", ["ru", "es"])
@pytest.mark.parametrize("key", ERROR_KEYS)
def test_every_error_text_renders_in_the_language(key: str, language: str) -> None:
    english = CATALOGUES["en"][key]
    values: dict[str, object] = values_for(
        english if isinstance(english, str) else english["other"]
    )
    if "count" in values:
        values["count"] = 7
    error = Explained(key=key, **values)
    shown = Texts(language).error(error)
    assert shown != str(error)
    assert all(str(value) in shown for value in values.values()), shown
    assert not re.search(r"\{\w+\}", shown)
    assert str(error) == Texts("en")(key, **values)


@pytest.mark.parametrize(
    ("kept_by", "key"),
    [("item", key) for key in ITEM_REASONS] + [("waiting", key) for key in WAITING_REASONS],
)
def test_every_reason_kept_as_english_is_read_back_in_the_language(kept_by: str, key: str) -> None:
    """Why a job's word failed (its item) or why a word waits (the waiting list) is kept as
    English text and read back by key with its values: shown in Russian, a count as a number."""
    keys = ITEM_REASONS if kept_by == "item" else WAITING_REASONS
    english = CATALOGUES["en"][key]
    values: dict[str, object] = values_for(
        english if isinstance(english, str) else english["other"]
    )
    if "count" in values:
        values["count"] = 1234
    kept = str(Said(key, **values))
    assert Texts("ru").said(read_back(kept, keys)) == Texts("ru")(key, **values)


def test_no_learner_facing_raise_carries_english_text() -> None:
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith(LEARNER_FACING):
            continue
        text = path.read_text(encoding="utf-8")
        raises = [m for m in RAISE_WITH_TEXT.finditer(text) if m[1] not in NO_MESSAGE]
        if raises:
            found[relative] = len(raises)
    assert found == INTERNAL
