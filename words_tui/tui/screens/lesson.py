"""The lesson: one card at a time, answered by choice (keys 1–4, mouse) or by typing (Enter).

"I don't know" (F2, or Enter on an empty answer) reveals the answer and counts as a miss.

Checking runs in a worker, so the judge never blocks the screen: a spinner appears after 150 ms,
and a judge that is slow or down leaves the local verdict standing, which the learner can
override with "r". The service commits every answer before it returns, so leaving (or losing
the terminal) mid-lesson loses nothing that was answered.

Keys act only where they apply (`check_action`), and the footer lists only those. "u" (Ctrl+Z
while an answer is typed) takes back the last thing done — an answer, "I was right", a suspension, an edit — and shows the
screen as it was then; Esc first clears a half-typed answer, then asks before ending a lesson
with cards left.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.widgets import Input, LoadingIndicator

from words_tui.domain.enums import Direction
from words_tui.errors import UserError
from words_tui.services.lessons import LessonCard
from words_tui.tui.literal import shown
from words_tui.tui.screens.lesson_view import LessonView, Phase
from words_tui.tui.speech import SAY
from words_tui.tui.widgets.choices import ChoiceList

__all__ = ["LessonScreen", "Phase"]

SPINNER_DELAY_S = 0.15
"""The spinner appears only when checking takes longer than this (the judge, a slow disk)."""
ON_A_CARD = frozenset({Phase.ASKING, Phase.FEEDBACK})
UNDONE = {
    "answer": "lesson.undone.answer",
    "override": "lesson.undone.override",
    "suspend": "lesson.undone.suspend",
    "edit": "lesson.undone.edit",
}
"""What undo says it took back, by the kind of action."""


class LessonScreen(LessonView):
    """Asks the lesson's cards and explains each verdict."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", show=False),
        Binding("2", "choose(1)", show=False),
        Binding("3", "choose(2)", show=False),
        Binding("4", "choose(3)", show=False),
        Binding("enter", "next", "key.next", priority=True),
        Binding("f2", "dont_know", "key.dont_know"),
        Binding("u", "undo", "key.undo"),
        Binding("ctrl+z", "undo_typing", "key.undo"),
        Binding("ctrl+z", "undo", show=False),
        Binding("r", "override", "key.override"),
        Binding("r", "why_no_override", show=False),
        Binding("e", "edit", "key.edit"),
        Binding("s", "suspend", "key.suspend"),
        Binding("escape", "leave", "key.leave"),
        SAY,
    ]

    def on_mount(self) -> None:
        self.title = self.t("lesson.title")
        self.query_one(LoadingIndicator).display = False
        self.ask(self.lesson.current)
        self.call_after_refresh(
            self.service.languages.start, (self.lesson.native_lang, self.lesson.target_lang)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether `action`'s key applies now; a key that does not is hidden from the footer
        and passed on (Enter reaches the answer box while a card is being asked)."""
        phase, feedback, card = self.phase, self.feedback, self.card
        wrong_choice = feedback is not None and feedback.card.is_choice and not feedback.correct
        # While a typed card is asked, letters go to the answer box: u, e and s type, and
        # Ctrl+Z is the undo key shown (it undoes in every phase).
        typing = phase == Phase.ASKING and card is not None and not card.is_choice
        letters = phase in ON_A_CARD and not typing
        can_undo = bool(self.lesson.changes)
        applies = {
            "choose": phase == Phase.ASKING and card is not None and card.is_choice,
            "dont_know": phase == Phase.ASKING,
            "next": phase == Phase.FEEDBACK,
            "override": phase == Phase.FEEDBACK and feedback is not None and feedback.can_override,
            "why_no_override": phase == Phase.FEEDBACK and wrong_choice,
            "undo": letters and can_undo,
            "undo_typing": typing and can_undo,
            "edit": letters,
            "suspend": letters,
            "leave": phase in ON_A_CARD,
        }.get(action)
        return super().check_action(action, parameters) if applies is None else applies

    # -- answering ------------------------------------------------------------------------------

    def action_choose(self, index: int) -> None:
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
        self.submit("")

    def submit(self, answer: str) -> None:
        if self.phase != Phase.ASKING or self.card is None:
            return
        duration_s = time.monotonic() - self.shown_at
        self.phase = Phase.CHECKING
        self._spinner = self.set_timer(SPINNER_DELAY_S, self.show_checking)
        self.check_answer(self.card, answer, duration_s)

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

    def action_next(self) -> None:
        self.ask(self.lesson.current)

    # -- undo, override, edit, suspend ----------------------------------------------------------

    def _busy(self) -> Phase:
        """Enter the busy phase (no key acts while the database is written); returns the phase
        to go back to should the write fail."""
        before, self.phase = self.phase, Phase.BUSY
        return before

    def action_undo(self) -> None:
        self.take_back(self._busy())

    def action_undo_typing(self) -> None:
        self.action_undo()

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def take_back(self, before: Phase) -> None:
        """Undo the last action; committed before the card it concerned shows again."""
        try:
            undone = await self.service.undo(self.lesson)
        except BaseException as err:
            self.phase = before
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        text = self.t(UNDONE[undone.kind], word=undone.card.headword)
        self.notify(shown(text), markup=False)
        self.show_again(undone.shown)

    def action_override(self) -> None:
        self.override_answer(self._busy())

    def action_why_no_override(self) -> None:
        """A chosen option is exact: there is no near answer to accept, so say so."""
        self.notify(self.t("lesson.no_override_choice"), markup=False)

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def override_answer(self, before: Phase) -> None:
        try:
            feedback = await self.service.override(self.lesson)
        except BaseException as err:
            self.phase = before
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        self.show_feedback(feedback)

    def action_edit(self) -> None:
        from words_tui.tui.dialogs.edit_word import EditWordDialog

        card = self.word_card()
        if card is None:
            return
        if card.direction == Direction.FOREIGN_TO_NATIVE:
            dialog = EditWordDialog(card.headword, card.meanings)
        else:
            language = self.words_app.texts.language_name(card.answer_lang)
            dialog = EditWordDialog(
                card.headword,
                card.accepted,
                title=self.t("edit.answers.title", language=language, prompt=card.prompt),
                hint=self.t("edit.answers.hint", word=card.headword),
                keep=card.headword,
            )

        def edited(answers: list[str] | None) -> None:
            if answers is not None:
                self.save_answers(card, answers, self._busy())

        self.app.push_screen(dialog, edited)

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def save_answers(self, card: LessonCard, answers: list[str], before: Phase) -> None:
        """Save through the lesson, so the cards still to come ask and accept the new answers."""
        try:
            await self.service.edit_answers(self.lesson, card, answers, shown=self.feedback)
        except UserError as err:
            self.phase = before
            self.not_saved(err)
            return
        current, asked = self.lesson.current, self.card
        if before == Phase.ASKING and current is not None and asked is not None:
            self.show_edited(current, asked)
        self.phase = before
        self.notify(shown(self.t("lesson.edited", word=card.headword)), markup=False)

    def action_suspend(self) -> None:
        card = self.word_card()
        if card is not None:
            self.suspend_word(card, self._busy())

    @work(exclusive=True, group="lesson", exit_on_error=False)
    async def suspend_word(self, card: LessonCard, before: Phase) -> None:
        try:
            await self.service.suspend(self.lesson, card, shown=self.feedback)
        except BaseException as err:
            self.phase = before
            if isinstance(err, UserError):
                self.not_saved(err)
                return
            raise
        self.notify(shown(self.t("lesson.suspended", word=card.headword)), markup=False)
        if before == Phase.ASKING:
            self.ask(self.lesson.current)
        else:
            self.update_progress()
            self.phase = Phase.FEEDBACK

    # -- leaving --------------------------------------------------------------------------------

    def action_leave(self) -> None:
        """Esc: clear a half-typed answer; else end the lesson, asking first if cards are left."""
        from words_tui.tui.dialogs.confirm import ConfirmDialog

        answer = self.query_one("#answer", Input)
        if self.phase == Phase.ASKING and answer.display and answer.value:
            answer.value = ""
            return
        left = self.lesson.remaining
        if not left:
            self.finish_lesson()
            return

        def decided(end: bool | None) -> None:
            if end:
                self.finish_lesson()

        question = self.t("lesson.end_confirm", count=left)
        self.app.push_screen(ConfirmDialog(question, self.t("key.leave"), yes_first=True), decided)

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
