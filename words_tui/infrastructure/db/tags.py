"""Tags kept as a JSON list on each user word (`user_words.tags`): filtering by one, counting them.

A word's tags (the import's file, a Kindle book's title, the learner's own) travel with it in one
column that imports, exports and the leech mark already write, so filtering reads that column
instead of keeping a second table in step with it. Each backend has its own JSON functions:
SQLite's `json_each`, PostgreSQL's `jsonb` containment; `has_tag` is compiled for each.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


class has_tag(FunctionElement[bool]):
    """`has_tag(user_words.tags, tag)`: whether the JSON list holds `tag` (exactly)."""

    type = Boolean()
    inherit_cache = True
    name = "has_tag"


@compiles(has_tag, "sqlite")
def _sqlite(element: has_tag, compiler: Any, **kw: Any) -> str:
    tags, tag = list(element.clauses)
    return (
        f"EXISTS (SELECT 1 FROM json_each({compiler.process(tags, **kw)}) "
        f"WHERE json_each.value = {compiler.process(tag, **kw)})"
    )


@compiles(has_tag, "postgresql")
def _postgresql(element: has_tag, compiler: Any, **kw: Any) -> str:
    tags, tag = list(element.clauses)
    return (
        f"(CAST({compiler.process(tags, **kw)} AS JSONB) "
        f"@> jsonb_build_array(CAST({compiler.process(tag, **kw)} AS TEXT)))"
    )


def tagged(tags: Any, tag: str | None = None) -> ColumnElement[bool]:
    """The condition "this word carries `tag`" (a bound parameter named `tag` when None)."""
    value: ColumnElement[str] = bindparam("tag", tag) if tag is not None else bindparam("tag")
    return has_tag(tags, value)


_COUNTS = {
    "sqlite": """
        SELECT tag.value AS tag, COUNT(*) AS words
        FROM user_words, json_each(user_words.tags) AS tag
        WHERE user_words.profile_id = :profile
        GROUP BY tag.value ORDER BY words DESC, tag.value
    """,
    "postgresql": """
        SELECT tag AS tag, COUNT(*) AS words
        FROM user_words, jsonb_array_elements_text(CAST(user_words.tags AS JSONB)) AS tag
        WHERE user_words.profile_id = :profile
        GROUP BY tag ORDER BY words DESC, tag
    """,
}


async def tag_counts(session: AsyncSession, profile_id: int) -> list[tuple[str, int]]:
    """Every tag of the profile's words with how many words carry it, the commonest first."""
    query = text(_COUNTS[session.get_bind().dialect.name])
    rows = await session.execute(query, {"profile": profile_id})
    return [(str(tag), int(words)) for tag, words in rows]
