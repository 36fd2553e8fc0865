"""Language data kept on disk in a form a new process reads in milliseconds.

simplemma ships each language's table of word forms (form → lemma, 800k entries for Spanish)
compressed; using it means decoding the whole table into a dict, 0.4–0.7 s of CPU per language
and seconds on a busy machine — time a typed answer in a freshly started quiz would wait for.
So each table is written once into an SQLite file of its own (a sorted key → value table,
about 25 MB for Spanish) under the user's cache directory, and every later process opens it and
reads one key at a time (a few microseconds each). The starter vocabulary's words of a
language pair are kept beside it as JSON for the same reason (parsing the packaged vocabulary
costs a quarter of a second).

Files are immutable once written: built in a temporary file and renamed into place, named by
what they were built from (simplemma's version, a digest of the vocabulary), so a process never
sees half a file, two processes building at once both end with a whole one, and an upgrade
builds new files instead of reading stale ones. They are opened read-only and `immutable`:
no locks, nothing that could disturb another connection.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

import platformdirs

from words_tui.settings import APP_NAME

FORMAT = 1
"""Bumped when the files' layout changes."""
STALE_AFTER_S = 3600.0
"""A temporary file untouched this long was left by a killed process (a build takes seconds)."""
FORM_QUERY = "SELECT lemma FROM forms WHERE form = ?"


def default_directory() -> Path:
    """The user's cache directory for words-tui's rebuildable language files."""
    return platformdirs.user_cache_path(APP_NAME) / "lexicon"


class StoredForms(Mapping[str, str]):
    """One language's form → lemma table in its SQLite file, read a key at a time.

    simplemma's strategies only call `get`; iteration and `len` exist for the Mapping contract.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(
            f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.execute(FORM_QUERY, (key,)).fetchone()
        return row[0] if row is not None else default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return str(value)

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._db.execute("SELECT form FROM forms ORDER BY form"))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM forms").fetchone()[0])


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """`write` a temporary file beside `path`, then rename it into place; temporary files a
    process left when it was killed while writing are removed once they are old."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for left in path.parent.glob("*.tmp"):
        with suppress(OSError):  # another process may be removing it too
            if time.time() - left.stat().st_mtime > STALE_AFTER_S:
                left.unlink()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def write_forms(path: Path, table: Iterable[tuple[str, str]]) -> None:
    """Store a form → lemma table at `path` (atomically)."""

    def write(temporary: Path) -> None:
        db = sqlite3.connect(temporary)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute(
                "CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID"
            )
            # Sorted keys append to the b-tree instead of splitting pages all over it.
            db.executemany("INSERT INTO forms VALUES (?, ?)", sorted(table))
            db.commit()
        finally:
            db.close()

    _write_atomically(path, write)


def write_json(path: Path, value: object) -> None:
    """Store `value` as JSON at `path` (atomically)."""

    def write(temporary: Path) -> None:
        temporary.write_text(json.dumps(value), "utf-8")

    _write_atomically(path, write)


class LexiconStore:
    """The language files in one directory: opened when present, built when asked to."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_directory()
        self._open: dict[Path, StoredForms] = {}
        self._lock = threading.Lock()

    def forms_path(self, language: str, version: str) -> Path:
        return self.directory / f"forms-{language}-simplemma{version}-f{FORMAT}.sqlite"

    def forms(self, path: Path) -> StoredForms | None:
        """The stored table at `path`, or None when it has not been built."""
        with self._lock:
            found = self._open.get(path)
            if found is None and path.exists():
                found = self._open[path] = StoredForms(path)
            return found

    def json_path(self, name: str) -> Path:
        return self.directory / f"{name}-f{FORMAT}.json"

    def read_json(self, path: Path) -> Any:
        """The JSON stored at `path`, or None when there is none to read."""
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):  # missing, unreadable, or not JSON: built again
            return None
