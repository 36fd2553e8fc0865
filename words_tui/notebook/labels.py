"""Names shown to the learner that both the tables and the widgets use."""

from __future__ import annotations

from words_tui.domain.enums import Direction


def direction_label(direction: Direction, native: str, target: str) -> str:
    """'es → en' for a card that shows the Spanish word and asks an English speaker for English."""
    if direction == Direction.FOREIGN_TO_NATIVE:
        return f"{target} → {native}"
    return f"{native} → {target}"
