"""Onboarding: native language → target language → level → a note on LLM features → start.

Used on the first run and for every new profile. Every language with a word list is offered,
named in itself ("Français"); English, Russian and Spanish come first, since the starter
vocabulary fills their levels up to B1 at once, so a learner without an API key can start a lesson
straight away. Other languages and higher levels are built from the frequency list and translated
through the source chain (the LLM when one is configured); words nothing can translate wait in the
profile's "to translate" list, and the learner is told how many. Choosing the native language
switches the interface to it when it is translated; the language of the user's locale (LANG) is
highlighted at first.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from words_tui.domain.enums import Level
from words_tui.services.vocabulary import LanguageChoice
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import shown
from words_tui.tui.widgets.footer import TranslatedFooter

LANGUAGE_ORDER = ("en", "ru", "es")
"""The starter vocabulary's languages, first in the lists in this order."""
STARTER_LEVELS = frozenset({Level.A1, Level.A2, Level.B1})
STEPS = ("native", "target", "level", "finish")


@dataclass
class Choices:
    """What the learner has picked so far."""

    native: str | None = None
    target: str | None = None
    level: Level | None = None


class OnboardingScreen(WordsScreen[None]):
    """A four-step wizard that creates a profile and fills it from the starter vocabulary."""

    DEFAULT_CSS = """
    OnboardingScreen { align: center top; }
    OnboardingScreen #wizard { width: 72; max-width: 100%; height: auto; padding: 1 2; }
    OnboardingScreen #welcome { text-style: bold; color: $accent; }
    OnboardingScreen #step { color: $text-muted; }
    OnboardingScreen #question { text-style: bold; margin: 1 0; }
    OnboardingScreen OptionList { height: auto; max-height: 10; }
    OnboardingScreen #llm-note { margin: 1 0; }
    OnboardingScreen #start { margin-top: 1; }
    OnboardingScreen LoadingIndicator { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "key.back")]

    def __init__(self, *, first_run: bool) -> None:
        super().__init__()
        self.first_run = first_run
        self.choices = Choices()
        self.step = 0
        self.languages: list[LanguageChoice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="wizard"):
            yield Static(self.t("onboarding.welcome"), id="welcome")
            yield Static("", id="step")
            yield Static("", id="question")
            yield OptionList(id="options")
            yield Static("", id="llm-note")
            yield Button("", id="start", variant="primary")
            yield LoadingIndicator()
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.load_languages()

    @work(exclusive=True, group="onboarding-languages", exit_on_error=False)
    async def load_languages(self) -> None:
        """The language list (reads wordfreq's and CLDR's data: off the event loop)."""
        choices = await asyncio.to_thread(self.core.vocabulary.languages)
        first = {code: place for place, code in enumerate(LANGUAGE_ORDER)}
        self.languages = sorted(choices, key=lambda c: first.get(c.code, len(first)))
        self.query_one(LoadingIndicator).display = False
        self.show_step()

    def language_label(self, choice: LanguageChoice) -> str:
        """The language's own name, with its name in the interface language when that differs
        ("Русский — Russian")."""
        local = self.words_app.texts.language_name(choice.code)
        same = local.casefold() == choice.name.casefold() or local == choice.code
        return choice.name if same else f"{choice.name} — {local}"

    def show_step(self) -> None:
        """Draw the current step's question and options."""
        name = STEPS[self.step]
        self.query_one("#welcome", Static).update(self.t("onboarding.welcome"))
        self.query_one("#step", Static).update(
            self.t("onboarding.step", number=self.step + 1, total=len(STEPS))
        )
        self.query_one("#question", Static).update(self.t(f"onboarding.{name}.question"))
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(self.options_for(name))
        options.display = name != "finish"
        note = self.query_one("#llm-note", Static)
        start = self.query_one("#start", Button)
        note.display = start.display = name == "finish"
        if name == "finish":
            note.update(self.finish_note())
            start.label = self.t("onboarding.start")
            start.focus()
        else:
            options.highlighted = self.preselected(name)
            options.focus()

    def preselected(self, step: str) -> int:
        """The option highlighted first: the locale's language (from LANG) as the native one."""
        if step == "native":
            codes = [choice.code for choice in self.languages]
            if self.words_app.system_language in codes:
                return codes.index(self.words_app.system_language)
        return 0

    def options_for(self, step: str) -> list[Option]:
        if step in ("native", "target"):
            return [
                Option(self.language_label(choice), id=choice.code)
                for choice in self.languages
                if step == "native" or choice.code != self.choices.native
            ]
        if step == "level":
            return [
                Option(f"{level.value}  {self.t(f'level.{level.value}')}", id=level.value)
                for level in Level
            ]
        return []

    def finish_note(self) -> str:
        texts = self.words_app.texts
        assert self.choices.native and self.choices.target and self.choices.level
        lines = [
            self.t(
                "onboarding.summary",
                native=texts.language_name(self.choices.native),
                target=texts.language_name(self.choices.target),
                level=self.choices.level.value,
            ),
            "",
            self.t("onboarding.llm_configured")
            if self.core.llm_configured
            else self.t("onboarding.llm_missing"),
        ]
        if not self.offline(self.choices.native) or not self.offline(self.choices.target):
            lines += ["", self.t("onboarding.frequency_words")]
        elif self.choices.level not in STARTER_LEVELS:
            lines += ["", self.t("onboarding.level_beyond_starter")]
        return "\n".join(lines)

    def offline(self, code: str) -> bool:
        """Whether the starter vocabulary has the language."""
        return any(choice.offline for choice in self.languages if choice.code == code)

    @on(OptionList.OptionSelected, "#options")
    def choose(self, event: OptionList.OptionSelected) -> None:
        value = event.option.id
        assert value is not None
        step = STEPS[self.step]
        if step == "native":
            self.choices.native = value
            if self.first_run:
                self.words_app.texts = self.words_app.texts.switched_to(value)
                self.refresh_bindings()
        elif step == "target":
            self.choices.target = value
        elif step == "level":
            self.choices.level = Level(value)
        self.step += 1
        self.show_step()

    def action_back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self.show_step()
        elif not self.first_run:
            self.dismiss(None)

    @on(Button.Pressed, "#start")
    def start(self) -> None:
        self.query_one("#start", Button).disabled = True
        self.query_one(LoadingIndicator).display = True
        self.create_profile()

    @work(exclusive=True, group="onboarding", exit_on_error=False)
    async def create_profile(self) -> None:
        choices = self.choices
        assert choices.native and choices.target and choices.level
        core = self.core
        try:
            profile = await core.profiles.create(choices.native, choices.target, choices.level)
            assert profile.id is not None
            fill = await core.vocabulary.fill_level(profile.id, progress=self.progress)
        finally:
            self.query_one("#start", Button).disabled = False
            self.query_one(LoadingIndicator).display = False
        self.words_app.show_home(profile)
        if fill.pending:
            self.words_app.notify(
                shown(self.t("onboarding.pending", count=fill.pending, reason=fill.reason)),
                severity="warning",
                markup=False,
                timeout=20,
            )

    def progress(self, done: int, total: int) -> None:
        """The level's translation advancing (called on the event loop)."""
        self.query_one("#llm-note", Static).update(
            self.t("onboarding.translating", done=done, total=total)
        )
