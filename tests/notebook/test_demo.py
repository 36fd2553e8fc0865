"""Demo mode: a throwaway database whose simulated learner looks like a real one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.notebook.conftest import NOW, SMALL_LEARNER, BuiltDemo
from words_tui.domain.enums import CardState, Stage, Verdict
from words_tui.infrastructure.db.models import Card, Lesson, Review
from words_tui.services import Core
from words_tui.services.demo import LearnerProfile, build_demo


async def test_the_history_spans_the_simulated_days_and_ends_before_now(
    demo_core: Core,
) -> None:
    async with demo_core.database.session() as session:
        first, last = (
            await session.execute(
                select(func.min(Review.reviewed_at), func.max(Review.reviewed_at))
            )
        ).one()
    assert NOW - timedelta(days=SMALL_LEARNER.days) <= first < last < NOW


async def test_the_log_has_both_directions_both_modes_lapses_and_every_verdict_kind(
    demo_core: Core,
) -> None:
    async with demo_core.database.session() as session:
        kinds = set((await session.execute(select(Review.direction, Review.mode).distinct())).all())
        verdicts = set((await session.execute(select(Review.verdict).distinct())).scalars())
        lapsed = (await session.execute(select(func.sum(Card.lapses)))).scalar_one()
    assert kinds == {(d, m) for d in (0, 1) for m in (int(Stage.CHOICE), int(Stage.TYPING))}
    assert {Verdict.EXACT, Verdict.TYPO, Verdict.WRONG, Verdict.CHOICE_CORRECT} <= verdicts
    assert lapsed > 0


async def test_each_card_counts_its_logged_answers_and_is_due_after_the_last(
    demo_core: Core,
) -> None:
    async with demo_core.database.session() as session:
        answers = dict(
            (
                await session.execute(select(Review.card_id, func.count()).group_by(Review.card_id))
            ).all()
        )
        cards = (await session.execute(select(Card).where(Card.reps > 0))).scalars().all()
    assert {card.id: card.reps for card in cards} == answers
    assert all(card.last_review is not None and card.due >= card.last_review for card in cards)
    assert any(card.state == CardState.REVIEW for card in cards)


async def test_lessons_add_up_to_the_answers_logged(demo_core: Core) -> None:
    async with demo_core.database.session() as session:
        size, right, wrong = (
            await session.execute(
                select(func.sum(Lesson.size), func.sum(Lesson.correct), func.sum(Lesson.wrong))
            )
        ).one()
        answers = (await session.execute(select(func.count()).select_from(Review))).scalar_one()
    assert size == right + wrong == answers


async def test_the_same_seed_gives_the_same_history(tmp_path: Path) -> None:
    learner = LearnerProfile(days=12, new_words_per_day=3, seed=5)
    first, _ = await build_demo(directory=tmp_path / "a", learner=learner, now=NOW)
    second, _ = await build_demo(directory=tmp_path / "b", learner=learner, now=NOW)
    logs = []
    for core in (first, second):
        async with core.database.session() as session:
            logs.append(
                (
                    await session.execute(
                        select(Review.card_id, Review.reviewed_at, Review.rating).order_by(
                            Review.id
                        )
                    )
                ).all()
            )
        await core.close()
    assert logs[0] == logs[1]
    assert logs[0]


async def test_a_demo_never_overwrites_an_existing_database(built_demo: BuiltDemo) -> None:
    with pytest.raises(FileExistsError, match=r"demo\.db exists"):
        await build_demo(directory=built_demo.path.parent)
