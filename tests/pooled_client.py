"""A process that uses the database its settings name (WORDS_DATABASE_URL, WORDS_DATABASE_POOLER)
for two units of work, as each learner's quiz process would; for tests/test_postgres_pooler.py."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.settings import load_settings


async def main() -> None:
    database = Database.from_settings(load_settings())
    try:
        for _ in range(2):
            async with database.session() as session:
                await session.execute(select(func.count()).select_from(Review))
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
