"""The checker against the evaluation set (`tests/answer_cases.py`): what a teacher accepts and
rejects, judged locally with the real language data and no LLM.

Prints the figures the README quotes:
    python -m pytest tests/test_answer_evaluation.py -q -s -n 0

(`-n 0`: in one process, whose output `-s` shows; the suite otherwise runs on every core.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.answer_cases import CASES
from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import Verdict
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.lessons.checking import AnswerChecker, Question

MIN_ANSWERS = 300
MIN_LOCAL_SHARE = 0.80


@dataclass(frozen=True, slots=True)
class Case:
    question: Question
    answer: str
    teacher_accepts: bool


def question_for(entry: WordEntry, asks_foreign: bool) -> Question:
    """The card a learner who added the starter entry practises, in either direction."""
    if asks_foreign:
        return Question(
            prompt=", ".join(entry.translations),
            accepted=(entry.word,),
            prompt_lang=entry.target_lang,
            answer_lang=entry.source_lang,
            forms=entry.forms,
            pos=entry.pos,
            prompt_meanings=tuple(entry.translations),
        )
    return Question(
        prompt=entry.word,
        accepted=tuple(entry.translations),
        prompt_lang=entry.source_lang,
        answer_lang=entry.target_lang,
        pos=entry.pos,
        prompt_meanings=(entry.word,),
    )


def parse_cases(text: str) -> list[Case]:
    starter = StarterVocabulary.default()
    cases: list[Case] = []
    for line in text.strip().splitlines():
        header, *answers = line.split("|")
        word, foreign, native, side = header.split()
        entry = starter.entry(word, foreign, native)
        assert entry is not None, f"{word} is not in the starter vocabulary"
        question = question_for(entry, side == "f")
        for chunk in answers:
            graded = chunk.strip()
            assert graded[-1:] in ("+", "-"), f"no grade in {chunk!r} ({word})"
            cases.append(Case(question, graded[:-1].strip(), graded[-1] == "+"))
    return cases


@pytest.fixture(scope="module")
def checker() -> AnswerChecker:
    data = LanguageData()
    data.warm_up(["en", "es", "ru"])
    return AnswerChecker(data)


def test_the_evaluation_set_has_no_false_accepts_no_local_false_rejects(
    checker: AnswerChecker,
) -> None:
    cases = parse_cases(CASES)
    false_accepts, false_rejects, undecided = [], [], []
    for case in cases:
        local = checker.check_locally(case.question, case.answer)
        where = f"{case.answer!r} for {case.question.accepted[0]!r}: {local.verdict} {local.note}"
        if local.verdict == Verdict.NEEDS_JUDGE:
            undecided.append(where)
        elif local.accepted and not case.teacher_accepts:
            false_accepts.append(where)
        elif not local.accepted and case.teacher_accepts:
            false_rejects.append(where)
    share = 1 - len(undecided) / len(cases)
    languages = sorted({c.question.answer_lang for c in cases})
    print(
        f"\nanswer checking, evaluation set: {len(cases)} answers ({', '.join(languages)}); "
        f"false accepts {len(false_accepts)}; local false rejects {len(false_rejects)}; "
        f"decided locally {share:.1%} (the rest go to the judge)"
    )
    assert len(cases) >= MIN_ANSWERS
    print("\n".join(["false accepts:", *false_accepts, "false rejects:", *false_rejects]))
    assert (false_accepts, false_rejects) == ([], [])
    assert share >= MIN_LOCAL_SHARE, undecided
