"""Classroom benchmark: many learners answering at a human pace on one PostgreSQL server.

    python bench/pg_classroom.py [--url postgresql://postgres@127.0.0.1:5432/test]
        [--learners 300] [--processes 10] [--seconds 60] [--think 2 6]
        [--keep-connections] [--reuse] [--drop] [--pgbouncer N]

Each simulated learner has its own `Database` (its own engine and pool, exactly what its own
`words-tui` process would have) and practises through `LessonService` as the quiz does: start a
lesson, think for a random 2–6 s, answer, again. Learners are spread over `--processes` OS
processes only to keep the machine's memory in bounds. The learners live in a database of their
own, `words_classroom_bench`, kept for `--reuse` (preparing 300 takes minutes) unless `--drop`.
Prints the answers given, the errors callers saw, the peak number of server connections for the
database (sampled every 100 ms; PostgreSQL's default limit is 100), answer latency, and whether
every answer whose call returned is in the review log. `--keep-connections` never releases an
idle connection (what a plain pool does), for a side-by-side figure. `--pgbouncer N` puts a real
PgBouncer in transaction mode with N server connections between the learners and the server (the
learners' `database_pooler` setting on), as the README's classroom setup does.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import multiprocessing
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
from _common import percentile
from sqlalchemy import func, select

from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.infrastructure.db.postgres import IDLE_RELEASE_S
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.services.lessons import LessonService
from words_tui.services.vocabulary import bootstrap_from_starter, create_profile

BENCH_DB = "words_classroom_bench"
NEVER = 10**9


class NoLanguageData:
    """Choice cards need no language data; the bench measures the database, not the checker."""

    def frequency(self, language: str):  # type: ignore[no-untyped-def]
        return lambda word: 0.0

    def lemmatiser(self, language: str) -> None:
        return None

    def warm_up(self, languages: object) -> None:
        return None


def database_url(admin_url: str) -> str:
    return admin_url.rpartition("/")[0] + "/" + BENCH_DB


async def prepare(admin_url: str, learners: int) -> list[int]:
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{BENCH_DB}"')
    await admin.close()
    database = Database(database_url(admin_url))
    await database.init()
    starter = StarterVocabulary.default()
    profiles = []
    for number in range(learners):
        profile = await create_profile(database, f"learner{number}", "en", "es", "A1")
        assert profile.id is not None
        await bootstrap_from_starter(database, profile.id, starter, "A1")
        profiles.append(profile.id)
    await database.close()
    return profiles


async def existing_profiles(admin_url: str, learners: int) -> list[int]:
    connection = await asyncpg.connect(database_url(admin_url))
    ids = [row[0] for row in await connection.fetch("SELECT id FROM profiles ORDER BY id")]
    await connection.close()
    if len(ids) < learners:
        raise SystemExit(f"only {len(ids)} learners to reuse; run once without --reuse")
    return ids[:learners]


async def learner(
    url: str,
    profile_id: int,
    until: float,
    think: tuple[float, float],
    keep: bool,
    pooled: bool,
    out: dict,
) -> None:
    database = Database(url, idle_release_s=NEVER if keep else IDLE_RELEASE_S, pooler=pooled)
    clock_start = datetime.now(UTC)
    offset = [timedelta(0)]
    service = LessonService(
        database,
        clock=lambda: clock_start + offset[0] + timedelta(seconds=time.monotonic()),
        scheduling=SchedulingConfig(enable_fuzzing=False),
        language_data=NoLanguageData(),
    )
    rng = random.Random(profile_id)
    await asyncio.sleep(rng.uniform(*think))  # a class does not press `l` in the same millisecond
    try:
        while time.monotonic() < until:
            try:
                lesson = await service.start_lesson(profile_id)
            except Exception as err:
                out["errors"][type(err).__name__ + ": " + str(err).splitlines()[0][:120]] += 1
                await asyncio.sleep(rng.uniform(*think))
                continue
            if lesson.current is None:
                offset[0] += timedelta(days=1)
                continue
            while (card := lesson.current) is not None and time.monotonic() < until:
                await asyncio.sleep(rng.uniform(*think))
                answer = card.expected if rng.random() < 0.8 else "?"
                start = time.perf_counter()
                try:
                    await service.answer(lesson, card, answer, 3.0)
                except Exception as err:
                    out["errors"][type(err).__name__ + ": " + str(err).splitlines()[0][:120]] += 1
                    continue
                out["latencies"].append(time.perf_counter() - start)
                out["answered"] += 1
            await service.finish(lesson)
    finally:
        await database.close()


def run_process(
    url: str, profiles: list[int], seconds: float, think, keep, queue, pooled: bool
) -> None:
    out: dict = {"answered": 0, "latencies": [], "errors": collections.Counter()}

    async def main() -> None:
        until = time.monotonic() + seconds
        await asyncio.gather(*(learner(url, p, until, think, keep, pooled, out) for p in profiles))

    try:
        asyncio.run(main())
    except BaseException as err:  # report what broke instead of leaving the parent waiting
        out["errors"][f"process failed: {type(err).__name__}: {err}"] += 1
    finally:
        queue.put(out)


async def sample_connections(admin_url: str, stop: asyncio.Event) -> int:
    admin = await asyncpg.connect(admin_url)
    peak = 0
    while not stop.is_set():
        count = await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1", BENCH_DB
        )
        peak = max(peak, int(count))
        await asyncio.sleep(0.1)
    await admin.close()
    return peak


async def count_reviews(url: str) -> int:
    database = Database(url)
    async with database.session() as session:
        total = (await session.execute(select(func.count()).select_from(Review))).scalar_one()
    await database.close()
    return int(total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 6.0))
    parser.add_argument("--keep-connections", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the learners a previous run left"
    )
    parser.add_argument("--drop", action="store_true", help="drop the bench database at the end")
    parser.add_argument("--pgbouncer", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if args.pgbouncer:
        from tests.pgbouncer import pgbouncer

        with pgbouncer(database_url(args.url), server_connections=args.pgbouncer) as pooled:
            run(args, pooled)
    else:
        run(args, None)


def run(args: argparse.Namespace, pooled: str | None) -> None:
    if args.reuse:
        profiles = asyncio.run(existing_profiles(args.url, args.learners))
    else:
        print(f"preparing {args.learners} learners (A1 starter words each)…", flush=True)
        profiles = asyncio.run(prepare(args.url, args.learners))
    url = database_url(args.url)
    before = asyncio.run(count_reviews(url))
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    groups = [profiles[i :: args.processes] for i in range(args.processes)]
    workers = [
        context.Process(
            target=run_process,
            args=(
                pooled or url,
                group,
                args.seconds,
                tuple(args.think),
                args.keep_connections,
                queue,
                pooled is not None,
            ),
        )
        for group in groups
    ]

    async def observe() -> tuple[int, list[dict]]:
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_connections(args.url, stop))
        for worker in workers:
            worker.start()
        # Results are read before joining: a child exits only once its queue data is consumed.
        gathered = await asyncio.to_thread(lambda: [queue.get() for _ in workers])
        await asyncio.to_thread(lambda: [w.join() for w in workers])
        stop.set()
        return await sampler, gathered

    peak, results = asyncio.run(observe())
    answered = sum(r["answered"] for r in results)
    latencies = [s for r in results for s in r["latencies"]]
    errors: collections.Counter[str] = collections.Counter()
    for result in results:
        errors.update(result["errors"])
    logged = asyncio.run(count_reviews(url)) - before
    mode = (
        "connections kept while idle"
        if args.keep_connections
        else f"idle release after {IDLE_RELEASE_S} s"
    )
    if pooled:
        mode += f", through PgBouncer (transaction mode, {args.pgbouncer} server connections)"
    print(f"{args.learners} learners in {args.processes} processes, {args.seconds:.0f} s, {mode}")
    print(
        f"answers returned: {answered} ({answered / args.seconds:.1f}/s); in the review log: {logged}"
    )
    print(f"peak server connections: {peak} (PostgreSQL's default max_connections is 100)")
    if latencies:
        ms = sorted(s * 1000 for s in latencies)
        print(f"answer latency: p50 {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} ms")
    print(f"errors seen by callers: {sum(errors.values())}")
    for message, count in errors.most_common(5):
        print(f"  {count} × {message}")

    async def drop() -> None:
        admin = await asyncpg.connect(args.url)
        await admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        await admin.close()

    if args.drop:
        asyncio.run(drop())


if __name__ == "__main__":
    main()
