"""Answer checking as a lesson needs it: the local ladder first, then the LLM judge.

The judge is only asked what the ladder could not decide, with a time limit, outside any
database transaction. When it cannot answer (no judge configured, an `LLMError`, the breaker
open, the timeout) the answer counts as wrong and the learner is told so honestly — "could not
check — press r if you were right" — because a learner must never wait on, or be blocked by, a
network service. The learner's answer reaches the judge as data inside a JSON payload (see the
LLM core's prompts); answers too long to be a word never leave this machine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from words_tui.domain.answers import Card, Lemmatiser, LocalVerdict, answer_key, check_answer
from words_tui.domain.enums import Verdict
from words_tui.domain.lexicon import KnownWord, Lexicon
from words_tui.infrastructure.llm.errors import LLMError

log = logging.getLogger(__name__)

COULD_NOT_CHECK = "could not check — press r if you were right"
ANSWER_SEPARATOR = "; "


class JudgeResult(Protocol):
    """What the judge says: accepted or not, and one comment for the learner."""

    @property
    def is_correct(self) -> bool: ...

    @property
    def comment(self) -> str: ...


class Judge(Protocol):
    """The LLM judge (`LLMClient` / `RateLimitedLLMClient` satisfy it)."""

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> JudgeResult: ...


class LanguageSource(Protocol):
    """Lemmas and known words per language (`infrastructure.language_data.LanguageData`)."""

    def lemmatiser(self, language: str) -> Lemmatiser | None: ...

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon: ...

    def warm_up(self, languages: Iterable[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class Question:
    """Everything needed to check an answer to one card."""

    prompt: str
    accepted: tuple[str, ...]
    prompt_lang: str
    answer_lang: str
    forms: Mapping[str, str] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()
    pos: str = ""
    prompt_meanings: tuple[str, ...] = ()
    """What the prompt means (the texts shown): a known word meaning one of them is right."""

    def card(self) -> Card:
        return Card(
            prompt=self.prompt_meanings or (self.prompt,),
            prompt_language=self.prompt_lang,
            forms=self.forms,
            alternatives=self.alternatives,
            pos=self.pos,
        )


@dataclass(frozen=True, slots=True)
class CheckedAnswer:
    """The final verdict on a typed answer and what to tell the learner.

    `judge_hard` marks a judge acceptance of an answer the ladder had a doubt about (a note):
    accepted, but rated Hard. `judged` says the note is the judge's comment; `reason`,
    `correction` and `known` come from the local ladder (see `LocalVerdict`).
    """

    verdict: Verdict
    expected: str
    note: str = ""
    form: str = ""
    judge_hard: bool = False
    judged: bool = False
    reason: str = ""
    correction: str = ""
    known: KnownWord | None = None


def local_checked(local: LocalVerdict) -> CheckedAnswer:
    """The final verdict of a local verdict that decided (not `NEEDS_JUDGE`)."""
    return CheckedAnswer(
        local.verdict,
        local.expected,
        local.note,
        local.form,
        reason=local.reason,
        correction=local.correction,
        known=local.known,
    )


KnownWordLookup = Callable[[str], Awaitable[KnownWord | None]]
"""The learner's word spelled like this typed answer, if any (asked only when the ladder is
left with a typo, a lemma or nothing)."""
RECHECKED = frozenset({Verdict.TYPO, Verdict.NEEDS_JUDGE})


class AnswerChecker:
    """The ladder with the language data wired in, then the judge for what it leaves open."""

    def __init__(
        self,
        language_data: LanguageSource,
        judge: Judge | None = None,
        *,
        judge_timeout_s: float = 8.0,
    ) -> None:
        self.language_data = language_data
        self.judge = judge
        self.judge_timeout_s = judge_timeout_s

    def check_locally(
        self,
        question: Question,
        answer: str,
        entries: Mapping[str, KnownWord] | None = None,
        data: LanguageSource | None = None,
    ) -> LocalVerdict:
        """The pure ladder for this question, with the answer language's data (from `data`
        instead of the checker's own when given) and `entries` (the lesson's own words, by
        answer key) known first."""
        lang = question.answer_lang
        source = data or self.language_data
        lexicon = source.lexicon(lang, question.prompt_lang)
        if entries:
            lexicon = lexicon.with_entries(entries)
        return check_answer(
            answer,
            question.accepted,
            lang,
            question.card(),
            lexicon=lexicon,
            lemmatise=source.lemmatiser(lang),
        )

    async def decide(
        self,
        question: Question,
        answer: str,
        *,
        entries: Mapping[str, KnownWord] | None = None,
        lookup: KnownWordLookup | None = None,
        data: LanguageSource | None = None,
    ) -> LocalVerdict:
        """Step one: everything this machine can decide, without the judge.

        `entries` are words known already (the lesson's); `lookup` finds the typed answer in
        the whole vocabulary, asked at most once and only when the ladder is left with a typo,
        a lemma or nothing: a word of the learner's is that word, not a slip or a synonym.
        `data` replaces the checker's language data (see `preload.PendingLanguageData`).
        """
        local = self.check_locally(question, answer, entries, data)
        if lookup is None or not (local.verdict in RECHECKED or local.form == "lemma"):
            return local
        found = await lookup(answer)
        if found is None:
            return local
        key = answer_key(answer, question.answer_lang)
        return self.check_locally(question, answer, {**(entries or {}), key: found}, data)

    async def judge_if_needed(
        self, question: Question, answer: str, local: LocalVerdict
    ) -> CheckedAnswer:
        """Step two: the final verdict, the local one when it decided, otherwise the judge's.

        Call it outside any database transaction: the judge may take seconds.
        """
        if local.verdict != Verdict.NEEDS_JUDGE:
            return local_checked(local)
        return await self._ask_judge(question, answer, local)

    async def check(
        self,
        question: Question,
        answer: str,
        *,
        entries: Mapping[str, KnownWord] | None = None,
        lookup: KnownWordLookup | None = None,
    ) -> CheckedAnswer:
        """Both steps: decide locally when possible, else ask the judge within the time limit."""
        local = await self.decide(question, answer, entries=entries, lookup=lookup)
        return await self.judge_if_needed(question, answer, local)

    async def _ask_judge(
        self, question: Question, answer: str, local: LocalVerdict
    ) -> CheckedAnswer:
        if self.judge is None:
            return CheckedAnswer(
                Verdict.WRONG, local.expected, local.note or COULD_NOT_CHECK, reason=local.reason
            )
        try:
            async with asyncio.timeout(self.judge_timeout_s):
                result = await self.judge.validate_answer(
                    question.prompt,
                    ANSWER_SEPARATOR.join(question.accepted),
                    answer,
                    question.prompt_lang,
                    question.answer_lang,
                )
        except (LLMError, TimeoutError) as err:
            log.warning("answer judge unavailable: %s", err or type(err).__name__)
            return CheckedAnswer(Verdict.WRONG, local.expected, COULD_NOT_CHECK)
        if result.is_correct:
            return CheckedAnswer(
                Verdict.JUDGE_ACCEPTED,
                local.expected,
                result.comment,
                judge_hard=bool(local.note),
                judged=True,
            )
        if result.comment:
            return CheckedAnswer(Verdict.WRONG, local.expected, result.comment, judged=True)
        return CheckedAnswer(Verdict.WRONG, local.expected, local.note, reason=local.reason)
