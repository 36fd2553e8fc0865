"""The panel under a card that explains the verdict: why it was accepted or what was expected.

It shows the verdict, the right answer with the letters the learner missed highlighted, the
judge's comment, other accepted answers, an example sentence, the word's forms, and news such as
"you will type this word from now on". Texts come from the interface catalogue; the judge's
comment is shown as the judge wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from words_tui.domain.enums import Stage, Verdict

if TYPE_CHECKING:
    from words_tui.services.lessons.service import Feedback
    from words_tui.tui.i18n import Texts

HEADLINES = {
    Verdict.EXACT: "feedback.correct",
    Verdict.CHOICE_CORRECT: "feedback.correct",
    Verdict.ACCENT: "feedback.accent",
    Verdict.TYPO: "feedback.typo",
    Verdict.FORM: "feedback.form",
    Verdict.JUDGE_ACCEPTED: "feedback.judge_accepted",
    Verdict.OVERRIDE: "feedback.override",
}
FORM_EXPLANATIONS = {
    "alternative": "feedback.form.alternative",
    "lemma": "feedback.form.lemma",
    "article": "feedback.form.article",
}
MAX_ALSO_ACCEPTED = 4
SHOWN_FORMS = (
    "gender",
    "plural",
    "pl",
    "f",
    "n",
    "past",
    "past_participle",
    "participle",
    "aspect",
    "aspect_pair",
    "comparative",
    "superlative",
    "pres_1sg",
    "pret_1sg",
)
"""The forms worth showing after an answer, in this order; the data also lists the inflections
its example sentences use (cases, persons), which would only clutter the panel."""
MAX_FORMS = 4
MISSED = "bold underline $warning"


def highlight_differences(expected: str, answer: str) -> Content:
    """`expected` with the letters that differ from `answer` (ignoring case) highlighted."""
    matcher = SequenceMatcher(
        None, [c.casefold() for c in answer], [c.casefold() for c in expected], autojunk=False
    )
    parts: list[tuple[str, str]] = []
    for tag, _, _, start, end in matcher.get_opcodes():
        if end > start:
            parts.append((expected[start:end], "" if tag == "equal" else MISSED))
    return Content.assemble(*parts)


class FeedbackPanel(Static):
    """Explains the last verdict; empty while a card is being answered."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        padding: 0 1;
        margin-top: 1;
        border-left: thick $surface-lighten-2;
    }
    FeedbackPanel.-correct { border-left: thick $success; }
    FeedbackPanel.-wrong { border-left: thick $error; }
    FeedbackPanel.-empty { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="-empty")

    def clear(self) -> None:
        self.update("")
        self.set_classes("-empty")

    def show(self, feedback: Feedback, texts: Texts, *, could_not_check: bool) -> None:
        """Explain `feedback` in the interface language."""
        lines = list(_lines(feedback, texts, could_not_check))
        self.update(Content("\n").join(lines))
        self.set_classes("-correct" if feedback.correct else "-wrong")


def _headline(feedback: Feedback, texts: Texts) -> Content:
    key = HEADLINES.get(feedback.verdict)
    if key is None:
        return Content.styled("✗ " + texts("feedback.wrong"), "bold $error")
    return Content.styled("✓ " + texts(key), "bold $success")


def _lines(feedback: Feedback, texts: Texts, could_not_check: bool) -> Iterator[Content]:
    yield _headline(feedback, texts)
    yield from _explanation(feedback, texts, could_not_check)
    also = [a for a in feedback.accepted if a != feedback.expected][:MAX_ALSO_ACCEPTED]
    if also:
        yield Content(texts("feedback.also_accepted", answers=", ".join(also)))
    if feedback.examples:
        example = feedback.examples[0]
        text = example.source + (f" — {example.target}" if example.target else "")
        yield Content.styled(text, "italic")
    forms = [(name, feedback.forms[name]) for name in SHOWN_FORMS if name in feedback.forms]
    if forms:
        yield Content.styled(
            " · ".join(
                f"{texts.get('form.' + name, name)}: {value}" for name, value in forms[:MAX_FORMS]
            ),
            "dim",
        )
    for flag, key in (
        (feedback.promoted, "feedback.promoted"),
        (feedback.mastered, "feedback.mastered"),
        (feedback.leech, "feedback.leech"),
    ):
        if flag:
            yield Content.styled(texts(key), "bold $accent")


def _explanation(feedback: Feedback, texts: Texts, could_not_check: bool) -> Iterator[Content]:
    verdict, expected = feedback.verdict, feedback.expected
    typed = feedback.card.stage == Stage.TYPING
    if verdict in (Verdict.ACCENT, Verdict.TYPO):
        yield Content.assemble(
            texts("feedback.spelled") + " ", highlight_differences(expected, feedback.answer)
        )
    elif verdict == Verdict.FORM:
        key = FORM_EXPLANATIONS.get(feedback.form)
        if key is not None:
            yield Content(texts(key, expected=expected))
        else:
            form = texts.get("form." + feedback.form, feedback.form)
            yield Content(texts("feedback.form.other", form=form, expected=expected))
    elif verdict == Verdict.JUDGE_ACCEPTED and feedback.note:
        yield Content(texts("feedback.judge_comment", comment=feedback.note))
    elif not feedback.correct:
        answer = highlight_differences(expected, feedback.answer) if typed else Content(expected)
        yield Content.assemble(texts("feedback.answer_is") + " ", answer.stylize("bold"))
        if typed and feedback.answer.strip():
            yield Content(texts("feedback.you_typed", answer=feedback.answer))
        if could_not_check:
            yield Content.styled(texts("feedback.could_not_check"), "$warning")
        elif feedback.note:
            yield Content(texts("feedback.judge_comment", comment=feedback.note))
