"""CEFR bands cut from a frequency-ranked lemma list.

No frequency list is tagged with CEFR levels for every language wordfreq knows, so a level is
approximated by how far down the lemma ranking a word sits. The cut-offs are cumulative lemma ranks
(1 = the most frequent lemma), chosen so that each level roughly doubles the vocabulary of the one
before, which matches the usual estimates of learner vocabulary size (A1 a few hundred words, B1 a
couple of thousand, C2 well over ten thousand):

    A1: ranks      1 –    500
    A2: ranks    501 –  1,000
    B1: ranks  1,001 –  2,000
    B2: ranks  2,001 –  4,000
    C1: ranks  4,001 –  8,000
    C2: ranks  8,001 – 16,000

Lemmas ranked below 16,000 get no band: they are too rare to be worth a frequency-driven lesson.
The curated starter vocabulary assigns its bands by hand (frequency plus learner needs, e.g. "apple"
is A1), so its words may sit a little off these cut-offs; the quality gate reports how far.
"""

from __future__ import annotations

from words_tui.domain.enums import Level

BAND_UPPER_RANK: dict[Level, int] = {
    Level.A1: 500,
    Level.A2: 1_000,
    Level.B1: 2_000,
    Level.B2: 4_000,
    Level.C1: 8_000,
    Level.C2: 16_000,
}
"""The last lemma rank (inclusive) of each band."""

LAST_RANKED = BAND_UPPER_RANK[Level.C2]


def band_for_rank(rank: int) -> Level | None:
    """The CEFR band of the lemma at `rank` (1-based), or None past the last band."""
    if rank < 1:
        raise ValueError(f"lemma ranks start at 1, got {rank}")
    for level, upper in BAND_UPPER_RANK.items():
        if rank <= upper:
            return level
    return None


def rank_range(level: Level) -> range:
    """The lemma ranks that make up `level` (a `range`: start inclusive, stop exclusive)."""
    start = BAND_UPPER_RANK[list(Level)[level.rank - 1]] + 1 if level.rank else 1
    return range(start, BAND_UPPER_RANK[level] + 1)


def levels_up_to(level: Level) -> tuple[Level, ...]:
    """`level` and every easier level, easiest first: what a learner at `level` should know."""
    return tuple(band for band in Level if band.rank <= level.rank)


def parse_level(text: str) -> Level:
    """A CEFR level from user text ('b1', ' B1 '); a clear error for anything else."""
    try:
        return Level(text.strip().upper())
    except ValueError:
        choices = ", ".join(level.value for level in Level)
        raise ValueError(f"'{text}' is not a CEFR level; use one of {choices}") from None
