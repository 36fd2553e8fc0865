"""`Said`: a line of English that remembers its catalogue key, for texts the core writes.

Import reports, skipped rows and the like are built deep in the core, which knows no interface
language. A `Said` is the English text (a `str`, so logs, the notebook and every existing check
read it as before) carrying its key and values, so a front-end can word it in the learner's
language instead (`Texts.said`).
"""

from __future__ import annotations

from typing import Any


class Said(str):
    """The English text of catalogue `key` with `values`, which a front-end may word anew."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Said:
        from words_tui.i18n import Texts

        said = super().__new__(cls, Texts("en")(key, **values))
        said.key = key
        said.values = values
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied or pickled with its key and values, not as the English text alone."""
        return (_said_again, (self.key, self.values))


def _said_again(key: str, values: dict[str, Any]) -> Said:
    return Said(key, **values)
