"""Onboarding: native language → target language → level → a note on LLM features → start.

Used on the first run and for every new profile. The starter vocabulary fills the profile with the
words of its level at once, so a learner without an API key can start a lesson straight away.
Choosing the native language switches the interface to it when it is translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from words_tui.domain.enums import Level
from words_tui.tui.base import WordsScreen
from words_tui.tui.i18n import Texts
from words_tui.tui.widgets.footer import TranslatedFooter

LANGUAGE_ORDER = ("en", "ru", "es")
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
        self.query_one(LoadingIndicator).display = False
        self.show_step()

    def languages(self) -> list[str]:
        available = self.core.vocabulary.starter_languages
        return [code for code in LANGUAGE_ORDER if code in available]

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
            options.highlighted = 0
            options.focus()

    def options_for(self, step: str) -> list[Option]:
        if step in ("native", "target"):
            names = self.words_app.texts.language_name
            return [
                Option(names(code), id=code)
                for code in self.languages()
                if step == "native" or code != self.choices.native
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
        if self.choices.level not in STARTER_LEVELS:
            lines += ["", self.t("onboarding.level_beyond_starter")]
        return "\n".join(lines)

    @on(OptionList.OptionSelected, "#options")
    def choose(self, event: OptionList.OptionSelected) -> None:
        value = event.option.id
        assert value is not None
        step = STEPS[self.step]
        if step == "native":
            self.choices.native = value
            if self.first_run:
                self.words_app.texts = Texts(value)
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
            await core.vocabulary.fill_from_starter(profile.id)
        finally:
            self.query_one("#start", Button).disabled = False
            self.query_one(LoadingIndicator).display = False
        self.words_app.show_home(profile)
