"""Reading Anki packages: classic genanki decks, schema-18 `anki21b` decks, history → FSRS state."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.import_builders import CLOZE_MODEL, Note21b, anki21b_apkg, fsrs_data, genanki_apkg
from words_tui.domain.enums import CardState, Direction, Stage, WordStatus
from words_tui.infrastructure.importers import SourceError, parse_file

DAY_MS = 86_400_000
START_MS = 1_700_000_000_000


def test_front_and_back_become_word_and_translation(tmp_path: Path) -> None:
    path = genanki_apkg(
        tmp_path / "d.apkg", [("Haus", "house<br>home", "Das <b>Haus</b> ist alt.")]
    )
    record = parse_file(path).records[0]
    assert record.word == "Haus"
    assert [m.text for m in record.meanings] == ["house", "home"]
    assert record.examples[0].source == "Das Haus ist alt."


def test_the_note_guid_is_the_stable_key(tmp_path: Path) -> None:
    path = genanki_apkg(tmp_path / "d.apkg", [("Haus", "house", "")], guids=["abc123"])
    assert parse_file(path).records[0].key == "anki:abc123"


def test_html_entities_and_sounds_are_cleaned(tmp_path: Path) -> None:
    path = genanki_apkg(tmp_path / "d.apkg", [("Stra&szlig;e [sound:s.mp3]", "street&nbsp;", "")])
    record = parse_file(path).records[0]
    assert (record.word, record.meanings[0].text) == ("Straße", "street")


def test_the_user_mapping_overrides_the_guess(tmp_path: Path) -> None:
    path = genanki_apkg(tmp_path / "d.apkg", [("house", "Haus", "")])
    record = parse_file(path, mapping={"word": "Back", "translations": "Front"}).records[0]
    assert (record.word, record.meanings[0].text) == ("Haus", "house")


def test_a_mapping_to_a_field_no_note_type_has_is_refused(tmp_path: Path) -> None:
    path = genanki_apkg(tmp_path / "d.apkg", [("Haus", "house", "")])
    with pytest.raises(SourceError, match="no note type has a field 'Wort'"):
        parse_file(path, mapping={"word": "Wort"})


def test_cloze_notes_are_reported_not_imported(tmp_path: Path) -> None:
    path = genanki_apkg(tmp_path / "c.apkg", [("{{c1::Haus}} ist alt", "")], model=CLOZE_MODEL)
    parsed = parse_file(path)
    assert parsed.records == []
    assert "cloze" in str(parsed.problems[0]) and "note " in str(parsed.problems[0])


def test_an_empty_word_field_is_a_located_problem(tmp_path: Path) -> None:
    parsed = parse_file(genanki_apkg(tmp_path / "d.apkg", [("<br>", "house", "")]))
    assert "[Front]: the word is empty" in str(parsed.problems[0])


def test_the_newer_zstd_collection_is_read_with_its_field_tables(tmp_path: Path) -> None:
    notes = [Note21b(1, "g1", ["house", "Haus"], tags=" home building ")]
    record = parse_file(anki21b_apkg(tmp_path / "new.apkg", notes)).records[0]
    assert (record.word, record.meanings[0].text, record.tags) == (
        "Haus",
        "house",
        ("home", "building"),
    )


def test_review_history_becomes_fsrs_state_per_direction(tmp_path: Path) -> None:
    reviews = [(START_MS, 3), (START_MS + DAY_MS, 3), (START_MS + 4 * DAY_MS, 3)]
    cards = [
        {"ord": 0, "type": 2, "queue": 2, "ivl": 10, "reps": 3, "reviews": reviews},
        {"ord": 1, "type": 0, "queue": 0},
    ]
    notes = [Note21b(1, "g1", ["house", "Haus"], cards=cards)]
    record = parse_file(anki21b_apkg(tmp_path / "h.apkg", notes)).records[0]
    (progress,) = record.cards
    assert progress.direction == Direction.FOREIGN_TO_NATIVE
    assert progress.state == CardState.REVIEW and progress.stage == Stage.TYPING
    assert progress.reps == 3 and progress.stability is not None and progress.stability > 1
    assert progress.last_review == datetime.fromtimestamp((START_MS + 4 * DAY_MS) / 1000, UTC)
    assert progress.due > progress.last_review
    assert record.status == WordStatus.REVIEW


def test_ankis_own_fsrs_memory_wins_over_the_replay(tmp_path: Path) -> None:
    card = {
        "ord": 1,
        "type": 2,
        "queue": 2,
        "ivl": 5,
        "reps": 1,
        "data": fsrs_data(42.5, 3.25),
        "reviews": [(START_MS, 4)],
    }
    notes = [Note21b(1, "g1", ["house", "Haus"], cards=[card])]
    (progress,) = parse_file(anki21b_apkg(tmp_path / "f.apkg", notes)).records[0].cards
    assert progress.direction == Direction.NATIVE_TO_FOREIGN
    assert (progress.stability, progress.difficulty) == (42.5, 3.25)


def test_a_card_without_history_keeps_its_interval_as_stability(tmp_path: Path) -> None:
    card = {"ord": 0, "type": 2, "queue": -1, "due": 30, "ivl": 12, "reps": 7, "lapses": 1}
    notes = [Note21b(1, "g1", ["house", "Haus"], cards=[card])]
    (progress,) = (
        parse_file(anki21b_apkg(tmp_path / "i.apkg", notes, created=1_700_000_000)).records[0].cards
    )
    assert (progress.stability, progress.reps, progress.lapses, progress.active) == (
        12.0,
        7,
        1,
        False,
    )
    assert progress.due == datetime.fromtimestamp(1_700_000_000 + 30 * 86_400, UTC)


def test_templates_asking_with_the_translation_are_the_native_to_foreign_card(
    tmp_path: Path,
) -> None:
    card = {"ord": 0, "type": 2, "queue": 2, "ivl": 3, "reps": 1, "reviews": [(START_MS, 3)]}
    notes = [Note21b(1, "g1", ["house", "Haus"], cards=[card])]
    path = anki21b_apkg(tmp_path / "r.apkg", notes, questions=("{{Meaning}}", "{{Wort}}"))
    (progress,) = parse_file(path).records[0].cards
    assert progress.direction == Direction.NATIVE_TO_FOREIGN


def test_a_corrupt_zip_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.apkg"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(SourceError, match=r"broken\.apkg is not a valid \.apkg"):
        parse_file(path)


def test_a_zip_without_a_collection_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.apkg"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("media", "{}")
    with pytest.raises(SourceError, match="holds no Anki collection"):
        parse_file(path)


def test_a_corrupt_collection_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.apkg"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("collection.anki2", b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(SourceError, match=r"bad\.apkg"):
        parse_file(path)


def test_a_corrupt_zstd_collection_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "z.apkg"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd garbage")
    with pytest.raises(SourceError, match="compressed collection is corrupt"):
        parse_file(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400), st.sampled_from(["collection.anki2", "collection.anki21b"]))
def test_any_collection_bytes_fail_with_one_error_naming_the_file(
    tmp_path: Path, data: bytes, member: str
) -> None:
    path = tmp_path / "fuzz.apkg"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(member, data)
    try:
        parsed = parse_file(path)
    except SourceError as err:
        assert "fuzz.apkg" in str(err)
        return
    assert all(p.location.path == str(path) for p in parsed.problems)


@pytest.mark.filterwarnings("ignore:Field contained the following invalid HTML tags")
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.text(max_size=20), st.text(max_size=20)), min_size=1, max_size=5))
def test_any_field_text_parses_with_every_problem_located(
    tmp_path: Path, notes: list[tuple[str, str]]
) -> None:
    fields = [(word.replace("\x1f", ""), back.replace("\x1f", ""), "") for word, back in notes]
    parsed = parse_file(genanki_apkg(tmp_path / "f.apkg", fields))
    assert len(parsed.records) + len(parsed.problems) == len(fields)
    assert all(p.location.item and p.location.item.startswith("note ") for p in parsed.problems)
