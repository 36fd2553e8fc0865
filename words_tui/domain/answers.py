"""The local answer checker: everything that can be decided without asking the LLM judge.

The ladder runs cheapest first and stops at the first rung that decides: exact (after
normalisation) → accents only → a listed form or alternative translation → the same lemma → a typo
small for the word's length. A near miss that is itself another real word ("car" for "cat", "pero"
for "perro", "ou" for "où") is never a typo: it goes to the judge, which can tell "grey" from
"car". What the ladder cannot accept is `NEEDS_JUDGE`; the caller decides what an unanswered
judge means. The language data (word frequencies, lemmas, the learner's own words) comes in as
plain callables and containers, so this module stays pure and fast to test.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from words_tui.domain.enums import Verdict
from words_tui.domain.normalise import (
    Headword,
    articles_conflict,
    fold_accents,
    normalise,
    split_alternatives,
    split_leading_word,
)

Frequency = Callable[[str], float]
"""Zipf frequency of a normalised word or phrase in the answer's language (0 when unknown)."""

Lemmatiser = Callable[[str], str]
"""The dictionary form of one normalised word in the answer's language."""

TYPO_ALLOWANCE: tuple[tuple[int, int], ...] = ((3, 0), (7, 1))
"""(longest length, edits allowed): no typo up to 3 letters, one up to 7 ..."""
MAX_TYPO_EDITS = 2
"""... and two from 8 letters on (Damerau–Levenshtein: a swap of neighbours is one edit)."""

FREQUENT_ZIPF = 3.0
"""A word this frequent (one per million words) is a real word, not a misspelling."""
RIVAL_ZIPF_GAP = 1.0
"""A near miss rarer than the expected word by more than this is a common misspelling of it
("arbol" for "árbol" is 3.5 against 4.6), not a rival word ("si" against "sí")."""

MIN_ANSWER_LIMIT = 40
ANSWER_LIMIT_FACTOR = 3
"""Answers longer than max(40, 3 × the longest accepted answer) characters are refused unread:
nobody types an essay for one word, and the judge never sees text meant to instruct it."""

_ACCEPTED_ORDER = (Verdict.EXACT, Verdict.ACCENT, Verdict.TYPO, Verdict.FORM)


@dataclass(frozen=True, slots=True)
class LocalVerdict:
    """How the local ladder judged an answer, with what the learner should be shown.

    `expected` is the accepted answer closest to what was typed, spelled as stored; `form` names
    the form or alternative that matched ("plural", "alternative", "lemma", "article"); `note` is
    one line for the learner; `edits` counts the typo's edits.
    """

    verdict: Verdict
    expected: str
    form: str = ""
    note: str = ""
    edits: int = 0

    @property
    def accepted(self) -> bool:
        return self.verdict.is_correct


@dataclass(frozen=True, slots=True)
class _Candidate:
    display: str
    head: Headword
    folded: str


@lru_cache(maxsize=65536)
def answer_key(text: str, language: str) -> str:
    """The comparable core of a word: normalised, without its article or particle.

    Build `known_words` containers from this, so they match what the checker looks up. Cached:
    choosing a lesson's options compares every word of the pool with every card.
    """
    return split_leading_word(normalise(text, language), language).core


def allowed_edits(length: int) -> int:
    """How many typing mistakes a word of `length` letters tolerates."""
    for longest, edits in TYPO_ALLOWANCE:
        if length <= longest:
            return edits
    return MAX_TYPO_EDITS


def answer_limit(accepted: Sequence[str]) -> int:
    """The longest answer checked at all for these accepted answers."""
    longest = max((len(text) for text in accepted), default=0)
    return max(MIN_ANSWER_LIMIT, ANSWER_LIMIT_FACTOR * longest)


@lru_cache(maxsize=16384)
def _candidates(texts: tuple[str, ...], language: str) -> tuple[_Candidate, ...]:
    found: dict[str, _Candidate] = {}
    for text in texts:
        for part in split_alternatives(text) or [text]:
            norm = normalise(part, language)
            if norm:
                head = split_leading_word(norm, language)
                found.setdefault(norm, _Candidate(part, head, fold_accents(head.core, language)))
    return tuple(found.values())


