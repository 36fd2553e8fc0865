"""Lessons: building a sitting, checking and recording answers, undo, today's counts.

Imports `domain`, `infrastructure` and the `vocabulary` capability's public surface (a word's
meanings are edited there, then mirrored in the running lesson). Front-ends use `LessonService`
(through `Core.lessons`) and the records it returns.
"""

from words_tui.services.lessons.checking import (
    COULD_NOT_CHECK,
    AnswerChecker,
    Judge,
    LanguageSource,
    Question,
)
from words_tui.services.lessons.queries import LessonError
from words_tui.services.lessons.service import (
    Feedback,
    Lesson,
    LessonCard,
    LessonService,
    LessonSummary,
)
from words_tui.services.lessons.sitting import Mistake
from words_tui.services.lessons.today import Outlook, TodayCounts, today_counts

__all__ = [
    "COULD_NOT_CHECK",
    "AnswerChecker",
    "Feedback",
    "Judge",
    "LanguageSource",
    "Lesson",
    "LessonCard",
    "LessonError",
    "LessonService",
    "LessonSummary",
    "Mistake",
    "Outlook",
    "Question",
    "TodayCounts",
    "today_counts",
]
