"""The processes of the shared-database stress test (tests/test_shared_database_stress.py).

    python -m tests.stress_workers quiz URL PROFILE_ID LOG
    python -m tests.stress_workers import URL PROFILE_ID LOG RUN

`quiz` answers lessons through the `Core`'s lesson service as the quiz does (its held connection
included),
as fast as it can, and appends each review id to LOG once `answer` has returned. `import` adds
words in batches of 200 through the notebook's batch import (read pasted text, preview,
commit)
and appends each committed batch's words to LOG. Both run until killed. Any exception is printed
to stderr with its type, and the process exits 3, so the test sees what reached a caller.
"""

from __future__ import annotations

import asyncio
import sys
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.no_language_data import NoLanguageData
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.transfer import batch
from words_tui.settings import load_settings

IMPORT_BATCH = 200
START = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


def append(log: Path, lines: list[str]) -> None:
    with log.open("a", encoding="utf-8") as handle:
        handle.write("".join(f"{line}\n" for line in lines))


async def quiz(url: str, profile_id: int, log: Path) -> None:
    days = [0]
    core = Core(
        Database(url),
        load_settings(),
        clock=lambda: START + timedelta(days=days[0]) + timedelta(seconds=asyncio_time()),
        language_data=NoLanguageData(),
    )
    service = core.lessons
    while True:
        lesson = await service.start_lesson(profile_id)
        if lesson.current is None:
            days[0] += 1
            continue
        while (card := lesson.current) is not None:
            await service.answer(lesson, card, card.expected, 1.0)
            append(log, [str(lesson.answered[-1].review_id)])
        await service.finish(lesson)


def asyncio_time() -> float:
    return asyncio.get_running_loop().time()


async def import_words(url: str, profile_id: int, log: Path, run: str) -> None:
    core = Core(Database(url), load_settings())
    number = 0
    while True:
        words = [f"stress{run}w{number + i}" for i in range(IMPORT_BATCH)]
        number += IMPORT_BATCH
        pasted = "\n".join(f"{word}\tmeaning of {word}" for word in words)
        preview = await core.transfer.preview(profile_id, batch.read_pasted(pasted))
        await core.transfer.commit(profile_id, batch.review_rows(preview.new, {}, {}))
        append(log, words)


def main(argv: list[str]) -> int:
    role, url, profile, log = argv[:4]
    try:
        if role == "quiz":
            asyncio.run(quiz(url, int(profile), Path(log)))
        else:
            asyncio.run(import_words(url, int(profile), Path(log), argv[4]))
    except BaseException as err:
        print(f"{type(err).__name__}: {err}", file=sys.stderr)
        traceback.print_exc()
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