def check_answer(
    answer: str,
    accepted: Sequence[str],
    language: str,
    *,
    known_words: Container[str] = frozenset(),
    forms: Mapping[str, str] | None = None,
    alternatives: Sequence[str] = (),
    lemmatise: Lemmatiser | None = None,
    frequency: Frequency | None = None,
) -> LocalVerdict:
    """Judge `answer` against the card's `accepted` answers in `language`, locally.

    `known_words` holds `answer_key`s of words the learner knows (a near miss on one of them is
    another word, not a typo); `forms` are the headword's forms by name; `alternatives` are other
    correct translations that are not what this card practises. Several answers separated by
    "," "/" or ";" must each be acceptable; the weakest verdict counts.
    """
    candidates = _candidates(tuple(accepted), language)
    if not candidates:
        return LocalVerdict(Verdict.NEEDS_JUDGE, "", note="the card has no stored answer")
    expected = candidates[0].display
    if len(answer) > answer_limit(accepted):
        return LocalVerdict(Verdict.WRONG, expected, note="answer too long to check")
    parts = [part for part in split_alternatives(answer) if normalise(part, language)]
    if not parts:
        return LocalVerdict(Verdict.WRONG, expected, note="no answer")
    ladder = _Ladder(
        candidates,
        language,
        known_words,
        tuple(
            (name, c)
            for name, text in (forms or {}).items()
            for c in _candidates((text,), language)
        ),
        _candidates(tuple(alternatives), language),
        lemmatise,
        frequency,
    )
    verdicts = [ladder.check(part) for part in parts]
    if len(verdicts) == 1:
        return verdicts[0]
    if all(v.accepted for v in verdicts):
        return max(verdicts, key=lambda v: _ACCEPTED_ORDER.index(v.verdict))
    return LocalVerdict(Verdict.NEEDS_JUDGE, expected)


@dataclass(frozen=True, slots=True)
class _Ladder:
    """The rungs for one card, applied to each part of an answer."""

    candidates: tuple[_Candidate, ...]
    language: str
    known_words: Container[str]
    forms: tuple[tuple[str, _Candidate], ...]
    alternatives: tuple[_Candidate, ...]
    lemmatise: Lemmatiser | None
    frequency: Frequency | None

    def check(self, part: str) -> LocalVerdict:
        head = split_leading_word(normalise(part, self.language), self.language)
        folded = fold_accents(head.core, self.language)
        return (
            self._exact(head)
            or self._accents(head, folded)
            or self._listed(head)
            or self._lemma(head)
            or self._typo(part, head, folded)
        )

    def _exact(self, head: Headword) -> LocalVerdict | None:
        for c in self.candidates:
            if head.core == c.head.core:
                if articles_conflict(head, c.head, self.language):
                    note = f"the article is '{c.head.leading}': {c.display}"
                    return LocalVerdict(Verdict.FORM, c.display, form="article", note=note)
                return LocalVerdict(Verdict.EXACT, c.display)
        return None

    def _accents(self, head: Headword, folded: str) -> LocalVerdict | None:
        for c in self.candidates:
            if folded == c.folded and not self._is_rival(head.core, c):
                return LocalVerdict(
                    Verdict.ACCENT, c.display, note=f"mind the accents: {c.display}"
                )
        return None

    def _listed(self, head: Headword) -> LocalVerdict | None:
        expected = self.candidates[0].display
        for name, form in self.forms:
            if head.core == form.head.core:
                note = f"that is the {name} form; we expected {expected}"
                return LocalVerdict(Verdict.FORM, expected, form=name, note=note)
        for alternative in self.alternatives:
            if head.core == alternative.head.core:
                note = f"also right; this card practises {expected}"
                return LocalVerdict(Verdict.FORM, expected, form="alternative", note=note)
        return None

    def _lemma(self, head: Headword) -> LocalVerdict | None:
        if self.lemmatise is None:
            return None
        lemma = self._lemma_of(head.core)
        for c in self.candidates:
            if lemma == self._lemma_of(c.head.core):
                note = f"we expected the dictionary form: {c.display}"
                return LocalVerdict(Verdict.FORM, c.display, form="lemma", note=note)
        return None

    def _lemma_of(self, core: str) -> str:
        assert self.lemmatise is not None
        return " ".join(self.lemmatise(word) for word in core.split())

    def _typo(self, part: str, head: Headword, folded: str) -> LocalVerdict:
        best: tuple[int, _Candidate] | None = None
        for c in self.candidates:
            allowed = allowed_edits(len(c.folded))
            edits = DamerauLevenshtein.distance(folded, c.folded, score_cutoff=allowed)
            if edits <= allowed and (best is None or edits < best[0]):
                best = (edits, c)
        if best is None:
            return LocalVerdict(Verdict.NEEDS_JUDGE, self.candidates[0].display)
        edits, c = best
        if self._is_rival(head.core, c):
            note = f"'{part}' is another word, not a spelling of '{c.display}'"
            return LocalVerdict(Verdict.NEEDS_JUDGE, c.display, note=note)
        return LocalVerdict(Verdict.TYPO, c.display, note=f"spelled {c.display}", edits=edits)

    def _is_rival(self, core: str, candidate: _Candidate) -> bool:
        """Whether `core`, close to the candidate, is a different real word."""
        if core == candidate.head.core:
            return False
        if core in self.known_words:
            return True
        if self.frequency is None:
            return False
        zipf = self.frequency(core)
        return (
            zipf >= FREQUENT_ZIPF and zipf >= self.frequency(candidate.head.core) - RIVAL_ZIPF_GAP
        )
