"""The lesson: one card at a time, answered by choice (keys 1–4, mouse) or by typing (Enter).

"I don't know" (F2, or Enter on an empty answer) reveals the answer and counts as a miss.

Checking runs in a worker, so the judge never blocks the screen: a spinner appears after 150 ms,
and a judge that is slow or down leaves the local verdict standing, which the learner can
override with "r". The service commits every answer before it returns, so leaving (or losing
the terminal) mid-lesson loses nothing that was answered.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, LoadingIndicator, ProgressBar, Static

from words_tui.domain.enums import Direction
from words_tui.errors import UserError
from words_tui.services.lessons import COULD_NOT_CHECK
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import shown
from words_tui.tui.speech import SAY, SpeaksWord
from words_tui.tui.widgets.choices import ChoiceList
from words_tui.tui.widgets.feedback import FeedbackPanel
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.lessons import Feedback, Lesson, LessonCard, LessonService

SPINNER_DELAY_S = 0.15
"""The spinner appears only when checking takes longer than this (the judge, a slow disk)."""


class Phase(Enum):
    ASKING = "asking"
    CHECKING = "checking"
    FEEDBACK = "feedback"
    BUSY = "busy"


FEEDBACK_ACTIONS = frozenset({"next", "override"})
ANY_TIME_ACTIONS = frozenset({"edit", "suspend", "leave"})


class LessonScreen(SpeaksWord, WordsScreen[None]):
    """Asks the lesson's cards and explains each verdict."""

    DEFAULT_CSS = """
    LessonScreen #lesson-top { height: 1; padding: 0 1; }
    LessonScreen #lesson-progress { width: 1fr; }
    LessonScreen #lesson-progress Bar { width: 1fr; }
    LessonScreen #lesson-count { width: auto; color: $text-muted; margin-left: 1; }
    LessonScreen #lesson-body { padding: 0 1; align-horizontal: center; }
    LessonScreen #lesson-body > * { max-width: 100; }
    LessonScreen #direction { color: $text-muted; margin-top: 1; }
    LessonScreen #prompt { text-style: bold; color: $accent; padding: 1 2; background: $boost; }
    LessonScreen #answer { margin-top: 1; }
    LessonScreen LoadingIndicator { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", show=False),
        Binding("2", "choose(1)", show=False),
        Binding("3", "choose(2)", show=False),
        Binding("4", "choose(3)", show=False),
        Binding("enter", "next", "key.next", priority=True),
        Binding("f2", "dont_know", "key.dont_know"),
        Binding("u", "undo", "key.undo"),
        Binding("r", "override", "key.override"),
        Binding("e", "edit", "key.edit"),
        Binding("s", "suspend", "key.suspend"),
        Binding("escape", "leave", "key.leave"),
        SAY,
    ]

    def __init__(self, service: LessonService, lesson: Lesson) -> None:
        super().__init__()
        self.service = service
        self.lesson = lesson
        self.phase = Phase.ASKING
        self.card: LessonCard | None = None
        self.feedback: Feedback | None = None
        self.picked: int | None = None
        self.shown_at = 0.0
        self._spinner: Timer | None = None

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

    def on_mount(self) -> None:
        self.title = self.t("lesson.title")
        self.query_one(LoadingIndicator).display = False
        self.ask(self.lesson.current)
        self.call_after_refresh(
            self.service.languages.start, (self.lesson.native_lang, self.lesson.target_lang)
        )

    # -- showing cards and verdicts ------------------------------------------------------------

    def ask(self, card: LessonCard | None) -> None:
        """Show `card` ready for an answer, or end the lesson when there is none."""
        if card is None:
            self.finish_lesson()
            return
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
            choices.focus()
        else:
            answer.value = ""
            answer.placeholder = self.t("lesson.type_placeholder", language=names(card.answer_lang))
            answer.focus()
        self.update_progress()
        self.phase = Phase.ASKING
        self.shown_at = time.monotonic()

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

    def applies(self, action: str) -> bool:
        """Whether `action`'s key means something in the current phase.

        The footer keeps every key of the lesson in view (redrawing it on each phase change
        would cost more than a frame); a key that does not apply now is passed on with
        `SkipAction`, so Enter still reaches the answer box while a card is being asked.
        """
        if action == "choose":
            return self.phase == Phase.ASKING and self.card is not None and self.card.is_choice
        if action == "dont_know":
            return self.phase == Phase.ASKING
        if action in FEEDBACK_ACTIONS:
            if self.phase != Phase.FEEDBACK:
                return False
            return action == "next" or (self.feedback is not None and self.feedback.can_override)
        if action == "undo":
            return self.phase in (Phase.ASKING, Phase.FEEDBACK) and bool(self.lesson.answered)
        if action in ANY_TIME_ACTIONS:
            return self.phase in (Phase.ASKING, Phase.FEEDBACK)
        return True

    def require(self, action: str) -> None:
        if not self.applies(action):
            raise SkipAction()

    # -- answering ------------------------------------------------------------------------------

    def action_choose(self, index: int) -> None:
        self.require("choose")
        self.query_one(ChoiceList).choose(index)

    @on(ChoiceList.Chosen)
    def chosen(self, event: ChoiceList.Chosen) -> None:
        self.picked = event.index
        self.submit(event.text)

    @on(Input.Submitted, "#answer")
    def typed(self, event: Input.Submitted) -> None:
        """An answer, or "I don't know" when nothing was typed."""
        self.submit(event.value if event.value.strip() else "")

    def action_dont_know(self) -> None:
        """Reveal the answer; it counts as a miss."""
        self.require("dont_know")
        self.submit("")

    def submit(self, answer: str) -> None:
        if self.phase != Phase.ASKING or self.card is None:
            return
        duration_s = time.monotonic() - self.shown_at
        self.phase = Phase.CHECKING
        self._spinner = self.set_timer(SPINNER_DELAY_S, self._show_spinner)
        self.check_answer(self.card, answer, duration_s)

    def _show_spinner(self) -> None:
        if self.phase == Phase.CHECKING:
            self.query_one(LoadingIndicator).display = True

    def _hide_spinner(self) -> None:
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None
        self.query_one(LoadingIndicator).display = False

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def check_answer(self, card: LessonCard, answer: str, duration_s: float) -> None:
        """Check and record the answer; the screen stays live while the judge thinks."""
        try:
            feedback = await self.service.answer(self.lesson, card, answer, duration_s)
        except UserError as err:
            self._ask_again(card, answer)
            self.not_saved(err)
            return
        except BaseException:
            self.ask(card)
            raise
        finally:
            self._hide_spinner()
        self.show_feedback(feedback)

    def _ask_again(self, card: LessonCard, answer: str) -> None:
        """The card once more, with what was typed still there to send again."""
        self.ask(card)
        if not card.is_choice:
            self.query_one("#answer", Input).value = answer

    def not_saved(self, error: UserError) -> None:
        """One line on what failed; the lesson goes on and can be left with Esc."""
        self.notify(
            self.t("lesson.not_saved", reason=error),
            severity="error",
            timeout=12,
            markup=False,
        )

    def action_next(self) -> None:
        self.require("next")
        self.ask(self.lesson.current)

    # -- undo, override, edit, suspend, leave ---------------------------------------------------

    def action_undo(self) -> None:
        self.require("undo")
        self.phase = Phase.BUSY
        self.undo_answer()

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def undo_answer(self) -> None:
        try:
            card = await self.service.undo(self.lesson)
        except BaseException as err:
            self.phase = Phase.FEEDBACK if self.feedback else Phase.ASKING
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        self.notify(shown(self.t("lesson.undone", word=card.headword)), markup=False)
        self.ask(card)

    def action_override(self) -> None:
        self.require("override")
        self.phase = Phase.BUSY
        self.override_answer()

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def override_answer(self) -> None:
        try:
            feedback = await self.service.override(self.lesson)
        except BaseException as err:
            self.phase = Phase.FEEDBACK
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        self.show_feedback(feedback)

    def _word_card(self) -> LessonCard | None:
        """The card whose word `e` and `s` act on: the one answered, or the one asked."""
        return self.feedback.card if self.feedback is not None else self.card

    def word_to_say(self) -> tuple[str, str] | None:
        """The foreign word: once answered, or while it is the question (never the answer
        still to be given)."""
        card = self._word_card()
        if card is None:
            return None
        if self.feedback is None and card.direction != Direction.FOREIGN_TO_NATIVE:
            return None
        return card.headword, self.lesson.target_lang

    def action_edit(self) -> None:
        from words_tui.tui.dialogs.edit_word import EditWordDialog

        self.require("edit")
        card = self._word_card()
        if card is None:
            return

        def edited(meanings: list[str] | None) -> None:
            if meanings is not None:
                self.save_meanings(card, meanings)

        self.app.push_screen(EditWordDialog(card.headword, card.meanings), edited)

    @work(exclusive=True, group="lesson-edit", exit_on_error=False)
    async def save_meanings(self, card: LessonCard, meanings: list[str]) -> None:
        """Save through the lesson, so the cards still to come ask the new meanings."""
        try:
            await self.service.edit_meanings(self.lesson, card, meanings)
        except UserError as err:
            self.not_saved(err)
            return
        current, asked = self.lesson.current, self.card
        if self.phase == Phase.ASKING and current is not None and asked is not None:
            self._show_edited(current, asked)
        self.notify(shown(self.t("lesson.edited", word=card.headword)), markup=False)

    def _show_edited(self, current: LessonCard, asked: LessonCard) -> None:
        """The card being asked, again, when its word's meanings changed."""
        if current.user_word_id == asked.user_word_id:
            self.card = current
            self.query_one("#prompt", Static).update(shown(current.prompt))
            if current.is_choice:
                self.query_one(ChoiceList).ask(current.options)

    def action_suspend(self) -> None:
        self.require("suspend")
        card = self._word_card()
        if card is not None:
            self.phase = Phase.BUSY
            self.suspend_word(card)

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def suspend_word(self, card: LessonCard) -> None:
        asking = self.feedback is None
        try:
            await self.service.suspend(self.lesson, card)
        except BaseException as err:
            self.phase = Phase.ASKING if asking else Phase.FEEDBACK
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        self.notify(shown(self.t("lesson.suspended", word=card.headword)), markup=False)
        if asking:
            self.ask(self.lesson.current)
        else:
            self.update_progress()
            self.phase = Phase.FEEDBACK

    def action_leave(self) -> None:
        self.require("leave")
        self.finish_lesson()

    def finish_lesson(self) -> None:
        self.phase = Phase.BUSY
        self.close_lesson()

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def close_lesson(self) -> None:
        from words_tui.tui.screens.summary import SummaryScreen

        try:
            summary = await self.service.finish(self.lesson)
        except Exception as err:
            # Leaving must always work: the answers are committed already.
            summary = self.service.summary(self.lesson)
            reason: object = err if isinstance(err, UserError) else type(err).__name__
            self.notify(
                self.t("lesson.end_not_saved", reason=reason),
                severity="error",
                timeout=12,
                markup=False,
            )
        self.app.switch_screen(SummaryScreen(summary, self.lesson.profile_id))
