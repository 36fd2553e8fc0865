"""The local answer checker: everything that can be decided without asking the LLM judge.

The ladder runs cheapest first and stops at the first rung that decides: exact (after
normalisation, with the article checked) → accents only → a listed form or alternative → a word
the app knows (another entry is wrong and named: "abuelo = grandfather"; a synonym of the prompt
is right) → the same lemma, when it keeps the meaning (not "better" for "good") → the other
English spelling → a typo small for the word's length, unless the near miss is itself a real word
("form" for "from"), which is wrong. What is left — an unknown answer, perhaps a synonym — is
`NEEDS_JUDGE`; the caller decides what an unanswered judge means. Language data (a lemmatiser, a
`Lexicon`) comes in as plain values, so this module stays pure and fast to test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from words_tui.domain.answer_types import Card, LocalVerdict
from words_tui.domain.enums import Verdict
from words_tui.domain.lexicon import EMPTY_LEXICON, KnownWord, Lexicon

__all__ = ["Card", "Lemmatiser", "LocalVerdict", "allowed_edits", "answer_key", "check_answer"]
from words_tui.domain.normalise import (
    Headword,
    articles_conflict,
    fold_accents,
    normalise,
    split_alternatives,
    split_leading_word,
)
from words_tui.domain.word_rules import (
    NOUN_POS,
    changes_degree,
    changes_gender,
    right_article,
    spelling_variant,
)

Lemmatiser = Callable[[str], str]
"""The dictionary form of one normalised word in the answer's language."""

TYPO_ALLOWANCE: tuple[tuple[int, int], ...] = ((3, 0), (7, 1))
"""(longest length, edits allowed): no typo up to 3 letters, one up to 7 ..."""
MAX_TYPO_EDITS = 2
"""... and two from 8 letters on (Damerau–Levenshtein: a swap of neighbours is one edit)."""

MIN_ANSWER_LIMIT = 40
ANSWER_LIMIT_FACTOR = 3
"""Answers longer than max(40, 3 × the longest accepted answer) characters are refused unread:
nobody types an essay for one word, and the judge never sees text meant to instruct it."""
EXTRA_WORDS_ALLOWED = 2
"""An answer with more words than the longest accepted answer plus this is a sentence, not a
translation of the word asked."""

NOT_FORMS = frozenset({"comparative", "superlative", "gender", "aspect", "countability", "ipa"})
"""Listed forms that are not the word asked: degrees change the meaning, the rest are labels."""
OTHER_GENDER_FORMS = frozenset({"f", "m", "fem", "masc", "feminine", "masculine"})
"""For a noun, the form of the other natural gender is another word (hijo → hija)."""
PLURAL_FORMS = frozenset({"plural", "pl"})

_ACCEPTED_ORDER = (Verdict.EXACT, Verdict.ACCENT, Verdict.TYPO, Verdict.FORM)


@dataclass(frozen=True, slots=True)
class _Candidate:
    display: str
    head: Headword
    folded: str


