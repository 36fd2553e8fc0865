"""Exporting to CSV: every field, and export → import → export gives the same file."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlmodel import col

from tests.import_builders import Note21b, anki21b_apkg
from words_tui.domain.enums import WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, UserWord
from words_tui.services.transfer.import_export import export_profile, import_file
from words_tui.services.vocabulary.profiles import create_profile

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
RICH_CSV = (
    "word,pos,translations,examples,forms,notes,tags,status\n"
    'Bank,noun,"[noun] bank (money); bench (to sit on)","Ich sitze auf der Bank. | I sit on the bench.\n'
    'Zur Bank gehen.","plural=Bänke; gender=f","two meanings\nremember both","money; furniture",learning\n'
    "Baum,,tree,,,,,new\n"
)


async def profile_of(database: Database, user: str) -> Profile:
    profile = await create_profile(database, user, "en", "de", "A1")
    assert profile.id is not None
    return profile


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def filled_profile(database: Database, tmp_path: Path) -> Profile:
    profile = await profile_of(database, "ann")
    assert profile.id is not None
    source = tmp_path / "rich.csv"
    source.write_text(RICH_CSV, encoding="utf-8")
    await import_file(database, profile.id, source, now=NOW)
    card = {
        "ord": 0,
        "type": 2,
        "queue": 2,
        "ivl": 8,
        "reps": 2,
        "reviews": [(1_735_000_000_000, 3)],
    }
    deck = anki21b_apkg(tmp_path / "d.apkg", [Note21b(1, "g1", ["house", "Haus"], cards=[card])])
    await import_file(database, profile.id, deck, now=NOW)
    return profile


async def test_the_csv_has_every_field(database: Database, tmp_path: Path) -> None:
    profile = await filled_profile(database, tmp_path)
    assert profile.id is not None
    await export_profile(database, profile.id, tmp_path / "out.csv", "csv")
    bank = rows(tmp_path / "out.csv")[0]
    assert bank["word"] == "Bank" and bank["pos"] == "noun"
    assert bank["translations"] == "[noun] bank (money); bench (to sit on)"
    assert bank["examples"] == "Ich sitze auf der Bank. | I sit on the bench.\nZur Bank gehen."
    assert (bank["forms"], bank["tags"], bank["status"]) == (
        "plural=Bänke; gender=f",
        "money; furniture",
        "learning",
    )
    assert bank["notes"] == "two meanings\nremember both"
    assert bank["key"] == "w:de:noun:bank"


async def test_export_import_export_gives_the_same_file(database: Database, tmp_path: Path) -> None:
    ann = await filled_profile(database, tmp_path)
    bob = await profile_of(database, "bob")
    assert ann.id is not None and bob.id is not None
    await export_profile(database, ann.id, tmp_path / "ann.csv", "csv")
    report = await import_file(database, bob.id, tmp_path / "ann.csv")
    assert (report.created, report.skipped) == (3, 0)
    await export_profile(database, bob.id, tmp_path / "bob.csv", "csv")
    assert (tmp_path / "bob.csv").read_text(encoding="utf-8") == (tmp_path / "ann.csv").read_text(
        encoding="utf-8"
    )


async def test_reimporting_an_unedited_export_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    profile = await filled_profile(database, tmp_path)
    assert profile.id is not None
    await export_profile(database, profile.id, tmp_path / "out.csv", "csv")
    report = await import_file(database, profile.id, tmp_path / "out.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)


async def test_an_edited_export_imported_with_replace_updates_its_words_without_duplicates(
    database: Database, tmp_path: Path
) -> None:
    profile = await filled_profile(database, tmp_path)
    assert profile.id is not None
    out = tmp_path / "out.csv"
    await export_profile(database, profile.id, out, "csv")
    table = rows(out)
    table[1]["word"], table[1]["translations"] = "Bäume", "trees"
    table[1]["status"] = "suspended"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    report = await import_file(database, profile.id, out, overwrite=True)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    async with database.session() as session:
        statuses = (await session.execute(select(UserWord.meanings, UserWord.status))).all()
    assert (["trees"], WordStatus.SUSPENDED) in [(m, s) for m, s in statuses]
    assert len(statuses) == 3


async def test_edited_card_progress_is_taken_when_not_older(
    database: Database, tmp_path: Path
) -> None:
    profile = await filled_profile(database, tmp_path)
    assert profile.id is not None
    out = tmp_path / "out.csv"
    await export_profile(database, profile.id, out, "csv")
    async with database.session() as session:
        await session.execute(update(Card).values(reps=0, lapses=0, stage=0))
    await import_file(database, profile.id, out)
    async with database.session() as session:
        reps = (
            (await session.execute(select(Card.reps).where(col(Card.last_review).is_not(None))))
            .scalars()
            .all()
        )
    assert reps == [2]
