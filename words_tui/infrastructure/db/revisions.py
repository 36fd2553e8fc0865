"""The schema revision this package ships and the one a database holds, without Alembic.

Importing Alembic and walking its script directory costs a noticeable share of a cold start, on
every start, to learn what is almost always true: the database is at the latest revision. The
migration files say their own revision and parent in two plain lines, so the head is read from
them; `Database.init` asks the database for its revision and leaves Alembic out when they agree.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

VERSIONS_DIR = Path(__file__).with_name("migrations") / "versions"
_REVISION = re.compile(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_PARENTS = re.compile(r"^down_revision\b[^=\n]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


@cache
def shipped_head() -> str | None:
    """The one revision no migration builds on; None when that is not clear (ask Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS_DIR.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _PARENTS.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


async def stored_revision(engine: AsyncEngine) -> str | None:
    """The revision the database records, or None when it records none or cannot be read
    (Alembic's own path then finds out why)."""
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None
