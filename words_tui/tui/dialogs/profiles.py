"""The profile switcher: the learner's profiles, the active one marked, and "new profile"."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from words_tui.tui.base import WordsModal
from words_tui.tui.literal import literal

NEW_PROFILE = "new"


class ProfilePicker(WordsModal[int | str | None]):
    """Returns a profile id, `NEW_PROFILE`, or None when cancelled."""

    DEFAULT_CSS = """
    ProfilePicker { align: center middle; }
    ProfilePicker > Vertical {
        width: 60; max-width: 95%; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    ProfilePicker #profiles-title { text-style: bold; margin-bottom: 1; }
    ProfilePicker OptionList { height: auto; max-height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.t("profiles.title"), id="profiles-title")
            yield OptionList(id="profiles")

    def on_mount(self) -> None:
        self.load_profiles()

    @work(exclusive=True, group="profiles", exit_on_error=False)
    async def load_profiles(self) -> None:
        profiles = await self.core.profiles.all()
        names = self.words_app.texts.language_name
        options = self.query_one(OptionList)
        options.add_options(
            Option(
                literal(
                    ("● " if p.is_active else "  ")
                    + f"{p.name} ({names(p.native_lang)} → {names(p.target_lang)}, {p.level})"
                ),
                id=str(p.id),
            )
            for p in profiles
        )
        options.add_option(Option("+ " + self.t("profiles.new"), id=NEW_PROFILE))
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        self.dismiss(choice if choice == NEW_PROFILE or choice is None else int(choice))

    def action_cancel(self) -> None:
        self.dismiss(None)