@lru_cache(maxsize=65536)
def answer_key(text: str, language: str) -> str:
    """The comparable core of a word: normalised, without its article or particle.

    Lexicon entries are keyed by this, so they match what the checker looks up. Cached:
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
    card: Card | None = None,
    *,
    lexicon: Lexicon = EMPTY_LEXICON,
    lemmatise: Lemmatiser | None = None,
) -> LocalVerdict:
    """Judge `answer` against the card's `accepted` answers in `language`, locally.

    Several answers separated by "," "/" or ";" must each be acceptable: one wrong part makes
    the answer wrong, one unknown part leaves it to the judge, else the weakest verdict counts.
    """
    candidates = _candidates(tuple(accepted), language)
    if not candidates:
        return LocalVerdict(Verdict.NEEDS_JUDGE, "", note="the card has no stored answer")
    expected = candidates[0].display
    if len(answer) > answer_limit(accepted):
        return LocalVerdict(
            Verdict.WRONG, expected, note="answer too long to check", reason="too_long"
        )
    parts = [part for part in split_alternatives(answer) if normalise(part, language)]
    if not parts:
        return LocalVerdict(Verdict.WRONG, expected, note="no answer", reason="no_answer")
    longest = max(len(c.head.core.split()) for c in candidates)
    if any(
        len(normalise(part, language).split()) > longest + EXTRA_WORDS_ALLOWED for part in parts
    ):
        return LocalVerdict(
            Verdict.WRONG, expected, note="a sentence, not the word asked", reason="too_long"
        )
    verdicts = [
        _ladder(candidates, language, card or Card(), lexicon, lemmatise).check(part)
        for part in parts
    ]
    if len(verdicts) == 1:
        return verdicts[0]
    if all(v.accepted for v in verdicts):
        return max(verdicts, key=lambda v: _ACCEPTED_ORDER.index(v.verdict))
    wrong = next((v for v in verdicts if v.verdict == Verdict.WRONG), None)
    return wrong or LocalVerdict(Verdict.NEEDS_JUDGE, expected)


def _ladder(
    candidates: tuple[_Candidate, ...],
    language: str,
    card: Card,
    lexicon: Lexicon,
    lemmatise: Lemmatiser | None,
) -> _Ladder:
    is_noun = card.pos in NOUN_POS
    named = [
        (name, c)
        for name, text in (card.forms or {}).items()
        if name not in NOT_FORMS
        for c in _candidates((text,), language)
    ]
    other_gender = tuple(c for name, c in named if is_noun and name in OTHER_GENDER_FORMS)
    forms = tuple((name, c) for name, c in named if c not in other_gender)
    prompt = frozenset(answer_key(text, card.prompt_language) for text in card.prompt)
    gender = (card.forms or {}).get("gender", "")
    return _Ladder(
        candidates,
        language,
        forms,
        other_gender,
        _candidates(tuple(card.alternatives), language),
        prompt,
        card.prompt_language,
        card.pos,
        gender,
        lexicon,
        lemmatise,
    )


@dataclass(frozen=True, slots=True)
class _Ladder:
    """The rungs for one card, applied to each part of an answer."""

    candidates: tuple[_Candidate, ...]
    language: str
    forms: tuple[tuple[str, _Candidate], ...]
    other_gender: tuple[_Candidate, ...]
    alternatives: tuple[_Candidate, ...]
    prompt: frozenset[str]
    prompt_language: str
    pos: str
    gender: str
    lexicon: Lexicon
    lemmatise: Lemmatiser | None

    @property
    def expected(self) -> str:
        return self.candidates[0].display

    def check(self, part: str) -> LocalVerdict:
        head = split_leading_word(normalise(part, self.language), self.language)
        folded = fold_accents(head.core, self.language)
        return (
            self._exact(head)
            or self._accents(head, folded)
            or self._listed(head)
            or self._related(head)
            or self._variant(head)
            or self._near_miss(part, head, folded)
        )

    def _article(self, head: Headword, c: _Candidate, plural: bool) -> LocalVerdict | None:
        """A wrong article: right all the same, but the learner is told the right one."""
        if articles_conflict(head, c.head, self.language):
            right: str | None = c.head.leading
        elif head.leading and not c.head.leading:
            right = right_article(head.leading, head.core, self.gender, plural, self.language)
        else:
            right = None
        if right is None:
            return None
        correction = f"{right} {head.core}"
        return LocalVerdict(
            Verdict.FORM,
            c.display,
            form="article",
            note=f"right, but: {correction}",
            correction=correction,
        )

    def _exact(self, head: Headword) -> LocalVerdict | None:
        for c in self.candidates:
            if head.core == c.head.core:
                return self._article(head, c, plural=False) or LocalVerdict(
                    Verdict.EXACT, c.display
                )
        return None

    def _accents(self, head: Headword, folded: str) -> LocalVerdict | None:
        """Only accents differ: accepted with a note, even when the bare spelling is another
        word ("esta" for "está") — the learner knows the word and is shown its accents.
        The same holds for a listed form ("arboles" for "árboles")."""
        for c in (*self.candidates, *(form for _, form in self.forms)):
            if folded == c.folded and head.core != c.head.core:
                return LocalVerdict(
                    Verdict.ACCENT, c.display, note=f"mind the accents: {c.display}"
                )
        return None

    def _listed(self, head: Headword) -> LocalVerdict | None:
        expected = self.expected
        if any(head.core == c.head.core for c in self.other_gender):
            return self._other_gender(head.core, self.candidates[0])
        for name, form in self.forms:
            if head.core == form.head.core:
                plural = name in PLURAL_FORMS
                article = self._article(head, self.candidates[0], plural)
                if article is not None:
                    return article
                note = f"that is the {name} form; we expected {expected}"
                return LocalVerdict(Verdict.FORM, expected, form=name, note=note)
        for alternative in self.alternatives:
            if head.core == alternative.head.core:
                return self._also_right()
        return None

    def _also_right(self) -> LocalVerdict:
        note = f"also right; this card practises {self.expected}"
        return LocalVerdict(Verdict.FORM, self.expected, form="alternative", note=note)

    def _related(self, head: Headword) -> LocalVerdict | None:
        """A word the app knows, or a form sharing the expected word's lemma."""
        core = head.core
        lemma = self._lemma_of(core)
        known = self.lexicon.entry(core)
        if known is None and lemma:
            known = self.lexicon.entry(lemma)
        sense = self._sense(known)
        if known is not None and sense == "other":
            note = f"that is another word: {known.describe()}"
            return LocalVerdict(
                Verdict.WRONG, self.expected, note=note, reason="other_word", known=known
            )
        for c in self.candidates:
            if lemma and lemma == self._lemma_of(c.head.core):
                return self._lemma_form(core, c)
        if sense == "same":
            degree = next(
                (
                    c
                    for c in self.candidates
                    if changes_degree(core, c.head.core, self.language, self.pos)
                ),
                None,
            )
            return self._lemma_form(core, degree) if degree is not None else self._also_right()
        return None

    def _lemma_form(self, core: str, c: _Candidate) -> LocalVerdict:
        expected = c.head.core
        if changes_degree(core, expected, self.language, self.pos):
            note = f"'{core}' is a degree of comparison; we asked for {c.display}"
            return LocalVerdict(Verdict.WRONG, c.display, note=note, reason="degree")
        if changes_gender(core, expected, self.language, self.pos):
            return self._other_gender(core, c)
        note = f"we expected the dictionary form: {c.display}"
        return LocalVerdict(Verdict.FORM, c.display, form="lemma", note=note)

    def _other_gender(self, core: str, c: _Candidate) -> LocalVerdict:
        """The noun's other natural gender: another word where the prompt's language has one
        (boy/girl), a fair answer where it has not ("cat"): only the judge can tell."""
        note = f"'{core}' is the other gender of {c.display}"
        return LocalVerdict(Verdict.NEEDS_JUDGE, c.display, note=note, reason="gender")

    def _sense(self, known: KnownWord | None) -> str:
        """How a known word relates to the prompt: "same" (it means it, as this part of
        speech: a synonym), "other" (another word of this part of speech: wrong), or "" (only
        another part of speech, or unknown: the lemma or the judge decides)."""
        if known is None:
            return ""
        fits = [i for i in range(len(known.meanings)) if self._same_pos(known.pos_of(i))]
        means = {
            i
            for i, m in enumerate(known.meanings)
            if answer_key(m, self.prompt_language) in self.prompt
        }
        if means & set(fits):
            return "same"
        return "other" if fits and not means else ""

    def _same_pos(self, pos: str) -> bool:
        return not pos or not self.pos or pos == self.pos

    def _lemma_of(self, core: str) -> str:
        if self.lemmatise is None:
            return ""
        return " ".join(self.lemmatise(word) for word in core.split())

    def _variant(self, head: Headword) -> LocalVerdict | None:
        for c in self.candidates:
            if spelling_variant(head.core, c.head.core, self.language) and self.lexicon.is_word(
                head.core
            ):
                note = f"{head.core} is another spelling of {c.display}"
                return LocalVerdict(Verdict.EXACT, c.display, form="spelling", note=note)
        return None

    def _near_miss(self, part: str, head: Headword, folded: str) -> LocalVerdict:
        """A typo small for the word's length — unless the answer is a real word: then it is
        another word, even one letter away from a word too short to forgive a typo ("ano").
        A space too many or too few ("grand father") is a slip, whatever its parts are.
        rapidfuzz loads here, at the first near miss, not on the way to a lesson's first card."""
        from rapidfuzz.distance import DamerauLevenshtein

        joined = folded.replace(" ", "")
        spacing = any(joined == c.folded.replace(" ", "") for c in self.candidates)
        real = not spacing and self.lexicon.is_word(head.core)
        best: tuple[int, _Candidate] | None = None
        for c in self.candidates:
            allowed = allowed_edits(len(c.folded))
            limit = max(allowed, 1) if real else allowed
            edits = DamerauLevenshtein.distance(folded, c.folded, score_cutoff=limit)
            if edits <= limit and (best is None or edits < best[0]):
                best = (edits, c)
        if best is None:
            return LocalVerdict(Verdict.NEEDS_JUDGE, self.expected)
        edits, c = best
        if real:
            note = f"'{part.strip()}' is another word, not a spelling of '{c.display}'"
            return LocalVerdict(Verdict.WRONG, c.display, note=note, reason="real_word")
        return LocalVerdict(Verdict.TYPO, c.display, note=f"spelled {c.display}", edits=edits)
