"""What the lesson screen shows: a card being asked, or the verdict on the card just answered.

`LessonView` draws; `LessonScreen` (`lesson.py`) adds the keys and the workers that call the
lesson service. Every change of phase refreshes the footer, so it lists only the keys that
apply now (`LessonScreen.check_action`).
"""

from __future__ import annotations

import time
from enum import Enum
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, LoadingIndicator, ProgressBar, Static

from words_tui.domain.enums import Direction
from words_tui.errors import UserError
from words_tui.services.lessons import COULD_NOT_CHECK
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import shown
from words_tui.tui.speech import SpeaksWord
from words_tui.tui.widgets.choices import ChoiceList
from words_tui.tui.widgets.feedback import FeedbackPanel
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.lessons import Feedback, Lesson, LessonCard, LessonService


class Phase(Enum):
    ASKING = "asking"
    CHECKING = "checking"
    FEEDBACK = "feedback"
    BUSY = "busy"


class LessonView(SpeaksWord, WordsScreen[None]):
    """The lesson's card, answer box or options, verdict and progress."""

    DEFAULT_CSS = """
    LessonView #lesson-top { height: 1; padding: 0 1; }
    LessonView #lesson-progress { width: 1fr; }
    LessonView #lesson-progress Bar { width: 1fr; }
    LessonView #lesson-count { width: auto; color: $text-muted; margin-left: 1; }
    LessonView #lesson-body { padding: 0 1; align-horizontal: center; }
    LessonView #lesson-body > * { max-width: 100; }
    LessonView #direction { color: $text-muted; margin-top: 1; }
    LessonView #prompt { text-style: bold; color: $accent; padding: 1 2; background: $boost; }
    LessonView #answer { margin-top: 1; }
    LessonView LoadingIndicator { height: 1; }
    """

    def __init__(self, service: LessonService, lesson: Lesson) -> None:
        super().__init__()
        self.service = service
        self.lesson = lesson
        self._phase = Phase.ASKING
        self.card: LessonCard | None = None
        self.feedback: Feedback | None = None
        self.picked: int | None = None
        self.shown_at = 0.0
        self._spinner: Timer | None = None

    @property
    def phase(self) -> Phase:
        return self._phase

    @phase.setter
    def phase(self, phase: Phase) -> None:
        """A new phase changes which keys apply: the footer follows — but not into checking,
        which mostly lasts a few milliseconds: redrawing the footer for it cost as much as the
        check, in front of the verdict. The footer follows a long check when the spinner
        appears (`show_checking`); keys that do not apply are refused all the same."""
        self._phase = phase
        if phase != Phase.CHECKING:
            self.refresh_bindings()

    def show_checking(self) -> None:
        """A check taking long enough for the learner to notice: the spinner, and the footer
        without the keys that wait for the verdict."""
        if self.phase == Phase.CHECKING:
            self.query_one(LoadingIndicator).display = True
            self.refresh_bindings()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="lesson-top"):
            yield ProgressBar(show_eta=False, show_percentage=False, id="lesson-progress")
            yield Static("", id="lesson-count")
        with VerticalScroll(id="lesson-body"):
            yield Static("", id="direction")
            yield Static("", id="prompt", markup=False)
            yield ChoiceList(id="choices")
            yield Input(id="answer")
            yield LoadingIndicator()
            yield FeedbackPanel(id="feedback")
        yield TranslatedFooter()

    def finish_lesson(self) -> None:
        raise NotImplementedError

    def ask(self, card: LessonCard | None) -> None:
        """Show `card` ready for an answer, or end the lesson when there is none."""
        if card is None:
            self.finish_lesson()
            return
        self.present(card)
        if card.is_choice:
            self.query_one(ChoiceList).focus()
        else:
            self.query_one("#answer", Input).focus()
        self.phase = Phase.ASKING
        self.shown_at = time.monotonic()

    def present(self, card: LessonCard) -> None:
        """Draw `card`: its direction, prompt, and options or an empty answer box."""
        self.card, self.feedback, self.picked = card, None, None
        names = self.words_app.texts.language_name
        direction = self.t(
            "lesson.direction", source=names(card.prompt_lang), target=names(card.answer_lang)
        )
        mode = self.t("lesson.mode.choice" if card.is_choice else "lesson.mode.typing")
        badge = "  ·  " + self.t("lesson.new_word") if card.is_new else ""
        if self.lesson.practice:
            badge += "  ·  " + self.t("lesson.practice")
        self.query_one("#direction", Static).update(f"{direction}  ·  {mode}{badge}")
        self.query_one("#prompt", Static).update(shown(card.prompt))
        choices = self.query_one(ChoiceList)
        answer = self.query_one("#answer", Input)
        choices.display = card.is_choice
        answer.display = not card.is_choice
        self.query_one(FeedbackPanel).clear()
        if card.is_choice:
            choices.ask(card.options)
        else:
            answer.value = ""
            answer.placeholder = self.t("lesson.type_placeholder", language=names(card.answer_lang))
        self.update_progress()

    def update_progress(self) -> None:
        total = len(self.lesson.cards)
        done = self.lesson.position
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#lesson-count", Static).update(
            self.t("lesson.count", done=done, total=total)
        )

    def show_feedback(self, feedback: Feedback) -> None:
        self.feedback = feedback
        could_not_check = feedback.note == COULD_NOT_CHECK
        self.query_one(FeedbackPanel).show(
            feedback, self.words_app.texts, could_not_check=could_not_check
        )
        if feedback.card.is_choice:
            self.query_one(ChoiceList).reveal(feedback.expected, self.picked)
        self.update_progress()
        self.phase = Phase.FEEDBACK
        self.set_focus(None)

    def show_again(self, verdict: Feedback | None) -> None:
        """After undo: the verdict that was on screen, as it was; or the current card asked."""
        if verdict is None:
            self.ask(self.lesson.current)
            return
        card = verdict.card
        self.present(card)
        if card.is_choice and verdict.answer in card.options:
            self.picked = card.options.index(verdict.answer)
        self.show_feedback(verdict)

    def show_edited(self, current: LessonCard, asked: LessonCard) -> None:
        """The card being asked, again, when its word's meanings changed."""
        if current.user_word_id == asked.user_word_id:
            self.card = current
            self.query_one("#prompt", Static).update(shown(current.prompt))
            if current.is_choice:
                self.query_one(ChoiceList).ask(current.options)

    def not_saved(self, error: UserError) -> None:
        """One line on what failed; the lesson goes on and can be left with Esc."""
        self.notify(
            self.t("lesson.not_saved", reason=error),
            severity="error",
            timeout=12,
            markup=False,
        )

    def word_card(self) -> LessonCard | None:
        """The card whose word `e` and `s` act on: the one answered, or the one asked."""
        return self.feedback.card if self.feedback is not None else self.card

    def word_to_say(self) -> tuple[str, str] | None:
        """The foreign word: once answered, or while it is the question (never the answer
        still to be given)."""
        card = self.word_card()
        if card is None:
            return None
        if self.feedback is None and card.direction != Direction.FOREIGN_TO_NATIVE:
            return None
        return card.headword, self.lesson.target_lang
