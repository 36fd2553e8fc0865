"""The panel under a card that explains the verdict: why it was accepted or what was expected.

It shows the verdict and its reason — every verdict has one: the letters the learner missed
highlighted, the form typed, the right article ("✓, but: la mujer"), the other word typed
("abuelo = grandfather"), the judge's comment (only when a judge gave it) — then other accepted
answers, an example sentence, the word's forms, and news such as "you will type this word from
now on". Texts come from the interface catalogue; words and the judge's comment are shown as
written, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from words_tui.domain.enums import Stage, Verdict
from words_tui.tui.literal import literal, shown

if TYPE_CHECKING:
    from words_tui.i18n import Texts
    from words_tui.services.lessons import Feedback

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
    "spelling": "feedback.form.spelling",
}
WRONG_REASONS = {
    "real_word": "feedback.reason.real_word",
    "degree": "feedback.reason.degree",
    "gender": "feedback.reason.gender",
    "too_long": "feedback.reason.too_long",
}
"""Why a local verdict was wrong, when it was not another known word (named with its meaning)."""
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
            parts.append((shown(expected[start:end]), "" if tag == "equal" else MISSED))
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
    if feedback.correction:
        but = literal("✓ " + texts("feedback.but") + " ", "bold $success")
        return Content.assemble(but, literal(feedback.correction, "bold"))
    if feedback.reason == "no_answer":
        return literal("✗ " + texts("feedback.not_known"), "bold $error")
    key = HEADLINES.get(feedback.verdict)
    if key is None:
        return literal("✗ " + texts("feedback.wrong"), "bold $error")
    return literal("✓ " + texts(key), "bold $success")


def _lines(feedback: Feedback, texts: Texts, could_not_check: bool) -> Iterator[Content]:
    yield _headline(feedback, texts)
    yield from _explanation(feedback, texts, could_not_check)
    also = [a for a in feedback.accepted if a != feedback.expected][:MAX_ALSO_ACCEPTED]
    if also:
        yield literal(texts("feedback.also_accepted", answers=", ".join(also)))
    if feedback.examples:
        example = feedback.examples[0]
        text = example.source + (f" — {example.target}" if example.target else "")
        yield literal(text, "italic")
    forms = [(name, feedback.forms[name]) for name in SHOWN_FORMS if name in feedback.forms]
    if forms:
        yield literal(
            " · ".join(
                f"{texts.get('form.' + name, name)}: {value}" for name, value in forms[:MAX_FORMS]
            ),
            "dim",
        )
    for flag, key in (
        (feedback.promoted, "feedback.promoted"),
        (feedback.mastered, "feedback.mastered"),
        (feedback.leech, "feedback.leech"),
        (feedback.comes_back and not feedback.correct, "feedback.comes_back"),
    ):
        if flag:
            yield literal(texts(key), "bold $accent")


def _explanation(feedback: Feedback, texts: Texts, could_not_check: bool) -> Iterator[Content]:
    verdict, expected = feedback.verdict, feedback.expected
    if feedback.correction:
        return  # the headline says it: "✓ Right, but: la mujer"
    if verdict in (Verdict.ACCENT, Verdict.TYPO):
        yield Content.assemble(
            texts("feedback.spelled") + " ", highlight_differences(expected, feedback.answer)
        )
    elif feedback.form in FORM_EXPLANATIONS:
        key = FORM_EXPLANATIONS[feedback.form]
        yield literal(texts(key, expected=expected, answer=feedback.answer.strip()))
    elif verdict == Verdict.FORM:
        form = texts.get("form." + feedback.form, feedback.form)
        yield literal(texts("feedback.form.other", form=form, expected=expected))
    elif verdict == Verdict.JUDGE_ACCEPTED and feedback.note:
        yield literal(texts("feedback.judge_comment", comment=feedback.note))
    elif not feedback.correct:
        yield from _why_wrong(feedback, texts, could_not_check)


def _why_wrong(feedback: Feedback, texts: Texts, could_not_check: bool) -> Iterator[Content]:
    """The right answer, what was typed, and the reason: the judge's only when it judged."""
    expected, typed = feedback.expected, feedback.card.stage == Stage.TYPING
    answer = highlight_differences(expected, feedback.answer) if typed else literal(expected)
    yield Content.assemble(texts("feedback.answer_is") + " ", answer.stylize("bold"))
    if not (typed and feedback.answer.strip()):
        return
    yield literal(texts("feedback.you_typed", answer=feedback.answer))
    if feedback.known is not None:
        yield literal(texts("feedback.reason.other_word", word=feedback.known.describe()))
    elif feedback.reason in WRONG_REASONS:
        key = WRONG_REASONS[feedback.reason]
        yield literal(texts(key, answer=feedback.answer.strip(), expected=expected))
    elif feedback.judged and feedback.note:
        yield literal(texts("feedback.judge_comment", comment=feedback.note))
    if could_not_check or (feedback.reason == "gender" and not feedback.judged):
        yield literal(texts("feedback.could_not_check"), "$warning")
